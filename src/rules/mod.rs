//! Ordered rules over the query language (RULES.md): what config.toml says to do with an item.
//!
//! Rules run top to bottom. Each rule whose `when` matches adds its effects to an
//! [`Outcome`]: the first `file` (or `skip`) decides where the item goes and later ones are
//! ignored — no double filing; `suggest` and `tag` accumulate, `priority` keeps the
//! highest; `stop` ends evaluation; no match leaves the item where it is. Tags added by a
//! rule are visible to the rules after it (`tag:wire and age:>2d`). Evaluation is pure:
//! no I/O, no clock — the caller gives the item's age.
//!
//! ```
//! use newsdesk::query::{Aliases, Folded, Query, Subject};
//! use newsdesk::rules::{Mode, Rule, Rules};
//! let when = Query::new("lang:ar ادلب", &Aliases::new()).expect("valid query");
//! let rules = Rules::new(vec![Rule { file: Some("syria".into()), ..Rule::new("idlib", when) }]);
//! let item = Subject { title: "قصف في إدلب", lang: Some("ar"), ..Subject::default() };
//! let outcome = rules.evaluate(&item, &Folded::new(&item));
//! assert_eq!(outcome.suggestion(), Some("syria"));
//! assert_eq!(outcome.auto_move(), None, "mode = suggest never moves");
//! ```

mod exec;
mod lint;
mod outcome;
mod trace;

use std::time::Duration;

use serde::Serialize;

use crate::article::Article;
use crate::query::{Folded, Prefilter, Query, Subject, fold_text};

pub use exec::{
    Fields, PLACEHOLDERS, environment, script_placeholder, substitute, unknown_placeholders,
};
pub use lint::Lint;
pub use outcome::{Exec, Filing, Outcome, Skipping, Suggestion};
pub use trace::{RuleTrace, shell_words};

/// Whether a rule's moves and commands are carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Shown as a suggestion (the TUI offers it; one key accepts); never done by itself.
    #[default]
    Suggest,
    /// Carried out by `newsdesk apply` and `newsdesk watch --apply` — never by a TUI.
    Auto,
}

/// One `[[rule]]` of config.toml, its query compiled.
#[derive(Debug, Clone)]
pub struct Rule {
    pub name: String,
    pub when: Query,
    /// The category to file into (the first matching rule with one wins).
    pub file: Option<String>,
    /// A category to suggest; suggestions of all matching rules accumulate.
    pub suggest: Option<String>,
    pub tag: Vec<String>,
    pub priority: Option<i64>,
    /// Move to the skip folder; counts as the item's destination like `file`.
    pub skip: bool,
    /// End evaluation after this rule, when it matches.
    pub stop: bool,
    /// A command to run, as an argv list (placeholders like `{path}` in arguments).
    pub exec: Option<Vec<String>>,
    pub mode: Mode,
    /// The line of config.toml it was written on (0 when built in code).
    pub line: usize,
}

impl Rule {
    /// A rule that matches `when` and does nothing yet: fill in the rest with struct update.
    pub fn new(name: impl Into<String>, when: Query) -> Rule {
        Rule {
            name: name.into(),
            when,
            file: None,
            suggest: None,
            tag: Vec::new(),
            priority: None,
            skip: false,
            stop: false,
            exec: None,
            mode: Mode::Suggest,
            line: 0,
        }
    }

    /// Whether the rule does anything when it matches.
    pub fn has_action(&self) -> bool {
        self.file.is_some()
            || self.suggest.is_some()
            || !self.tag.is_empty()
            || self.priority.is_some()
            || self.skip
            || self.stop
            || self.exec.is_some()
    }
}

impl PartialEq for Rule {
    /// Rules are equal when written the same (queries compared in canonical form).
    fn eq(&self, other: &Rule) -> bool {
        self.name == other.name
            && self.when.to_string() == other.when.to_string()
            && self.file == other.file
            && self.suggest == other.suggest
            && self.tag == other.tag
            && self.priority == other.priority
            && self.skip == other.skip
            && self.stop == other.stop
            && self.exec == other.exec
            && self.mode == other.mode
            && self.line == other.line
    }
}

