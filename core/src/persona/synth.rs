//! A seeded synthetic population of profiles, for tests and benchmarks.

use rand::Rng;
use rand_xoshiro::rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use super::model::MAX_TRAINING_PROFILES;
use super::PersonaError;
use crate::profile::{Knowledge, Liquidity, Profile, RiskTolerance, Volatility};

/// One archetype: its share (percent of the population), age and horizon ranges
/// (inclusive) and the percent chances of each choice (in the enums' order).
struct Archetype {
    share: u32,
    age: (u8, u8),
    horizon: (u8, u8),
    risk_tolerance: [u32; 3],
    volatility: [u32; 3],
    liquidity: [u32; 3],
    knowledge: [u32; 3],
}

/// The population: 30 % cautious, 45 % balanced, 25 % growth-seeking.
const ARCHETYPES: [Archetype; 3] = [
    Archetype {
        share: 30,
        age: (45, 75),
        horizon: (1, 7),
        risk_tolerance: [70, 25, 5],
        volatility: [70, 25, 5],
        liquidity: [10, 30, 60],
        knowledge: [50, 40, 10],
    },
    Archetype {
        share: 45,
        age: (28, 55),
        horizon: (4, 15),
        risk_tolerance: [15, 70, 15],
        volatility: [20, 60, 20],
        liquidity: [20, 60, 20],
        knowledge: [25, 55, 20],
    },
    Archetype {
        share: 25,
        age: (21, 40),
        horizon: (8, 40),
        risk_tolerance: [5, 25, 70],
        volatility: [5, 30, 65],
        liquidity: [60, 30, 10],
        knowledge: [15, 40, 45],
    },
];

fn pick(rng: &mut Xoshiro256PlusPlus, chances: [u32; 3]) -> usize {
    let roll = rng.gen_range(0..100u32);
    let mut acc = 0;
    for (i, c) in chances.iter().enumerate() {
        acc += c;
        if roll < acc {
            return i;
        }
    }
    2
}

/// `n` profiles drawn from a documented mixture, reproducibly from `seed`
/// (Xoshiro256++). Each profile first picks an archetype — cautious 30 % (age 45–75,
/// horizon 1–7 years, mostly Conservative / Low volatility / High liquidity need /
/// Beginner), balanced 45 % (28–55, 4–15, mostly Moderate / Medium / Medium /
/// Intermediate) or growth 25 % (21–40, 8–40, mostly Aggressive / High / Low /
/// Advanced) — then draws age and horizon uniformly from its ranges and each choice from
/// its chances (e.g. cautious risk tolerance 70/25/5 % Conservative/Moderate/Aggressive;
/// the full table is in the source). The same `n` and `seed` always give the same
/// profiles, on every platform.
///
/// ```
/// use sparrow_core::persona::synthetic_profiles;
/// let a = synthetic_profiles(1_000, 1).unwrap();
/// assert_eq!(a, synthetic_profiles(1_000, 1).unwrap());
/// assert_ne!(a, synthetic_profiles(1_000, 2).unwrap());
/// ```
pub fn synthetic_profiles(n: usize, seed: u64) -> Result<Vec<Profile>, PersonaError> {
    if n > MAX_TRAINING_PROFILES {
        return Err(PersonaError::Training {
            rule: format!("at most {MAX_TRAINING_PROFILES} profiles are generated"),
        });
    }
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let roll = rng.gen_range(0..100u32);
        let mut acc = 0;
        let mut chosen = &ARCHETYPES[0];
        for a in &ARCHETYPES {
            acc += a.share;
            if roll < acc {
                chosen = a;
                break;
            }
        }
        let age = rng.gen_range(chosen.age.0..=chosen.age.1);
        let horizon = rng.gen_range(chosen.horizon.0..=chosen.horizon.1);
        let risk = RiskTolerance::ALL
            .get(pick(&mut rng, chosen.risk_tolerance))
            .copied()
            .unwrap_or_default();
        let vol = Volatility::ALL
            .get(pick(&mut rng, chosen.volatility))
            .copied()
            .unwrap_or_default();
        let liq = Liquidity::ALL
            .get(pick(&mut rng, chosen.liquidity))
            .copied()
            .unwrap_or_default();
        let know = Knowledge::ALL
            .get(pick(&mut rng, chosen.knowledge))
            .copied()
            .unwrap_or_default();
        let profile = Profile::new(age, horizon, risk, vol, liq, know).map_err(|e| {
            PersonaError::Training {
                rule: format!("generated an invalid profile: {e}"),
            }
        })?;
        out.push(profile);
    }
    Ok(out)
}
