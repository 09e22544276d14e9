//! Tests of the query language: parsing, errors, matching, round trips.

mod errors;
mod eval;
mod explain;
mod parse;
mod roundtrip;
mod story;

use super::{Aliases, Expr, Folded, Query, QueryError, Subject, parse};

/// The parse of `q` with spans zeroed.
fn tree(q: &str) -> Expr {
    parse(q).unwrap_or_else(|e| panic!("{q}: {e}")).unspanned()
}

/// The canonical print of `q`.
fn canon(q: &str) -> String {
    parse(q).unwrap_or_else(|e| panic!("{q}: {e}")).to_string()
}

/// The error for `q`, parsed and compiled with `aliases()`.
fn error(q: &str) -> QueryError {
    match Query::new(q, &aliases()) {
        Ok(query) => panic!("{q} should fail, got {query}"),
        Err(e) => e,
    }
}

fn aliases() -> Aliases {
    let mut aliases = Aliases::new();
    aliases.insert(
        "idlib".into(),
        vec!["إدلب".into(), "Idlib".into(), "Idleb".into()],
    );
    aliases.insert(
        "assad".into(),
        vec!["Bashar al-Assad".into(), "الأسد".into()],
    );
    aliases
}

/// Whether `q` matches `item`.
fn hit(q: &str, item: &Subject<'_>) -> bool {
    let query = Query::new(q, &aliases()).unwrap_or_else(|e| panic!("{q}: {e}"));
    query.matches(item, &Folded::new(item))
}
