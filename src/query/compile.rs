//! Turns an [`Expr`] into an evaluable tree: aliases resolved, patterns folded,
//! regexes and numbers parsed once, every mistake reported with its column.

use std::time::Duration;

use regex::Regex;

use super::Aliases;
use super::ast::{Cmp, Expr, Field, Span, Term, Value, ValueKind};
use super::error::QueryError;
use super::matching::{Needle, compile_regex, fold_text};

/// A compiled query node.
#[derive(Debug, Clone)]
pub enum Node {
    All,
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    /// A text test on one field, or (`None`) on title, lead and body.
    Text(Option<Field>, Pattern),
    Words(Cmp, usize),
    Age(Cmp, Duration),
    /// An ISO date or its prefix (`2026`, `2026-11`), compared at that precision.
    Date(Cmp, String),
    /// The size of the item's story cluster in the inbox.
    Cluster(Cmp, usize),
    /// `dup:filed`.
    DupFiled,
}

impl Node {
    /// Whether a raw regex looks at the lead or the body (bare text included).
    pub fn reads_raw_text(&self) -> bool {
        match self {
            Node::And(xs) | Node::Or(xs) => xs.iter().any(Node::reads_raw_text),
            Node::Not(x) => x.reads_raw_text(),
            Node::Text(None | Some(Field::Lead | Field::Body), Pattern::Regex { raw, .. }) => *raw,
            _ => false,
        }
    }
}

/// How a text value is looked for.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// A word (prefix of a word) or phrase (whole words) in folded text.
    Needle(Box<Needle>),
    /// The whole folded field equals this (lang, dir, tag, category).
    Equals(String),
    /// A regex on folded text, or on the raw text when `raw`.
    Regex { regex: Regex, raw: bool },
}

/// Compiles `expr`, parsed from `src`, resolving `@alias` in `aliases`.
pub fn compile(expr: &Expr, src: &str, aliases: &Aliases) -> Result<Node, QueryError> {
    let all = |xs: &[Expr]| {
        xs.iter()
            .map(|x| compile(x, src, aliases))
            .collect::<Result<Vec<_>, _>>()
    };
    Ok(match expr {
        Expr::All => Node::All,
        Expr::And(xs) => Node::And(cheapest_first(all(xs)?)),
        Expr::Or(xs) => Node::Or(cheapest_first(all(xs)?)),
        Expr::Not(x) => Node::Not(Box::new(compile(x, src, aliases)?)),
        Expr::Term(term) => Compiler { src, aliases, term }.value(&term.value)?,
    })
}

/// Evaluation has no side effects, so `and`/`or` may test cheap children first and
/// often skip scanning text at all.
fn cheapest_first(mut xs: Vec<Node>) -> Vec<Node> {
    xs.sort_by_key(Node::cost);
    xs
}

impl Node {
    /// A rough relative cost of evaluating the node once.
    fn cost(&self) -> usize {
        match self {
            Node::All | Node::Words(..) | Node::Age(..) | Node::Date(..) => 0,
            Node::Cluster(..) | Node::DupFiled => 0,
            Node::Text(_, Pattern::Equals(_)) => 1,
            Node::Text(Some(_), Pattern::Needle(_)) => 4,
            Node::Text(None, Pattern::Needle(_)) => 12,
            Node::Text(Some(_), Pattern::Regex { .. }) => 8,
            Node::Text(None, Pattern::Regex { .. }) => 24,
            Node::Not(x) => x.cost(),
            Node::And(xs) | Node::Or(xs) => xs.iter().map(Node::cost).sum(),
        }
    }
}

struct Compiler<'a> {
    src: &'a str,
    aliases: &'a Aliases,
    term: &'a Term,
}

