//! Rule semantics: order, stop, first file wins, accumulation, aliases, explain, lint.

use std::time::Duration;

use super::*;
use crate::desk::Target;
use crate::query::Aliases;

fn aliases() -> Aliases {
    let mut aliases = Aliases::new();
    aliases.insert("idlib".into(), vec!["إدلب".into(), "Idlib".into()]);
    aliases.insert(
        "oil".into(),
        vec!["نفط".into(), "oil".into(), "crude".into()],
    );
    aliases
}

fn rule(name: &str, when: &str) -> Rule {
    let when = Query::new(when, &aliases()).unwrap_or_else(|e| panic!("{when}: {e}"));
    Rule::new(name, when)
}

fn idlib() -> Subject<'static> {
    Subject {
        title: "قصف على ريف إدلب",
        lead: "ارتفعت أسعار النفط بعد القصف.",
        lang: Some("ar"),
        source: Some("Wire"),
        age: Some(Duration::from_secs(3 * 86_400)),
        ..Subject::default()
    }
}

fn eval(rules: Vec<Rule>) -> Outcome {
    let item = idlib();
    Rules::new(rules).evaluate(&item, &Folded::new(&item))
}

fn file(category: &str) -> Option<String> {
    Some(category.to_string())
}

#[test]
fn no_rule_matching_leaves_the_item_alone() {
    let outcome = eval(vec![Rule {
        file: file("tech"),
        ..rule("tech", "lang:en")
    }]);
    assert_eq!(outcome, Outcome::default());
    assert!(!outcome.is_match());
    assert_eq!(outcome.suggestion(), None);
}

#[test]
fn the_first_file_wins_and_later_files_are_ignored() {
    let outcome = eval(vec![
        Rule {
            file: file("syria"),
            ..rule("idlib", "@idlib")
        },
        Rule {
            file: file("economy"),
            tag: vec!["oil".into()],
            ..rule("oil", "@oil")
        },
    ]);
    let filing = outcome.file.as_ref().expect("filed");
    assert_eq!(
        (filing.category.as_str(), filing.rule.as_str()),
        ("syria", "idlib")
    );
    assert_eq!(outcome.matched, ["idlib", "oil"], "later rules still run");
    assert_eq!(outcome.tags, ["oil"], "and still tag");
    assert_eq!(outcome.skip, None);
}

#[test]
fn a_skip_is_a_destination_too() {
    let outcome = eval(vec![
        Rule {
            skip: true,
            ..rule("old-wire", "source:wire age:>2d")
        },
        Rule {
            file: file("syria"),
            ..rule("idlib", "@idlib")
        },
    ]);
    assert_eq!(
        outcome.skip.as_ref().map(|s| s.rule.as_str()),
        Some("old-wire")
    );
    assert_eq!(outcome.file, None, "the skip came first");
}

#[test]
fn stop_ends_evaluation_only_when_its_rule_matches() {
    let outcome = eval(vec![
        Rule {
            stop: true,
            tag: vec!["english".into()],
            ..rule("english", "lang:en")
        },
        Rule {
            stop: true,
            suggest: file("syria"),
            ..rule("idlib", "@idlib")
        },
        Rule {
            file: file("economy"),
            ..rule("oil", "@oil")
        },
    ]);
    assert_eq!(outcome.matched, ["idlib"]);
    assert_eq!(outcome.stopped_by.as_deref(), Some("idlib"));
    assert_eq!(outcome.file, None);
    assert!(outcome.tags.is_empty());
}

#[test]
fn suggestions_tags_and_priority_accumulate() {
    let outcome = eval(vec![
        Rule {
            suggest: file("syria"),
            tag: vec!["idlib".into(), "conflict".into()],
            priority: Some(2),
            ..rule("a", "@idlib")
        },
        Rule {
            suggest: file("economy"),
            tag: vec!["conflict".into(), "oil".into()],
            priority: Some(5),
            ..rule("b", "@oil")
        },
        Rule {
            suggest: file("syria"),
            priority: Some(-1),
            ..rule("c", "lang:ar")
        },
    ]);
    let suggested: Vec<(&str, &str)> = outcome
        .suggestions
        .iter()
        .map(|s| (s.category.as_str(), s.rule.as_str()))
        .collect();
    assert_eq!(suggested, [("syria", "a"), ("economy", "b")]);
    assert_eq!(outcome.tags, ["idlib", "conflict", "oil"]);
    assert_eq!(outcome.priority, Some(5), "the highest, not the last");
    assert_eq!(outcome.suggestion(), Some("syria"));
}

#[test]
fn a_file_is_the_suggestion_before_any_suggest() {
    let outcome = eval(vec![
        Rule {
            suggest: file("mideast"),
            ..rule("a", "lang:ar")
        },
        Rule {
            file: file("syria"),
            ..rule("b", "@idlib")
        },
    ]);
    assert_eq!(outcome.suggestion(), Some("syria"));
}

