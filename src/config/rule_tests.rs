//! `[aliases]` and `[[rule]]`: they load compiled, and every mistake names the rule and
//! the line and column — inside `when`, of the offending character, Arabic and escapes included.

use std::path::Path;
use std::time::Duration;

use super::*;
use crate::rules::Mode;

const CATEGORIES: &str = "[[category]]\nname = \"syria\"\n[[category]]\nname = \"economy\"\n\
[aliases]\nidlib = [\"إدلب\", \"Idlib\"]\n";

fn parse(rules: &str) -> Result<Config, ConfigError> {
    let text = format!("{CATEGORIES}{rules}");
    Config::parse(&text, Path::new("test.toml"), Path::new("/desk"))
}

fn error(rules: &str) -> String {
    parse(rules)
        .expect_err("config should be refused")
        .to_string()
}

/// `test.toml:LINE:COL` of the first `marker` in the rules text (columns in characters).
fn place(rules: &str, marker: &str) -> String {
    let text = format!("{CATEGORIES}{rules}");
    let offset = text.find(marker).expect("marker");
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("test.toml:{line}:{column}")
}

fn assert_at(rules: &str, marker: &str, message: &str) {
    let e = error(rules);
    let expected = format!("{}: {message}", place(rules, marker));
    assert!(e.starts_with(&expected), "\n got: {e}\nwant: {expected}");
}

#[test]
fn rules_and_aliases_load_compiled_in_order() {
    let config = parse(
        "[[rule]]\nname = \"idlib\"\nwhen = 'lang:ar and @idlib'\n\
         file = \"syria\"\ntag = [\"idlib\"]\npriority = 2\nmode = \"auto\"\n\
         [[rule]]\nname = \"oil\"\nwhen = \"oil\"\nsuggest = \"economy\"\nstop = true\n\
         exec = [\"notify-send\", \"{title}\"]\n",
    )
    .expect("config");
    assert_eq!(config.aliases["idlib"], ["إدلب", "Idlib"]);
    let rules: Vec<&crate::rules::Rule> = config.rules.iter().collect();
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[0].name, "idlib");
    assert_eq!(rules[0].line, 8);
    assert_eq!(rules[0].mode, Mode::Auto);
    assert_eq!(rules[0].when.to_string(), "lang:ar and @idlib");
    assert_eq!(rules[1].suggest.as_deref(), Some("economy"));
    assert!(rules[1].stop && rules[1].mode == Mode::Suggest);
    assert_eq!(
        rules[1].exec.as_deref(),
        Some(&["notify-send".into(), "{title}".into()][..])
    );
    assert_eq!(
        parse("").expect("no rules").exec_timeout,
        DEFAULT_EXEC_TIMEOUT
    );
    let config = Config::parse(
        "exec_timeout_secs = 3\n",
        Path::new("t"),
        Path::new("/desk"),
    );
    assert_eq!(
        config.expect("timeout").exec_timeout,
        Duration::from_secs(3)
    );
}

#[test]
fn a_bad_query_points_inside_when_even_after_arabic() {
    let rules = "[[rule]]\nname = \"idlib\"\nwhen = 'lang:ar and title:(إدلب'\nfile = \"syria\"\n";
    assert_at(rules, "(إدلب", "rule \"idlib\": when: unclosed '('");
    let rules = "[[rule]]\nname = \"x\"\nwhen = 'إدلب سوريا @idlb'\n";
    assert_at(
        rules,
        "@idlb",
        "rule \"x\": when: unknown alias '@idlb'; aliases are @idlib",
    );
}

#[test]
fn a_bad_query_in_an_escaped_or_multiline_string() {
    let rules = "[[rule]]\nname = \"x\"\nwhen = \"title:\\\"إدلب\\\" \\u0627 @nope\"\n";
    assert_at(rules, "@nope", "rule \"x\": when: unknown alias '@nope'");
    let rules = "[[rule]]\nname = \"x\"\nwhen = \"\"\"\nlang:ar and\n    إدلب /(/\"\"\"\n";
    assert_at(rules, "/(/", "rule \"x\": when: bad regex");
    let rules = "[[rule]]\nname = \"x\"\nwhen = '''\r\n  titel:x'''\n";
    let e = error(rules);
    assert!(e.starts_with(&place(rules, "titel")), "{e}");
}

#[test]
fn unknown_categories_modes_and_contradictions() {
    let rules = "[[rule]]\nname = \"r\"\nwhen = \"x\"\nfile = \"syira\"\n";
    assert_at(
        rules,
        "\"syira\"",
        "rule \"r\": file: no category named \"syira\"; categories: syria, economy",
    );
    let rules = "[[rule]]\nname = \"r\"\nwhen = \"x\"\nsuggest = \"tech\"\n";
    assert_at(
        rules,
        "\"tech\"",
        "rule \"r\": suggest: no category named \"tech\"",
    );
    let rules = "[[rule]]\nname = \"r\"\nwhen = \"x\"\nmode = \"automatic\"\n";
    assert_at(
        rules,
        "\"automatic\"",
        "rule \"r\": mode is \"suggest\" or \"auto\", not \"automatic\"",
    );
    let rules = "[[rule]]\nname = \"r\"\nwhen = \"x\"\nfile = \"syria\"\nskip = true\n";
    assert_at(rules, "true", "rule \"r\": both files and skips");
    let rules = "[[rule]]\nname = \"  \"\nwhen = \"x\"\n";
    assert_at(rules, "\"  \"", "a rule needs a name");
    let rules = "[[rule]]\nname = \"r\"\nwhen = \"x\"\nfiel = \"syria\"\n";
    assert_at(rules, "fiel", "unknown field `fiel`");
}

