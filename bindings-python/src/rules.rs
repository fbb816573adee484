//! allocation, risk and persona.

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::OnceLock;

use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde_json::Value;
use sparrow_core::allocation::{self, PersonaWeight};
use sparrow_core::persona::{
    self, BlendedClassification, Classification, PersonaId, TrainOptions, TrainProgress,
};
use sparrow_core::profile::{Profile, ValidationMode};
use sparrow_core::risk::{self, ConstraintReport, Holding, RiskConstraint};

use sparrow_core::contract;

use crate::convert::{
    decimal_out, exact_decimal, json_value, json_value_within, text_of, unix_now, Text,
};
use crate::errors::OrRaise;
use crate::money::{mode_arg, profile_arg, profile_dict};
use crate::to_py::to_py;

/// Dicts made once per persona and handed out as fresh copies.
type PerPersona = [OnceLock<Py<PyDict>>; 3];
static PERSONA_DICTS: PerPersona = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
static STRATEGY_DICTS: PerPersona = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

/// A fresh copy of the dict cached for `p` in `cache`, made by `make` the first time.
fn copy_cached<'py>(
    py: Python<'py>,
    cache: &PerPersona,
    p: PersonaId,
    make: impl FnOnce() -> PyResult<Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let slot = match p {
        PersonaId::CapitalGuardian => &cache[0],
        PersonaId::BalancedVoyager => &cache[1],
        PersonaId::AcceleratedBuilder => &cache[2],
    };
    if let Some(d) = slot.get() {
        return d.bind(py).copy();
    }
    let made = make()?;
    let _ = slot.set(made.clone().unbind());
    made.copy()
}

/// `{"id", "name", "slug", "risk_band", "description"}` (a fresh copy each time).
fn persona_dict<'py>(py: Python<'py>, p: PersonaId) -> PyResult<Bound<'py, PyDict>> {
    copy_cached(py, &PERSONA_DICTS, p, || {
        let d = PyDict::new(py);
        d.set_item("id", p.slug())?;
        d.set_item("name", p.name())?;
        d.set_item("slug", p.slug())?;
        d.set_item("risk_band", p.risk_band())?;
        d.set_item("description", p.description())?;
        Ok(d)
    })
}

/// Dict keys made once from the core's spellings (asset classes, persona slugs), so the
/// binding spells nothing itself and the hot paths do not re-intern per call.
type KeyCache<const N: usize> = [OnceLock<Py<PyString>>; N];
static CLASS_KEYS: KeyCache<7> = [const { OnceLock::new() }; 7];
static SLUG_KEYS: KeyCache<3> = [const { OnceLock::new() }; 3];

fn cached_key<'py, const N: usize>(
    py: Python<'py>,
    cache: &KeyCache<N>,
    index: Option<usize>,
    text: &str,
) -> Bound<'py, PyString> {
    match index.and_then(|i| cache.get(i)) {
        Some(slot) => slot
            .get_or_init(|| PyString::intern(py, text).unbind())
            .bind(py)
            .clone(),
        None => PyString::intern(py, text),
    }
}

fn class_key(py: Python<'_>, class: allocation::AssetClass) -> Bound<'_, PyString> {
    let i = allocation::AssetClass::ALL.iter().position(|c| *c == class);
    cached_key(py, &CLASS_KEYS, i, class.as_str())
}

fn slug_key(py: Python<'_>, p: PersonaId) -> Bound<'_, PyString> {
    let i = PersonaId::ALL.iter().position(|q| *q == p);
    cached_key(py, &SLUG_KEYS, i, p.slug())
}

fn fractions_dict<'py>(py: Python<'py>, f: &allocation::Fractions) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (class, v) in f.iter() {
        d.set_item(class_key(py, class), decimal_out(py, v)?)?;
    }
    Ok(d)
}

