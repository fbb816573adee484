//! persona, allocation and risk.

use std::ops::ControlFlow;
use std::path::PathBuf;

use napi::bindgen_prelude::AsyncTask;
use napi::{Env, Task, Unknown, ValueType};
use napi_derive::napi;
use rust_decimal::Decimal;
use serde_json::Value;
use sparrow_core::allocation::{self, PersonaWeight, MAX_FUNDS};
use sparrow_core::contract::{self, AllocationRecord, InputBudget};
use sparrow_core::persona::{self, PersonaId, TrainOptions};
use sparrow_core::profile::{Profile, ValidationMode};
use sparrow_core::risk::{self, Holding, RiskConstraint, MAX_RISK_JSON};

use crate::auth::{abort_of, Abort};
use crate::js::{self, Options, OrThrow, Result};
use crate::money::{mode_of, profile_arg};

/// The most profiles one batch call reads (the core's training cap).
const MAX_BATCH: usize = persona::MAX_TRAINING_PROFILES;

fn mode_options(env: &Env, options: Option<Unknown<'_>>) -> Result<ValidationMode> {
    let options = Options::new(env, options, &["mode"], "mode")?;
    mode_of(env, &options)
}

fn profiles_arg(env: &Env, v: Unknown<'_>, mode: ValidationMode) -> Result<Vec<Profile>> {
    js::array(env, v, "profiles", MAX_BATCH)?
        .into_iter()
        .map(|p| profile_arg(env, p, "profiles", mode))
        .collect()
}

/// rules-v2-blended's primary persona with its probabilities.
#[napi(
    ts_args_type = "profile: ProfileInput | string, options?: { mode?: ValidationMode }",
    ts_return_type = "Classification"
)]
pub fn classify<'env>(
    env: &'env Env,
    profile: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<Unknown<'env>> {
    let p = profile_arg(env, profile, "profile", mode_options(env, options)?)?;
    js::to_js(
        env,
        &contract::ClassificationRecord::from(&persona::classify(&p)),
    )
}

/// rules-v2-blended: the distribution over personas and the blended allocation.
#[napi(
    ts_args_type = "profile: ProfileInput | string, options?: { mode?: ValidationMode }",
    ts_return_type = "BlendedClassification"
)]
pub fn classify_blended<'env>(
    env: &'env Env,
    profile: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<Unknown<'env>> {
    let p = profile_arg(env, profile, "profile", mode_options(env, options)?)?;
    js::to_js(
        env,
        &contract::BlendedClassificationRecord::from(&persona::classify_blended(&p)),
    )
}

/// [`classify`] over many profiles (any invalid profile fails the call).
#[napi(
    ts_args_type = "profiles: Array<ProfileInput | string>, options?: { mode?: ValidationMode }",
    ts_return_type = "Classification[]"
)]
pub fn classify_many<'env>(
    env: &'env Env,
    profiles: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<Unknown<'env>> {
    let ps = profiles_arg(env, profiles, mode_options(env, options)?)?;
    let out: Vec<contract::ClassificationRecord> = persona::classify_many(&ps)
        .iter()
        .map(contract::ClassificationRecord::from)
        .collect();
    js::to_js(env, &out)
}

/// [`classify_blended`] over many profiles.
#[napi(
    ts_args_type = "profiles: Array<ProfileInput | string>, options?: { mode?: ValidationMode }",
    ts_return_type = "BlendedClassification[]"
)]
pub fn classify_blended_many<'env>(
    env: &'env Env,
    profiles: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<Unknown<'env>> {
    let ps = profiles_arg(env, profiles, mode_options(env, options)?)?;
    let out: Vec<contract::BlendedClassificationRecord> = persona::classify_blended_many(&ps)
        .iter()
        .map(contract::BlendedClassificationRecord::from)
        .collect();
    js::to_js(env, &out)
}

// ---------------------------------------------------------------- allocation

fn persona_of(env: &Env, v: Unknown<'_>) -> Result<PersonaId> {
    // A slug, or a persona object as classifyBlended returns it.
    let slug = if js::type_of(env, &v, "persona")? == ValueType::String {
        js::text(env, v, "persona")?
    } else {
        let obj = js::object(env, v, "persona", "a persona slug or an object with a slug")?;
        let slug = js::required(
            env,
            &obj,
            "slug",
            "persona",
            "a persona slug or an object with a slug",
        )?;
        js::text(env, slug, "persona.slug")?
    };
    slug.parse::<PersonaId>().or_throw(env)
}

