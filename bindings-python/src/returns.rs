//! XIRR, XNPV, CAGR and goals (`sparrow_core::returns`): conversion only.

use std::sync::OnceLock;

use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};
use sparrow_core::contract;
use sparrow_core::returns::{self, CashFlow, Transaction, TransactionKind, MAX_FLOWS};

use crate::convert::{decimal_out, exact_decimal, money_arg, money_out, type_name};
use crate::errors::OrRaise;
use crate::to_py::to_py;

/// `datetime.date` and `datetime.datetime`, imported once.
static DATE_TYPES: OnceLock<(Py<PyAny>, Py<PyAny>)> = OnceLock::new();

fn date_types(py: Python<'_>) -> PyResult<(Bound<'_, PyAny>, Bound<'_, PyAny>)> {
    if let Some((d, dt)) = DATE_TYPES.get() {
        return Ok((d.bind(py).clone(), dt.bind(py).clone()));
    }
    let module = py.import("datetime")?;
    let (d, dt) = (module.getattr("date")?, module.getattr("datetime")?);
    let _ = DATE_TYPES.set((d.clone().unbind(), dt.clone().unbind()));
    Ok((d, dt))
}

/// A `datetime.date` that is not a `datetime.datetime` (whose time of day would be
/// dropped) as a calendar date; `field` names it in the `TypeError`.
pub(crate) fn date_arg(
    obj: &Bound<'_, PyAny>,
    field: &dyn std::fmt::Display,
) -> PyResult<time::Date> {
    let py = obj.py();
    let (date, datetime) = date_types(py)?;
    let refused = || {
        PyTypeError::new_err(format!(
            "{field}: expected a datetime.date, not {} (a datetime is refused: its time of \
             day would be dropped)",
            type_name(obj)
        ))
    };
    if !obj.is_instance(&date)? || obj.is_instance(&datetime)? {
        return Err(refused());
    }
    // One call instead of three attribute reads: the proleptic Gregorian ordinal
    // (0001-01-01 is 1), which is the Julian day less 1,721,425 — through
    // `datetime.date.toordinal` itself, so a subclass cannot misstate its day.
    let ordinal: i32 = date
        .getattr(intern!(py, "toordinal"))?
        .call1((obj,))?
        .extract()?;
    ordinal
        .checked_add(1_721_425)
        .and_then(|jd| time::Date::from_julian_day(jd).ok())
        .ok_or_else(refused)
}

/// `flows`: an iterable of `(date, amount)` pairs. At most one flow past the core's cap
/// is read, so that the core refuses the count without the rest being read.
fn flows_arg(flows: &Bound<'_, PyAny>) -> PyResult<Vec<CashFlow>> {
    let mut out = Vec::new();
    for (index, item) in flows.try_iter()?.enumerate() {
        if index > MAX_FLOWS {
            break;
        }
        let item = item?;
        let pair = item
            .cast::<PyTuple>()
            .ok()
            .filter(|t| t.len() == 2)
            .ok_or_else(|| {
                PyTypeError::new_err(format!(
                    "flows[{index}]: expected a (datetime.date, amount) tuple, not {}",
                    type_name(&item)
                ))
            })?;
        out.push(CashFlow {
            date: date_arg(&pair.get_item(0)?, &format_args!("flows[{index}].date"))?,
            amount: exact_decimal(&pair.get_item(1)?, "amount")?,
        });
    }
    Ok(out)
}

/// `xirr(flows)`: the annual rate (a fraction, 9 decimals) at which the flows' present
/// value is zero — Excel's XIRR (Actual/365 from the first flow's date).
#[pyfunction]
pub(crate) fn xirr<'py>(py: Python<'py>, flows: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let f = flows_arg(flows)?;
    let r = py.detach(|| returns::xirr(&f)).or_raise(py)?;
    decimal_out(py, r)
}

/// `xnpv(rate, flows)`: the flows' present value at `rate` on the first flow's date,
/// to paise — Excel's XNPV.
#[pyfunction]
pub(crate) fn xnpv<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    flows: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let rate = exact_decimal(rate, "rate")?;
    let f = flows_arg(flows)?;
    let v = py.detach(|| returns::xnpv(rate, &f)).or_raise(py)?;
    decimal_out(py, v)
}

/// `cagr(start, end, years)`: (end / start)^(1 / years) − 1, a fraction to 9 decimals.
#[pyfunction]
pub(crate) fn cagr<'py>(
    py: Python<'py>,
    start: &Bound<'py, PyAny>,
    end: &Bound<'py, PyAny>,
    years: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let (start, end, years) = (
        exact_decimal(start, "start")?,
        exact_decimal(end, "end")?,
        exact_decimal(years, "years")?,
    );
    let r = returns::cagr(start, end, years).or_raise(py)?;
    decimal_out(py, r)
}