/// A persona's strategy fractions (a distribution entry's `allocation`, the same for
/// every entry of that persona), as a fresh copy of a dict made once.
fn strategy_dict<'py>(
    py: Python<'py>,
    p: PersonaId,
    f: &allocation::Fractions,
) -> PyResult<Bound<'py, PyDict>> {
    copy_cached(py, &STRATEGY_DICTS, p, || fractions_dict(py, f))
}

fn classification_dict<'py>(py: Python<'py>, c: &Classification) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item(intern!(py, "persona"), persona_dict(py, c.persona)?)?;
    d.set_item(intern!(py, "confidence"), decimal_out(py, c.confidence)?)?;
    let probs = PyDict::new(py);
    for p in PersonaId::ALL {
        probs.set_item(slug_key(py, p), decimal_out(py, c.probability(p))?)?;
    }
    d.set_item(intern!(py, "probabilities"), probs)?;
    d.set_item(intern!(py, "model_version"), &*c.model_version)?;
    Ok(d)
}

fn blended_dict<'py>(py: Python<'py>, b: &BlendedClassification) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item(intern!(py, "primary_persona"), persona_dict(py, b.primary)?)?;
    let dist = PyList::empty(py);
    for e in &b.distribution {
        let item = PyDict::new(py);
        item.set_item(intern!(py, "persona"), persona_dict(py, e.persona)?)?;
        item.set_item(intern!(py, "weight"), decimal_out(py, e.weight)?)?;
        item.set_item(
            intern!(py, "allocation"),
            strategy_dict(py, e.persona, &e.allocation)?,
        )?;
        dist.append(item)?;
    }
    d.set_item("distribution", dist)?;
    d.set_item(
        "blended_allocation",
        fractions_dict(py, &b.blended_allocation)?,
    )?;
    d.set_item("confidence", decimal_out(py, b.confidence)?)?;
    d.set_item("model_version", &*b.model_version)?;
    Ok(d)
}

fn profiles_arg(profiles: &Bound<'_, PyAny>, mode: ValidationMode) -> PyResult<Vec<Profile>> {
    profiles
        .try_iter()?
        .map(|p| profile_arg(&p?, mode))
        .collect()
}

#[pyfunction]
#[pyo3(signature = (profile, mode = None))]
pub(crate) fn classify<'py>(
    py: Python<'py>,
    profile: &Bound<'py, PyAny>,
    mode: Option<Text>,
) -> PyResult<Bound<'py, PyDict>> {
    let p = profile_arg(profile, mode_arg(py, mode.as_deref())?)?;
    classification_dict(py, &persona::classify(&p))
}

#[pyfunction]
#[pyo3(signature = (profile, mode = None))]
pub(crate) fn classify_blended<'py>(
    py: Python<'py>,
    profile: &Bound<'py, PyAny>,
    mode: Option<Text>,
) -> PyResult<Bound<'py, PyDict>> {
    let p = profile_arg(profile, mode_arg(py, mode.as_deref())?)?;
    blended_dict(py, &persona::classify_blended(&p))
}

#[pyfunction]
#[pyo3(signature = (profiles, mode = None))]
pub(crate) fn classify_many<'py>(
    py: Python<'py>,
    profiles: &Bound<'py, PyAny>,
    mode: Option<Text>,
) -> PyResult<Bound<'py, PyList>> {
    let ps = profiles_arg(profiles, mode_arg(py, mode.as_deref())?)?;
    let list = PyList::empty(py);
    for c in persona::classify_many(&ps) {
        list.append(classification_dict(py, &c)?)?;
    }
    Ok(list)
}

#[pyfunction]
#[pyo3(signature = (profiles, mode = None))]
pub(crate) fn classify_blended_many<'py>(
    py: Python<'py>,
    profiles: &Bound<'py, PyAny>,
    mode: Option<Text>,
) -> PyResult<Bound<'py, PyList>> {
    let ps = profiles_arg(profiles, mode_arg(py, mode.as_deref())?)?;
    let list = PyList::empty(py);
    for b in persona::classify_blended_many(&ps) {
        list.append(blended_dict(py, &b)?)?;
    }
    Ok(list)
}

