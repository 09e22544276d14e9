//! Property: any sequence of file, skip and undo on a desk keeps the set of files the
//! same — nothing lost, nothing duplicated, every item's content under one unique path.
//! (The query round-trip property, printed then parsed again, is in src/query/tests.)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use newsdesk::config::Config;
use newsdesk::desk::{Desk, DeskError, Target, Who};
use proptest::prelude::*;

const ITEMS: usize = 6;
const CATEGORIES: [&str; 2] = ["syria", "world"];

#[derive(Debug, Clone)]
enum Op {
    File(usize, usize),
    Skip(usize),
    Undo(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..ITEMS, 0..CATEGORIES.len()).prop_map(|(i, c)| Op::File(i, c)),
        (0..ITEMS).prop_map(Op::Skip),
        (1..4usize).prop_map(Op::Undo),
    ]
}

fn desk(root: &Path) -> Desk {
    let text = "inbox = \"inbox\"\nskip = \"skipped\"\n[[category]]\nname = \"syria\"\n\
                [[category]]\nname = \"world\"\n";
    let config = Config::parse(text, &root.join("config.toml"), root).expect("config");
    let who = Who {
        user: "ana".into(),
        host: "desk".into(),
    };
    Desk::new(&config, who)
}

/// Content → every path holding it, over all the desk's folders (hidden files included,
/// the journal folder excluded).
fn census(desk: &Desk) -> BTreeMap<String, Vec<PathBuf>> {
    let mut found: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let folders = [desk.inbox.clone(), desk.skip.clone()]
        .into_iter()
        .chain(desk.categories.iter().map(|c| c.folder.clone()));
    for folder in folders {
        let Ok(dir) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in dir.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_file()) {
                let text = std::fs::read_to_string(entry.path()).expect("read");
                found.entry(text).or_default().push(entry.path());
            }
        }
    }
    found
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn file_skip_undo_keep_the_set_of_files(ops in prop::collection::vec(op(), 1..24)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let desk = desk(dir.path());
        std::fs::create_dir_all(&desk.inbox).expect("mkdir");
        for i in 0..ITEMS {
            std::fs::write(desk.inbox.join(format!("item-{i}.txt")), format!("item {i}"))
                .expect("write");
        }
        // A name already taken in a category: filing item-0 there must not replace it.
        let syria = &desk.categories[0].folder;
        std::fs::create_dir_all(syria).expect("mkdir");
        std::fs::write(syria.join("item-0.txt"), "older item 0").expect("write");
        let before: Vec<String> = census(&desk).into_keys().collect();

        for op in &ops {
            let entries = desk.scan().expect("scan");
            let result = match *op {
                Op::File(i, c) => match entries.get(i % entries.len().max(1)) {
                    Some(e) => desk.file(e, Target::Category(CATEGORIES[c]), "prop", None).map(|_| ()),
                    None => Ok(()),
                },
                Op::Skip(i) => match entries.get(i % entries.len().max(1)) {
                    Some(e) => desk.file(e, Target::Skip, "prop", None).map(|_| ()),
                    None => Ok(()),
                },
                Op::Undo(n) => desk.undo(n).map(|_| ()),
            };
            match result {
                Ok(()) | Err(DeskError::NothingToUndo) => {}
                Err(e) => prop_assert!(false, "{op:?} failed: {e}"),
            }
            let now = census(&desk);
            prop_assert_eq!(now.keys().cloned().collect::<Vec<_>>(), before.clone(), "after {:?}", op);
            for (text, paths) in &now {
                prop_assert_eq!(paths.len(), 1, "{:?} duplicated after {:?}: {:?}", text, op, paths);
            }
        }
        // Undoing everything puts every item back in the inbox, under its own name.
        while desk.undo(1).is_ok() {}
        for i in 0..ITEMS {
            prop_assert!(desk.inbox.join(format!("item-{i}.txt")).exists(), "item-{} back", i);
        }
    }
}
