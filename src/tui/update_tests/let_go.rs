//! A big inbox lets its items' fields go and reads them back from the
//! extraction cache: everything shown, filtered and decided must be the same as
//! with the fields in memory.

use std::time::SystemTime;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::query::Query;
use crate::rules::{Rule, Rules};
use crate::tui::state::State;
use crate::tui::testing::{let_go, names, now, state};

fn screen(state: &State, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|f| crate::tui::ui::render(f, state))
        .expect("draw");
    format!("{}", terminal.backend())
}

fn both() -> (State, State, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let stored = let_go(&dir.path().join("cache.bin"));
    (state(), stored, dir)
}

#[test]
fn items_past_the_limit_keep_only_what_the_list_shows() {
    let (held, stored, _dir) = both();
    assert!(
        held.items
            .iter()
            .all(|i| i.article.is_some() && i.card.is_none())
    );
    assert!(
        stored
            .items
            .iter()
            .all(|i| i.article.is_none() && i.folded.is_none() && i.card.is_some()),
        "every item let go"
    );
    for (h, s) in held.items.iter().zip(&stored.items) {
        assert_eq!(
            (h.title(), h.lang(), h.dir(), h.source(), h.failed()),
            (s.title(), s.lang(), s.dir(), s.source(), s.failed())
        );
        assert_eq!(h.whole_article(), s.whole_article(), "read back whole");
        assert_eq!(h.raw_summary(), s.raw_summary());
        assert_eq!(h.signature(), s.signature());
    }
}

#[test]
fn the_screen_is_the_same_with_fields_let_go() {
    let (mut held, mut stored, _dir) = both();
    for keys in ["", "j", "j j j"] {
        crate::tui::testing::keys(&mut held, keys);
        crate::tui::testing::keys(&mut stored, keys);
        for (w, h) in [(80, 24), (120, 40)] {
            assert_eq!(
                screen(&held, w, h),
                screen(&stored, w, h),
                "{keys:?} {w}x{h}"
            );
        }
    }
}

#[test]
fn filters_and_rules_read_the_fields_back() {
    let (mut held, mut stored, _dir) = both();
    for filter in [
        "ادلب",
        "lead:موسكو",
        "lang:ar",
        "source:\"city wire\"",
        "flood OR budget",
        "title:/Flood/r",
        "lead:/أعلنت موسكو/r",
        "body:rising -lang:ar",
        "keyword:النفط",
    ] {
        held.set_filter(filter.into());
        stored.set_filter(filter.into());
        assert!(held.query_error.is_none(), "{filter}");
        assert_eq!(names(&held), names(&stored), "{filter}");
        assert!(!names(&held).is_empty(), "{filter} matches something");
    }
    let when = Query::new("ادلب OR body:rising", &Default::default()).expect("query");
    let rules = Rules::new(vec![Rule {
        tag: vec!["hot".into()],
        ..Rule::new("hot", when)
    }]);
    let tags = |state: &mut State| {
        let now: SystemTime = now();
        for item in &mut state.items {
            item.apply_rules(&rules, now);
        }
        state
            .items
            .iter()
            .map(|i| i.outcome.as_ref().map(|o| o.tags.clone()))
            .collect::<Vec<_>>()
    };
    let got = tags(&mut stored);
    assert_eq!(tags(&mut held), got);
    assert_eq!(got.iter().flatten().count(), 2, "the rule tags two items");
}

#[test]
fn keys_typed_ahead_into_the_search_filter_once() {
    let mut typed = state();
    typed.typing_ahead = true;
    crate::tui::testing::keys(&mut typed, "/ f l o o d");
    assert_eq!(typed.filter, "flood");
    assert_eq!(typed.view.len(), 4, "the view waits for the last key");
    assert!(typed.stale_view);
    typed.typing_ahead = false;
    typed.settle();
    let mut eager = state();
    crate::tui::testing::keys(&mut eager, "/ f l o o d");
    assert_eq!(names(&typed), names(&eager));
    assert_eq!(names(&typed).len(), 1);
    assert!(!typed.stale_view);
}

#[test]
fn a_filing_marks_a_let_go_copy_and_reads_back_only_items_like_it() {
    use super::also_filed::{file_selected, filed_of};
    use crate::tui::testing::{FLOOD_COPY, arrive_into, keys};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = let_go(&dir.path().join("cache.bin"));
    let mut cache = crate::cache::Cache::load(Some(dir.path().join("more.bin")));
    arrive_into(&mut s, Some(&mut cache), "flood-copy.txt", FLOOD_COPY, 60);
    let copy = |s: &State| {
        let i = s
            .items
            .iter()
            .position(|i| i.entry.name == "flood-copy.txt");
        i.map(|i| s.items[i].clone()).expect("the copy")
    };
    assert!(copy(&s).card.is_some(), "the copy is let go too");
    keys(&mut s, "g j j");
    assert_eq!(
        s.current().map(|i| i.entry.name.as_str()),
        Some("flood.txt")
    );
    let filed = file_selected(&mut s);
    assert_eq!(filed_of(&s, "flood-copy.txt"), Some("syria"));
    let sig = filed
        .signature
        .as_deref()
        .and_then(crate::cluster::Signature::decode);
    let marks = [crate::cluster::index::band_marks(&sig.expect("signed"))];
    assert!(copy(&s).may_be_like(&marks));
    let unlike: Vec<&str> = s
        .items
        .iter()
        .filter(|i| !i.may_be_like(&marks))
        .map(|i| i.entry.name.as_str())
        .collect();
    assert!(
        unlike.contains(&"000_seed.txt") && unlike.contains(&"budget.md"),
        "unrelated items are not read back: {unlike:?}"
    );
}
