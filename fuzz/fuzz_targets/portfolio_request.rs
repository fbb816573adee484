#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sparrow_core_fuzz::portfolio_request(data));
