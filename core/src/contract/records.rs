//! Owned, all-public records of api.md's inputs and results, converted from the rich
//! domain types in one place. Their serde shapes are domain.md's JSON (decimals as
//! strings at the type's scale); [`super::tag`] lets a binding tell amounts from other
//! quantities while serialising.
//!
//! Where a domain type is already owned, all-public data (a [`Verification`], a
//! [`Decision`], token [`Claims`], a [`TokenSubject`], a [`TrainingInfo`], a
//! [`PersonaWeight`]) it *is* the record, re-exported by [`crate::contract`].
//!
//! [`Verification`]: crate::password::Verification
//! [`Decision`]: crate::access::Decision
//! [`Claims`]: crate::jwt::Claims
//! [`TokenSubject`]: crate::jwt::TokenSubject
//! [`TrainingInfo`]: crate::persona::TrainingInfo
//! [`PersonaWeight`]: crate::allocation::PersonaWeight

use rust_decimal::Decimal;
use serde::Serialize;

use super::tag;
use crate::allocation::{
    self, AllocationError, AssetClass, FundAmount, FundSlot, Position, RebalanceOptions,
    RebalancePlan, Strategy, Trade, TradeSide,
};
use crate::config::EnvProblem;
use crate::identity::{Pan, PanHolderType};
use crate::money::{Money, MoneyError, Percent};
use crate::persona::{BlendedClassification, Classification, DistributionEntry, PersonaId};
use crate::profile::{Knowledge, Liquidity, Profile, RiskTolerance, Volatility};
use crate::risk::{
    ConstraintReport, Holding, NotEvaluated, RiskAssessment, RiskConstraint, RiskFactor, RiskLevel,
    Severity, Violation,
};
use crate::Error;

// ---------------------------------------------------------------- validate

/// `validate_pan` → the normalised PAN and its holder type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PanRecord {
    /// The PAN, upper-case (the full value: this record is the caller's own data).
    pub pan: String,
    /// The holder type its fourth letter names.
    pub holder_type: PanHolderType,
}

impl From<&Pan> for PanRecord {
    fn from(p: &Pan) -> Self {
        PanRecord {
            pan: p.as_str().to_owned(),
            holder_type: p.holder_type(),
        }
    }
}

/// `validate_profile` → the normalised profile (absent optional fields are `None` and
/// left out of the JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileRecord {
    /// 18–100.
    pub age: u8,
    /// 1–40.
    pub horizon_years: u8,
    /// `Conservative`, `Moderate` or `Aggressive`.
    pub risk_tolerance: RiskTolerance,
    /// `Low`, `Medium` or `High`.
    pub volatility: Volatility,
    /// `Low`, `Medium` or `High`.
    pub liquidity: Liquidity,
    /// `Beginner`, `Intermediate` or `Advanced`.
    pub knowledge: Knowledge,
    /// The investor's goal, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// The target amount in rupees.
    #[serde(skip_serializing_if = "Option::is_none", with = "tag::money_option")]
    pub target_amount: Option<Decimal>,
    /// The target year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_year: Option<i32>,
    /// The monthly SIP in rupees.
    #[serde(skip_serializing_if = "Option::is_none", with = "tag::money_option")]
    pub monthly_sip: Option<Decimal>,
    /// The lump sum in rupees.
    #[serde(skip_serializing_if = "Option::is_none", with = "tag::money_option")]
    pub lump_sum: Option<Decimal>,
}

impl From<&Profile> for ProfileRecord {
    fn from(p: &Profile) -> Self {
        ProfileRecord {
            age: p.age(),
            horizon_years: p.horizon_years(),
            risk_tolerance: p.risk_tolerance(),
            volatility: p.volatility(),
            liquidity: p.liquidity(),
            knowledge: p.knowledge(),
            goal: p.goal().map(str::to_owned),
            target_amount: p.target_amount().map(Money::as_decimal),
            target_year: p.target_year(),
            monthly_sip: p.monthly_sip().map(Money::as_decimal),
            lump_sum: p.lump_sum().map(Money::as_decimal),
        }
    }
}

/// `validate_profile`'s input as a typed record, for bindings without a JSON-like value
/// (Swift, Kotlin): every field optional and unchecked here — `validate_profile_input`
/// applies exactly the rules of `validate_profile` to it. Spellings (`"Aggressive"`) are
/// checked there too, so a typo is a `profile_not_one_of` like any other.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ProfileInput {
    /// Age in years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<i64>,
    /// Horizon in years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub horizon_years: Option<i64>,
    /// `Conservative`, `Moderate` or `Aggressive`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk_tolerance: Option<String>,
    /// `Low`, `Medium` or `High`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volatility: Option<String>,
    /// `Low`, `Medium` or `High`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liquidity: Option<String>,
    /// `Beginner`, `Intermediate` or `Advanced`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub knowledge: Option<String>,
    /// The goal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// The target amount in rupees.
    #[serde(skip_serializing_if = "Option::is_none", with = "tag::money_option")]
    pub target_amount: Option<Decimal>,
    /// The target year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_year: Option<i64>,
    /// The monthly SIP in rupees.
    #[serde(skip_serializing_if = "Option::is_none", with = "tag::money_option")]
    pub monthly_sip: Option<Decimal>,
    /// The lump sum in rupees.
    #[serde(skip_serializing_if = "Option::is_none", with = "tag::money_option")]
    pub lump_sum: Option<Decimal>,
}

