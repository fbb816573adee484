//! A guided tour of sparrow-core.
fn main() {}
