//! The imperative shell's hands: carries out effects against the desk and the terminal.

use std::sync::mpsc::Sender;
use std::time::{SystemTime, UNIX_EPOCH};

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::effect::{Destination, Effect};
use super::event::Event;
use super::terminal;
use crate::article;
use crate::cache::{self, Cache, Fields};
use crate::desk::{Desk, DeskError, Entry, Target};
use rayon::prelude::*;

/// Runs effects; background work reports back through `tx`.
pub struct Runner {
    pub desk: Desk,
    pub tx: Sender<Event>,
    /// Loaded on a thread of its own from the start ([`Runner::preload_cache`]), so
    /// the first screen never waits for it.
    pub cache: Arc<Mutex<Option<Cache>>>,
    /// Whether an extraction ran yet: the first one prunes and saves the cache.
    pub extracted: bool,
    /// Items sent in `Extracted` events and not yet taken by the event loop:
    /// cached fields are read no faster than they are taken, so memory never
    /// holds more than a few batches of them.
    pub in_flight: Arc<AtomicUsize>,
    /// The terminal's own bidi is switched off while newsdesk draws.
    pub bidi_off: bool,
}

impl Runner {
    /// Carries out one effect; quick ones return their outcome at once.
    pub fn run(&mut self, effect: Effect, term: &mut terminal::Tui) -> Option<Event> {
        match effect {
            Effect::Move {
                items,
                to,
                signatures,
            } => Some(self.move_items(&items, &to, &signatures)),
            Effect::Undo => Some(Event::Undone(self.desk.undo(1).map_err(|e| e.to_string()))),
            Effect::Rescan => Some(self.scan()),
            Effect::UseConfig(config) => {
                self.desk.categories = config.categories;
                self.desk.skip = config.skip;
                None
            }
            Effect::ExplainGone(names) => Some(Event::Info(self.explain_gone(&names))),
            Effect::Extract(entries) => {
                self.extract(entries, !self.extracted);
                self.extracted = true;
                None
            }
            Effect::LoadBody(path) => Some(Event::BodyLoaded(Box::new(article::read(&path)))),
            Effect::OpenExternal { editor, path } => {
                let (var, fallback) = if editor {
                    ("EDITOR", "vi")
                } else {
                    ("PAGER", "less")
                };
                let program = std::env::var(var)
                    .ok()
                    .filter(|p| !p.trim().is_empty())
                    .unwrap_or_else(|| fallback.into());
                terminal::hand_over(term, self.bidi_off, &program, &path)
                    .err()
                    .map(|e| Event::Failed(format!("{program}: {e}")))
            }
            Effect::LoadFiled => {
                let (tx, journal) = (self.tx.clone(), self.desk.journal.clone());
                std::thread::spawn(move || {
                    let filed = crate::cluster::FiledIndex::load(&journal);
                    tx.send(Event::FiledLoaded(Box::new(filed)))
                });
                None
            }
            Effect::LoadStats => {
                let (tx, desk) = (self.tx.clone(), self.desk.clone());
                std::thread::spawn(move || tx.send(stats(&desk)));
                None
            }
            Effect::Copy(text) => terminal::copy(&text)
                .err()
                .map(|e| Event::Failed(format!("copy: {e}"))),
            Effect::Suspend => terminal::suspend(term, self.bidi_off)
                .err()
                .map(|e| Event::Failed(format!("suspend: {e}"))),
            Effect::Redraw => term
                .clear()
                .err()
                .map(|e| Event::Failed(format!("redraw: {e}"))),
        }
    }

    /// Scans the inbox.
    pub fn scan(&self) -> Event {
        match self.desk.scan() {
            Ok(entries) => Event::Scanned(entries),
            Err(e) => Event::Failed(e.to_string()),
        }
    }

    /// "a.txt → syria by ben@host" for the first name, and how many more left.
    fn explain_gone(&self, names: &[String]) -> String {
        let records = self.desk.journal.all().unwrap_or_default();
        let first = &names[0];
        let by = records
            .iter()
            .rev()
            .find(|r| &r.name == first && r.from.parent() == Some(self.desk.inbox.as_path()));
        let what = match by {
            Some(r) => format!(
                "{first} was filed → {} by {}@{}",
                r.category, r.user, r.host
            ),
            None => format!("{first} left the inbox"),
        };
        if names.len() > 1 {
            format!("{what} (and {} more)", names.len() - 1)
        } else {
            what
        }
    }

    fn move_items(
        &self,
        items: &[Entry],
        to: &Destination,
        signatures: &[Option<crate::cluster::Signature>],
    ) -> Event {
        let target = match to {
            Destination::Category(name) => Target::Category(name),
            Destination::Skip => Target::Skip,
        };
        let batch = (items.len() > 1).then(|| {
            let nanos = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            format!("{}-{nanos:x}", std::process::id())
        });
        let (mut done, mut failed, mut gone) = (Vec::new(), Vec::new(), Vec::new());
        for (i, entry) in items.iter().enumerate() {
            let signature = signatures.get(i).and_then(Option::as_ref);
            match self
                .desk
                .file_signed(entry, target, "key", batch.as_deref(), signature)
            {
                Ok(record) => done.push(record),
                Err(e @ DeskError::AlreadyFiled { .. }) => {
                    gone.push(entry.name.clone());
                    failed.push(e.to_string());
                }
                Err(e) => failed.push(e.to_string()),
            }
        }
        Event::Moved { done, failed, gone }
    }

