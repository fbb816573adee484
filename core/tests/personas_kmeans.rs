//! k-means personas: training, prediction, progress, the iteration cap, and model files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::ops::ControlFlow;
use std::path::PathBuf;

use rust_decimal::Decimal;
use sparrow_core::persona::*;
use sparrow_core::profile::*;

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sparrow-kmeans-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn same_data_and_seed_give_the_same_model() {
    let profiles = synthetic_profiles(20_000, 11).unwrap();
    let a = train_personas(&profiles, 3, 5).unwrap();
    let b = train_personas(&profiles, 3, 5).unwrap();
    assert_eq!(a, b);
    assert!(a.training().converged, "{:?}", a.training());
    assert_eq!(a.training().profiles, 20_000);
    assert_eq!(
        a.personas(),
        [
            PersonaId::CapitalGuardian,
            PersonaId::BalancedVoyager,
            PersonaId::AcceleratedBuilder
        ]
    );
    // Ordered by risk.
    let risk: Vec<f64> = a.centroids().iter().map(|c| c.iter().sum()).collect();
    assert!(risk.windows(2).all(|w| w[0] <= w[1]), "{risk:?}");
    // Another seed may find another local optimum, but still a model of the same shape.
    let c = train_personas(&profiles, 3, 6).unwrap();
    assert_eq!(c.centroids().len(), 3);
}

#[test]
fn predictions_have_the_blended_shape() {
    let profiles = synthetic_profiles(5_000, 3).unwrap();
    let model = train_personas(&profiles, 3, 1).unwrap();
    let cautious = Profile::new(
        70,
        2,
        RiskTolerance::Conservative,
        Volatility::Low,
        Liquidity::High,
        Knowledge::Beginner,
    )
    .unwrap();
    let bold = Profile::new(
        25,
        30,
        RiskTolerance::Aggressive,
        Volatility::High,
        Liquidity::Low,
        Knowledge::Advanced,
    )
    .unwrap();
    let p = model.predict(&cautious);
    assert_eq!(p.primary, PersonaId::CapitalGuardian);
    assert_eq!(model.predict(&bold).primary, PersonaId::AcceleratedBuilder);
    for profile in profiles.iter().take(500) {
        let p = model.predict(profile);
        let total: Decimal = p.distribution.iter().map(|d| d.weight).sum();
        assert_eq!(total, Decimal::ONE);
        assert_eq!(p.blended_allocation.total(), Decimal::ONE);
        assert_eq!(p.confidence, p.distribution[0].weight);
        assert!(p
            .distribution
            .windows(2)
            .all(|w| w[0].weight >= w[1].weight));
        assert_eq!(&*p.model_version, "kmeans-k3-seed1");
    }
    assert_eq!(model.predict_many(&profiles[..10]).len(), 10);
}

#[test]
fn progress_is_reported_and_the_cap_is_flagged() {
    let profiles = synthetic_profiles(10_000, 4).unwrap();
    let mut seen = Vec::new();
    let mut on_progress = |p: TrainProgress| {
        seen.push(p);
        ControlFlow::Continue(())
    };
    let options = TrainOptions {
        k: 3,
        seed: 9,
        max_iterations: 2,
        tolerance: 1e-12,
        init: None,
        algorithm: TrainAlgorithm::Lloyd,
    };
    let capped = train_personas_with(&profiles, &options, Some(&mut on_progress)).unwrap();
    assert!(!capped.training().converged);
    assert_eq!(capped.training().iterations, 2);
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].iteration, 1);
    assert!(seen[0].shift.is_none() && seen[1].shift.is_some());
    // The capped model is the best seen, and no worse than where it started.
    assert!(capped.training().inertia <= seen[0].inertia);
    let full = train_personas_with(
        &profiles,
        &TrainOptions {
            max_iterations: 300,
            ..options.clone()
        },
        None,
    )
    .unwrap();
    assert!(full.training().inertia <= capped.training().inertia + 1e-12);
}

