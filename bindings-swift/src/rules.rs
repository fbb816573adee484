//! allocation, risk and persona.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use sparrow_core::allocation;
use sparrow_core::contract;
use sparrow_core::persona;
use sparrow_core::profile;

use crate::error::{out, read_opt, OrFail, Result};
use crate::money::{read_profile, read_profile_json, ProfileInput, ValidationMode};
use crate::ExactDecimal;

// ---------------------------------------------------------------- shared enums

/// An asset class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum AssetClass {
    /// Equity funds.
    Equity,
    /// Debt funds.
    Debt,
    /// Hybrid funds.
    Hybrid,
    /// Gold funds and ETFs.
    Gold,
    /// International funds.
    International,
    /// Liquid and money-market funds.
    Liquid,
    /// Other alternatives.
    Alternatives,
}

impl From<allocation::AssetClass> for AssetClass {
    fn from(c: allocation::AssetClass) -> Self {
        use allocation::AssetClass as C;
        match c {
            C::Equity => AssetClass::Equity,
            C::Debt => AssetClass::Debt,
            C::Hybrid => AssetClass::Hybrid,
            C::Gold => AssetClass::Gold,
            C::International => AssetClass::International,
            C::Liquid => AssetClass::Liquid,
            C::Alternatives => AssetClass::Alternatives,
        }
    }
}

/// One of the three personas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum PersonaId {
    /// `capital-guardian`.
    CapitalGuardian,
    /// `balanced-voyager`.
    BalancedVoyager,
    /// `accelerated-builder`.
    AcceleratedBuilder,
}

impl From<persona::PersonaId> for PersonaId {
    fn from(p: persona::PersonaId) -> Self {
        match p {
            persona::PersonaId::CapitalGuardian => PersonaId::CapitalGuardian,
            persona::PersonaId::BalancedVoyager => PersonaId::BalancedVoyager,
            persona::PersonaId::AcceleratedBuilder => PersonaId::AcceleratedBuilder,
        }
    }
}

impl From<PersonaId> for persona::PersonaId {
    fn from(p: PersonaId) -> Self {
        match p {
            PersonaId::CapitalGuardian => persona::PersonaId::CapitalGuardian,
            PersonaId::BalancedVoyager => persona::PersonaId::BalancedVoyager,
            PersonaId::AcceleratedBuilder => persona::PersonaId::AcceleratedBuilder,
        }
    }
}

/// The persona of a slug (`capital-guardian`, …).
#[uniffi::export]
pub fn persona_from_slug(slug: String) -> Result<PersonaId> {
    Ok(slug.parse::<persona::PersonaId>().or_fail()?.into())
}

/// A share of one asset class (a fraction or a percent, by context).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AssetShare {
    /// The class.
    pub asset_class: AssetClass,
    /// Its share.
    pub value: ExactDecimal,
}

fn shares(v: Vec<contract::AssetShare>) -> Vec<AssetShare> {
    v.into_iter()
        .map(|s| AssetShare {
            asset_class: s.asset_class.into(),
            value: out(s.value),
        })
        .collect()
}

// ---------------------------------------------------------------- allocation

/// A persona's weight in a blend.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PersonaWeight {
    /// The persona.
    pub persona: PersonaId,
    /// Its weight.
    pub weight: ExactDecimal,
}