/// Percents per asset class summing to exactly 100.00, from `[{persona, weight}, …]`
/// (the `distribution` of `classifyBlended` works as it is).
#[napi(
    ts_args_type = "distribution: Array<{ persona: PersonaSlug | { slug: PersonaSlug }, weight: DecimalInput }>",
    ts_return_type = "Allocation"
)]
pub fn blend_allocation<'env>(env: &'env Env, distribution: Unknown<'_>) -> Result<Unknown<'env>> {
    const ITEM: &str = "{ persona, weight }";
    let mut weights = Vec::new();
    for item in js::array(env, distribution, "distribution", MAX_FUNDS)? {
        let obj = js::object(env, item, "distribution", ITEM)?;
        weights.push(PersonaWeight {
            persona: persona_of(
                env,
                js::required(env, &obj, "persona", "distribution", ITEM)?,
            )?,
            weight: js::decimal(
                env,
                js::required(env, &obj, "weight", "distribution", ITEM)?,
                "weight",
            )?,
        });
    }
    js::to_js(env, &contract::blend_allocation(&weights).or_throw(env)?)
}

/// Per-fund amounts summing exactly to `amount`.
#[napi(
    ts_args_type = "amount: DecimalInput, funds: Array<{ id: string, weight: DecimalInput, min_amount: DecimalInput, multiple: DecimalInput }>",
    ts_return_type = "FundAmount[]"
)]
pub fn split_amount<'env>(
    env: &'env Env,
    amount: Unknown<'_>,
    funds: Unknown<'_>,
) -> Result<Unknown<'env>> {
    const ITEM: &str = "{ id, weight, min_amount, multiple }";
    let amount = js::decimal(env, amount, "amount")?;
    let mut slots = Vec::new();
    for f in js::array(env, funds, "funds", MAX_FUNDS)? {
        let obj = js::object(env, f, "funds", ITEM)?;
        let field = |key: &'static str| js::required(env, &obj, key, "funds", ITEM);
        slots.push(contract::FundSlotRecord {
            id: js::text(env, field("id")?, "funds.id")?,
            weight: js::decimal(env, field("weight")?, "weight")?,
            min_amount: js::decimal(env, field("min_amount")?, "min_amount")?,
            multiple: js::decimal(env, field("multiple")?, "multiple")?,
        });
    }
    js::to_js(env, &contract::split_amount(amount, &slots).or_throw(env)?)
}

/// Trades that bring holdings back to the target percents.
#[napi(
    ts_args_type = "holdings: Array<{ id: string, value: DecimalInput }>, target: Record<string, DecimalInput>, options?: { driftBand?: DecimalInput, buyOnly?: boolean, newMoney?: DecimalInput }",
    ts_return_type = "RebalancePlan"
)]
pub fn rebalance<'env>(
    env: &'env Env,
    holdings: Unknown<'_>,
    target: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<Unknown<'env>> {
    const ITEM: &str = "{ id, value }";
    let mut positions = Vec::new();
    for h in js::array(env, holdings, "holdings", MAX_FUNDS)? {
        let obj = js::object(env, h, "holdings", ITEM)?;
        positions.push(contract::PositionRecord {
            id: js::text(
                env,
                js::required(env, &obj, "id", "holdings", ITEM)?,
                "holdings.id",
            )?,
            value: js::decimal(
                env,
                js::required(env, &obj, "value", "holdings", ITEM)?,
                "value",
            )?,
        });
    }
    let target = js::object(env, target, "target", "an object of fund id to percent")?;
    let mut targets = Vec::new();
    for id in js::keys(env, &target, "target")?
        .into_iter()
        .take(MAX_FUNDS.saturating_add(1))
    {
        let Some(v) = js::own(env, &target, &id, "target")? else {
            continue;
        };
        targets.push(contract::TargetRecord {
            percent: js::decimal(env, v, "target")?,
            id,
        });
    }
    let options = Options::new(
        env,
        options,
        &["driftBand", "buyOnly", "newMoney"],
        "driftBand, buyOnly, newMoney",
    )?;
    let dec = |key: &'static str| -> Result<Option<Decimal>> {
        options
            .get(env, key)?
            .map(|v| js::decimal(env, v, key))
            .transpose()
    };
    let record = contract::RebalanceOptionsRecord {
        drift_band: dec("driftBand")?,
        buy_only: options
            .get(env, "buyOnly")?
            .map(|v| js::boolean(env, v, "buyOnly"))
            .transpose()?,
        new_money: dec("newMoney")?,
    };
    js::to_js(
        env,
        &contract::rebalance(&positions, &targets, &record).or_throw(env)?,
    )
}

