//! Splits query text into tokens with byte spans; words may hold any Unicode.

use super::ast::{Cmp, Span};
use super::error::QueryError;

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    /// `and` / `AND`.
    And,
    /// `or` / `OR` / `|`.
    Or,
    /// `not` / `NOT` / `!` / `-`.
    Not,
    /// `name:` — the name as typed, without the colon.
    Field(String),
    Cmp(Cmp),
    Word(String),
    Phrase(String),
    Regex {
        pattern: String,
        raw: bool,
    },
    Alias(String),
}

/// A token and where it is in the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}

/// Splits `src` into tokens.
///
/// After a field, a comparison, `[` or `,` a value is expected: there `and`/`or`/`not`
/// are words, `-` and `!` may start a word, and `name:` is not a field, so
/// `url:https://x` and `title:and` work.
pub fn lex(src: &str) -> Result<Vec<Token>, QueryError> {
    let mut lexer = Lexer { src, pos: 0 };
    let mut tokens: Vec<Token> = Vec::new();
    loop {
        let value_next = tokens.last().is_some_and(|t| {
            matches!(
                t.tok,
                Tok::Field(_) | Tok::Cmp(_) | Tok::LBracket | Tok::Comma
            )
        });
        match lexer.next(value_next)? {
            Some(token) => tokens.push(token),
            None => return Ok(tokens),
        }
    }
}

/// Whitespace, or a bidi mark pasted along with Arabic text. (Zero-width joiners stay
/// inside words: they join Persian words, and folding drops them.)
fn is_space(c: char) -> bool {
    match c {
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}' => true,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        _ => c.is_whitespace(),
    }
}

/// A character that ends a word.
fn ends_word(c: char) -> bool {
    is_space(c) || matches!(c, '(' | ')' | '[' | ']' | ',' | '"' | '|')
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn error(&self, start: usize, message: impl Into<String>) -> QueryError {
        QueryError::new(self.src, Span::new(start, self.pos), message)
    }

    fn next(&mut self, value_next: bool) -> Result<Option<Token>, QueryError> {
        while self.peek().is_some_and(is_space) {
            self.bump();
        }
        let start = self.pos;
        let Some(c) = self.bump() else {
            return Ok(None);
        };
        let tok = match c {
            '(' => Tok::LParen,
            ')' => Tok::RParen,
            '[' => Tok::LBracket,
            ']' => Tok::RBracket,
            ',' => Tok::Comma,
            '|' => Tok::Or,
            '"' => Tok::Phrase(self.phrase(start)?),
            '/' => self.regex(start)?,
            '@' => Tok::Alias(self.alias(start)?),
            '<' | '>' | '=' => Tok::Cmp(self.cmp(c)),
            '!' | '-' if !value_next => Tok::Not,
            _ => {
                let word = self.word(start);
                if value_next {
                    Tok::Word(word.to_string())
                } else {
                    self.keyword_or_field(start, word)
                }
            }
        };
        Ok(Some(Token {
            tok,
            span: Span::new(start, self.pos),
        }))
    }

    /// The rest of a word that began at `start` (its first char already taken).
    fn word(&mut self, start: usize) -> &'a str {
        while self.peek().is_some_and(|c| !ends_word(c)) {
            self.bump();
        }
        let src = self.src;
        &src[start..self.pos]
    }

    fn keyword_or_field(&mut self, start: usize, word: &'a str) -> Tok {
        match word {
            "and" | "AND" => return Tok::And,
            "or" | "OR" => return Tok::Or,
            "not" | "NOT" => return Tok::Not,
            _ => {}
        }
        let name_len = word
            .char_indices()
            .find(|&(i, c)| !(c.is_ascii_alphabetic() || c == '_' || (i > 0 && c.is_ascii_digit())))
            .map_or(word.len(), |(i, _)| i);
        if name_len > 0 && word[name_len..].starts_with(':') {
            // The value after the colon is lexed as a token of its own.
            self.pos = start + name_len + 1;
            return Tok::Field(word[..name_len].to_string());
        }
        Tok::Word(word.to_string())
    }

    fn cmp(&mut self, first: char) -> Cmp {
        let or_equal = first != '=' && self.peek() == Some('=');
        if or_equal {
            self.bump();
        }
        match (first, or_equal) {
            ('<', false) => Cmp::Lt,
            ('<', true) => Cmp::Le,
            ('>', false) => Cmp::Gt,
            ('>', true) => Cmp::Ge,
            _ => Cmp::Eq,
        }
    }

    /// A quoted phrase; `\"` and `\\` are escapes, any other backslash is kept.
    fn phrase(&mut self, start: usize) -> Result<String, QueryError> {
        let mut text = String::new();
        loop {
            match self.bump() {
                None => return Err(self.error(start, "unclosed '\"'")),
                Some('"') => break,
                Some('\\') => match self.bump() {
                    Some(c @ ('"' | '\\')) => text.push(c),
                    Some(c) => text.extend(['\\', c]),
                    None => text.push('\\'),
                },
                Some(c) => text.push(c),
            }
        }
        if text.trim().is_empty() {
            return Err(self.error(start, "empty phrase"));
        }
        Ok(text)
    }

    /// `/pattern/` or `/pattern/r`; `\/` is a slash, other escapes pass to the regex.
    fn regex(&mut self, start: usize) -> Result<Tok, QueryError> {
        let mut pattern = String::new();
        loop {
            match self.bump() {
                None => return Err(self.error(start, "unclosed '/'")),
                Some('/') => break,
                Some('\\') => match self.bump() {
                    Some('/') => pattern.push('/'),
                    Some(c) => pattern.extend(['\\', c]),
                    None => return Err(self.error(start, "unclosed '/'")),
                },
                Some(c) => pattern.push(c),
            }
        }
        if pattern.is_empty() {
            return Err(self.error(start, "empty regex"));
        }
        let flags_start = self.pos;
        let raw = match self.word(flags_start) {
            "" => false,
            "r" => true,
            flags => {
                let message = format!("unknown regex flag '{flags}'");
                return Err(QueryError::new(self.src, Span::new(flags_start, self.pos), message).with_hint(
                    "the only flag is r (match the raw, unfolded text); matching is already case-insensitive",
                ));
            }
        };
        Ok(Tok::Regex { pattern, raw })
    }

    fn alias(&mut self, start: usize) -> Result<String, QueryError> {
        let name = self.word(self.pos).to_string();
        if name.is_empty() {
            return Err(self.error(start, "alias name expected after '@'"));
        }
        Ok(name)
    }
}
