#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsfacet_fuzz::parse_query(data));
