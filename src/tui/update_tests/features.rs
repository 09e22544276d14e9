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

#[test]
fn text_folded_by_the_cache_filters_as_text_folded_afresh() {
    use crate::cache::Fields;
    use crate::tui::state::Item;
    let text = "عاجل: إدلب\n\nأعلنت موسكو اليوم أن المحادثات «مستمرة». The Council met.\n";
    let article = crate::article::extract("x.txt", text).article;
    let item = |fields: Fields| {
        let mut item = Item::new(crate::tui::testing::entry("x.txt", 5), false);
        item.set_article(fields);
        item
    };
    let (fresh, cached) = (
        item(Fields::from(article.clone())),
        item(Fields::folded(article.clone())),
    );
    let (f, c) = (fresh.folded.as_deref(), cached.folded.as_deref());
    let (f, c) = (f.expect("folded"), c.expect("folded"));
    assert_eq!(
        (f.title.as_str(), f.lead(), f.body(), &f.keywords),
        (c.title.as_str(), c.lead(), c.body(), &c.keywords)
    );
    assert!(
        !f.holds_raw() && c.holds_raw(),
        "the cached item keeps its lead as edits"
    );
    assert_eq!(cached.article.as_ref().map(|a| a.lead.as_str()), Some(""));
    assert_eq!(cached.whole_article().as_deref(), Some(&article));
    assert_eq!(cached.raw_summary(), article.summary);
    let now = crate::tui::testing::now();
    let matches = |src: &str, item: &Item| {
        let query = crate::query::Query::new(src, &Default::default()).expect("query");
        item.matches(&query, now)
    };
    let tagged = |src: &str, item: &Item| {
        let when = crate::query::Query::new(src, &Default::default()).expect("query");
        let rule = crate::rules::Rule {
            tag: vec!["hit".into()],
            ..crate::rules::Rule::new("r", when)
        };
        let mut item = item.clone();
        item.apply_rules(&crate::rules::Rules::new(vec![rule]), now);
        item.outcome.is_some_and(|o| o.tags == ["hit"])
    };
    for item in [&fresh, &cached] {
        assert!(
            tagged("lead:/أعلنت موسكو/r", item),
            "a rule reads the raw lead"
        );
        assert!(!tagged("lead:/اعلنت موسكو/r", item));
        assert!(matches("ادلب lead:موسكو council", item));
        assert!(
            matches("/أعلنت موسكو/r", item),
            "raw text rebuilt for a raw regex"
        );
        assert!(matches("lead:/The Council/r", item));
        assert!(
            !matches("/اعلنت موسكو/r", item),
            "raw text, not the folded one"
        );
    }
}

#[test]
fn names_come_first_then_the_scan_sorts_them_and_asks_for_fields() {
    use crate::tui::testing::{config, entry, listed, now};
    let mut s = State::new(&config(), now());
    let effects = handle(
        &mut s,
        Event::Listed {
            entries: vec![listed("a.txt"), listed("b.txt")],
            complete: true,
        },
    );
    assert!(
        effects.is_empty(),
        "nothing to extract before sizes and dates"
    );
    assert_eq!(names(&s), ["a.txt", "b.txt"]);
    let status = crate::tui::testing::render(&s, 80, 24);
    assert!(status.contains("reading 2…"), "{status}");
    // The scan: b is the newest, c arrived in between, a is unchanged in name.
    let scan = vec![entry("a.txt", 500), entry("b.txt", 10), entry("c.txt", 100)];
    let effects = handle(&mut s, Event::Scanned(scan));
    assert_eq!(names(&s), ["b.txt", "c.txt", "a.txt"]);
    assert_eq!(s.selected, 0, "untouched: the top of the sorted list");
    assert!(matches!(&effects[0], Effect::Extract(todo) if todo.len() == 3));
    assert!(effects.contains(&Effect::LoadStats) && effects.contains(&Effect::LoadFiled));
    let fresh: Vec<bool> = s.view.iter().map(|&i| s.items[i].fresh).collect();
    assert_eq!(
        fresh,
        [false, true, false],
        "only what was not listed is new"
    );
    // A late listing never undoes a scan.
    handle(
        &mut s,
        Event::Listed {
            entries: vec![listed("z.txt")],
            complete: true,
        },
    );
    assert_eq!(names(&s), ["b.txt", "c.txt", "a.txt"]);
}

#[test]
fn a_listing_in_batches_fills_in_by_name_and_its_gaps_are_not_new() {
    use crate::tui::testing::{config, entry, listed, now};
    let mut s = State::new(&config(), now());
    let batch = |names: &[&str], complete| Event::Listed {
        entries: names.iter().map(|n| listed(n)).collect(),
        complete,
    };
    handle(&mut s, batch(&["b.txt", "d.txt"], false));
    handle(&mut s, batch(&["a.txt", "c.txt"], false));
    assert_eq!(names(&s), ["a.txt", "b.txt", "c.txt", "d.txt"]);
    assert_eq!(s.selected, 0, "untouched: the top");
    let screen = crate::tui::testing::render(&s, 80, 24);
    assert!(
        screen.contains("Inbox 4+") && screen.contains("inbox 4+"),
        "{screen}"
    );
    keys(&mut s, "j");
    handle(&mut s, batch(&["0.txt"], false));
    assert_eq!(
        s.current().map(|i| i.entry.name.as_str()),
        Some("b.txt"),
        "touched: kept"
    );
    // The scan overtakes the listing: e was never listed, yet it did not arrive.
    let scan = ["0.txt", "a.txt", "b.txt", "c.txt", "d.txt", "e.txt"];
    handle(
        &mut s,
        Event::Scanned(scan.iter().map(|n| entry(n, 10)).collect()),
    );
    assert!(
        s.items.iter().all(|i| !i.fresh),
        "nothing is new on the first scan"
    );
    handle(&mut s, batch(&["e.txt"], true));
    assert_eq!(s.items.len(), 6, "a late batch never undoes a scan");
}

#[test]
fn a_key_pressed_on_the_listing_keeps_its_item_through_the_scan() {
    use crate::tui::testing::{config, entry, listed, now};
    let mut s = State::new(&config(), now());
    handle(
        &mut s,
        Event::Listed {
            entries: vec![listed("a.txt"), listed("b.txt")],
            complete: true,
        },
    );
    keys(&mut s, "j");
    handle(
        &mut s,
        Event::Scanned(vec![entry("a.txt", 10), entry("b.txt", 500)]),
    );
    assert_eq!(s.current().map(|i| i.entry.name.as_str()), Some("b.txt"));
}

#[test]
fn the_fixtures_hold_their_leads_as_edits_as_the_real_tui_does() {
    // So every snapshot of the preview also checks that leads come back whole.
    let s = crate::tui::testing::state();
    let slim = s
        .items
        .iter()
        .filter(|i| i.folded.as_ref().is_some_and(|f| f.holds_raw()))
        .count();
    assert!(slim * 2 > s.items.len(), "{slim} of {}", s.items.len());
}