#[test]
fn exec_is_an_argv_and_never_a_shell_script_with_placeholders() {
    let rules = "[[rule]]\nname = \"r\"\nwhen = \"x\"\nexec = []\n";
    assert_at(rules, "[]", "rule \"r\": exec: needs a program");
    let rules = "[[rule]]\nname = \"r\"\nwhen = \"x\"\nexec = \"notify-send hi\"\n";
    assert!(error(rules).contains("invalid type"), "{}", error(rules));
    let rules = "[[rule]]\nname = \"r\"\nwhen = \"x\"\nexec = [\"sh\", \"-c\", \"echo {title}\"]\n";
    assert_at(
        rules,
        "\"echo",
        "rule \"r\": exec: a placeholder inside a shell script",
    );
    let rules = "[[rule]]\nname = \"r\"\nwhen = \"x\"\nexec = [\"{path}\"]\n";
    assert_at(
        rules,
        "[\"{path}",
        "rule \"r\": exec: the program cannot be a placeholder",
    );
    let fine = "[[rule]]\nname = \"r\"\nwhen = \"x\"\nexec = [\"sh\", \"-c\", 'echo \"$1\"', \"sh\", \"{title}\"]\n";
    parse(fine).expect("placeholders after the script are arguments");
}

#[test]
fn bad_aliases_and_timeouts() {
    let e = error("[aliases.\"bad name\"]\n");
    assert!(
        e.contains("invalid type") || e.contains("alias name"),
        "{e}"
    );
    let text = "[aliases]\n\"a b\" = [\"x\"]\n";
    let e = Config::parse(text, Path::new("test.toml"), Path::new("/desk")).expect_err("bad");
    assert!(
        e.to_string()
            .starts_with("test.toml:2:1: alias name \"a b\""),
        "{e}"
    );
    let text = "[aliases]\nempty = []\n";
    let e = Config::parse(text, Path::new("test.toml"), Path::new("/desk")).expect_err("bad");
    assert_eq!(e.to_string(), "test.toml:2:9: alias @empty lists nothing");
    let text = "exec_timeout_secs = 0\n";
    let e = Config::parse(text, Path::new("test.toml"), Path::new("/desk")).expect_err("bad");
    assert_eq!(
        e.to_string(),
        "test.toml:1:21: exec_timeout_secs must be at least 1"
    );
}

#[test]
fn bundled_rules_suggest_categories_for_the_bundled_inbox() {
    let config =
        Config::parse(BUILTIN, Path::new("config.toml"), Path::new("/desk")).expect("bundled");
    assert!(config.rules.lint().is_empty(), "{:?}", config.rules.lint());
    let suggest = |name: &str, text: &str| {
        let article = crate::article::extract(name, text).article;
        let outcome = config
            .rules
            .evaluate_article(&article, Some(Duration::from_secs(60)));
        assert_eq!(outcome.auto_move(), None, "bundled rules only suggest");
        outcome
    };
    let seed = suggest(
        "000_5e52a797893e5a0a.txt",
        include_str!("../../inbox/000_5e52a797893e5a0a.txt"),
    );
    assert_eq!(seed.suggestion(), Some("syria"));
    assert_eq!(seed.tags, ["idlib", "syria", "russia-turkey"]);
    assert_eq!(seed.suggestions[0].category, "mideast");
    let oil = suggest(
        "oil.txt",
        "ارتفاع أسعار النفط في الأسواق العالمية\n\nارتفعت أسعار النفط اليوم بعد قرار خفض الإنتاج.\n",
    );
    assert_eq!(oil.suggestion(), Some("economy"));
    let english = suggest(
        "idlib.txt",
        "Shelling near Idlib\n\nSyrian forces shelled villages.\n",
    );
    assert_eq!(english.suggestion(), Some("syria"));
    let budget = suggest(
        "b.md",
        "Council passes the budget\n\nThe council passed it on Tuesday.\n",
    );
    assert_eq!(budget.suggestion(), Some("economy"));
    let nothing = suggest("x.txt", "Flood waters rise\n\nFamilies left their homes.\n");
    assert!(!nothing.is_match());
    // A copy of an item filed already: skip is offered before any category.
    let article = crate::article::extract(
        "copy.txt",
        "Shelling near Idlib\n\nSyrian forces shelled villages.\n",
    )
    .article;
    let subject = crate::query::Subject::from(&article).with_story(2, Some("syria"));
    let copy = config
        .rules
        .evaluate(&subject, &crate::query::Folded::new(&subject));
    assert_eq!(
        (
            copy.suggestion(),
            copy.skip.as_ref().map(|s| s.rule.as_str())
        ),
        (None, Some("copy"))
    );
    assert_eq!(copy.tags[0], "copy");
}
