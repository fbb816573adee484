//! Splitting a SIP or lump sum across funds, exactly, within minimums and multiples.

use serde::{Deserialize, Serialize};

use super::error::shown;
use super::{weight_scaled, AllocationError};
use crate::money::{Decimal, Money};

/// Most funds [`split_amount`] accepts in one call.
pub const MAX_FUNDS: usize = 1_000;
/// Weights for [`split_amount`] must be below this.
const SPLIT_WEIGHT_LIMIT: i128 = 1_000_000 * 1_000_000_000_000;

/// One fund to receive part of an amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundSlot {
    /// The fund's identifier (scheme code, ISIN, …): 1–100 characters, unique in a call.
    pub id: String,
    /// Its share of the amount, relative to the others (percent, fraction or any
    /// non-negative decimal below 10⁶ with at most 12 decimals). Zero means "not now".
    #[serde(with = "crate::exact::decimal_serde")]
    pub weight: Decimal,
    /// The smallest amount the fund accepts (zero for none).
    pub min_amount: Money,
    /// The step amounts move in (₹1.00 for "any whole rupee", ₹100 for "in ₹100 steps").
    pub multiple: Money,
}

/// The amount one fund receives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundAmount {
    /// The fund's identifier.
    pub id: String,
    /// Its amount.
    pub amount: Money,
}

/// Splits `amount` across `funds` in proportion to their weights, so that every fund
/// with a positive weight gets at least its minimum, every amount is a whole number of
/// the fund's multiples, and the amounts sum to exactly `amount`.
///
/// How: a fund whose proportional share is below its minimum (rounded up to its
/// multiple) gets the minimum, and the rest is shared among the others in proportion,
/// repeatedly; each share is then rounded down to its multiple, and what is left goes,
/// one multiple at a time, to the fund furthest below its exact proportional share
/// (ties to the earlier fund). Funds with weight zero get ₹0.00. The result keeps the
/// input order.
///
/// Refusals say precisely why: `allocation_not_positive` (amount ≤ 0),
/// `split_below_minimum` (the minimums alone need more, naming how much),
/// `split_not_multiple` (the amount is not a multiple of the funds' common step),
/// `split_unreachable` (no sum of the multiples hits the amount exactly, e.g. steps of
/// ₹300 and ₹500 cannot add ₹100), and `allocation_*` for malformed funds.
///
/// ```
/// use sparrow_core::allocation::{split_amount, FundSlot};
/// use sparrow_core::money::{parse_money, Money};
/// let fund = |id: &str, w: &str| FundSlot { id: id.into(), weight: w.parse().unwrap(),
///     min_amount: parse_money("500").unwrap(), multiple: parse_money("100").unwrap() };
/// let parts = split_amount(parse_money("₹25,000").unwrap(),
///     &[fund("equity", "32.65"), fund("debt", "38.82"), fund("hybrid", "13.53"),
///       fund("gold", "3.53"), fund("intl", "3.53"), fund("liquid", "7.94")]).unwrap();
/// let rupees: Vec<i64> = parts.iter().map(|p| p.amount.paise() / 100).collect();
/// assert_eq!(rupees, [8100, 9700, 3400, 900, 900, 2000]);
/// ```
pub fn split_amount(amount: Money, funds: &[FundSlot]) -> Result<Vec<FundAmount>, AllocationError> {
    if amount.paise() <= 0 {
        return Err(AllocationError::NotPositive { field: "amount" });
    }
    if funds.is_empty() {
        return Err(AllocationError::Empty { field: "funds" });
    }
    if funds.len() > MAX_FUNDS {
        return Err(AllocationError::TooMany {
            field: "funds",
            max: MAX_FUNDS,
        });
    }
    let slots = Slots::new(i128::from(amount.paise()), funds, checked_weights(funds)?)?;
    slots.check_reachable()?;
    let mut parts = slots.water_fill();
    slots.hand_out_rest(&mut parts)?;
    funds
        .iter()
        .zip(parts)
        .map(|(f, p)| {
            Ok(FundAmount {
                id: f.id.clone(),
                amount: Money::from_paise(i64::try_from(p).unwrap_or(i64::MAX))
                    .map_err(|_| AllocationError::Overflow { field: "amount" })?,
            })
        })
        .collect()
}

