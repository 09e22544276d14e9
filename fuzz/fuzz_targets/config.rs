//! The config loader: any text is a config or an error with a position, never a panic.
#![no_main]

#[allow(dead_code)]
mod entry_points {
    include!("../entry_points.rs");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry_points::config(data));
