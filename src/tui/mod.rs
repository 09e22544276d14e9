//! The triage TUI: events in, `update`, effects out, `render` — the loop lives here.

pub mod effect;
pub mod event;
pub mod mouse;
pub mod runner;
pub mod state;
pub mod terminal;
pub mod text;
pub mod ui;
pub mod update;
pub mod xtversion;

use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context, Result};
use ratatui::crossterm::event as ct;

use crate::config::Config;
use crate::desk::scan::Names;
use crate::desk::{Desk, Who};
use crate::watch;
use event::Event;
use runner::Runner;
use state::State;

/// Opens the TUI on the configured inbox until the person quits.
pub fn run(config: &Config) -> Result<()> {
    if !config.inbox.is_dir() {
        anyhow::bail!(
            "the inbox {} is not a folder (set `inbox` in {} or pass --inbox)",
            config.inbox.display(),
            config.source.display()
        );
    }
    crate::memory::limit_arenas();
    let (tx, rx) = mpsc::channel();
    let mut runner = Runner {
        desk: Desk::new(config, Who::current()),
        tx,
        cache: Default::default(),
        extracted: false,
        in_flight: Default::default(),
        bidi_off: false,
    };
    runner.preload_cache();
    tracing::debug!("started");
    let mut state = State::new(config, SystemTime::now());
    state.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    // Only `auto` asks the terminal; over SSH the answer costs one round trip.
    let auto = config.display.bidi == crate::config::BidiMode::Auto;
    let said = auto
        .then(|| xtversion::ask(Duration::from_millis(300)))
        .flatten();
    let env = |k: &str| {
        if k == "XTVERSION" {
            said.clone()
        } else {
            std::env::var(k).ok()
        }
    };
    state.rendering =
        text::detect::resolve(config.display.bidi, config.display.arabic_shaping, &env);
    state.rendering.links_auto = text::detect::hyperlinks(crate::config::LinkMode::Auto, &env);
    state.rendering.set_links(config.display.hyperlinks);
    tracing::debug!("terminal asked");
    let bidi_off = state.rendering.switch_off_terminal_bidi;
    runner.bidi_off = bidi_off;
    let (listed, rest) = first_listing(&runner.desk)?;
    tracing::debug!("listed");
    start_watching(config, runner.tx.clone());
    if let Some(rest) = rest {
        list_the_rest(rest, runner.desk.clone(), runner.tx.clone());
    }
    let _config_watch = watch_config(config, runner.tx.clone());
    let mut term =
        terminal::take(bidi_off, config.display.mouse).context("cannot open the terminal")?;
    let result = event_loop(&mut term, &mut state, &mut runner, &rx, listed);
    terminal::give_back(bidi_off, config.display.mouse);
    runner.finish();
    result
}

/// Items the first screen waits for: a screenful and more. A bigger inbox's
/// other names follow in batches ([`list_the_rest`]).
pub const FIRST_BATCH: usize = 2000;

/// The inbox by name alone, for the first screen: no `stat` per file (a third of
/// a full scan's time at 10,000 items), and at most [`FIRST_BATCH`] names, so the
/// wait is the same at any size; the reading of the rest is returned. Feed files
/// among those names become one item per entry first.
fn first_listing(desk: &Desk) -> Result<(Event, Option<Names>)> {
    let open = || {
        Names::open(&desk.inbox)
            .with_context(|| format!("cannot list the inbox {}", desk.inbox.display()))
    };
    let mut reading = open()?;
    let mut entries = reading.batch(FIRST_BATCH);
    if split_feeds_among(desk, &entries) {
        reading = open()?;
        entries = reading.batch(FIRST_BATCH);
    }
    let complete = entries.len() < FIRST_BATCH;
    let listed = Event::Listed { entries, complete };
    Ok((listed, (!complete).then_some(reading)))
}

/// Splits the inbox's feed files into items if any of `entries` looks like one;
/// says whether it tried.
fn split_feeds_among(desk: &Desk, entries: &[crate::desk::Entry]) -> bool {
    let feeds = entries
        .iter()
        .any(|e| crate::desk::feeds::may_be_feed(&e.path));
    if feeds {
        for failure in desk.split_feeds().into_iter().filter_map(Result::err) {
            tracing::warn!("{failure}");
        }
    }
    feeds
}

