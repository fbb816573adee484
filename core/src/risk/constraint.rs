//! Risk constraints as stored (risk_constraints) and checks of portfolios and strategies.

use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{category_class, RiskError};
use crate::asset::AssetClass;
use crate::exact::{decimal, json_decimal, to_scaled};
use crate::money::Percent;
use crate::money::{Decimal, Money};

/// What a risk constraint limits (`risk_constraints.constraintType`, domain.md §1).
/// Every value is in percent (0–100) or, for the score, points (0–100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConstraintType {
    /// Equity share of the portfolio at most this percent.
    MaxEquity,
    /// Debt share at least this percent.
    MinDebt,
    /// No single fund above this percent.
    MaxSingleFund,
    /// No single category (sector) above this percent.
    MaxSector,
    /// Liquid share at least this percent.
    MinLiquid,
    /// Weighted annualised volatility at most this percent.
    MaxVolatility,
    /// The volatility the optimiser aims at (a target, not a limit).
    TargetVolatility,
    /// The risk-v1 score the persona accepts (a target for `assess_risk`, not a limit on
    /// holdings).
    AcceptableRiskScore,
}

impl ConstraintType {
    /// Every type, in the order of domain.md §1.
    pub const ALL: [ConstraintType; 8] = [
        ConstraintType::MaxEquity,
        ConstraintType::MinDebt,
        ConstraintType::MaxSingleFund,
        ConstraintType::MaxSector,
        ConstraintType::MinLiquid,
        ConstraintType::MaxVolatility,
        ConstraintType::TargetVolatility,
        ConstraintType::AcceptableRiskScore,
    ];

    /// The stored spelling (`"max_equity"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            ConstraintType::MaxEquity => "max_equity",
            ConstraintType::MinDebt => "min_debt",
            ConstraintType::MaxSingleFund => "max_single_fund",
            ConstraintType::MaxSector => "max_sector",
            ConstraintType::MinLiquid => "min_liquid",
            ConstraintType::MaxVolatility => "max_volatility",
            ConstraintType::TargetVolatility => "target_volatility",
            ConstraintType::AcceptableRiskScore => "acceptable_risk_score",
        }
    }

    /// The type with this stored spelling; anything else is
    /// `constraint_unknown_type` — never ignored.
    pub fn parse(text: &str) -> Result<ConstraintType, RiskError> {
        ConstraintType::ALL
            .into_iter()
            .find(|t| t.as_str() == text)
            .ok_or_else(|| RiskError::UnknownConstraintType {
                name: text.chars().take(64).collect(),
            })
    }
}

impl fmt::Display for ConstraintType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One risk constraint: a known type and a value from 0 to 100 with at most 4 decimals
/// (the column is DECIMAL(10,4)).
///
/// ```
/// use sparrow_core::risk::RiskConstraint;
/// let c = RiskConstraint::new("max_equity", "35".parse().unwrap()).unwrap();
/// assert_eq!(c.kind().as_str(), "max_equity");
/// assert_eq!(RiskConstraint::new("max_cash", 1.into()).unwrap_err().code(), "constraint_unknown_type");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RiskConstraint {
    kind: ConstraintType,
    value: Decimal,
}

impl RiskConstraint {
    /// A constraint from its stored type and value.
    pub fn new(constraint_type: &str, value: Decimal) -> Result<RiskConstraint, RiskError> {
        let kind = ConstraintType::parse(constraint_type)?;
        RiskConstraint::of(kind, value)
    }

    /// A constraint of a known type.
    pub fn of(kind: ConstraintType, value: Decimal) -> Result<RiskConstraint, RiskError> {
        match to_scaled(value, 4) {
            Some(v) if (0..=1_000_000).contains(&v) => Ok(RiskConstraint {
                kind,
                value: decimal(v, 4).normalize(),
            }),
            _ => Err(RiskError::ConstraintValue),
        }
    }

    /// For the built-in tables, whose values are known to be in range.
    pub(crate) fn from_known(kind: ConstraintType, value: Decimal) -> RiskConstraint {
        RiskConstraint { kind, value }
    }

    /// The type.
    pub fn kind(&self) -> ConstraintType {
        self.kind
    }

