//! risk-v1 (domain.md §6) in exact decimal arithmetic.

use serde::Serialize;
use serde_json::{Map, Value};

use super::{category_class, RiskError};
use crate::asset::AssetClass;
use crate::exact::{decimal, div_half_even, json_decimal, to_scaled};
use crate::money::Decimal;
use crate::persona::PersonaId;
use crate::profile::{Profile, RiskTolerance};

/// The model version today's service reports.
pub const MODEL_VERSION: &str = "risk-v1";
/// Largest request body [`assess_risk_json`] reads, in bytes.
pub const MAX_RISK_JSON: usize = 1024 * 1024;
/// Most funds in one portfolio.
pub const MAX_PORTFOLIO_FUNDS: usize = 1_000;
/// The name a fund without `scheme_name` goes by, as today's service names it.
pub const UNKNOWN_SCHEME_NAME: &str = "Unknown";
const MAX_SCHEME_NAME_CHARS: usize = 300;
const MAX_CATEGORY_CHARS: usize = 100;

/// Weights are held in 10⁻¹² (fractions), volatilities in 10⁻⁶ (percent).
const W: i128 = 1_000_000_000_000;
const V: i128 = 1_000_000;

/// What risk-v1 needs of a profile: the persona (from risk_tolerance) and the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskProfile {
    /// Conservative → Capital Guardian, Aggressive → Accelerated Builder, anything else
    /// → Balanced Voyager.
    pub persona: PersonaId,
    /// Investment horizon in years (0–100; today's default when absent is 10).
    pub horizon_years: u8,
}

impl RiskProfile {
    /// From a validated profile.
    pub fn from_profile(profile: &Profile) -> RiskProfile {
        RiskProfile {
            persona: match profile.risk_tolerance() {
                RiskTolerance::Conservative => PersonaId::CapitalGuardian,
                RiskTolerance::Aggressive => PersonaId::AcceleratedBuilder,
                RiskTolerance::Moderate => PersonaId::BalancedVoyager,
            },
            horizon_years: profile.horizon_years(),
        }
    }
}

/// One fund of a portfolio, as the risk endpoint receives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fund {
    /// The scheme name (its first 30 characters appear in the fund-concentration text).
    pub scheme_name: String,
    /// The SEBI category, matched exactly; `None` counts as `"Unknown"`.
    pub category: Option<String>,
    /// Share of the portfolio as a fraction (0–1, at most 12 decimals); missing = 0.
    pub weight: Decimal,
    /// Annualised volatility in percent (0–1000, at most 6 decimals); missing = 15.
    pub volatility: Decimal,
}

/// The level of a risk-v1 score (domain.md §6), spelled as today's JSON spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum RiskLevel {
    /// `"Low"`: a score of 25 or less.
    #[serde(rename = "Low")]
    Low,
    /// `"Moderate"`: 26–45.
    #[serde(rename = "Moderate")]
    Moderate,
    /// `"Moderate-High"`: 46–65.
    #[serde(rename = "Moderate-High")]
    ModerateHigh,
    /// `"High"`: 66–80.
    #[serde(rename = "High")]
    High,
    /// `"Very High"`: above 80.
    #[serde(rename = "Very High")]
    VeryHigh,
    /// `"Unknown"`: no portfolio to assess.
    #[serde(rename = "Unknown")]
    Unknown,
}

impl RiskLevel {
    /// Every level, lowest first, then `Unknown`.
    pub const ALL: [RiskLevel; 6] = [
        RiskLevel::Low,
        RiskLevel::Moderate,
        RiskLevel::ModerateHigh,
        RiskLevel::High,
        RiskLevel::VeryHigh,
        RiskLevel::Unknown,
    ];

    /// The spelling in today's JSON (`"Moderate-High"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            RiskLevel::Low => "Low",
            RiskLevel::Moderate => "Moderate",
            RiskLevel::ModerateHigh => "Moderate-High",
            RiskLevel::High => "High",
            RiskLevel::VeryHigh => "Very High",
            RiskLevel::Unknown => "Unknown",
        }
    }
}

impl std::fmt::Display for RiskLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `level == "High"` reads as today's string comparison did.
impl PartialEq<&str> for RiskLevel {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// How serious a risk factor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Severity {
    /// Low.
    Low,
    /// Moderate.
    Moderate,
    /// High.
    High,
}