/// Percents per asset class summing to exactly 100.00 (classes with a non-zero
/// percent, in the fixed class order).
#[uniffi::export]
pub fn blend_allocation(distribution: Vec<PersonaWeight>) -> Result<Vec<AssetShare>> {
    let weights = distribution
        .iter()
        .map(|w| {
            Ok(allocation::PersonaWeight {
                persona: w.persona.into(),
                weight: w.weight.read("weight")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(shares(
        contract::blend_allocation(&weights).or_fail()?.shares,
    ))
}

/// One fund of `splitAmount`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FundSlot {
    /// The fund's id.
    pub id: String,
    /// Its weight (any non-negative decimal).
    pub weight: ExactDecimal,
    /// The smallest amount it takes, in rupees.
    pub min_amount: ExactDecimal,
    /// The step its amount moves in, in rupees.
    pub multiple: ExactDecimal,
}

/// One part of `splitAmount`'s result.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FundAmount {
    /// The fund's id.
    pub id: String,
    /// Its amount in rupees.
    pub amount: ExactDecimal,
}

/// Per-fund amounts summing exactly to `amount`, each a multiple of its fund's step
/// and at least its minimum.
#[uniffi::export]
pub fn split_amount(amount: ExactDecimal, funds: Vec<FundSlot>) -> Result<Vec<FundAmount>> {
    let amount = amount.read("amount")?;
    let slots = funds
        .iter()
        .map(|f| {
            Ok(contract::FundSlotRecord {
                id: f.id.clone(),
                weight: f.weight.read("weight")?,
                min_amount: f.min_amount.read("min_amount")?,
                multiple: f.multiple.read("multiple")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(contract::split_amount(amount, &slots)
        .or_fail()?
        .into_iter()
        .map(|a| FundAmount {
            id: a.id,
            amount: out(a.amount),
        })
        .collect())
}

/// A holding of `rebalance`, and each position after it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Position {
    /// The fund's id.
    pub id: String,
    /// Its value in rupees.
    pub value: ExactDecimal,
}

/// One target of `rebalance`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Target {
    /// The fund's id.
    pub id: String,
    /// Its target percent (0–100, 2 decimals).
    pub percent: ExactDecimal,
}

/// `BUY` or `SELL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum TradeSide {
    /// Buy.
    Buy,
    /// Sell.
    Sell,
}

/// One trade of a plan.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Trade {
    /// The fund's id.
    pub id: String,
    /// Buy or sell.
    pub side: TradeSide,
    /// The amount in rupees.
    pub amount: ExactDecimal,
}

/// `rebalance` → the plan.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RebalancePlan {
    /// The trades, sells first.
    pub trades: Vec<Trade>,
    /// Every position after the trades.
    pub after: Vec<Position>,
    /// The total after the trades, in rupees.
    pub total: ExactDecimal,
    /// Whether any fund was outside the drift band before.
    pub out_of_band: bool,
    /// The largest drift before, in percentage points.
    pub max_drift_before: ExactDecimal,
    /// The largest drift after, in percentage points.
    pub max_drift_after: ExactDecimal,
}

/// Trades that bring `holdings` to `target` (percent per fund id).
#[uniffi::export(default(drift_band = None, buy_only = None, new_money = None))]
pub fn rebalance(
    holdings: Vec<Position>,
    target: Vec<Target>,
    drift_band: Option<ExactDecimal>,
    buy_only: Option<bool>,
    new_money: Option<ExactDecimal>,
) -> Result<RebalancePlan> {
    let positions = holdings
        .iter()
        .map(|h| {
            Ok(contract::PositionRecord {
                id: h.id.clone(),
                value: h.value.read("value")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let targets = target
        .iter()
        .map(|t| {
            Ok(contract::TargetRecord {
                id: t.id.clone(),
                percent: t.percent.read("target")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let options = contract::RebalanceOptionsRecord {
        drift_band: read_opt(&drift_band, "drift_band")?,
        buy_only,
        new_money: read_opt(&new_money, "new_money")?,
    };
    let p = contract::rebalance(&positions, &targets, &options).or_fail()?;
    let position = |p: contract::PositionRecord| Position {
        id: p.id,
        value: out(p.value),
    };
    Ok(RebalancePlan {
        trades: p
            .trades
            .into_iter()
            .map(|t| Trade {
                id: t.id,
                side: match t.side {
                    allocation::TradeSide::Buy => TradeSide::Buy,
                    allocation::TradeSide::Sell => TradeSide::Sell,
                },
                amount: out(t.amount),
            })
            .collect(),
        after: p.after.into_iter().map(position).collect(),
        total: out(p.total),
        out_of_band: p.out_of_band,
        max_drift_before: out(p.max_drift_before),
        max_drift_after: out(p.max_drift_after),
    })
}

/// A labelled component of a strategy.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Component {
    /// The label as shown to investors.
    pub label: String,
    /// Its asset class.
    pub asset_class: AssetClass,
    /// Its percent.
    pub allocation_percent: ExactDecimal,
}

/// A risk constraint (`constraintType` is one of the eight stored types).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Constraint {
    /// The type (`MAX_EQUITY`, …).
    pub constraint_type: String,
    /// Its value.
    pub constraint_value: ExactDecimal,
}

/// An allocation strategy: labelled components and the risk constraints it promises
/// to keep.
#[derive(Debug, uniffi::Object)]
pub struct Strategy {
    inner: allocation::Strategy,
}

#[uniffi::export]
impl Strategy {
    /// The database form (`{name, components: […], constraints: […]}`) as JSON text.
    #[uniffi::constructor]
    pub fn from_db(json: String) -> Result<Arc<Self>> {
        Ok(Arc::new(Strategy {
            inner: allocation::Strategy::from_db_json(&json).or_fail()?,
        }))
    }

    /// The ML service's form (`{persona?, allocation: {equity: "0.15", …}}`) as JSON
    /// text.
    #[uniffi::constructor]
    pub fn from_ml(json: String) -> Result<Arc<Self>> {
        Ok(Arc::new(Strategy {
            inner: allocation::Strategy::from_ml_json(&json).or_fail()?,
        }))
    }

    /// The name.
    pub fn name(&self) -> String {
        self.inner.name().to_owned()
    }

    /// The persona it is for, if any.
    pub fn persona(&self) -> Option<PersonaId> {
        self.inner.persona().map(PersonaId::from)
    }

    /// Its components, in their stored order.
    pub fn components(&self) -> Vec<Component> {
        contract::StrategyRecord::from(&self.inner)
            .components
            .into_iter()
            .map(|c| Component {
                label: c.label,
                asset_class: c.asset_class.into(),
                allocation_percent: out(c.allocation_percent),
            })
            .collect()
    }

    /// The constraints it promises to keep.
    pub fn constraints(&self) -> Vec<Constraint> {
        contract::StrategyRecord::from(&self.inner)
            .constraints
            .into_iter()
            .map(|c| Constraint {
                constraint_type: c.constraint_type,
                constraint_value: out(c.constraint_value),
            })
            .collect()
    }

    /// Percents per asset class (summing to 100.00), or an error for a strategy whose
    /// components do not.
    pub fn allocation(&self) -> Result<Vec<AssetShare>> {
        let a = self.inner.allocation().or_fail()?;
        Ok(shares(contract::AllocationRecord::from(&a).shares))
    }
}

/// The ML service's strategy for a persona slug.
#[uniffi::export]
pub fn strategy_for(persona_slug: String) -> Result<Arc<Strategy>> {
    Ok(Arc::new(Strategy {
        inner: allocation::strategy_for(&persona_slug).or_fail()?,
    }))
}

/// The strategies of today's database, as data.
#[uniffi::export]
pub fn database_strategies() -> Vec<Arc<Strategy>> {
    allocation::database_strategies()
        .into_iter()
        .map(|inner| Arc::new(Strategy { inner }))
        .collect()
}

// ---------------------------------------------------------------- risk

/// A holding of `checkConstraints`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Holding {
    /// The fund's id.
    pub id: String,
    /// Its SEBI category.
    pub category: String,
    /// Its value in rupees.
    pub value: ExactDecimal,
    /// Annualised volatility in percent (absent: risk-v1's default).
    #[uniffi(default = None)]
    pub volatility: Option<ExactDecimal>,
}

/// One broken constraint.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Violation {
    /// The constraint type (or `allocation_sum`).
    pub rule: String,
    /// The fund or category, if the rule is about one.
    pub subject: Option<String>,
    /// The limit, in percent.
    pub limit: ExactDecimal,
    /// The actual value, in percent.
    pub actual: ExactDecimal,
    /// How far past the limit, in percentage points.
    pub excess: ExactDecimal,
    /// A sentence naming all of the above.
    pub message: String,
}

/// A constraint not evaluated, and why.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NotEvaluated {
    /// The constraint type.
    pub rule: String,
    /// Why.
    pub reason: String,
}

/// `checkConstraints` / `checkStrategy` → the report.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ConstraintReport {
    /// Every broken constraint (empty when it passed).
    pub violations: Vec<Violation>,
    /// Constraints that were not evaluated, and why.
    pub not_evaluated: Vec<NotEvaluated>,
}

impl From<contract::ConstraintReportRecord> for ConstraintReport {
    fn from(r: contract::ConstraintReportRecord) -> Self {
        ConstraintReport {
            violations: r
                .violations
                .into_iter()
                .map(|v| Violation {
                    rule: v.rule,
                    subject: v.subject,
                    limit: out(v.limit),
                    actual: out(v.actual),
                    excess: out(v.excess),
                    message: v.message,
                })
                .collect(),
            not_evaluated: r
                .not_evaluated
                .into_iter()
                .map(|n| NotEvaluated {
                    rule: n.rule,
                    reason: n.reason,
                })
                .collect(),
        }
    }
}

/// A portfolio against risk constraints.
#[uniffi::export]
pub fn check_constraints(
    holdings: Vec<Holding>,
    constraints: Vec<Constraint>,
) -> Result<ConstraintReport> {
    let holdings = holdings
        .iter()
        .map(|h| {
            Ok(contract::HoldingRecord {
                id: h.id.clone(),
                category: h.category.clone(),
                value: h.value.read("value")?,
                volatility: read_opt(&h.volatility, "volatility")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let constraints = constraints
        .iter()
        .map(|c| {
            Ok(contract::ConstraintRecord {
                constraint_type: c.constraint_type.clone(),
                constraint_value: c.constraint_value.read("constraintValue")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(contract::check_constraints(&holdings, &constraints)
        .or_fail()?
        .into())
}

/// A strategy against its own constraints.
#[uniffi::export]
pub fn check_strategy(strategy: Arc<Strategy>) -> ConstraintReport {
    contract::ConstraintReportRecord::from(&allocation::check_strategy(&strategy.inner)).into()
}

/// What risk-v1 reads of a profile (as today's request: other fields are not read).
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct RiskProfileInput {
    /// `Conservative`, `Moderate` or `Aggressive` (anything else counts as moderate,
    /// as today).
    #[uniffi(default = None)]
    pub risk_tolerance: Option<String>,
    /// 0–100 (absent: 10).
    #[uniffi(default = None)]
    pub horizon_years: Option<i64>,
}

/// One fund of a portfolio, as the risk endpoint receives it.
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct RiskFund {
    /// The scheme name (absent: today's placeholder).
    #[uniffi(default = None)]
    pub scheme_name: Option<String>,
    /// The SEBI category (absent counts as `Unknown`).
    #[uniffi(default = None)]
    pub category: Option<String>,
    /// Share of the portfolio as a fraction (0–1); absent = 0.
    #[uniffi(default = None)]
    pub weight: Option<ExactDecimal>,
    /// Annualised volatility in percent; absent = 15.
    #[uniffi(default = None)]
    pub volatility: Option<ExactDecimal>,
}

/// One risk factor.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RiskFactor {
    /// The factor's name.
    pub name: String,
    /// Its contribution to the score.
    pub contribution: ExactDecimal,
    /// `Low`, `Moderate` or `High`.
    pub severity: String,
    /// A sentence about it.
    pub description: String,
}

/// `assessRisk` → risk-v1's result.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RiskAssessment {
    /// `Low`, `Moderate`, `Moderate-High`, `High`, `Very High` or `Unknown`.
    pub risk_level: String,
    /// 0–100.
    pub risk_score: ExactDecimal,
    /// The factors, in today's order.
    pub risk_factors: Vec<RiskFactor>,
    /// At most five recommendations.
    pub recommendations: Vec<String>,
    /// How the score sits with the persona.
    pub persona_alignment: String,
    /// `risk-v1`.
    pub model_version: String,
}

impl From<contract::RiskAssessmentRecord> for RiskAssessment {
    fn from(r: contract::RiskAssessmentRecord) -> Self {
        RiskAssessment {
            risk_level: r.risk_level.as_str().to_owned(),
            risk_score: out(r.risk_score),
            risk_factors: r
                .risk_factors
                .into_iter()
                .map(|f| RiskFactor {
                    name: f.name,
                    contribution: out(f.contribution),
                    severity: f.severity.as_str().to_owned(),
                    description: f.description,
                })
                .collect(),
            recommendations: r.recommendations,
            persona_alignment: r.persona_alignment,
            model_version: r.model_version,
        }
    }
}

impl RiskFund {
    fn to_contract(&self) -> Result<contract::RiskFundInput> {
        Ok(contract::RiskFundInput {
            scheme_name: self.scheme_name.clone(),
            category: self.category.clone(),
            weight: read_opt(&self.weight, "weight")?,
            volatility: read_opt(&self.volatility, "volatility")?,
        })
    }
}

fn funds(list: &[RiskFund]) -> Result<Vec<contract::RiskFundInput>> {
    list.iter().map(RiskFund::to_contract).collect()
}

/// risk-v1 for a profile and its portfolio (`proposed`, when non-empty, is assessed
/// instead, as today). Weights and volatilities are checked by the core, each
/// refusal `risk_input` naming the field.
#[uniffi::export(default(proposed = None))]
pub fn assess_risk(
    profile: RiskProfileInput,
    portfolio: Vec<RiskFund>,
    proposed: Option<Vec<RiskFund>>,
) -> Result<RiskAssessment> {
    let request = contract::RiskRequestInput {
        profile: contract::RiskProfileInput {
            risk_tolerance: profile.risk_tolerance,
            horizon_years: profile.horizon_years,
        },
        current_portfolio: funds(&portfolio)?,
        proposed_portfolio: proposed.as_deref().map(funds).transpose()?,
    };
    Ok(request.assess().or_fail()?.into())
}

/// risk-v1 for today's request body as JSON text (`{profile, current_portfolio?,
/// proposed_portfolio?}`).
#[uniffi::export]
pub fn assess_risk_json(body: String) -> Result<RiskAssessment> {
    let r = sparrow_core::risk::assess_risk_json(&body).or_fail()?;
    Ok(contract::RiskAssessmentRecord::from(&r).into())
}

// ---------------------------------------------------------------- persona

/// A persona of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Persona {
    /// The persona.
    pub id: PersonaId,
    /// Its slug (`capital-guardian`).
    pub slug: String,
    /// The display name.
    pub name: String,
    /// The risk band.
    pub risk_band: String,
    /// The description.
    pub description: String,
}

impl From<persona::PersonaId> for Persona {
    fn from(p: persona::PersonaId) -> Self {
        let r = contract::PersonaRecord::from(p);
        Persona {
            id: p.into(),
            slug: r.slug,
            name: r.name,
            risk_band: r.risk_band,
            description: r.description,
        }
    }
}

/// A persona's probability.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PersonaProbability {
    /// The persona.
    pub persona: PersonaId,
    /// Its probability (12 decimals).
    pub probability: ExactDecimal,
}

/// `classify` → the persona, confidence and every probability.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Classification {
    /// The persona.
    pub persona: Persona,
    /// Its probability.
    pub confidence: ExactDecimal,
    /// Every persona's probability, in catalogue order.
    pub probabilities: Vec<PersonaProbability>,
    /// The model version.
    pub model_version: String,
}

impl From<&persona::Classification> for Classification {
    fn from(c: &persona::Classification) -> Self {
        let r = contract::ClassificationRecord::from(c);
        Classification {
            persona: c.persona.into(),
            confidence: out(r.confidence),
            probabilities: r
                .probabilities
                .into_iter()
                .map(|p| PersonaProbability {
                    persona: p.persona.into(),
                    probability: out(p.probability),
                })
                .collect(),
            model_version: r.model_version,
        }
    }
}

/// One entry of a blended distribution.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DistributionEntry {
    /// The persona.
    pub persona: Persona,
    /// Its weight (4 decimals).
    pub weight: ExactDecimal,
    /// The persona's strategy fractions.
    pub allocation: Vec<AssetShare>,
}

/// `classifyBlended` and `PersonaModel.predict` → the blend.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BlendedClassification {
    /// The primary persona.
    pub primary_persona: Persona,
    /// Every persona by weight, highest first.
    pub distribution: Vec<DistributionEntry>,
    /// Σ weight × strategy per asset class (fractions).
    pub blended_allocation: Vec<AssetShare>,
    /// The primary persona's probability.
    pub confidence: ExactDecimal,
    /// The model version.
    pub model_version: String,
}

impl From<&persona::BlendedClassification> for BlendedClassification {
    fn from(b: &persona::BlendedClassification) -> Self {
        let r = contract::BlendedClassificationRecord::from(b);
        BlendedClassification {
            primary_persona: b.primary.into(),
            distribution: b
                .distribution
                .iter()
                .zip(r.distribution)
                .map(|(e, d)| DistributionEntry {
                    persona: e.persona.into(),
                    weight: out(d.weight),
                    allocation: shares(d.allocation),
                })
                .collect(),
            blended_allocation: shares(r.blended_allocation),
            confidence: out(r.confidence),
            model_version: r.model_version,
        }
    }
}

fn profiles(list: &[ProfileInput], mode: Option<ValidationMode>) -> Result<Vec<profile::Profile>> {
    list.iter().map(|p| read_profile(p, mode)).collect()
}

/// rules-v2-blended's primary persona with its probabilities.
#[uniffi::export(default(mode = None))]
pub fn classify(profile: ProfileInput, mode: Option<ValidationMode>) -> Result<Classification> {
    Ok((&persona::classify(&read_profile(&profile, mode)?)).into())
}

/// rules-v2-blended: every persona by weight and the blended allocation.
#[uniffi::export(default(mode = None))]
pub fn classify_blended(
    profile: ProfileInput,
    mode: Option<ValidationMode>,
) -> Result<BlendedClassification> {
    Ok((&persona::classify_blended(&read_profile(&profile, mode)?)).into())
}

/// `classify` for each profile (the first invalid one throws).
#[uniffi::export(default(mode = None))]
pub fn classify_many(
    profiles: Vec<ProfileInput>,
    mode: Option<ValidationMode>,
) -> Result<Vec<Classification>> {
    let ps = self::profiles(&profiles, mode)?;
    Ok(persona::classify_many(&ps)
        .iter()
        .map(Classification::from)
        .collect())
}

/// `classifyBlended` for each profile (the first invalid one throws).
#[uniffi::export(default(mode = None))]
pub fn classify_blended_many(
    profiles: Vec<ProfileInput>,
    mode: Option<ValidationMode>,
) -> Result<Vec<BlendedClassification>> {
    let ps = self::profiles(&profiles, mode)?;
    Ok(persona::classify_blended_many(&ps)
        .iter()
        .map(BlendedClassification::from)
        .collect())
}

/// `classifyBlended` of a profile given as JSON text.
#[uniffi::export(default(mode = None))]
pub fn classify_blended_json(
    json: String,
    mode: Option<ValidationMode>,
) -> Result<BlendedClassification> {
    Ok((&persona::classify_blended(&read_profile_json(&json, mode)?)).into())
}

/// The k-means flavour: `LLOYD` (the default) or `MINIBATCH`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum KmeansAlgorithm {
    /// Classic k-means.
    Lloyd,
    /// Mini-batch k-means.
    Minibatch,
}

/// A k-means persona model: trained here or loaded from a saved file.
#[derive(Debug, uniffi::Object)]
pub struct PersonaModel {
    inner: persona::PersonaModel,
}

/// k-means personas over profiles (blocking: call it off the main thread). Absent
/// options take the core's defaults (`k` 3, `seed` 42, …).
#[uniffi::export(default(
    k = None,
    seed = None,
    max_iterations = None,
    tolerance = None,
    algorithm = None,
    batch_size = None,
    mode = None
))]
#[allow(clippy::too_many_arguments)]
pub fn train_personas(
    profiles: Vec<ProfileInput>,
    k: Option<u64>,
    seed: Option<u64>,
    max_iterations: Option<u32>,
    tolerance: Option<f64>,
    algorithm: Option<KmeansAlgorithm>,
    batch_size: Option<u64>,
    mode: Option<ValidationMode>,
) -> Result<Arc<PersonaModel>> {
    let ps = self::profiles(&profiles, mode)?;
    let record = contract::TrainOptionsRecord {
        k,
        seed,
        max_iterations,
        tolerance,
        algorithm: algorithm.map(|a| match a {
            KmeansAlgorithm::Lloyd => contract::AlgorithmName::Lloyd,
            KmeansAlgorithm::Minibatch => contract::AlgorithmName::MiniBatch,
        }),
        batch_size,
        // Warm starts are for the ML service's retraining (Python), not for devices.
        warm_start: None,
    };
    let options = persona::TrainOptions::from(&record);
    Ok(Arc::new(PersonaModel {
        inner: persona::train_personas_with(&ps, &options, None).or_fail()?,
    }))
}

