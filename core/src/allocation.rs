//! Asset allocations, strategies, blends, SIP splits and rebalancing — exact to the
//! paisa and to the hundredth of a percent.
//!
//! - [`AssetClass`] and [`Allocation`]: percents per asset class that sum to exactly
//!   100.00 (validated; the error names the actual sum).
//! - [`Strategy`]: either kind of strategy the platform keeps (domain.md §5) — the ML
//!   service's six-class fractions ([`strategy_for`], [`Strategy::from_ml_json`]) and the
//!   database's labelled components with their risk constraints
//!   ([`Strategy::from_db_json`], [`database_strategies`]). Check one against its own
//!   constraints with [`check_strategy`].
//! - [`blend_allocation`]: a persona distribution blended into one allocation summing to
//!   exactly 100.00 %.
//! - [`split_amount`]: a SIP or lump sum split into per-fund amounts that respect each
//!   fund's minimum and multiple and sum exactly to the input.
//! - [`rebalance`]: trades from current holdings to a target, with a drift band and a
//!   buy-only mode, conserving money to the paisa.

mod error;
mod rebalance;
mod split;
mod strategy;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use error::AllocationError;
pub use rebalance::{rebalance, Position, RebalanceOptions, RebalancePlan, Trade, TradeSide};
pub use split::{split_amount, FundAmount, FundSlot, MAX_FUNDS};
pub(crate) use strategy::ml_percents;
pub use strategy::{
    check_strategy, database_strategies, strategy_for, Component, Strategy, MAX_LABEL_CHARS,
    MAX_STRATEGY_JSON, MAX_STRATEGY_PARTS,
};

use crate::exact::{div_half_even, largest_remainder, to_scaled};
use crate::money::{Decimal, Percent};
use crate::persona::PersonaId;

pub use crate::asset::AssetClass;

/// Percents per asset class that sum to exactly 100.00 %. Classes keep the fixed order
/// of [`AssetClass::ALL`]; a class that is absent holds 0 %.
///
/// ```
/// use sparrow_core::allocation::{Allocation, AssetClass};
/// let a = Allocation::new([(AssetClass::Equity, "60".parse().unwrap()),
///                          (AssetClass::Debt, "40".parse().unwrap())]).unwrap();
/// assert_eq!(a.get(AssetClass::Debt).to_string(), "40.00");
/// let err = Allocation::new([(AssetClass::Equity, "60".parse().unwrap()),
///                            (AssetClass::Debt, "39.99".parse().unwrap())]).unwrap_err();
/// assert_eq!(err.to_string(), "allocation: percents must sum to exactly 100.00, they sum to 99.99");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Allocation {
    percents: [Option<Percent>; 7],
}

impl Allocation {
    /// Builds an allocation; refuses an empty list, a repeated class and a sum other
    /// than exactly 100.00.
    pub fn new(
        parts: impl IntoIterator<Item = (AssetClass, Percent)>,
    ) -> Result<Allocation, AllocationError> {
        let mut percents = [None; 7];
        let mut any = false;
        for (class, percent) in parts {
            let slot = percents
                .get_mut(class.index())
                .ok_or(AllocationError::Empty {
                    field: "allocation",
                })?;
            if slot.is_some() {
                return Err(AllocationError::Duplicate {
                    field: "allocation",
                    name: class.as_str().to_owned(),
                });
            }
            *slot = Some(percent);
            any = true;
        }
        if !any {
            return Err(AllocationError::Empty {
                field: "allocation",
            });
        }
        let sum: i64 = percents.iter().flatten().map(|p| p.minor()).sum();
        if sum != Percent::HUNDRED.minor() {
            return Err(AllocationError::Sum {
                field: "allocation",
                actual: hundredths_text(sum),
            });
        }
        Ok(Allocation { percents })
    }

    /// The percent held in `class` (0 % if absent).
    pub fn get(&self, class: AssetClass) -> Percent {
        self.percents
            .get(class.index())
            .copied()
            .flatten()
            .unwrap_or(Percent::ZERO)
    }