/// A scoring table as data (rules-v2-blended by default).
#[pyclass(frozen, module = "sparrow_core")]
#[derive(Debug, Clone)]
pub(crate) struct ScoringTable {
    inner: persona::ScoringTable,
}

#[pymethods]
impl ScoringTable {
    #[new]
    fn new() -> Self {
        ScoringTable {
            inner: persona::ScoringTable::default(),
        }
    }
    #[staticmethod]
    fn from_json(py: Python<'_>, text: Text) -> PyResult<Self> {
        Ok(ScoringTable {
            inner: persona::ScoringTable::from_json(&text).or_raise(py)?,
        })
    }
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    #[getter]
    fn model_version(&self) -> String {
        self.inner.model_version().to_owned()
    }
    #[pyo3(signature = (profile, mode = None))]
    fn classify<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyAny>,
        mode: Option<Text>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let p = profile_arg(profile, mode_arg(py, mode.as_deref())?)?;
        classification_dict(py, &self.inner.classify(&p))
    }
    #[pyo3(signature = (profile, mode = None))]
    fn classify_blended<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyAny>,
        mode: Option<Text>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let p = profile_arg(profile, mode_arg(py, mode.as_deref())?)?;
        blended_dict(py, &self.inner.classify_blended(&p))
    }
    fn __repr__(&self) -> String {
        format!(
            "ScoringTable(model_version={:?}, rules={})",
            self.inner.model_version(),
            self.inner.rules().len()
        )
    }
}

/// The first `max + 1` items of an iterable: enough for the core to refuse a list over
/// its limit (`max`) without this binding converting a million entries first.
fn items_upto<'py>(obj: &Bound<'py, PyAny>, max: usize) -> PyResult<Vec<Bound<'py, PyAny>>> {
    obj.try_iter()?.take(max.saturating_add(1)).collect()
}

fn get<'py>(d: &Bound<'py, PyAny>, key: &str, what: &str) -> PyResult<Bound<'py, PyAny>> {
    d.get_item(key)
        .map_err(|_| PyTypeError::new_err(format!("{what}: each item needs a {key:?} key")))
}

fn get_opt<'py>(d: &Bound<'py, PyAny>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
    let mapping = d
        .cast::<PyDict>()
        .map_err(|_| PyTypeError::new_err("expected a dict"))?;
    Ok(mapping.get_item(key)?.filter(|v| !v.is_none()))
}

fn string(obj: &Bound<'_, PyAny>, what: &'static str) -> PyResult<String> {
    let s = obj
        .cast::<PyString>()
        .map_err(|_| PyTypeError::new_err(format!("{what}: expected a str")))?;
    text_of(s, what).map(str::to_owned)
}

fn persona_of(obj: &Bound<'_, PyAny>) -> PyResult<PersonaId> {
    // A slug, or a persona dict as classify_blended returns it.
    let slug = if let Ok(d) = obj.cast::<PyDict>() {
        match d.get_item("slug")? {
            Some(s) => string(&s, "persona.slug")?,
            None => return Err(PyTypeError::new_err("persona: a dict needs a \"slug\"")),
        }
    } else {
        string(obj, "persona")?
    };
    slug.parse::<PersonaId>().or_raise(obj.py())
}

/// Percents per asset class summing to exactly 100.00, from `[{persona, weight}, …]`
/// (the `distribution` of `classify_blended` works as it is).
#[pyfunction]
pub(crate) fn blend_allocation<'py>(
    py: Python<'py>,
    distribution: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut weights = Vec::new();
    for item in distribution.try_iter()? {
        let item = item?;
        weights.push(PersonaWeight {
            persona: persona_of(&get(&item, "persona", "distribution")?)?,
            weight: exact_decimal(&get(&item, "weight", "distribution")?, "weight")?,
        });
    }
    to_py(py, &contract::blend_allocation(&weights).or_raise(py)?)
}

