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

fn app_mode(mut s: State, shape: bool) -> State {
    s.rendering = crate::tui::text::detect::Rendering {
        reorder: true,
        shape,
        switch_off_terminal_bidi: true,
        summary: "newsdesk reorders right-to-left text (test)".into(),
        links: false,
        links_auto: false,
    };
    s
}

fn row(t: &Terminal<TestBackend>, y: u16) -> String {
    let buffer = t.backend().buffer();
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect()
}

#[test]
fn arabic_in_app_mode_80x24_and_120x40() {
    let s = app_mode(state(), false);
    insta::assert_snapshot!("app_list_80x24", draw(&s, 80, 24).backend());
    insta::assert_snapshot!("app_list_120x40", draw(&s, 120, 40).backend());
    let mut reader = app_mode(state(), true);
    let seed = article::extract(
        "seed.txt",
        include_str!("../../../tests/fixtures/seed-ar.txt"),
    );
    reader.mode = Mode::Reader {
        scroll: 0,
        doc: Some(Box::new(seed)),
    };
    insta::assert_snapshot!("app_reader_shaped_80x24", draw(&reader, 80, 24).backend());
}

#[test]
fn rtl_title_cells_are_in_visual_order_and_right_aligned() {
    let s = app_mode(state(), false);
    let t = draw(&s, 120, 40);
    // Row 1 is the seed: «سيرغي ريابكوف: …» drawn right to left, ending at the age column.
    let line = row(&t, 1);
    let first_word: String = "سيرغي".chars().rev().collect();
    let cells: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    let title_end = line
        .find(&first_word)
        .map(|i| i + first_word.len())
        .expect("first word of the title, reversed");
    // Then the rules' suggestion, then the age.
    let rest = line[title_end..].trim_start();
    assert!(
        rest.starts_with("→Syria") && rest["→Syria".len()..].trim_start().starts_with("10m"),
        "{line}"
    );
    assert!(!cells.is_empty());
    // The economy item: its title also ends right before the age column.
    let eco = row(&t, 4);
    let end_word: String = "ارتفاع".chars().rev().collect();
    let pos = eco.find(&end_word).expect("reversed first word");
    let rest = eco[pos + end_word.len()..].trim_start();
    assert!(
        rest.starts_with("→Economy") && rest["→Economy".len()..].trim_start().starts_with("3d"),
        "{eco}"
    );
}