#[test]
fn refusals() {
    let few = synthetic_profiles(5, 1).unwrap();
    assert_eq!(train_personas(&few, 0, 1).unwrap_err().code(), "persona_k");
    assert_eq!(train_personas(&few, 17, 1).unwrap_err().code(), "persona_k");
    assert_eq!(train_personas(&few, 6, 1).unwrap_err().code(), "persona_k");
    let same = vec![few[0].clone(); 100];
    let e = train_personas(&same, 2, 1).unwrap_err();
    assert_eq!(
        e.to_string(),
        "k: is larger than the number of distinct profiles (1)"
    );
    assert!(train_personas(&same, 1, 1).is_ok());
    assert_eq!(
        train_personas(&[], 3, 1).unwrap_err().code(),
        "persona_training"
    );
    let bad = TrainOptions {
        tolerance: f64::NAN,
        ..TrainOptions::default()
    };
    assert_eq!(
        train_personas_with(&few, &bad, None).unwrap_err().code(),
        "persona_training"
    );
    let bad_init = TrainOptions {
        init: Some(vec![[0.5; 6]; 2]),
        ..TrainOptions::default()
    };
    assert_eq!(
        train_personas_with(&few, &bad_init, None)
            .unwrap_err()
            .code(),
        "persona_training"
    );
    let init = TrainOptions {
        k: 2,
        init: Some(vec![[0.0; 6], [1.0; 6]]),
        ..TrainOptions::default()
    };
    assert_eq!(
        train_personas_with(&few, &init, None)
            .unwrap()
            .centroids()
            .len(),
        2
    );
}

