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
    let Effect::Move {
        items,
        to,
        signatures,
    } = &effects[0]
    else {
        panic!("{effects:?}")
    };
    assert_eq!((items.len(), items[0].name.as_str()), (1, "flood.txt"));
    assert!(
        matches!(signatures.as_slice(), [Some(_)]),
        "the body signature goes to the journal"
    );
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

mod also_filed;
mod features;
mod held;
mod let_go;
