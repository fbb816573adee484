//! `cargo run -p uniffi-bindgen -- generate --library <cdylib> --language kotlin|swift`:
//! uniffi's generator at the version the library links (a mismatch fails at load time).

fn main() {
    uniffi::uniffi_bindgen_main()
}
