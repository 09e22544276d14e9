//! Keys in, state out: the update function driven through the real keymap.

use super::effect::{Destination, Effect};
use super::event::Event;
use super::state::{Level, Mode};
use super::testing::{empty, keys, names, record, state};
use super::update::handle;

#[test]
fn newest_first_and_navigation_stops_at_the_ends() {
    let mut s = state();
    assert_eq!(
        names(&s),
        ["000_seed.txt", "flood.txt", "budget.md", "ar-economy.txt"]
    );
    keys(&mut s, "k");
    assert_eq!(s.selected, 0);
    keys(&mut s, "j j j j j");
    assert_eq!(s.selected, 3);
    keys(&mut s, "g");
    assert_eq!(s.selected, 0);
    keys(&mut s, "G");
    assert_eq!(s.selected, 3);
    keys(&mut s, "home down");
    assert_eq!(s.selected, 1);
}

#[test]
fn a_category_key_files_the_selected_item_and_the_next_one_is_selected() {
    let mut s = state();
    keys(&mut s, "j");
    let effects = keys(&mut s, "1");
    let Effect::Move { items, to } = &effects[0] else {
        panic!("{effects:?}")
    };
    assert_eq!((items.len(), items[0].name.as_str()), (1, "flood.txt"));
    assert_eq!(to, &Destination::Category("syria".into()));
    handle(
        &mut s,
        Event::Moved {
            done: vec![record("flood.txt", "syria")],
            failed: vec![],
            gone: vec![],
        },
    );
    assert_eq!(names(&s), ["000_seed.txt", "budget.md", "ar-economy.txt"]);
    assert_eq!(
        s.current().map(|i| i.entry.name.as_str()),
        Some("budget.md")
    );
    assert_eq!(s.filed.get("syria"), Some(&1));
    assert!(
        s.message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("→ Syria"))
    );
}

#[test]
fn marks_file_together() {
    let mut s = state();
    keys(&mut s, "space j space");
    assert_eq!(s.marks.len(), 2);
    let effects = keys(&mut s, "3");
    let Effect::Move { items, .. } = &effects[0] else {
        panic!("{effects:?}")
    };
    let filed: Vec<&str> = items.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(filed, ["000_seed.txt", "budget.md"]);
    handle(
        &mut s,
        Event::Moved {
            done: vec![
                record("000_seed.txt", "world"),
                record("budget.md", "world"),
            ],
            failed: vec![],
            gone: vec![],
        },
    );
    assert!(s.marks.is_empty());
    assert_eq!(names(&s), ["flood.txt", "ar-economy.txt"]);
}

#[test]
fn skip_and_undo_ask_for_their_effects() {
    let mut s = state();
    assert!(matches!(
        keys(&mut s, "x").as_slice(),
        [Effect::Move {
            to: Destination::Skip,
            ..
        }]
    ));
    assert_eq!(keys(&mut s, "u"), [Effect::Undo]);
    let mut undone = record("flood.txt", "syria");
    std::mem::swap(&mut undone.from, &mut undone.to);
    let effects = handle(&mut s, Event::Undone(Ok(vec![undone])));
    assert_eq!(effects, [Effect::Rescan]);
    assert_eq!(s.select_after_scan.as_deref(), Some("flood.txt"));
}

#[test]
fn an_item_filed_elsewhere_leaves_the_list_with_a_message() {
    let mut s = state();
    let failed = vec!["000_seed.txt: already filed → syria by ben@h".to_string()];
    handle(
        &mut s,
        Event::Moved {
            done: vec![],
            failed,
            gone: vec!["000_seed.txt".into()],
        },
    );
    assert_eq!(s.view.len(), 3);
    assert_eq!(
        s.message.as_ref().map(|(m, l)| (m.as_str(), *l)),
        Some(("000_seed.txt: already filed → syria by ben@h", Level::Error))
    );
}

#[test]
fn a_failed_move_keeps_the_item_listed() {
    let mut s = state();
    handle(
        &mut s,
        Event::Moved {
            done: vec![],
            failed: vec!["flood.txt: Permission denied".into()],
            gone: vec![],
        },
    );
    assert_eq!(s.view.len(), 4);
    assert_eq!(s.message.as_ref().map(|(_, l)| *l), Some(Level::Error));
}

#[test]
fn search_filters_live_and_esc_clears() {
    let mut s = state();
    keys(&mut s, "/ f l o o d");
    assert_eq!(s.mode, Mode::Search);
    assert_eq!(names(&s), ["flood.txt"]);
    keys(&mut s, "enter");
    assert_eq!((s.mode.clone(), s.view.len()), (Mode::List, 1));
    keys(&mut s, "/ esc");
    assert_eq!(s.view.len(), 4);
    keys(&mut s, "/ ا د ل ب");
    assert_eq!(
        names(&s),
        ["000_seed.txt"],
        "folded Arabic search finds إدلب"
    );
}

