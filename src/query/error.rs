//! Query errors that point at a column of the query text.

use std::fmt;

use super::ast::{Field, Span};

/// A query that cannot be parsed or compiled, with where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// What is wrong, e.g. `unclosed '('`.
    pub message: String,
    /// 1-based column of the problem, counted in characters (not bytes, not cells).
    pub column: usize,
    /// Byte range of the offending text in the query.
    pub span: Span,
    /// What would be valid instead, when there is something useful to say.
    pub hint: Option<String>,
}

impl QueryError {
    /// An error at `span` of the query `src`.
    pub fn new(src: &str, span: Span, message: impl Into<String>) -> Self {
        let start = span.start.min(src.len());
        let column = src.get(..start).map_or(start, |s| s.chars().count()) + 1;
        QueryError {
            message: message.into(),
            column,
            span,
            hint: None,
        }
    }

    /// The same error with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at column {}", self.message, self.column)?;
        if let Some(hint) = &self.hint {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for QueryError {}

/// `name:` is not a field: the error lists the fields and guesses the one meant.
pub fn unknown_field(src: &str, span: Span, name: &str) -> QueryError {
    let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
    let closest = names
        .iter()
        .min_by_key(|n| edit_distance(&name.to_ascii_lowercase(), n))
        .copied();
    let guess = closest
        .filter(|n| edit_distance(&name.to_ascii_lowercase(), n) <= 2)
        .map(|n| format!("did you mean '{n}'? "))
        .unwrap_or_default();
    QueryError::new(src, span, format!("unknown field '{name}'")).with_hint(format!(
        "{guess}fields are {}; quote text that contains ':'",
        names.join(", ")
    ))
}

/// Levenshtein distance, for "did you mean".
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}