/// Phase 1: every fund well-formed (id, no duplicate, weight, minimum, multiple); its
/// weight in 10⁻¹².
fn checked_weights(funds: &[FundSlot]) -> Result<Vec<i128>, AllocationError> {
    let mut weights = Vec::with_capacity(funds.len());
    for (i, f) in funds.iter().enumerate() {
        if f.id.is_empty() || f.id.chars().count() > 100 {
            return Err(AllocationError::Invalid {
                field: format!("funds[{i}].id"),
                rule: "must be 1 to 100 characters",
            });
        }
        if funds.iter().take(i).any(|o| o.id == f.id) {
            return Err(AllocationError::Duplicate {
                field: "funds",
                name: shown(&f.id),
            });
        }
        let w = weight_scaled(f.weight, || format!("funds[{i}].weight"))?;
        if w >= SPLIT_WEIGHT_LIMIT {
            return Err(AllocationError::Invalid {
                field: format!("funds[{i}].weight"),
                rule: "a weight must be below 1e6 with at most 12 decimal places",
            });
        }
        if f.min_amount.is_negative() {
            return Err(AllocationError::Invalid {
                field: format!("funds[{i}].min_amount"),
                rule: "must not be negative",
            });
        }
        if f.multiple.paise() <= 0 {
            return Err(AllocationError::Invalid {
                field: format!("funds[{i}].multiple"),
                rule: "must be greater than zero",
            });
        }
        weights.push(w);
    }
    Ok(weights)
}

/// The funds of one split in paise: weights, multiples and minimums rounded up to the
/// multiple, and which funds take part (weight above zero).
struct Slots {
    amount: i128,
    active: Vec<usize>,
    weights: Vec<i128>,
    steps: Vec<i128>,
    mins: Vec<i128>,
}

impl Slots {
    fn new(amount: i128, funds: &[FundSlot], weights: Vec<i128>) -> Result<Slots, AllocationError> {
        let active: Vec<usize> = (0..funds.len())
            .filter(|i| weights.get(*i).is_some_and(|w| *w > 0))
            .collect();
        if active.is_empty() {
            return Err(AllocationError::ZeroWeights { field: "funds" });
        }
        let steps: Vec<i128> = funds
            .iter()
            .map(|f| i128::from(f.multiple.paise()))
            .collect();
        // Minimums rounded up to the fund's multiple (multiples are positive: phase 1).
        let mins = funds
            .iter()
            .zip(&steps)
            .map(|(f, q)| i128::from(f.min_amount.paise()).saturating_add(q - 1) / q * q)
            .collect();
        Ok(Slots {
            amount,
            active,
            weights,
            steps,
            mins,
        })
    }

    fn step(&self, i: usize) -> i128 {
        self.steps.get(i).copied().unwrap_or(1)
    }
    fn weight(&self, i: usize) -> i128 {
        self.weights.get(i).copied().unwrap_or(0)
    }
    fn min_of(&self, i: usize) -> i128 {
        self.mins.get(i).copied().unwrap_or(0)
    }

    /// Phase 2: the minimums fit in the amount, and the amount is a multiple of the
    /// funds' common step.
    fn check_reachable(&self) -> Result<(), AllocationError> {
        let needed: i128 = self.active.iter().map(|i| self.min_of(*i)).sum();
        if needed > self.amount {
            return Err(AllocationError::BelowMinimum {
                funds: self.active.len(),
                needed: paise_text(needed),
                short: paise_text(needed - self.amount),
            });
        }
        let common = self.active.iter().fold(0i128, |g, i| gcd(g, self.step(*i)));
        if common > 1 && self.amount % common != 0 {
            return Err(AllocationError::NotMultiple {
                step: paise_text(common),
            });
        }
        Ok(())
    }

