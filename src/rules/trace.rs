//! `rules explain`: each rule, whether it was reached and matched, each term, and what it did.

use super::{Mode, Outcome, Rule, Rules};
use crate::query::{Folded, Subject, TermTrace};

/// How one rule fared against an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleTrace {
    pub name: String,
    /// The line of config.toml the rule is on (0 when unknown).
    pub line: usize,
    /// False when an earlier rule's `stop` ended evaluation first.
    pub reached: bool,
    pub matched: bool,
    /// Each term of `when`, as [`crate::query::Query::explain`] gives it (empty when not reached).
    pub terms: Vec<TermTrace>,
    /// What the rule did, or why part of it did nothing, one line each (when it matched).
    pub effects: Vec<String>,
}

impl Rules {
    /// The outcome, and a trace of every rule on the way to it.
    pub fn explain(&self, subject: &Subject<'_>, folded: &Folded) -> (Outcome, Vec<RuleTrace>) {
        let mut traces = Vec::new();
        let outcome = self.run(
            subject,
            folded,
            |rule, matched, seen, seen_folded, before| {
                traces.push(RuleTrace {
                    name: rule.name.clone(),
                    line: rule.line,
                    reached: true,
                    matched,
                    terms: rule.when.explain(seen, seen_folded),
                    effects: if matched {
                        effects(rule, before)
                    } else {
                        Vec::new()
                    },
                });
            },
        );
        for rule in self.iter().skip(traces.len()) {
            traces.push(RuleTrace {
                name: rule.name.clone(),
                line: rule.line,
                reached: false,
                matched: false,
                terms: Vec::new(),
                effects: Vec::new(),
            });
        }
        (outcome, traces)
    }
}

/// What a matching rule adds to the outcome `before` it.
fn effects(rule: &Rule, before: &Outcome) -> Vec<String> {
    let mut out = Vec::new();
    let how = match rule.mode {
        Mode::Auto => "auto: apply moves it",
        Mode::Suggest => "suggested: mode = \"suggest\"",
    };
    let placed = match (&before.file, &before.skip) {
        (Some(f), _) => Some(format!(
            "rule {} already files it into {}",
            f.rule, f.category
        )),
        (_, Some(s)) => Some(format!("rule {} already skips it", s.rule)),
        _ => None,
    };
    if let Some(category) = &rule.file {
        out.push(match &placed {
            Some(why) => format!("file → {category} ignored: {why} (the first file wins)"),
            None => format!("file → {category} ({how})"),
        });
    }
    if rule.skip {
        out.push(match &placed {
            Some(why) => format!("skip ignored: {why} (the first file wins)"),
            None => format!("skip ({how})"),
        });
    }
    if let Some(category) = &rule.suggest {
        match before.suggestions.iter().find(|s| &s.category == category) {
            Some(s) => out.push(format!(
                "suggest {category} (already suggested by {})",
                s.rule
            )),
            None => out.push(format!("suggest {category}")),
        }
    }
    if !rule.tag.is_empty() {
        out.push(format!("tag {}", rule.tag.join(", ")));
    }
    if let Some(p) = rule.priority {
        out.push(format!("priority {p}"));
    }
    if let Some(argv) = &rule.exec {
        out.push(match rule.mode {
            Mode::Auto => format!("exec {}", shell_words(argv)),
            Mode::Suggest => "exec not run: mode = \"suggest\"".to_string(),
        });
    }
    if rule.stop {
        out.push("stop: later rules are not evaluated".to_string());
    }
    out
}

/// An argv shown readably, each argument with spaces in quotes (for display only).
pub fn shell_words(argv: &[String]) -> String {
    let quoted: Vec<String> = argv
        .iter()
        .map(|a| {
            if a.is_empty() || a.contains(|c: char| c.is_whitespace() || "'\"\\$`".contains(c)) {
                format!("'{}'", a.replace('\'', r"'\''"))
            } else {
                a.clone()
            }
        })
        .collect();
    quoted.join(" ")
}
