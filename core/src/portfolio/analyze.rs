//! portfolio-analyzer-v1 (domain.md §8.4–§8.9) in exact arithmetic.
//!
//! Amounts are exact in units of 10⁻⁷ rupee (`i128`): units (3 decimals) × NAV (4
//! decimals) is exact there, so a holding given by units is valued exactly. Fractions
//! are ratios in units of 10⁻¹² over the total. Every threshold is decided on the exact
//! ratio, and every returned figure is rounded once, half to even: amounts to the paisa,
//! fractions to 12 decimals, units down to 3 decimals.

use rust_decimal::Decimal;
use time::Date;

use super::error::{input, PortfolioError};
use super::funds::{FundData, FundTable, ASSET_CLASSES};
use super::output::*;
use super::request::PortfolioRequest;
use super::tax::{TaxRegime, TaxTable};
use crate::exact::{decimal, div_half_even, largest_remainder, to_scaled};
use crate::money::{Money, Nav, Units};

/// The model version reported with every analysis.
pub const MODEL_VERSION: &str = "portfolio-analyzer-v1";
/// The decimals of every returned fraction (weights, allocations, gaps).
pub const FRACTION_DECIMALS: u32 = 12;

const F: i128 = 1_000_000_000_000; // one whole in fraction units
const PCT: i128 = 10_000_000_000; // 1 % in fraction units

/// A fraction `num / den` in units of 10⁻¹² (`den` > 0).
#[derive(Debug, Clone, Copy)]
struct Frac {
    num: i128,
    den: i128,
}

impl Frac {
    fn of(part: i128, total: i128) -> Frac {
        if total > 0 {
            Frac {
                num: part.saturating_mul(F),
                den: total,
            }
        } else {
            Frac { num: 0, den: 1 }
        }
    }
    fn whole(units: i128) -> Frac {
        Frac { num: units, den: 1 }
    }
    /// Whether the fraction is above `k` (in 10⁻¹² units).
    fn gt(self, k: i128) -> bool {
        self.num > k.saturating_mul(self.den)
    }
    fn lt(self, k: i128) -> bool {
        self.num < k.saturating_mul(self.den)
    }
    fn abs(self) -> Frac {
        Frac {
            num: self.num.abs(),
            den: self.den,
        }
    }
    fn out(self) -> Decimal {
        decimal(div_half_even(self.num, self.den), FRACTION_DECIMALS)
    }
    /// The fraction × 100 with `dp` decimals (Python's `format(x * 100, ".{dp}f")`).
    fn percent_text(self, dp: u32) -> String {
        let den = self.den.saturating_mul(10i128.pow(10 - dp));
        fixed_text(div_half_even(self.num, den), dp)
    }
}

/// `mantissa × 10^-dp` with exactly `dp` decimals.
fn fixed_text(mantissa: i128, dp: u32) -> String {
    let sign = if mantissa < 0 { "-" } else { "" };
    let m = mantissa.unsigned_abs();
    if dp == 0 {
        return format!("{sign}{m}");
    }
    let p = 10u128.pow(dp);
    format!("{sign}{}.{:0width$}", m / p, m % p, width = dp as usize)
}

