#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sparrow_core_fuzz::strategy_doc(data));