impl ProfileInput {
    /// The JSON object `validate_profile` reads (absent fields left out; amounts as
    /// decimal strings).
    pub fn to_json(&self) -> serde_json::Value {
        // Strings, integers and decimal text cannot fail to serialise; were it to, the
        // `null` would be refused by `validate_profile` as `profile_not_object`.
        serde_json::to_value(self).unwrap_or_default()
    }
}

/// `validate_profile` over a typed input record.
pub fn validate_profile_input(
    input: &ProfileInput,
    mode: crate::profile::ValidationMode,
) -> Result<ProfileRecord, Error> {
    let p = crate::profile::validate_profile(&input.to_json(), mode)?;
    Ok(ProfileRecord::from(&p))
}

// ---------------------------------------------------------------- auth

/// What [`token_subject`] accepts, in words (the error text of a refusal).
pub const TOKEN_SUBJECT_EXPECTED: &str = "an object of subject claims (sub, email, role, ownerId, allowedPages, jti); iat and exp come from now and expires_in";

/// The subject claims of a new token from a JSON object: `sub`, `email`, `role`, and
/// optionally `ownerId`, `allowedPages`, `jti` — as the token spells them, or
/// `owner_id` / `allowed_pages`. `null` is absent. Any other key (`iat`, `exp`, a typo)
/// or a value of another type is `input_type`: what a token says about its subject is
/// decided here, once, for every binding.
pub fn token_subject(
    value: &serde_json::Value,
) -> Result<crate::jwt::TokenSubject, super::ArgumentError> {
    use serde_json::Value;
    let wrong = |field: &'static str, expected: &'static str| super::ArgumentError::Type {
        field,
        expected,
    };
    let Value::Object(map) = value else {
        return Err(wrong("claims", TOKEN_SUBJECT_EXPECTED));
    };
    let text = |v: &Value, field: &'static str| match v {
        Value::String(s) => Ok(s.clone()),
        _ => Err(wrong(field, "a string")),
    };
    let mut s = crate::jwt::TokenSubject::default();
    for (key, v) in map {
        if v.is_null() {
            continue;
        }
        match key.as_str() {
            "sub" => s.sub = text(v, "claims.sub")?,
            "email" => s.email = text(v, "claims.email")?,
            "role" => s.role = text(v, "claims.role")?,
            "ownerId" | "owner_id" => s.owner_id = Some(text(v, "claims.ownerId")?),
            "jti" => s.jti = Some(text(v, "claims.jti")?),
            "allowedPages" | "allowed_pages" => {
                let Value::Array(items) = v else {
                    return Err(wrong("claims.allowedPages", "an array of strings"));
                };
                s.allowed_pages = Some(
                    items
                        .iter()
                        .map(|p| text(p, "claims.allowedPages"))
                        .collect::<Result<_, _>>()?,
                );
            }
            _ => return Err(wrong("claims", TOKEN_SUBJECT_EXPECTED)),
        }
    }
    Ok(s)
}

/// `authorize(role, required_roles, page, allowed_pages)` with the required roles as
/// names (`"admin"`, …), as every binding receives them: an unknown name is
/// `role_unknown`, never skipped. The user's own `role` may be any text (an unknown one
/// is denied with `unknown_role`).
pub fn authorize_names<S: AsRef<str>>(
    role: &str,
    required_roles: &[S],
    page: Option<&str>,
    allowed_pages: Option<&[String]>,
) -> Result<crate::access::Decision, super::ArgumentError> {
    let required = required_roles
        .iter()
        .map(|r| r.as_ref().parse::<crate::access::Role>())
        .collect::<Result<Vec<_>, _>>()?;
    Ok(crate::access::authorize(
        role,
        &required,
        page,
        allowed_pages,
    ))
}

/// One problem of `check_env`: `{variable, code, message}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnvProblemRecord {
    /// The variable.
    pub variable: String,
    /// The stable code (`env_missing`, …).
    pub code: String,
    /// The human text (never the value).
    pub message: String,
}

impl From<&EnvProblem> for EnvProblemRecord {
    fn from(p: &EnvProblem) -> Self {
        EnvProblemRecord {
            variable: p.variable.clone(),
            code: p.code.to_owned(),
            message: p.message.clone(),
        }
    }
}

// ---------------------------------------------------------------- allocation

/// A share of one asset class (a fraction or a percent, by context). A list of them is
/// written as domain.md's object `{"equity": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssetShare {
    /// The class.
    pub asset_class: AssetClass,
    /// Its share.
    #[serde(with = "tag::decimal")]
    pub value: Decimal,
}