#[test]
fn reader_opens_scrolls_moves_and_closes() {
    let mut s = state();
    let effects = keys(&mut s, "enter");
    assert!(matches!(effects.as_slice(), [Effect::LoadBody(p)] if p.ends_with("000_seed.txt")));
    keys(&mut s, "j j J");
    assert!(matches!(s.mode, Mode::Reader { scroll: 3, .. }));
    let effects = keys(&mut s, "n");
    assert!(matches!(effects.as_slice(), [Effect::LoadBody(p)] if p.ends_with("flood.txt")));
    assert!(matches!(s.mode, Mode::Reader { scroll: 0, .. }));
    keys(&mut s, "esc");
    assert_eq!(s.mode, Mode::List);
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut s = state();
    keys(&mut s, "?");
    assert_eq!(s.mode, Mode::Help { scroll: 0 });
    keys(&mut s, "j j k");
    assert_eq!(s.mode, Mode::Help { scroll: 1 });
    assert!(keys(&mut s, "1").is_empty(), "a key in help does not file");
    assert_eq!(s.mode, Mode::List);
}

#[test]
fn every_key_on_an_empty_inbox_is_harmless() {
    let mut s = empty();
    let all: Vec<String> = s
        .bindings
        .keys()
        .map(|k| k.to_string())
        .filter(|k| k != "q" && k != "/")
        .collect();
    for key in all {
        let effects = keys(&mut s, &key);
        assert!(
            effects.iter().all(|e| matches!(
                e,
                Effect::Undo | Effect::Suspend | Effect::Redraw | Effect::LoadStats
            )),
            "{key}: {effects:?}"
        );
        keys(&mut s, "esc");
    }
    assert!(!s.quit);
    keys(&mut s, "q");
    assert!(s.quit);
}

#[test]
fn sort_cycles_and_keeps_the_selection() {
    let mut s = state();
    keys(&mut s, "j");
    keys(&mut s, "s");
    assert_eq!(names(&s)[0], "ar-economy.txt", "oldest first");
    assert_eq!(
        s.current().map(|i| i.entry.name.as_str()),
        Some("flood.txt")
    );
    keys(&mut s, "s");
    assert_eq!(names(&s)[0], "budget.md", "by title: Council…");
}

#[test]
fn new_arrivals_are_fresh_and_vanished_items_go() {
    let mut s = state();
    let mut entries: Vec<_> = s
        .items
        .iter()
        .map(|i| i.entry.clone())
        .filter(|e| e.name != "budget.md")
        .collect();
    entries.push(super::testing::entry("new.txt", 5));
    let effects = handle(&mut s, Event::Scanned(entries));
    assert!(
        matches!(effects.as_slice(), [Effect::Extract(e)] if e.len() == 1 && e[0].name == "new.txt")
    );
    assert_eq!(
        names(&s),
        ["new.txt", "000_seed.txt", "flood.txt", "ar-economy.txt"]
    );
    assert!(s.items.iter().any(|i| i.fresh && i.entry.name == "new.txt"));
}

#[test]
fn a_reloaded_config_changes_keys_and_a_broken_one_keeps_the_old() {
    let mut s = state();
    let text = "[[category]]\nname = \"levant\"\nkey = \"9\"\nlabel = \"Levant\"\n";
    let config = crate::config::Config::parse(
        text,
        std::path::Path::new("c.toml"),
        std::path::Path::new("/desk"),
    )
    .expect("config");
    let effects = handle(&mut s, Event::ConfigReloaded(Ok(Box::new(config))));
    assert!(matches!(effects.as_slice(), [Effect::UseConfig(_)]));
    assert!(
        matches!(keys(&mut s, "9").as_slice(), [Effect::Move { to: Destination::Category(c), .. }] if c == "levant")
    );
    assert!(keys(&mut s, "1").is_empty(), "the old category key is gone");
    let effects = handle(
        &mut s,
        Event::ConfigReloaded(Err("c.toml:2:1: unknown field `nmae`".into())),
    );
    assert!(effects.is_empty());
    assert_eq!(
        s.message.as_ref().map(|(m, l)| (m.as_str(), *l)),
        Some((
            "config not reloaded: c.toml:2:1: unknown field `nmae`",
            Level::Error
        ))
    );
    assert!(
        !keys(&mut s, "9").is_empty(),
        "the good config stays in force"
    );
}

#[test]
fn the_filter_speaks_the_query_language_and_shows_errors_inline() {
    let mut s = state();
    keys(&mut s, "/");
    for c in "lang:ar".chars() {
        handle(
            &mut s,
            Event::Key(crate::keymap::Chord::plain(crate::keymap::Key::Char(c))),
        );
    }
    assert_eq!(names(&s), ["000_seed.txt", "ar-economy.txt"]);
    keys(&mut s, "space ( ");
    assert!(
        s.query_error.as_ref().is_some_and(|e| e.column == 10),
        "{:?}",
        s.query_error
    );
    assert_eq!(
        names(&s),
        ["000_seed.txt", "ar-economy.txt"],
        "the last valid filter stays in force"
    );
    keys(&mut s, "enter");
    assert_eq!(s.filter, "lang:ar", "enter drops the invalid edit");
    keys(&mut s, "esc");
    assert_eq!(s.view.len(), 4, "esc in the list clears the filter");
}