/// A portfolio against risk constraints (rows as the database stores them).
#[napi(
    ts_args_type = "holdings: Array<{ id: string, category: string, value: DecimalInput, volatility?: DecimalInput | null }>, constraints: object[]",
    ts_return_type = "ConstraintReport"
)]
pub fn check_constraints<'env>(
    env: &'env Env,
    holdings: Unknown<'_>,
    constraints: Unknown<'_>,
) -> Result<Unknown<'env>> {
    const ITEM: &str = "{ id, category, value, volatility? }";
    let mut list = Vec::new();
    for h in js::array(env, holdings, "holdings", MAX_FUNDS)? {
        let obj = js::object(env, h, "holdings", ITEM)?;
        let record = contract::HoldingRecord {
            id: js::text(
                env,
                js::required(env, &obj, "id", "holdings", ITEM)?,
                "holdings.id",
            )?,
            category: js::text(
                env,
                js::required(env, &obj, "category", "holdings", ITEM)?,
                "holdings.category",
            )?,
            value: js::decimal(
                env,
                js::required(env, &obj, "value", "holdings", ITEM)?,
                "value",
            )?,
            volatility: js::own(env, &obj, "volatility", "holdings")?
                .map(|v| js::decimal(env, v, "volatility"))
                .transpose()?,
        };
        list.push(Holding::try_from(&record).or_throw(env)?);
    }
    let mut budget = InputBudget::new("constraints");
    let mut rows = Vec::new();
    for c in js::array(env, constraints, "constraints", MAX_FUNDS)? {
        let row = js::json(env, c, "constraints", &mut budget, 1)?;
        rows.push(RiskConstraint::from_json_row(&row).or_throw(env)?);
    }
    js::to_js(
        env,
        &contract::ConstraintReportRecord::from(
            &risk::check_constraints(&list, &rows).or_throw(env)?,
        ),
    )
}

/// A strategy: labelled components and the risk constraints it promises to keep.
#[napi]
#[derive(Debug, Clone)]
pub struct Strategy {
    inner: allocation::Strategy,
}

fn strategy_text(env: &Env, v: Unknown<'_>) -> Result<String> {
    if js::type_of(env, &v, "strategy")? == ValueType::String {
        return js::text(env, v, "strategy");
    }
    Ok(js::json_arg(env, v, "strategy", contract::MAX_INPUT_BYTES)?.to_string())
}

#[napi]
impl Strategy {
    /// The database form (`{name, components: [...], constraints: [...]}`), as an object
    /// or JSON text.
    #[napi(factory, ts_args_type = "document: object | string")]
    pub fn from_db(env: Env, document: Unknown<'_>) -> Result<Strategy> {
        Ok(Strategy {
            inner: allocation::Strategy::from_db_json(&strategy_text(&env, document)?)
                .or_throw(&env)?,
        })
    }

    /// The ML service's form (`{persona?, allocation: {equity: "0.15", …}}`).
    #[napi(factory, ts_args_type = "document: object | string")]
    pub fn from_ml(env: Env, document: Unknown<'_>) -> Result<Strategy> {
        Ok(Strategy {
            inner: allocation::Strategy::from_ml_json(&strategy_text(&env, document)?)
                .or_throw(&env)?,
        })
    }

    /// The strategy's name.
    #[napi(getter)]
    pub fn name(&self) -> String {
        self.inner.name().to_owned()
    }

    /// The persona slug it belongs to, if any.
    #[napi(getter, ts_return_type = "PersonaSlug | null")]
    pub fn persona(&self) -> Option<&'static str> {
        self.inner.persona().map(PersonaId::slug)
    }

    /// The validated allocation: percents per asset class (throws unless exactly 100.00).
    #[napi(ts_return_type = "Allocation")]
    pub fn allocation<'env>(&self, env: &'env Env) -> Result<Unknown<'env>> {
        let a = self.inner.allocation().or_throw(env)?;
        js::to_js(env, &AllocationRecord::from(&a))
    }

    /// The strategy as data (`JSON.stringify` uses it).
    #[napi(js_name = "toJSON", ts_return_type = "StrategyRecord")]
    pub fn to_json<'env>(&self, env: &'env Env) -> Result<Unknown<'env>> {
        js::to_js(env, &contract::StrategyRecord::from(&self.inner))
    }
}

