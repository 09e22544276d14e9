//! Query errors that point at a column of the query text.

use std::fmt;

use super::ast::Span;

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
        QueryError { message: message.into(), column, span, hint: None }
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
