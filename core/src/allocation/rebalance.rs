//! Rebalancing holdings toward a target, exactly.

use serde::{Deserialize, Serialize};

use super::error::shown;
use super::split::MAX_FUNDS;
use super::AllocationError;
use crate::exact::{decimal, div_half_even};
use crate::money::{allocate, Decimal, Money, Percent};

/// A fund and an amount: a current holding, or a holding after the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The fund's identifier (1–100 characters, unique).
    pub id: String,
    /// Its current market value (zero or more).
    pub value: Money,
}

/// Buy or sell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TradeSide {
    /// Put money into the fund.
    Buy,
    /// Take money out of the fund.
    Sell,
}

/// One trade of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trade {
    /// The fund's identifier.
    pub id: String,
    /// Buy or sell.
    pub side: TradeSide,
    /// How much (always greater than zero).
    pub amount: Money,
}

/// How [`rebalance`] works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RebalanceOptions {
    /// A holding may drift this many percentage points from its target before the
    /// portfolio is rebalanced (default 5.00).
    pub drift_band: Percent,
    /// Only buy with new money; never sell (default false).
    pub buy_only: bool,
    /// Money added now (default ₹0).
    pub new_money: Money,
}

impl Default for RebalanceOptions {
    fn default() -> Self {
        RebalanceOptions {
            drift_band: Percent::from_hundredths_const(500),
            buy_only: false,
            new_money: Money::ZERO,
        }
    }
}

/// The result of [`rebalance`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RebalancePlan {
    /// The trades, in the order of the funds (holdings first, then new target funds).
    pub trades: Vec<Trade>,
    /// Every fund's value after the trades, same order.
    pub after: Vec<Position>,
    /// Holdings plus new money: what `after` sums to.
    pub total: Money,
    /// Whether any holding was further than the drift band from its target.
    pub out_of_band: bool,
    /// The largest drift before, in percentage points (2 decimals, half-even).
    #[serde(with = "crate::exact::decimal_serde")]
    pub max_drift_before: Decimal,
    /// The largest drift after, in percentage points (2 decimals, half-even).
    #[serde(with = "crate::exact::decimal_serde")]
    pub max_drift_after: Decimal,
}

/// Plans trades from `holdings` toward `target` (fund id → percent, summing to exactly
/// 100.00; a held fund missing from the target has target 0 %).
///
/// Target amounts are the total (holdings + new money) split by the target percents with
/// [`allocate`] (exact, largest remainder). Full mode: when any holding drifts beyond
/// the band, or there is new money, every fund moves to its target amount; otherwise
/// nothing trades. Buy-only mode: new money goes first to the funds below their target
/// amount (in proportion to how far below, when it cannot cover them all) and any rest
/// by the target percents; nothing is sold. Either way money is conserved to the paisa:
/// Σ buys − Σ sells = new money, and `after` sums to `total`.
///
/// ```
/// use sparrow_core::allocation::{rebalance, Position, RebalanceOptions};
/// use sparrow_core::money::{parse_money, Percent};
/// let holdings = [Position { id: "eq".into(), value: parse_money("70000").unwrap() },
///                 Position { id: "debt".into(), value: parse_money("30000").unwrap() }];
/// let target = [("eq".to_string(), "60".parse::<Percent>().unwrap()),
///               ("debt".to_string(), "40".parse::<Percent>().unwrap())];
/// let plan = rebalance(&holdings, &target, RebalanceOptions::default()).unwrap();
/// assert!(plan.out_of_band);
/// assert_eq!(plan.trades[0].amount, parse_money("10000").unwrap()); // sell ₹10,000 equity
/// ```
pub fn rebalance(
    holdings: &[Position],
    target: &[(String, Percent)],
    options: RebalanceOptions,
) -> Result<RebalancePlan, AllocationError> {
    check_inputs(holdings, target, &options)?;
    let (ids, current, targets) = line_up(holdings, target);
    let held: i128 = current.iter().sum();
    let total_paise = held.saturating_add(i128::from(options.new_money.paise()));
    let total = i64::try_from(total_paise)
        .ok()
        .and_then(|p| Money::from_paise(p).ok())
        .ok_or(AllocationError::Overflow { field: "holdings" })?;
    if total.is_zero() {
        return Err(AllocationError::NothingToRebalance);
    }
    let band = i128::from(options.drift_band.minor());
    let out_of_band = held > 0
        && current.iter().zip(&targets).any(|(v, t)| {
            // |v/held×100 − t| > band, in hundredths: |v×10⁴ − t×held| > band×held
            (v * 10_000 - i128::from(*t) * held).abs() > band * held
        });
    let weights: Vec<Decimal> = targets.iter().map(|t| Decimal::new(*t, 2)).collect();
    let desired: Vec<i128> = allocate(total, &weights)
        .map_err(|_| AllocationError::Overflow { field: "holdings" })?
        .into_iter()
        .map(|m| i128::from(m.paise()))
        .collect();
    let new_money = i128::from(options.new_money.paise());
    let after: Vec<i128> = if options.buy_only && new_money > 0 {
        let buys = buy_only(&desired, &current, &weights, options.new_money)?;
        current.iter().zip(buys).map(|(v, b)| v + b).collect()
    } else if !options.buy_only && (out_of_band || new_money > 0) {
        desired
    } else {
        current.clone()
    };
    let (trades, positions) = trades_between(&ids, &current, &after)?;
    Ok(RebalancePlan {
        trades,
        after: positions,
        total,
        out_of_band,
        max_drift_before: max_drift(&current, &targets),
        max_drift_after: max_drift(&after, &targets),
    })
}