/// The ML service's strategy for a persona slug.
#[napi(ts_args_type = "personaSlug: PersonaSlug")]
pub fn strategy_for(env: Env, persona_slug: Unknown<'_>) -> Result<Strategy> {
    let slug = js::text(&env, persona_slug, "personaSlug")?;
    Ok(Strategy {
        inner: allocation::strategy_for(&slug).or_throw(&env)?,
    })
}

/// The strategies as the database holds them today.
#[napi]
pub fn database_strategies() -> Vec<Strategy> {
    allocation::database_strategies()
        .into_iter()
        .map(|inner| Strategy { inner })
        .collect()
}

/// A strategy against its own constraints.
#[napi(
    ts_args_type = "strategy: Strategy",
    ts_return_type = "ConstraintReport"
)]
pub fn check_strategy<'env>(env: &'env Env, strategy: Unknown<'_>) -> Result<Unknown<'env>> {
    let strategy = js::instance::<Strategy>(env, strategy, "strategy", "a Strategy")?;
    js::to_js(
        env,
        &contract::ConstraintReportRecord::from(&allocation::check_strategy(&strategy.inner)),
    )
}

// ---------------------------------------------------------------- risk

/// risk-v1 for a profile and a portfolio (`proposed` wins when non-empty, as today).
#[napi(
    ts_args_type = "profile: object, portfolio?: object[] | null, options?: { proposed?: object[] }",
    ts_return_type = "RiskAssessment"
)]
pub fn assess_risk<'env>(
    env: &'env Env,
    profile: Unknown<'_>,
    portfolio: Option<Unknown<'_>>,
    options: Option<Unknown<'_>>,
) -> Result<Unknown<'env>> {
    // One budget for the whole request, as its JSON text would have.
    let mut budget = InputBudget::with_limit("request", MAX_RISK_JSON);
    let mut body = serde_json::Map::new();
    body.insert(
        "profile".to_owned(),
        js::json(env, profile, "profile", &mut budget, 1)?,
    );
    if let Some(p) = portfolio {
        if !js::is_absent(env, &p, "portfolio")? {
            body.insert(
                "current_portfolio".to_owned(),
                js::json(env, p, "portfolio", &mut budget, 1)?,
            );
        }
    }
    let options = Options::new(env, options, &["proposed"], "proposed")?;
    if let Some(p) = options.get(env, "proposed")? {
        body.insert(
            "proposed_portfolio".to_owned(),
            js::json(env, p, "proposed", &mut budget, 1)?,
        );
    }
    let r = risk::assess_risk_value(&Value::Object(body)).or_throw(env)?;
    js::to_js(env, &contract::RiskAssessmentRecord::from(&r))
}

/// risk-v1 for today's request body (`{profile, current_portfolio?,
/// proposed_portfolio?}`) as an object or JSON text.
#[napi(
    ts_args_type = "body: object | string",
    ts_return_type = "RiskAssessment"
)]
pub fn assess_risk_request<'env>(env: &'env Env, body: Unknown<'_>) -> Result<Unknown<'env>> {
    let r = if js::type_of(env, &body, "request")? == ValueType::String {
        risk::assess_risk_json(&js::text(env, body, "request")?).or_throw(env)?
    } else {
        risk::assess_risk_value(&js::json_arg(env, body, "request", MAX_RISK_JSON)?)
            .or_throw(env)?
    };
    js::to_js(env, &contract::RiskAssessmentRecord::from(&r))
}

// ---------------------------------------------------------------- k-means personas

/// A k-means persona model.
#[napi]
#[derive(Debug, Clone)]
pub struct PersonaModel {
    inner: persona::PersonaModel,
}