    /// The value, in percent (or points for the score).
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// Reads a stored row `{"constraintType": "max_equity", "constraintValue": 35}`
    /// (also `constraint_type`/`constraint_value`); `id`, `strategyId`, `description`
    /// and `createdAt` are accepted and not used, other keys are refused.
    pub fn from_json_row(row: &Value) -> Result<RiskConstraint, RiskError> {
        let Value::Object(map) = row else {
            return Err(RiskError::ConstraintFormat {
                rule: "must be an object with constraintType and constraintValue",
            });
        };
        const KEYS: [&str; 8] = [
            "constraintType",
            "constraint_type",
            "constraintValue",
            "constraint_value",
            "id",
            "strategyId",
            "description",
            "createdAt",
        ];
        if map.keys().any(|k| !KEYS.contains(&k.as_str())) {
            return Err(RiskError::ConstraintFormat {
                rule: "has a key other than constraintType, constraintValue, id, strategyId, description, createdAt",
            });
        }
        let kind = match map
            .get("constraintType")
            .or_else(|| map.get("constraint_type"))
        {
            Some(Value::String(s)) => ConstraintType::parse(s)?,
            _ => {
                return Err(RiskError::ConstraintFormat {
                    rule: "constraintType must be a string",
                })
            }
        };
        let value = map
            .get("constraintValue")
            .or_else(|| map.get("constraint_value"))
            .and_then(json_decimal)
            .ok_or(RiskError::ConstraintValue)?;
        RiskConstraint::of(kind, value)
    }
}

impl Serialize for RiskConstraint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("RiskConstraint", 2)?;
        st.serialize_field("constraintType", self.kind.as_str())?;
        st.serialize_field("constraintValue", &self.value.to_string())?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for RiskConstraint {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        RiskConstraint::from_json_row(&v).map_err(serde::de::Error::custom)
    }
}

/// A holding of a portfolio, for [`check_constraints`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holding {
    /// The fund's identifier.
    pub id: String,
    /// Its SEBI category (`"Large Cap"`, `"Liquid"`, …), matched exactly.
    pub category: String,
    /// Its market value (zero or more).
    pub value: Money,
    /// Annualised volatility in percent; `None` counts as 15 (risk-v1's default).
    #[serde(with = "crate::exact::decimal_serde::option", default)]
    pub volatility: Option<Decimal>,
}

/// One broken constraint, and by how much.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// What was broken: a constraint type, or `allocation_sum` for a strategy whose
    /// components do not sum to 100 %.
    pub rule: &'static str,
    /// The fund id or category it is about, if it is about one.
    pub subject: Option<String>,
    /// The limit, in percent.
    #[serde(with = "crate::exact::decimal_serde")]
    pub limit: Decimal,
    /// The actual value, in percent (4 decimals, half-even).
    #[serde(with = "crate::exact::decimal_serde")]
    pub actual: Decimal,
    /// How far past the limit, in percentage points (4 decimals, rounded up so that a
    /// violation never shows 0).
    #[serde(with = "crate::exact::decimal_serde")]
    pub excess: Decimal,
    /// A sentence naming all of the above.
    pub message: String,
}

/// A constraint that a check could not evaluate, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotEvaluated {
    /// The constraint type.
    pub rule: &'static str,
    /// Why it was not evaluated.
    pub reason: &'static str,
}

/// The outcome of [`check_constraints`] or [`check_allocation`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ConstraintReport {
    /// Every broken constraint, in the order of the constraints.
    pub violations: Vec<Violation>,
    /// Constraints that are targets rather than limits, or that do not apply to what
    /// was checked — listed, never silently skipped.
    pub not_evaluated: Vec<NotEvaluated>,
}

impl ConstraintReport {
    /// Whether nothing was violated.
    pub fn passed(&self) -> bool {
        self.violations.is_empty()
    }
}

const DEFAULT_VOLATILITY_MICRO: i128 = 15_000_000;