/// `goal_progress(current, target)`: `{progress, remaining, reached}` (the core's
/// record).
#[pyfunction]
pub(crate) fn goal_progress<'py>(
    py: Python<'py>,
    current: &Bound<'py, PyAny>,
    target: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let (current, target) = (
        exact_decimal(current, "current")?,
        exact_decimal(target, "target")?,
    );
    to_py(
        py,
        &contract::returns::goal_progress(current, target).or_raise(py)?,
    )
}

/// `future_value(amount, annual_rate, months)`: what `amount` grows to, down to paise.
#[pyfunction]
pub(crate) fn future_value<'py>(
    py: Python<'py>,
    amount: &Bound<'py, PyAny>,
    annual_rate: &Bound<'py, PyAny>,
    months: u32,
) -> PyResult<Bound<'py, PyAny>> {
    let (amount, rate) = (
        money_arg(amount, "amount")?,
        exact_decimal(annual_rate, "annual_rate")?,
    );
    money_out(
        py,
        returns::future_value(amount, rate, months).or_raise(py)?,
    )
}

/// `sip_future_value(monthly, annual_rate, months)`: a SIP's value at the end, down to
/// paise.
#[pyfunction]
pub(crate) fn sip_future_value<'py>(
    py: Python<'py>,
    monthly: &Bound<'py, PyAny>,
    annual_rate: &Bound<'py, PyAny>,
    months: u32,
) -> PyResult<Bound<'py, PyAny>> {
    let (monthly, rate) = (
        money_arg(monthly, "monthly")?,
        exact_decimal(annual_rate, "annual_rate")?,
    );
    money_out(
        py,
        returns::sip_future_value(monthly, rate, months).or_raise(py)?,
    )
}

/// `sip_needed(target, current, annual_rate, months)`: the monthly SIP that reaches
/// `target`, up to paise.
#[pyfunction]
pub(crate) fn sip_needed<'py>(
    py: Python<'py>,
    target: &Bound<'py, PyAny>,
    current: &Bound<'py, PyAny>,
    annual_rate: &Bound<'py, PyAny>,
    months: u32,
) -> PyResult<Bound<'py, PyAny>> {
    let (target, current) = (money_arg(target, "target")?, money_arg(current, "current")?);
    let rate = exact_decimal(annual_rate, "annual_rate")?;
    money_out(
        py,
        returns::sip_needed(target, current, rate, months).or_raise(py)?,
    )
}

/// `months_until(today, by)`: whole calendar months from `today` to `by`.
#[pyfunction]
pub(crate) fn months_until(
    py: Python<'_>,
    today: &Bound<'_, PyAny>,
    by: &Bound<'_, PyAny>,
) -> PyResult<u32> {
    let (today, by) = (date_arg(today, &"today")?, date_arg(by, &"by")?);
    returns::months_until(today, by).or_raise(py)
}

/// `portfolio_xirr(transactions, current_value, today)`: transactions are
/// `(date, kind, amount)` tuples (`kind`: purchase, sip, redemption, dividend).
#[pyfunction]
pub(crate) fn portfolio_xirr<'py>(
    py: Python<'py>,
    transactions: &Bound<'py, PyAny>,
    current_value: &Bound<'py, PyAny>,
    today: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    // At most one transaction past the core's cap is read; the core refuses the count.
    let mut ts = Vec::new();
    for (index, item) in transactions.try_iter()?.enumerate() {
        if index > MAX_FLOWS {
            break;
        }
        let item = item?;
        let triple = item
            .cast::<PyTuple>()
            .ok()
            .filter(|t| t.len() == 3)
            .ok_or_else(|| {
                PyTypeError::new_err(format!(
                    "transactions[{index}]: expected a (datetime.date, kind, amount) tuple, not {}",
                    type_name(&item)
                ))
            })?;
        let kind = triple.get_item(1)?;
        let kind = kind.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!("transactions[{index}].kind: expected a str"))
        })?;
        ts.push(Transaction {
            date: date_arg(
                &triple.get_item(0)?,
                &format_args!("transactions[{index}].date"),
            )?,
            kind: kind.to_str()?.parse::<TransactionKind>().or_raise(py)?,
            amount: money_arg(&triple.get_item(2)?, "transactions.amount")?,
        });
    }
    let current_value = money_arg(current_value, "current_value")?;
    let today = date_arg(today, &"today")?;
    let r = py
        .detach(|| returns::portfolio_xirr(&ts, current_value, today))
        .or_raise(py)?;
    decimal_out(py, r)
}