impl Severity {
    /// The spelling in today's JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "Low",
            Severity::Moderate => "Moderate",
            Severity::High => "High",
        }
    }
}

/// One risk factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskFactor {
    /// "Equity Concentration", "Fund Concentration", "Sector Concentration",
    /// "Volatility Risk" or "Horizon Mismatch".
    pub name: &'static str,
    /// Contribution to the score as a fraction, 2 decimals (0.30 adds 30 points).
    #[serde(with = "crate::exact::decimal_serde")]
    pub contribution: Decimal,
    /// Severity.
    pub severity: Severity,
    /// Today's sentence.
    pub description: String,
}

/// The risk-v1 result, in the shape of today's `/api/v1/risk` answer (without
/// `request_id` and `latency_ms`, which belong to the HTTP layer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskAssessment {
    /// The level of the score.
    pub risk_level: RiskLevel,
    /// 0–100, a whole number (Σ contributions × 100, capped).
    #[serde(with = "crate::exact::decimal_serde")]
    pub risk_score: Decimal,
    /// The factors, in today's order.
    pub risk_factors: Vec<RiskFactor>,
    /// At most five recommendations.
    pub recommendations: Vec<String>,
    /// How the score sits with the persona's acceptable score.
    pub persona_alignment: String,
    /// Always [`MODEL_VERSION`].
    pub model_version: &'static str,
}

/// The thresholds of domain.md §6 in hundredths: max equity, max single fund,
/// max volatility (whole percent), acceptable score.
fn thresholds(persona: PersonaId) -> (i128, i128, i128, i128) {
    match persona {
        PersonaId::CapitalGuardian => (35, 25, 10, 30),
        PersonaId::BalancedVoyager => (65, 30, 18, 55),
        PersonaId::AcceleratedBuilder => (90, 35, 25, 75),
    }
}

/// Assesses a portfolio with risk-v1 (domain.md §6). An empty portfolio gives level
/// "Unknown". Each fund is checked first — weight 0–1 with at most 12 decimals,
/// volatility 0–1000 with at most 6, at most 1,000 funds, names and categories of
/// bounded length — and a fund that breaks a rule is a `risk_input` error naming it
/// (`portfolio[2].weight`), never silently counted as zero.
///
/// ```
/// use sparrow_core::risk::{assess_risk, Fund, RiskProfile};
/// use sparrow_core::persona::PersonaId;
/// let fund = Fund { scheme_name: "UTI Low Duration Fund".into(), category: Some("Low Duration".into()),
///                   weight: 1.into(), volatility: "24.83".parse().unwrap() };
/// let r = assess_risk(&RiskProfile { persona: PersonaId::CapitalGuardian, horizon_years: 24 }, &[fund]).unwrap();
/// assert_eq!((r.risk_level.as_str(), r.risk_score.to_string()), ("Very High", "85".to_string()));
/// assert_eq!(r.risk_factors[0].description, "UTI Low Duration Fund... has 100% allocation, exceeding 25% limit");
/// ```
pub fn assess_risk(profile: &RiskProfile, portfolio: &[Fund]) -> Result<RiskAssessment, RiskError> {
    check_funds(profile, portfolio)?;
    Ok(assess_checked(profile, portfolio))
}

fn check_funds(profile: &RiskProfile, portfolio: &[Fund]) -> Result<(), RiskError> {
    if profile.horizon_years > 100 {
        return Err(input("profile.horizon_years", "must be between 0 and 100"));
    }
    if portfolio.len() > MAX_PORTFOLIO_FUNDS {
        return Err(input("portfolio", "must have at most 1000 funds"));
    }
    for (i, f) in portfolio.iter().enumerate() {
        let err = |name: &str, rule| RiskError::Input {
            field: format!("portfolio[{i}].{name}"),
            rule,
        };
        if f.scheme_name.chars().count() > MAX_SCHEME_NAME_CHARS {
            return Err(err("scheme_name", "must be at most 300 characters"));
        }
        if f.category
            .as_ref()
            .is_some_and(|c| c.chars().count() > MAX_CATEGORY_CHARS)
        {
            return Err(err(
                "category",
                "must be a string of at most 100 characters",
            ));
        }
        if !to_scaled(f.weight, 12).is_some_and(|s| (0..=W).contains(&s)) {
            return Err(err(
                "weight",
                "must be a fraction from 0 to 1 with at most 12 decimals",
            ));
        }
        if !to_scaled(f.volatility, 6).is_some_and(|s| (0..=1000 * V).contains(&s)) {
            return Err(err(
                "volatility",
                "must be a percent from 0 to 1000 with at most 6 decimals",
            ));
        }
    }
    Ok(())
}

