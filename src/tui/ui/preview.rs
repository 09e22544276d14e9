//! The preview pane: the selected item's summary fields.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::links;
use super::theme::Palette;
use crate::article::{Article, Dir};
use crate::tui::state::State;
use crate::tui::text::layout::{self, paragraph};

/// Draws the fields of the selected item.
pub fn render(frame: &mut Frame, area: Rect, state: &State, palette: &Palette) {
    let block = Block::bordered().title(Span::styled(" Preview ", palette.accent));
    let cells = usize::from(block.inner(area).width);
    let r = &state.rendering;
    let plain = |text: &str, style: Style| paragraph(text, cells, r, style, &|_| Vec::new());
    let mut url = None;
    let lines = match state.current() {
        None => vec![Line::styled("No item selected.", palette.muted)],
        Some(item) => match item.whole_article() {
            None => [
                plain(&item.entry.name, palette.title),
                vec![Line::styled("reading…", palette.muted)],
            ]
            .concat(),
            Some(a) => {
                let (fields, row) = fields(&a, cells, state, palette);
                url = row.zip(a.url.as_deref().and_then(links::uri));
                [fields, copies(cells, state, palette)].concat()
            }
        },
    };
    let inner = block.inner(area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
    if state.rendering.links {
        let (row, uri) = url.unzip();
        links::link_line(frame.buffer_mut(), inner, row, uri.as_deref());
    }
}

/// The field lines, and which of them shows the URL.
fn fields(
    a: &Article,
    cells: usize,
    state: &State,
    palette: &Palette,
) -> (Vec<Line<'static>>, Option<usize>) {
    let r = &state.rendering;
    let plain = |text: &str, style: Style| paragraph(text, cells, r, style, &|_| Vec::new());
    let mut lines = plain(&a.title, palette.title);
    if let Some(error) = &a.error {
        lines.extend(plain(error, palette.error));
        return (lines, None);
    }
    let dir = if a.dir == Dir::Rtl { "rtl" } else { "ltr" };
    let mut meta = vec![a.lang.clone().unwrap_or_else(|| "?".into()) + " " + dir];
    meta.extend(
        [&a.source, &a.date, &a.author]
            .into_iter()
            .flatten()
            .cloned(),
    );
    meta.push(format!("{} words, {} min", a.words, a.reading_minutes));
    lines.extend(plain(&meta.join(" · "), palette.muted));
    let url_row = a.url.as_ref().map(|url| {
        lines.push(layout::line(url, cells, r, palette.muted));
        lines.len() - 1
    });
    if let Some(line) = filed_line(state, palette) {
        lines.push(line);
    }
    if let Some(line) = rules_line(state, palette) {
        lines.push(line);
    }
    if !a.keywords.is_empty() {
        lines.extend(plain(
            &format!("keywords: {}", a.keywords.join(", ")),
            Style::new(),
        ));
    }
    section(&mut lines, "Lead", &a.lead, cells, state, palette);
    if a.summary != a.lead {
        section(&mut lines, "Summary", &a.summary, cells, state, palette);
    }
    if !a.quotes.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Quotes", palette.accent));
        for q in &a.quotes {
            let who = q.speaker.as_deref().unwrap_or("unattributed");
            lines.extend(paragraph(
                &format!("“{}” — {who}", q.text),
                cells,
                r,
                palette.quote,
                &|_| Vec::new(),
            ));
        }
    }
    if !a.subheadings.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Subheadings", palette.accent));
        for s in &a.subheadings {
            lines.extend(plain(&format!("• {s}"), Style::new()));
        }
    }
    for note in &a.notes {
        lines.push(layout::line(
            &format!("note: {note}"),
            cells,
            r,
            palette.muted,
        ));
    }
    (lines, url_row)
}

