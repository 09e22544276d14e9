//! `rules check` warnings: rules that can never act as written, and other likely mistakes.

use super::exec::unknown_placeholders;
use super::{Mode, Rule, Rules};

/// A likely mistake in a rule that still loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    pub rule: String,
    /// The rule's line in config.toml (0 when unknown).
    pub line: usize,
    pub message: String,
}

impl Rules {
    /// Warnings about the rules, in rule order.
    pub fn lint(&self) -> Vec<Lint> {
        let mut out = Vec::new();
        let mut stopper: Option<&Rule> = None;
        let mut placer: Option<&Rule> = None;
        for (i, rule) in self.iter().enumerate() {
            let mut warn = |message: String| {
                out.push(Lint {
                    rule: rule.name.clone(),
                    line: rule.line,
                    message,
                });
            };
            if let Some(s) = stopper {
                warn(format!(
                    "unreachable: rule {:?} (line {}) matches every item and stops",
                    s.name, s.line
                ));
            } else if let Some(p) = placer.filter(|_| rule.file.is_some() || rule.skip) {
                warn(format!(
                    "its {} never takes effect: rule {:?} (line {}) matches every item and files it first",
                    if rule.skip { "skip" } else { "file" },
                    p.name,
                    p.line
                ));
            }
            if !rule.has_action() {
                warn(
                    "does nothing when it matches: give it file, suggest, tag, priority, skip, stop or exec"
                        .to_string(),
                );
            }
            if let Some(first) = self.iter().take(i).find(|r| r.name == rule.name) {
                warn(format!(
                    "another rule is named {:?} (line {}); the journal's rule:{} cannot tell them apart",
                    first.name, first.line, rule.name
                ));
            }
            if let Some(argv) = &rule.exec {
                if rule.mode == Mode::Suggest {
                    warn(
                        "exec never runs: the rule has mode = \"suggest\"; commands run only for mode = \"auto\""
                            .to_string(),
                    );
                }
                for unknown in argv.iter().flat_map(|a| unknown_placeholders(a)) {
                    warn(format!(
                        "exec: {unknown} is not a placeholder and is passed as written; placeholders are {}",
                        super::PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(" ")
                    ));
                }
            }
            let always = rule.when.is_all();
            if always && rule.stop && stopper.is_none() {
                stopper = Some(rule);
            }
            if always && (rule.file.is_some() || rule.skip) && placer.is_none() {
                placer = Some(rule);
            }
        }
        out
    }
}