    /// Phase 3, water-filling: funds whose share falls below their minimum are pinned
    /// to it, and the amount left is shared by the others' weights, until no share falls
    /// short; each free share is rounded down to its multiple.
    fn water_fill(&self) -> Vec<i128> {
        let mut pinned = vec![false; self.weights.len()];
        let is_pinned = |pinned: &[bool], i: usize| pinned.get(i) == Some(&true);
        let (free_amount, free_weight) = loop {
            let pinned_amount: i128 = self
                .active
                .iter()
                .filter(|i| is_pinned(&pinned, **i))
                .map(|i| self.min_of(*i))
                .sum();
            let free_weight: i128 = self
                .active
                .iter()
                .filter(|i| !is_pinned(&pinned, **i))
                .map(|i| self.weight(*i))
                .sum();
            let free_amount = self.amount - pinned_amount;
            let short: Vec<usize> = self
                .active
                .iter()
                .copied()
                .filter(|i| {
                    !is_pinned(&pinned, *i)
                        && free_amount.saturating_mul(self.weight(*i))
                            < self.min_of(*i).saturating_mul(free_weight)
                })
                .collect();
            if short.is_empty() {
                break (free_amount, free_weight);
            }
            for i in short {
                if let Some(p) = pinned.get_mut(i) {
                    *p = true;
                }
            }
        };
        let mut parts = vec![0i128; self.weights.len()];
        for &i in &self.active {
            let part = if is_pinned(&pinned, i) {
                self.min_of(i)
            } else {
                let q = self.step(i);
                free_amount.saturating_mul(self.weight(i)) / free_weight.saturating_mul(q).max(1)
                    * q
            };
            if let Some(p) = parts.get_mut(i) {
                *p = part;
            }
        }
        parts
    }

