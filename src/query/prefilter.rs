//! Many queries over one item in one pass per field: every word and phrase of a rule
//! set goes into one Aho–Corasick automaton per field, so an item's text is scanned
//! once whatever the number of rules, and a needle several rules share is checked once.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::Query;
use super::ast::Field;
use super::compile::{Node, Pattern};
use super::eval::{BARE, folded_text};
use super::matching::Bounds;
use super::subject::{Folded, Subject};

/// The fields whose folded text is scanned; the others (lists, exact values) are
/// cheap to test directly, and tags change while rules run.
const SCANNED: [Field; 7] = [
    Field::Title,
    Field::Lead,
    Field::Body,
    Field::Source,
    Field::Author,
    Field::Url,
    Field::File,
];

/// The automata of a set of queries, built once.
#[derive(Debug, Clone, Default)]
pub struct Prefilter {
    fields: Vec<FieldScan>,
    slots: usize,
}

#[derive(Debug, Clone)]
struct FieldScan {
    field: Field,
    automaton: AhoCorasick,
    /// For each pattern of the automaton: the slots it may satisfy, with their bounds.
    targets: Vec<Vec<(usize, Bounds)>>,
}

/// Which needles matched one item, by slot.
#[derive(Debug, Clone)]
pub struct Hits(Vec<bool>);

impl Hits {
    pub(super) fn get(&self, slot: usize) -> bool {
        self.0.get(slot).copied().unwrap_or(false)
    }
}

/// Needle text, bounds and fields: needles equal in all three share a slot.
type Key = (String, Bounds, Vec<Field>);

impl Prefilter {
    /// Gives every scannable needle of `queries` a slot and builds the automata.
    pub fn build<'a>(queries: impl IntoIterator<Item = &'a mut Query>) -> Prefilter {
        let mut slots: HashMap<Key, usize> = HashMap::new();
        let mut per_field: HashMap<Field, Vec<(String, usize, Bounds)>> = HashMap::new();
        for query in queries {
            register(&mut query.root, &mut slots, &mut per_field);
        }
        let fields = SCANNED
            .iter()
            .filter_map(|field| {
                let wanted = per_field.remove(field)?;
                FieldScan::new(*field, wanted)
            })
            .collect();
        Prefilter {
            fields,
            slots: slots.len(),
        }
    }

    /// Scans each field of one item once.
    pub fn scan(&self, subject: &Subject<'_>, folded: &Folded) -> Hits {
        let mut hits = vec![false; self.slots];
        for scan in &self.fields {
            let text = folded_text(scan.field, subject, folded);
            if text.is_empty() {
                continue;
            }
            for m in scan.automaton.find_overlapping_iter(text) {
                for &(slot, bounds) in &scan.targets[m.pattern().as_usize()] {
                    if !hits[slot] && bounds.accept(text, m.start(), m.end()) {
                        hits[slot] = true;
                    }
                }
            }
        }
        Hits(hits)
    }
}

impl FieldScan {
    fn new(field: Field, wanted: Vec<(String, usize, Bounds)>) -> Option<FieldScan> {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<(usize, Bounds)>> = Vec::new();
        for (text, slot, bounds) in wanted {
            let index = match patterns.iter().position(|p| *p == text) {
                Some(i) => i,
                None => {
                    patterns.push(text);
                    targets.push(Vec::new());
                    patterns.len() - 1
                }
            };
            if !targets[index].contains(&(slot, bounds)) {
                targets[index].push((slot, bounds));
            }
        }
        // Needles are short literals: this cannot fail short of absurd sizes, and then
        // the queries simply search directly (their slots stay unset).
        // A DFA: bigger to build (once, at config load), fastest to scan overlapping.
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .ok()?;
        Some(FieldScan {
            field,
            automaton,
            targets,
        })
    }
}