/// Checks a portfolio against constraints. Shares are exact fractions of the total
/// value; categories are grouped by domain.md §6 (equity, debt; `Liquid` and `Money
/// Market` count as liquid); volatility is value-weighted, a missing one counting as
/// 15 %. `target_volatility` and `acceptable_risk_score` are targets, reported in
/// `not_evaluated`.
///
/// ```
/// use sparrow_core::risk::{check_constraints, Holding, RiskConstraint};
/// use sparrow_core::money::parse_money;
/// let h = |id: &str, cat: &str, v: &str| Holding { id: id.into(), category: cat.into(),
///     value: parse_money(v).unwrap(), volatility: None };
/// let report = check_constraints(
///     &[h("a", "Large Cap", "62500"), h("b", "Gilt", "37500")],
///     &[RiskConstraint::new("max_equity", "60".parse().unwrap()).unwrap()]).unwrap();
/// assert_eq!(report.violations[0].message,
///     "max_equity: equity is 62.5000% of the portfolio, 2.5000 points above the limit of 60%");
/// ```
pub fn check_constraints(
    holdings: &[Holding],
    constraints: &[RiskConstraint],
) -> Result<ConstraintReport, RiskError> {
    let mut total: i128 = 0;
    for (i, h) in holdings.iter().enumerate() {
        if h.value.is_negative() {
            return Err(RiskError::Input {
                field: format!("holdings[{i}].value"),
                rule: "must not be negative",
            });
        }
        if let Some(v) = h.volatility {
            if to_scaled(v, 6).is_none_or(|m| !(0..=1_000_000_000).contains(&m)) {
                return Err(RiskError::Input {
                    field: format!("holdings[{i}].volatility"),
                    rule: "must be a percent from 0 to 1000 with at most 6 decimals",
                });
            }
        }
        total = total.saturating_add(i128::from(h.value.paise()));
    }
    if total == 0 {
        return Err(RiskError::EmptyPortfolio);
    }
    let share_of = |pred: &dyn Fn(&Holding) -> bool| -> i128 {
        holdings
            .iter()
            .filter(|h| pred(h))
            .map(|h| i128::from(h.value.paise()))
            .sum()
    };
    let mut report = ConstraintReport::default();
    for c in constraints {
        let limit = c.value;
        match c.kind {
            ConstraintType::MaxEquity => {
                let part = share_of(&|h| category_class(&h.category) == Some(AssetClass::Equity));
                above(&mut report, c, "equity", None, part, total);
            }
            ConstraintType::MinDebt => {
                let part = share_of(&|h| category_class(&h.category) == Some(AssetClass::Debt));
                below(&mut report, c, "debt", part, total);
            }
            ConstraintType::MinLiquid => {
                let part = share_of(&|h| is_liquid(&h.category));
                below(&mut report, c, "liquid", part, total);
            }
            ConstraintType::MaxSingleFund => {
                for h in holdings {
                    above(
                        &mut report,
                        c,
                        "fund",
                        Some(&h.id),
                        i128::from(h.value.paise()),
                        total,
                    );
                }
            }
            ConstraintType::MaxSector => {
                let mut seen: Vec<&str> = Vec::new();
                for h in holdings {
                    if seen.contains(&h.category.as_str()) {
                        continue;
                    }
                    seen.push(&h.category);
                    let part = share_of(&|o| o.category == h.category);
                    above(&mut report, c, "category", Some(&h.category), part, total);
                }
            }
            ConstraintType::MaxVolatility => {
                // Σ value × vol (vol in 10⁻⁶ %) / total, compared with the limit.
                let weighted: i128 = holdings
                    .iter()
                    .map(|h| {
                        let vol = h
                            .volatility
                            .and_then(|v| to_scaled(v, 6))
                            .unwrap_or(DEFAULT_VOLATILITY_MICRO);
                        i128::from(h.value.paise()).saturating_mul(vol)
                    })
                    .sum();
                let limit_micro = to_scaled(limit, 6).unwrap_or(0);
                // actual % = weighted / total / 10⁶
                if weighted > limit_micro.saturating_mul(total) {
                    report.violations.push(violation(
                        c,
                        None,
                        "volatility".to_owned(),
                        (weighted, total.saturating_mul(1_000_000)),
                        true,
                    ));
                }
            }
            ConstraintType::TargetVolatility | ConstraintType::AcceptableRiskScore => {
                report.not_evaluated.push(NotEvaluated {
                    rule: c.kind.as_str(),
                    reason: "a target, not a limit on holdings",
                });
            }
        }
    }
    Ok(report)
}