#[test]
fn stats_view_and_copying_fields() {
    let mut s = state();
    assert_eq!(keys(&mut s, "S"), [Effect::LoadStats]);
    assert_eq!(s.mode, Mode::Stats);
    keys(&mut s, "esc");
    assert_eq!(s.mode, Mode::List);
    let effects = keys(&mut s, "y");
    assert!(
        matches!(effects.as_slice(), [Effect::Copy(t)] if t.starts_with("سيرغي ريابكوف")),
        "the logical title: {effects:?}"
    );
    assert!(keys(&mut s, "Y").is_empty(), "the seed has no URL");
    assert!(
        s.message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("no URL"))
    );
    assert!(
        matches!(keys(&mut s, "ctrl-y").as_slice(), [Effect::Copy(p)] if p.ends_with("000_seed.txt"))
    );
}

#[test]
fn mouse_click_selects_wheel_scrolls_and_a_legend_click_files() {
    use super::event::{Mouse, MouseKind};
    let mut s = state();
    handle(&mut s, Event::Resize(80, 24));
    let click = |column, row| {
        Event::Mouse(Mouse {
            kind: MouseKind::Click,
            column,
            row,
        })
    };
    handle(&mut s, click(10, 3));
    assert_eq!(
        s.selected, 2,
        "the third row of the list (the border is row 0)"
    );
    handle(
        &mut s,
        Event::Mouse(Mouse {
            kind: MouseKind::WheelUp,
            column: 10,
            row: 3,
        }),
    );
    assert_eq!(s.selected, 0);
    handle(
        &mut s,
        Event::Mouse(Mouse {
            kind: MouseKind::WheelDown,
            column: 10,
            row: 3,
        }),
    );
    assert_eq!(s.selected, 3);
    // The legend's first hint is "1 Syria" at the bottom row.
    let effects = handle(&mut s, click(2, 23));
    assert!(
        matches!(effects.as_slice(), [Effect::Move { to: Destination::Category(c), .. }] if c == "syria"),
        "{effects:?}"
    );
    assert!(
        handle(&mut s, click(79, 23)).is_empty(),
        "past the last hint"
    );
}

#[test]
fn grouped_by_story_one_row_files_every_copy() {
    let mut s = state();
    let story = "Turkish and Russian delegations met in Ankara on Friday for a second day of talks on a ceasefire in Idlib province, where shelling has forced thousands from their homes.\n\nThe talks follow the deaths of four soldiers at an observation post on Sunday, an attack Ankara blamed on government forces.\n\nAid agencies say camps near the border are already full and fuel for heating is running short.\n";
    let mut entries: Vec<_> = s.items.iter().map(|i| i.entry.clone()).collect();
    let copies = [
        ("copy-a.txt", format!("Idlib talks resume\n\n{story}")),
        (
            "copy-b.txt",
            format!("Second day of Idlib talks\n\nBy Staff Writer\n\n{story}"),
        ),
    ];
    entries.extend(
        copies
            .iter()
            .map(|(name, _)| super::testing::entry(name, 30)),
    );
    handle(&mut s, Event::Scanned(entries));
    let articles = copies
        .iter()
        .map(|(name, text)| crate::article::extract(name, text).article)
        .collect();
    handle(&mut s, Event::Extracted(articles));
    assert_eq!(s.view.len(), 6);
    keys(&mut s, "c");
    assert_eq!(s.view.len(), 5, "the two copies share one row");
    keys(&mut s, "g");
    assert_eq!(
        s.current().map(|i| i.entry.name.as_str()),
        Some("copy-a.txt")
    );
    let effects = keys(&mut s, "1");
    let Effect::Move { items, .. } = &effects[0] else {
        panic!("{effects:?}")
    };
    let names: Vec<&str> = items.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        ["copy-a.txt", "copy-b.txt"],
        "one key files the whole story"
    );
    keys(&mut s, "c");
    assert_eq!(s.view.len(), 6, "c again lists every copy");
}

#[test]
fn the_rules_suggestion_is_one_key_away_and_the_filter_sees_rule_tags() {
    let mut s = state();
    assert_eq!(
        s.current().and_then(|i| i.suggestion()),
        Some("syria"),
        "the bundled rules suggest syria for the seed"
    );
    let effects = keys(&mut s, "a");
    assert!(
        matches!(effects.as_slice(), [Effect::Move { to: Destination::Category(c), items }] if c == "syria" && items[0].name == "000_seed.txt"),
        "{effects:?}"
    );
    keys(&mut s, "/ t a g : i d l i b enter");
    assert_eq!(
        names(&s),
        ["000_seed.txt"],
        "tags added by rules are searchable"
    );
    keys(&mut s, "esc j");
    assert!(keys(&mut s, "a").is_empty(), "flood has no suggestion");
}