/// `blend_allocation` → percents per asset class summing to exactly 100.00, and a
/// strategy's `allocation()`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct AllocationRecord {
    /// Every class with a non-zero percent, in the fixed class order.
    #[serde(with = "tag::shares")]
    pub shares: Vec<AssetShare>,
}

impl From<&allocation::Allocation> for AllocationRecord {
    fn from(a: &allocation::Allocation) -> Self {
        AllocationRecord {
            shares: a
                .iter()
                .map(|(asset_class, p)| AssetShare {
                    asset_class,
                    value: p.as_decimal(),
                })
                .collect(),
        }
    }
}

fn fraction_shares(f: &allocation::Fractions) -> Vec<AssetShare> {
    f.iter()
        .map(|(asset_class, value)| AssetShare { asset_class, value })
        .collect()
}

/// One fund of `split_amount`: `{id, weight, min_amount, multiple}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FundSlotRecord {
    /// The fund's id.
    pub id: String,
    /// Its weight (any non-negative decimal).
    #[serde(with = "tag::decimal")]
    pub weight: Decimal,
    /// The smallest amount it takes, in rupees.
    #[serde(with = "tag::money")]
    pub min_amount: Decimal,
    /// The step its amount moves in, in rupees.
    #[serde(with = "tag::money")]
    pub multiple: Decimal,
}

fn money_field(d: Decimal, field: &'static str) -> Result<Money, MoneyError> {
    Money::try_from_decimal(d).map_err(|e| e.for_field(field))
}

impl TryFrom<&FundSlotRecord> for FundSlot {
    type Error = MoneyError;
    fn try_from(r: &FundSlotRecord) -> Result<Self, MoneyError> {
        Ok(FundSlot {
            id: r.id.clone(),
            weight: r.weight,
            min_amount: money_field(r.min_amount, "min_amount")?,
            multiple: money_field(r.multiple, "multiple")?,
        })
    }
}

/// One part of `split_amount`'s result: `{id, amount}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FundAmountRecord {
    /// The fund's id.
    pub id: String,
    /// Its amount in rupees.
    #[serde(with = "tag::money")]
    pub amount: Decimal,
}

impl From<&FundAmount> for FundAmountRecord {
    fn from(a: &FundAmount) -> Self {
        FundAmountRecord {
            id: a.id.clone(),
            amount: a.amount.as_decimal(),
        }
    }
}

/// A holding of `rebalance` (`{id, value}`), and each position after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PositionRecord {
    /// The fund's id.
    pub id: String,
    /// Its value in rupees.
    #[serde(with = "tag::money")]
    pub value: Decimal,
}

impl From<&Position> for PositionRecord {
    fn from(p: &Position) -> Self {
        PositionRecord {
            id: p.id.clone(),
            value: p.value.as_decimal(),
        }
    }
}

impl TryFrom<&PositionRecord> for Position {
    type Error = MoneyError;
    fn try_from(r: &PositionRecord) -> Result<Self, MoneyError> {
        Ok(Position {
            id: r.id.clone(),
            value: money_field(r.value, "value")?,
        })
    }
}

/// One target of `rebalance`: a fund id and its percent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TargetRecord {
    /// The fund's id.
    pub id: String,
    /// Its target percent (0–100, 2 decimals).
    #[serde(with = "tag::decimal")]
    pub percent: Decimal,
}

/// `rebalance` options; `None` takes the core's default.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RebalanceOptionsRecord {
    /// The drift band in percentage points (default [`RebalanceOptions::default`]'s).
    #[serde(with = "tag::decimal_option")]
    pub drift_band: Option<Decimal>,
    /// Only buy (default false).
    pub buy_only: Option<bool>,
    /// New money to invest, in rupees (default 0).
    #[serde(with = "tag::money_option")]
    pub new_money: Option<Decimal>,
}

impl TryFrom<&RebalanceOptionsRecord> for RebalanceOptions {
    type Error = MoneyError;
    fn try_from(r: &RebalanceOptionsRecord) -> Result<Self, MoneyError> {
        let mut o = RebalanceOptions::default();
        if let Some(b) = r.drift_band {
            o.drift_band = Percent::try_from_decimal(b).map_err(|e| e.for_field("drift_band"))?;
        }
        if let Some(b) = r.buy_only {
            o.buy_only = b;
        }
        if let Some(m) = r.new_money {
            o.new_money = money_field(m, "new_money")?;
        }
        Ok(o)
    }
}

/// One trade of a rebalancing plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TradeRecord {
    /// The fund's id.
    pub id: String,
    /// `buy` or `sell`.
    pub side: TradeSide,
    /// The amount in rupees.
    #[serde(with = "tag::money")]
    pub amount: Decimal,
}

impl From<&Trade> for TradeRecord {
    fn from(t: &Trade) -> Self {
        TradeRecord {
            id: t.id.clone(),
            side: t.side,
            amount: t.amount.as_decimal(),
        }
    }
}

