//! HTML extraction: any bytes are a page (charset sniffing, readability, blocks) or a
//! fragment (a feed entry's or JSON item's HTML), and extract to a document, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk::article::html;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the mode, so both the page and the fragment paths run.
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
});
