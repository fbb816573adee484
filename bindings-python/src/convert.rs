//! Conversions between Python values and sparrow-core values. Decimal quantities follow
//! api.md: `decimal.Decimal` (and subclasses such as `Money`), `str` and `int` are
//! accepted; `float` and `bool` raise `TypeError`; NaN and infinities raise
//! `MoneyError`. Nothing here decides a rule.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use sparrow_core::contract::{self, ArgumentError};
use sparrow_core::money::{decimal_from_parts, parse_decimal_text, Money, MoneyError};

use crate::errors::OrRaise;

static DECIMAL: OnceLock<Py<PyAny>> = OnceLock::new();
static MONEY_FROM_CANONICAL: OnceLock<(Py<PyAny>, Py<PyAny>)> = OnceLock::new();

pub(crate) fn decimal_class(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    if let Some(c) = DECIMAL.get() {
        return Ok(c.bind(py).clone());
    }
    let c = py.import("decimal")?.getattr("Decimal")?;
    let _ = DECIMAL.set(c.clone().unbind());
    Ok(c)
}

fn is_decimal(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    obj.is_instance(&decimal_class(obj.py())?)
}

static AS_TUPLE: OnceLock<Py<PyAny>> = OnceLock::new();
static DECIMAL_STR: OnceLock<Py<PyAny>> = OnceLock::new();

/// Decimal text no longer than this is read from `Decimal.__str__` (28 digits, a sign,
/// a point and an exponent fit).
const SHORT_DECIMAL: usize = 40;

/// `decimal.Decimal.__str__(obj)`: the base class's text, whatever a subclass defines.
fn decimal_str(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = obj.py();
    let f = match DECIMAL_STR.get() {
        Some(f) => f.bind(py).clone(),
        None => {
            let f = decimal_class(py)?.getattr("__str__")?;
            let _ = DECIMAL_STR.set(f.clone().unbind());
            f
        }
    };
    f.call1((obj,))?.extract()
}

/// A `decimal.Decimal`'s value as `(negative, coefficient digits, exponent)`, or `None`
/// for NaN and infinities. Read through `decimal.Decimal.as_tuple` itself, so that a
/// subclass overriding `__str__` or `as_tuple` cannot misstate its value.
fn decimal_parts(obj: &Bound<'_, PyAny>) -> PyResult<Option<(bool, String, i64)>> {
    let py = obj.py();
    let as_tuple = match AS_TUPLE.get() {
        Some(f) => f.bind(py).clone(),
        None => {
            let f = decimal_class(py)?.getattr("as_tuple")?;
            let _ = AS_TUPLE.set(f.clone().unbind());
            f
        }
    };
    let parts = as_tuple.call1((obj,))?;
    let parts = parts.cast::<PyTuple>()?;
    let (sign, digits, exponent) = (parts.get_item(0)?, parts.get_item(1)?, parts.get_item(2)?);
    // NaN, sNaN and infinities carry a letter ('n', 'N', 'F') as their exponent.
    if exponent.is_instance_of::<PyString>() {
        return Ok(None);
    }
    let digits = digits.cast::<PyTuple>()?;
    let mut text = String::with_capacity(digits.len().min(contract::MAX_PARTS_DIGITS + 1));
    for d in digits.iter().take(contract::MAX_PARTS_DIGITS + 1) {
        let d: u32 = d.extract()?;
        text.push(
            char::from_digit(d, 10).ok_or_else(|| {
                PyTypeError::new_err("decimal: as_tuple gave a digit outside 0-9")
            })?,
        );
    }
    // An exponent outside i64 can only overflow (or be zero's): saturate, the core decides.
    let exponent = match exponent.extract::<i64>() {
        Ok(e) => e,
        Err(_) if exponent.lt(0)? => i64::MIN + 1,
        Err(_) => i64::MAX,
    };
    Ok(Some((sign.extract::<u8>()? == 1, text, exponent)))
}

pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".to_owned())
}

