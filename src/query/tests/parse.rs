//! Parser shapes: precedence, juxtaposition, negation, groups, values.

use super::{canon, tree};
use crate::query::{Cmp, Expr, Field, Span, Term, Value, ValueKind};

fn value(kind: ValueKind) -> Value {
    Value {
        kind,
        span: Span::default(),
    }
}

fn term(field: Option<Field>, cmp: Option<Cmp>, kind: ValueKind) -> Expr {
    Expr::Term(Term {
        field,
        cmp,
        value: value(kind),
        span: Span::default(),
    })
}

fn word(w: &str) -> Expr {
    term(None, None, ValueKind::Word(w.into()))
}

#[test]
fn empty_and_blank_queries_are_all() {
    assert_eq!(tree(""), Expr::All);
    assert_eq!(tree("  \t\u{200F} "), Expr::All);
    assert_eq!(canon(""), "");
}

#[test]
fn and_binds_tighter_than_or() {
    let expected = Expr::Or(vec![Expr::And(vec![word("a"), word("b")]), word("c")]);
    assert_eq!(tree("a and b or c"), expected);
    assert_eq!(tree("a b | c"), expected);
    assert_eq!(tree("a AND b OR c"), expected);
    assert_eq!(canon("a or b c"), "a or b and c");
    assert_eq!(canon("(a or b) c"), "(a or b) and c");
}

#[test]
fn juxtaposition_means_and_and_flattens() {
    assert_eq!(
        tree("a b c"),
        Expr::And(vec![word("a"), word("b"), word("c")])
    );
    assert_eq!(tree("a (b c)"), tree("a and b and c"));
    assert_eq!(
        tree("(a | b) | c"),
        Expr::Or(vec![word("a"), word("b"), word("c")])
    );
}

#[test]
fn three_spellings_of_not() {
    let not_a = Expr::Not(Box::new(word("a")));
    assert_eq!(tree("not a"), not_a);
    assert_eq!(tree("!a"), not_a);
    assert_eq!(tree("-a"), not_a);
    assert_eq!(tree("NOT a"), not_a);
    assert_eq!(canon("-a b"), "not a and b");
    assert_eq!(canon("!(a b)"), "not (a and b)");
    assert_eq!(canon("not not a"), "not not a");
    assert_eq!(canon("al-assad -x"), "al-assad and not x");
}

#[test]
fn fields_comparisons_and_values() {
    assert_eq!(
        tree("title:إدلب"),
        term(Some(Field::Title), None, ValueKind::Word("إدلب".into()))
    );
    assert_eq!(
        tree("words:>300"),
        term(
            Some(Field::Words),
            Some(Cmp::Gt),
            ValueKind::Word("300".into())
        )
    );
    assert_eq!(tree("TITLE:x"), tree("title:x"));
    for (q, cmp) in [
        ("age:<6h", Cmp::Lt),
        ("age:<=6h", Cmp::Le),
        ("age:>=6h", Cmp::Ge),
        ("age:=6h", Cmp::Eq),
    ] {
        assert_eq!(
            tree(q),
            term(Some(Field::Age), Some(cmp), ValueKind::Word("6h".into())),
            "{q}"
        );
    }
    assert_eq!(
        tree("date:>=2026-11-01"),
        term(
            Some(Field::Date),
            Some(Cmp::Ge),
            ValueKind::Word("2026-11-01".into())
        )
    );
    assert_eq!(canon("title: إدلب"), "title:إدلب");
}

#[test]
fn value_position_keeps_keywords_colons_and_dashes() {
    assert_eq!(
        tree("url:https://example.com/a"),
        term(
            Some(Field::Url),
            None,
            ValueKind::Word("https://example.com/a".into())
        )
    );
    assert_eq!(
        tree("title:and"),
        term(Some(Field::Title), None, ValueKind::Word("and".into()))
    );
    assert_eq!(
        tree("title:-x"),
        term(Some(Field::Title), None, ValueKind::Word("-x".into()))
    );
    assert_eq!(tree("12:30"), word("12:30"));
}

#[test]
fn phrases_regexes_aliases_lists() {
    assert_eq!(
        tree(r#""في إدلب""#),
        term(None, None, ValueKind::Phrase("في إدلب".into()))
    );
    assert_eq!(
        tree(r#""say \"hi\" \\ \n""#),
        term(None, None, ValueKind::Phrase(r#"say "hi" \ \n"#.into()))
    );
    let regex = |pattern: &str, raw| {
        term(
            None,
            None,
            ValueKind::Regex {
                pattern: pattern.into(),
                raw,
            },
        )
    };
    assert_eq!(tree(r"/idl[ie]b\d/"), regex(r"idl[ie]b\d", false));
    assert_eq!(tree(r"/a\/b (c)/r"), regex("a/b (c)", true));
    assert_eq!(
        tree("@idlib"),
        term(None, None, ValueKind::Alias("idlib".into()))
    );
    let list = ValueKind::List(vec![
        value(ValueKind::Word("a".into())),
        value(ValueKind::Phrase("b c".into())),
        value(ValueKind::Alias("x".into())),
        value(ValueKind::Regex {
            pattern: "d".into(),
            raw: false,
        }),
    ]);
    assert_eq!(
        tree(r#"tag:[a, "b c", @x, /d/]"#),
        term(Some(Field::Tag), None, list)
    );
    assert_eq!(canon("[a, b,]"), "[a, b]");
    assert_eq!(canon("[and, or]"), "[and, or]");
}

#[test]
fn field_groups_distribute_over_their_terms() {
    assert_eq!(canon("title:(a or b)"), "title:a or title:b");
    assert_eq!(
        canon("title:(a -b lead:c)"),
        "title:a and not title:b and lead:c"
    );
    assert_eq!(canon("words:(>300 <500)"), "words:>300 and words:<500");
    assert_eq!(
        canon("title:(إدلب | \"ريف ادلب\")"),
        "title:إدلب or title:\"ريف ادلب\""
    );
}

#[test]
fn unicode_words_and_bidi_marks() {
    assert_eq!(tree("سُورِيَا"), word("سُورِيَا"));
    assert_eq!(tree("\u{200F}إدلب\u{200F} حلب"), tree("إدلب حلب"));
    assert_eq!(
        tree("东京 Zürich"),
        Expr::And(vec![word("东京"), word("Zürich")])
    );
}

#[test]
fn spans_are_byte_ranges_of_terms() {
    let expr = crate::query::parse("a title:إدلب").expect("parses");
    let Expr::And(xs) = expr else { panic!("and") };
    let Expr::Term(t) = &xs[1] else {
        panic!("term")
    };
    assert_eq!(t.span, Span::new(2, 2 + "title:إدلب".len()));
    assert_eq!(t.value.span, Span::new(8, 8 + "إدلب".len()));
}