/// risk-v1 on funds that passed [`check_funds`].
fn assess_checked(profile: &RiskProfile, portfolio: &[Fund]) -> RiskAssessment {
    if portfolio.is_empty() {
        return RiskAssessment {
            risk_level: RiskLevel::Unknown,
            risk_score: Decimal::ZERO,
            risk_factors: Vec::new(),
            recommendations: vec![
                "Please add funds to your portfolio for risk assessment".to_owned()
            ],
            persona_alignment: "Unable to assess without portfolio data".to_owned(),
            model_version: MODEL_VERSION,
        };
    }
    let (max_eq, max_fund, max_vol, acceptable) = thresholds(profile.persona);
    let weights: Vec<i128> = portfolio
        .iter()
        .map(|f| to_scaled(f.weight, 12).unwrap_or(0))
        .collect();
    let equity: i128 = portfolio
        .iter()
        .zip(&weights)
        .filter(|(f, _)| f.category.as_deref().and_then(category_class) == Some(AssetClass::Equity))
        .map(|(_, w)| *w)
        .sum();
    // domain.md §6's five factors, in its order.
    let factors: Vec<Scored> = [
        equity_concentration(equity, max_eq),
        fund_concentration(portfolio, &weights, max_fund),
        sector_concentration(portfolio, &weights),
        volatility_risk(portfolio, &weights, max_vol),
        horizon_mismatch(profile.horizon_years, equity),
    ]
    .into_iter()
    .flatten()
    .collect();
    score(factors, profile.persona, acceptable)
}

/// A risk factor and the recommendation it brings, if any.
type Scored = (RiskFactor, Option<String>);

/// A fraction in 10⁻¹² as a whole percent, half-even.
fn pct(x: i128) -> i128 {
    div_half_even(x, W / 100)
}

/// 1. Equity concentration.
fn equity_concentration(equity: i128, max_eq: i128) -> Option<Scored> {
    let m = max_eq * W / 100;
    if equity > m {
        let c = (W * 15 / 100 + equity - m).min(W * 45 / 100);
        let severity = if equity - m > W / 5 {
            Severity::High
        } else {
            Severity::Moderate
        };
        let rec = format!(
            "Consider adding {}% allocation to debt funds for stability",
            pct(equity - m)
        );
        return Some((
            factor(
                "Equity Concentration",
                c,
                severity,
                format!(
                    "{}% equity exposure exceeds {max_eq}% threshold",
                    pct(equity)
                ),
            ),
            Some(rec),
        ));
    } else if equity * 10 > m * 8 {
        return Some((
            factor(
                "Equity Concentration",
                W / 10,
                Severity::Low,
                format!("{}% equity exposure approaching limit", pct(equity)),
            ),
            None,
        ));
    }
    None
}

/// 2. Fund concentration: the first fund with the largest weight.
fn fund_concentration(portfolio: &[Fund], weights: &[i128], max_fund: i128) -> Option<Scored> {
    let mut largest: Option<(usize, i128)> = None;
    for (i, w) in weights.iter().enumerate() {
        if largest.is_none_or(|(_, best)| *w > best) {
            largest = Some((i, *w));
        }
    }
    if let Some((i, w)) = largest {
        let t = max_fund * W / 100;
        if w > t {
            // min(0.30, 0.10 + (w − t)·0.5), computed doubled to stay in integers.
            let doubled = (W / 5 + (w - t)).min(W * 60 / 100);
            let severity = if w - t > W * 15 / 100 {
                Severity::High
            } else {
                Severity::Moderate
            };
            let name: String = portfolio
                .get(i)
                .map(|f| f.scheme_name.chars().take(30).collect())
                .unwrap_or_default();
            return Some((
                RiskFactor {
                    name: "Fund Concentration",
                    contribution: decimal(div_half_even(doubled, W / 50), 2),
                    severity,
                    description: format!(
                        "{name}... has {}% allocation, exceeding {max_fund}% limit",
                        pct(w)
                    ),
                },
                Some("Diversify by reducing largest fund allocation below 30%".to_owned()),
            ));
        }
    }
    None
}