    /// Phase 4: what rounding left over goes, a multiple at a time, to the fund furthest
    /// below its exact proportional share (ties to the earlier fund).
    fn hand_out_rest(&self, parts: &mut [i128]) -> Result<(), AllocationError> {
        let all_weight: i128 = self.active.iter().map(|i| self.weight(*i)).sum();
        // shortfall_i × all_weight = amount × wᵢ − partᵢ × all_weight
        let mut shortfall: Vec<i128> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                self.amount
                    .saturating_mul(self.weight(i))
                    .saturating_sub(p.saturating_mul(all_weight))
            })
            .collect();
        let mut left = self.amount - parts.iter().sum::<i128>();
        while left > 0 {
            let best = self
                .active
                .iter()
                .copied()
                .filter(|i| self.step(*i) <= left)
                .max_by(|a, b| {
                    let sa = shortfall.get(*a).copied().unwrap_or(i128::MIN);
                    let sb = shortfall.get(*b).copied().unwrap_or(i128::MIN);
                    sa.cmp(&sb).then(b.cmp(a))
                });
            let Some(i) = best else {
                return Err(AllocationError::Unreachable {
                    left: paise_text(left),
                });
            };
            let q = self.step(i);
            let s = shortfall.get(i).copied().unwrap_or(0);
            let steps_owed = s / q.saturating_mul(all_weight).max(1);
            let steps = steps_owed.clamp(1, left / q);
            let add = steps * q;
            if let Some(p) = parts.get_mut(i) {
                *p += add;
            }
            if let Some(s) = shortfall.get_mut(i) {
                *s = s.saturating_sub(add.saturating_mul(all_weight));
            }
            left -= add;
        }
        Ok(())
    }
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn paise_text(paise: i128) -> String {
    i64::try_from(paise)
        .ok()
        .and_then(|p| Money::from_paise(p).ok())
        .map_or_else(
            || "an amount above the largest".to_owned(),
            Money::format_inr,
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(id: &str, w: &str, min: i64, multiple: i64) -> FundSlot {
        FundSlot {
            id: id.to_owned(),
            weight: w.parse().unwrap(),
            min_amount: Money::from_rupees(min).unwrap(),
            multiple: Money::from_rupees(multiple).unwrap(),
        }
    }

    fn rupees(amount: i64, funds: &[FundSlot]) -> Result<Vec<i64>, String> {
        split_amount(Money::from_rupees(amount).unwrap(), funds)
            .map(|v| v.into_iter().map(|f| f.amount.paise() / 100).collect())
            .map_err(|e| format!("{}: {e}", e.code()))
    }

    #[test]
    fn proportional_within_steps() {
        assert_eq!(
            rupees(
                10_000,
                &[slot("a", "60", 500, 100), slot("b", "40", 500, 100)]
            ),
            Ok(vec![6000, 4000])
        );
        assert_eq!(
            rupees(
                1_000,
                &[
                    slot("a", "1", 0, 1),
                    slot("b", "1", 0, 1),
                    slot("c", "1", 0, 1)
                ]
            ),
            Ok(vec![334, 333, 333])
        );
        // A small share is lifted to its minimum and the others give way.
        assert_eq!(
            rupees(
                5_000,
                &[slot("a", "90", 500, 100), slot("b", "10", 1000, 100)]
            ),
            Ok(vec![4000, 1000])
        );
        // Zero weight: nothing, and its minimum does not count.
        assert_eq!(
            rupees(
                2_000,
                &[slot("a", "1", 500, 100), slot("b", "0", 5000, 100)]
            ),
            Ok(vec![2000, 0])
        );
    }

    #[test]
    fn refusals_say_why() {
        let e = rupees(
            1_000,
            &[
                slot("a", "1", 500, 100),
                slot("b", "1", 500, 100),
                slot("c", "1", 500, 100),
            ],
        )
        .unwrap_err();
        assert_eq!(
            e,
            "split_below_minimum: amount: giving each of the 3 funds its minimum needs at least ₹1,500.00, ₹500.00 more than the amount"
        );
        let e = rupees(1_050, &[slot("a", "1", 500, 100), slot("b", "1", 500, 100)]).unwrap_err();
        assert!(
            e.starts_with("split_not_multiple: amount: must be a multiple of ₹100.00"),
            "{e}"
        );
        let e = rupees(900, &[slot("a", "1", 300, 300), slot("b", "1", 500, 500)]).unwrap_err();
        assert!(e.starts_with("split_unreachable"), "{e}");
        assert!(rupees(0, &[slot("a", "1", 0, 1)])
            .unwrap_err()
            .starts_with("allocation_not_positive"));
        assert!(rupees(10, &[]).unwrap_err().starts_with("allocation_empty"));
        assert!(rupees(10, &[slot("a", "0", 0, 1)])
            .unwrap_err()
            .starts_with("allocation_zero_weights"));
        assert!(rupees(10, &[slot("a", "1", 0, 0)])
            .unwrap_err()
            .starts_with("allocation_invalid: funds[0].multiple"));
        assert!(rupees(10, &[slot("a", "1", 0, 1), slot("a", "1", 0, 1)])
            .unwrap_err()
            .starts_with("allocation_duplicate"));
        assert!(rupees(10, &[slot("a", "1000000", 0, 1)])
            .unwrap_err()
            .starts_with("allocation_invalid: funds[0].weight"));
    }

    #[test]
    fn mixed_steps_reach_the_amount() {
        // ₹1 steps absorb what ₹1,000 steps cannot.
        let got = rupees(
            2_345,
            &[slot("a", "50", 1000, 1000), slot("b", "50", 100, 1)],
        )
        .unwrap();
        assert_eq!(got.iter().sum::<i64>(), 2_345);
        assert_eq!(got[0] % 1000, 0);
    }
}