#[pyfunction]
pub(crate) fn split_amount<'py>(
    py: Python<'py>,
    amount: &Bound<'py, PyAny>,
    funds: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let amount = exact_decimal(amount, "amount")?;
    let mut slots = Vec::new();
    for f in items_upto(funds, allocation::MAX_FUNDS)? {
        slots.push(contract::FundSlotRecord {
            id: string(&get(&f, "id", "funds")?, "funds.id")?,
            weight: exact_decimal(&get(&f, "weight", "funds")?, "weight")?,
            min_amount: exact_decimal(&get(&f, "min_amount", "funds")?, "min_amount")?,
            multiple: exact_decimal(&get(&f, "multiple", "funds")?, "multiple")?,
        });
    }
    to_py(py, &contract::split_amount(amount, &slots).or_raise(py)?)
}

#[pyfunction]
#[pyo3(signature = (holdings, target, drift_band = None, buy_only = None, new_money = None))]
pub(crate) fn rebalance<'py>(
    py: Python<'py>,
    holdings: &Bound<'py, PyAny>,
    target: &Bound<'py, PyAny>,
    drift_band: Option<&Bound<'py, PyAny>>,
    buy_only: Option<bool>,
    new_money: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut positions = Vec::new();
    for h in items_upto(holdings, allocation::MAX_FUNDS)? {
        positions.push(contract::PositionRecord {
            id: string(&get(&h, "id", "holdings")?, "holdings.id")?,
            value: exact_decimal(&get(&h, "value", "holdings")?, "value")?,
        });
    }
    let mut targets = Vec::new();
    let items = target
        .call_method0("items")
        .map_err(|_| PyTypeError::new_err("target: expected a dict of fund id to percent"))?;
    for item in items_upto(&items, allocation::MAX_FUNDS)? {
        let (id, pct): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        targets.push(contract::TargetRecord {
            id: string(&id, "target")?,
            percent: exact_decimal(&pct, "target")?,
        });
    }
    let options = contract::RebalanceOptionsRecord {
        drift_band: drift_band
            .map(|b| exact_decimal(b, "drift_band"))
            .transpose()?,
        buy_only,
        new_money: new_money
            .map(|m| exact_decimal(m, "new_money"))
            .transpose()?,
    };
    to_py(
        py,
        &contract::rebalance(&positions, &targets, &options).or_raise(py)?,
    )
}

fn report_dict<'py>(py: Python<'py>, r: &ConstraintReport) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &contract::ConstraintReportRecord::from(r))
}

fn constraints_arg(
    py: Python<'_>,
    constraints: &Bound<'_, PyAny>,
) -> PyResult<Vec<RiskConstraint>> {
    constraints
        .try_iter()?
        .map(|c| RiskConstraint::from_json_row(&json_value(&c?, 0)?).or_raise(py))
        .collect()
}

#[pyfunction]
pub(crate) fn check_constraints<'py>(
    py: Python<'py>,
    holdings: &Bound<'py, PyAny>,
    constraints: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut list = Vec::new();
    for h in holdings.try_iter()? {
        let h = h?;
        let record = contract::HoldingRecord {
            id: string(&get(&h, "id", "holdings")?, "holdings.id")?,
            category: string(&get(&h, "category", "holdings")?, "holdings.category")?,
            value: exact_decimal(&get(&h, "value", "holdings")?, "value")?,
            volatility: match get_opt(&h, "volatility")? {
                Some(v) => Some(exact_decimal(&v, "volatility")?),
                None => None,
            },
        };
        list.push(Holding::try_from(&record).or_raise(py)?);
    }
    let constraints = constraints_arg(py, constraints)?;
    report_dict(
        py,
        &risk::check_constraints(&list, &constraints).or_raise(py)?,
    )
}

/// A strategy: labelled components and the risk constraints it promises to keep.
#[pyclass(frozen, module = "sparrow_core")]
#[derive(Debug, Clone)]
pub(crate) struct Strategy {
    inner: allocation::Strategy,
}

fn strategy_text(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(text_of(s, "strategy")?.to_owned());
    }
    Ok(json_value(obj, 0)?.to_string())
}

