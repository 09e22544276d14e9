//! Recursive-descent parser: tokens to [`Expr`], errors pointing at a column.

use super::ast::{Expr, Field, Span, Term, Value, ValueKind};
use super::error::{QueryError, unknown_field};
use super::lexer::{Tok, Token, lex};

/// How deeply parentheses and `not` may nest; deeper input is an error, not a stack overflow.
pub const MAX_DEPTH: usize = 64;

/// Parses a query. The empty (or all-blank) query is [`Expr::All`].
pub fn parse(src: &str) -> Result<Expr, QueryError> {
    let tokens = lex(src)?;
    if tokens.is_empty() {
        return Ok(Expr::All);
    }
    let mut parser = Parser {
        src,
        tokens,
        pos: 0,
        depth: 0,
    };
    let expr = parser.or(None)?;
    match parser.peek() {
        Some(token) => Err(parser.unexpected(token)),
        None => Ok(expr),
    }
}

struct Parser<'a> {
    src: &'a str,
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn advance(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.pos).cloned();
        self.pos += usize::from(token.is_some());
        token
    }

    fn text(&self, span: Span) -> &str {
        self.src.get(span.start..span.end).unwrap_or_default()
    }

    fn unexpected(&self, token: &Token) -> QueryError {
        let message = match token.tok {
            Tok::RParen => "unmatched ')'".to_string(),
            _ => format!("unexpected '{}'", self.text(token.span)),
        };
        QueryError::new(self.src, token.span, message)
    }

    /// After an operator, the query must go on.
    fn operand_after(&self, op: &Token) -> Result<(), QueryError> {
        match self.peek() {
            Some(_) => Ok(()),
            None => Err(QueryError::new(
                self.src,
                op.span,
                format!("'{}' needs a term after it", self.text(op.span)),
            )),
        }
    }

    fn or(&mut self, field: Option<Field>) -> Result<Expr, QueryError> {
        let mut xs = vec![self.and(field)?];
        while let Some(op) = self.peek().filter(|t| t.tok == Tok::Or).cloned() {
            self.advance();
            self.operand_after(&op)?;
            xs.push(self.and(field)?);
        }
        Ok(combine(xs, true))
    }

    fn and(&mut self, field: Option<Field>) -> Result<Expr, QueryError> {
        let mut xs = vec![self.unary(field)?];
        while let Some(token) = self.peek().cloned() {
            match token.tok {
                Tok::And => {
                    self.advance();
                    self.operand_after(&token)?;
                }
                Tok::Or | Tok::RParen | Tok::RBracket | Tok::Comma => break,
                _ => {} // juxtaposition means and
            }
            xs.push(self.unary(field)?);
        }
        Ok(combine(xs, false))
    }

    fn unary(&mut self, field: Option<Field>) -> Result<Expr, QueryError> {
        let Some(token) = self.peek().cloned() else {
            return Err(QueryError::new(
                self.src,
                Span::new(self.src.len(), self.src.len()),
                "query ends too early",
            ));
        };
        if !matches!(token.tok, Tok::Not | Tok::LParen) {
            return self.term(field);
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let message = format!("query nested more than {MAX_DEPTH} deep");
            return Err(QueryError::new(self.src, token.span, message));
        }
        self.advance();
        let expr = if token.tok == Tok::Not {
            self.operand_after(&token)?;
            Expr::Not(Box::new(self.unary(field)?))
        } else {
            self.group(&token, field)?
        };
        self.depth -= 1;
        Ok(expr)
    }

    /// The inside of `( … )`; `open` is the `(` already taken.
    fn group(&mut self, open: &Token, field: Option<Field>) -> Result<Expr, QueryError> {
        if self.peek().is_some_and(|t| t.tok == Tok::RParen) {
            return Err(QueryError::new(self.src, open.span, "empty parentheses"));
        }
        let expr = self.or(field)?;
        match self.advance() {
            Some(Token {
                tok: Tok::RParen, ..
            }) => Ok(expr),
            Some(other) => Err(self.unexpected(&other)),
            None => Err(QueryError::new(self.src, open.span, "unclosed '('")),
        }
    }

    /// `field:[cmp] value`, `field:( … )`, or a value for the enclosing field (if any).
    fn term(&mut self, mut field: Option<Field>) -> Result<Expr, QueryError> {
        let Some(first) = self.peek().cloned() else {
            return Err(QueryError::new(
                self.src,
                Span::new(self.src.len(), self.src.len()),
                "query ends too early",
            ));
        };
        let mut after = first.clone();
        if let Tok::Field(name) = &first.tok {
            field = Some(
                Field::from_name(name).ok_or_else(|| unknown_field(self.src, first.span, name))?,
            );
            self.advance();
            if self.peek().is_some_and(|t| t.tok == Tok::LParen) {
                return self.unary(field);
            }
        }
        let cmp = match self.peek().map(|t| &t.tok) {
            Some(Tok::Cmp(cmp)) if field.is_some() => Some(*cmp),
            Some(Tok::Cmp(_)) => {
                let message = format!("'{}' needs a field before it", self.text(first.span));
                return Err(QueryError::new(self.src, first.span, message)
                    .with_hint("as in words:>300 or age:<6h"));
            }
            _ => None,
        };
        if cmp.is_some() {
            after = self.advance().unwrap_or(after);
        }
        let value = self.value(&after)?;
        let start = if matches!(first.tok, Tok::Field(_)) {
            first.span
        } else {
            value.span
        };
        Ok(Expr::Term(Term {
            field,
            cmp,
            span: start.to(value.span),
            value,
        }))
    }

    /// A value; `after` is the token before it, for the error when it is missing.
    fn value(&mut self, after: &Token) -> Result<Value, QueryError> {
        let Some(token) = self.advance() else {
            let message = format!("expected a value after '{}'", self.text(after.span));
            return Err(QueryError::new(self.src, after.span, message));
        };
        let kind = match token.tok {
            Tok::Word(w) => ValueKind::Word(w),
            Tok::Phrase(p) => ValueKind::Phrase(p),
            Tok::Regex { pattern, raw } => ValueKind::Regex { pattern, raw },
            Tok::Alias(name) => ValueKind::Alias(name),
            Tok::LBracket => return self.list(&token),
            _ => return Err(self.unexpected(&token)),
        };
        Ok(Value {
            kind,
            span: token.span,
        })
    }

    /// `[v1, v2, …]`; `open` is the `[` already taken. A trailing comma is allowed.
    fn list(&mut self, open: &Token) -> Result<Value, QueryError> {
        let mut items = Vec::new();
        loop {
            match self.peek().map(|t| &t.tok) {
                None => return Err(QueryError::new(self.src, open.span, "unclosed '['")),
                Some(Tok::RBracket) if items.is_empty() => {
                    return Err(QueryError::new(self.src, open.span, "empty list"));
                }
                Some(Tok::RBracket) => break,
                Some(Tok::LBracket) => {
                    let span = self.peek().map_or(open.span, |t| t.span);
                    return Err(QueryError::new(self.src, span, "lists cannot be nested"));
                }
                _ => {}
            }
            let before = self.tokens[self.pos - 1].clone();
            items.push(self.value(&before)?);
            match self.advance() {
                Some(Token {
                    tok: Tok::Comma, ..
                }) => {}
                Some(Token {
                    tok: Tok::RBracket,
                    span,
                }) => return Ok(list_value(open.span.to(span), items)),
                Some(other) => {
                    let message = format!("expected ',' or ']', found '{}'", self.text(other.span));
                    return Err(QueryError::new(self.src, other.span, message));
                }
                None => return Err(QueryError::new(self.src, open.span, "unclosed '['")),
            }
        }
        let close = self.advance().map_or(open.span, |t| t.span);
        Ok(list_value(open.span.to(close), items))
    }
}

fn list_value(span: Span, items: Vec<Value>) -> Value {
    Value {
        kind: ValueKind::List(items),
        span,
    }
}

/// One child stays itself; nested `and`s (or `or`s) flatten into their parent.
fn combine(xs: Vec<Expr>, is_or: bool) -> Expr {
    if xs.len() == 1 {
        return xs.into_iter().next().unwrap_or(Expr::All);
    }
    let mut flat = Vec::with_capacity(xs.len());
    for x in xs {
        match x {
            Expr::Or(inner) if is_or => flat.extend(inner),
            Expr::And(inner) if !is_or => flat.extend(inner),
            other => flat.push(other),
        }
    }
    if is_or {
        Expr::Or(flat)
    } else {
        Expr::And(flat)
    }
}
