//! Keys in, state out: filing an item makes its copies "like an item filed", for
//! the preview and for `dup:filed` in the filter; an undo takes that back.

use crate::cluster::FiledIndex;
use crate::desk::{Op, Record};
use crate::tui::effect::Effect;
use crate::tui::event::Event;
use crate::tui::state::State;
use crate::tui::testing::{FLOOD_COPY, arrive, config, entry, keys, names, now, record, state};
use crate::tui::update::handle;

/// Files the selected item into Syria with key 1, as the runner would: the record
/// carries the signature the move effect handed over.
pub(super) fn file_selected(s: &mut State) -> Record {
    let effects = keys(s, "1");
    let Effect::Move {
        items, signatures, ..
    } = &effects[0]
    else {
        panic!("{effects:?}")
    };
    let record = Record {
        signature: signatures[0].as_ref().map(|sig| sig.encode()),
        ..record(&items[0].name, "syria")
    };
    let done = vec![record.clone()];
    handle(
        s,
        Event::Moved {
            done,
            failed: vec![],
            gone: vec![],
        },
    );
    record
}

pub(super) fn filed_of<'a>(s: &'a State, name: &str) -> Option<&'a str> {
    let item = s.items.iter().find(|i| i.entry.name == name)?;
    item.also_filed.as_ref().map(|f| f.category.as_str())
}

#[test]
fn filing_an_item_marks_its_copy_and_undo_unmarks_it() {
    let mut s = state();
    arrive(&mut s, "flood-copy.txt", FLOOD_COPY, 60);
    keys(&mut s, "/ c l u s t e r : 2 enter");
    assert_eq!(names(&s), ["flood-copy.txt", "flood.txt"]);
    keys(&mut s, "/ ctrl-u enter");
    assert_eq!(filed_of(&s, "flood-copy.txt"), None);

    keys(&mut s, "g j j");
    assert_eq!(
        s.current().map(|i| i.entry.name.as_str()),
        Some("flood.txt")
    );
    let filed = file_selected(&mut s);
    assert_eq!(filed_of(&s, "flood-copy.txt"), Some("syria"));
    // A journal read begun before the filing was written still knows it.
    handle(&mut s, Event::FiledLoaded(Box::default()));
    assert_eq!(filed_of(&s, "flood-copy.txt"), Some("syria"));
    assert_eq!(filed_of(&s, "budget.md"), None, "another story");
    keys(&mut s, "/ d u p : f i l e d enter");
    assert_eq!(names(&s), ["flood-copy.txt"]);

    let undo = Record {
        op: Op::Undo,
        from: filed.to.clone(),
        to: filed.from.clone(),
        ..filed
    };
    handle(&mut s, Event::Undone(Ok(vec![undo])));
    assert_eq!(filed_of(&s, "flood-copy.txt"), None);
    assert!(names(&s).is_empty(), "nothing is like a filed item now");
}

#[test]
fn the_filed_items_read_at_start_reach_items_extracted_before_and_after() {
    let mut fresh = State::new(&config(), now());
    let effects = handle(&mut fresh, Event::Scanned(vec![entry("a.txt", 5)]));
    assert!(effects.contains(&Effect::LoadFiled), "{effects:?}");
    let mut s = state();
    let taken = crate::watch::Changes {
        removed: vec!["budget.md".into()],
        ..Default::default()
    };
    let effects = handle(&mut s, Event::InboxChanged(taken));
    assert!(
        effects.contains(&Effect::LoadFiled),
        "filed by someone else: read the journal again"
    );
    let flood = s.items.iter().find(|i| i.entry.name == "flood.txt");
    let signature = flood.and_then(|i| i.article.as_ref()?.signature.clone());
    let filed = Record {
        signature: signature.map(|sig| sig.encode()),
        ..record("old-flood.txt", "economy")
    };
    let mut index = FiledIndex::default();
    index.add(&filed);
    handle(&mut s, Event::FiledLoaded(Box::new(index)));
    assert_eq!(filed_of(&s, "flood.txt"), Some("economy"));
    arrive(&mut s, "flood-copy.txt", FLOOD_COPY, 60);
    assert_eq!(filed_of(&s, "flood-copy.txt"), Some("economy"));
}