#[test]
fn hostile_text_never_reaches_the_screen_as_control_characters() {
    let hostile = "Breaking\x1b[2J\x1b]52;c;cHduZWQ=\x07\x1b]0;owned\x07\u{202E}txt.exe\u{9b}31m news\n\nBody with \x1b[31mred\x1b[0m and \u{202D}override\u{202C} text here.\n";
    let mut s = state();
    let a = article::extract("zz_hostile.txt", hostile);
    s.items[0].set_article(a.article.clone());
    s.message = Some((
        "\x1b]0;title\x07 message \u{202E}".into(),
        crate::tui::state::Level::Info,
    ));
    let screens = [
        draw(&s, 80, 24),
        draw(&app_mode(s.clone(), true), 120, 40),
        {
            let mut r = s.clone();
            r.mode = Mode::Reader {
                scroll: 0,
                doc: Some(Box::new(a)),
            };
            draw(&r, 80, 24)
        },
    ];
    for t in &screens {
        for cell in t.backend().buffer().content() {
            let bad = cell.symbol().chars().any(|c| {
                c.is_control()
                    || ('\u{202A}'..='\u{202E}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)
            });
            assert!(
                !bad,
                "control or bidi override on screen: {:?}",
                cell.symbol()
            );
        }
    }
}

#[test]
fn cjk_and_emoji_keep_the_columns_aligned() {
    let mut s = state();
    s.items[1].set_article(article::extract("cjk.txt", "市议会批准新预算方案并削减道路开支的详细计划公布\n\n市议会周二晚上批准了新的预算方案。\n").article);
    s.items[2].set_article(
        article::extract(
            "emoji.txt",
            "👨‍👩‍👧 Families 🇸🇾 return home — e\u{301}vacuees\n\nFamilies returned home on Monday.\n",
        )
        .article,
    );
    for width in [50, 80, 120] {
        let t = draw(&s, width, 24);
        for y in 1..=4 {
            let line = row(&t, y);
            assert!(line.ends_with('│'), "row {y} at {width}: {line}");
            let cells_before_border = t.backend().buffer()[(width - 1, y)].symbol().to_string();
            assert_eq!(cells_before_border, "│");
        }
    }
}

#[test]
fn stats_view_from_a_fixed_journal_80x24() {
    use crate::desk::{Op, Record};
    let mut s = state();
    let now = crate::tui::testing::now();
    let at = |secs_ago: u64| {
        jiff::Timestamp::try_from(now - std::time::Duration::from_secs(secs_ago))
            .expect("time")
            .to_string()
    };
    let record = |op, category: &str, ago: u64| Record {
        time: at(ago),
        user: "ana".into(),
        host: "h".into(),
        op,
        id: "i".into(),
        name: "a.txt".into(),
        from: "/desk/inbox/a.txt".into(),
        to: "/desk/filed/a.txt".into(),
        category: category.into(),
        how: "key".into(),
        batch: None,
        arrived: Some(at(ago + 1800)),
        signature: None,
    };
    let records = [
        record(Op::File, "syria", 7200),
        record(Op::File, "syria", 3600),
        record(Op::File, "economy", 600),
        record(Op::Skip, "skip", 300),
    ];
    let inbox: Vec<_> = s.items.iter().map(|i| i.entry.clone()).collect();
    s.stats = Some(crate::stats::compute(&records, &inbox, now));
    s.mode = Mode::Stats;
    insta::assert_snapshot!(draw(&s, 80, 24).backend());
}

#[test]
fn the_url_row_is_a_hyperlink_only_while_on_screen() {
    let osc8_rows = |s: &State| -> Vec<u16> {
        let t = draw(s, 80, 24);
        (0..24)
            .filter(|&y| row(&t, y).contains("\x1b]8;;https://news.example/x"))
            .collect()
    };
    let mut s = state();
    s.rendering.links = true;
    let body = "Line of the body that goes on.\n\n".repeat(40);
    let doc = article::extract(
        "x.md",
        &format!("---\ntitle: Linked\nurl: https://news.example/x\n---\n\n{body}"),
    );
    s.mode = Mode::Reader {
        scroll: 0,
        doc: Some(Box::new(doc.clone())),
    };
    // Border, title, the URL.
    assert_eq!(osc8_rows(&s), [2]);
    s.mode = Mode::Reader {
        scroll: 1,
        doc: Some(Box::new(doc.clone())),
    };
    assert_eq!(osc8_rows(&s), [1]);
    s.mode = Mode::Reader {
        scroll: 5,
        doc: Some(Box::new(doc.clone())),
    };
    assert!(osc8_rows(&s).is_empty());
    s.rendering.links = false;
    s.mode = Mode::Reader {
        scroll: 0,
        doc: Some(Box::new(doc)),
    };
    assert!(osc8_rows(&s).is_empty());
}

#[test]
fn preview_of_a_copy_of_a_filed_item_120x40() {
    use crate::tui::testing::{FLOOD_COPY, arrive, record};
    let mut s = state();
    arrive(&mut s, "flood-copy.txt", FLOOD_COPY, 60);
    let flood = s.items.iter().find(|i| i.entry.name == "flood.txt");
    let signature = flood.and_then(|i| i.article.as_ref()?.signature.clone());
    let two_hours_ago = crate::tui::testing::now() - std::time::Duration::from_secs(7200);
    let filed = crate::desk::Record {
        time: jiff::Timestamp::try_from(two_hours_ago)
            .expect("time")
            .to_string(),
        signature: signature.map(|sig| sig.encode()),
        ..record("earlier-flood.txt", "syria")
    };
    let mut index = crate::cluster::FiledIndex::default();
    index.add(&filed);
    s.set_filed(index);
    keys(&mut s, "g");
    assert_eq!(
        s.current().map(|i| i.entry.name.as_str()),
        Some("flood-copy.txt")
    );
    let t = draw(&s, 120, 40);
    let screen: String = t
        .backend()
        .buffer()
        .content
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(
        screen.contains("like an item filed → Syria 2 h ago"),
        "{}",
        t.backend()
    );
    insta::assert_snapshot!(t.backend());
}