#[uniffi::export]
impl PersonaModel {
    /// Loads `{dir}/{name}_v{version}.json` (`version` `"latest"` by default).
    #[uniffi::constructor(default(version = None))]
    pub fn load(dir: String, name: String, version: Option<String>) -> Result<Arc<Self>> {
        let version = version.unwrap_or_else(|| contract::DEFAULT_MODEL_VERSION.to_owned());
        Ok(Arc::new(PersonaModel {
            inner: persona::PersonaModel::load(&PathBuf::from(dir), &name, Some(&version))
                .or_fail()?,
        }))
    }

    /// Saves as `{dir}/{name}_v{version}.json` (version defaults to the current UTC
    /// time as `YYYYMMDD_HHMMSS`); an existing version is never overwritten. Returns
    /// the path.
    #[uniffi::method(default(version = None))]
    pub fn save(&self, dir: String, name: String, version: Option<String>) -> Result<String> {
        let version = match version {
            Some(v) => v,
            None => persona::version_from_unix(crate::auth::now_or_clock(Some(SystemTime::now())))
                .or_fail()?,
        };
        let path = self
            .inner
            .save(&PathBuf::from(dir), &name, &version)
            .or_fail()?;
        Ok(path.to_string_lossy().into_owned())
    }

    /// The blend for a profile.
    #[uniffi::method(default(mode = None))]
    pub fn predict(
        &self,
        profile: ProfileInput,
        mode: Option<ValidationMode>,
    ) -> Result<BlendedClassification> {
        Ok((&self.inner.predict(&read_profile(&profile, mode)?)).into())
    }