/// Checks an allocation given as components (asset class, percent) against
/// constraints: the components must sum to exactly 100 % (rule `allocation_sum`), and
/// max_equity, min_debt and min_liquid are evaluated on the classes' totals. Fund-,
/// category- and volatility-level constraints and targets cannot be evaluated on an
/// allocation and are listed in `not_evaluated`.
/// [`check_strategy`](crate::allocation::check_strategy) checks a strategy with it.
///
/// ```
/// use sparrow_core::asset::AssetClass;
/// use sparrow_core::risk::{check_allocation, RiskConstraint};
/// let parts = [(AssetClass::Equity, "70".parse().unwrap()), (AssetClass::Debt, "30".parse().unwrap())];
/// let limit = [RiskConstraint::new("max_equity", "60".parse().unwrap()).unwrap()];
/// assert_eq!(check_allocation(&parts, &limit).violations[0].rule, "max_equity");
/// ```
pub fn check_allocation(
    percents: &[(AssetClass, Percent)],
    constraints: &[RiskConstraint],
) -> ConstraintReport {
    let mut report = ConstraintReport::default();
    let sum: i128 = percents.iter().map(|(_, p)| i128::from(p.minor())).sum();
    if sum != 10_000 {
        let diff = (sum - 10_000).abs();
        report.violations.push(Violation {
            rule: "allocation_sum",
            subject: None,
            limit: Decimal::from(100),
            actual: decimal(sum, 2),
            excess: decimal(diff, 2),
            message: format!(
                "allocation_sum: the components sum to {}%, not 100%",
                decimal(sum, 2)
            ),
        });
    }
    let class = |c: AssetClass| -> i128 {
        percents
            .iter()
            .filter(|(k, _)| *k == c)
            .map(|(_, p)| i128::from(p.minor()))
            .sum()
    };
    for c in constraints {
        match c.kind {
            ConstraintType::MaxEquity => above(&mut report, c, "equity", None, class(AssetClass::Equity), 10_000),
            ConstraintType::MinDebt => below(&mut report, c, "debt", class(AssetClass::Debt), 10_000),
            ConstraintType::MinLiquid => below(&mut report, c, "liquid", class(AssetClass::Liquid), 10_000),
            ConstraintType::MaxSingleFund
            | ConstraintType::MaxSector
            | ConstraintType::MaxVolatility => report.not_evaluated.push(NotEvaluated {
                rule: c.kind.as_str(),
                reason: "about funds, categories or volatility, which a strategy's components do not have",
            }),
            ConstraintType::TargetVolatility | ConstraintType::AcceptableRiskScore => {
                report.not_evaluated.push(NotEvaluated {
                    rule: c.kind.as_str(),
                    reason: "a target, not a limit on holdings",
                })
            }
        }
    }
    report
}

fn is_liquid(category: &str) -> bool {
    category == "Liquid" || category == "Money Market"
}

/// Records a violation when part/total × 100 > limit.
fn above(
    report: &mut ConstraintReport,
    c: &RiskConstraint,
    what: &str,
    subject: Option<&str>,
    part: i128,
    total: i128,
) {
    let limit = to_scaled(c.value, 4).unwrap_or(0);
    // part/total×100 > limit/10⁴  ⇔  part × 10⁶ > limit × total
    if part.saturating_mul(1_000_000) > limit.saturating_mul(total) {
        let label = match subject {
            Some(s) => format!("{what} {s:?}"),
            None => what.to_owned(),
        };
        report.violations.push(violation(
            c,
            subject.map(str::to_owned),
            label,
            (part.saturating_mul(100), total),
            true,
        ));
    }
}

/// Records a violation when part/total × 100 < limit.
fn below(report: &mut ConstraintReport, c: &RiskConstraint, what: &str, part: i128, total: i128) {
    let limit = to_scaled(c.value, 4).unwrap_or(0);
    if part.saturating_mul(1_000_000) < limit.saturating_mul(total) {
        report.violations.push(violation(
            c,
            None,
            what.to_owned(),
            (part.saturating_mul(100), total),
            false,
        ));
    }
}

