//! The extraction cache: round trips, staleness, saving.

use super::*;
use std::time::Duration;

pub(super) fn entry(name: &str, size: u64, secs: u64) -> Entry {
    Entry {
        id: id_for(name),
        name: name.into(),
        path: name.into(),
        size,
        modified: UNIX_EPOCH + Duration::from_secs(secs),
    }
}

#[test]
fn round_trip_and_a_changed_file_is_not_served_stale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.bin");
    let mut cache = Cache::load(Some(path.clone()));
    assert!(cache.is_empty());
    let a = entry("a.txt", 10, 100);
    let article = Article {
        path: "a.txt".into(),
        title: "أعلنت موسكو".into(),
        lead: "أعلنت موسكو، اليوم الإثنين، أن إدلب ستبقى منطقة خفض تصعيد. وقال بيسكوف".into(),
        summary: "أعلنت موسكو، اليوم الإثنين، أن إدلب ستبقى منطقة خفض تصعيد.".into(),
        keywords: vec!["إدلب".into()],
        signature: crate::cluster::Signature::of("one two three four five six seven"),
        ..Article::default()
    };
    cache.put(&a, &Fields::folded(article.clone()));
    cache.put(&entry("b.txt", 3, 100), &Fields::from(article.clone()));
    cache.put(&entry("gone.txt", 1, 1), &Fields::from(article.clone()));
    cache.retain(&[a.clone(), entry("b.txt", 3, 100)]);
    cache.save().expect("save");
    let cache = Cache::load(Some(path));
    assert_eq!(cache.len(), 2, "entries no longer in the inbox are dropped");
    let got = cache.get(&a).expect("cached");
    assert_eq!(*got.whole(), article, "every field, the signature too");
    assert_eq!(
        (got.article.lead.as_str(), got.article.summary.as_str()),
        ("", ""),
        "lead and summary are kept as edits of the folded text"
    );
    assert_eq!(
        got.folded.as_deref().map(FoldedText::lead),
        Some(FoldedText::of(&article).lead()),
        "the folded text is cached"
    );
    let b = cache.get(&entry("b.txt", 3, 100)).expect("cached");
    assert_eq!(b.folded, None, "not folded, not invented");
    assert_eq!(cache.get(&entry("a.txt", 11, 100)), None, "size changed");
    assert_eq!(cache.get(&entry("a.txt", 10, 101)), None, "mtime changed");
}

#[test]
fn a_failed_save_leaves_no_temporary_file_and_the_old_cache() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.bin");
    let mut cache = Cache::load(Some(path.clone()));
    cache.put(&entry("a.txt", 1, 1), &Fields::from(Article::default()));
    cache.save().expect("save");
    // The rename fails: a folder stands where the cache file goes.
    let blocked = dir.path().join("d.bin");
    fs::create_dir_all(blocked.join("x")).expect("mkdir");
    let mut cache = Cache {
        path: Some(blocked),
        dirty: true,
        ..cache
    };
    assert!(cache.save().is_err());
    let left: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 2, "only c.bin and the folder: {left:?}");
    assert_eq!(Cache::load(Some(path)).len(), 1, "the old cache stands");
}

#[test]
fn a_save_with_nothing_new_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.bin");
    let mut cache = Cache::load(Some(path.clone()));
    cache.save().expect("save");
    assert!(!path.exists(), "nothing put, nothing written");
    let a = entry("a.txt", 1, 1);
    cache.put(&a, &Fields::from(Article::default()));
    cache.save().expect("save");
    assert_eq!(
        Cache::load(Some(path.clone())).len(),
        1,
        "something new: written"
    );
    // A stand-in for the file shows whether the next save writes.
    fs::write(&path, "replaced").expect("write");
    let mut cache = Cache::load(Some(path.clone()));
    assert!(cache.is_empty());
    cache.retain(std::slice::from_ref(&a));
    cache.save().expect("save");
    assert_eq!(
        fs::read(&path).expect("read"),
        b"replaced",
        "loaded and unchanged: not written"
    );
}

