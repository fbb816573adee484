//! The `risk-capacity-v1` encoding of a profile.

use crate::profile::{Knowledge, Liquidity, Profile, RiskTolerance, Volatility};

/// The six features a profile is encoded into, each scaled to 0–1 so that a higher
/// value means more capacity for risk (encoding `risk-capacity-v1`):
///
/// | feature | encoding |
/// |---|---|
/// | `youth` | (100 − age) / 82 |
/// | `horizon` | (horizon_years − 1) / 39 |
/// | `risk_tolerance` | Conservative 0, Moderate 0.5, Aggressive 1 |
/// | `volatility` | Low 0, Medium 0.5, High 1 |
/// | `liquidity_freedom` | liquidity need High 0, Medium 0.5, Low 1 |
/// | `knowledge` | Beginner 0, Intermediate 0.5, Advanced 1 |
///
/// A cluster's risk is the sum of its centroid's features; clusters are ordered by it.
pub const FEATURES: [&str; 6] = [
    "youth",
    "horizon",
    "risk_tolerance",
    "volatility",
    "liquidity_freedom",
    "knowledge",
];

/// A profile's six features in the `risk-capacity-v1` encoding ([`FEATURES`]).
pub fn encode_profile(p: &Profile) -> [f64; 6] {
    let three = |i: usize| i as f64 / 2.0;
    [
        f64::from(100u8.saturating_sub(p.age())) / 82.0,
        f64::from(p.horizon_years().saturating_sub(1)) / 39.0,
        three(match p.risk_tolerance() {
            RiskTolerance::Conservative => 0,
            RiskTolerance::Moderate => 1,
            RiskTolerance::Aggressive => 2,
        }),
        three(match p.volatility() {
            Volatility::Low => 0,
            Volatility::Medium => 1,
            Volatility::High => 2,
        }),
        three(match p.liquidity() {
            Liquidity::High => 0,
            Liquidity::Medium => 1,
            Liquidity::Low => 2,
        }),
        three(match p.knowledge() {
            Knowledge::Beginner => 0,
            Knowledge::Intermediate => 1,
            Knowledge::Advanced => 2,
        }),
    ]
}
