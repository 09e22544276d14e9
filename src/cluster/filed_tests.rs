//! A filed near-duplicate is found with its category and time; other stories,
//! skips, undone and old filings are not.

use super::*;

const STORY: &str = "أعلنت وزارة الخارجية السورية اليوم أن المحادثات مع الوفد الروسي حول الوضع في إدلب ستستأنف الأسبوع المقبل في العاصمة دمشق، وأكد المتحدث باسم الوزارة أن سوريا ترحب بكل المبادرات التي تهدف إلى وقف التصعيد في الشمال السوري وعودة النازحين إلى قراهم.";
const OTHER: &str = "The council approved the new budget after a long debate on Tuesday night, and the mayor said the plan would cut spending on roads and raise money for schools.";

fn now() -> jiff::Timestamp {
    "2026-11-29T12:00:00Z".parse().expect("time")
}

fn record(op: Op, name: &str, category: &str, time: &str, body: &str) -> Record {
    Record {
        time: time.into(),
        user: "u".into(),
        host: "h".into(),
        op,
        id: name.into(),
        name: name.into(),
        from: PathBuf::from("/in").join(name),
        to: PathBuf::from("/filed").join(category).join(name),
        category: category.into(),
        how: "key".into(),
        batch: None,
        arrived: None,
        signature: Signature::of(body).map(|s| s.encode()),
    }
}

fn undo_of(filed: &Record, time: &str) -> Record {
    Record {
        op: Op::Undo,
        time: time.into(),
        from: filed.to.clone(),
        to: filed.from.clone(),
        signature: None,
        ..filed.clone()
    }
}

fn copy() -> Signature {
    let edited = STORY.replace("سوريا", "سورية").replace("اليوم", "أمس");
    Signature::of(&format!("دمشق - وكالات\n\n{edited}")).expect("signature")
}

#[test]
fn a_filed_near_duplicate_is_found_with_its_category_and_time() {
    let journal = [
        record(
            Op::File,
            "budget.txt",
            "local",
            "2026-11-29T09:00:00Z",
            OTHER,
        ),
        record(
            Op::File,
            "talks.txt",
            "syria",
            "2026-11-29T10:00:00Z",
            STORY,
        ),
    ];
    let index = FiledIndex::from_journal(&journal, now());
    assert_eq!(index.len(), 2);
    let found = index.find(&copy()).expect("the copy was filed");
    assert_eq!(
        (
            found.category.as_str(),
            found.time.as_str(),
            found.name.as_str()
        ),
        ("syria", "2026-11-29T10:00:00Z", "talks.txt")
    );
    assert!(found.similarity >= crate::cluster::DEFAULT_THRESHOLD);
    assert_eq!(ago(&found.time, now()), "2 h ago");
}

#[test]
fn a_different_story_is_not_found() {
    let journal = [record(
        Op::File,
        "talks.txt",
        "syria",
        "2026-11-29T10:00:00Z",
        STORY,
    )];
    let index = FiledIndex::from_journal(&journal, now());
    let other = Signature::of(OTHER).expect("signature");
    assert_eq!(index.find(&other), None);
}

#[test]
fn an_undo_takes_the_filing_out() {
    let filed = record(
        Op::File,
        "talks.txt",
        "syria",
        "2026-11-29T10:00:00Z",
        STORY,
    );
    let undone = undo_of(&filed, "2026-11-29T10:05:00Z");
    let from_journal = FiledIndex::from_journal(&[filed.clone(), undone.clone()], now());
    assert_eq!(from_journal.find(&copy()), None, "undone in the journal");
    let mut live = FiledIndex::from_journal(std::slice::from_ref(&filed), now());
    assert!(live.find(&copy()).is_some());
    live.undo(&undone);
    assert_eq!(live.find(&copy()), None, "undone while open");
    assert!(live.is_empty());
}

#[test]
fn skips_old_filings_and_unsigned_records_do_not_count() {
    let skipped = record(Op::Skip, "a.txt", "skip", "2026-11-29T10:00:00Z", STORY);
    let old = record(Op::File, "b.txt", "syria", "2026-11-01T10:00:00Z", STORY);
    let unsigned = Record {
        signature: None,
        ..record(Op::File, "c.txt", "syria", "2026-11-29T10:00:00Z", STORY)
    };
    let index = FiledIndex::from_journal(&[skipped, old, unsigned], now());
    assert!(index.is_empty());
    assert_eq!(index.find(&copy()), None);
}

#[test]
fn the_latest_filing_wins_among_equals() {
    let journal = [
        record(Op::File, "a.txt", "syria", "2026-11-29T08:00:00Z", STORY),
        record(Op::File, "b.txt", "levant", "2026-11-29T11:00:00Z", STORY),
    ];
    let index = FiledIndex::from_journal(&journal, now());
    let found = index.find(&Signature::of(STORY).expect("signature"));
    assert_eq!(found.map(|f| f.category).as_deref(), Some("levant"));
}

#[test]
fn ages_read_as_words() {
    let at = |s: &str| ago(s, now());
    assert_eq!(at("2026-11-29T11:59:30Z"), "just now");
    assert_eq!(at("2026-11-29T11:15:00Z"), "45 min ago");
    assert_eq!(at("2026-11-27T11:00:00Z"), "2 d ago");
    assert_eq!(at("not a time"), "some time ago");
}
