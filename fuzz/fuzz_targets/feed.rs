//! Feed parsing: any bytes are a feed or an error, never a panic; every entry of a
//! parsed feed gets a file name whose key reads back, and a JSON item that extracts.
#![no_main]

#[allow(dead_code)]
mod entry_points {
    include!("../entry_points.rs");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry_points::feed(data));