#[test]
fn a_damaged_cache_is_an_empty_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.bin");
    fs::write(&path, "not a cache\n").expect("write");
    assert!(Cache::load(Some(path)).is_empty());
    assert!(Cache::load(Some(dir.path().join("missing.bin"))).is_empty());
}

#[test]
fn a_moved_file_is_served_with_its_new_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cache = Cache::load(Some(dir.path().join("c.bin")));
    let a = entry("a.txt", 1, 1);
    cache.put(&a, &Fields::from(Article::default()));
    let moved = Entry {
        path: "elsewhere/a.txt".into(),
        ..a
    };
    let got = cache.get(&moved).expect("cached");
    assert_eq!(got.article.path, moved.path);
}

#[test]
fn records_are_read_back_from_the_loaded_file_and_the_spill_across_saves() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.bin");
    let article = |title: &str| Article {
        title: title.into(),
        path: format!("{title}.txt").into(),
        lead: format!("{title}: أعلنت موسكو اليوم"),
        ..Article::default()
    };
    let (a, b) = (entry("a.txt", 1, 1), entry("b.txt", 2, 2));
    let mut first = Cache::load(Some(path.clone()));
    first.put(&a, &Fields::folded(article("a")));
    first.save().expect("save");
    let mut cache = Cache::load(Some(path.clone()));
    let loaded = cache.locate(&a).expect("in the loaded file");
    let spilled = cache
        .put(&b, &Fields::folded(article("b")))
        .expect("spilled");
    // The spill file is this process's alone: nothing new shows in the folder.
    let files = || fs::read_dir(dir.path()).expect("list").count();
    assert_eq!(files(), 1);
    // Another process saves a cache of its own over the file we loaded.
    let mut other = Cache::load(Some(path.clone()));
    other.put(&entry("c.txt", 3, 3), &Fields::from(article("c")));
    other.save().expect("save");
    let title = |s: &Stored| s.fields().map(|f| f.whole().title.clone());
    assert_eq!(
        title(&loaded).as_deref(),
        Some("a"),
        "the file we loaded stays open"
    );
    assert_eq!(title(&spilled).as_deref(), Some("b"));
    assert_eq!(cache.get(&b).map(|f| f.stored), Some(Some(spilled)));
    cache.save().expect("save");
    let back = Cache::load(Some(path));
    assert_eq!(back.len(), 2, "ours replaces theirs: a and b");
    for (e, want) in [(&a, article("a")), (&b, article("b"))] {
        assert_eq!(*back.get(e).expect("cached").whole(), want);
    }
}

#[test]
fn a_record_that_cannot_be_read_back_is_read_afresh() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.bin");
    let a = entry("a.txt", 1, 1);
    let mut cache = Cache::load(Some(path.clone()));
    cache.put(&a, &Fields::from(Article::default()));
    cache.save().expect("save");
    let cache = Cache::load(Some(path.clone()));
    // The file shrinks under us (damaged on disk): the record is gone.
    let len = fs::metadata(&path).expect("meta").len();
    fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_len(len - 10))
        .expect("truncate");
    assert_eq!(cache.get(&a), None);
    let (hits, misses) = cache.partition(vec![a.clone()]);
    assert!(hits.is_empty());
    assert_eq!(misses, [a], "left to be read from its file");
}

#[test]
fn records_that_do_not_read_back_are_left_to_extract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cache = Cache::load(Some(dir.path().join("c.bin")));
    let (a, b) = (entry("a.txt", 1, 1), entry("b.txt", 2, 2));
    let good = cache
        .put(&a, &Fields::from(Article::default()))
        .expect("stored");
    let bad = Stored::new(&Arc::new(Store::default()), good.at);
    let (fields, lost) = read_back(&[(a, good), (b.clone(), bad)]);
    assert_eq!(fields.len(), 1);
    assert_eq!(lost, [b]);
}
