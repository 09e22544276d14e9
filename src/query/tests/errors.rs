//! Errors name the problem and its column, counted in characters.

use super::error;
use crate::query::{MAX_DEPTH, parse};

fn says(q: &str, expected: &str) {
    let e = error(q);
    let text = e.to_string();
    assert!(
        text.starts_with(expected),
        "{q}: got {text:?}, wanted {expected:?}"
    );
}

#[test]
fn unclosed_and_unmatched_brackets() {
    says("title:(إدلب", "unclosed '(' at column 7");
    says("(a", "unclosed '(' at column 1");
    says("إدلب )", "unmatched ')' at column 6");
    says("a (b]", "unexpected ']' at column 5");
    says("()", "empty parentheses at column 1");
    says("[a", "unclosed '[' at column 1");
    says("[]", "empty list at column 1");
    says("[a b]", "expected ',' or ']', found 'b' at column 4");
    says("[a, [b]]", "lists cannot be nested at column 5");
}

#[test]
fn quotes_and_regexes() {
    says("إدلب \"حلب", "unclosed '\"' at column 6");
    says("\"\"", "empty phrase at column 1");
    says("/abc", "unclosed '/' at column 1");
    says("/a/i", "unknown regex flag 'i' at column 4");
    says("ادلب /(/", "bad regex");
    assert_eq!(error("ادلب /(/").column, 6);
    says(r"/\w{1000}\w{1000}\w{1000}/", "regex too big");
}

#[test]
fn operators_need_operands() {
    says("a or", "'or' needs a term after it at column 3");
    says("a and", "'and' needs a term after it at column 3");
    says("not", "'not' needs a term after it at column 1");
    says("a -", "'-' needs a term after it at column 3");
    says("or a", "unexpected 'or' at column 1");
    says("a and or b", "unexpected 'or' at column 7");
    says("<3", "'<' needs a field before it at column 1");
    says("title:", "expected a value after 'title:' at column 1");
    says("words:>", "expected a value after '>' at column 7");
    says("@", "alias name expected after '@' at column 1");
}

#[test]
fn unknown_fields_list_the_valid_ones() {
    let e = error("إدلب titel:x");
    assert_eq!(e.message, "unknown field 'titel'");
    assert_eq!(e.column, 6);
    let hint = e.hint.expect("hint");
    assert!(hint.starts_with("did you mean 'title'?"), "{hint}");
    assert!(hint.contains("title, lead, body, source, author, url, lang, dir, keyword, tag, category, file, age, date, words, dup, cluster"));
}

#[test]
fn values_are_checked_when_compiled() {
    says(
        "@nope",
        "unknown alias '@nope' at column 1; aliases are @assad, @idlib",
    );
    says("words:many", "'many' is not a whole number");
    says("age:5", "'5' is not a number and a unit");
    says("age:5y", "'5y' is not a number and a unit");
    says("date:2026-13", "'2026-13' is not a date");
    says("date:<7d", "'7d' is not a date");
    assert!(
        error("date:<7d")
            .hint
            .is_some_and(|h| h.contains("age:<7d"))
    );
    says("words:\"3\"", "words takes a whole number");
    says(
        "إدلب title:<x",
        "'<' compares numbers, ages and dates, not title at column 6",
    );
    says("dir:up", "dir is ltr or rtl");
    says(
        "\u{0640}\u{064E}",
        "nothing to search for once folded at column 1",
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!(
        "{}a{}",
        "(".repeat(MAX_DEPTH + 1),
        ")".repeat(MAX_DEPTH + 1)
    );
    assert!(parse(&deep).is_err());
    let nots = format!("{}a", "-".repeat(10_000));
    assert!(parse(&nots).is_err());
    let fine = format!("{}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
    assert!(parse(&fine).is_ok());
}
