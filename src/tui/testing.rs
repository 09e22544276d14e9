//! Test fixtures: a state with a few Arabic and English items, and a key runner.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::effect::Effect;
use super::event::Event;
use super::state::State;
use super::update;
use crate::article;
use crate::config::{BUILTIN, Config};
use crate::desk::{Entry, Op, Record};

/// A fixed clock: ages in snapshots never change.
pub fn now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000)
}

const ITEMS: &[(&str, &str, u64)] = &[
    (
        "000_seed.txt",
        include_str!("../../tests/fixtures/seed-ar.txt"),
        600,
    ),
    (
        "flood.txt",
        "Flood waters rise in the valley\n\nFlood waters rose across the valley on Monday, forcing hundreds of families from their homes.\n\n“The water is rising faster than we have ever seen,” said Tom Hale, the county's emergency chief.\n",
        7200,
    ),
    (
        "budget.md",
        "---\ntitle: Council passes the budget\nsource: City Wire\n---\nThe council passed the budget on Tuesday night after a long debate about roads.\n",
        90_000,
    ),
    (
        "ar-economy.txt",
        "ارتفاع أسعار النفط في الأسواق العالمية\n\nارتفعت أسعار النفط اليوم في الأسواق العالمية بعد قرار خفض الإنتاج، وقال محللون إن الأسعار قد تواصل الصعود.\n",
        300_000,
    ),
];

/// The bundled config, rooted at a fake desk.
pub fn config() -> Config {
    Config::parse(BUILTIN, Path::new("config.toml"), Path::new("/desk")).expect("bundled config")
}

/// A state holding the fixture items, newest first, all extracted.
pub fn state() -> State {
    let mut state = State::new(&config(), now());
    let entries: Vec<Entry> = ITEMS
        .iter()
        .map(|(name, _, age)| entry(name, *age))
        .collect();
    state.merge_scan(entries);
    let articles = ITEMS.iter().map(|(name, text, _)| {
        let mut a = article::extract(name, text).article;
        a.path = PathBuf::from("/desk/inbox").join(name);
        a
    });
    // As the extraction workers hand them over: lead and summary kept as edits.
    state.set_articles(articles.map(crate::cache::Fields::folded).collect());
    state
}

/// The fixture state as a big inbox holds it: every item's fields stored in an
/// extraction cache at `cache_file` and let go, only what the list shows kept.
pub fn let_go(cache_file: &Path) -> State {
    let mut state = State::new(&config(), now());
    state.held = 1;
    let entries: Vec<Entry> = ITEMS
        .iter()
        .map(|(name, _, age)| entry(name, *age))
        .collect();
    state.merge_scan(entries.clone());
    let mut cache = crate::cache::Cache::load(Some(cache_file.to_path_buf()));
    let fields = ITEMS.iter().zip(&entries).map(|((name, text, _), e)| {
        let mut a = article::extract(name, text).article;
        a.path = e.path.clone();
        let mut fields = crate::cache::Fields::folded(a);
        fields.stored = Some(cache.put(e, &fields).expect("stored"));
        fields
    });
    state.set_articles(fields.collect());
    state
}

/// An empty inbox.
pub fn empty() -> State {
    let mut state = State::new(&config(), now());
    state.merge_scan(Vec::new());
    state
}

pub fn entry(name: &str, age_secs: u64) -> Entry {
    Entry {
        id: article::id_for(name),
        name: name.to_string(),
        path: PathBuf::from("/desk/inbox").join(name),
        size: 100,
        modified: now() - Duration::from_secs(age_secs),
    }
}

/// Runs space-separated keys ("j j 1", "ctrl-z", "space") through the real
/// keymap and update; returns every effect asked for.
pub fn keys(state: &mut State, keys: &str) -> Vec<Effect> {
    keys.split(' ')
        .filter(|k| !k.is_empty())
        .flat_map(|k| update::handle(state, Event::Key(k.parse().expect(k))))
        .collect()
}

/// The journal record a successful move of `name` into `category` produces.
pub fn record(name: &str, category: &str) -> Record {
    Record {
        time: "2026-11-29T10:00:00.000Z".into(),
        user: "ana".into(),
        host: "h".into(),
        op: if category == "skip" {
            Op::Skip
        } else {
            Op::File
        },
        id: article::id_for(name),
        name: name.into(),
        from: PathBuf::from("/desk/inbox").join(name),
        to: PathBuf::from("/desk/filed").join(category).join(name),
        category: category.into(),
        how: "key".into(),
        batch: None,
        arrived: None,
        signature: None,
    }
}

/// The flood item of the fixtures as another outlet runs it: new headline, a byline.
pub const FLOOD_COPY: &str = "Valley families flee rising water\n\nBy Staff Reporter\n\nFlood waters rose across the valley on Monday, forcing hundreds of families from their homes.\n\n“The water is rising faster than we have ever seen,” said Tom Hale, the county's emergency chief.\n";

/// An item arrives in the inbox (`age_secs` old) and is extracted, as the watcher and
/// the background extraction would deliver it.
pub fn arrive(state: &mut State, name: &str, text: &str, age_secs: u64) {
    arrive_into(state, None, name, text, age_secs);
}

/// Like [`arrive`], its fields stored in `cache` as the runner stores them.
pub fn arrive_into(
    state: &mut State,
    cache: Option<&mut crate::cache::Cache>,
    name: &str,
    text: &str,
    age_secs: u64,
) {
    let entry = entry(name, age_secs);
    let changes = crate::watch::Changes {
        arrived: vec![entry.clone()],
        ..Default::default()
    };
    update::handle(state, Event::InboxChanged(changes));
    let mut a = article::extract(name, text).article;
    a.path = entry.path.clone();
    let mut fields = crate::cache::Fields::folded(a);
    fields.stored = cache.and_then(|c| c.put(&entry, &fields));
    update::handle(state, Event::Extracted(vec![fields]));
}

/// The names in view order.
pub fn names(state: &State) -> Vec<&str> {
    state
        .view
        .iter()
        .map(|&i| state.items[i].entry.name.as_str())
        .collect()
}

/// An item known by name alone, as the first screen lists it.
pub fn listed(name: &str) -> Entry {
    Entry {
        size: 0,
        modified: SystemTime::UNIX_EPOCH,
        ..entry(name, 0)
    }
}

/// The screen as text, row by row, drawn into a `TestBackend`.
pub fn render(state: &State, width: u16, height: u16) -> String {
    use ratatui::{Terminal, backend::TestBackend};
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| super::ui::render(frame, state))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}
