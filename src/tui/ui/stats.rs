//! The stats view: arrivals per hour as a sparkline, filings per category as bars,
//! today's throughput and the oldest waiting item.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Sparkline};

use super::list::age;
use super::theme::Palette;
use crate::stats::Stats;
use crate::tui::state::State;
use crate::tui::text::truncate;

/// Draws the stats over the main area.
pub fn render(frame: &mut Frame, area: Rect, state: &State, palette: &Palette) {
    let block = Block::bordered().title(Span::styled(
        " Desk statistics — S or esc closes ",
        palette.accent,
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(stats) = &state.stats else {
        frame.render_widget(
            Paragraph::new(Span::styled("reading the journal…", palette.muted)),
            inner,
        );
        return;
    };
    let [summary, spark, bars] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(5),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(summary_lines(stats, state, palette)),
        summary,
    );
    let arrivals = Sparkline::default()
        .block(Block::new().title(Span::styled(
            format!(
                "arrivals per hour, last 24 h ({} in all)",
                stats.arrivals_per_hour.iter().sum::<u64>()
            ),
            palette.muted,
        )))
        .data(&stats.arrivals_per_hour)
        .style(palette.accent);
    frame.render_widget(arrivals, spark);
    let group: Vec<Bar> = stats
        .filed
        .iter()
        .map(|(category, n)| {
            Bar::default()
                .label(Line::from(truncate(state.label(category), 10)))
                .value(*n)
        })
        .collect();
    let chart = BarChart::default()
        .block(Block::new().title(Span::styled("filed per category", palette.muted)))
        .data(BarGroup::default().bars(&group))
        .bar_width(10)
        .bar_gap(2)
        .bar_style(palette.accent)
        .value_style(palette.selected);
    frame.render_widget(chart, bars);
}

fn summary_lines<'a>(stats: &Stats, state: &State, palette: &Palette) -> Vec<Line<'a>> {
    let oldest = match &stats.oldest {
        Some((name, waited)) => format!(
            "{} ({})",
            truncate(name, 40),
            age(state.now, state.now - *waited)
        ),
        None => "none: the inbox is empty".into(),
    };
    vec![
        Line::from(vec![
            Span::styled("today   ", palette.muted),
            Span::raw(format!("{} moved", stats.today)),
        ]),
        Line::from(vec![
            Span::styled("waiting ", palette.muted),
            Span::raw(format!("{} in the inbox", stats.waiting)),
        ]),
        Line::from(vec![
            Span::styled("oldest  ", palette.muted),
            Span::raw(oldest),
        ]),
    ]
}

/// A compact sparkline of the last 12 hours of arrivals, for the status line.
pub fn sparkline(stats: &Stats) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let recent = &stats.arrivals_per_hour[stats.arrivals_per_hour.len().saturating_sub(12)..];
    let max = recent.iter().copied().max().unwrap_or(0).max(1);
    recent
        .iter()
        .map(|&n| {
            if n == 0 {
                ' '
            } else {
                LEVELS[((n * 7) / max) as usize]
            }
        })
        .collect()
}
