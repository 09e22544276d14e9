//! The story fields: `dup:filed` (a near-duplicate was filed) and `cluster:>3`
//! (copies of the story in the inbox), parsed, printed, matched and explained.

use super::{canon, error, hit, tree};
use crate::query::{Cmp, Expr, Field, Folded, Query, Subject, Term};

fn copy_of_filed() -> Subject<'static> {
    Subject {
        title: "محادثات إدلب تستأنف",
        words: 300,
        ..Subject::default()
    }
    .with_story(4, Some("syria"))
}

fn lone() -> Subject<'static> {
    Subject {
        title: "Budget passes",
        ..Subject::default()
    }
}

#[test]
fn they_parse_as_fields_and_print_back() {
    let Expr::And(terms) = tree("dup:filed cluster:>3") else {
        panic!("two terms");
    };
    let fields: Vec<(Option<Field>, Option<Cmp>)> = terms
        .iter()
        .map(|t| match t {
            Expr::Term(Term { field, cmp, .. }) => (*field, *cmp),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        fields,
        [
            (Some(Field::Dup), None),
            (Some(Field::Cluster), Some(Cmp::Gt))
        ]
    );
    assert_eq!(canon("DUP:filed  CLUSTER:>=2"), "dup:filed and cluster:>=2");
    for q in ["dup:filed", "not dup:filed or cluster:(>1 <5)", "cluster:1"] {
        assert_eq!(tree(&canon(q)), tree(q), "{q}");
    }
}

#[test]
fn dup_filed_matches_an_item_whose_copy_was_filed() {
    assert!(hit("dup:filed", &copy_of_filed()));
    assert!(hit("dup:FILED", &copy_of_filed()));
    assert!(!hit("dup:filed", &lone()));
    assert!(hit("-dup:filed", &lone()));
}

#[test]
fn cluster_compares_the_size_and_a_lone_item_is_one() {
    let item = copy_of_filed();
    for (q, expected) in [
        ("cluster:>3", true),
        ("cluster:4", true),
        ("cluster:>4", false),
        ("cluster:<=4", true),
        ("cluster:1", false),
    ] {
        assert_eq!(hit(q, &item), expected, "{q}");
    }
    assert!(hit("cluster:1", &lone()), "not worked out counts as alone");
    assert!(!hit("cluster:>1", &lone()));
    assert!(hit("cluster:2", &lone().with_story(2, None)));
}

#[test]
fn explain_says_where_the_copy_went_and_how_many_there_are() {
    let query = Query::new("dup:filed and cluster:>3", &super::aliases()).expect("query");
    let item = copy_of_filed();
    let trace = query.explain(&item, &Folded::new(&item));
    assert_eq!(trace.len(), 2);
    assert!(trace.iter().all(|t| t.matched));
    assert_eq!(trace[0].hits[0].field, Field::Dup);
    assert_eq!(trace[0].hits[0].text, "filed → syria");
    assert_eq!(trace[1].hits[0].text, "4");
    let lone = lone();
    let trace = query.explain(&lone, &Folded::new(&lone));
    assert!(trace.iter().all(|t| !t.matched && t.hits.is_empty()));
}

#[test]
fn a_query_says_whether_it_reads_the_story_fields() {
    let query = Query::new("title:(a or b) not dup:filed", &super::aliases()).expect("query");
    assert!(query.uses(Field::Dup) && query.uses(Field::Title));
    assert!(!query.uses(Field::Cluster));
}

#[test]
fn bad_values_are_errors_with_columns() {
    let e = error("dup:skipped");
    assert!(e.message.starts_with("dup takes filed"), "{}", e.message);
    assert_eq!(e.column, 1);
    assert!(error("dup:>filed").message.starts_with("dup takes filed"));
    assert!(error("cluster:many").message.contains("like cluster:>3"));
    assert!(
        error("x cluster:\"3\"")
            .message
            .starts_with("cluster takes")
    );
}