/// `actual` is the exact ratio num/den in percent.
fn violation(
    c: &RiskConstraint,
    subject: Option<String>,
    label: String,
    (num, den): (i128, i128),
    is_max: bool,
) -> Violation {
    let limit4 = to_scaled(c.value, 4).unwrap_or(0);
    let actual4 = crate::exact::div_half_even(num.saturating_mul(10_000), den);
    // excess = |num/den − limit| rounded up to 10⁻⁴
    let diff_num = (num.saturating_mul(10_000) - limit4.saturating_mul(den)).abs();
    let excess4 = (diff_num + den - 1) / den.max(1);
    let actual = decimal(actual4, 4);
    let excess = decimal(excess4, 4);
    let (what, direction) = if is_max {
        ("above", "limit")
    } else {
        ("below", "minimum")
    };
    let portfolio = if c.kind == ConstraintType::MaxVolatility {
        ""
    } else {
        " of the portfolio"
    };
    Violation {
        rule: c.kind.as_str(),
        subject,
        limit: c.value,
        actual,
        excess,
        message: format!(
            "{}: {label} is {actual}%{portfolio}, {excess} points {what} the {direction} of {}%",
            c.kind.as_str(),
            c.value
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }
    fn h(id: &str, cat: &str, v: i64, vol: Option<&str>) -> Holding {
        Holding {
            id: id.into(),
            category: cat.into(),
            value: Money::from_rupees(v).unwrap(),
            volatility: vol.map(d),
        }
    }

    #[test]
    fn constraint_rows() {
        let c = RiskConstraint::from_json_row(
            &serde_json::json!({"constraintType": "min_debt", "constraintValue": 25.5}),
        )
        .unwrap();
        assert_eq!(c.value(), d("25.5"));
        let code = |v: Value| RiskConstraint::from_json_row(&v).unwrap_err().code();
        assert_eq!(
            code(serde_json::json!({"constraintType": "max_cash", "constraintValue": 1})),
            "constraint_unknown_type"
        );
        assert_eq!(
            code(serde_json::json!({"constraintType": "max_equity", "constraintValue": 100.5})),
            "constraint_value"
        );
        assert_eq!(
            code(serde_json::json!({"constraintType": "max_equity", "constraintValue": 1.00001})),
            "constraint_value"
        );
        assert_eq!(
            code(serde_json::json!({"constraintType": "max_equity", "constraintValue": true})),
            "constraint_value"
        );
        assert_eq!(
            code(serde_json::json!({"constraintType": "max_equity"})),
            "constraint_value"
        );
        assert_eq!(
            code(serde_json::json!({"constraintType": 1, "constraintValue": 1})),
            "constraint_format"
        );
        assert_eq!(
            code(serde_json::json!({"type": "max_equity", "constraintValue": 1})),
            "constraint_format"
        );
        assert_eq!(code(serde_json::json!([])), "constraint_format");
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(
            json,
            r#"{"constraintType":"min_debt","constraintValue":"25.5"}"#
        );
        assert_eq!(serde_json::from_str::<RiskConstraint>(&json).unwrap(), c);
    }

    #[test]
    fn portfolio_checks() {
        let all: Vec<RiskConstraint> = [
            ("max_equity", "60"),
            ("min_debt", "30"),
            ("max_single_fund", "40"),
            ("max_sector", "45"),
            ("min_liquid", "5"),
            ("max_volatility", "12"),
            ("target_volatility", "10"),
            ("acceptable_risk_score", "50"),
        ]
        .iter()
        .map(|(t, v)| RiskConstraint::new(t, d(v)).unwrap())
        .collect();
        let report = check_constraints(
            &[
                h("a", "Large Cap", 50, Some("18")),
                h("b", "Mid Cap", 20, None),
                h("c", "Gilt", 30, Some("4")),
            ],
            &all,
        )
        .unwrap();
        let rules: Vec<(&str, Option<&str>, String)> = report
            .violations
            .iter()
            .map(|v| (v.rule, v.subject.as_deref(), v.excess.to_string()))
            .collect();
        assert_eq!(
            rules,
            vec![
                ("max_equity", None, "10.0000".to_string()),
                ("max_single_fund", Some("a"), "10.0000".to_string()),
                ("max_sector", Some("Large Cap"), "5.0000".to_string()),
                ("min_liquid", None, "5.0000".to_string()),
                // (50×18 + 20×15 + 30×4)/100 = 13.2
                ("max_volatility", None, "1.2000".to_string()),
            ]
        );
        assert_eq!(report.not_evaluated.len(), 2);
        assert_eq!(
            report.violations[4].message,
            "max_volatility: volatility is 13.2000%, 1.2000 points above the limit of 12%"
        );
        assert_eq!(
            check_constraints(&[], &all).unwrap_err().code(),
            "portfolio_empty"
        );
        assert_eq!(
            check_constraints(&[h("a", "Gilt", 0, None)], &all)
                .unwrap_err()
                .code(),
            "portfolio_empty"
        );
    }
}
