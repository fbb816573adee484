//! The timing loop the timing binaries share: a tenth of `n` runs to warm up, then the
//! mean seconds per run of `n` runs.

use std::time::Instant;

/// Mean seconds per call of `f` over `n` calls, after a warm-up.
pub fn per_op<F: FnMut()>(n: u32, mut f: F) -> f64 {
    for _ in 0..(n / 10).max(1) {
        f();
    }
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed().as_secs_f64() / f64::from(n)
}
