//! Feed parsing: any bytes are a feed or an error, never a panic; every entry of a
//! parsed feed gets a file name whose key reads back, and a JSON item that extracts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk::article::{feed, json};

fuzz_target!(|data: &[u8]| {
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
    // The split item is extracted as the desk does it (HTML content and all); a few
    // entries are enough to cover it without every input paying for hundreds.
    for entry in parsed.entries.iter().take(3) {
        let name = parsed.file_name(&slug, entry);
        let doc = json::extract(&name, parsed.item_json(entry).as_bytes());
        let _ = doc.structure.body_text();
    }
});