/// Phase 1: bounded, unique ids, no negative value or new money, targets summing to
/// exactly 100.00 %.
fn check_inputs(
    holdings: &[Position],
    target: &[(String, Percent)],
    options: &RebalanceOptions,
) -> Result<(), AllocationError> {
    if holdings.len().saturating_add(target.len()) > MAX_FUNDS {
        return Err(AllocationError::TooMany {
            field: "holdings",
            max: MAX_FUNDS,
        });
    }
    check_ids(holdings.iter().map(|p| p.id.as_str()), "holdings")?;
    check_ids(target.iter().map(|(id, _)| id.as_str()), "target")?;
    for (i, p) in holdings.iter().enumerate() {
        if p.value.is_negative() {
            return Err(AllocationError::Invalid {
                field: format!("holdings[{i}].value"),
                rule: "must not be negative",
            });
        }
    }
    if options.new_money.is_negative() {
        return Err(AllocationError::Invalid {
            field: "new_money".to_owned(),
            rule: "must not be negative",
        });
    }
    if target.is_empty() {
        return Err(AllocationError::Empty { field: "target" });
    }
    let target_sum: i64 = target.iter().map(|(_, p)| p.minor()).sum();
    if target_sum != Percent::HUNDRED.minor() {
        return Err(AllocationError::Sum {
            field: "target",
            actual: super::hundredths_text(target_sum),
        });
    }
    Ok(())
}

/// Phase 2: the funds (holdings in order, then target funds not held) with their
/// current values in paise and target percents in hundredths.
fn line_up<'a>(
    holdings: &'a [Position],
    target: &'a [(String, Percent)],
) -> (Vec<&'a str>, Vec<i128>, Vec<i64>) {
    // The funds: holdings in order, then target funds not held.
    let mut ids: Vec<&str> = holdings.iter().map(|p| p.id.as_str()).collect();
    for (id, _) in target {
        if !ids.contains(&id.as_str()) {
            ids.push(id);
        }
    }
    let value_of = |id: &str| -> i128 {
        holdings
            .iter()
            .find(|p| p.id == id)
            .map_or(0, |p| i128::from(p.value.paise()))
    };
    let target_of = |id: &str| -> i64 {
        target
            .iter()
            .find(|(t, _)| t == id)
            .map_or(0, |(_, p)| p.minor())
    };
    let current: Vec<i128> = ids.iter().map(|id| value_of(id)).collect();
    let targets: Vec<i64> = ids.iter().map(|id| target_of(id)).collect();
    (ids, current, targets)
}

/// Buy-only with new money: each fund's purchase in paise — first what brings it up to
/// its desired value; if the money covers every deficit, the rest is spread by the target
/// weights, otherwise the money is shared by the deficits.
fn buy_only(
    desired: &[i128],
    current: &[i128],
    weights: &[Decimal],
    new_money: Money,
) -> Result<Vec<i128>, AllocationError> {
    let deficits: Vec<i128> = desired
        .iter()
        .zip(current)
        .map(|(d, v)| (d - v).max(0))
        .collect();
    let short: i128 = deficits.iter().sum();
    let money = i128::from(new_money.paise());
    Ok(if short <= money {
        let rest = Money::from_paise(i64::try_from(money - short).unwrap_or(0))
            .map_err(|_| AllocationError::Overflow { field: "new_money" })?;
        let extra = allocate(rest, weights)
            .map_err(|_| AllocationError::Overflow { field: "new_money" })?;
        deficits
            .iter()
            .zip(extra)
            .map(|(d, e)| d + i128::from(e.paise()))
            .collect()
    } else {
        let dw: Vec<Decimal> = deficits
            .iter()
            .map(|d| Decimal::new(i64::try_from(*d).unwrap_or(0), 2))
            .collect();
        allocate(new_money, &dw)
            .map_err(|_| AllocationError::Overflow { field: "new_money" })?
            .into_iter()
            .map(|m| i128::from(m.paise()))
            .collect()
    })
}

/// Phase 3: the trades from the current to the new values (buys and sells in fund
/// order) and the positions after them.
fn trades_between(
    ids: &[&str],
    current: &[i128],
    after: &[i128],
) -> Result<(Vec<Trade>, Vec<Position>), AllocationError> {
    let mut trades = Vec::new();
    let mut positions = Vec::with_capacity(ids.len());
    for ((id, before), now) in ids.iter().zip(current).zip(after) {
        let delta = now - before;
        let amount = |p: i128| {
            Money::from_paise(i64::try_from(p).unwrap_or(i64::MAX))
                .map_err(|_| AllocationError::Overflow { field: "holdings" })
        };
        if delta != 0 {
            trades.push(Trade {
                id: (*id).to_owned(),
                side: if delta > 0 {
                    TradeSide::Buy
                } else {
                    TradeSide::Sell
                },
                amount: amount(delta.abs())?,
            });
        }
        positions.push(Position {
            id: (*id).to_owned(),
            value: amount(*now)?,
        });
    }
    Ok((trades, positions))
}