fn register(
    node: &mut Node,
    slots: &mut HashMap<Key, usize>,
    per_field: &mut HashMap<Field, Vec<(String, usize, Bounds)>>,
) {
    match node {
        Node::And(xs) | Node::Or(xs) => {
            for x in xs {
                register(x, slots, per_field);
            }
        }
        Node::Not(x) => register(x, slots, per_field),
        Node::Text(field, Pattern::Needle(needle)) => {
            let fields: Vec<Field> = field.map_or(BARE.to_vec(), |f| vec![f]);
            if !fields.iter().all(|f| SCANNED.contains(f)) {
                return;
            }
            let key = (needle.text.clone(), needle.bounds, fields.clone());
            let next = slots.len();
            let slot = *slots.entry(key).or_insert(next);
            needle.slot = Some(slot);
            for f in fields {
                per_field
                    .entry(f)
                    .or_default()
                    .push((needle.text.clone(), slot, needle.bounds));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::query::Aliases;

    const WORDS: [&str; 12] = [
        "ادلب",
        "إدلب",
        "سوريا",
        "\"في إدلب\"",
        "syria",
        "\"the valley\"",
        "val",
        "a",
        "ل",
        "2026",
        "wire",
        "بال",
    ];
    const FIELDS: [&str; 6] = ["", "title:", "lead:", "body:", "source:", "url:"];
    const TEXTS: [&str; 8] = [
        "قصف في إدلب وبإدلب",
        "The valley, Syria's north",
        "سورية وسوريا بالادلبي",
        "Assyria valleys",
        "wire 2026 a ل",
        "الإدلبي في  إدلب",
        "",
        "aaa valley a",
    ];

    fn query() -> impl Strategy<Value = String> {
        let term = (0..FIELDS.len(), 0..WORDS.len(), any::<bool>()).prop_map(|(f, w, not)| {
            format!("{}{}{}", if not { "-" } else { "" }, FIELDS[f], WORDS[w])
        });
        (prop::collection::vec(term, 1..4), any::<bool>())
            .prop_map(|(terms, or)| terms.join(if or { " or " } else { " " }))
    }

    proptest! {
        #[test]
        fn a_prefiltered_query_matches_exactly_when_a_direct_search_does(
            sources in prop::collection::vec(query(), 1..6),
            title in 0..TEXTS.len(), lead in 0..TEXTS.len(), body in 0..TEXTS.len(),
            source in 0..TEXTS.len(),
        ) {
            let aliases = Aliases::new();
            let direct: Vec<Query> =
                sources.iter().map(|q| Query::new(q, &aliases).expect("query")).collect();
            let mut scanned = direct.clone();
            let prefilter = Prefilter::build(scanned.iter_mut());
            let subject = Subject {
                title: TEXTS[title],
                lead: TEXTS[lead],
                body: Some(TEXTS[body]),
                source: Some(TEXTS[source]),
                url: Some("https://x.example/syria-2026"),
                ..Subject::default()
            };
            let folded = Folded::new(&subject);
            let hits = prefilter.scan(&subject, &folded);
            for (d, s) in direct.iter().zip(&scanned) {
                prop_assert_eq!(
                    d.matches(&subject, &folded),
                    s.matches_with(&subject, &folded, &hits),
                    "query {}", d
                );
            }
        }
    }

    #[test]
    fn needles_shared_by_queries_share_a_slot_and_are_found_once() {
        let aliases = Aliases::new();
        let mut queries: Vec<Query> = ["title:ادلب", "title:ادلب lang:ar", "lead:ادلب", "ادلب"]
            .iter()
            .map(|q| Query::new(q, &aliases).expect("query"))
            .collect();
        let prefilter = Prefilter::build(queries.iter_mut());
        assert_eq!(
            prefilter.slots, 3,
            "title, lead, and the bare title/lead/body"
        );
        let subject = Subject {
            title: "قصف بإدلب",
            lang: Some("ar"),
            ..Subject::default()
        };
        let folded = Folded::new(&subject);
        let hits = prefilter.scan(&subject, &folded);
        let matched: Vec<bool> = queries
            .iter()
            .map(|q| q.matches_with(&subject, &folded, &hits))
            .collect();
        assert_eq!(matched, [true, true, false, true]);
    }
}