/// `rebalance` → the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RebalancePlanRecord {
    /// The trades, sells first.
    pub trades: Vec<TradeRecord>,
    /// Every position after the trades.
    pub after: Vec<PositionRecord>,
    /// The total after the trades, in rupees.
    #[serde(with = "tag::money")]
    pub total: Decimal,
    /// Whether any fund was outside the drift band before.
    pub out_of_band: bool,
    /// The largest drift before, in percentage points.
    #[serde(with = "tag::decimal")]
    pub max_drift_before: Decimal,
    /// The largest drift after, in percentage points.
    #[serde(with = "tag::decimal")]
    pub max_drift_after: Decimal,
}

impl From<&RebalancePlan> for RebalancePlanRecord {
    fn from(p: &RebalancePlan) -> Self {
        RebalancePlanRecord {
            trades: p.trades.iter().map(TradeRecord::from).collect(),
            after: p.after.iter().map(PositionRecord::from).collect(),
            total: p.total.as_decimal(),
            out_of_band: p.out_of_band,
            max_drift_before: p.max_drift_before,
            max_drift_after: p.max_drift_after,
        }
    }
}

/// A labelled component of a strategy (`{label, assetClass, allocationPercent}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComponentRecord {
    /// The label.
    pub label: String,
    /// Its asset class.
    pub asset_class: AssetClass,
    /// Its percent.
    #[serde(with = "tag::decimal")]
    pub allocation_percent: Decimal,
}

/// A risk constraint (`{constraintType, constraintValue}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConstraintRecord {
    /// One of the eight stored types.
    pub constraint_type: String,
    /// Its value.
    #[serde(with = "tag::decimal")]
    pub constraint_value: Decimal,
}

impl From<&RiskConstraint> for ConstraintRecord {
    fn from(c: &RiskConstraint) -> Self {
        ConstraintRecord {
            constraint_type: c.kind().as_str().to_owned(),
            constraint_value: c.value(),
        }
    }
}

impl TryFrom<&ConstraintRecord> for RiskConstraint {
    type Error = crate::risk::RiskError;
    fn try_from(r: &ConstraintRecord) -> Result<Self, Self::Error> {
        RiskConstraint::new(&r.constraint_type, r.constraint_value)
    }
}

/// A strategy in its database form (what `Strategy::from_db_json` reads back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrategyRecord {
    /// The name.
    pub name: String,
    /// The persona it is for, if any.
    pub persona: Option<PersonaId>,
    /// The components.
    pub components: Vec<ComponentRecord>,
    /// The constraints it promises to keep.
    pub constraints: Vec<ConstraintRecord>,
}

impl From<&Strategy> for StrategyRecord {
    fn from(s: &Strategy) -> Self {
        StrategyRecord {
            name: s.name().to_owned(),
            persona: s.persona(),
            components: s
                .components()
                .iter()
                .map(|c| ComponentRecord {
                    label: c.label.clone(),
                    asset_class: c.asset_class,
                    allocation_percent: c.percent.as_decimal(),
                })
                .collect(),
            constraints: s.constraints().iter().map(ConstraintRecord::from).collect(),
        }
    }
}

// ---------------------------------------------------------------- risk

/// A holding of `check_constraints`: `{id, category, value, volatility?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HoldingRecord {
    /// The fund's id.
    pub id: String,
    /// Its SEBI category.
    pub category: String,
    /// Its value in rupees.
    #[serde(with = "tag::money")]
    pub value: Decimal,
    /// Annualised volatility in percent (absent: risk-v1's default).
    #[serde(with = "tag::decimal_option")]
    pub volatility: Option<Decimal>,
}

impl TryFrom<&HoldingRecord> for Holding {
    type Error = MoneyError;
    fn try_from(r: &HoldingRecord) -> Result<Self, MoneyError> {
        Ok(Holding {
            id: r.id.clone(),
            category: r.category.clone(),
            value: money_field(r.value, "value")?,
            volatility: r.volatility,
        })
    }
}

/// One broken constraint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ViolationRecord {
    /// The constraint type (or `allocation_sum`).
    pub rule: String,
    /// The fund or category, if the rule is about one.
    pub subject: Option<String>,
    /// The limit, in percent.
    #[serde(with = "tag::decimal")]
    pub limit: Decimal,
    /// The actual value, in percent.
    #[serde(with = "tag::decimal")]
    pub actual: Decimal,
    /// How far past the limit, in percentage points.
    #[serde(with = "tag::decimal")]
    pub excess: Decimal,
    /// A sentence naming all of the above.
    pub message: String,
}

impl From<&Violation> for ViolationRecord {
    fn from(v: &Violation) -> Self {
        ViolationRecord {
            rule: v.rule.to_owned(),
            subject: v.subject.clone(),
            limit: v.limit,
            actual: v.actual,
            excess: v.excess,
            message: v.message.clone(),
        }
    }
}

/// A constraint not evaluated, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotEvaluatedRecord {
    /// The constraint type.
    pub rule: String,
    /// Why.
    pub reason: String,
}

