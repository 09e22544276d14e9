//! The query syntax tree, with spans into the query text.

/// A byte range in the query text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A parsed query. `And`/`Or` are flattened and never have fewer than two children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// The empty query: matches everything. Only ever the whole query.
    All,
    /// Any of: `a or b`, `a | b`.
    Or(Vec<Expr>),
    /// All of: `a and b`, `a b`.
    And(Vec<Expr>),
    /// `not a`, `!a`, `-a`.
    Not(Box<Expr>),
    /// One test.
    Term(Term),
}

/// One test: `field:cmp value`, or a bare value (title, lead and body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub field: Option<Field>,
    pub cmp: Option<Cmp>,
    pub value: Value,
    pub span: Span,
}

/// A value with its place in the query text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

/// What a term looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueKind {
    /// A bare word: matches a word starting with it (see the module docs).
    Word(String),
    /// A quoted phrase: matches whole words.
    Phrase(String),
    /// `/pattern/` on folded text, or `/pattern/r` on the raw text.
    Regex { pattern: String, raw: bool },
    /// `@name`, resolved against the alias table when compiled.
    Alias(String),
    /// `[a, b]`: any of the values.
    List(Vec<Value>),
}

/// A comparison in `field:cmp value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Cmp::Eq => "=",
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
        }
    }

    /// Whether `ordering` (item compared with value) satisfies the comparison.
    pub fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::{Equal, Greater, Less};
        match self {
            Cmp::Eq => ordering == Equal,
            Cmp::Lt => ordering == Less,
            Cmp::Le => ordering != Greater,
            Cmp::Gt => ordering == Greater,
            Cmp::Ge => ordering != Less,
        }
    }
}

/// The fields a term can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Title,
    Lead,
    Body,
    Source,
    Author,
    Url,
    Lang,
    Dir,
    Keyword,
    Tag,
    Category,
    File,
    Age,
    Date,
    Words,
    /// `dup:filed`: a near-duplicate of the item was filed already.
    Dup,
    /// The number of items in the inbox telling the item's story, itself included.
    Cluster,
}

impl Field {
    /// Every field, in the order the documentation lists them.
    pub const ALL: [Field; 17] = [
        Field::Title,
        Field::Lead,
        Field::Body,
        Field::Source,
        Field::Author,
        Field::Url,
        Field::Lang,
        Field::Dir,
        Field::Keyword,
        Field::Tag,
        Field::Category,
        Field::File,
        Field::Age,
        Field::Date,
        Field::Words,
        Field::Dup,
        Field::Cluster,
    ];

    /// The field's name in queries.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Lead => "lead",
            Field::Body => "body",
            Field::Source => "source",
            Field::Author => "author",
            Field::Url => "url",
            Field::Lang => "lang",
            Field::Dir => "dir",
            Field::Keyword => "keyword",
            Field::Tag => "tag",
            Field::Category => "category",
            Field::File => "file",
            Field::Age => "age",
            Field::Date => "date",
            Field::Words => "words",
            Field::Dup => "dup",
            Field::Cluster => "cluster",
        }
    }

    /// The field named `name` (ASCII case-insensitive).
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// Whether the field holds a number, an age or a date rather than text.
    pub fn is_ordered(self) -> bool {
        matches!(
            self,
            Field::Age | Field::Date | Field::Words | Field::Cluster
        )
    }
}

impl Expr {
    /// The same tree with every span zeroed, to compare shapes (round trips).
    pub fn unspanned(&self) -> Expr {
        match self {
            Expr::All => Expr::All,
            Expr::Or(xs) => Expr::Or(xs.iter().map(Expr::unspanned).collect()),
            Expr::And(xs) => Expr::And(xs.iter().map(Expr::unspanned).collect()),
            Expr::Not(x) => Expr::Not(Box::new(x.unspanned())),
            Expr::Term(t) => Expr::Term(Term {
                field: t.field,
                cmp: t.cmp,
                value: t.value.unspanned(),
                span: Span::default(),
            }),
        }
    }
}

impl Value {
    fn unspanned(&self) -> Value {
        let kind = match &self.kind {
            ValueKind::List(xs) => ValueKind::List(xs.iter().map(Value::unspanned).collect()),
            other => other.clone(),
        };
        Value {
            kind,
            span: Span::default(),
        }
    }
}