#[pymethods]
impl Strategy {
    /// The database form (`{"name", "components": [...], "constraints": [...]}`), as a
    /// dict or JSON text.
    #[staticmethod]
    fn from_db(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Strategy {
            inner: allocation::Strategy::from_db_json(&strategy_text(document)?).or_raise(py)?,
        })
    }
    /// The ML service's form (`{"persona"?, "allocation": {"equity": 0.15, …}}`).
    #[staticmethod]
    fn from_ml(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Strategy {
            inner: allocation::Strategy::from_ml_json(&strategy_text(document)?).or_raise(py)?,
        })
    }
    #[getter]
    fn name(&self) -> String {
        self.inner.name().to_owned()
    }
    #[getter]
    fn persona(&self) -> Option<&'static str> {
        self.inner.persona().map(PersonaId::slug)
    }
    /// The validated allocation: percents per asset class (raises if not exactly 100.00).
    fn allocation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let a = self.inner.allocation().or_raise(py)?;
        to_py(py, &contract::AllocationRecord::from(&a))
    }
    /// The database form as a dict (percents and values as Decimal): the core's
    /// `StrategyRecord`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &contract::StrategyRecord::from(&self.inner))
    }
    fn __repr__(&self) -> String {
        format!(
            "Strategy(name={:?}, components={})",
            self.inner.name(),
            self.inner.components().len()
        )
    }
}

#[pyfunction]
pub(crate) fn strategy_for(py: Python<'_>, persona_slug: Text) -> PyResult<Strategy> {
    Ok(Strategy {
        inner: allocation::strategy_for(&persona_slug).or_raise(py)?,
    })
}

#[pyfunction]
pub(crate) fn database_strategies() -> Vec<Strategy> {
    allocation::database_strategies()
        .into_iter()
        .map(|inner| Strategy { inner })
        .collect()
}

#[pyfunction]
pub(crate) fn check_strategy<'py>(
    py: Python<'py>,
    strategy: &Strategy,
) -> PyResult<Bound<'py, PyAny>> {
    report_dict(py, &allocation::check_strategy(&strategy.inner))
}

fn assessment_dict<'py>(py: Python<'py>, r: &risk::RiskAssessment) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &contract::RiskAssessmentRecord::from(r))
}

/// risk-v1 for a profile and a portfolio (`proposed` wins when non-empty, as today).
#[pyfunction]
#[pyo3(signature = (profile, portfolio = None, *, proposed = None))]
pub(crate) fn assess_risk<'py>(
    py: Python<'py>,
    profile: &Bound<'py, PyAny>,
    portfolio: Option<&Bound<'py, PyAny>>,
    proposed: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    // One budget for the whole request, as its JSON text would have.
    let mut budget = contract::InputBudget::with_limit("request", risk::MAX_RISK_JSON);
    let mut body = serde_json::Map::new();
    body.insert(
        "profile".to_owned(),
        json_value_within(profile, 1, &mut budget)?,
    );
    if let Some(p) = portfolio {
        body.insert(
            "current_portfolio".to_owned(),
            json_value_within(p, 1, &mut budget)?,
        );
    }
    if let Some(p) = proposed {
        body.insert(
            "proposed_portfolio".to_owned(),
            json_value_within(p, 1, &mut budget)?,
        );
    }
    let r = risk::assess_risk_value(&Value::Object(body)).or_raise(py)?;
    assessment_dict(py, &r)
}

/// risk-v1 for today's request body (`{"profile", "current_portfolio"?,
/// "proposed_portfolio"?}`) given as a dict or JSON text.
#[pyfunction]
pub(crate) fn assess_risk_request<'py>(
    py: Python<'py>,
    body: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let r = if let Ok(s) = body.cast::<PyString>() {
        risk::assess_risk_json(text_of(s, "request")?).or_raise(py)?
    } else {
        let mut budget = contract::InputBudget::with_limit("request", risk::MAX_RISK_JSON);
        risk::assess_risk_value(&json_value_within(body, 0, &mut budget)?).or_raise(py)?
    };
    assessment_dict(py, &r)
}

