#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sparrow_core_fuzz::api_key_parse(data));