    /// The classes present, with their percents, in the fixed class order.
    pub fn iter(&self) -> impl Iterator<Item = (AssetClass, Percent)> + '_ {
        AssetClass::ALL
            .into_iter()
            .zip(self.percents.iter())
            .filter_map(|(c, p)| p.map(|p| (c, p)))
    }

    /// The ML service's six classes as fractions with 4 decimals (`15.00 %` → `0.1500`).
    /// An `Alternatives` share has no place there and is reported in the error.
    pub fn ml_fractions(&self) -> Result<Fractions, AllocationError> {
        if self.get(AssetClass::Alternatives) != Percent::ZERO {
            return Err(AllocationError::Invalid {
                field: "allocation.alternatives".to_owned(),
                rule: "the ML service's six classes have no alternatives bucket",
            });
        }
        let mut out = [0i64; 6];
        for (slot, class) in out.iter_mut().zip(AssetClass::ML) {
            *slot = self.get(class).minor();
        }
        Ok(Fractions {
            ten_thousandths: out,
        })
    }
}

impl fmt::Debug for Allocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Allocation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter().map(|(c, p)| (c.as_str(), p)))
    }
}

impl<'de> Deserialize<'de> for Allocation {
    /// Reads `{"equity": "60.00", "debt": 40, …}` (percents) and validates the sum.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<String, Percent>::deserialize(d)?;
        let mut parts = Vec::with_capacity(map.len());
        for (name, percent) in map {
            let class = AssetClass::from_name(&name).ok_or_else(|| {
                serde::de::Error::custom(AllocationError::UnknownClass {
                    field: "allocation",
                    name: error::shown(&name),
                })
            })?;
            parts.push((class, percent));
        }
        Allocation::new(parts).map_err(serde::de::Error::custom)
    }
}

/// The ML service's six asset classes as fractions of the portfolio with exactly four
/// decimals (`0.3265`), in the order equity, debt, hybrid, gold, international, liquid.
/// These are today's numbers; unlike an [`Allocation`] they need not add up to 1.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Fractions {
    ten_thousandths: [i64; 6],
}

impl Fractions {
    /// The fraction held in `class` (zero for [`AssetClass::Alternatives`]).
    pub fn get(&self, class: AssetClass) -> Decimal {
        let index = class.index();
        let v = self.ten_thousandths.get(index).copied().unwrap_or(0);
        Decimal::new(v, 4)
    }

    /// The six classes with their fractions.
    pub fn iter(&self) -> impl Iterator<Item = (AssetClass, Decimal)> + '_ {
        AssetClass::ML
            .into_iter()
            .zip(self.ten_thousandths)
            .map(|(c, v)| (c, Decimal::new(v, 4)))
    }

    /// The sum of the six fractions.
    pub fn total(&self) -> Decimal {
        Decimal::new(self.ten_thousandths.iter().sum(), 4)
    }

    pub(crate) fn from_ten_thousandths(values: [i64; 6]) -> Fractions {
        Fractions {
            ten_thousandths: values,
        }
    }
}

impl fmt::Debug for Fractions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.iter().map(|(c, v)| (c.as_str(), v)))
            .finish()
    }
}

impl Serialize for Fractions {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter().map(|(c, v)| (c.as_str(), v.to_string())))
    }
}

/// One persona's weight in a distribution, as [`blend_allocation`] takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonaWeight {
    /// The persona.
    pub persona: PersonaId,
    /// Its weight (any non-negative decimal with at most 12 decimals, below 10¹²).
    pub weight: Decimal,
}

