//! The query parser: any text parses or fails with an error, and what parses prints
//! back to a query that parses to the same tree.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(first) = newsdesk::query::parse(text) {
        let printed = first.to_string();
        let second = newsdesk::query::parse(&printed)
            .unwrap_or_else(|e| panic!("{text:?} printed as {printed:?} does not parse: {e}"));
        assert_eq!(second.unspanned(), first.unspanned(), "{text:?} printed as {printed:?}");
    }
});