/// The largest |value share − target| in percentage points, 2 decimals half-even.
fn max_drift(values: &[i128], targets: &[i64]) -> Decimal {
    let sum: i128 = values.iter().sum();
    if sum == 0 {
        return decimal(i128::from(targets.iter().copied().max().unwrap_or(0)), 2);
    }
    let worst = values
        .iter()
        .zip(targets)
        .map(|(v, t)| div_half_even((v * 10_000 - i128::from(*t) * sum).abs(), sum))
        .max()
        .unwrap_or(0);
    decimal(worst, 2)
}

fn check_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    field: &'static str,
) -> Result<(), AllocationError> {
    let mut seen: Vec<&str> = Vec::new();
    for (i, id) in ids.enumerate() {
        if id.is_empty() || id.chars().count() > 100 {
            return Err(AllocationError::Invalid {
                field: format!("{field}[{i}].id"),
                rule: "must be 1 to 100 characters",
            });
        }
        if seen.contains(&id) {
            return Err(AllocationError::Duplicate {
                field,
                name: shown(id),
            });
        }
        seen.push(id);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(id: &str, rupees: i64) -> Position {
        Position {
            id: id.to_owned(),
            value: Money::from_rupees(rupees).unwrap(),
        }
    }
    fn tgt(id: &str, p: &str) -> (String, Percent) {
        (id.to_owned(), p.parse().unwrap())
    }
    fn opts(band: &str, buy_only: bool, new_money: i64) -> RebalanceOptions {
        RebalanceOptions {
            drift_band: band.parse().unwrap(),
            buy_only,
            new_money: Money::from_rupees(new_money).unwrap(),
        }
    }

    #[test]
    fn within_band_nothing_trades() {
        let plan = rebalance(
            &[pos("a", 62), pos("b", 38)],
            &[tgt("a", "60"), tgt("b", "40")],
            opts("5", false, 0),
        )
        .unwrap();
        assert!(!plan.out_of_band);
        assert!(plan.trades.is_empty());
        assert_eq!(plan.max_drift_before.to_string(), "2.00");
    }

    #[test]
    fn full_rebalance_and_new_funds() {
        let plan = rebalance(
            &[pos("a", 100)],
            &[tgt("a", "50"), tgt("b", "50")],
            opts("5", false, 0),
        )
        .unwrap();
        assert_eq!(plan.trades.len(), 2);
        assert_eq!(plan.trades[0].side, TradeSide::Sell);
        assert_eq!(
            plan.trades[1],
            Trade {
                id: "b".into(),
                side: TradeSide::Buy,
                amount: Money::from_rupees(50).unwrap()
            }
        );
        assert_eq!(plan.max_drift_after.to_string(), "0.00");
    }

    #[test]
    fn buy_only_never_sells() {
        let plan = rebalance(
            &[pos("a", 80), pos("b", 20)],
            &[tgt("a", "50"), tgt("b", "50")],
            opts("5", true, 10),
        )
        .unwrap();
        assert!(plan.trades.iter().all(|t| t.side == TradeSide::Buy));
        assert_eq!(
            plan.trades,
            vec![Trade {
                id: "b".into(),
                side: TradeSide::Buy,
                amount: Money::from_rupees(10).unwrap()
            }]
        );
        let plan = rebalance(
            &[pos("a", 50), pos("b", 40)],
            &[tgt("a", "50"), tgt("b", "50")],
            opts("5", true, 30),
        )
        .unwrap();
        // Target 60/60: b needs 20, the other 10 is split 5/5.
        let amounts: Vec<i64> = plan.after.iter().map(|p| p.value.paise() / 100).collect();
        assert_eq!(amounts, [60, 60]);
    }

    #[test]
    fn refusals() {
        let code =
            |h: &[Position], t: &[(String, Percent)], o| rebalance(h, t, o).unwrap_err().code();
        assert_eq!(
            code(&[], &[tgt("a", "100")], opts("5", false, 0)),
            "rebalance_empty"
        );
        assert_eq!(
            code(&[pos("a", 1)], &[tgt("a", "99")], opts("5", false, 0)),
            "allocation_sum"
        );
        assert_eq!(
            code(
                &[pos("a", 1), pos("a", 1)],
                &[tgt("a", "100")],
                opts("5", false, 0)
            ),
            "allocation_duplicate"
        );
        assert_eq!(
            code(&[pos("a", -1)], &[tgt("a", "100")], opts("5", false, 0)),
            "allocation_invalid"
        );
        assert_eq!(
            code(&[pos("a", 1)], &[], opts("5", false, 0)),
            "allocation_empty"
        );
    }
}
