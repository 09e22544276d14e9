//! HTML extraction: any bytes are a page (charset sniffing, readability, blocks) or a
//! fragment (a feed entry's or JSON item's HTML), and extract to a document, never a panic.
#![no_main]

#[allow(dead_code)]
mod entry_points {
    include!("../entry_points.rs");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry_points::html(data));
