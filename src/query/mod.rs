//! The query language of the filter prompt and of rules (RULES.md): parse, compile, match.
//!
//! ```text
//! query   = or
//! or      = and { ("or" | "|") and }
//! and     = unary { ["and"] unary }          juxtaposition means and
//! unary   = ("not" | "!" | "-") unary | "(" query ")" | term
//! term    = field ":" [cmp] value | field ":" "(" query ")" | [cmp] value
//! value   = word | "phrase" | /regex/ | /regex/r | @alias | [v1, v2]
//! ```
//!
//! Matching (both sides folded with [`crate::article::fold`], whitespace collapsed):
//! - a **word** matches a word of the text that *starts with* it, in every script, and
//!   also after an Arabic clitic prefix (و ف ب ك ل ال …): `ادلب` finds `إدلب`, `بإدلب`
//!   and `الإدلبي`; `syria` finds `Syrian` but not `Assyria`;
//! - a **"phrase"** matches whole words (a clitic may still precede it), so `"ادلب"`
//!   finds `بإدلب` but not `ادلبي`;
//! - `/regex/` searches folded text ignoring case; `/regex/r` the raw text, case-sensitive;
//! - `lang`, `dir`, `tag` and `category` compare the whole value (`lang:ar`, `dir:rtl`);
//! - `words:>300`; `age:<6h` (units s m h d w; a bare `age:6h` means at most 6h old);
//!   `date:>=2026-11-01`, also `date:2026-11` at month or year precision. `date` takes
//!   absolute dates only: relative times are `age`, since the evaluator reads no clock;
//! - `title:(a or b)` applies the field to every bare value inside;
//! - the empty query matches everything.
//!
//! ```
//! use newsdesk::query::{Aliases, Folded, Query, Subject};
//! let query = Query::new("lang:ar ادلب", &Aliases::new()).expect("valid query");
//! let item = Subject { title: "قصف في إدلب", lang: Some("ar"), ..Subject::default() };
//! assert!(query.matches(&item, &Folded::new(&item)));
//! ```

mod ast;
mod compile;
mod error;
mod eval;
mod explain;
mod lexer;
mod matching;
mod parser;
mod prefilter;
mod print;
mod subject;
mod unfold;

use std::collections::BTreeMap;
use std::fmt;

pub use ast::{Cmp, Expr, Field, Span, Term, Value, ValueKind};
pub use error::QueryError;
pub use explain::{Hit, TermTrace};
pub use matching::{REGEX_SIZE_LIMIT, fold_text};
pub use parser::{MAX_DEPTH, parse};
pub use prefilter::{Hits, Prefilter};
pub use subject::{Folded, FoldedText, Subject};
pub use unfold::Unfold;

/// Alias name (without `@`) to the values it stands for, as in `[aliases]` of config.toml.
pub type Aliases = BTreeMap<String, Vec<String>>;

/// A parsed and compiled query, ready to match many items.
#[derive(Debug, Clone)]
pub struct Query {
    expr: Expr,
    root: compile::Node,
    /// The text and the aliases it uses, kept so [`Query::explain`] can trace each term.
    src: String,
    aliases: Aliases,
    /// [`Query::reads_raw_text`], worked out once.
    raw_text: bool,
}

impl Query {
    /// Parses and compiles `src`; errors carry the column of the problem.
    pub fn new(src: &str, aliases: &Aliases) -> Result<Query, QueryError> {
        let expr = parse(src)?;
        let root = compile::compile(&expr, src, aliases)?;
        let used = explain::aliases_used(&expr, aliases);
        Ok(Query {
            expr,
            raw_text: root.reads_raw_text(),
            root,
            src: src.to_string(),
            aliases: used,
        })
    }

    /// The syntax tree.
    pub fn expr(&self) -> &Expr {
        &self.expr
    }

    /// Whether a term names `field`, so callers need not work out what no term reads
    /// (story clusters, filed near-duplicates).
    pub fn uses(&self, field: Field) -> bool {
        explain::fields(&self.expr).contains(&field)
    }

    /// Whether a term reads raw lead or body text (a `/…/r` regex on them or on
    /// bare text): only then must a caller holding them as edits rebuild them.
    pub fn reads_raw_text(&self) -> bool {
        self.raw_text
    }

    /// Whether this is the empty query, which matches everything.
    pub fn is_all(&self) -> bool {
        self.expr == Expr::All
    }

    /// Whether an item matches; `folded` is `Folded::new(subject)`, kept by the caller.
    pub fn matches(&self, subject: &Subject<'_>, folded: &Folded) -> bool {
        self.root.matches(subject, folded)
    }

    /// [`Query::matches`] with the needles a [`Prefilter`] built from this query
    /// already looked for; `hits` must come from that prefilter's scan of this item.
    pub fn matches_with(&self, subject: &Subject<'_>, folded: &Folded, hits: &Hits) -> bool {
        self.root.eval(subject, folded, Some(hits))
    }

    /// Whether an item matches, folding its text first: for one-off checks only.
    pub fn matches_once(&self, subject: &Subject<'_>) -> bool {
        self.matches(subject, &Folded::new(subject))
    }
}

impl fmt::Display for Query {
    /// The query in canonical form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.expr.fmt(f)
    }
}

#[cfg(test)]
mod tests;