/// Blends the ML strategies of a persona distribution into one allocation whose
/// percents sum to exactly 100.00.
///
/// Each class gets Σ weightᵢ × strategyᵢ / Σ weightᵢ (weights are normalised, so the
/// 4-decimal weights of a blended classification, which may sum to 0.9999, work as
/// well as exact ones). When the half-even roundings to hundredths of a percent already
/// add up to 100.00 they are returned as they are — today's 4-decimal numbers; otherwise
/// the remainder is distributed by largest remainder (ties to the earlier class).
///
/// ```
/// use sparrow_core::allocation::{blend_allocation, AssetClass, PersonaWeight};
/// use sparrow_core::persona::PersonaId;
/// let third = "0.333333333333".parse().unwrap();
/// let a = blend_allocation(&[
///     PersonaWeight { persona: PersonaId::CapitalGuardian, weight: third },
///     PersonaWeight { persona: PersonaId::BalancedVoyager, weight: third },
///     PersonaWeight { persona: PersonaId::AcceleratedBuilder, weight: third },
/// ]).unwrap();
/// assert_eq!(a.iter().map(|(_, p)| p.minor()).sum::<i64>(), 10_000);
/// assert_eq!(a.get(AssetClass::Equity).to_string(), "40.00");
/// ```
pub fn blend_allocation(distribution: &[PersonaWeight]) -> Result<Allocation, AllocationError> {
    if distribution.is_empty() {
        return Err(AllocationError::Empty {
            field: "distribution",
        });
    }
    let mut seen = [false; 3];
    let mut weighted: Vec<([i64; 6], i128)> = Vec::with_capacity(distribution.len());
    for (i, pw) in distribution.iter().enumerate() {
        let slot = seen
            .get_mut(pw.persona.index())
            .ok_or(AllocationError::Empty {
                field: "distribution",
            })?;
        if *slot {
            return Err(AllocationError::Duplicate {
                field: "distribution",
                name: pw.persona.slug().to_owned(),
            });
        }
        *slot = true;
        let w = weight_scaled(pw.weight, || format!("distribution[{i}].weight"))?;
        weighted.push((strategy::ml_percents(pw.persona), w));
    }
    let total: i128 = weighted.iter().map(|(_, w)| *w).sum();
    if total == 0 {
        return Err(AllocationError::ZeroWeights {
            field: "distribution",
        });
    }
    let hundredths = blend_hundredths(&weighted, total);
    let parts = AssetClass::ML
        .into_iter()
        .zip(hundredths)
        .map(|(c, v)| (c, Percent::from_hundredths_const(v)));
    Allocation::new(parts)
}

/// Σ wᵢ·pᵢ / Σ wᵢ per class, in hundredths of a percent: the half-even roundings when
/// they add up to 100.00, else largest remainder.
pub(crate) fn blend_hundredths(weighted: &[([i64; 6], i128)], total: i128) -> [i64; 6] {
    let mut numerators = [0i128; 6];
    for (percents, w) in weighted {
        for (n, p) in numerators.iter_mut().zip(percents) {
            *n = n.saturating_add(w.saturating_mul(i128::from(*p)));
        }
    }
    let rounded = numerators.map(|n| div_half_even(n, total));
    if rounded.iter().sum::<i128>() == 10_000 {
        return rounded.map(|v| i64::try_from(v).unwrap_or(0));
    }
    let parts = largest_remainder(&numerators, total, 10_000);
    let mut out = [0i64; 6];
    for (o, p) in out.iter_mut().zip(parts) {
        *o = i64::try_from(p).unwrap_or(0);
    }
    out
}

/// A non-negative weight as an integer count of 10⁻¹², below 10¹².
pub(crate) fn weight_scaled(
    weight: Decimal,
    field: impl FnOnce() -> String,
) -> Result<i128, AllocationError> {
    if weight.is_sign_negative() && !weight.is_zero() {
        return Err(AllocationError::Invalid {
            field: field(),
            rule: "a weight must not be negative",
        });
    }
    match to_scaled(weight, 12) {
        Some(w) if w < 1_000_000_000_000_000_000_000_000 => Ok(w),
        _ => Err(AllocationError::Invalid {
            field: field(),
            rule: "a weight must be below 1e12 with at most 12 decimal places",
        }),
    }
}

