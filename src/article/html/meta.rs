//! A page's metadata: `<html lang dir>`, JSON-LD `NewsArticle`, OpenGraph and meta tags.

use dom_query::Document as Dom;
use serde_json::Value;

use crate::article::{Dir, Meta};

/// What the page says of itself before readability cleans it (JSON-LD scripts are
/// removed by the cleaning, so this runs first). The title is left to
/// [`with_readability`], whose title cleaning knows "Headline | Site" shapes;
/// the JSON-LD headline is returned beside, as its fallback.
/// One pass over the elements: a page has thousands, and selectors walk them all.
pub fn of(dom: &Dom) -> (Meta, Option<String>) {
    let mut meta = Meta::default();
    let mut tags: Vec<(String, String)> = Vec::new();
    let mut json_ld: Vec<String> = Vec::new();
    for node in dom.root().descendants_it() {
        let Some(name) = node.node_name() else {
            continue;
        };
        let attr = |a: &str| node.attr(a).map(|v| v.to_string());
        match name.as_ref() {
            "html" => {
                meta.lang = meta.lang.take().or_else(|| attr("lang"));
                meta.dir = meta.dir.or_else(|| attr("dir").and_then(|d| dir_of(&d)));
            }
            "body" => meta.dir = meta.dir.or_else(|| attr("dir").and_then(|d| dir_of(&d))),
            "script" if attr("type").is_some_and(|t| t.contains("ld+json")) => {
                json_ld.push(node.text().to_string());
            }
            "meta" => {
                let key = attr("property")
                    .or_else(|| attr("name"))
                    .or_else(|| attr("itemprop"));
                if let (Some(key), Some(content)) = (key, attr("content")) {
                    tags.push((key.to_ascii_lowercase(), content));
                }
            }
            "link" if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                if let Some(href) = attr("href") {
                    tags.push(("canonical".into(), href));
                }
            }
            "time" => {
                if let Some(datetime) = attr("datetime") {
                    tags.push(("time".into(), datetime));
                }
            }
            _ => {}
        }
    }
    let headline = json_ld
        .iter()
        .find_map(|text| from_json_ld(text, &mut meta))
        .flatten();
    let tag = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            tags.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        })
    };
    Meta::offer(&mut meta.url, tag(&["og:url", "canonical"]));
    Meta::offer(&mut meta.date, tag(DATE_KEYS));
    let author = tag(&["author", "byl"]).map(|a| {
        let a = a.trim();
        a.strip_prefix("By ").or(a.strip_prefix("by ")).unwrap_or(a)
    });
    Meta::offer(&mut meta.author, author);
    Meta::offer(&mut meta.source, tag(&["og:site_name"]));
    (meta, headline)
}

/// Meta tags (lower-cased names) that carry the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "time",
];

/// Fills `meta` from the JSON-LD article in `text`, if there is one, and gives its headline.
fn from_json_ld(text: &str, meta: &mut Meta) -> Option<Option<String>> {
    let value = serde_json::from_str::<Value>(text.trim()).ok()?;
    let article = find_article(&value, 0)?;
    Meta::offer(&mut meta.date, string(article, "datePublished").as_deref());
    Meta::offer(&mut meta.author, names(article.get("author")).as_deref());
    Meta::offer(&mut meta.source, names(article.get("publisher")).as_deref());
    Meta::offer(&mut meta.lang, string(article, "inLanguage").as_deref());
    Meta::offer(&mut meta.url, string(article, "url").as_deref());
    let headline = string(article, "headline").or_else(|| string(article, "name"));
    Some(headline.filter(|h| !h.trim().is_empty()))
}

/// Fills what the page did not say plainly from readability's metadata.
pub fn with_readability(meta: &mut Meta, found: &dom_smoothie::Metadata, headline: Option<String>) {
    let title = Some(found.title.as_str()).filter(|t| !t.trim().is_empty());
    Meta::offer(&mut meta.title, title.or(headline.as_deref()));
    Meta::offer(&mut meta.author, found.byline.as_deref());
    Meta::offer(&mut meta.source, found.site_name.as_deref());
    Meta::offer(&mut meta.date, found.published_time.as_deref());
    Meta::offer(&mut meta.url, found.url.as_deref());
    Meta::offer(&mut meta.lang, found.lang.as_deref());
    if meta.dir.is_none() {
        meta.dir = found.dir.as_deref().and_then(dir_of);
    }
}

/// `rtl` or `ltr`, as an HTML `dir` attribute says it.
pub fn dir_of(value: &str) -> Option<Dir> {
    match value.trim().to_ascii_lowercase().as_str() {
        "rtl" => Some(Dir::Rtl),
        "ltr" => Some(Dir::Ltr),
        _ => None,
    }
}

/// The first object typed as an article, anywhere in JSON-LD (top level, an
/// array, or a `@graph`), looked for a few levels deep only.
fn find_article(value: &Value, depth: usize) -> Option<&Value> {
    if depth > 4 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(map) => {
            let typed = |t: &Value| {
                t.as_str()
                    .is_some_and(|s| s.ends_with("Article") || s == "Report")
            };
            let is_article = match map.get("@type") {
                Some(Value::Array(types)) => types.iter().any(typed),
                Some(t) => typed(t),
                None => false,
            };
            if is_article {
                return Some(value);
            }
            map.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

fn string(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(s) => Some(s.clone()),
        // `mainEntityOfPage`-style objects and lists: their first string.
        Value::Array(items) => items.iter().find_map(|v| v.as_str().map(str::to_string)),
        _ => None,
    }
}

/// Names of people or organisations: a string, `{name}`, or a list of either.
fn names(value: Option<&Value>) -> Option<String> {
    let name = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(_) => v.get("name").and_then(Value::as_str).map(str::to_string),
        _ => None,
    };
    match value? {
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(name).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        other => name(other),
    }
}
