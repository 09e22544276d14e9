//! Items already filed, found by body signature: an arriving near-duplicate says
//! "like an item filed → syria 2 h ago", and rules test it with `dup:filed`.
//!
//! Built from the journal: every filing into a category still in force (not undone)
//! whose record carries a signature, filed within [`WINDOW`] of now. Skips do not
//! count: a skipped item was not filed.

use std::path::PathBuf;
use std::time::Duration;

use super::{Index, Signature};
use crate::desk::{Journal, Op, Record, journal::undo_stack};

/// How far back filings count: older ones are other stories by now, and the index stays small.
pub const WINDOW: Duration = Duration::from_secs(7 * 86_400);

/// A filed item that an arriving one is a near-duplicate of.
#[derive(Debug, Clone, PartialEq)]
pub struct Filed {
    pub category: String,
    /// When it was filed, as the journal has it (RFC 3339, UTC).
    pub time: String,
    /// Its file name in the inbox.
    pub name: String,
    /// Where it was filed to (an undo of this path takes it out).
    pub to: PathBuf,
    /// The estimated similarity of the two bodies (0 to 1), filled by [`FiledIndex::find`].
    pub similarity: f32,
}

impl Filed {
    /// "like an item filed → syria 2 h ago", as of `now`, naming the category
    /// `label` (its name, or the label a screen shows).
    pub fn like(&self, label: &str, now: jiff::Timestamp) -> String {
        format!("like an item filed → {label} {}", ago(&self.time, now))
    }
}

/// The filed items of a desk, in an LSH index so a lookup costs about the same
/// however many there are.
#[derive(Debug, Clone)]
pub struct FiledIndex {
    index: Index,
    /// Parallel to the index's items; `None` once undone.
    items: Vec<Option<Filed>>,
}

impl Default for FiledIndex {
    fn default() -> Self {
        FiledIndex::new(super::DEFAULT_THRESHOLD)
    }
}

impl FiledIndex {
    /// An empty index; near-duplicates reach `threshold` estimated similarity.
    pub fn new(threshold: f32) -> FiledIndex {
        FiledIndex {
            index: Index::new(threshold),
            items: Vec::new(),
        }
    }

    /// The filings of `records` (everyone's journal, oldest first) still in force and
    /// made within [`WINDOW`] before `now`.
    pub fn from_journal(records: &[Record], now: jiff::Timestamp) -> FiledIndex {
        let since = now
            .checked_sub(jiff::SignedDuration::try_from(WINDOW).unwrap_or_default())
            .unwrap_or(now);
        let mut filed = FiledIndex::default();
        for record in undo_stack(records) {
            let recent = record
                .time
                .parse::<jiff::Timestamp>()
                .is_ok_and(|t| t >= since);
            if recent {
                filed.add(&record);
            }
        }
        filed
    }

    /// The desk's filings from everyone's journal, as of now; an unreadable journal
    /// is logged and counts as empty (a hint is not worth failing a command for).
    pub fn load(journal: &Journal) -> FiledIndex {
        match journal.all() {
            Ok(records) => FiledIndex::from_journal(&records, jiff::Timestamp::now()),
            Err(e) => {
                tracing::warn!("cannot read the journal for filed items: {e}");
                FiledIndex::default()
            }
        }
    }

    /// Adds a filing (a record of another op, or without a signature, is ignored).
    pub fn add(&mut self, record: &Record) {
        let signature = record.signature.as_deref().and_then(Signature::decode);
        let Some(signature) = signature.filter(|_| record.op == Op::File) else {
            return;
        };
        self.index.insert_alone(signature);
        self.items.push(Some(Filed {
            category: record.category.clone(),
            time: record.time.clone(),
            name: record.name.clone(),
            to: record.to.clone(),
            similarity: 1.0,
        }));
    }

    /// Takes out what an undo record (`from` is where the item was filed) put back.
    pub fn undo(&mut self, record: &Record) {
        for slot in &mut self.items {
            if slot.as_ref().is_some_and(|f| f.to == record.from) {
                *slot = None;
            }
        }
    }

    /// The filed item most like a body with this signature (the latest among equals),
    /// if one reaches the threshold.
    pub fn find(&self, signature: &Signature) -> Option<Filed> {
        let best = self
            .index
            .similar(signature)
            .into_iter()
            .filter_map(|i| {
                let similarity = self.index.signature(i)?.similarity(signature);
                Some((similarity, self.items[i].as_ref()?))
            })
            .max_by(|(a, fa), (b, fb)| a.total_cmp(b).then_with(|| fa.time.cmp(&fb.time)))?;
        Some(Filed {
            similarity: best.0,
            ..best.1.clone()
        })
    }

    /// Whether the filing to `to` is in force here.
    pub fn holds(&self, to: &std::path::Path) -> bool {
        self.items.iter().flatten().any(|f| f.to == to)
    }

    /// How many filings are in force.
    pub fn len(&self) -> usize {
        self.items.iter().flatten().count()
    }

    /// Whether no filing is in force.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// An age in words for "filed 2 h ago": seconds, minutes, hours or days.
pub fn ago(filed: &str, now: jiff::Timestamp) -> String {
    let Ok(then) = filed.parse::<jiff::Timestamp>() else {
        return "some time ago".to_string();
    };
    let secs = now.duration_since(then).as_secs().max(0);
    match secs {
        0..60 => "just now".to_string(),
        60..3600 => format!("{} min ago", secs / 60),
        3600..86_400 => format!("{} h ago", secs / 3600),
        _ => format!("{} d ago", secs / 86_400),
    }
}

#[cfg(test)]
#[path = "filed_tests.rs"]
mod tests;
