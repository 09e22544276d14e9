//! Keys in, state out, for the features around triage: config reload, the query
//! filter, stats and clipboard, mouse, story clusters, rule suggestions.

use crate::tui::effect::{Destination, Effect};
use crate::tui::event::Event;
use crate::tui::state::{Level, Mode, State};
use crate::tui::testing::{keys, names, state};
use crate::tui::update::handle;

/// Saves `text` as the config, as the TUI sees it when the file changes.
fn reload(s: &mut State, text: &str) -> Vec<Effect> {
    let config = crate::config::Config::parse(
        text,
        std::path::Path::new("c.toml"),
        std::path::Path::new("/desk"),
    )
    .expect("config");
    handle(s, Event::ConfigReloaded(Ok(Box::new(config))))
}

#[test]
fn a_reloaded_config_switches_hyperlinks() {
    let mut s = state();
    s.rendering.links_auto = true;
    let reload = |s: &mut State, text: &str| {
        reload(s, text);
        s.rendering.links
    };
    assert!(!reload(&mut s, "[display]\nhyperlinks = \"off\"\n"));
    assert!(reload(&mut s, "[display]\nhyperlinks = \"auto\"\n"));
    s.rendering.links_auto = false;
    assert!(!reload(&mut s, "[display]\nhyperlinks = \"auto\"\n"));
    assert!(reload(&mut s, "[display]\nhyperlinks = \"on\"\n"));
}

#[test]
fn a_reloaded_config_changes_keys_and_a_broken_one_keeps_the_old() {
    let mut s = state();
    let text = "[[category]]\nname = \"levant\"\nkey = \"9\"\nlabel = \"Levant\"\n";
    let effects = reload(&mut s, text);
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
    use crate::tui::event::{Mouse, MouseKind};
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
            .map(|(name, _)| crate::tui::testing::entry(name, 30)),
    );
    handle(&mut s, Event::Scanned(entries));
    let articles = copies
        .iter()
        .map(|(name, text)| crate::article::extract(name, text).article.into())
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
        matches!(effects.as_slice(), [Effect::Move { to: Destination::Category(c), items, .. }] if c == "syria" && items[0].name == "000_seed.txt"),
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

#[test]
fn tab_steps_through_the_saved_views_and_a_view_key_toggles_its_view() {
    let mut s = state();
    assert_eq!(names(&s).len(), 4);
    keys(&mut s, "tab");
    assert_eq!(s.active_view().map(|v| v.name.as_str()), Some("Arabic"));
    assert_eq!(names(&s), ["000_seed.txt", "ar-economy.txt"]);
    assert_eq!(
        s.message.as_ref().map(|(m, _)| m.as_str()),
        Some("view Arabic: 2 items")
    );
    keys(&mut s, "tab");
    assert_eq!(s.active_view().map(|v| v.name.as_str()), Some("Syria"));
    assert_eq!(names(&s), ["000_seed.txt"], "only the seed is about Idlib");
    keys(&mut s, "backtab backtab");
    assert!(s.active_view().is_none());
    assert_eq!(names(&s).len(), 4);
    keys(&mut s, "backtab");
    assert_eq!(
        s.active_view().map(|v| v.name.as_str()),
        Some("Long reads"),
        "backwards from every item is the last view"
    );
    keys(&mut s, "A");
    assert_eq!(s.active_view().map(|v| v.name.as_str()), Some("Arabic"));
    // The filter narrows the view further.
    keys(&mut s, "/ ن ف ط enter");
    assert_eq!(names(&s), ["ar-economy.txt"]);
    keys(&mut s, "A");
    assert!(
        s.active_view().is_none(),
        "the view's key again: every item"
    );
    assert_eq!(names(&s), ["ar-economy.txt"], "the filter stays");
}

#[test]
fn a_reload_keeps_the_view_in_force_while_it_exists() {
    let mut s = state();
    keys(&mut s, "A");
    reload(
        &mut s,
        "[[view]]\nname = \"x\"\nquery = 'lang:en'\n[[view]]\nname = \"Arabic\"\nquery = 'lang:ar'\n",
    );
    assert_eq!(s.active_view().map(|v| v.name.as_str()), Some("Arabic"));
    assert_eq!(names(&s).len(), 2);
    reload(&mut s, "inbox = \"inbox\"\n");
    assert!(s.active_view().is_none());
    assert_eq!(names(&s).len(), 4);
    keys(&mut s, "tab");
    assert!(
        s.message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("no saved views"))
    );
}