/// A decimal quantity from Python, exactly.
pub(crate) fn exact_decimal(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Decimal> {
    let py = obj.py();
    if obj.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "{field}: booleans are refused; pass a decimal.Decimal, a str or an int"
        )));
    }
    if obj.is_instance_of::<PyFloat>() {
        return Err(PyTypeError::new_err(format!(
            "{field}: binary floats are refused; pass a decimal.Decimal, a str or an int"
        )));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(v) = obj.extract::<i64>() {
            return Ok(Decimal::from(v));
        }
        return Err(MoneyError::Overflow {
            field,
            op: "parsing",
        })
        .or_raise(py);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return parse_decimal_text(text_of(s, field)?, field).or_raise(py);
    }
    if is_decimal(obj)? {
        // The common case: `decimal.Decimal.__str__` itself (a subclass's own `__str__`
        // is not called) writes a short plain decimal (`123456.78`, `-0.00`), read
        // exactly by the core's grammar, four times cheaper than `as_tuple`. Text with
        // an exponent, longer text, NaN and infinities take `as_tuple` below, which
        // decides those (so their codes are unchanged).
        let text = decimal_str(obj)?;
        if text.len() <= SHORT_DECIMAL && !text.contains(['E', 'e', 'N', 'n', 'I', 'i']) {
            return sparrow_core::money::parse_number_literal(&text, field).or_raise(py);
        }
        return match decimal_parts(obj)? {
            Some((negative, digits, exponent)) => {
                decimal_from_parts(negative, &digits, exponent, field).or_raise(py)
            }
            None => Err(MoneyError::NotExact { field }).or_raise(py),
        };
    }
    Err(PyTypeError::new_err(format!(
        "{field}: expected a decimal.Decimal, a str or an int, not {}",
        type_name(obj)
    )))
}

/// An amount in rupees from Python (a `Money`, a `Decimal`, a plain decimal `str` or an
/// `int`), exact to the paisa.
pub(crate) fn money_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Money> {
    let d = exact_decimal(obj, field)?;
    Money::try_from_decimal(d)
        .map_err(|e| e.for_field(field))
        .or_raise(obj.py())
}

/// `Money` objects already made, by paise. Amounts repeat (SIPs of ₹5,000, ₹10,000, …)
/// and a `Money` is immutable (`__slots__ = ()`, a `Decimal`), so the first
/// [`MAX_CACHED_MONEY`] distinct amounts are kept and handed out again; past that,
/// amounts are made afresh. (Making one costs ~0.35 µs, most of a profile's output.)
static MONEYS: OnceLock<Mutex<HashMap<i64, Py<PyAny>>>> = OnceLock::new();
const MAX_CACHED_MONEY: usize = 4096;

/// A `Money` object for `m` (from the cache above, or made by [`make_money`]).
pub(crate) fn money_out<'py>(py: Python<'py>, m: Money) -> PyResult<Bound<'py, PyAny>> {
    let cache = MONEYS.get_or_init(|| Mutex::new(HashMap::new()));
    if let Ok(map) = cache.lock() {
        if let Some(obj) = map.get(&m.paise()) {
            return Ok(obj.bind(py).clone());
        }
    }
    let made = make_money(py, m)?;
    if let Ok(mut map) = cache.lock() {
        if map.len() < MAX_CACHED_MONEY {
            map.insert(m.paise(), made.clone().unbind());
        }
    }
    Ok(made)
}

/// A new `Money` object, made as `Decimal.__new__(Money, "1234.50")` (the text is
/// already canonical, so `Money.__new__`'s check is not repeated).
fn make_money<'py>(py: Python<'py>, m: Money) -> PyResult<Bound<'py, PyAny>> {
    let (new, class) = match MONEY_FROM_CANONICAL.get() {
        Some((new, class)) => (new.bind(py).clone(), class.bind(py).clone()),
        None => {
            let new = decimal_class(py)?.getattr("__new__")?;
            let class = py.import("sparrow_core._money")?.getattr("Money")?;
            let _ = MONEY_FROM_CANONICAL.set((new.clone().unbind(), class.clone().unbind()));
            (new, class)
        }
    };
    new.call1((class, m.to_string()))
}

/// `Decimal` objects for 0.0000 … 1.0000 (weights and fractions at scale 4), each made
/// on first use. Every blended result hands out ~28 of them; indexing here instead of
/// the locked map below keeps a batch at ~3 µs per profile (the map alone: 4–5 µs).
static TEN_THOUSANDTHS: [OnceLock<Py<PyAny>>; 10_001] = [const { OnceLock::new() }; 10_001];