/// Whole rupees with Western thousands commas (`1,326,186`).
fn commas(rupees: i128) -> String {
    let digits = rupees.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if rupees < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// `need` in `n` parts that add up to it exactly (largest remainder, earlier
/// parts first).
fn equal_split(need: i128, n: usize) -> Vec<i128> {
    let n = i128::try_from(n).unwrap_or(i128::MAX);
    largest_remainder(&vec![need; usize::try_from(n).unwrap_or(0)], n, need)
}

/// 10⁻⁷ rupee per unit of an amount; a paisa is 10⁵ of them.
const PAISA: i128 = 100_000;
const RUPEE: i128 = 10_000_000;

fn of_money(m: Money) -> i128 {
    i128::from(m.paise()) * PAISA
}

/// An exact amount shown to the paisa (half to even).
fn money(q: i128) -> Decimal {
    decimal(paise(q), 2)
}

/// An exact amount in whole paise (half to even).
fn paise(q: i128) -> i128 {
    div_half_even(q, PAISA)
}

/// The units `amount` buys at `nav`, rounded down to 3 decimals.
fn units_of(amount: i128, nav: Nav) -> Option<Units> {
    let thousandths = amount.div_euclid(i128::from(nav.minor()));
    i64::try_from(thousandths)
        .ok()
        .and_then(|t| Units::from_minor(t).ok())
}

fn class_index(class: &str) -> Option<usize> {
    ASSET_CLASSES.iter().position(|c| *c == class)
}

#[derive(Debug)]
struct Lot<'a> {
    fund: Option<&'a FundData>,
    scheme_code: i64,
    scheme_name: String,
    category: String,
    class_shown: String,
    class_key: String,
    value: i128,
    units: Option<Units>,
    nav: Option<Nav>,
    days: Option<i64>,
    long_term: Option<bool>,
    regime: Option<(usize, &'a TaxRegime)>,
    purchase_date: Option<Date>,
    purchase_amount: Option<i128>,
    gain: Option<i128>,
}

impl Lot<'_> {
    fn metric(&self, pick: fn(&FundData) -> Option<Decimal>) -> Option<Decimal> {
        self.fund.and_then(pick)
    }
    /// The units an order of `amount` (10⁻⁷ rupee) is at the fund's NAV, rounded down;
    /// none without a positive NAV.
    fn order_units(&self, amount: i128) -> Result<Option<Decimal>, PortfolioError> {
        self.nav
            .map(|nav| {
                units_of(amount, nav).map(Units::as_decimal).ok_or_else(|| {
                    input(
                        "holdings",
                        "an order is more than 999999999999.999 units at the fund's NAV",
                    )
                })
            })
            .transpose()
    }

    /// An action on this lot: the lot's identity and value filled in, the rest blank.
    fn action(&self, action: ActionKind, priority: Priority, total: i128) -> RebalancingAction {
        RebalancingAction {
            scheme_code: self.scheme_code,
            scheme_name: self.scheme_name.clone(),
            category: self.category.clone(),
            current_value: money(self.value),
            current_weight: Frac::of(self.value, total).out(),
            ..blank(action, priority, &self.class_shown)
        }
    }

    fn tax_status(&self) -> Option<TaxStatus> {
        self.long_term
            .map(|l| if l { TaxStatus::Ltcg } else { TaxStatus::Stcg })
    }
}

fn value_lot<'a>(
    i: usize,
    h: &super::request::HoldingInput,
    funds: &'a FundTable,
    tax: &'a TaxTable,
    today: Date,
) -> Result<Lot<'a>, PortfolioError> {
    let field = |key: &str| format!("holdings[{i}].{key}");
    let Some(fund) = funds.get(h.scheme_code) else {
        // Unknown fund: value = amount if truthy; units and purchase data are dropped.
        let name = match h.scheme_name.as_deref() {
            Some(n) if !n.is_empty() => n.to_owned(),
            _ => format!("Unknown Fund ({})", h.scheme_code),
        };
        return Ok(Lot {
            fund: None,
            scheme_code: h.scheme_code,
            scheme_name: name,
            category: "Unknown".to_owned(),
            class_shown: "equity".to_owned(),
            class_key: "equity".to_owned(),
            value: h.amount.map_or(0, of_money),
            units: None,
            nav: None,
            days: None,
            long_term: None,
            regime: None,
            purchase_date: None,
            purchase_amount: None,
            gain: None,
        });
    };
    let nav = fund.positive_nav();
    let (value, units) = match (h.amount, h.units, nav) {
        (Some(amount), _, Some(nav)) => (
            of_money(amount),
            Some(units_of(of_money(amount), nav).ok_or_else(|| {
                input(
                    field("amount"),
                    "buys more than 999999999999.999 units at the fund's NAV",
                )
            })?),
        ),
        (Some(amount), _, None) => (of_money(amount), None),
        // units (10⁻³) × NAV (10⁻⁴) is exact in 10⁻⁷ rupee.
        (None, Some(units), Some(nav)) => (
            i128::from(units.minor()) * i128::from(nav.minor()),
            Some(units),
        ),
        _ => (0, None),
    };
    let class_shown = fund.effective_class().to_owned();
    let class_key = class_shown.to_lowercase();
    let (days, long_term, regime) = match h.purchase_date {
        Some(p) => {
            let regime = tax.regime_for(&class_key, today).ok_or_else(|| {
                super::error::tax_table(
                    "regimes",
                    format!("no regime is in effect on {today} for class {class_key}"),
                )
            })?;
            (
                Some((today - p).whole_days()),
                Some(regime.1.is_long_term(p, today)),
                Some(regime),
            )
        }
        None => (None, None, None),
    };
    let purchase_amount = h.purchase_amount.map(of_money);
    let gain = purchase_amount
        .filter(|_| value > 0)
        .map(|cost| value - cost);
    Ok(Lot {
        fund: Some(fund),
        scheme_code: h.scheme_code,
        scheme_name: fund.scheme_name.clone(),
        category: fund.category.clone(),
        class_shown,
        class_key,
        value,
        units,
        nav,
        days,
        long_term,
        regime,
        purchase_date: h.purchase_date,
        purchase_amount,
        gain,
    })
}

