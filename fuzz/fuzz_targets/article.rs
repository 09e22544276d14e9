//! Bytes → decoded text → fields: any file must become an article (or an error), never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the name, so the Markdown and plain-text paths both run.
    let name = match data.first() {
        Some(b) if b % 2 == 0 => "item.md",
        _ => "item.txt",
    };
    let doc = newsdesk::article::from_bytes(name, data);
    let _ = doc.structure.body_text();
});