/// Other `Decimal` objects already made, by exact value (digits and scale). The rules hand out
/// a small set of values over and over (weights, fractions, probabilities, percents),
/// and a `Decimal` is immutable, so each is made once. Bounded: past the limit values are made
/// afresh.
type DecimalCache = Mutex<HashMap<(i128, u32), Py<PyAny>>>;
static DECIMALS: OnceLock<DecimalCache> = OnceLock::new();
const MAX_CACHED_DECIMALS: usize = 65_536;

/// A `decimal.Decimal` with exactly the digits and scale of `d`.
pub(crate) fn decimal_out<'py>(py: Python<'py>, d: Decimal) -> PyResult<Bound<'py, PyAny>> {
    if d.scale() == 4 {
        if let Some(slot) = usize::try_from(d.mantissa())
            .ok()
            .and_then(|i| TEN_THOUSANDTHS.get(i))
        {
            if let Some(obj) = slot.get() {
                return Ok(obj.bind(py).clone());
            }
            let made = decimal_class(py)?.call1((d.to_string(),))?;
            let _ = slot.set(made.clone().unbind());
            return Ok(made);
        }
    }
    let key = (d.mantissa(), d.scale());
    let cache = DECIMALS.get_or_init(|| Mutex::new(HashMap::new()));
    if let Ok(map) = cache.lock() {
        if let Some(obj) = map.get(&key) {
            return Ok(obj.bind(py).clone());
        }
    }
    let made = decimal_class(py)?.call1((d.to_string(),))?;
    if let Ok(mut map) = cache.lock() {
        if map.len() < MAX_CACHED_DECIMALS {
            map.insert(key, made.clone().unbind());
        }
    }
    Ok(made)
}

/// Python `str` objects for the core's `&'static str` spellings (`"Moderate"`,
/// `"equity"`, persona slugs, …), each made once: results repeat a few dozen of them.
type StaticStrings = Mutex<HashMap<&'static str, Py<PyString>>>;
static STATIC_STRINGS: OnceLock<StaticStrings> = OnceLock::new();

/// The `str` for a spelling of the core's, shared between calls.
pub(crate) fn static_str<'py>(py: Python<'py>, s: &'static str) -> Bound<'py, PyString> {
    let map = STATIC_STRINGS.get_or_init(|| Mutex::new(HashMap::new()));
    if let Ok(mut m) = map.lock() {
        return m
            .entry(s)
            .or_insert_with(|| PyString::intern(py, s).unbind())
            .bind(py)
            .clone();
    }
    PyString::new(py, s)
}

/// A Python value as JSON, for the record validators: mappings with `str` keys (`dict`
/// and any `collections.abc.Mapping`), lists and tuples, `str`, `int` (any size),
/// `bool`, `None`, finite `float` (as the number its `repr` writes, which is what a JSON
/// body would carry) and finite `Decimal` (its exact digits). Bounded like the JSON text
/// of a record ([`contract::MAX_INPUT_BYTES`], 64 KiB); see [`json_value_within`].
pub(crate) fn json_value(obj: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    json_value_within(obj, depth, &mut contract::InputBudget::new("input"))
}