#[napi]
impl PersonaModel {
    /// The blended classification of one profile by the nearest centroids.
    #[napi(
        ts_args_type = "profile: ProfileInput | string, options?: { mode?: ValidationMode }",
        ts_return_type = "BlendedClassification"
    )]
    pub fn predict<'env>(
        &self,
        env: &'env Env,
        profile: Unknown<'_>,
        options: Option<Unknown<'_>>,
    ) -> Result<Unknown<'env>> {
        let p = profile_arg(env, profile, "profile", mode_options(env, options)?)?;
        js::to_js(
            env,
            &contract::BlendedClassificationRecord::from(&self.inner.predict(&p)),
        )
    }

    /// [`PersonaModel::predict`] over many profiles.
    #[napi(
        ts_args_type = "profiles: Array<ProfileInput | string>, options?: { mode?: ValidationMode }",
        ts_return_type = "BlendedClassification[]"
    )]
    pub fn predict_many<'env>(
        &self,
        env: &'env Env,
        profiles: Unknown<'_>,
        options: Option<Unknown<'_>>,
    ) -> Result<Unknown<'env>> {
        let ps = profiles_arg(env, profiles, mode_options(env, options)?)?;
        let out: Vec<contract::BlendedClassificationRecord> = self
            .inner
            .predict_many(&ps)
            .iter()
            .map(contract::BlendedClassificationRecord::from)
            .collect();
        js::to_js(env, &out)
    }

    /// Saves as `{dir}/{name}_v{version}.json` (version defaults to the current UTC time
    /// as `YYYYMMDD_HHMMSS`); an existing version is never overwritten. Returns the path.
    #[napi(ts_args_type = "dir: string, name: string, options?: { version?: string }")]
    pub fn save(
        &self,
        env: Env,
        dir: Unknown<'_>,
        name: Unknown<'_>,
        options: Option<Unknown<'_>>,
    ) -> Result<String> {
        let dir = PathBuf::from(js::text(&env, dir, "dir")?);
        let name = js::text(&env, name, "name")?;
        let options = Options::new(&env, options, &["version"], "version")?;
        let version = match options.text(&env, "version")? {
            Some(v) => v,
            None => persona::version_from_unix(js::now(&env, None, "version")?).or_throw(&env)?,
        };
        let path = self.inner.save(&dir, &name, &version).or_throw(&env)?;
        Ok(path.to_string_lossy().into_owned())
    }

    /// Loads `{dir}/{name}_v{version}.json` (`version: "latest"` by default).
    #[napi(
        factory,
        ts_args_type = "dir: string, name: string, options?: { version?: string }"
    )]
    pub fn load(
        env: Env,
        dir: Unknown<'_>,
        name: Unknown<'_>,
        options: Option<Unknown<'_>>,
    ) -> Result<PersonaModel> {
        let dir = PathBuf::from(js::text(&env, dir, "dir")?);
        let name = js::text(&env, name, "name")?;
        let options = Options::new(&env, options, &["version"], "version")?;
        let version = options
            .text(&env, "version")?
            .unwrap_or_else(|| contract::DEFAULT_MODEL_VERSION.to_owned());
        Ok(PersonaModel {
            inner: persona::PersonaModel::load(&dir, &name, Some(&version)).or_throw(&env)?,
        })
    }

    /// The centroids in the encoded feature space (six features each; not money).
    #[napi(getter)]
    pub fn centroids(&self) -> Vec<Vec<f64>> {
        self.inner.centroids().iter().map(|c| c.to_vec()).collect()
    }

    /// The persona of each centroid.
    #[napi(getter, ts_return_type = "PersonaSlug[]")]
    pub fn personas(&self) -> Vec<&'static str> {
        self.inner.personas().iter().map(|p| p.slug()).collect()
    }

    /// `kmeans-…` with its training parameters.
    #[napi(getter)]
    pub fn model_version(&self) -> String {
        self.inner.model_version().to_owned()
    }

    /// The name it was saved or loaded under.
    #[napi(getter)]
    pub fn name(&self) -> Option<String> {
        self.inner.name().map(str::to_owned)
    }

    /// The version it was saved or loaded under.
    #[napi(getter)]
    pub fn version(&self) -> Option<String> {
        self.inner.version().map(str::to_owned)
    }

    /// How it was trained.
    #[napi(getter, ts_return_type = "TrainingInfo")]
    pub fn training<'env>(&self, env: &'env Env) -> Result<Unknown<'env>> {
        js::to_js(env, self.inner.training())
    }
}

struct TrainArgs {
    profiles: Vec<Profile>,
    options: TrainOptions,
    abort: Abort,
}

