#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsfacet_fuzz::match_gazetteer(data));