/// 3. Sector concentration: category weights in first-seen order, first maximum wins.
fn sector_concentration(portfolio: &[Fund], weights: &[i128]) -> Option<Scored> {
    let mut sectors: Vec<(&str, i128)> = Vec::new();
    for (f, w) in portfolio.iter().zip(weights) {
        let cat = f.category.as_deref().unwrap_or("Unknown");
        match sectors.iter_mut().find(|(c, _)| *c == cat) {
            Some((_, total)) => *total += *w,
            None => sectors.push((cat, *w)),
        }
    }
    let mut top: Option<(&str, i128)> = None;
    for (c, w) in &sectors {
        if top.is_none_or(|(_, best)| *w > best) {
            top = Some((c, *w));
        }
    }
    if let Some((cat, c)) = top {
        if c > W / 2 {
            return Some((
                factor(
                    "Sector Concentration",
                    W / 4,
                    Severity::Moderate,
                    format!("{}% concentrated in {cat}", pct(c)),
                ),
                Some("Add funds from different sectors to improve diversification".to_owned()),
            ));
        } else if c > W * 35 / 100 {
            return Some((
                factor(
                    "Sector Concentration",
                    W / 10,
                    Severity::Low,
                    format!(
                        "Diversified across sectors, {cat} is largest at {}%",
                        pct(c)
                    ),
                ),
                Some("Add funds from different sectors to improve diversification".to_owned()),
            ));
        }
    }
    None
}

/// 4. Volatility: weight-averaged, skipped when the weights sum to zero.
fn volatility_risk(portfolio: &[Fund], weights: &[i128], max_vol: i128) -> Option<Scored> {
    let total_weight: i128 = weights.iter().sum();
    if total_weight > 0 {
        let weighted: i128 = portfolio
            .iter()
            .zip(weights)
            .map(|(f, w)| w * to_scaled(f.volatility, 6).unwrap_or(15 * V))
            .sum();
        // vol = weighted / total_weight (in 10⁻⁶ %)
        let den = total_weight * V;
        if weighted > max_vol * den {
            // contribution in hundredths = min(35, 15 + (vol − X))
            let hundredths = div_half_even(15 * den + weighted - max_vol * den, den).min(35);
            let severity = if weighted - max_vol * den > 10 * den {
                Severity::High
            } else {
                Severity::Moderate
            };
            let tenths = div_half_even(weighted * 10, den);
            return Some((
                RiskFactor {
                    name: "Volatility Risk",
                    contribution: decimal(hundredths, 2),
                    severity,
                    description: format!(
                        "Portfolio volatility of {}.{}% exceeds {max_vol}.0% threshold",
                        tenths / 10,
                        tenths % 10
                    ),
                },
                Some("Consider adding low-volatility debt or hybrid funds".to_owned()),
            ));
        }
    }
    None
}

/// 5. Horizon mismatch.
fn horizon_mismatch(h: u8, equity: i128) -> Option<Scored> {
    if h <= 3 && equity > W * 2 / 5 {
        return Some((
            factor(
                "Horizon Mismatch",
                W / 4,
                Severity::High,
                format!(
                    "High equity ({}%) inappropriate for {h}-year horizon",
                    pct(equity)
                ),
            ),
            Some(format!(
                "Reduce equity exposure for your {h}-year investment horizon"
            )),
        ));
    } else if h <= 5 && equity > W * 3 / 5 {
        return Some((
            factor(
                "Horizon Mismatch",
                W * 15 / 100,
                Severity::Moderate,
                format!("Consider reducing equity for {h}-year horizon"),
            ),
            Some(format!(
                "Reduce equity exposure for your {h}-year investment horizon"
            )),
        ));
    }
    None
}

