//! How the CLI prints items and journal records, as text or JSON lines.

use std::io::{self, Write};

use serde::Serialize;

use crate::article::Article;
use crate::desk::{Entry, Record};

/// An article with what the directory says of its file.
#[derive(Serialize)]
struct Listed<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<&'a str>,
    #[serde(flatten)]
    article: &'a Article,
    name: &'a str,
    size: u64,
    modified: String,
}

/// One item: `id  lang dir  title` or a JSON object.
pub fn item_line(
    out: &mut impl Write,
    entry: &Entry,
    article: &Article,
    json: bool,
) -> io::Result<()> {
    if json {
        return event_line(out, None, entry, article);
    }
    let lang = article.lang.as_deref().unwrap_or("--");
    let dir = serde_json::to_value(article.dir)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    writeln!(out, "{}  {lang:<3}{dir}  {}", entry.id, article.title)
}

/// One item as a JSON line, with an `event` field when it reports one.
pub fn event_line<'a>(
    out: &mut impl Write,
    event: impl Into<Option<&'a str>>,
    entry: &Entry,
    article: &Article,
) -> io::Result<()> {
    let modified = jiff::Timestamp::try_from(entry.modified)
        .map(|t| t.to_string())
        .unwrap_or_default();
    let listed = Listed {
        event: event.into(),
        article,
        name: &entry.name,
        size: entry.size,
        modified,
    };
    serde_json::to_writer(&mut *out, &listed)?;
    writeln!(out)
}

/// `{"event":"removed","name":…,"id":…}`
pub fn removed_line(out: &mut impl Write, name: &str) -> io::Result<()> {
    let line =
        serde_json::json!({ "event": "removed", "name": name, "id": crate::article::id_for(name) });
    writeln!(out, "{line}")
}

/// Every field of an article as labelled lines.
pub fn article_text(out: &mut impl Write, a: &Article) -> io::Result<()> {
    let dir = if a.dir == crate::article::Dir::Rtl {
        "rtl"
    } else {
        "ltr"
    };
    writeln!(out, "title:     {}", a.title)?;
    writeln!(out, "id:        {}", a.id)?;
    writeln!(out, "path:      {}", a.path.display())?;
    writeln!(
        out,
        "language:  {} ({dir})",
        a.lang.as_deref().unwrap_or("unknown")
    )?;
    for (label, value) in [
        ("date", &a.date),
        ("source", &a.source),
        ("author", &a.author),
        ("url", &a.url),
    ] {
        if let Some(v) = value {
            writeln!(out, "{label:<10} {v}")?;
        }
    }
    writeln!(
        out,
        "words:     {} (about {} min)",
        a.words, a.reading_minutes
    )?;
    writeln!(out, "keywords:  {}", a.keywords.join(", "))?;
    writeln!(out, "\nlead:\n  {}\n\nsummary:\n  {}", a.lead, a.summary)?;
    if !a.subheadings.is_empty() {
        writeln!(out, "\nsubheadings:")?;
        for s in &a.subheadings {
            writeln!(out, "  - {s}")?;
        }
    }
    if !a.quotes.is_empty() {
        writeln!(out, "\nquotes:")?;
        for q in &a.quotes {
            writeln!(
                out,
                "  “{}” — {}",
                q.text,
                q.speaker.as_deref().unwrap_or("(unattributed)")
            )?;
        }
    }
    for note in &a.notes {
        writeln!(out, "note:      {note}")?;
    }
    Ok(())
}

/// One journal record: `time user@host op name from → to` or a JSON object.
pub fn record_line(out: &mut impl Write, r: &Record, json: bool) -> io::Result<()> {
    if json {
        serde_json::to_writer(&mut *out, r)?;
        return writeln!(out);
    }
    let op = serde_json::to_value(r.op)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    writeln!(
        out,
        "{}  {}@{}  {op:<5} {}  {} → {}",
        r.time,
        r.user,
        r.host,
        r.name,
        r.from.display(),
        r.to.display()
    )
}
