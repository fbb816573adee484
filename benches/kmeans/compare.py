"""train_personas (linfa-clustering k-means) against scikit-learn's KMeans, same data,
same machine, one run; prints the ratios.

    python3 -m pip install numpy scikit-learn
    cargo build --release -p sparrow-benches --bin kmeans-timing
    python3 benches/kmeans/compare.py [N] [STEPS]

Two comparisons:
- fixed work: both start from the same three centroids and do STEPS Lloyd steps
  (sklearn: init=those centroids, n_init=1, max_iter=STEPS, tol=0, algorithm="lloyd");
- mini-batch: sparrow-core's MiniBatch option (linfa's fit_with) from the same start,
  against the fixed-work scikit-learn run (its inertia compared with full Lloyd's);
- to convergence: sparrow's k-means++ seeding and tolerance against sklearn's defaults
  (k-means++, n_init=1, tol=1e-4, random_state=42); both stop by the same criterion
  (squared centroid movement ≤ 1e-4 × mean feature variance).
Inertia is the mean squared distance of the profiles to the final centroids. Each side
is run REPEATS times (default 3) and the fastest run is reported.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    binary = os.path.join(ROOT, "target", "release", "kmeans-timing")
    with tempfile.TemporaryDirectory() as tmp:
        data_file = os.path.join(tmp, "profiles.f64")
        runs = []
        for _ in range(repeats):
            out = subprocess.run([binary, str(n), str(steps), data_file], check=True, capture_output=True, text=True)
            runs.append(json.loads(out.stdout))
        ours = runs[0]
        ours["fixed"]["seconds"] = min(r["fixed"]["seconds"] for r in runs)
        ours["converge"]["seconds"] = min(r["converge"]["seconds"] for r in runs)
        x = np.fromfile(data_file, dtype="<f8").reshape(n, 6)

    init = np.array(ours["init"], dtype=np.float64)
    def timed(make):
        best = None
        for _ in range(repeats):
            km = make()
            t = time.perf_counter()
            km.fit(x)
            seconds = time.perf_counter() - t
            best = seconds if best is None else min(best, seconds)
        return km, best

    km, fixed_seconds = timed(lambda: KMeans(n_clusters=3, init=init, n_init=1, max_iter=steps, tol=0.0, algorithm="lloyd"))
    fixed_inertia = km.inertia_ / n
    km2, converge_seconds = timed(lambda: KMeans(n_clusters=3, init="k-means++", n_init=1, random_state=42, algorithm="lloyd"))
    converge_inertia = km2.inertia_ / n

    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, n = {n:,}, 6 features, k = 3, "
          f"{os.cpu_count()} cores")
    f, c = ours["fixed"], ours["converge"]
    print(f"fixed {steps} steps from the same centroids:")
    print(f"  sparrow-core  {f['seconds']:.3f} s  ({f['steps']} steps + 1 scoring pass)  inertia {f['inertia']:.6f}")
    print(f"  scikit-learn  {fixed_seconds:.3f} s  ({km.n_iter_} steps)  inertia {fixed_inertia:.6f}")
    print(f"  time ratio sparrow/sklearn {f['seconds'] / fixed_seconds:.2f}x, "
          f"inertia difference {100 * (f['inertia'] - fixed_inertia) / fixed_inertia:+.3f} %")
    print(f"  (sparrow-core's time includes encoding the profiles: {ours['encode_seconds'] * 1000:.1f} ms)")
    mb = ours["mini_batch"]
    print(f"  sparrow-core with algorithm=MiniBatch (linfa fit_with): {mb['seconds']:.3f} s, {mb['batches']} batches of 100k, "
          f"inertia {mb['inertia']:.6f} ({100 * (mb['inertia'] - fixed_inertia) / fixed_inertia:+.2f} % vs full Lloyd), "
          f"ratio {mb['seconds'] / fixed_seconds:.2f}x")
    print("to convergence, each with its own k-means++ seeding:")
    print(f"  sparrow-core  {c['seconds']:.3f} s  ({c['steps']} steps, converged {c['converged']})  inertia {c['inertia']:.6f}")
    print(f"  scikit-learn  {converge_seconds:.3f} s  ({km2.n_iter_} steps)  inertia {converge_inertia:.6f}")
    print(f"  time ratio sparrow/sklearn {c['seconds'] / converge_seconds:.2f}x, "
          f"inertia difference {100 * (c['inertia'] - converge_inertia) / converge_inertia:+.3f} %")


if __name__ == "__main__":
    main()