impl From<&NotEvaluated> for NotEvaluatedRecord {
    fn from(n: &NotEvaluated) -> Self {
        NotEvaluatedRecord {
            rule: n.rule.to_owned(),
            reason: n.reason.to_owned(),
        }
    }
}

/// `check_constraints` / `check_strategy` → the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConstraintReportRecord {
    /// Every broken constraint (empty when the portfolio passed).
    pub violations: Vec<ViolationRecord>,
    /// Constraints that were not evaluated, and why.
    pub not_evaluated: Vec<NotEvaluatedRecord>,
}

impl From<&ConstraintReport> for ConstraintReportRecord {
    fn from(r: &ConstraintReport) -> Self {
        ConstraintReportRecord {
            violations: r.violations.iter().map(ViolationRecord::from).collect(),
            not_evaluated: r
                .not_evaluated
                .iter()
                .map(NotEvaluatedRecord::from)
                .collect(),
        }
    }
}

/// One risk factor of risk-v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskFactorRecord {
    /// The factor's name.
    pub name: String,
    /// Its contribution to the score.
    #[serde(with = "tag::decimal")]
    pub contribution: Decimal,
    /// How serious it is.
    pub severity: Severity,
    /// A sentence about it.
    pub description: String,
}

impl From<&RiskFactor> for RiskFactorRecord {
    fn from(f: &RiskFactor) -> Self {
        RiskFactorRecord {
            name: f.name.to_owned(),
            contribution: f.contribution,
            severity: f.severity,
            description: f.description.clone(),
        }
    }
}

/// `assess_risk` → risk-v1's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskAssessmentRecord {
    /// The level of the score.
    pub risk_level: RiskLevel,
    /// 0–100, whole.
    #[serde(with = "tag::decimal")]
    pub risk_score: Decimal,
    /// The factors, in today's order.
    pub risk_factors: Vec<RiskFactorRecord>,
    /// At most five recommendations.
    pub recommendations: Vec<String>,
    /// How the score sits with the persona.
    pub persona_alignment: String,
    /// `risk-v1`.
    pub model_version: String,
}

impl From<&RiskAssessment> for RiskAssessmentRecord {
    fn from(r: &RiskAssessment) -> Self {
        RiskAssessmentRecord {
            risk_level: r.risk_level,
            risk_score: r.risk_score,
            risk_factors: r.risk_factors.iter().map(RiskFactorRecord::from).collect(),
            recommendations: r.recommendations.clone(),
            persona_alignment: r.persona_alignment.clone(),
            model_version: r.model_version.to_owned(),
        }
    }
}

/// One fund of a typed risk request, every field optional and unchecked here (as the
/// request's JSON): [`RiskRequestInput::assess`] applies exactly the rules of
/// [`assess_risk_json`](crate::risk::assess_risk_json) to it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RiskFundInput {
    /// The scheme name (absent: today's placeholder).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme_name: Option<String>,
    /// The SEBI category (absent counts as `Unknown`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Share of the portfolio as a fraction (0–1, at most 12 decimals); absent = 0.
    #[serde(skip_serializing_if = "Option::is_none", with = "tag::decimal_option")]
    pub weight: Option<Decimal>,
    /// Annualised volatility in percent (0–1000, at most 6 decimals); absent = 15.
    #[serde(skip_serializing_if = "Option::is_none", with = "tag::decimal_option")]
    pub volatility: Option<Decimal>,
}

/// The profile part of a typed risk request (other profile fields are not read).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RiskProfileInput {
    /// `Conservative`, `Moderate` or `Aggressive` (anything else counts as moderate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk_tolerance: Option<String>,
    /// 0–100 (absent: 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub horizon_years: Option<i64>,
}

/// today's risk request as a typed record, for bindings without a JSON-like value
/// (Swift, Kotlin).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RiskRequestInput {
    /// The profile.
    pub profile: RiskProfileInput,
    /// The current portfolio.
    pub current_portfolio: Vec<RiskFundInput>,
    /// The proposed portfolio: assessed instead when non-empty, as today.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposed_portfolio: Option<Vec<RiskFundInput>>,
}

impl RiskRequestInput {
    /// risk-v1 for this request, with every rule of the JSON reader.
    pub fn assess(&self) -> Result<RiskAssessmentRecord, Error> {
        // Strings, integers and decimal text cannot fail to serialise; were it to, the
        // `null` would be refused by the reader as `risk_input`.
        let body = serde_json::to_value(self).unwrap_or_default();
        Ok(RiskAssessmentRecord::from(&crate::risk::assess_risk_value(
            &body,
        )?))
    }
}

/// `assess_risk(profile, funds)` over records ([`RiskProfile`](crate::risk::RiskProfile)
/// and [`Fund`](crate::risk::Fund) are already owned, all-public data).
pub fn assess_risk(
    profile: &crate::risk::RiskProfile,
    funds: &[crate::risk::Fund],
) -> Result<RiskAssessmentRecord, Error> {
    Ok(RiskAssessmentRecord::from(&crate::risk::assess_risk(
        profile, funds,
    )?))
}