#[test]
fn tags_from_earlier_rules_are_seen_by_later_ones() {
    let outcome = eval(vec![
        Rule {
            skip: true,
            mode: Mode::Auto,
            ..rule("stale", "tag:wire age:>2d")
        },
        Rule {
            tag: vec!["wire".into()],
            ..rule("wire", "source:wire")
        },
        Rule {
            skip: true,
            mode: Mode::Auto,
            ..rule("stale-again", "tag:wire age:>2d")
        },
    ]);
    assert_eq!(
        outcome.matched,
        ["wire", "stale-again"],
        "not before it was tagged"
    );
    assert_eq!(outcome.auto_move(), Some((Target::Skip, "stale-again")));
}

#[test]
fn only_auto_rules_move_or_run_commands() {
    let exec = Some(vec!["true".to_string()]);
    let suggest_only = eval(vec![Rule {
        file: file("syria"),
        exec: exec.clone(),
        ..rule("idlib", "@idlib")
    }]);
    assert_eq!(suggest_only.auto_move(), None);
    assert!(suggest_only.exec.is_empty());
    assert_eq!(suggest_only.suggestion(), Some("syria"));
    let auto = eval(vec![Rule {
        file: file("syria"),
        exec,
        mode: Mode::Auto,
        ..rule("idlib", "@idlib")
    }]);
    assert_eq!(auto.auto_move(), Some((Target::Category("syria"), "idlib")));
    assert_eq!(auto.exec.len(), 1);
}

#[test]
fn a_suggest_mode_file_first_keeps_a_later_auto_file_from_moving() {
    let outcome = eval(vec![
        Rule {
            file: file("mideast"),
            ..rule("arabic", "lang:ar")
        },
        Rule {
            file: file("syria"),
            mode: Mode::Auto,
            ..rule("idlib", "@idlib")
        },
    ]);
    assert_eq!(outcome.auto_move(), None, "order decides, as in Sieve");
}

#[test]
fn explain_traces_each_rule_and_term() {
    let rules = Rules::new(vec![
        Rule {
            file: file("tech"),
            ..rule("english", "lang:en")
        },
        Rule {
            file: file("syria"),
            stop: true,
            ..rule("idlib", "lang:ar and title:@idlib")
        },
        Rule {
            file: file("economy"),
            ..rule("oil", "@oil")
        },
    ]);
    let item = idlib();
    let (outcome, trace) = rules.explain(&item, &Folded::new(&item));
    assert_eq!(outcome, rules.evaluate(&item, &Folded::new(&item)));
    assert!(trace[0].reached && !trace[0].matched && trace[0].effects.is_empty());
    assert!(trace[1].matched);
    assert_eq!(trace[1].terms[1].term, "title:@idlib");
    assert_eq!(trace[1].terms[1].hits[0].text, "إدلب");
    assert_eq!(
        trace[1].effects,
        [
            "file → syria (suggested: mode = \"suggest\")",
            "stop: later rules are not evaluated"
        ]
    );
    assert!(!trace[2].reached && trace[2].terms.is_empty());
}

#[test]
fn explain_says_why_a_later_file_is_ignored() {
    let rules = Rules::new(vec![
        Rule {
            file: file("syria"),
            ..rule("idlib", "@idlib")
        },
        Rule {
            file: file("economy"),
            ..rule("oil", "@oil")
        },
    ]);
    let item = idlib();
    let (_, trace) = rules.explain(&item, &Folded::new(&item));
    assert_eq!(
        trace[1].effects,
        ["file → economy ignored: rule idlib already files it into syria (the first file wins)"]
    );
}

#[test]
fn lint_finds_unreachable_idle_shadowed_duplicate_and_silent_rules() {
    let rules = Rules::new(vec![
        Rule {
            file: file("world"),
            ..rule("everything", "")
        },
        Rule {
            file: file("syria"),
            ..rule("idlib", "@idlib")
        },
        rule("idle", "lang:ar"),
        Rule {
            exec: Some(vec!["notify".into(), "{titel}".into()]),
            ..rule("idlib", "@oil")
        },
        Rule {
            stop: true,
            ..rule("catch-all", "")
        },
        Rule {
            tag: vec!["late".into()],
            ..rule("late", "lang:en")
        },
    ]);
    let lints: Vec<(String, String)> = rules
        .lint()
        .into_iter()
        .map(|l| (l.rule, l.message))
        .collect();
    let about = |name: &str, text: &str| lints.iter().any(|(r, m)| r == name && m.contains(text));
    assert!(about("idlib", "never takes effect"), "{lints:?}");
    assert!(about("idle", "does nothing"), "{lints:?}");
    assert!(about("idlib", "another rule is named"), "{lints:?}");
    assert!(about("idlib", "exec never runs"), "{lints:?}");
    assert!(about("idlib", "{titel} is not a placeholder"), "{lints:?}");
    assert!(about("late", "unreachable"), "{lints:?}");
    assert!(
        !lints
            .iter()
            .any(|(r, _)| r == "everything" || r == "catch-all"),
        "{lints:?}"
    );
    assert!(
        Rules::new(vec![Rule {
            tag: vec!["x".into()],
            ..rule("ok", "x")
        }])
        .lint()
        .is_empty()
    );
}
