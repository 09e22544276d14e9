//! The config loader: any text is a config or an error with a position, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = newsdesk::config::Config::parse(text, Path::new("fuzz.toml"), Path::new("/nonexistent"));
});