fn section(
    lines: &mut Vec<Line<'static>>,
    label: &'static str,
    text: &str,
    cells: usize,
    state: &State,
    palette: &Palette,
) {
    if text.is_empty() {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::styled(label, palette.accent));
    lines.extend(paragraph(
        text,
        cells,
        &state.rendering,
        Style::new(),
        &|_| Vec::new(),
    ));
}

/// Grouped by story: the other copies, and the sentences each adds to or drops
/// from the first copy's summary.
fn copies(cells: usize, state: &State, palette: &Palette) -> Vec<Line<'static>> {
    use crate::article::fold::fold;
    use crate::article::summary::sentences;
    let Some(&index) = state.view.get(state.selected) else {
        return Vec::new();
    };
    if !state.grouped || state.clusters.size(index) < 2 {
        return Vec::new();
    }
    let r = &state.rendering;
    let members = state.clusters.members(index);
    let first = state.items[index].raw_summary();
    let first = first.as_ref();
    let first_set: Vec<String> = sentences(first).into_iter().map(fold).collect();
    let mut lines = vec![
        Line::default(),
        Line::styled(
            format!("{} copies of this story", members.len()),
            palette.accent,
        ),
    ];
    for &other in &members[1..] {
        let item = &state.items[other];
        if !item.extracted() {
            continue;
        }
        let from = item.source().unwrap_or(&item.entry.name);
        lines.extend(paragraph(
            &format!("• {from}: {}", item.title()),
            cells,
            r,
            Style::new(),
            &|_| Vec::new(),
        ));
        let summary = item.raw_summary();
        let theirs = sentences(&summary);
        let their_set: Vec<String> = theirs.iter().map(|s| fold(s)).collect();
        for s in theirs
            .iter()
            .filter(|s| !first_set.contains(&fold(s)))
            .take(2)
        {
            lines.extend(paragraph(
                &format!("  + {s}"),
                cells,
                r,
                palette.fresh,
                &|_| Vec::new(),
            ));
        }
        for s in sentences(first)
            .iter()
            .filter(|s| !their_set.contains(&fold(s)))
            .take(2)
        {
            lines.extend(paragraph(
                &format!("  − {s}"),
                cells,
                r,
                palette.muted,
                &|_| Vec::new(),
            ));
        }
    }
    lines
}

/// "like an item filed → Syria 2 h ago": the selected item copies one filed lately.
fn filed_line(state: &State, palette: &Palette) -> Option<Line<'static>> {
    let filed = state.current()?.also_filed.as_ref()?;
    let now = jiff::Timestamp::try_from(state.now).ok()?;
    let text = filed.like(state.label(&filed.category), now);
    Some(Line::styled(crate::tui::text::clean(&text), palette.accent))
}

/// What the rules say of the selected item: `a files → Syria (rule idlib) · tags … · priority …`.
fn rules_line(state: &State, palette: &Palette) -> Option<Line<'static>> {
    let outcome = state.current()?.outcome.as_ref()?;
    let mut parts = Vec::new();
    if let Some(category) = outcome.suggestion() {
        let rule = outcome
            .file
            .as_ref()
            .map(|f| f.rule.clone())
            .or_else(|| outcome.suggestions.first().map(|s| s.rule.clone()))
            .unwrap_or_default();
        let key = state
            .keys_for(&crate::action::Action::AcceptSuggestion)
            .into_iter()
            .next()
            .unwrap_or_default();
        parts.push(format!(
            "{key} files → {} (rule {rule})",
            state.label(category)
        ));
    } else if let Some(skip) = &outcome.skip {
        parts.push(format!("rule {} says skip", skip.rule));
    }
    if !outcome.tags.is_empty() {
        parts.push(format!("tags {}", outcome.tags.join(", ")));
    }
    if let Some(p) = outcome.priority {
        parts.push(format!("priority {p}"));
    }
    (!parts.is_empty())
        .then(|| Line::styled(crate::tui::text::clean(&parts.join(" · ")), palette.accent))
}