/// The score (Σ contributions, capped at 100), its level, the recommendations (those of
/// the high-severity factors, then the two general ones when fewer than two, at most
/// five) and the persona alignment.
fn score(factors: Vec<Scored>, persona: PersonaId, acceptable: i128) -> RiskAssessment {
    let points: i128 = factors
        .iter()
        .map(|(f, _)| to_scaled(f.contribution, 2).unwrap_or(0))
        .sum::<i128>()
        .min(100);
    let level = level_for(points);
    let mut recommendations: Vec<String> = factors
        .iter()
        .filter(|(f, _)| f.severity == Severity::High)
        .filter_map(|(_, r)| r.clone())
        .collect();
    if recommendations.len() < 2 {
        recommendations.push("Maintain SIP discipline during market corrections".to_owned());
        recommendations.push("Review portfolio allocation annually".to_owned());
    }
    recommendations.truncate(5);
    let name = persona.name();
    let persona_alignment = if points <= acceptable {
        format!("Risk level appropriate for {name} profile")
    } else if points <= acceptable + 15 {
        format!("Risk slightly elevated for {name} profile")
    } else {
        format!("Risk significantly higher than recommended for {name} profile")
    };
    RiskAssessment {
        risk_level: level,
        risk_score: decimal(points, 0),
        risk_factors: factors.into_iter().map(|(f, _)| f).collect(),
        recommendations,
        persona_alignment,
        model_version: MODEL_VERSION,
    }
}

/// The level of a whole-number score (domain.md §6).
fn level_for(points: i128) -> RiskLevel {
    match points {
        ..=25 => RiskLevel::Low,
        26..=45 => RiskLevel::Moderate,
        46..=65 => RiskLevel::ModerateHigh,
        66..=80 => RiskLevel::High,
        _ => RiskLevel::VeryHigh,
    }
}

/// A factor whose contribution is given in 10⁻¹² and rounded to 2 decimals, half-even.
fn factor(
    name: &'static str,
    contribution: i128,
    severity: Severity,
    description: String,
) -> RiskFactor {
    RiskFactor {
        name,
        contribution: decimal(div_half_even(contribution, W / 100), 2),
        severity,
        description,
    }
}

/// Reads today's request body (`{"request_id"?, "profile": {…}, "current_portfolio"?,
/// "proposed_portfolio"?}`) and assesses it. The proposed portfolio is used when it is
/// non-empty, otherwise the current one.
///
/// Input rules (today's lax parsing, with its crashes made errors): `profile` is an
/// object; `risk_tolerance`, if present, a string; `horizon_years` a whole number or a
/// string holding one after trimming (`"03"` is 3), 0–100, default 10; other profile
/// keys are not read (today's service ignores them). Each fund is an object with an
/// optional string `scheme_name` (absent: [`UNKNOWN_SCHEME_NAME`], as today; `null` or
/// another type is refused, where today's service fails with a 500), an optional string
/// `category`, an optional `weight` (a number
/// or decimal string, 0–1, at most 12 decimals) and an optional `volatility` (0–1000,
/// at most 6 decimals); other keys are not read. Every refusal is `risk_input` naming
/// the field.
pub fn assess_risk_json(text: &str) -> Result<RiskAssessment, RiskError> {
    if text.len() > MAX_RISK_JSON {
        return Err(input("request", "must be at most 1 MiB of JSON"));
    }
    let value: Value = crate::json::parse(text).map_err(|e| match e {
        crate::json::JsonTextError::Syntax { .. } => input("request", "must be valid JSON"),
        crate::json::JsonTextError::DuplicateKey { key, .. } => input(
            &key,
            "appears twice in one JSON object; each key is given once",
        ),
    })?;
    assess_risk_value(&value)
}

/// [`assess_risk_json`] for an already parsed request body.
pub fn assess_risk_value(request: &Value) -> Result<RiskAssessment, RiskError> {
    let Value::Object(map) = request else {
        return Err(input("request", "must be a JSON object"));
    };
    let Some(Value::Object(profile)) = map.get("profile") else {
        return Err(input("profile", "is required and must be an object"));
    };
    let profile = risk_profile(profile)?;
    let proposed = portfolio(map, "proposed_portfolio")?;
    let funds = if proposed.is_empty() {
        portfolio(map, "current_portfolio")?
    } else {
        proposed
    };
    assess_risk(&profile, &funds)
}

fn input(field: &str, rule: &'static str) -> RiskError {
    RiskError::Input {
        field: field.to_owned(),
        rule,
    }
}

