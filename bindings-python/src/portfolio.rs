//! Portfolio analysis (`sparrow_core::portfolio`, portfolio-analyzer-v1): conversion only.

use pyo3::prelude::*;
use pyo3::types::PyString;
use serde_json::Value;
use sparrow_core::portfolio;

use crate::convert::{json_value_within, text_of, Text};
use crate::errors::OrRaise;
use crate::money::mode_arg;
use crate::returns::date_arg;
use crate::to_py::to_py;

/// The funds a portfolio is analysed against, in lookup order.
#[pyclass(frozen, module = "sparrow_core")]
#[derive(Debug, Clone)]
pub(crate) struct FundTable {
    inner: portfolio::FundTable,
}

#[pymethods]
impl FundTable {
    /// The backend's `{"funds": [...]}` answer (or the list alone) as JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: Text) -> PyResult<Self> {
        let inner = py
            .detach(|| portfolio::FundTable::from_json(&text))
            .or_raise(py)?;
        Ok(FundTable { inner })
    }
    /// The same, already parsed (a dict with `funds`, or a list of dicts).
    #[staticmethod]
    fn from_funds(py: Python<'_>, funds: &Bound<'_, PyAny>) -> PyResult<Self> {
        let mut budget = sparrow_core::contract::InputBudget::with_limit(
            "funds",
            portfolio::MAX_FUND_TABLE_JSON,
        );
        let value = json_value_within(funds, 0, &mut budget)?;
        Ok(FundTable {
            inner: portfolio::FundTable::from_value(&value).or_raise(py)?,
        })
    }
    /// The five built-in funds today's service loads when the backend is down.
    #[staticmethod]
    fn fallback(py: Python<'_>) -> PyResult<Self> {
        Ok(FundTable {
            inner: portfolio::FundTable::fallback().or_raise(py)?,
        })
    }
    fn __len__(&self) -> usize {
        self.inner.len()
    }
    /// The scheme codes, in lookup order.
    fn scheme_codes(&self) -> Vec<i64> {
        self.inner.funds().iter().map(|f| f.scheme_code).collect()
    }
    fn __repr__(&self) -> String {
        format!("FundTable({} funds)", self.inner.len())
    }
}

/// Capital-gains rules as dated data.
#[pyclass(frozen, module = "sparrow_core")]
#[derive(Debug, Clone)]
pub(crate) struct TaxTable {
    inner: portfolio::TaxTable,
}

#[pymethods]
impl TaxTable {
    /// portfolio-analyzer-v1's constants (parity).
    #[staticmethod]
    fn parity(py: Python<'_>) -> PyResult<Self> {
        Ok(TaxTable {
            inner: portfolio::TaxTable::parity().or_raise(py)?,
        })
    }
    /// The parity constants with equity-oriented funds' rates from 2024-07-23 (for the
    /// product owner to confirm).
    #[staticmethod]
    fn equity_2024(py: Python<'_>) -> PyResult<Self> {
        Ok(TaxTable {
            inner: portfolio::TaxTable::equity_2024().or_raise(py)?,
        })
    }
    /// A table from its JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: Text) -> PyResult<Self> {
        Ok(TaxTable {
            inner: portfolio::TaxTable::from_json(&text).or_raise(py)?,
        })
    }
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    #[getter]
    fn id(&self) -> String {
        self.inner.id().to_owned()
    }
    fn __repr__(&self) -> String {
        format!("TaxTable({:?})", self.inner.id())
    }
}

fn analyse(
    py: Python<'_>,
    request: &Bound<'_, PyAny>,
    funds: &FundTable,
    today: &Bound<'_, PyAny>,
    tax: Option<&TaxTable>,
    mode: Option<Text>,
) -> PyResult<portfolio::PortfolioAnalysis> {
    let today = date_arg(today, &"today")?;
    let mode = mode_arg(py, mode.as_deref())?;
    let parity;
    let tax = match tax {
        Some(t) => &t.inner,
        None => {
            parity = portfolio::TaxTable::parity().or_raise(py)?;
            &parity
        }
    };
    if let Ok(s) = request.cast::<PyString>() {
        let text = text_of(s, "request")?;
        return py
            .detach(|| portfolio::analyze_portfolio_json(text, &funds.inner, tax, today, mode))
            .or_raise(py);
    }
    let mut budget =
        sparrow_core::contract::InputBudget::with_limit("request", portfolio::MAX_REQUEST_JSON);
    let value: Value = json_value_within(request, 0, &mut budget)?;
    py.detach(|| portfolio::analyze_portfolio_value(&value, &funds.inner, tax, today, mode))
        .or_raise(py)
}

/// portfolio-analyzer-v1 for a request body (a dict or JSON text) against `funds`, on
/// `today`, with `tax` (default: the parity table), read in `mode` (default strict).
/// Returns today's response as a dict: amounts as `Money`, other numbers as `Decimal`.
#[pyfunction]
#[pyo3(signature = (request, funds, *, today, tax = None, mode = None))]
pub(crate) fn analyze_portfolio<'py>(
    py: Python<'py>,
    request: &Bound<'py, PyAny>,
    funds: &FundTable,
    today: &Bound<'py, PyAny>,
    tax: Option<&TaxTable>,
    mode: Option<Text>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = analyse(py, request, funds, today, tax, mode)?;
    to_py(py, &a)
}

/// [`analyze_portfolio`] answered as today's JSON body (exact JSON numbers, today's key
/// order), ready to send.
#[pyfunction]
#[pyo3(signature = (request, funds, *, today, tax = None, mode = None))]
pub(crate) fn analyze_portfolio_json(
    py: Python<'_>,
    request: &Bound<'_, PyAny>,
    funds: &FundTable,
    today: &Bound<'_, PyAny>,
    tax: Option<&TaxTable>,
    mode: Option<Text>,
) -> PyResult<String> {
    let a = analyse(py, request, funds, today, tax, mode)?;
    Ok(a.to_json())
}

/// The separate check of domain.md §8.2: `target` (a mapping of class fractions, read
/// strictly) adds up to exactly 1. Returns the six fractions.
#[pyfunction]
pub(crate) fn check_target_allocation<'py>(
    py: Python<'py>,
    target: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut budget = sparrow_core::contract::InputBudget::with_limit(
        "target_allocation",
        portfolio::MAX_REQUEST_JSON,
    );
    let value = json_value_within(target, 0, &mut budget)?;
    let t = portfolio::check_target_allocation(&value).or_raise(py)?;
    to_py(py, &portfolio::ClassFractions(t.0))
}