/// An action with nothing filled in but its kind, priority and class.
fn blank(action: ActionKind, priority: Priority, asset_class: &str) -> RebalancingAction {
    RebalancingAction {
        action,
        priority,
        scheme_code: 0,
        scheme_name: String::new(),
        category: String::new(),
        asset_class: asset_class.to_owned(),
        current_value: Decimal::ZERO,
        current_weight: Decimal::ZERO,
        current_units: None,
        target_value: Decimal::ZERO,
        target_weight: Decimal::ZERO,
        transaction_amount: Decimal::ZERO,
        transaction_units: None,
        tax_status: None,
        holding_period_days: None,
        estimated_gain: None,
        tax_note: None,
        reason: String::new(),
        amount_p: 0,
        gain_q: None,
        order_key: (0, 1),
        regime: None,
    }
}

fn priority(gap: Frac, lot_weight: Option<Frac>) -> Priority {
    let w = |k: i128| lot_weight.is_some_and(|w| w.gt(k));
    if gap.gt(15 * PCT) || w(40 * PCT) {
        Priority::High
    } else if gap.gt(5 * PCT) || w(35 * PCT) {
        Priority::Medium
    } else {
        Priority::Low
    }
}

/// The ADD_NEW score × 6,000,000 (exact integers; §8.6's terms).
fn score(f: &FundData) -> i128 {
    let positive = |d: Option<Decimal>| {
        d.filter(|d| d.is_sign_positive() && !d.is_zero())
            .and_then(|d| to_scaled(d, 4))
    };
    let mut s = 0i128;
    if let Some(sharpe) = positive(f.sharpe_ratio) {
        s += (90 * sharpe).min(1_800_000);
    }
    if let Some(r3) = positive(f.return_3y) {
        s += (6 * r3).min(1_800_000);
    }
    if let Some(exp) = positive(f.expense_ratio) {
        s += (1_200_000 - 60 * exp).max(0);
    }
    if let Some(vol) = positive(f.volatility) {
        s += (1_200_000 - 4 * vol).max(0);
    }
    s
}

fn month_abbrev(m: time::Month) -> &'static str {
    use time::Month::*;
    match m {
        January => "Jan",
        February => "Feb",
        March => "Mar",
        April => "Apr",
        May => "May",
        June => "Jun",
        July => "Jul",
        August => "Aug",
        September => "Sep",
        October => "Oct",
        November => "Nov",
        December => "Dec",
    }
}