impl Compiler<'_> {
    fn error(&self, span: Span, message: impl Into<String>) -> QueryError {
        QueryError::new(self.src, span, message)
    }

    fn value(&self, value: &Value) -> Result<Node, QueryError> {
        match &value.kind {
            ValueKind::List(items) => Ok(Node::Or(
                items
                    .iter()
                    .map(|v| self.value(v))
                    .collect::<Result<_, _>>()?,
            )),
            ValueKind::Alias(name) => self.alias(name, value.span),
            kind => self.leaf(kind, value.span),
        }
    }

    /// An alias is any of its entries: an entry with a space is a phrase, else a word.
    fn alias(&self, name: &str, span: Span) -> Result<Node, QueryError> {
        let Some(entries) = self.aliases.get(name) else {
            let known: Vec<String> = self.aliases.keys().map(|k| format!("@{k}")).collect();
            let hint = if known.is_empty() {
                "no aliases are defined ([aliases] in config.toml)".to_string()
            } else {
                format!("aliases are {}", known.join(", "))
            };
            return Err(self
                .error(span, format!("unknown alias '@{name}'"))
                .with_hint(hint));
        };
        let leaf = |entry: &String| {
            let kind = if entry.trim().contains(char::is_whitespace) {
                ValueKind::Phrase(entry.clone())
            } else {
                ValueKind::Word(entry.trim().to_string())
            };
            self.leaf(&kind, span).map_err(|e| {
                let message = format!("alias '@{name}' entry \"{entry}\": {}", e.message);
                QueryError { message, ..e }
            })
        };
        Ok(Node::Or(
            entries.iter().map(leaf).collect::<Result<_, _>>()?,
        ))
    }

    fn leaf(&self, kind: &ValueKind, span: Span) -> Result<Node, QueryError> {
        let field = self.term.field;
        if field == Some(Field::Dup) {
            return self.dup(kind, span);
        }
        if let Some(f) = field.filter(|f| f.is_ordered()) {
            return self.ordered(f, kind, span);
        }
        if let Some(cmp) = self.term.cmp {
            let name = field.map_or("text", Field::name);
            let message = format!(
                "'{}' compares numbers, ages and dates, not {name}",
                cmp.as_str()
            );
            return Err(self
                .error(self.term.span, message)
                .with_hint("the fields that compare are words, age, date and cluster"));
        }
        let label = matches!(
            field,
            Some(Field::Lang | Field::Dir | Field::Tag | Field::Category)
        );
        let pattern = match kind {
            ValueKind::Word(text) | ValueKind::Phrase(text) if label => {
                let folded = fold_text(text);
                if field == Some(Field::Dir) && folded != "ltr" && folded != "rtl" {
                    return Err(self.error(span, format!("dir is ltr or rtl, not '{text}'")));
                }
                Pattern::Equals(folded)
            }
            ValueKind::Word(text) | ValueKind::Phrase(text) => {
                let whole = matches!(kind, ValueKind::Phrase(_));
                let needle = Needle::new(text, whole);
                Pattern::Needle(Box::new(
                    needle.ok_or_else(|| self.error(span, "nothing to search for once folded"))?,
                ))
            }
            ValueKind::Regex { pattern, raw } => {
                let regex = compile_regex(pattern, *raw).map_err(|m| self.error(span, m))?;
                Pattern::Regex { regex, raw: *raw }
            }
            ValueKind::Alias(_) | ValueKind::List(_) => {
                return self.value(&Value {
                    kind: kind.clone(),
                    span,
                });
            }
        };
        Ok(Node::Text(field, pattern))
    }

    /// `dup:filed`, the one value `dup` takes so far.
    fn dup(&self, kind: &ValueKind, span: Span) -> Result<Node, QueryError> {
        let filed = matches!(kind, ValueKind::Word(w) if w.eq_ignore_ascii_case("filed"));
        if self.term.cmp.is_some() || !filed {
            let message = "dup takes filed, like dup:filed (a near-duplicate was filed)";
            return Err(self.error(span.to(self.term.span), message));
        }
        Ok(Node::DupFiled)
    }

    /// `words`, `age`, `date` and `cluster` values. Without a comparison, `age` means "at most"
    /// (`age:6h` is the last six hours) and the others mean "equal".
    fn ordered(&self, field: Field, kind: &ValueKind, span: Span) -> Result<Node, QueryError> {
        let example = match field {
            Field::Words => "a whole number, like words:>300",
            Field::Cluster => "a whole number, like cluster:>3",
            Field::Age => "a number and a unit s, m, h, d or w, like age:<6h",
            _ => "a date YYYY, YYYY-MM or YYYY-MM-DD, like date:>=2026-11-01",
        };
        let text = match kind {
            ValueKind::Word(text) => text.as_str(),
            _ => return Err(self.error(span, format!("{} takes {example}", field.name()))),
        };
        let bad = || self.error(span, format!("'{text}' is not {example}"));
        let cmp = self.term.cmp;
        match field {
            Field::Words => Ok(Node::Words(
                cmp.unwrap_or(Cmp::Eq),
                text.parse().map_err(|_| bad())?,
            )),
            Field::Cluster => Ok(Node::Cluster(
                cmp.unwrap_or(Cmp::Eq),
                text.parse().map_err(|_| bad())?,
            )),
            Field::Age => Ok(Node::Age(
                cmp.unwrap_or(Cmp::Le),
                parse_age(text).ok_or_else(bad)?,
            )),
            _ if parse_age(text).is_some() => Err(bad().with_hint(format!(
                "for a time relative to now use age, like age:<{text}"
            ))),
            _ => Ok(Node::Date(
                cmp.unwrap_or(Cmp::Eq),
                parse_date(text).ok_or_else(bad)?,
            )),
        }
    }
}

/// `90s`, `30m`, `6h`, `7d`, `2w`.
pub fn parse_age(text: &str) -> Option<Duration> {
    let unit = text.chars().next_back()?;
    let number: u64 = text[..text.len() - unit.len_utf8()].parse().ok()?;
    let seconds = match unit.to_ascii_lowercase() {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        'w' => 604_800,
        _ => return None,
    };
    Some(Duration::from_secs(number.checked_mul(seconds)?))
}

/// A valid `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as written.
pub fn parse_date(text: &str) -> Option<String> {
    let full = match text.len() {
        4 => format!("{text}-01-01"),
        7 => format!("{text}-01"),
        10 => text.to_string(),
        _ => return None,
    };
    let shaped = full.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    (shaped && jiff::civil::Date::strptime("%Y-%m-%d", &full).is_ok()).then(|| text.to_string())
}