fn risk_profile(map: &Map<String, Value>) -> Result<RiskProfile, RiskError> {
    let persona = match map.get("risk_tolerance") {
        None | Some(Value::Null) => PersonaId::BalancedVoyager,
        Some(Value::String(s)) => match s.as_str() {
            "Conservative" => PersonaId::CapitalGuardian,
            "Aggressive" => PersonaId::AcceleratedBuilder,
            _ => PersonaId::BalancedVoyager,
        },
        Some(_) => return Err(input("profile.risk_tolerance", "must be a string")),
    };
    let horizon = match map.get("horizon_years") {
        None | Some(Value::Null) => 10,
        Some(Value::Number(n)) => n
            .to_string()
            .parse::<i64>()
            .map_err(|_| input("profile.horizon_years", "must be a whole number"))?,
        Some(Value::String(s)) => {
            let t = s.trim();
            if t.is_empty() || t.len() > 6 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(input("profile.horizon_years", "must be a whole number"));
            }
            t.parse::<i64>()
                .map_err(|_| input("profile.horizon_years", "must be a whole number"))?
        }
        Some(_) => return Err(input("profile.horizon_years", "must be a whole number")),
    };
    let horizon_years = u8::try_from(horizon)
        .ok()
        .filter(|h| *h <= 100)
        .ok_or_else(|| input("profile.horizon_years", "must be between 0 and 100"))?;
    Ok(RiskProfile {
        persona,
        horizon_years,
    })
}