    /// `predict` for each profile.
    #[uniffi::method(default(mode = None))]
    pub fn predict_many(
        &self,
        profiles: Vec<ProfileInput>,
        mode: Option<ValidationMode>,
    ) -> Result<Vec<BlendedClassification>> {
        let ps = self::profiles(&profiles, mode)?;
        Ok(self
            .inner
            .predict_many(&ps)
            .iter()
            .map(BlendedClassification::from)
            .collect())
    }

    /// The persona of each centroid.
    pub fn personas(&self) -> Vec<PersonaId> {
        self.inner
            .personas()
            .iter()
            .map(|&p| PersonaId::from(p))
            .collect()
    }

    /// `kmeans-…` with its training parameters.
    pub fn model_version(&self) -> String {
        self.inner.model_version().to_owned()
    }

    /// The name it was saved or loaded under.
    pub fn name(&self) -> Option<String> {
        self.inner.name().map(str::to_owned)
    }

    /// The version it was saved or loaded under.
    pub fn version(&self) -> Option<String> {
        self.inner.version().map(str::to_owned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SparrowError;

    #[test]
    fn typed_risk_input_is_todays_request() {
        let fund = |name: &str, cat: &str, w: &str| RiskFund {
            scheme_name: Some(name.to_owned()),
            category: Some(cat.to_owned()),
            weight: Some(ExactDecimal(w.to_owned())),
            volatility: None,
        };
        let typed = assess_risk(
            RiskProfileInput {
                risk_tolerance: Some("Conservative".to_owned()),
                horizon_years: Some(3),
            },
            vec![fund("A", "Large Cap", "0.6"), fund("B", "Gilt", "0.4")],
            None,
        )
        .unwrap();
        let text = assess_risk_json(
            r#"{"profile": {"risk_tolerance": "Conservative", "horizon_years": 3},
                "current_portfolio": [{"scheme_name": "A", "category": "Large Cap", "weight": "0.6"},
                                      {"scheme_name": "B", "category": "Gilt", "weight": "0.4"}]}"#
                .to_owned(),
        )
        .unwrap();
        assert_eq!(typed, text);
        // A refusal names the field, as the JSON reader does.
        let bad = assess_risk(
            RiskProfileInput::default(),
            vec![fund("A", "Large Cap", "1.5")],
            None,
        );
        assert!(matches!(bad, Err(SparrowError::Failure { ref code, .. }) if code == "risk_input"));
    }

    #[test]
    fn enums_cover_the_core() {
        for c in allocation::AssetClass::ALL {
            let _ = AssetClass::from(c);
        }
        for p in persona::PersonaId::ALL {
            assert_eq!(persona::PersonaId::from(PersonaId::from(p)), p);
        }
    }
}