/// A k-means persona model.
#[pyclass(frozen, module = "sparrow_core")]
#[derive(Debug, Clone)]
pub(crate) struct PersonaModel {
    inner: persona::PersonaModel,
}

#[pymethods]
impl PersonaModel {
    #[pyo3(signature = (profile, mode = None))]
    fn predict<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyAny>,
        mode: Option<Text>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let p = profile_arg(profile, mode_arg(py, mode.as_deref())?)?;
        blended_dict(py, &self.inner.predict(&p))
    }
    #[pyo3(signature = (profiles, mode = None))]
    fn predict_many<'py>(
        &self,
        py: Python<'py>,
        profiles: &Bound<'py, PyAny>,
        mode: Option<Text>,
    ) -> PyResult<Bound<'py, PyList>> {
        let ps = profiles_arg(profiles, mode_arg(py, mode.as_deref())?)?;
        let list = PyList::empty(py);
        for b in self.inner.predict_many(&ps) {
            list.append(blended_dict(py, &b)?)?;
        }
        Ok(list)
    }
    /// `predict` over Arrow data (see `classify_blended_arrow`).
    #[pyo3(signature = (data, mode = None, errors = None, keep = None))]
    fn predict_arrow(
        &self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        mode: Option<Text>,
        errors: Option<Text>,
        keep: Option<Vec<String>>,
    ) -> PyResult<Py<PyAny>> {
        crate::arrow::predict_arrow(py, &self.inner, data, mode, errors, keep)
    }
    /// The model as the text of a model file (name and version only once saved).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.to_json().or_raise(py)
    }
    /// A model from `to_json`'s (or a model file's) text, with every check of `load`.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: Text) -> PyResult<Self> {
        Ok(PersonaModel {
            inner: persona::PersonaModel::from_json(&text).or_raise(py)?,
        })
    }
    /// Pickling (Spark and Dask ship models to workers this way): the model's text.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = py
            .import("sparrow_core._sparrow_core")?
            .getattr("_persona_model_from_json")?;
        Ok((from_json, (self.to_json(py)?,)))
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PersonaModel>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }
    /// Saves as `{dir}/{name}_v{version}.json` (version defaults to the current UTC time
    /// as `YYYYMMDD_HHMMSS`) and returns the path.
    #[pyo3(signature = (dir, name, version = None))]
    fn save(
        &self,
        py: Python<'_>,
        dir: PathBuf,
        name: Text,
        version: Option<Text>,
    ) -> PyResult<String> {
        let version = match version {
            Some(v) => String::from(v),
            None => persona::version_from_unix(unix_now(None)?).or_raise(py)?,
        };
        // File I/O without the GIL: a slow disk blocks only this thread.
        let inner = &self.inner;
        let path = py
            .detach(|| inner.save(&dir, &name, &version))
            .or_raise(py)?;
        Ok(path.to_string_lossy().into_owned())
    }
    #[staticmethod]
    #[pyo3(signature = (dir, name, version = None))]
    fn load(py: Python<'_>, dir: PathBuf, name: Text, version: Option<Text>) -> PyResult<Self> {
        let version = version
            .as_deref()
            .unwrap_or(contract::DEFAULT_MODEL_VERSION);
        let inner = py
            .detach(|| persona::PersonaModel::load(&dir, &name, Some(version)))
            .or_raise(py)?;
        Ok(PersonaModel { inner })
    }
    #[getter]
    fn centroids(&self) -> Vec<Vec<f64>> {
        self.inner.centroids().iter().map(|c| c.to_vec()).collect()
    }
    #[getter]
    fn personas(&self) -> Vec<&'static str> {
        self.inner.personas().iter().map(|p| p.slug()).collect()
    }
    #[getter]
    fn model_version(&self) -> String {
        self.inner.model_version().to_owned()
    }
    #[getter]
    fn name(&self) -> Option<String> {
        self.inner.name().map(str::to_owned)
    }
    #[getter]
    fn version(&self) -> Option<String> {
        self.inner.version().map(str::to_owned)
    }
    #[getter]
    fn training<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.inner.training())
    }
    fn __repr__(&self) -> String {
        format!(
            "PersonaModel(model_version={:?}, k={})",
            self.inner.model_version(),
            self.inner.centroids().len()
        )
    }
}

