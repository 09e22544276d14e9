//! Items as the TUI holds them: a listing by name before the scan (in batches
//! for a big inbox), and extracted fields with lead and summary kept as edits.

use crate::tui::effect::Effect;
use crate::tui::event::Event;
use crate::tui::state::State;
use crate::tui::testing::{keys, names};
use crate::tui::update::handle;

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
