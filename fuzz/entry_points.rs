// What each fuzz target does with an input: included (`include!`) by the targets in
// fuzz/fuzz_targets/ and by tests/fuzz_regressions.rs, so a saved crash is replayed
// through exactly the code that found it.

/// Bytes → decoded text → fields; the first byte picks Markdown or plain text.
pub fn article(data: &[u8]) {
    let name = match data.first() {
        Some(b) if b % 2 == 0 => "item.md",
        _ => "item.txt",
    };
    let doc = newsdesk::article::from_bytes(name, data);
    let _ = doc.structure.body_text();
}

/// HTML extraction; the first byte picks a page (charset sniffing, readability,
/// blocks) or a fragment (a feed entry's or JSON item's HTML).
pub fn html(data: &[u8]) {
    use newsdesk::article::html;
    match data.split_first() {
        Some((b, rest)) if b % 2 == 1 => {
            let text = String::from_utf8_lossy(rest);
            let (structure, _meta) = html::read(&text, html::Mode::Fragment);
            let _ = structure.body_text();
        }
        _ => {
            let doc = html::extract("page.html", data);
            let _ = doc.structure.body_text();
        }
    }
}

/// Feed parsing: a feed or an error, never a panic; every entry's file name carries
/// its key; the first entries extract as the desk's JSON items do (a few are enough
/// to cover it without every input paying for hundreds).
pub fn feed(data: &[u8]) {
    use newsdesk::article::{feed, json};
    let Ok(parsed) = feed::parse(data) else {
        return;
    };
    let slug = parsed.slug("fuzz.xml");
    for entry in &parsed.entries {
        let name = parsed.file_name(&slug, entry);
        assert_eq!(
            feed::key_in_name(&name),
            Some(parsed.key(entry).as_str()),
            "{name:?} does not carry its key"
        );
    }
    for entry in parsed.entries.iter().take(3) {
        let name = parsed.file_name(&slug, entry);
        let doc = json::extract(&name, parsed.item_json(entry).as_bytes());
        let _ = doc.structure.body_text();
    }
}

/// The query parser: a parsed query printed and parsed again is the same query.
pub fn query(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(first) = newsdesk::query::parse(text) {
        let printed = first.to_string();
        let second = newsdesk::query::parse(&printed)
            .unwrap_or_else(|e| panic!("{text:?} printed as {printed:?} does not parse: {e}"));
        assert_eq!(
            second.unspanned(),
            first.unspanned(),
            "{text:?} printed as {printed:?}"
        );
    }
}

/// The config loader: a config or an error with its place, never a panic.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = newsdesk::config::Config::parse(
        text,
        std::path::Path::new("fuzz.toml"),
        std::path::Path::new("/nonexistent"),
    );
}