fn portfolio(map: &Map<String, Value>, key: &'static str) -> Result<Vec<Fund>, RiskError> {
    let rows = match map.get(key) {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(rows)) => rows,
        Some(_) => return Err(input(key, "must be a list of funds")),
    };
    if rows.len() > MAX_PORTFOLIO_FUNDS {
        return Err(input(key, "must have at most 1000 funds"));
    }
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            let field = |name: &str| format!("{key}[{i}]{name}");
            let err = |name: &str, rule| RiskError::Input {
                field: field(name),
                rule,
            };
            let Value::Object(f) = row else {
                return Err(err("", "must be an object"));
            };
            let scheme_name = match f.get("scheme_name") {
                // Today's service reads `fund.get("scheme_name", "Unknown")`.
                None => UNKNOWN_SCHEME_NAME.to_owned(),
                Some(Value::String(s)) if s.chars().count() <= MAX_SCHEME_NAME_CHARS => s.clone(),
                Some(Value::String(_)) => {
                    return Err(err(".scheme_name", "must be at most 300 characters"))
                }
                _ => return Err(err(".scheme_name", "must be a string")),
            };
            let category = match f.get("category") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) if s.chars().count() <= MAX_CATEGORY_CHARS => {
                    Some(s.clone())
                }
                Some(_) => {
                    return Err(err(
                        ".category",
                        "must be a string of at most 100 characters",
                    ))
                }
            };
            let weight = match f.get("weight") {
                None | Some(Value::Null) => Decimal::ZERO,
                Some(v) => json_decimal(v)
                    .filter(|d| to_scaled(*d, 12).is_some_and(|s| (0..=W).contains(&s)))
                    .ok_or_else(|| {
                        err(
                            ".weight",
                            "must be a fraction from 0 to 1 with at most 12 decimals",
                        )
                    })?,
            };
            let volatility = match f.get("volatility") {
                None | Some(Value::Null) => Decimal::from(15),
                Some(v) => json_decimal(v)
                    .filter(|d| to_scaled(*d, 6).is_some_and(|s| (0..=1000 * V).contains(&s)))
                    .ok_or_else(|| {
                        err(
                            ".volatility",
                            "must be a percent from 0 to 1000 with at most 6 decimals",
                        )
                    })?,
            };
            Ok(Fund {
                scheme_name,
                category,
                weight,
                volatility,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn level_boundaries() {
        let got: Vec<&str> = [0, 25, 26, 45, 46, 65, 66, 80, 81, 100]
            .into_iter()
            .map(|p| level_for(p).as_str())
            .collect();
        assert_eq!(
            got,
            [
                "Low",
                "Low",
                "Moderate",
                "Moderate",
                "Moderate-High",
                "Moderate-High",
                "High",
                "High",
                "Very High",
                "Very High"
            ]
        );
    }

    #[test]
    fn empty_portfolio_is_unknown() {
        let r = assess_risk_value(
            &json!({"profile": {}, "current_portfolio": [], "proposed_portfolio": null}),
        )
        .unwrap();
        assert_eq!(r.risk_level, "Unknown");
        assert_eq!(r.risk_score, Decimal::ZERO);
        assert_eq!(
            r.recommendations,
            ["Please add funds to your portfolio for risk assessment"]
        );
    }

    #[test]
    fn a_fund_without_a_name_is_unknown_as_today() {
        let r = assess_risk_value(&json!({
            "profile": {"risk_tolerance": "Conservative"},
            "current_portfolio": [{"category": "Large Cap", "weight": 0.9}, {"scheme_name": "B", "category": "Liquid", "weight": 0.1}]
        }))
        .unwrap();
        let fund = r
            .risk_factors
            .iter()
            .find(|f| f.name == "Fund Concentration")
            .unwrap();
        assert_eq!(
            fund.description,
            "Unknown... has 90% allocation, exceeding 25% limit"
        );
    }

    #[test]
    fn input_errors_name_the_field() {
        let err = |v: Value| {
            let e = assess_risk_value(&v).unwrap_err();
            assert_eq!(e.code(), "risk_input");
            e.to_string()
        };
        assert_eq!(err(json!([])), "request: must be a JSON object");
        assert_eq!(err(json!({})), "profile: is required and must be an object");
        assert_eq!(
            err(json!({"profile": {"horizon_years": "ten"}})),
            "profile.horizon_years: must be a whole number"
        );
        assert_eq!(
            err(json!({"profile": {"horizon_years": 101}})),
            "profile.horizon_years: must be between 0 and 100"
        );
        assert_eq!(
            err(json!({"profile": {"horizon_years": 2.5}})),
            "profile.horizon_years: must be a whole number"
        );
        assert_eq!(
            err(json!({"profile": {"risk_tolerance": 1}})),
            "profile.risk_tolerance: must be a string"
        );
        assert_eq!(
            err(json!({"profile": {}, "current_portfolio": [{"scheme_name": "x", "weight": 1.5}]})),
            "current_portfolio[0].weight: must be a fraction from 0 to 1 with at most 12 decimals"
        );
        assert_eq!(
            err(
                json!({"profile": {}, "proposed_portfolio": [{"scheme_name": null, "weight": 0.5}]})
            ),
            "proposed_portfolio[0].scheme_name: must be a string"
        );
        assert_eq!(
            err(json!({"profile": {}, "proposed_portfolio": {}})),
            "proposed_portfolio: must be a list of funds"
        );
        assert_eq!(
            assess_risk_json("{").unwrap_err().to_string(),
            "request: must be valid JSON"
        );
    }

    #[test]
    fn direct_calls_check_funds() {
        let profile = RiskProfile {
            persona: PersonaId::BalancedVoyager,
            horizon_years: 5,
        };
        let fund = |w: &str, v: &str| Fund {
            scheme_name: "A".into(),
            category: None,
            weight: w.parse().unwrap(),
            volatility: v.parse().unwrap(),
        };
        let err = |f: Fund| {
            assess_risk(&profile, &[fund("0.5", "10"), f])
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(fund("0.0000000000001", "10")),
            "portfolio[1].weight: must be a fraction from 0 to 1 with at most 12 decimals"
        );
        assert_eq!(
            err(fund("-0.1", "10")),
            "portfolio[1].weight: must be a fraction from 0 to 1 with at most 12 decimals"
        );
        assert_eq!(
            err(fund("0.1", "1000.5")),
            "portfolio[1].volatility: must be a percent from 0 to 1000 with at most 6 decimals"
        );
        let far = RiskProfile {
            persona: PersonaId::BalancedVoyager,
            horizon_years: 101,
        };
        assert_eq!(assess_risk(&far, &[]).unwrap_err().code(), "risk_input");
        assert!(assess_risk(&profile, &[fund("1", "0")]).is_ok());
    }

    #[test]
    fn string_horizon_is_trimmed() {
        let r = assess_risk_value(
            &json!({"profile": {"horizon_years": " 03 ", "risk_tolerance": "Conservative"},
            "current_portfolio": [{"scheme_name": "A", "category": "Large Cap", "weight": 1}]}),
        )
        .unwrap();
        assert!(r
            .risk_factors
            .iter()
            .any(|f| f.description == "High equity (100%) inappropriate for 3-year horizon"));
    }
}
