//! The reader: one item's full text, wrapped and scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Palette;
use crate::article::{BlockKind, Document};
use crate::tui::state::State;
use crate::tui::text::clean;

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
    let lines = match doc {
        None => vec![Line::styled("reading…", palette.muted)],
        Some(doc) => body(doc, palette),
    };
    let paragraph = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false });
    let total = paragraph.line_count(area.width.saturating_sub(2)) as u16;
    let max = total.saturating_sub(area.height.saturating_sub(2));
    frame.render_widget(paragraph.scroll((scroll.min(max), 0)), area);
}

fn body<'a>(doc: &Document, palette: &Palette) -> Vec<Line<'a>> {
    let a = &doc.article;
    let mut lines = vec![Line::styled(clean(&a.title), palette.title)];
    let meta: Vec<String> = [&a.source, &a.date, &a.author, &a.url]
        .into_iter()
        .flatten()
        .map(|s| clean(s))
        .collect();
    if !meta.is_empty() {
        lines.push(Line::styled(meta.join(" · "), palette.muted));
    }
    if let Some(error) = &a.error {
        lines.push(Line::styled(clean(error), palette.error));
    }
    for block in doc.structure.content() {
        lines.push(Line::default());
        let text = clean(&block.text);
        lines.push(match block.kind {
            BlockKind::Subheading => Line::styled(text, palette.accent),
            BlockKind::Preamble => Line::styled(text, palette.muted),
            _ => Line::from(quoted_spans(text, palette.quote)),
        });
    }
    lines
}

/// Splits text so that quotations (“…”, «…», "…") carry the quote style.
fn quoted_spans<'a>(text: String, quote: Style) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find(['“', '«', '"', '„']) {
        let open = rest[start..].chars().next().unwrap_or('"');
        let close = match open {
            '“' => '”',
            '«' => '»',
            '„' => '“',
            _ => '"',
        };
        let after = start + open.len_utf8();
        let Some(len) = rest[after..].find(close) else {
            break;
        };
        let end = after + len + close.len_utf8();
        spans.push(Span::raw(rest[..start].to_string()));
        spans.push(Span::styled(rest[start..end].to_string(), quote));
        rest = &rest[end..];
    }
    spans.push(Span::raw(rest.to_string()));
    spans
}