/// Reads the rest of a big inbox's names on the worker pool, in batches each
/// twice the one before (each batch re-sorts the list), until the scan overtakes
/// them. A feed among them is split as at start; its items arrive through the watcher.
fn list_the_rest(mut reading: Names, desk: Desk, tx: mpsc::Sender<Event>) {
    rayon::spawn(move || {
        let mut n = FIRST_BATCH;
        loop {
            n *= 2;
            let entries = reading.batch(n);
            split_feeds_among(&desk, &entries);
            let complete = entries.len() < n;
            if tx.send(Event::Listed { entries, complete }).is_err() || complete {
                return;
            }
        }
    });
}

/// Starts the watcher off the main thread: its first scan (sizes and dates, which
/// the extraction cache needs) reaches the TUI as `Scanned`, before any change.
/// The scan runs on the worker pool, not a thread of its own, so the entries it
/// allocates (kept for the session) do not open one more malloc arena.
fn start_watching(config: &Config, tx: mpsc::Sender<Event>) {
    let (inbox, mode) = (config.inbox.clone(), config.watch);
    rayon::spawn(move || {
        let (report, first) = (tx.clone(), tx.clone());
        let started = watch::launch(
            inbox.clone(),
            mode,
            move |changes| report.send(Event::InboxChanged(changes)).is_ok(),
            move |listing| first.send(Event::Scanned(listing)).is_ok(),
        );
        let event = match started {
            Ok((watching, _)) => {
                tracing::info!(native = watching.native, reason = %watching.reason, "watching the inbox");
                (!watching.native).then_some(Event::Info(watching.reason))
            }
            Err(e) => Some(Event::Failed(format!(
                "cannot watch the inbox {}: {e}",
                inbox.display()
            ))),
        };
        if let Some(event) = event {
            let _ = tx.send(event);
        }
    });
}

/// Reloads config.toml when it is saved; a bad edit keeps the config in force.
/// The inbox and watch mode are taken at start only.
fn watch_config(config: &Config, tx: mpsc::Sender<Event>) -> Option<watch::file::FileWatch> {
    let source = config.source.clone();
    if !source.is_file() {
        return None;
    }
    let inbox = config.inbox.clone();
    let reload = move || {
        let loaded = crate::config::load(Some(&source), Some(&inbox))
            .map(Box::new)
            .map_err(|e| e.to_string());
        tx.send(Event::ConfigReloaded(loaded)).is_ok()
    };
    watch::file::watch_file(&config.source, reload)
        .map_err(|e| tracing::warn!("cannot watch the config: {e}"))
        .ok()
}

fn event_loop(
    term: &mut terminal::Tui,
    state: &mut State,
    runner: &mut Runner,
    rx: &Receiver<Event>,
    first: Event,
) -> Result<()> {
    let size = term.size()?;
    let mut queue = VecDeque::from([Event::Resize(size.width, size.height), first]);
    let (start, mut drawn, mut reading) = (Instant::now(), false, true);
    let mut last_tick = Instant::now();
    let mut after_work = crate::memory::AfterWork::default();
    loop {
        // An effect's outcome is handled before the next key, in order.
        while let Some(event) = queue.pop_front() {
            if let Event::Extracted(fields) = &event {
                runner.taken(fields.len());
            }
            if event.is_background() {
                after_work.worked();
            }
            // Keys typed into the search while more wait: one refresh for them all.
            let typing = state.mode == state::Mode::Search && matches!(event, Event::Key(_));
            state.typing_ahead = typing && matches!(queue.front(), Some(Event::Key(_)));
            if !typing {
                state.settle();
            }
            for effect in update::handle(state, event) {
                queue.extend(runner.run(effect, term));
            }
        }
        state.typing_ahead = false;
        state.settle();
        if state.quit {
            return Ok(());
        }
        term.draw(|frame| ui::render(frame, state))?;
        if !drawn {
            tracing::info!(items = state.items.len(), took = ?start.elapsed(), "first screen drawn");
            drawn = true;
        } else if reading && state.scanned && state.pending == 0 {
            tracing::info!(took = ?start.elapsed(), "every item's fields drawn");
            reading = false;
        }
        // While fields are coming in, look at the channel more often.
        let busy = !state.scanned || state.pending > 0;
        if !busy {
            after_work.idle();
        }
        queue.extend(wait(rx, &mut last_tick, busy)?);
    }
}