/// Trains k-means personas; the GIL is released while training, and re-taken only to
/// call `on_progress(iteration, max_iterations, inertia)` after each step. An exception
/// raised by `on_progress` stops training at once and is re-raised.
#[pyfunction]
#[pyo3(signature = (profiles, k = None, seed = None, on_progress = None, *, max_iterations = None, tolerance = None, mode = None, algorithm = None, batch_size = None, warm_start = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn train_personas(
    py: Python<'_>,
    profiles: &Bound<'_, PyAny>,
    k: Option<u64>,
    seed: Option<u64>,
    on_progress: Option<Py<PyAny>>,
    max_iterations: Option<u32>,
    tolerance: Option<f64>,
    mode: Option<Text>,
    algorithm: Option<Text>,
    batch_size: Option<u64>,
    warm_start: Option<PyRef<'_, PersonaModel>>,
) -> PyResult<PersonaModel> {
    let ps = profiles_arg(profiles, mode_arg(py, mode.as_deref())?)?;
    let ps = Training::Profiles(ps);
    let options = Options {
        k,
        seed,
        max_iterations,
        tolerance,
        algorithm,
        batch_size,
        warm_start,
    };
    train(py, ps, on_progress, options)
}

/// `train_personas` over Arrow data: every row must be a valid profile (the first
/// refused row raises, with its `row`), so a model never silently trains on part of
/// the data.
#[pyfunction]
#[pyo3(signature = (data, k = None, seed = None, on_progress = None, *, max_iterations = None, tolerance = None, mode = None, algorithm = None, batch_size = None, warm_start = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn train_personas_arrow(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    k: Option<u64>,
    seed: Option<u64>,
    on_progress: Option<Py<PyAny>>,
    max_iterations: Option<u32>,
    tolerance: Option<f64>,
    mode: Option<Text>,
    algorithm: Option<Text>,
    batch_size: Option<u64>,
    warm_start: Option<PyRef<'_, PersonaModel>>,
) -> PyResult<PersonaModel> {
    let set = crate::arrow::training_set(py, data, mode_arg(py, mode.as_deref())?)?;
    let ps = Training::Set(set);
    let options = Options {
        k,
        seed,
        max_iterations,
        tolerance,
        algorithm,
        batch_size,
        warm_start,
    };
    train(py, ps, on_progress, options)
}

/// What to train on: profiles read from Python records, or Arrow rows already encoded.
enum Training {
    Profiles(Vec<Profile>),
    Set(persona::TrainingSet),
}

impl Training {
    fn run(
        self,
        options: &TrainOptions,
        on_progress: Option<&mut dyn FnMut(TrainProgress) -> ControlFlow<()>>,
    ) -> Result<persona::PersonaModel, persona::PersonaError> {
        match self {
            Training::Profiles(ps) => persona::train_personas_with(&ps, options, on_progress),
            Training::Set(set) => persona::train_personas_on(set, options, on_progress),
        }
    }
}

/// `train_personas`' k-means options, as given.
struct Options<'a> {
    k: Option<u64>,
    seed: Option<u64>,
    max_iterations: Option<u32>,
    tolerance: Option<f64>,
    algorithm: Option<Text>,
    batch_size: Option<u64>,
    warm_start: Option<PyRef<'a, PersonaModel>>,
}

