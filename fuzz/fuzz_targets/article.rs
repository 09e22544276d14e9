//! Bytes → decoded text → fields: any file must become an article (or an error), never a panic.
#![no_main]

#[allow(dead_code)]
mod entry_points {
    include!("../entry_points.rs");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry_points::article(data));