/// The next events: background results first (all that are ready), then a key or
/// resize, else a tick each second. The channel is looked at between terminal
/// polls: every 5 ms while `busy` (fields coming in), else every 30 ms.
fn wait(rx: &Receiver<Event>, last_tick: &mut Instant, busy: bool) -> Result<Vec<Event>> {
    let poll = Duration::from_millis(if busy { 5 } else { 30 });
    loop {
        let ready = event::drain(rx);
        if !ready.is_empty() {
            return Ok(ready);
        }
        if last_tick.elapsed() >= Duration::from_secs(1) {
            *last_tick = Instant::now();
            return Ok(vec![Event::Tick(SystemTime::now())]);
        }
        if ct::poll(poll)? {
            match ct::read()? {
                ct::Event::Key(key) => {
                    if let Some(chord) = event::chord(key) {
                        return typed_ahead(Event::Key(chord));
                    }
                }
                ct::Event::Resize(width, height) => return Ok(vec![Event::Resize(width, height)]),
                ct::Event::Mouse(m) => {
                    if let Some(mouse) = event::mouse(m) {
                        return Ok(vec![Event::Mouse(mouse)]);
                    }
                }
                _ => {}
            }
        }
    }
}

/// A key and the keys already typed after it (a paste, fast typing), so that
/// the search can filter once for all of them.
fn typed_ahead(first: Event) -> Result<Vec<Event>> {
    let mut keys = vec![first];
    while keys.len() < 64 && ct::poll(Duration::ZERO)? {
        match ct::read()? {
            ct::Event::Key(key) => keys.extend(event::chord(key).map(Event::Key)),
            ct::Event::Resize(width, height) => keys.push(Event::Resize(width, height)),
            ct::Event::Mouse(m) => keys.extend(event::mouse(m).map(Event::Mouse)),
            _ => {}
        }
    }
    Ok(keys)
}

#[cfg(test)]
mod testing;
#[cfg(test)]
mod update_tests;

#[cfg(test)]
mod listing_tests {
    use super::*;

    const RSS: &str = include_str!("../../tests/fixtures/formats/rss2.xml");

    /// Every batch of a big inbox arrives, and a feed is split wherever it is read.
    #[test]
    fn a_big_inbox_arrives_in_batches_and_its_feed_is_split_in_any_of_them() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = "[[category]]\nname = \"world\"\nfolder = \"filed/world\"\n";
        let config =
            Config::parse(text, std::path::Path::new("t.toml"), dir.path()).expect("config");
        std::fs::create_dir_all(&config.inbox).expect("inbox");
        for i in 0..FIRST_BATCH * 3 {
            std::fs::write(config.inbox.join(format!("{i:05}.txt")), "x").expect("write");
        }
        std::fs::write(config.inbox.join("harbour.xml"), RSS).expect("feed");
        let desk = Desk::new(&config, Who::current());
        let (first, rest) = first_listing(&desk).expect("listing");
        let Event::Listed { entries, complete } = first else {
            panic!("not a listing")
        };
        assert_eq!((entries.len(), complete), (FIRST_BATCH, false));
        let (tx, rx) = mpsc::channel();
        list_the_rest(rest.expect("more to read"), desk.clone(), tx);
        let mut names: Vec<String> = entries.into_iter().map(|e| e.name).collect();
        loop {
            match rx.recv_timeout(Duration::from_secs(30)).expect("a batch") {
                Event::Listed { entries, complete } => {
                    names.extend(entries.into_iter().map(|e| e.name));
                    if complete {
                        break;
                    }
                }
                _ => panic!("only listings"),
            }
        }
        let unique: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "no name twice");
        assert!(names.len() > FIRST_BATCH * 3, "every file listed");
        assert!(
            !config.inbox.join("harbour.xml").exists(),
            "the feed was split"
        );
        assert!(desk.processed.join("harbour.xml").exists());
    }
}
