//! k-means timings of sparrow-core's `train_personas` for `benches/kmeans/compare.py`,
//! which runs this binary and scikit-learn's KMeans on the same data in one run and
//! prints the ratios.
//!
//! `cargo run --release -p sparrow-benches --bin kmeans-timing -- N ITERATIONS DATA_FILE`
//!
//! Writes the encoded profiles (N × 6 little-endian f64) to DATA_FILE and prints one
//! JSON object: the shared initial centroids, then for a fixed number of Lloyd steps
//! from them and for a run to convergence from k-means++ seeding: seconds, steps and
//! mean inertia.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::io::Write;
use std::time::Instant;

use sparrow_core::persona::{
    encode_profile, synthetic_profiles, train_personas_with, TrainAlgorithm, TrainOptions,
};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [n, iterations, data_file] = args.as_slice() else {
        eprintln!("usage: kmeans-timing N ITERATIONS DATA_FILE");
        std::process::exit(2);
    };
    let n: usize = n.parse().unwrap();
    let iterations: u32 = iterations.parse().unwrap();
    let start = Instant::now();
    let profiles = synthetic_profiles(n, 2026).unwrap();
    let generate = start.elapsed().as_secs_f64();
    let mut out = std::io::BufWriter::new(std::fs::File::create(data_file).unwrap());
    for p in &profiles {
        for v in encode_profile(p) {
            out.write_all(&v.to_le_bytes()).unwrap();
        }
    }
    out.flush().unwrap();
    // Shared start: three profiles picked deterministically (a cautious, a middle and a
    // bold one by feature sum), so both libraries begin at the same centroids.
    let mut rows: Vec<[f64; 6]> = profiles.iter().take(1000).map(encode_profile).collect();
    rows.sort_by(|a, b| a.iter().sum::<f64>().total_cmp(&b.iter().sum::<f64>()));
    let init = vec![rows[50], rows[500], rows[950]];

    // What train_personas spends before k-means: encoding the profiles (scikit-learn is
    // handed the encoded matrix).
    let t = Instant::now();
    let encoded: Vec<[f64; 6]> = profiles.iter().map(encode_profile).collect();
    let encode_seconds = t.elapsed().as_secs_f64();
    std::hint::black_box(&encoded);

    let fixed = TrainOptions {
        k: 3,
        seed: 42,
        max_iterations: iterations,
        tolerance: 1e-300,
        init: Some(init.clone()),
        algorithm: TrainAlgorithm::Lloyd,
    };
    let t = Instant::now();
    let model = train_personas_with(&profiles, &fixed, None).unwrap();
    let fixed_seconds = t.elapsed().as_secs_f64();

    // Defaults: scikit-learn's criterion and tolerance (1e-4 × mean feature variance).
    let converge = TrainOptions {
        k: 3,
        seed: 42,
        ..TrainOptions::default()
    };
    let t = Instant::now();
    let converged = train_personas_with(&profiles, &converge, None).unwrap();
    let converge_seconds = t.elapsed().as_secs_f64();

    // Mini-batch k-means (also linfa's), from the same start, batches of 100,000.
    let batch = TrainOptions {
        k: 3,
        seed: 42,
        init: Some(init.clone()),
        algorithm: TrainAlgorithm::MiniBatch {
            batch_size: 100_000,
        },
        ..TrainOptions::default()
    };
    let t = Instant::now();
    let mb = train_personas_with(&profiles, &batch, None).unwrap();
    let mb_seconds = t.elapsed().as_secs_f64();
    let (mb_batches, mb_inertia) = (mb.training().iterations, mb.training().inertia);

    println!(
        "{}",
        serde_json::json!({
            "n": n,
            "generate_seconds": generate,
            "encode_seconds": encode_seconds,
            "init": init,
            "fixed": {"seconds": fixed_seconds, "steps": model.training().iterations, "inertia": model.training().inertia,
                      "centroids": model.centroids()},
            "mini_batch": {"seconds": mb_seconds, "batches": mb_batches, "inertia": mb_inertia},
            "converge": {"seconds": converge_seconds, "steps": converged.training().iterations,
                         "converged": converged.training().converged, "inertia": converged.training().inertia},
        })
    );
}