    /// Extracts in the background on all cores: cached fields at once, the rest
    /// in small batches so fields fill in while the person works.
    fn extract(&self, entries: Vec<Entry>, first: bool) {
        let (tx, cache, inbox) = (self.tx.clone(), self.cache.clone(), self.desk.inbox.clone());
        let in_flight = Arc::clone(&self.in_flight);
        std::thread::spawn(move || {
            let (hits, mut misses) = {
                let mut guard = cache.lock().unwrap_or_else(|e| e.into_inner());
                let cache = guard.get_or_insert_with(|| Cache::load(cache::location(&inbox)));
                if first {
                    cache.retain(&entries);
                }
                cache.locate_all(entries)
            };
            // Read back a batch at a time: a big inbox lets most fields go as they
            // arrive, so memory never holds all of them at once.
            for batch in hits.chunks(CACHED_BATCH) {
                let (fields, lost) = cache::read_back(batch);
                misses.extend(lost);
                while in_flight.load(Ordering::Acquire) >= CACHED_BATCH {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                in_flight.fetch_add(fields.len(), Ordering::AcqRel);
                if tx.send(Event::Extracted(fields)).is_err() {
                    return;
                }
            }
            article::read_many(&misses, 256, |part, articles| {
                // Folded here, on all cores, and cached: the next start need not fold.
                let mut fields: Vec<Fields> =
                    articles.into_par_iter().map(Fields::folded).collect();
                if let Some(cache) = cache.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
                    for (entry, fields) in part.iter().zip(&mut fields) {
                        fields.stored = cache.put(entry, fields);
                    }
                }
                tx.send(Event::Extracted(fields)).is_ok()
            });
            if first && !misses.is_empty() {
                save(&cache);
            }
            // The reading is over here, the save after it too: what they freed
            // goes back to the system (the event loop does so as well once it has
            // taken the last batch, which may come before or after this).
            crate::memory::release();
        });
    }

    /// Starts reading the extraction cache at once, beside the feed split, the
    /// watcher's first listing and the first screen.
    pub fn preload_cache(&self) {
        let (cache, inbox) = (self.cache.clone(), self.desk.inbox.clone());
        // On the worker pool that parses it anyway: a thread of its own would get a
        // malloc arena of its own for the cache's index, a few MiB more resident.
        rayon::spawn(move || {
            let mut guard = cache.lock().unwrap_or_else(|e| e.into_inner());
            if guard.is_none() {
                let t = std::time::Instant::now();
                let loaded = guard.insert(Cache::load(cache::location(&inbox)));
                tracing::info!(items = loaded.len(), took = ?t.elapsed(), "extraction cache read");
            }
        });
    }

    /// The event loop took `n` extracted items off the channel.
    pub fn taken(&self, n: usize) {
        let _ = self
            .in_flight
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |m| {
                Some(m.saturating_sub(n))
            });
    }

    /// Saves the extraction cache (at quit): what was read this session is there next time.
    pub fn finish(&self) {
        save(&self.cache);
    }
}

/// Cached items read back and sent at a time.
const CACHED_BATCH: usize = 2_000;

fn save(cache: &Mutex<Option<Cache>>) {
    if let Some(cache) = cache.lock().unwrap_or_else(|e| e.into_inner()).as_mut()
        && let Err(e) = cache.save()
    {
        tracing::warn!("cannot save the extraction cache: {e}");
    }
}

/// Statistics from everyone's journal and the inbox as it is now.
fn stats(desk: &Desk) -> Event {
    let records = match desk.journal.all() {
        Ok(records) => records,
        Err(e) => return Event::Failed(format!("cannot read the journal: {e}")),
    };
    let inbox = desk.scan().unwrap_or_default();
    Event::StatsLoaded(crate::stats::compute(&records, &inbox, SystemTime::now()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_taken_off_the_channel_are_counted_down_to_zero() {
        let (tx, _rx) = std::sync::mpsc::channel();
        let runner = Runner {
            desk: Desk::new(&crate::tui::testing::config(), crate::desk::Who::current()),
            tx,
            cache: Default::default(),
            extracted: false,
            bidi_off: false,
            in_flight: Arc::new(AtomicUsize::new(3_000)),
        };
        runner.taken(2_000);
        assert_eq!(runner.in_flight.load(Ordering::Acquire), 1_000);
        runner.taken(4_096);
        assert_eq!(
            runner.in_flight.load(Ordering::Acquire),
            0,
            "never below zero"
        );
    }
}
