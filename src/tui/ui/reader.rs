//! The reader: one item's full text, wrapped and scrollable, quotes and subheadings styled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::links;
use super::theme::Palette;
use crate::article::{BlockKind, Document};
use crate::tui::state::State;
use crate::tui::text::layout::{self, Highlights, paragraph};

/// Draws the reader over the main area.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    doc: Option<&Document>,
    scroll: u16,
    palette: &Palette,
) {
    let position = format!(" {}/{} ", state.selected + 1, state.view.len());
    let block = Block::bordered()
        .title(Span::styled(" Reader ", palette.accent))
        .title_bottom(Line::styled(position, palette.muted).right_aligned());
    let inner = block.inner(area);
    let (lines, url_row) = match doc {
        None => (vec![Line::styled("reading…", palette.muted)], None),
        Some(doc) => body(doc, usize::from(inner.width), state, palette),
    };
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let top = usize::from(scroll).min(max);
    frame.render_widget(Paragraph::new(lines[top..].to_vec()).block(block), area);
    let uri = doc
        .and_then(|d| d.article.url.as_deref())
        .and_then(links::uri);
    if state.rendering.links {
        let row = url_row.and_then(|row| row.checked_sub(top));
        links::link_line(frame.buffer_mut(), inner, row, uri.as_deref());
    }
}

/// The reader's lines, and which of them shows the URL.
fn body(
    doc: &Document,
    cells: usize,
    state: &State,
    palette: &Palette,
) -> (Vec<Line<'static>>, Option<usize>) {
    let r = &state.rendering;
    let a = &doc.article;
    let none = |_: &str| Vec::new();
    let mut lines = paragraph(&a.title, cells, r, palette.title, &none);
    let meta: Vec<&str> = [&a.source, &a.date, &a.author]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !meta.is_empty() {
        lines.extend(paragraph(&meta.join(" · "), cells, r, palette.muted, &none));
    }
    let url_row = a.url.as_ref().map(|url| {
        lines.push(layout::line(url, cells, r, palette.muted));
        lines.len() - 1
    });
    if let Some(error) = &a.error {
        lines.extend(paragraph(error, cells, r, palette.error, &none));
    }
    let quote = palette.quote;
    for block in doc.structure.content() {
        lines.push(Line::default());
        lines.extend(match block.kind {
            BlockKind::Subheading => paragraph(&block.text, cells, r, palette.accent, &none),
            BlockKind::Preamble => paragraph(&block.text, cells, r, palette.muted, &none),
            _ => paragraph(&block.text, cells, r, Style::new(), &|t| {
                quotations(t, quote)
            }),
        });
    }
    (lines, url_row)
}

/// Byte ranges of quotations (“…”, «…», "…", „…“) in a text.
fn quotations(text: &str, style: Style) -> Highlights {
    let mut marks = Vec::new();
    let mut from = 0;
    while let Some(start) = text[from..].find(['“', '«', '"', '„']).map(|i| from + i) {
        let open = text[start..].chars().next().unwrap_or('"');
        let close = match open {
            '“' => '”',
            '«' => '»',
            '„' => '“',
            _ => '"',
        };
        let after = start + open.len_utf8();
        let Some(len) = text[after..].find(close) else {
            break;
        };
        let end = after + len + close.len_utf8();
        marks.push((start..end, style));
        from = end;
    }
    marks
}