/// Hundredths as text: `9999` → `"99.99"`.
pub(crate) fn hundredths_text(v: i64) -> String {
    Decimal::new(v, 2).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pw(persona: PersonaId, w: &str) -> PersonaWeight {
        PersonaWeight {
            persona,
            weight: w.parse().unwrap(),
        }
    }

    #[test]
    fn blend_keeps_rounded_numbers_when_they_add_up() {
        // The fixture's first row: 10/17, 2/17, 5/17.
        let a = blend_allocation(&[
            pw(PersonaId::CapitalGuardian, "10"),
            pw(PersonaId::AcceleratedBuilder, "5"),
            pw(PersonaId::BalancedVoyager, "2"),
        ])
        .unwrap();
        let got: Vec<i64> = AssetClass::ML.iter().map(|c| a.get(*c).minor()).collect();
        // Today: 0.3265, 0.3882, 0.1353, 0.0353, 0.0353, 0.0794 (sums to 1.0000).
        assert_eq!(got, [3265, 3882, 1353, 353, 353, 794]);
    }

    #[test]
    fn blend_fixes_the_remainder() {
        // Weights 1, 1, 5 (sevenths): the half-even roundings are 54.29, 19.29, 11.43,
        // 1.43, 7.86, 5.71 = 100.01, so largest remainder decides. Floors 54.28, 19.28,
        // 11.42, 1.42, 7.85, 5.71 leave 4 hundredths; remainders in sevenths are 4, 4, 6,
        // 6, 5, 3: hybrid, gold, international, then equity (the earlier of the tied 4s).
        let a = blend_allocation(&[
            pw(PersonaId::CapitalGuardian, "1"),
            pw(PersonaId::BalancedVoyager, "1"),
            pw(PersonaId::AcceleratedBuilder, "5"),
        ])
        .unwrap();
        let got: Vec<i64> = AssetClass::ML.iter().map(|c| a.get(*c).minor()).collect();
        assert_eq!(got, [5429, 1928, 1143, 143, 786, 571]);
        assert_eq!(got.iter().sum::<i64>(), 10_000);
        let f = a.ml_fractions().unwrap();
        assert_eq!(f.get(AssetClass::Equity).to_string(), "0.5429");
        assert_eq!(f.total(), Decimal::ONE);
        let with_alternatives = Allocation::new([
            (AssetClass::Equity, Percent::from_hundredths_const(9_000)),
            (
                AssetClass::Alternatives,
                Percent::from_hundredths_const(1_000),
            ),
        ])
        .unwrap();
        assert_eq!(
            with_alternatives.ml_fractions().unwrap_err().code(),
            "allocation_invalid"
        );
    }

    #[test]
    fn blend_refusals() {
        assert_eq!(
            blend_allocation(&[]).unwrap_err().code(),
            "allocation_empty"
        );
        assert_eq!(
            blend_allocation(&[pw(PersonaId::CapitalGuardian, "0")])
                .unwrap_err()
                .code(),
            "allocation_zero_weights"
        );
        assert_eq!(
            blend_allocation(&[pw(PersonaId::CapitalGuardian, "-1")])
                .unwrap_err()
                .code(),
            "allocation_invalid"
        );
        let e = blend_allocation(&[
            pw(PersonaId::CapitalGuardian, "1"),
            pw(PersonaId::CapitalGuardian, "1"),
        ])
        .unwrap_err();
        assert_eq!(e.code(), "allocation_duplicate");
    }

    #[test]
    fn allocation_validation() {
        let p = |s: &str| s.parse::<Percent>().unwrap();
        assert!(Allocation::new([(AssetClass::Equity, p("100"))]).is_ok());
        assert_eq!(Allocation::new([]).unwrap_err().code(), "allocation_empty");
        assert_eq!(
            Allocation::new([(AssetClass::Equity, p("50")), (AssetClass::Equity, p("50"))])
                .unwrap_err()
                .code(),
            "allocation_duplicate"
        );
        let a: Allocation = serde_json::from_str(r#"{"equity": "70", "debt": 30}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            r#"{"equity":"70.00","debt":"30.00"}"#
        );
        let e = serde_json::from_str::<Allocation>(r#"{"equity": "70", "cash": 30}"#).unwrap_err();
        assert!(
            e.to_string().contains("\"cash\" is not an asset class"),
            "{e}"
        );
        assert!(serde_json::from_str::<Allocation>(r#"{"equity": 70.5}"#)
            .unwrap_err()
            .to_string()
            .contains("they sum to 70.50"));
    }
}