/// [`json_value`] within a budget of JSON bytes. Containers are read from snapshots
/// (`dict.items()`), so a value whose `__repr__` or iterator mutates the dict being read
/// cannot reach pyo3's mutation panic; numbers are read through the base types'
/// methods, so a subclass cannot misstate its value. Every refusal is coded: a non-str
/// key or unsupported type is a `TypeError`.
pub(crate) fn json_value_within(
    obj: &Bound<'_, PyAny>,
    depth: usize,
    budget: &mut contract::InputBudget,
) -> PyResult<Value> {
    let py = obj.py();
    contract::check_depth(depth, "input").or_raise(py)?;
    if obj.is_none() {
        budget.spend(4).or_raise(py)?;
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        budget.spend(5).or_raise(py)?;
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let text = text_of(s, "input")?;
        budget.spend(text.len().saturating_add(2)).or_raise(py)?;
        return Ok(Value::String(text.to_owned()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(v) = obj.extract::<i64>() {
            // The length of its decimal text, as the JSON would carry it.
            let digits = v.unsigned_abs().checked_ilog10().unwrap_or(0) as usize + 1;
            budget.spend(digits + usize::from(v < 0)).or_raise(py)?;
            return Ok(Value::from(v));
        }
        // int.__repr__ itself (a subclass's __str__ could lie); past Python's 4,300-digit
        // limit it raises, which is the core's `input_number`.
        let text: String = match py.get_type::<PyInt>().call_method1("__repr__", (obj,)) {
            Ok(t) => t.extract()?,
            Err(_) => {
                return Err(ArgumentError::Number {
                    field: "input",
                    max: contract::MAX_NUMBER_CHARS,
                })
                .or_raise(py)
            }
        };
        budget.spend(text.len()).or_raise(py)?;
        return number(py, &text);
    }
    // NaN and infinities are refused by the core's number reader (`input_not_finite`).
    if obj.is_instance_of::<PyFloat>() {
        // An exact float's repr is float's own; only a subclass needs float.__repr__.
        let text: String = if obj.is_exact_instance_of::<PyFloat>() {
            obj.repr()?.extract()?
        } else {
            py.get_type::<PyFloat>()
                .call_method1("__repr__", (obj,))?
                .extract()?
        };
        budget.spend(text.len()).or_raise(py)?;
        return number(py, &text);
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        budget.check_len(d.len()).or_raise(py)?;
        if only_plain_leaves(d) {
            // Reading exact str/int/float/bool/None runs no Python code, and the GIL is
            // held throughout: nothing can change the dict while it is read, so it is
            // read in place (the common case: a JSON body's flat object).
            let mut map = Map::new();
            for (k, v) in d.iter() {
                let key = text_of(k.cast::<PyString>()?, "input")?;
                budget.spend(key.len().saturating_add(3)).or_raise(py)?;
                map.insert(key.to_owned(), json_value_within(&v, depth + 1, budget)?);
            }
            return Ok(Value::Object(map));
        }
        return object(&d.items().into_any(), depth, budget);
    }
    if let Ok(l) = obj.cast::<PyList>() {
        budget.check_len(l.len()).or_raise(py)?;
        // A snapshot: the list cannot change while its items are read.
        return array(&PyTuple::new(py, l.iter())?, depth, budget);
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        budget.check_len(t.len()).or_raise(py)?;
        return array(t, depth, budget);
    }
    if is_decimal(obj)? {
        return match decimal_parts(obj)? {
            Some((negative, digits, exponent)) => {
                let text = contract::literal_from_parts(negative, &digits, exponent);
                budget.spend(text.len()).or_raise(py)?;
                number(py, &text)
            }
            None => Err(ArgumentError::NotFinite { field: "input" }).or_raise(py),
        };
    }
    if obj.is_instance(&mapping_class(py)?)? {
        budget.check_len(obj.len()?).or_raise(py)?;
        let items = obj.call_method0("items")?;
        let snapshot = PyList::empty(py);
        for item in items.try_iter()? {
            snapshot.append(item?)?;
            budget.spend(0).or_raise(py)?;
        }
        return object(&snapshot.into_any(), depth, budget);
    }
    Err(PyTypeError::new_err(format!(
        "input: {} is not a JSON value (dict or other Mapping, list, str, int, bool, None, Decimal)",
        type_name(obj)
    )))
}

/// Whether every key of `d` is an exact `str` and every value an exact `str`, `int`,
/// `float`, `bool` or `None` (checked by type alone, running no Python code).
pub(crate) fn only_plain_leaves(d: &Bound<'_, PyDict>) -> bool {
    d.iter().all(|(k, v)| {
        k.is_exact_instance_of::<PyString>()
            && (v.is_none()
                || v.is_exact_instance_of::<PyString>()
                || v.is_exact_instance_of::<PyInt>()
                || v.is_exact_instance_of::<PyFloat>()
                || v.is_exact_instance_of::<PyBool>())
    })
}

/// A JSON object from a list of `(key, value)` pairs already copied out of the mapping.
fn object(
    items: &Bound<'_, PyAny>,
    depth: usize,
    budget: &mut contract::InputBudget,
) -> PyResult<Value> {
    let py = items.py();
    let mut map = Map::new();
    for item in items.try_iter()? {
        let item = item?;
        let pair = item
            .cast::<PyTuple>()
            .map_err(|_| PyTypeError::new_err("input: a mapping's items() must give pairs"))?;
        if pair.len() != 2 {
            return Err(PyTypeError::new_err(
                "input: a mapping's items() must give pairs",
            ));
        }
        let (k, v) = (pair.get_item(0)?, pair.get_item(1)?);
        let key = k
            .cast::<PyString>()
            .map_err(|_| PyTypeError::new_err("input: dictionary keys must be str"))?;
        let key = text_of(key, "input")?;
        budget.spend(key.len().saturating_add(3)).or_raise(py)?;
        map.insert(key.to_owned(), json_value_within(&v, depth + 1, budget)?);
    }
    Ok(Value::Object(map))
}

fn array(
    items: &Bound<'_, PyTuple>,
    depth: usize,
    budget: &mut contract::InputBudget,
) -> PyResult<Value> {
    items
        .iter()
        .map(|v| json_value_within(&v, depth + 1, budget))
        .collect::<PyResult<Vec<_>>>()
        .map(Value::Array)
}

/// A `str` argument. Extracted like `&str`, except that a string with a lone surrogate
/// is the coded `input_not_unicode` instead of pyo3's `UnicodeEncodeError`; a non-str is
/// pyo3's `TypeError` naming the argument. Zero-copy (`PyBackedStr`).
pub(crate) struct Text(PyBackedStr);

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        (*t).to_owned()
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Text {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let s = obj.cast::<PyString>()?.to_owned();
        match PyBackedStr::try_from(s) {
            Ok(text) => Ok(Text(text)),
            Err(_) => Err(ArgumentError::NotUnicode { field: "argument" }).or_raise(obj.py()),
        }
    }
}

static MAPPING: OnceLock<Py<PyAny>> = OnceLock::new();

fn mapping_class(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    if let Some(c) = MAPPING.get() {
        return Ok(c.bind(py).clone());
    }
    let c = py.import("collections.abc")?.getattr("Mapping")?;
    let _ = MAPPING.set(c.clone().unbind());
    Ok(c)
}

/// The text of a Python `str`, or `input_not_unicode` naming `field` when it holds a
/// lone surrogate (Python allows them; UTF-8 cannot carry them).
pub(crate) fn text_of<'a>(s: &'a Bound<'_, PyString>, field: &'static str) -> PyResult<&'a str> {
    s.to_str()
        .or_else(|_| Err(ArgumentError::NotUnicode { field }).or_raise(s.py()))
}

