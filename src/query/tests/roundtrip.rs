//! Printing a parsed query and parsing it again gives the same tree.

use super::tree;
use crate::query::parse;

const QUERIES: &[&str] = &[
    "",
    "a",
    "a b c",
    "a and b or c and d",
    "a or (b or c) and -d",
    "((a))",
    "!(a | b) -c not d",
    "not not a",
    "not (a b) (c | d)",
    "title:إدلب",
    "TITLE:x lead:y body:z source:s author:a url:https://x.org/a?b=c lang:ar dir:rtl",
    "keyword:k tag:t category:c file:f.txt age:<6h date:>=2026-11-01 words:>300",
    "words:=3 words:<=4 age:>2d age:1w date:2026 date:<2026-11",
    "\"في إدلب\" \"say \\\"hi\\\"\" \"back\\\\slash\" \"keep \\n\"",
    "/idl[ie]b/ /a\\/b/r /\\\\/ /x\\\\\\/y/ /(a|b) c/",
    "@idlib title:@syria [a, \"b c\", @d, /e/r]",
    "lang:[ar, fa] tag:[and, or, not, -x, !y, url:z]",
    "title:(a or b -c) words:(>1 <9)",
    "title:and title:or title:-x title:!x",
    "a|b|c",
    "12:30 x-y al-assad سُورِيَا Zürich 东京",
    "\u{200F}إدلب\u{200F} or حلب",
    "(a (b (c (d or e))))",
    "-(-(-a))",
    "a \"b\"c /d/ 1:f",
    "url:http://a.b/c:d",
    "dup:filed -dup:filed cluster:>3 cluster:(>=2 <9) cluster:1",
    "title:(lead:(x y) z)",
];

#[test]
fn print_then_parse_gives_the_same_tree() {
    for q in QUERIES {
        let first = parse(q).unwrap_or_else(|e| panic!("{q}: {e}"));
        let printed = first.to_string();
        assert_eq!(
            tree(&printed),
            first.unspanned(),
            "{q} printed as {printed}"
        );
        assert_eq!(
            parse(&printed).map(|e| e.to_string()).as_deref(),
            Ok(printed.as_str()),
            "canonical form is stable"
        );
    }
}

mod properties {
    use proptest::prelude::*;

    use crate::query::{Aliases, Query, parse};

    /// Pieces that exercise every token, joined in any order.
    const PIECES: &[&str] = &[
        "a",
        "إدلب",
        "بإدلب",
        "x-y",
        "and",
        "or",
        "not",
        "AND",
        "|",
        "!",
        "-",
        "(",
        ")",
        "[",
        "]",
        ",",
        "\"p q\"",
        "\"\\\"\"",
        "/r[ab]/",
        "/s\\/t/r",
        "@idlib",
        "title:",
        "words:",
        "age:",
        "date:",
        "dup:",
        "cluster:",
        "filed",
        "tag:",
        "url:",
        ">",
        "<=",
        "=",
        "300",
        "6h",
        "2026-11",
        "http://x",
        ":",
        "\\",
        "\u{200F}",
        "ً",
    ];

    fn query_text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(PIECES);
        let gap = prop::sample::select(&[" ", "", "  "][..]);
        prop::collection::vec((piece, gap), 0..12)
            .prop_map(|parts| parts.into_iter().map(|(p, g)| format!("{p}{g}")).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn round_trip_of_token_soup(q in query_text()) {
            if let Ok(first) = parse(&q) {
                let printed = first.to_string();
                let second = parse(&printed).map_err(|e| TestCaseError::fail(format!("{q:?} printed as {printed:?}: {e}")))?;
                prop_assert_eq!(second.unspanned(), first.unspanned(), "{:?} printed as {:?}", q, printed);
            }
        }

        #[test]
        fn round_trip_of_any_text(q in "[a-c ()\\[\\],|!\\-\"/@:<>=\\\\إدلب]{0,24}") {
            if let Ok(first) = parse(&q) {
                let printed = first.to_string();
                let second = parse(&printed).map_err(|e| TestCaseError::fail(format!("{q:?} printed as {printed:?}: {e}")))?;
                prop_assert_eq!(second.unspanned(), first.unspanned());
            }
        }

        #[test]
        fn never_panics(q in any::<String>()) {
            let _ = Query::new(&q, &Aliases::new());
        }
    }
}