// ---------------------------------------------------------------- persona

/// `train_personas` options; `None` takes the core's default
/// ([`default_train_options`](super::default_train_options),
/// [`DEFAULT_ALGORITHM`](super::DEFAULT_ALGORITHM),
/// [`DEFAULT_BATCH_SIZE`](super::DEFAULT_BATCH_SIZE)).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TrainOptionsRecord {
    /// Number of clusters.
    pub k: Option<u64>,
    /// The k-means++ seed.
    pub seed: Option<u64>,
    /// Most steps (passes for mini-batch).
    pub max_iterations: Option<u32>,
    /// The convergence tolerance (scikit-learn's criterion).
    pub tolerance: Option<f64>,
    /// `lloyd` or `minibatch`.
    pub algorithm: Option<super::AlgorithmName>,
    /// Profiles per mini-batch.
    pub batch_size: Option<u64>,
    /// Start from these centroids — the live model's ([`PersonaModel::centroids`]) —
    /// instead of the k-means++ seeding, so that retraining on new data moves as few
    /// profiles to another persona as the data allows. `k` defaults to their number
    /// (a different `k` is `persona_training`).
    ///
    /// [`PersonaModel::centroids`]: crate::persona::PersonaModel::centroids
    pub warm_start: Option<Vec<[f64; 6]>>,
}

impl From<&TrainOptionsRecord> for crate::persona::TrainOptions {
    /// Fills what is absent with the core's defaults. A `k` or batch size beyond the
    /// platform's `usize` becomes `usize::MAX`, which training refuses with its code.
    fn from(r: &TrainOptionsRecord) -> Self {
        let d = super::default_train_options();
        let size = |v: u64| usize::try_from(v).unwrap_or(usize::MAX);
        let k = match (r.k, &r.warm_start) {
            (Some(k), _) => size(k),
            (None, Some(centroids)) => centroids.len(),
            (None, None) => d.k,
        };
        crate::persona::TrainOptions {
            k,
            seed: r.seed.unwrap_or(d.seed),
            max_iterations: r.max_iterations.unwrap_or(d.max_iterations),
            tolerance: r.tolerance.unwrap_or(d.tolerance),
            init: r.warm_start.clone(),
            algorithm: r
                .algorithm
                .unwrap_or(super::DEFAULT_ALGORITHM)
                .with_batch_size(r.batch_size.map_or(super::DEFAULT_BATCH_SIZE, size)),
        }
    }
}

/// A persona of the catalogue as today's JSON shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonaRecord {
    /// The slug (today's JSON repeats it as the id).
    pub id: String,
    /// The display name.
    pub name: String,
    /// The slug.
    pub slug: String,
    /// The risk band.
    pub risk_band: String,
    /// The description.
    pub description: String,
}

impl From<PersonaId> for PersonaRecord {
    fn from(p: PersonaId) -> Self {
        PersonaRecord {
            id: p.slug().to_owned(),
            name: p.name().to_owned(),
            slug: p.slug().to_owned(),
            risk_band: p.risk_band().to_owned(),
            description: p.description().to_owned(),
        }
    }
}

/// A persona's probability.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonaProbability {
    /// The persona.
    pub persona: PersonaId,
    /// Its probability (12 decimals).
    #[serde(with = "tag::decimal")]
    pub probability: Decimal,
}

/// `classify` → the persona, confidence and probabilities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassificationRecord {
    /// The persona.
    pub persona: PersonaRecord,
    /// Its probability.
    #[serde(with = "tag::decimal")]
    pub confidence: Decimal,
    /// Every persona's probability, in catalogue order (an object in JSON).
    #[serde(with = "tag::probabilities")]
    pub probabilities: Vec<PersonaProbability>,
    /// The model version.
    pub model_version: String,
}

impl From<&Classification> for ClassificationRecord {
    fn from(c: &Classification) -> Self {
        ClassificationRecord {
            persona: c.persona.into(),
            confidence: c.confidence,
            probabilities: PersonaId::ALL
                .iter()
                .map(|&p| PersonaProbability {
                    persona: p,
                    probability: c.probability(p),
                })
                .collect(),
            model_version: c.model_version.to_string(),
        }
    }
}

/// One entry of a blended distribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DistributionEntryRecord {
    /// The persona.
    pub persona: PersonaRecord,
    /// Its weight (4 decimals).
    #[serde(with = "tag::decimal")]
    pub weight: Decimal,
    /// The persona's strategy fractions (an object in JSON).
    #[serde(with = "tag::shares")]
    pub allocation: Vec<AssetShare>,
}

impl From<&DistributionEntry> for DistributionEntryRecord {
    fn from(e: &DistributionEntry) -> Self {
        DistributionEntryRecord {
            persona: e.persona.into(),
            weight: e.weight,
            allocation: fraction_shares(&e.allocation),
        }
    }
}

