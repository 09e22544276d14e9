//! What the rules decided for one item: where it goes, suggestions, tags, priority, commands.

use serde::Serialize;

use super::{Mode, Rule};
use crate::desk::Target;

/// Filing into a category, decided by the first matching rule with `file`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Filing {
    pub category: String,
    pub rule: String,
    pub mode: Mode,
}

/// A move to the skip folder, decided by the first matching rule with `skip = true`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipping {
    pub rule: String,
    pub mode: Mode,
}

/// A category suggested by a rule's `suggest`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub category: String,
    pub rule: String,
}

/// A command a matching `mode = "auto"` rule runs (its argv before substitution).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exec {
    pub rule: String,
    pub argv: Vec<String>,
}

/// The rules' verdict on one item. `file` and `skip` are never both set: the first
/// rule that gives the item a destination wins.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub file: Option<Filing>,
    pub skip: Option<Skipping>,
    /// From `suggest`, in rule order, each category once.
    pub suggestions: Vec<Suggestion>,
    /// Tags the rules added, in rule order, each once.
    pub tags: Vec<String>,
    /// The highest `priority` of the matching rules.
    pub priority: Option<i64>,
    /// Commands of matching auto rules, in rule order; run only by `apply` and `watch --apply`.
    pub exec: Vec<Exec>,
    /// Names of the matching rules, in order.
    pub matched: Vec<String>,
    /// The rule whose `stop` ended evaluation.
    pub stopped_by: Option<String>,
}

impl Outcome {
    /// Whether any rule matched.
    pub fn is_match(&self) -> bool {
        !self.matched.is_empty()
    }

    /// The category to offer the user: the `file` decision (in either mode), else the
    /// first `suggest`. `None` when the rules suggest no category (see `skip` too).
    pub fn suggestion(&self) -> Option<&str> {
        self.file
            .as_ref()
            .map(|f| f.category.as_str())
            .or_else(|| self.suggestions.first().map(|s| s.category.as_str()))
    }

    /// The move `apply` makes and the rule that decided it: only from an auto rule.
    pub fn auto_move(&self) -> Option<(Target<'_>, &str)> {
        if let Some(f) = self.file.as_ref().filter(|f| f.mode == Mode::Auto) {
            return Some((Target::Category(&f.category), &f.rule));
        }
        self.skip
            .as_ref()
            .filter(|s| s.mode == Mode::Auto)
            .map(|s| (Target::Skip, s.rule.as_str()))
    }

    /// Adds the effects of a matching rule.
    pub(super) fn add(&mut self, rule: &Rule) {
        self.matched.push(rule.name.clone());
        let placed = self.file.is_some() || self.skip.is_some();
        if let (Some(category), false) = (&rule.file, placed) {
            self.file = Some(Filing {
                category: category.clone(),
                rule: rule.name.clone(),
                mode: rule.mode,
            });
        } else if rule.skip && !placed {
            self.skip = Some(Skipping {
                rule: rule.name.clone(),
                mode: rule.mode,
            });
        }
        if let Some(category) = &rule.suggest
            && !self.suggestions.iter().any(|s| &s.category == category)
        {
            self.suggestions.push(Suggestion {
                category: category.clone(),
                rule: rule.name.clone(),
            });
        }
        for tag in &rule.tag {
            if !self.tags.contains(tag) {
                self.tags.push(tag.clone());
            }
        }
        self.priority = self.priority.max(rule.priority);
        if let (Some(argv), Mode::Auto) = (&rule.exec, rule.mode) {
            self.exec.push(Exec {
                rule: rule.name.clone(),
                argv: argv.clone(),
            });
        }
    }
}