#[test]
fn models_save_load_and_pick_the_latest_version() {
    let dir = temp_dir("files");
    let profiles = synthetic_profiles(3_000, 8).unwrap();
    let model = train_personas(&profiles, 3, 2).unwrap();
    for v in ["2", "10", "9", "20261126_054500"] {
        model.save(&dir, "personas", v).unwrap();
    }
    assert_eq!(
        model.save(&dir, "personas", "10").unwrap_err().code(),
        "model_exists"
    );
    let latest = PersonaModel::load(&dir, "personas", None).unwrap();
    assert_eq!(latest.version(), Some("20261126_054500"));
    assert_eq!(
        PersonaModel::load(&dir, "personas", Some("latest")).unwrap(),
        latest
    );
    let ten = PersonaModel::load(&dir, "personas", Some("10")).unwrap();
    assert_eq!(ten.model_version(), "personas_v10");
    assert_eq!(ten.centroids(), model.centroids());
    assert_eq!(ten.training(), model.training());
    let profile = &profiles[0];
    assert_eq!(
        ten.predict(profile).distribution,
        model.predict(profile).distribution
    );
    assert_eq!(
        PersonaModel::load(&dir, "personas", Some("11"))
            .unwrap_err()
            .code(),
        "model_not_found"
    );
    assert_eq!(
        PersonaModel::load(&dir, "other", None).unwrap_err().code(),
        "model_not_found"
    );
    assert_eq!(
        PersonaModel::load(&dir, "../x", None).unwrap_err().code(),
        "model_name"
    );
    assert_eq!(
        model.save(&dir, "p", "v1").unwrap_err().code(),
        "model_name"
    );
    // No temporary files are left behind.
    assert!(std::fs::read_dir(&dir).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with('.')));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn corrupt_files_are_refused() {
    let dir = temp_dir("corrupt");
    let model = train_personas(&synthetic_profiles(1_000, 2).unwrap(), 3, 2).unwrap();
    let path = model.save(&dir, "m", "1").unwrap();
    let good = std::fs::read_to_string(&path).unwrap();
    let write =
        |v: &str, text: &str| std::fs::write(dir.join(format!("m_v{v}.json")), text).unwrap();
    let code = |v: &str| PersonaModel::load(&dir, "m", Some(v)).unwrap_err().code();
    write("2", &good[..good.len() / 2]);
    assert_eq!(code("2"), "model_corrupt");
    write("3", &good);
    assert_eq!(code("3"), "model_corrupt"); // the version inside says 1
    write(
        "4",
        &good
            .replace("\"format_version\": 1", "\"format_version\": 2")
            .replace("\"version\": \"1\"", "\"version\": \"4\""),
    );
    assert_eq!(code("4"), "model_format_version");
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v["version"] = "5".into();

    v["centroids"].as_array_mut().unwrap().reverse();
    write("5", &v.to_string());
    assert_eq!(code("5"), "model_corrupt");
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v["version"] = "6".into();
    v["personas"][0] = "accelerated-builder".into();
    write("6", &v.to_string());
    assert_eq!(code("6"), "model_corrupt");
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v["version"] = "7".into();
    v["extra"] = 1.into();
    write("7", &v.to_string());
    assert_eq!(code("7"), "model_corrupt");
    let huge = good
        .replacen("[\n", "[\n1e400,", 1)
        .replace("\"version\": \"1\"", "\"version\": \"9\"");
    write("9", &huge);
    assert_eq!(code("9"), "model_corrupt");
    write("8", &" ".repeat(1024 * 1024 + 1));
    assert_eq!(code("8"), "model_corrupt");
    // The latest file (9) is corrupt: loading "latest" says so rather than falling back.
    assert_eq!(
        PersonaModel::load(&dir, "m", None).unwrap_err().code(),
        "model_corrupt"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn mini_batch_is_reproducible_and_close_to_lloyd() {
    let profiles = synthetic_profiles(200_000, 12).unwrap();
    let lloyd = train_personas(&profiles, 3, 5).unwrap();
    let options = TrainOptions {
        algorithm: TrainAlgorithm::MiniBatch { batch_size: 20_000 },
        seed: 5,
        ..TrainOptions::default()
    };
    let mut batches = 0;
    let mut count = |p: TrainProgress| {
        batches += 1;
        assert_eq!(p.iteration, batches);
        ControlFlow::Continue(())
    };
    let a = train_personas_with(&profiles, &options, Some(&mut count)).unwrap();
    assert_eq!(a.training().iterations, batches);
    assert!(a.training().algorithm.contains("mini-batch"));
    let b = train_personas_with(&profiles, &options, None).unwrap();
    assert_eq!(a, b, "same data and seed, same model");
    let gap = (a.training().inertia - lloyd.training().inertia) / lloyd.training().inertia;
    assert!(
        gap.abs() < 0.01,
        "mini-batch inertia {gap:+.4} relative to Lloyd"
    );
    assert_eq!(a.personas(), lloyd.personas());
    let bad = TrainOptions {
        algorithm: TrainAlgorithm::MiniBatch { batch_size: 2 },
        ..TrainOptions::default()
    };
    assert_eq!(
        train_personas_with(&profiles, &bad, None)
            .unwrap_err()
            .to_string(),
        "profiles: batch_size must be at least k"
    );
}

#[test]
fn a_callback_that_breaks_cancels_training() {
    let profiles = synthetic_profiles(2_000, 3).unwrap();
    for algorithm in [
        TrainAlgorithm::Lloyd,
        TrainAlgorithm::MiniBatch { batch_size: 100 },
    ] {
        let mut calls = 0;
        let mut stop_at_third = |_: TrainProgress| {
            calls += 1;
            if calls == 3 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        };
        let options = TrainOptions {
            algorithm,
            tolerance: 1e-15,
            ..TrainOptions::default()
        };
        let err = train_personas_with(&profiles, &options, Some(&mut stop_at_third)).unwrap_err();
        assert_eq!(err.code(), "persona_cancelled");
        assert_eq!(calls, 3, "no step runs after the callback said stop");
    }
}

#[test]
fn saves_leave_no_temporary_file_and_never_follow_a_planted_link() {
    let dir = temp_dir("links");
    let model = train_personas(&synthetic_profiles(300, 4).unwrap(), 3, 4).unwrap();
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    // A link planted under the model's own name: the save refuses, the target is intact.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&victim, dir.join("m_v1.json")).unwrap();
        assert_eq!(
            model.save(&dir, "m", "1").unwrap_err().code(),
            "model_exists"
        );
        // Links under every name the old code would have used for its temporary file.
        for pid in [std::process::id(), 1, 0] {
            let planted = dir.join(format!(".m_v2.json.{pid}.tmp"));
            std::os::unix::fs::symlink(&victim, planted).unwrap();
        }
    }
    model.save(&dir, "m", "2").unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    let leftovers: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".sparrow-model-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("m_v2.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "readable by others: {mode:o}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn racing_saves_of_one_version_have_one_winner_and_readers_see_whole_files() {
    let dir = temp_dir("race");
    let models = [
        train_personas(&synthetic_profiles(300, 5).unwrap(), 3, 5).unwrap(),
        train_personas(&synthetic_profiles(300, 6).unwrap(), 4, 6).unwrap(),
    ];
    for round in 0..100 {
        let version = format!("{round}");
        let outcomes: Vec<Result<(), &'static str>> = std::thread::scope(|s| {
            let savers: Vec<_> = models
                .iter()
                .map(|m| {
                    let (dir, version) = (&dir, &version);
                    s.spawn(move || m.save(dir, "p", version).map(drop).map_err(|e| e.code()))
                })
                .collect();
            let reader = s.spawn(|| {
                for _ in 0..20 {
                    match PersonaModel::load(&dir, "p", Some(&version)) {
                        Ok(_) => {}
                        Err(e) => assert_eq!(e.code(), "model_not_found", "torn read"),
                    }
                }
            });
            reader.join().unwrap();
            savers.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let winners: Vec<usize> = (0..2).filter(|i| outcomes[*i].is_ok()).collect();
        assert_eq!(winners.len(), 1, "round {round}: {outcomes:?}");
        let loser = 1 - winners[0];
        assert_eq!(outcomes[loser], Err("model_exists"));
        let on_disk = PersonaModel::load(&dir, "p", Some(&version)).unwrap();
        assert_eq!(
            on_disk.centroids(),
            models[winners[0]].centroids(),
            "round {round}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_fifo_under_the_model_name_is_refused_without_blocking() {
    let dir = temp_dir("fifo");
    let fifo = dir.join("m_v1.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Opening a FIFO for reading blocks until a writer comes: the load must not.
    assert_eq!(
        PersonaModel::load(&dir, "m", Some("1")).unwrap_err().code(),
        "model_not_regular"
    );
    assert_eq!(
        PersonaModel::load(&dir, "m", None).unwrap_err().code(),
        "model_not_regular"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_training_set_trains_the_same_model_as_its_profiles() {
    let profiles = synthetic_profiles(3_000, 21).unwrap();
    let set = || {
        let mut s = TrainingSet::new();
        for p in &profiles {
            s.push(p).unwrap();
        }
        s
    };
    assert_eq!(set().len(), 3_000);
    assert_eq!(set(), TrainingSet::from_profiles(&profiles).unwrap());
    let warm = train_personas(&profiles, 4, 1)
        .unwrap()
        .centroids()
        .to_vec();
    for options in [
        TrainOptions {
            k: 3,
            seed: 9,
            ..TrainOptions::default()
        },
        TrainOptions {
            k: 4,
            seed: 2,
            init: Some(warm),
            ..TrainOptions::default()
        },
        TrainOptions {
            k: 5,
            seed: 3,
            algorithm: TrainAlgorithm::MiniBatch { batch_size: 256 },
            ..TrainOptions::default()
        },
    ] {
        let mut steps_a = Vec::new();
        let mut steps_b = Vec::new();
        let mut a = |p: TrainProgress| {
            steps_a.push(p);
            ControlFlow::Continue(())
        };
        let mut b = |p: TrainProgress| {
            steps_b.push(p);
            ControlFlow::Continue(())
        };
        let from_profiles = train_personas_with(&profiles, &options, Some(&mut a)).unwrap();
        let from_set = train_personas_on(set(), &options, Some(&mut b)).unwrap();
        assert_eq!(from_profiles, from_set, "{options:?}");
        assert_eq!(steps_a, steps_b, "{options:?}");
    }
}

#[test]
fn a_training_set_is_refused_as_its_profiles_are() {
    let code = |r: Result<PersonaModel, PersonaError>| {
        let e = r.unwrap_err();
        (e.code(), e.to_string())
    };
    let options = |k| TrainOptions {
        k,
        ..TrainOptions::default()
    };
    // Empty, k out of range, k above the distinct profiles, bad options: the same
    // error, whichever form the profiles come in.
    let one = synthetic_profiles(1, 4).unwrap();
    let twice = [one[0].clone(), one[0].clone()];
    let cases: [(&[Profile], TrainOptions); 5] = [
        (&[], options(3)),
        (&one, options(0)),
        (&one, options(17)),
        (&twice, options(2)),
        (
            &one,
            TrainOptions {
                k: 1,
                tolerance: f64::NAN,
                ..TrainOptions::default()
            },
        ),
    ];
    for (profiles, o) in cases {
        let set = TrainingSet::from_profiles(profiles).unwrap();
        assert_eq!(
            code(train_personas_on(set, &o, None)),
            code(train_personas_with(profiles, &o, None)),
            "{o:?}"
        );
    }
    assert_eq!(
        code(train_personas_on(TrainingSet::new(), &options(3), None)).0,
        "persona_training"
    );
}