fn number(py: Python<'_>, text: &str) -> PyResult<Value> {
    contract::json_number(text, "input")
        .map(Value::Number)
        .or_raise(py)
}

/// `now` as Unix seconds: an `int`, a timezone-aware `datetime`, or `None` for the
/// current time.
pub(crate) fn unix_now(obj: Option<&Bound<'_, PyAny>>) -> PyResult<i64> {
    let py_now = |py: Python<'_>| -> PyResult<i64> {
        let t: f64 = py.import("time")?.call_method0("time")?.extract()?;
        contract::unix_seconds(t.floor(), "now").or_raise(py)
    };
    match obj {
        None => Python::attach(py_now),
        Some(o) if o.is_none() => py_now(o.py()),
        Some(o) if o.is_instance_of::<PyBool>() => Err(PyTypeError::new_err(
            "now: expected an int or a datetime, not bool",
        )),
        Some(o) if o.is_instance_of::<PyInt>() => o.extract::<i64>(),
        Some(o) => {
            let py = o.py();
            let datetime = py.import("datetime")?.getattr("datetime")?;
            if !o.is_instance(&datetime)? {
                return Err(PyTypeError::new_err(format!(
                    "now: expected an int or a datetime, not {}",
                    type_name(o)
                )));
            }
            if o.getattr("tzinfo")?.is_none() {
                return Err(ArgumentError::TimeZoneMissing { field: "now" }).or_raise(py);
            }
            // Whole seconds of the instant (a datetime's microseconds are dropped by
            // flooring, which is the Unix-seconds reading of that instant).
            let t: f64 = o.call_method0("timestamp")?.extract()?;
            contract::unix_seconds(t.floor(), "now").or_raise(py)
        }
    }
}
