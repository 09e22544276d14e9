//! TUI and startup speed: a key press to a new frame with 10,000 items, a filter
//! keystroke, the first drawn list at 1k/10k(/100k) items against a baseline that
//! extracts everything first, full extraction, and a cached restart.
//! `cargo bench --bench tui`; NEWSDESK_BENCH_100K=1 adds the 100,000-item inbox.

mod support;

use std::hint::black_box;
use std::path::Path;
use std::time::SystemTime;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use newsdesk::article;
use newsdesk::cache::Cache;
use newsdesk::config::{BUILTIN, Config};
use newsdesk::desk::scan;
use newsdesk::desk::scan::{Names, names};
use newsdesk::keymap::Chord;
use newsdesk::tui::FIRST_BATCH;
use newsdesk::tui::event::Event;
use newsdesk::tui::state::State;
use newsdesk::tui::text::detect::Rendering;
use newsdesk::tui::{ui, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn config(root: &Path) -> Config {
    Config::parse(BUILTIN, Path::new("config.toml"), root).expect("config")
}

fn draw(terminal: &mut Terminal<TestBackend>, state: &State) {
    terminal
        .draw(|frame| ui::render(frame, state))
        .expect("draw");
}

/// A state with every item of `inbox` extracted, as the TUI holds them.
fn loaded(root: &Path, inbox: &Path) -> State {
    let entries = scan(inbox).expect("scan");
    let mut state = State::new(&config(root), SystemTime::now());
    let mut articles = Vec::new();
    article::read_many(&entries, 256, |_, a| {
        // As the TUI's workers hand them over: lead and summary held as edits.
        articles.extend(a.into_iter().map(newsdesk::cache::Fields::folded));
        true
    });
    state.merge_scan(entries);
    state.set_articles(articles);
    state
}

fn key_to_frame(c: &mut Criterion) {
    let root = tempfile::tempdir().expect("tempdir");
    let inbox = support::inbox(root.path(), 10_000);
    let mut state = loaded(root.path(), &inbox);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let (j, k): (Chord, Chord) = ("j".parse().expect("j"), "k".parse().expect("k"));
    let mut group = c.benchmark_group("key_to_frame_10k_120x40");
    for (name, rendering) in [
        ("logical", Rendering::plain()),
        (
            "app_bidi_shaped",
            Rendering {
                reorder: true,
                shape: true,
                switch_off_terminal_bidi: true,
                ..Rendering::plain()
            },
        ),
    ] {
        state.rendering = rendering;
        let mut down = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                let key = if down { j } else { k };
                down = !down;
                black_box(update::handle(&mut state, Event::Key(key)));
                draw(&mut terminal, &state);
            })
        });
    }
    group.finish();
}

fn filter_keystroke(c: &mut Criterion) {
    let root = tempfile::tempdir().expect("tempdir");
    let inbox = support::inbox(root.path(), 10_000);
    let mut state = loaded(root.path(), &inbox);
    let mut group = c.benchmark_group("filter_keystroke_10k");
    for query in ["ادلب", "lang:ar سوريا", "title:/\\d{4}/ or keyword:economy"] {
        group.bench_function(query, |b| {
            b.iter(|| state.set_filter(black_box(query.to_string())))
        });
    }
    group.finish();
}

fn first_frame(c: &mut Criterion) {
    let root = tempfile::tempdir().expect("tempdir");
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("NEWSDESK_BENCH_100K").is_some() {
        sizes.push(100_000);
    }
    let mut group = c.benchmark_group("launch_to_first_list");
    group.sample_size(10);
    for n in sizes {
        let inbox = support::inbox(root.path(), n);
        let cfg = config(root.path());
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        // What the TUI draws first: the first batch of names, no stat per file.
        group.bench_with_input(BenchmarkId::new("newsdesk_first_batch", n), &n, |b, _| {
            b.iter(|| {
                let mut state = State::new(&cfg, SystemTime::now());
                let entries = Names::open(&inbox).expect("open").batch(FIRST_BATCH);
                let complete = entries.len() < FIRST_BATCH;
                state.merge_listing(entries, complete);
                draw(&mut terminal, &state);
            })
        });
        // Every name before the first screen (what it did before batches).
        group.bench_with_input(
            BenchmarkId::new("newsdesk_all_names_first", n),
            &n,
            |b, _| {
                b.iter(|| {
                    let mut state = State::new(&cfg, SystemTime::now());
                    state.merge_listing(names(&inbox).expect("names"), true);
                    draw(&mut terminal, &state);
                })
            },
        );
        // The full scan (a stat per file) that follows it, drawn.
        group.bench_with_input(BenchmarkId::new("newsdesk_entries_first", n), &n, |b, _| {
            b.iter(|| {
                let mut state = State::new(&cfg, SystemTime::now());
                black_box(state.merge_scan(scan(&inbox).expect("scan")));
                draw(&mut terminal, &state);
            })
        });
        group.bench_with_input(
            BenchmarkId::new("baseline_extract_everything_first", n),
            &n,
            |b, _| b.iter(|| draw(&mut terminal, &loaded(root.path(), &inbox))),
        );
    }
    group.finish();
}

fn extraction_and_cache(c: &mut Criterion) {
    let root = tempfile::tempdir().expect("tempdir");
    let inbox = support::inbox(root.path(), 10_000);
    let entries = scan(&inbox).expect("scan");
    let mut group = c.benchmark_group("fields_for_10k");
    group.sample_size(10);
    group.bench_function("extract_all_on_all_cores", |b| {
        b.iter(|| article::read_many(&entries, 256, |_, a| !black_box(a).is_empty()))
    });
    let cache_path = root.path().join("cache.bin");
    let mut cache = Cache::load(Some(cache_path.clone()));
    article::read_many(&entries, 256, |part, articles| {
        for (e, a) in part.iter().zip(articles) {
            cache.put(e, &newsdesk::cache::Fields::folded(a));
        }
        true
    });
    cache.save().expect("save cache");
    let cfg = config(root.path());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    group.bench_function("cached_restart_scan_load_draw", |b| {
        b.iter(|| {
            let entries = scan(&inbox).expect("scan");
            let mut state = State::new(&cfg, SystemTime::now());
            state.merge_scan(entries.clone());
            let (hits, misses) = Cache::load(Some(cache_path.clone())).partition(entries);
            assert!(misses.is_empty());
            state.set_articles(hits);
            draw(&mut terminal, &state);
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    key_to_frame,
    filter_keystroke,
    first_frame,
    extraction_and_cache
);
criterion_main!(benches);