/// `reassignment(before, after, profiles, max_share=None)`: how many profiles (an
/// iterable of profiles, or Arrow data) `after` moves to another primary persona than
/// `before`, and where to; with `max_share`, whether that stays within it (exactly).
#[pyfunction]
#[pyo3(signature = (before, after, profiles, max_share = None, *, mode = None))]
pub(crate) fn reassignment<'py>(
    py: Python<'py>,
    before: PyRef<'py, PersonaModel>,
    after: PyRef<'py, PersonaModel>,
    profiles: &Bound<'py, PyAny>,
    max_share: Option<&Bound<'py, PyAny>>,
    mode: Option<Text>,
) -> PyResult<Bound<'py, PyDict>> {
    let mode = mode_arg(py, mode.as_deref())?;
    let arrow = profiles.hasattr("__arrow_c_array__")? || profiles.hasattr("__arrow_c_stream__")?;
    let ps = if arrow {
        crate::arrow::profiles(py, profiles, mode)?
    } else {
        profiles_arg(profiles, mode)?
    };
    let max_share = max_share
        .map(|m| crate::convert::exact_decimal(m, "max_share"))
        .transpose()?;
    let (a, b) = (&before.inner, &after.inner);
    let r = py.detach(|| persona::reassignment(a, b, &ps));
    let d = PyDict::new(py);
    d.set_item("profiles", r.profiles)?;
    d.set_item("moved", r.moved)?;
    d.set_item("share", decimal_out(py, r.share())?)?;
    let confusion = PyDict::new(py);
    for (from, row) in persona::CONFUSION_ORDER.iter().zip(r.confusion) {
        let to = PyDict::new(py);
        for (p, n) in persona::CONFUSION_ORDER.iter().zip(row) {
            to.set_item(p.slug(), n)?;
        }
        confusion.set_item(from.slug(), to)?;
    }
    d.set_item("confusion", confusion)?;
    if let Some(m) = max_share {
        d.set_item("within", !r.exceeds(m))?;
    }
    Ok(d)
}

/// `_persona_model_from_json(text)`: what a pickled `PersonaModel` is rebuilt with.
#[pyfunction]
pub(crate) fn _persona_model_from_json(py: Python<'_>, text: Text) -> PyResult<PersonaModel> {
    PersonaModel::from_json(py, text)
}

fn train(
    py: Python<'_>,
    ps: Training,
    on_progress: Option<Py<PyAny>>,
    o: Options<'_>,
) -> PyResult<PersonaModel> {
    // Every omitted option is the core's default (contract::TrainOptionsRecord).
    let options = TrainOptions::from(&contract::TrainOptionsRecord {
        k: o.k,
        seed: o.seed,
        max_iterations: o.max_iterations,
        tolerance: o.tolerance,
        algorithm: o
            .algorithm
            .map(|a| a.parse::<contract::AlgorithmName>())
            .transpose()
            .or_raise(py)?,
        batch_size: o.batch_size,
        warm_start: o.warm_start.map(|m| m.inner.centroids().to_vec()),
    });
    let (result, callback_error) = py.detach(move || {
        let mut first_error: Option<PyErr> = None;
        let result = match on_progress {
            None => ps.run(&options, None),
            Some(cb) => {
                // An exception raised by the callback stops training (the core's
                // cancellation hook) and is re-raised below.
                let mut report = |p: TrainProgress| {
                    Python::attach(|py| {
                        match cb.call1(py, (p.iteration, p.max_iterations, p.inertia)) {
                            Ok(_) => ControlFlow::Continue(()),
                            Err(e) => {
                                first_error = Some(e);
                                ControlFlow::Break(())
                            }
                        }
                    })
                };
                ps.run(&options, Some(&mut report))
            }
        };
        (result, first_error)
    });
    if let Some(e) = callback_error {
        return Err(e);
    }
    Ok(PersonaModel {
        inner: result.or_raise(py)?,
    })
}

/// `n` synthetic profiles from `seed` (as dicts).
#[pyfunction]
pub(crate) fn synthetic_profiles<'py>(
    py: Python<'py>,
    n: usize,
    seed: u64,
) -> PyResult<Bound<'py, PyList>> {
    let ps = persona::synthetic_profiles(n, seed).or_raise(py)?;
    let list = PyList::empty(py);
    for p in &ps {
        list.append(profile_dict(py, p)?)?;
    }
    Ok(list)
}