/// The rules of a config, in file order.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    rules: Vec<Rule>,
    /// Each rule's tags folded once, for the rules after it to match on.
    folded_tags: Vec<Vec<String>>,
    /// Every word of every rule, searched for in one pass over each field.
    prefilter: Prefilter,
}

impl PartialEq for Rules {
    /// The rest is derived from the rules.
    fn eq(&self, other: &Rules) -> bool {
        self.rules == other.rules
    }
}

impl Rules {
    /// Rules evaluated in the order given.
    pub fn new(mut rules: Vec<Rule>) -> Rules {
        let folded_tags = rules
            .iter()
            .map(|r| r.tag.iter().map(|t| fold_text(t)).collect())
            .collect();
        let prefilter = Prefilter::build(rules.iter_mut().map(|r| &mut r.when));
        Rules {
            rules,
            folded_tags,
            prefilter,
        }
    }

    /// The rules in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Rule> {
        self.rules.iter()
    }

    /// Whether any rule's `when` names `field`.
    pub fn uses(&self, field: crate::query::Field) -> bool {
        self.rules.iter().any(|r| r.when.uses(field))
    }

    /// Whether any rule's `when` reads raw lead or body text (see [`Query::reads_raw_text`]).
    pub fn reads_raw_text(&self) -> bool {
        self.rules.iter().any(|r| r.when.reads_raw_text())
    }

    /// How many rules there are.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// What the rules make of one item; `folded` is `Folded::new(subject)`.
    pub fn evaluate(&self, subject: &Subject<'_>, folded: &Folded) -> Outcome {
        self.run(subject, folded, |_, _, _, _, _| {})
    }

    /// [`Rules::evaluate`] for an article as read (no full body, no tags), `age` old:
    /// what the TUI and the CLI both use, so suggestions and `apply` agree.
    pub fn evaluate_article(&self, article: &Article, age: Option<Duration>) -> Outcome {
        let mut subject = Subject::from(article);
        subject.age = age;
        self.evaluate(&subject, &Folded::new(&subject))
    }

    /// Runs the rules, calling `visit` with each rule reached, whether it matched, the
    /// subject as that rule saw it (with the tags of the rules before it) and the outcome
    /// so far.
    fn run<F>(&self, subject: &Subject<'_>, folded: &Folded, mut visit: F) -> Outcome
    where
        F: FnMut(&Rule, bool, &Subject<'_>, &Folded, &Outcome),
    {
        let mut outcome = Outcome::default();
        let mut tags: Vec<String> = subject.tags.to_vec();
        // Folded anew only once a rule adds a tag; most items never need it.
        let mut retagged: Option<Folded> = None;
        // Tags are never scanned, so these hold for every rule, whatever tags it sees.
        let hits = self.prefilter.scan(subject, folded);
        for (rule, folded_tags) in self.rules.iter().zip(&self.folded_tags) {
            let seen = subject.with_tags(&tags);
            let seen_folded = retagged.as_ref().unwrap_or(folded);
            let matched = rule.when.matches_with(&seen, seen_folded, &hits);
            visit(rule, matched, &seen, seen_folded, &outcome);
            if !matched {
                continue;
            }
            outcome.add(rule);
            for (tag, folded_tag) in rule.tag.iter().zip(folded_tags) {
                if !tags.contains(tag) {
                    tags.push(tag.clone());
                    retagged
                        .get_or_insert_with(|| folded.clone())
                        .tags
                        .push(folded_tag.clone());
                }
            }
            if rule.stop {
                outcome.stopped_by = Some(rule.name.clone());
                break;
            }
        }
        outcome
    }
}

impl<'a> IntoIterator for &'a Rules {
    type Item = &'a Rule;
    type IntoIter = std::slice::Iter<'a, Rule>;

    fn into_iter(self) -> Self::IntoIter {
        self.rules.iter()
    }
}

#[cfg(test)]
mod tests;