const TRAIN_OPTIONS: &[&str] = &[
    "k",
    "seed",
    "maxIterations",
    "tolerance",
    "mode",
    "algorithm",
    "batchSize",
    "signal",
];
const TRAIN_OPTIONS_TEXT: &str =
    "k, seed, maxIterations, tolerance, mode, algorithm, batchSize, signal";

fn train_args(
    env: &Env,
    profiles: Unknown<'_>,
    options: Option<Unknown<'_>>,
    with_signal: bool,
) -> Result<TrainArgs> {
    let allowed = if with_signal {
        TRAIN_OPTIONS
    } else {
        TRAIN_OPTIONS
            .split_last()
            .map_or(TRAIN_OPTIONS, |(_, rest)| rest)
    };
    let options = Options::new(env, options, allowed, TRAIN_OPTIONS_TEXT)?;
    let profiles = profiles_arg(env, profiles, mode_of(env, &options)?)?;
    let u = |key: &'static str| -> Result<Option<u64>> {
        options
            .get(env, key)?
            .map(|v| js::unsigned(env, v, key))
            .transpose()
    };
    let max_iterations = match u("maxIterations")? {
        None => None,
        Some(n) => Some(
            u32::try_from(n)
                .map_err(|_| js::type_error(env, "maxIterations", "a whole number below 2^32"))?,
        ),
    };
    let record = contract::TrainOptionsRecord {
        k: u("k")?,
        seed: u("seed")?,
        max_iterations,
        tolerance: options
            .get(env, "tolerance")?
            .map(|v| js::float(env, v, "tolerance"))
            .transpose()?,
        algorithm: options
            .text(env, "algorithm")?
            .map(|a| a.parse::<contract::AlgorithmName>())
            .transpose()
            .or_throw(env)?,
        batch_size: u("batchSize")?,
        // Warm starts are for the ML service's retraining (Python).
        warm_start: None,
    };
    Ok(TrainArgs {
        profiles,
        options: TrainOptions::from(&record),
        abort: abort_of(env, &options)?,
    })
}

fn train_work(args: &TrainArgs) -> std::result::Result<persona::PersonaModel, sparrow_core::Error> {
    if args.abort.is_set() {
        return Err(contract::ArgumentError::Aborted { field: "signal" }.into());
    }
    let abort = args.abort.clone();
    // The core's cancellation hook: an aborted signal stops training at its next step.
    let mut hook = move |_: persona::TrainProgress| {
        if abort.is_set() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    Ok(persona::train_personas_with(
        &args.profiles,
        &args.options,
        Some(&mut hook),
    )?)
}

/// k-means training on the libuv pool.
#[derive(Debug)]
pub struct TrainTask {
    profiles: Vec<Profile>,
    options: TrainOptions,
    abort: Abort,
}

impl Task for TrainTask {
    type Output = std::result::Result<persona::PersonaModel, sparrow_core::Error>;
    type JsValue = PersonaModel;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        let args = TrainArgs {
            profiles: std::mem::take(&mut self.profiles),
            options: self.options.clone(),
            abort: self.abort.clone(),
        };
        Ok(train_work(&args))
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> napi::Result<PersonaModel> {
        output
            .map(|inner| PersonaModel { inner })
            .map_err(|e| js::sparrow(&env, e))
    }
}

/// Trains k-means personas on the libuv pool; `signal` stops it at the next step
/// (`persona_cancelled`).
#[napi(
    ts_args_type = "profiles: Array<ProfileInput | string>, options?: TrainOptions & { signal?: AbortSignal }",
    ts_return_type = "Promise<PersonaModel>"
)]
pub fn train_personas(
    env: Env,
    profiles: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<AsyncTask<TrainTask>> {
    let args = train_args(&env, profiles, options, true)?;
    Ok(AsyncTask::new(TrainTask {
        profiles: args.profiles,
        options: args.options,
        abort: args.abort,
    }))
}

/// `trainPersonas` on the calling thread.
#[napi(
    ts_args_type = "profiles: Array<ProfileInput | string>, options?: TrainOptions",
    ts_return_type = "PersonaModel"
)]
pub fn train_personas_sync(
    env: Env,
    profiles: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<PersonaModel> {
    let args = train_args(&env, profiles, options, false)?;
    Ok(PersonaModel {
        inner: train_work(&args).or_throw(&env)?,
    })
}