fn capitalised(c: &str) -> String {
    let mut chars = c.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Analyses a portfolio (domain.md §8) against `funds`, with the tax regime `tax`
/// gives for each lot's class on `today`.
///
/// The rules are today's service's, in exact arithmetic: where the float service and
/// exact arithmetic disagree the exact answer is given (docs/decisions.md lists each
/// difference), and a valid portfolio always gets an answer. An empty holdings list gives
/// today's all-zero answer (the HTTP layer refuses it; [`super::analyze_portfolio_value`]
/// does too).
pub fn analyze_portfolio(
    request: &PortfolioRequest,
    funds: &FundTable,
    tax: &TaxTable,
    today: Date,
) -> Result<PortfolioAnalysis, PortfolioError> {
    let lots = request
        .holdings
        .iter()
        .enumerate()
        .map(|(i, h)| value_lot(i, h, funds, tax, today))
        .collect::<Result<Vec<_>, _>>()?;
    let total: i128 = lots.iter().map(|l| l.value).sum();
    if total > of_money(Money::MAX) {
        return Err(input(
            "holdings",
            "the portfolio's total value must be at most 999999999999.99 rupees",
        ));
    }
    let target12: Vec<i128> = request
        .target
        .0
        .iter()
        .map(|t| to_scaled(*t, FRACTION_DECIMALS).unwrap_or_default())
        .collect();
    let mut class_value = [0i128; 6];
    for lot in &lots {
        if let Some(c) = class_index(&lot.class_key) {
            if let Some(slot) = class_value.get_mut(c) {
                *slot += lot.value;
            }
        }
    }
    let current: Vec<Frac> = class_value.iter().map(|v| Frac::of(*v, total)).collect();
    // gap = v/T − t = (v·10¹² − t·T) / T in fraction units; with T = 0 it is −t.
    let gaps: Vec<Frac> = class_value
        .iter()
        .zip(&target12)
        .map(|(v, t)| {
            if total > 0 {
                Frac {
                    num: v * F - t * total,
                    den: total,
                }
            } else {
                Frac::whole(-t)
            }
        })
        .collect();
    let class_map = |fracs: &[Frac]| {
        ClassFractions(std::array::from_fn(|i| {
            fracs.get(i).map_or(Decimal::ZERO, |f| f.out())
        }))
    };

    // Holdings.
    let holdings: Vec<AnalyzedHolding> = lots
        .iter()
        .map(|l| AnalyzedHolding {
            scheme_code: l.scheme_code,
            scheme_name: l.scheme_name.clone(),
            category: l.category.clone(),
            asset_class: l.class_shown.clone(),
            current_value: money(l.value),
            weight: Frac::of(l.value, total).out(),
            units: l.units.map(Units::as_decimal),
            nav: l.fund.and_then(|f| f.nav),
            return_1y: l.metric(|f| f.return_1y),
            return_3y: l.metric(|f| f.return_3y),
            volatility: l.metric(|f| f.volatility),
            sharpe_ratio: l.metric(|f| f.sharpe_ratio),
            holding_period_days: l.days,
            tax_status: l.tax_status(),
            purchase_amount: l.purchase_amount.map(money),
            unrealized_gain: l.gain.map(money),
        })
        .collect();

    // Metrics.
    let with_returns = lots
        .iter()
        .filter(|l| l.metric(|f| f.return_1y).is_some() || l.metric(|f| f.return_3y).is_some())
        .count();
    let weighted = |pick: fn(&FundData) -> Option<Decimal>| -> Option<Decimal> {
        if with_returns == 0 {
            return None;
        }
        let sum: i128 = lots
            .iter()
            .filter_map(|l| {
                l.metric(pick)
                    .and_then(|m| to_scaled(m, 4))
                    .map(|m| m * l.value)
            })
            .sum();
        Some(decimal(div_half_even(sum, total.saturating_mul(100)), 2))
    };
    let mut categories: Vec<CategoryShare> = Vec::new();
    let mut category_value: Vec<i128> = Vec::new();
    for lot in &lots {
        match categories.iter().position(|c| c.category == lot.category) {
            Some(i) => {
                if let (Some(c), Some(p)) = (categories.get_mut(i), category_value.get_mut(i)) {
                    c.count += 1;
                    *p += lot.value;
                }
            }
            None => {
                categories.push(CategoryShare {
                    category: lot.category.clone(),
                    allocation: Decimal::ZERO,
                    count: 1,
                    value: Decimal::ZERO,
                });
                category_value.push(lot.value);
            }
        }
    }
    for (c, p) in categories.iter_mut().zip(&category_value) {
        c.allocation = Frac::of(*p, total).out();
        c.value = money(*p);
    }
    let current_metrics = CurrentMetrics {
        total_value: money(total),
        total_holdings: lots.len(),
        weighted_return_1y: weighted(|f| f.return_1y),
        weighted_return_3y: weighted(|f| f.return_3y),
        weighted_volatility: weighted(|f| f.volatility),
        weighted_sharpe: weighted(|f| f.sharpe_ratio),
        category_breakdown: categories,
    };

    // Step 1: SELL and HOLD.
    let mut actions: Vec<RebalancingAction> = Vec::new();
    let order = |pick: &dyn Fn(Frac) -> bool, descending: bool| -> Vec<usize> {
        let mut classes: Vec<usize> = (0..6)
            .filter(|&c| gaps.get(c).is_some_and(|g| pick(*g)))
            .collect();
        // Every gap shares one denominator, so numerators order them.
        classes.sort_by_key(|&c| {
            let n = gaps.get(c).map_or(0, |g| g.num);
            if descending {
                -n
            } else {
                n
            }
        });
        classes
    };
    let class_name = |c: usize| ASSET_CLASSES.get(c).copied().unwrap_or("equity");
    for c in order(&|g| g.gt(PCT), true) {
        let name = class_name(c);
        let gap = gaps.get(c).copied().unwrap_or(Frac::whole(0));
        let mut class_lots: Vec<&Lot> = lots.iter().filter(|l| l.class_key == name).collect();
        if class_lots.is_empty() {
            continue;
        }
        class_lots.sort_by_key(|l| {
            (
                l.gain.is_none_or(|g| g >= 0),
                l.long_term != Some(true),
                -l.value,
            )
        });
        let need = div_half_even(gap.num, F);
        if need <= 0 {
            continue;
        }
        let mut remaining = need;
        for lot in class_lots {
            if remaining <= 0 {
                break;
            }
            let sell = lot.value.min(remaining);
            // The order is in whole paise; the lot's value after it is the value shown
            // less the order, so the three figures agree to the paisa.
            let sell_p = paise(sell);
            let target_value = lot.value - sell;
            let gain_q = lot.purchase_amount.map(|_| {
                let g = lot.gain.unwrap_or(0);
                if lot.value == 0 {
                    0
                } else {
                    div_half_even(g * sell, lot.value)
                }
            });
            let estimated_gain = gain_q.map(money);
            let days_left = match (lot.days, lot.purchase_date, lot.regime) {
                (Some(d), Some(p), Some((_, r))) if d != 0 && lot.long_term == Some(false) => {
                    r.days_to_long_term(p, today)
                }
                _ => None,
            };
            let hold = days_left.filter(|left| *left < 90 && sell * 2 < need);
            let base = RebalancingAction {
                target_value: decimal(paise(lot.value) - sell_p, 2),
                target_weight: Frac::of(target_value, total).out(),
                transaction_amount: decimal(-sell_p, 2),
                tax_status: lot.tax_status(),
                holding_period_days: lot.days,
                estimated_gain,
                amount_p: sell_p,
                gain_q,
                order_key: (sell.saturating_mul(F), 1),
                regime: lot.regime.map(|(i, _)| i),
                ..lot.action(ActionKind::Sell, Priority::Low, total)
            };
            match hold {
                Some(left) => {
                    let first = today.replace_day(1).unwrap_or(today);
                    let when = first
                        .checked_add(time::Duration::days(left + 30))
                        .unwrap_or(first);
                    actions.push(RebalancingAction {
                        action: ActionKind::Hold,
                        tax_note: Some(format!(
                            "STCG: Consider holding till {} {} for LTCG",
                            month_abbrev(when.month()),
                            when.year()
                        )),
                        reason: format!(
                            "Recently purchased ({} days); defer sale if possible for LTCG treatment",
                            lot.days.unwrap_or_default()
                        ),
                        ..base
                    });
                }
                None => {
                    remaining -= sell;
                    let tax_note = match (lot.tax_status(), lot.regime) {
                        (None, _) | (_, None) => None,
                        _ if lot.gain.is_some_and(|g| g < 0) => {
                            Some("Tax-loss harvesting opportunity".to_owned())
                        }
                        (Some(TaxStatus::Ltcg), Some((_, r))) => Some(r.ltcg_note()),
                        (Some(TaxStatus::Stcg), Some((_, r))) => Some(r.stcg_note()),
                    };
                    let units = lot.order_units(sell)?;
                    actions.push(RebalancingAction {
                        priority: priority(gap, Some(Frac::of(lot.value, total))),
                        transaction_units: units,
                        tax_note,
                        reason: format!(
                            "Reduce {name} overweight ({}%); {} eligible",
                            gap.percent_text(1),
                            lot.tax_status().map_or("Unknown", TaxStatus::as_str)
                        ),
                        ..base
                    });
                }
            }
        }
    }

    // Step 2: BUY and ADD_NEW.
    for c in order(&|g| g.lt(-PCT), false) {
        let name = class_name(c);
        let gap = gaps.get(c).copied().unwrap_or(Frac::whole(0));
        // The exact need, and the need in whole paise that the orders split from it to
        // the paisa; weights are of the exact amounts (so never above 1), amounts of the
        // paise.
        let need_q = if total > 0 {
            div_half_even(-gap.num, F)
        } else {
            0
        };
        let need = paise(need_q);
        if need <= 0 {
            continue;
        }
        let prio = priority(gap.abs(), None);
        let class_lots: Vec<&Lot> = lots.iter().filter(|l| l.class_key == name).collect();
        let target_pct = Frac::whole(target12.get(c).copied().unwrap_or_default());
        let empty = |action: ActionKind| blank(action, prio, name);
        if !class_lots.is_empty() {
            let shares = equal_split(need, class_lots.len());
            let parts = i128::try_from(class_lots.len()).unwrap_or(1);
            for (lot, share) in class_lots.iter().zip(shares) {
                actions.push(RebalancingAction {
                    target_value: decimal(paise(lot.value) + share, 2),
                    target_weight: Frac {
                        num: (lot.value * parts + need_q) * F,
                        den: total * parts,
                    }
                    .out(),
                    transaction_amount: decimal(share, 2),
                    transaction_units: lot.order_units(share * PAISA)?,
                    reason: format!("Increase {name} allocation (gap: {}%)", gap.percent_text(1)),
                    amount_p: share,
                    order_key: (-gap.num, parts),
                    ..lot.action(ActionKind::Buy, prio, total)
                });
            }
            continue;
        }
        let mut candidates: Vec<(&FundData, i128)> = funds
            .funds()
            .iter()
            .filter(|f| f.effective_class().to_lowercase() == name)
            .map(|f| (f, score(f)))
            .collect();
        candidates.sort_by_key(|(_, s)| -s);
        candidates.truncate(2);
        if candidates.is_empty() {
            actions.push(RebalancingAction {
                scheme_name: format!("Add {} Fund", capitalised(name)),
                category: capitalised(name),
                target_value: decimal(need, 2),
                target_weight: Frac::of(need_q, total).out(),
                transaction_amount: decimal(need, 2),
                reason: format!(
                    "Add {name} allocation (currently 0% vs target {}%)",
                    target_pct.percent_text(1)
                ),
                amount_p: need,
                order_key: (-gap.num, 1),
                ..empty(ActionKind::AddNew)
            });
            continue;
        }
        let shares = equal_split(need, candidates.len());
        let parts = i128::try_from(candidates.len()).unwrap_or(1);
        let cur = current.get(c).copied().unwrap_or(Frac::whole(0));
        for ((fund, _), share) in candidates.iter().zip(shares) {
            actions.push(RebalancingAction {
                scheme_code: fund.scheme_code,
                scheme_name: fund.scheme_name.clone(),
                category: fund.category.clone(),
                target_value: decimal(share, 2),
                target_weight: Frac {
                    num: need_q * F,
                    den: total * parts,
                }
                .out(),
                transaction_amount: decimal(share, 2),
                reason: format!(
                    "Add {name} allocation (currently {}% vs target {}%)",
                    cur.percent_text(1),
                    target_pct.percent_text(1)
                ),
                amount_p: share,
                order_key: (-gap.num, parts),
                ..empty(ActionKind::AddNew)
            });
        }
    }
    // Priority, then the exact amount (the class's unrounded need over its parts), so
    // parts that differ only by the paisa the split hands out keep generation order.
    actions.sort_by(|a, b| {
        a.priority.cmp(&b.priority).then_with(|| {
            let (an, ad) = a.order_key;
            let (bn, bd) = b.order_key;
            (bn.saturating_mul(ad)).cmp(&an.saturating_mul(bd))
        })
    });

    // Summary.
    let abs_sum: i128 = gaps.iter().map(|g| g.num.abs()).sum();
    let den = gaps.first().map_or(1, |g| g.den);
    // alignment = 1 − Σ|gap| / 2 = (2·den·10¹² − Σ|num|) / (2·den·10¹²)
    let two = 2 * den * F;
    let is_aligned = 20 * abs_sum <= 3 * two; // Σ|gap|/2 ≤ 0.15
    let alignment = div_half_even((two - abs_sum).max(0) * 100, two);
    let mut primary_issues = Vec::new();
    for c in 0..6 {
        let (Some(gap), Some(cur), Some(t)) = (gaps.get(c), current.get(c), target12.get(c)) else {
            continue;
        };
        if !gap.abs().gt(5 * PCT) {
            continue;
        }
        let name = class_name(c);
        let target_text = Frac::whole(*t).percent_text(0);
        primary_issues.push(if gap.num > 0 {
            format!("{}% {name} (target: {target_text}%)", cur.percent_text(0))
        } else if cur.num == 0 {
            format!("No {name} allocation")
        } else {
            format!(
                "Only {}% {name} (target: {target_text}%)",
                cur.percent_text(0)
            )
        });
    }
    primary_issues.truncate(5);
    let total_sell: i128 = actions
        .iter()
        .filter(|a| a.action == ActionKind::Sell)
        .map(|a| a.amount_p)
        .sum();
    let total_buy: i128 = actions
        .iter()
        .filter(|a| matches!(a.action, ActionKind::Buy | ActionKind::AddNew))
        .map(|a| a.amount_p)
        .sum();
    let mut notes = Vec::new();
    for (r, regime) in tax.regimes().iter().enumerate() {
        let gains = |status: TaxStatus| -> i128 {
            actions
                .iter()
                .filter(|a| {
                    a.action == ActionKind::Sell
                        && a.regime == Some(r)
                        && a.tax_status == Some(status)
                })
                .filter_map(|a| a.gain_q)
                .filter(|g| *g > 0)
                .sum()
        };
        let (l, s) = (gains(TaxStatus::Ltcg), gains(TaxStatus::Stcg));
        let exemption = to_scaled(regime.ltcg_exemption, 7).unwrap_or_default();
        let rate6 = |rate: Decimal| to_scaled(rate, 6).unwrap_or_default();
        if l > exemption {
            notes.push(format!(
                "Estimated INR {} LTCG tax (gains: INR {} above INR {}L exemption)",
                commas(div_half_even(
                    (l - exemption) * rate6(regime.ltcg_rate),
                    RUPEE * 1_000_000
                )),
                commas(div_half_even(l, RUPEE)),
                regime.exemption_lakh_text()
            ));
        }
        if s > 0 {
            notes.push(format!(
                "Estimated INR {} STCG tax (gains: INR {})",
                commas(div_half_even(
                    s * rate6(regime.stcg_rate),
                    RUPEE * 1_000_000
                )),
                commas(div_half_even(s, RUPEE))
            ));
        }
    }
    let tax_impact_summary = if notes.is_empty() {
        "No significant tax impact expected".to_owned()
    } else {
        notes.join("; ")
    };
    Ok(PortfolioAnalysis {
        request_id: request.request_id.clone(),
        current_allocation: class_map(&current),
        target_allocation: ClassFractions(request.target.0),
        allocation_gaps: class_map(&gaps),
        current_metrics,
        holdings,
        rebalancing_actions: actions,
        summary: AnalysisSummary {
            is_aligned,
            alignment_score: decimal(alignment, 2),
            primary_issues,
            total_sell_amount: decimal(total_sell, 2),
            total_buy_amount: decimal(total_buy, 2),
            net_transaction: decimal(total_buy - total_sell, 2),
            tax_impact_summary,
        },
        model_version: MODEL_VERSION.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn texts() {
        assert_eq!(fixed_text(-193, 1), "-19.3");
        assert_eq!(fixed_text(0, 1), "0.0");
        assert_eq!(fixed_text(5, 2), "0.05");
        assert_eq!(commas(1_326_186), "1,326,186");
        assert_eq!(commas(999), "999");
        assert_eq!(commas(1000), "1,000");
        assert_eq!(
            Frac {
                num: 125 * F / 10,
                den: 100
            }
            .percent_text(0),
            "12"
        );
        assert_eq!(capitalised("international"), "International");
    }
}
