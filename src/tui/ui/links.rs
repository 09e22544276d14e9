//! OSC 8 hyperlinks: cells already drawn get wrapped in the link sequence, one cell
//! at a time, with their width forced so ratatui's diff does not count the escape
//! bytes as columns.

use std::fmt::Write;
use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// The URL as it may go inside OSC 8: only `http` and `https`, and every byte outside
/// printable ASCII (escape, bell, space, non-ASCII) percent-encoded, so nothing from
/// an article can end the sequence early. `None` for other schemes.
pub fn uri(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme = url.split_once(':')?.0.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if (0x21..=0x7e).contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    Some(out)
}

/// Links line `line` of a pane whose first line is drawn at the top of `inner`,
/// when it is on screen and there is a web URL.
pub fn link_line(buf: &mut Buffer, inner: Rect, line: Option<usize>, uri: Option<&str>) {
    let (Some(line), Some(uri)) = (line, uri) else {
        return;
    };
    let Ok(dy) = u16::try_from(line) else { return };
    if dy < inner.height {
        link(buf, Rect::new(inner.x, inner.y + dy, inner.width, 1), uri);
    }
}

/// Makes the drawn text in `row` (one row of the buffer) a link to `uri`.
pub fn link(buf: &mut Buffer, row: Rect, uri: &str) {
    let area = row.intersection(buf.area);
    let y = area.y;
    let mut x = area.x;
    while x < area.right() {
        let Some(cell) = buf.cell_mut((x, y)) else {
            break;
        };
        let symbol = cell.symbol().to_string();
        let width = symbol.width().max(1);
        if !symbol.trim().is_empty() {
            cell.set_symbol(&format!("\x1b]8;;{uri}\x1b\\{symbol}\x1b]8;;\x1b\\"));
            let forced = NonZeroU16::new(width as u16).unwrap_or(NonZeroU16::MIN);
            cell.set_diff_option(CellDiffOption::ForcedWidth(forced));
        }
        x = x.saturating_add(width as u16);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Line;
    use ratatui::widgets::Widget;

    #[test]
    fn only_web_urls_become_links_and_nothing_escapes() {
        assert_eq!(
            uri("https://example.org/a?b=1").as_deref(),
            Some("https://example.org/a?b=1")
        );
        assert_eq!(uri("HTTP://x.org").as_deref(), Some("HTTP://x.org"));
        assert_eq!(uri("javascript:alert(1)"), None);
        assert_eq!(uri("file:///etc/passwd"), None);
        assert_eq!(uri("no scheme"), None);
        let hostile = uri("https://x.org/\x1b]8;;evil\x07\x1b\\ ذ").unwrap();
        assert_eq!(hostile, "https://x.org/%1B]8;;evil%07%1B\\%20%D8%B0");
        assert!(!hostile.bytes().any(|b| b < 0x20 || b == 0x7f));
    }

    #[test]
    fn each_drawn_cell_is_wrapped_and_keeps_its_width() {
        let area = Rect::new(0, 0, 12, 1);
        let mut buf = Buffer::empty(area);
        Line::from("ab 中").render(area, &mut buf);
        link(&mut buf, area, "https://x.org");
        let open = "\x1b]8;;https://x.org\x1b\\";
        assert_eq!(buf[(0, 0)].symbol(), format!("{open}a\x1b]8;;\x1b\\"));
        assert_eq!(buf[(1, 0)].symbol(), format!("{open}b\x1b]8;;\x1b\\"));
        assert_eq!(buf[(2, 0)].symbol(), " ", "blanks stay plain");
        assert_eq!(buf[(3, 0)].symbol(), format!("{open}中\x1b]8;;\x1b\\"));
        let two = NonZeroU16::new(2).unwrap();
        assert_eq!(buf[(3, 0)].diff_option, CellDiffOption::ForcedWidth(two));
        assert_eq!(
            buf[(0, 0)].diff_option,
            CellDiffOption::ForcedWidth(NonZeroU16::MIN)
        );
        assert_eq!(buf[(6, 0)].symbol(), " ");
    }
}