/// `classify_blended` and `PersonaModel.predict` → the blend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlendedClassificationRecord {
    /// The primary persona.
    pub primary_persona: PersonaRecord,
    /// Every persona by weight, highest first.
    pub distribution: Vec<DistributionEntryRecord>,
    /// Σ weight × strategy per asset class (an object in JSON).
    #[serde(with = "tag::shares")]
    pub blended_allocation: Vec<AssetShare>,
    /// The primary persona's probability.
    #[serde(with = "tag::decimal")]
    pub confidence: Decimal,
    /// The model version.
    pub model_version: String,
}

impl From<&BlendedClassification> for BlendedClassificationRecord {
    fn from(b: &BlendedClassification) -> Self {
        BlendedClassificationRecord {
            primary_persona: b.primary.into(),
            distribution: b
                .distribution
                .iter()
                .map(DistributionEntryRecord::from)
                .collect(),
            blended_allocation: fraction_shares(&b.blended_allocation),
            confidence: b.confidence,
            model_version: b.model_version.to_string(),
        }
    }
}

// ---------------------------------------------------------------- functions

/// `split_amount(amount, funds)` over records.
pub fn split_amount(
    amount: Decimal,
    funds: &[FundSlotRecord],
) -> Result<Vec<FundAmountRecord>, Error> {
    let amount = money_field(amount, "amount")?;
    let slots = funds
        .iter()
        .map(FundSlot::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(allocation::split_amount(amount, &slots)?
        .iter()
        .map(FundAmountRecord::from)
        .collect())
}

/// `rebalance(holdings, target, options)` over records.
pub fn rebalance(
    holdings: &[PositionRecord],
    target: &[TargetRecord],
    options: &RebalanceOptionsRecord,
) -> Result<RebalancePlanRecord, Error> {
    let positions = holdings
        .iter()
        .map(Position::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    let targets = target
        .iter()
        .map(|t| {
            Percent::try_from_decimal(t.percent)
                .map(|p| (t.id.clone(), p))
                .map_err(|e| e.for_field("target"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let options = RebalanceOptions::try_from(options)?;
    Ok(RebalancePlanRecord::from(&allocation::rebalance(
        &positions, &targets, options,
    )?))
}

/// `check_constraints(holdings, constraints)` over records.
pub fn check_constraints(
    holdings: &[HoldingRecord],
    constraints: &[ConstraintRecord],
) -> Result<ConstraintReportRecord, Error> {
    let holdings = holdings
        .iter()
        .map(Holding::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    let constraints = constraints
        .iter()
        .map(RiskConstraint::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ConstraintReportRecord::from(
        &crate::risk::check_constraints(&holdings, &constraints)?,
    ))
}

/// `blend_allocation(distribution)` over records.
pub fn blend_allocation(
    distribution: &[allocation::PersonaWeight],
) -> Result<AllocationRecord, AllocationError> {
    Ok(AllocationRecord::from(&allocation::blend_allocation(
        distribution,
    )?))
}

#[cfg(test)]
mod tests {
    #[test]
    fn token_subject_spellings() {
        let s = token_subject(&serde_json::json!({
            "sub": "u", "email": "e@x.in", "role": "fa_staff",
            "owner_id": "a", "allowedPages": ["clients"], "jti": null
        }))
        .unwrap();
        assert_eq!((s.owner_id.as_deref(), s.jti), (Some("a"), None));
        assert_eq!(s.allowed_pages, Some(vec!["clients".to_owned()]));
        for bad in [
            serde_json::json!({"sub": "u", "iat": 1}),
            serde_json::json!({"sub": 5}),
            serde_json::json!({"allowedPages": "clients"}),
            serde_json::json!([]),
        ] {
            assert_eq!(
                token_subject(&bad).unwrap_err().code(),
                "input_type",
                "{bad}"
            );
        }
    }

    use super::*;
    use serde_json::json;

    #[test]
    fn records_serialise_as_the_domain_json() {
        let p = crate::profile::validate_profile(
            &json!({"age": 34, "horizon_years": 12, "risk_tolerance": "Aggressive",
                    "monthly_sip": "25000.5"}),
            crate::profile::ValidationMode::Strict,
        )
        .unwrap();
        assert_eq!(
            serde_json::to_value(ProfileRecord::from(&p)).unwrap(),
            serde_json::to_value(&p).unwrap()
        );
        let b = crate::persona::classify_blended(&p);
        assert_eq!(
            serde_json::to_value(BlendedClassificationRecord::from(&b)).unwrap(),
            serde_json::to_value(&b).unwrap()
        );
        let c = crate::persona::classify(&p);
        assert_eq!(
            serde_json::to_value(ClassificationRecord::from(&c)).unwrap(),
            serde_json::to_value(&c).unwrap()
        );
        let s = crate::allocation::strategy_for("balanced-voyager").unwrap();
        assert_eq!(
            serde_json::to_value(StrategyRecord::from(&s)).unwrap(),
            serde_json::to_value(&s).unwrap()
        );
        let r = crate::risk::assess_risk_json(
            r#"{"profile": {"risk_tolerance": "Aggressive"},
                "current_portfolio": [{"scheme_name": "A", "category": "Small Cap", "weight": 1}]}"#,
        )
        .unwrap();
        assert_eq!(
            serde_json::to_value(RiskAssessmentRecord::from(&r)).unwrap(),
            serde_json::to_value(&r).unwrap()
        );
    }

    #[test]
    fn a_typed_risk_request_is_the_json_request() {
        let fund = |name: &str, w: &str| RiskFundInput {
            scheme_name: Some(name.to_owned()),
            category: Some("Large Cap".to_owned()),
            weight: Some(w.parse().unwrap()),
            volatility: None,
        };
        let typed = RiskRequestInput {
            profile: RiskProfileInput {
                risk_tolerance: Some("Conservative".to_owned()),
                horizon_years: Some(3),
            },
            current_portfolio: vec![fund("A", "0.6"), fund("B", "0.4")],
            proposed_portfolio: None,
        };
        let text = crate::risk::assess_risk_json(
            r#"{"profile": {"risk_tolerance": "Conservative", "horizon_years": 3},
                "current_portfolio": [{"scheme_name": "A", "category": "Large Cap", "weight": "0.6"},
                                      {"scheme_name": "B", "category": "Large Cap", "weight": "0.4"}]}"#,
        )
        .unwrap();
        assert_eq!(typed.assess().unwrap(), RiskAssessmentRecord::from(&text));
        let mut bad = typed.clone();
        bad.current_portfolio = vec![fund("A", "1.5")];
        assert_eq!(bad.assess().unwrap_err().code(), "risk_input");
        bad.profile.horizon_years = Some(101);
        assert_eq!(bad.assess().unwrap_err().code(), "risk_input");
    }

    #[test]
    fn authorize_names_refuses_unknown_required_roles() {
        let d = authorize_names("admin", &["admin", "super_admin"], None, None).unwrap();
        assert!(d.allowed);
        assert_eq!(
            authorize_names("user", &["root"], None, None)
                .unwrap_err()
                .code(),
            "role_unknown"
        );
        assert!(
            !authorize_names("root", &["admin"], None, None)
                .unwrap()
                .allowed
        );
    }

    #[test]
    fn typed_inputs_take_the_same_rules_and_defaults() {
        let input = ProfileInput {
            age: Some(34),
            horizon_years: Some(12),
            risk_tolerance: Some("Aggressive".into()),
            monthly_sip: Some(Decimal::new(2_500_050, 2)),
            ..ProfileInput::default()
        };
        let json = input.to_json();
        assert_eq!(json["monthly_sip"], "25000.50");
        let strict = crate::profile::ValidationMode::Strict;
        assert_eq!(
            validate_profile_input(&input, strict).unwrap(),
            ProfileRecord::from(&crate::profile::validate_profile(&json, strict).unwrap())
        );
        let typo = ProfileInput {
            risk_tolerance: Some("aggressive".into()),
            ..input
        };
        let e = validate_profile_input(&typo, strict).unwrap_err();
        assert_eq!(e.field_errors()[0].code, "profile_not_one_of");

        let o = crate::persona::TrainOptions::from(&TrainOptionsRecord::default());
        assert_eq!(o, super::super::default_train_options());
        let mb = crate::persona::TrainOptions::from(&TrainOptionsRecord {
            algorithm: Some(super::super::AlgorithmName::MiniBatch),
            k: Some(u64::MAX),
            ..TrainOptionsRecord::default()
        });
        assert_eq!(
            mb.algorithm,
            crate::persona::TrainAlgorithm::MiniBatch {
                batch_size: super::super::DEFAULT_BATCH_SIZE
            }
        );
        assert_eq!(mb.k, usize::MAX);
        // A warm start brings its centroids and, unless k is given, their number.
        let warm = crate::persona::TrainOptions::from(&TrainOptionsRecord {
            warm_start: Some(vec![[0.1; 6], [0.9; 6]]),
            ..TrainOptionsRecord::default()
        });
        assert_eq!((warm.k, warm.init.as_ref().map(Vec::len)), (2, Some(2)));
        let given = crate::persona::TrainOptions::from(&TrainOptionsRecord {
            k: Some(5),
            warm_start: Some(vec![[0.1; 6], [0.9; 6]]),
            ..TrainOptionsRecord::default()
        });
        assert_eq!(given.k, 5);
    }

    #[test]
    fn record_inputs_are_checked_by_field() {
        let slot = FundSlotRecord {
            id: "a".into(),
            weight: Decimal::ONE,
            min_amount: Decimal::new(1, 3),
            multiple: Decimal::ONE,
        };
        let e = split_amount(Decimal::from(100), &[slot]).unwrap_err();
        assert_eq!(e.code(), "money_precision");
        assert_eq!(e.field_errors()[0].field, "min_amount");
    }
}
