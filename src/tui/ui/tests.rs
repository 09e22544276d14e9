//! Screens as text snapshots (insta + TestBackend), and colours checked on cells.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

use super::render;
use crate::article;
use crate::tui::state::{Mode, State};
use crate::tui::testing::{empty, keys, state};

fn draw(state: &State, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| render(frame, state)).expect("draw");
    terminal
}

#[test]
fn list_with_arabic_and_english_80x24() {
    insta::assert_snapshot!(draw(&state(), 80, 24).backend());
}

#[test]
fn list_side_by_side_120x40() {
    insta::assert_snapshot!(draw(&state(), 120, 40).backend());
}

#[test]
fn empty_inbox_80x24() {
    insta::assert_snapshot!(draw(&empty(), 80, 24).backend());
}

#[test]
fn help_overlay_80x24() {
    let mut s = state();
    keys(&mut s, "?");
    insta::assert_snapshot!(draw(&s, 80, 24).backend());
}

#[test]
fn reader_80x24_and_120x40() {
    let mut s = state();
    keys(&mut s, "j enter");
    let doc = article::extract(
        "flood.txt",
        "Flood waters rise in the valley\n\nFlood waters rose across the valley on Monday, forcing hundreds of families from their homes.\n\nWhat comes next\n\n“The water is rising faster than we have ever seen,” said Tom Hale, the county's emergency chief.\n",
    );
    s.mode = Mode::Reader {
        scroll: 0,
        doc: Some(Box::new(doc)),
    };
    insta::assert_snapshot!("reader_80x24", draw(&s, 80, 24).backend());
    let seed = article::extract(
        "seed.txt",
        include_str!("../../../tests/fixtures/seed-ar.txt"),
    );
    s.mode = Mode::Reader {
        scroll: 0,
        doc: Some(Box::new(seed)),
    };
    insta::assert_snapshot!("reader_arabic_120x40", draw(&s, 120, 40).backend());
}

#[test]
fn narrow_list_only_50x14() {
    insta::assert_snapshot!(draw(&state(), 50, 14).backend());
}

#[test]
fn too_small_message() {
    insta::assert_snapshot!(draw(&state(), 30, 6).backend());
}

#[test]
fn search_prompt_with_count() {
    let mut s = state();
    keys(&mut s, "/ v a l l e y");
    insta::assert_snapshot!(draw(&s, 80, 24).backend());
}

#[test]
fn selected_row_is_highlighted_and_no_color_uses_reverse() {
    let s = state();
    let t = draw(&s, 80, 24);
    let cell = &t.backend().buffer()[(5, 1)];
    assert_eq!((cell.fg, cell.bg), (Color::Black, Color::Cyan));
    let other = &t.backend().buffer()[(5, 2)];
    assert_eq!(other.bg, Color::Reset);
    let mut plain = state();
    plain.color = false;
    let t = draw(&plain, 80, 24);
    let cell = &t.backend().buffer()[(5, 1)];
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    assert_eq!(cell.bg, Color::Reset);
}

#[test]
fn legend_is_generated_from_the_bindings() {
    let mut s = state();
    let mut bindings = s.bindings.clone();
    bindings.retain(|_, a| *a != crate::action::Action::Skip);
    bindings.insert("z".parse().expect("key"), crate::action::Action::Skip);
    s.bindings = bindings;
    let t = draw(&s, 120, 40);
    let last_row: String = (0..120)
        .map(|x| t.backend().buffer()[(x, 39)].symbol().to_string())
        .collect();
    assert!(last_row.contains("z skip"), "{last_row}");
    assert!(!last_row.contains("x skip"), "{last_row}");
}
