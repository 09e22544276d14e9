//! The query parser: any text parses or fails with an error, and what parses prints
//! back to a query that parses to the same tree.
#![no_main]

#[allow(dead_code)]
mod entry_points {
    include!("../entry_points.rs");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry_points::query(data));
