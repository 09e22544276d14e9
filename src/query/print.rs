//! Prints a syntax tree back as a query in canonical form: `parse(print(e)) == e`.

use std::fmt;

use super::ast::{Expr, Term, Value, ValueKind};

impl fmt::Display for Expr {
    /// The canonical form: lower-case `and`/`or`/`not`, parentheses only where needed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::All => Ok(()),
            Expr::Or(xs) => join(f, xs, " or ", |x| matches!(x, Expr::Or(_) | Expr::All)),
            Expr::And(xs) => join(f, xs, " and ", |x| {
                matches!(x, Expr::Or(_) | Expr::And(_) | Expr::All)
            }),
            Expr::Not(x) => {
                f.write_str("not ")?;
                group(f, x, matches!(**x, Expr::Or(_) | Expr::And(_) | Expr::All))
            }
            Expr::Term(t) => t.fmt(f),
        }
    }
}

fn join(
    f: &mut fmt::Formatter<'_>,
    xs: &[Expr],
    sep: &str,
    wrap: fn(&Expr) -> bool,
) -> fmt::Result {
    for (i, x) in xs.iter().enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        group(f, x, wrap(x))?;
    }
    Ok(())
}

fn group(f: &mut fmt::Formatter<'_>, x: &Expr, wrap: bool) -> fmt::Result {
    if wrap {
        write!(f, "({x})")
    } else {
        write!(f, "{x}")
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(field) = self.field {
            write!(f, "{}:", field.name())?;
        }
        if let Some(cmp) = self.cmp {
            f.write_str(cmp.as_str())?;
        }
        self.value.fmt(f)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ValueKind::Word(w) => f.write_str(w),
            ValueKind::Phrase(p) => {
                f.write_str("\"")?;
                for c in p.chars() {
                    if matches!(c, '"' | '\\') {
                        f.write_str("\\")?;
                    }
                    write!(f, "{c}")?;
                }
                f.write_str("\"")
            }
            ValueKind::Regex { pattern, raw } => {
                f.write_str("/")?;
                write_regex(f, pattern)?;
                f.write_str(if *raw { "/r" } else { "/" })
            }
            ValueKind::Alias(name) => write!(f, "@{name}"),
            ValueKind::List(xs) => {
                f.write_str("[")?;
                for (i, x) in xs.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    x.fmt(f)?;
                }
                f.write_str("]")
            }
        }
    }
}

/// Writes a pattern between slashes: `/` becomes `\/`; an escape pair is copied whole
/// so `\\` followed by `/` stays unambiguous.
fn write_regex(f: &mut fmt::Formatter<'_>, pattern: &str) -> fmt::Result {
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                f.write_str("\\")?;
                if let Some(next) = chars.next() {
                    write_regex_char(f, next)?;
                }
            }
            _ => write_regex_char(f, c)?,
        }
    }
    Ok(())
}

fn write_regex_char(f: &mut fmt::Formatter<'_>, c: char) -> fmt::Result {
    if c == '/' {
        f.write_str("\\/")
    } else {
        write!(f, "{c}")
    }
}
