//! Reading JS values and raising coded errors: the whole of the conversion layer.
//!
//! Every argument arrives as an [`Unknown`] and is read here by type, never coerced:
//! napi's own conversions turn NaN into 0 and 1.5 into 1 for integers, and a lone
//! surrogate into U+FFFD, without a word. Every failure becomes a JS `Error` (or
//! `TypeError` for a value of the wrong type) carrying the core's code, kind and
//! problems — built as a JS object, so sync throws and rejected Promises carry the
//! same shape.

use napi::bindgen_prelude::{
    BigInt, ClassInstance, FromNapiValue, JsObjectValue, MaybeTypeTag, Object, Uint8Array,
};
use napi::{
    Env, JsDate, JsError, JsNumber, JsString, JsTypeError, JsValue, KeyCollectionMode,
    KeyConversion, KeyFilter, Status, Unknown, ValueType,
};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use sparrow_core::contract::{
    self, check_depth, json_number, unix_seconds, ArgumentError, ErrorRecord, InputBudget,
};

/// napi's result, whose error is always one of ours once it reaches JS.
pub(crate) type Result<T> = std::result::Result<T, napi::Error>;

// ---------------------------------------------------------------- errors

/// The JS error for a core error record: `Error` (or `TypeError`) with `.code`,
/// `.name` (the kind's class name, kept `TypeError` for type mistakes), `.kind`,
/// `.errors` and, when reading the value threw, `.cause`.
fn raise(
    env: &Env,
    record: &ErrorRecord,
    type_error: bool,
    cancellation: bool,
    cause: Option<Unknown<'_>>,
) -> napi::Error {
    let base = napi::Error::new(Status::GenericFailure, record.message.clone());
    let made = if type_error {
        JsTypeError::from(base).into_unknown(*env)
    } else {
        JsError::from(base).into_unknown(*env)
    };
    let decorate = || -> Result<()> {
        let mut obj = Object::from_unknown(made)?;
        obj.set_named_property("code", record.code.as_str())?;
        if !type_error {
            // A cancellation is the platform's AbortError (as fetch and fs reject with);
            // every other error is named after its kind.
            let name = if cancellation {
                "AbortError"
            } else {
                record.name.as_str()
            };
            obj.set_named_property("name", name)?;
        }
        obj.set_named_property("kind", record.kind.as_str())?;
        if let Some(status) = record.http_status {
            obj.set_named_property("httpStatus", u32::from(status))?;
        }
        obj.set_named_property("errors", env.to_js_value(&record.errors)?)?;
        if let Some(cause) = cause {
            obj.set_named_property("cause", cause)?;
        }
        Ok(())
    };
    match decorate() {
        Ok(()) => napi::Error::from(made),
        Err(e) => e,
    }
}

/// A core error as a thrown JS error.
pub(crate) fn sparrow(env: &Env, e: impl Into<sparrow_core::Error>) -> napi::Error {
    let e: sparrow_core::Error = e.into();
    let type_error = matches!(e, sparrow_core::Error::Argument(ArgumentError::Type { .. }));
    raise(
        env,
        &ErrorRecord::from(&e),
        type_error,
        e.is_cancellation(),
        None,
    )
}

/// A coded `TypeError` (`input_type`): `field` was not `expected`.
pub(crate) fn type_error(env: &Env, field: &'static str, expected: &'static str) -> napi::Error {
    sparrow(env, ArgumentError::Type { field, expected })
}

/// Takes the exception the caller's code left pending (a getter or a Proxy trap threw).
#[allow(unsafe_code)]
fn take_exception<'env>(env: &'env Env) -> Option<Unknown<'env>> {
    let mut pending = false;
    // SAFETY: `env` is the live environment of the current call; both functions only
    // read or clear its exception slot and write to the out-pointers given.
    unsafe {
        if napi::sys::napi_is_exception_pending(env.raw(), &mut pending)
            != napi::sys::Status::napi_ok
            || !pending
        {
            return None;
        }
        let mut value = std::ptr::null_mut();
        if napi::sys::napi_get_and_clear_last_exception(env.raw(), &mut value)
            != napi::sys::Status::napi_ok
            || value.is_null()
        {
            return None;
        }
        Unknown::from_napi_value(env.raw(), value).ok()
    }
}

/// `input_unreadable`: reading `field` ran the caller's code and it threw; the thrown
/// value becomes the error's `cause`.
pub(crate) fn unreadable(env: &Env, field: &'static str) -> napi::Error {
    let cause = take_exception(env);
    let e = sparrow_core::Error::from(ArgumentError::Unreadable { field });
    raise(env, &ErrorRecord::from(&e), false, false, cause)
}

/// A napi step that reads the caller's value: any failure is `input_unreadable`.
pub(crate) fn read<T>(env: &Env, field: &'static str, r: napi::Result<T>) -> Result<T> {
    r.map_err(|_| unreadable(env, field))
}

/// Core results to JS.
pub(crate) trait OrThrow<T> {
    /// The value, or the core error thrown as a JS error.
    fn or_throw(self, env: &Env) -> Result<T>;
}

impl<T, E: Into<sparrow_core::Error>> OrThrow<T> for std::result::Result<T, E> {
    fn or_throw(self, env: &Env) -> Result<T> {
        self.map_err(|e| sparrow(env, e))
    }
}

/// A record as JS data: its JSON (decimals as decimal strings, through the contract's
/// tags), handed to V8's `JSON.parse` — one call, where building the object property by
/// property costs a napi round trip each (measured in docs/benchmarks.md).
pub(crate) fn to_js<'env, T: Serialize>(env: &'env Env, value: &T) -> Result<Unknown<'env>> {
    let text = serde_json::to_string(value)
        .map_err(|e| napi::Error::new(Status::GenericFailure, e.to_string()))?;
    let helpers = helpers(env, "result")?;
    let parse = helpers.parse.borrow_back(env)?;
    let value: Unknown<'static> = parse.call(text)?;
    Ok(value)
}

// ---------------------------------------------------------------- values

/// The type of a value (`undefined` for a missing argument).
pub(crate) fn type_of(env: &Env, v: &Unknown<'_>, field: &'static str) -> Result<ValueType> {
    read(env, field, v.get_type())
}

/// Whether an optional argument is absent (`undefined` or `null`).
pub(crate) fn is_absent(env: &Env, v: &Unknown<'_>, field: &'static str) -> Result<bool> {
    Ok(matches!(
        type_of(env, v, field)?,
        ValueType::Undefined | ValueType::Null
    ))
}

/// Text from a JS string: the exact characters, or `input_not_unicode` for a lone
/// surrogate (which napi would silently turn into U+FFFD).
pub(crate) fn text(env: &Env, v: Unknown<'_>, field: &'static str) -> Result<String> {
    if type_of(env, &v, field)? != ValueType::String {
        return Err(type_error(env, field, "a string"));
    }
    let s = read(env, field, JsString::from_unknown(v))?;
    let utf8 = read(env, field, read(env, field, s.into_utf8())?.into_owned())?;
    if utf8.contains('\u{FFFD}') {
        // U+FFFD may be real, or napi's stand-in for a lone surrogate: look at the UTF-16.
        let utf16 = read(env, field, s.into_utf16())?;
        if char::decode_utf16(utf16.as_slice().iter().copied()).any(|c| c.is_err()) {
            return Err(sparrow(env, ArgumentError::NotUnicode { field }));
        }
    }
    Ok(utf8)
}

/// Bytes from a string (its UTF-8) or a `Uint8Array` (as given): secrets.
pub(crate) fn bytes(env: &Env, v: Unknown<'_>, field: &'static str) -> Result<Vec<u8>> {
    match type_of(env, &v, field)? {
        ValueType::String => Ok(text(env, v, field)?.into_bytes()),
        ValueType::Object if read(env, field, v.is_typedarray())? => {
            match Uint8Array::from_unknown(v) {
                Ok(a) => Ok(a.to_vec()),
                Err(_) => Err(type_error(env, field, "a string or a Uint8Array")),
            }
        }
        _ => Err(type_error(env, field, "a string or a Uint8Array")),
    }
}

/// Text from a string or a `Uint8Array` of UTF-8 (passwords, tokens): bytes that are not
/// UTF-8 are `input_not_unicode`.
pub(crate) fn text_or_bytes(env: &Env, v: Unknown<'_>, field: &'static str) -> Result<String> {
    match type_of(env, &v, field)? {
        ValueType::String => text(env, v, field),
        ValueType::Object => {
            let b = bytes(env, v, field)?;
            String::from_utf8(b).map_err(|_| sparrow(env, ArgumentError::NotUnicode { field }))
        }
        _ => Err(type_error(env, field, "a string or a Uint8Array")),
    }
}

/// The value of a JS number (the caller has checked its type).
fn number(env: &Env, v: Unknown<'_>, field: &'static str) -> Result<f64> {
    read(
        env,
        field,
        read(env, field, JsNumber::from_unknown(v))?.get_double(),
    )
}

/// A JS number that is a safe integer (|n| ≤ 2^53 − 1), exactly.
fn safe_integer(n: f64) -> Option<i64> {
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    if n.is_finite() && n.fract() == 0.0 && n.abs() <= MAX_SAFE {
        #[allow(clippy::cast_possible_truncation)] // whole and within ±2^53, checked above
        Some(n as i64)
    } else {
        None
    }
}

const DECIMAL: &str = "a decimal string (\"1250.50\") or a safe integer";

/// An exact decimal from a decimal string or a safe integer; anything else (a
/// fractional or unsafe number, NaN, a boolean, a BigInt, an object) is `input_type`.
pub(crate) fn decimal(env: &Env, v: Unknown<'_>, field: &'static str) -> Result<Decimal> {
    match type_of(env, &v, field)? {
        ValueType::String => {
            contract::parse_decimal_text(&text(env, v, field)?, field).or_throw(env)
        }
        ValueType::Number => {
            let n = number(env, v, field)?;
            safe_integer(n)
                .map(Decimal::from)
                .ok_or_else(|| type_error(env, field, DECIMAL))
        }
        _ => Err(type_error(env, field, DECIMAL)),
    }
}

/// A whole number argument (a safe integer), e.g. `k`, `leeway`.
pub(crate) fn integer(env: &Env, v: Unknown<'_>, field: &'static str) -> Result<i64> {
    if type_of(env, &v, field)? != ValueType::Number {
        return Err(type_error(env, field, "a safe integer"));
    }
    let n = number(env, v, field)?;
    safe_integer(n).ok_or_else(|| type_error(env, field, "a safe integer"))
}

/// A non-negative whole number argument.
pub(crate) fn unsigned(env: &Env, v: Unknown<'_>, field: &'static str) -> Result<u64> {
    let n = integer(env, v, field)?;
    u64::try_from(n).map_err(|_| type_error(env, field, "a non-negative safe integer"))
}

/// A JS number as an `f64` (only where the core takes a float: k-means tolerance).
pub(crate) fn float(env: &Env, v: Unknown<'_>, field: &'static str) -> Result<f64> {
    if type_of(env, &v, field)? != ValueType::Number {
        return Err(type_error(env, field, "a number"));
    }
    number(env, v, field)
}

/// A boolean, exactly (no truthiness).
pub(crate) fn boolean(env: &Env, v: Unknown<'_>, field: &'static str) -> Result<bool> {
    if type_of(env, &v, field)? != ValueType::Boolean {
        return Err(type_error(env, field, "a boolean"));
    }
    read(env, field, bool::from_unknown(v))
}

/// An instant as Unix seconds: whole seconds as a number or a BigInt, or a `Date`
/// (floored to the second, as `jsonwebtoken` does); absent means the current time.
pub(crate) fn now(env: &Env, v: Option<Unknown<'_>>, field: &'static str) -> Result<i64> {
    let v = match v {
        Some(v) if !is_absent(env, &v, field)? => v,
        _ => return clock(env, field),
    };
    match type_of(env, &v, field)? {
        ValueType::Number => {
            let n = number(env, v, field)?;
            unix_seconds(n, field).or_throw(env)
        }
        ValueType::BigInt => {
            let b = read(env, field, BigInt::from_unknown(v))?;
            bigint_i64(&b).ok_or_else(|| sparrow(env, ArgumentError::TimeInvalid { field }))
        }
        ValueType::Object if read(env, field, v.is_date())? => {
            let ms = read(
                env,
                field,
                read(env, field, JsDate::from_unknown(v))?.value_of(),
            )?;
            unix_seconds((ms / 1000.0).floor(), field).or_throw(env)
        }
        _ => Err(type_error(
            env,
            field,
            "whole Unix seconds (a number or a BigInt) or a Date",
        )),
    }
}

/// A BigInt's value when it fits `i64`, exactly.
fn bigint_i64(b: &BigInt) -> Option<i64> {
    let magnitude = match b.words.as_slice() {
        [] => 0u64,
        [w] => *w,
        [w, rest @ ..] if rest.iter().all(|r| *r == 0) => *w,
        _ => return None,
    };
    if b.sign_bit {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    }
}

fn clock(env: &Env, field: &'static str) -> Result<i64> {
    let invalid = || sparrow(env, ArgumentError::TimeInvalid { field });
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| invalid())?
        .as_secs();
    i64::try_from(secs).map_err(|_| invalid())
}

// ---------------------------------------------------------------- objects

/// An instance of one of this module's classes (`Keyring`, `Strategy`): napi checks the
/// object's type tag, so another class's instance or a look-alike object is refused
/// with `input_type`, never reinterpreted.
pub(crate) fn instance<'env, T: 'env + MaybeTypeTag>(
    env: &Env,
    v: Unknown<'env>,
    field: &'static str,
    expected: &'static str,
) -> Result<ClassInstance<'env, T>> {
    if type_of(env, &v, field)? != ValueType::Object {
        return Err(type_error(env, field, expected));
    }
    ClassInstance::<T>::from_unknown(v).map_err(|_| type_error(env, field, expected))
}

/// A plain object's own enumerable string keys (never the prototype's: a polluted
/// `Object.prototype` adds nothing), or `input_type`.
pub(crate) fn object<'env>(
    env: &Env,
    v: Unknown<'env>,
    field: &'static str,
    expected: &'static str,
) -> Result<Object<'env>> {
    if type_of(env, &v, field)? != ValueType::Object
        || read(env, field, v.is_array())?
        || read(env, field, v.is_typedarray())?
        || read(env, field, v.is_date())?
    {
        return Err(type_error(env, field, expected));
    }
    read(env, field, Object::from_unknown(v))
}

/// The own enumerable string keys of an object.
pub(crate) fn keys(env: &Env, obj: &Object<'_>, field: &'static str) -> Result<Vec<String>> {
    let names = read(
        env,
        field,
        obj.get_all_property_names(
            KeyCollectionMode::OwnOnly,
            KeyFilter::Enumerable,
            KeyConversion::NumbersToStrings,
        ),
    )?;
    let n = read(env, field, names.get_array_length())?;
    let mut out = Vec::with_capacity(n.min(1024) as usize);
    for i in 0..n {
        let k: Unknown<'_> = read(env, field, names.get_element(i))?;
        // Symbol keys are left out, as JSON.stringify leaves them out.
        if type_of(env, &k, field)? == ValueType::String {
            out.push(text(env, k, field)?);
        }
    }
    Ok(out)
}

/// An own property (`undefined` when absent, never the prototype's).
pub(crate) fn own<'env>(
    env: &Env,
    obj: &Object<'env>,
    key: &str,
    field: &'static str,
) -> Result<Option<Unknown<'env>>> {
    if !read(env, field, obj.has_own_property(key))? {
        return Ok(None);
    }
    let v: Unknown<'env> = read(env, field, obj.get_named_property(key))?;
    Ok(if is_absent(env, &v, field)? {
        None
    } else {
        Some(v)
    })
}

/// A required own property.
pub(crate) fn required<'env>(
    env: &Env,
    obj: &Object<'env>,
    key: &str,
    field: &'static str,
    expected: &'static str,
) -> Result<Unknown<'env>> {
    own(env, obj, key, field)?.ok_or_else(|| type_error(env, field, expected))
}

/// The options object of a call (`undefined` or a plain object whose keys are all in
/// `allowed`): a misspelt option is `option_unknown`, never ignored.
pub(crate) struct Options<'env> {
    /// The own enumerable keys and their values, read once.
    given: Vec<(&'static str, Unknown<'env>)>,
}

impl<'env> Options<'env> {
    /// Reads `v` (the trailing argument) against the options the function takes.
    pub(crate) fn new(
        env: &Env,
        v: Option<Unknown<'env>>,
        allowed: &'static [&'static str],
        allowed_text: &'static str,
    ) -> Result<Self> {
        let v = match v {
            Some(v) if !is_absent(env, &v, "options")? => v,
            _ => return Ok(Options { given: Vec::new() }),
        };
        let obj = object(env, v, "options", "an options object")?;
        let mut given = Vec::new();
        for k in keys(env, &obj, "options")? {
            let Some(name) = allowed.iter().find(|a| **a == k) else {
                return Err(sparrow(
                    env,
                    ArgumentError::OptionUnknown {
                        field: "options",
                        allowed: allowed_text,
                    },
                ));
            };
            let value: Unknown<'env> = read(env, name, obj.get_named_property(&k))?;
            if !is_absent(env, &value, name)? {
                given.push((*name, value));
            }
        }
        Ok(Options { given })
    }

    /// The option `key` (`None` when absent, `undefined` or `null`).
    pub(crate) fn get(&self, _env: &Env, key: &'static str) -> Result<Option<Unknown<'env>>> {
        Ok(self.given.iter().find(|(k, _)| *k == key).map(|(_, v)| *v))
    }

    /// A text option.
    pub(crate) fn text(&self, env: &Env, key: &'static str) -> Result<Option<String>> {
        self.get(env, key)?.map(|v| text(env, v, key)).transpose()
    }
}

/// The items of a JS array (at most `max` + 1 are read: the core refuses the list).
pub(crate) fn array<'env>(
    env: &Env,
    v: Unknown<'env>,
    field: &'static str,
    max: usize,
) -> Result<Vec<Unknown<'env>>> {
    if type_of(env, &v, field)? != ValueType::Object || !read(env, field, v.is_array())? {
        return Err(type_error(env, field, "an array"));
    }
    let obj = read(env, field, Object::from_unknown(v))?;
    let n = read(env, field, obj.get_array_length())? as usize;
    let take = n.min(max.saturating_add(1));
    let mut out = Vec::with_capacity(take.min(4096));
    for i in 0..take {
        #[allow(clippy::cast_possible_truncation)] // ≤ the array's u32 length
        let item: Unknown<'env> = read(env, field, obj.get_element(i as u32))?;
        out.push(item);
    }
    Ok(out)
}

/// An array of strings, all of them, within the budget of a record's JSON text (a list
/// too large for that is `input_too_large`, never cut short).
pub(crate) fn strings(env: &Env, v: Unknown<'_>, field: &'static str) -> Result<Vec<String>> {
    if type_of(env, &v, field)? != ValueType::Object || !read(env, field, v.is_array())? {
        return Err(type_error(env, field, "an array of strings"));
    }
    let obj = read(env, field, Object::from_unknown(v))?;
    let n = read(env, field, obj.get_array_length())? as usize;
    let mut budget = InputBudget::new(field);
    budget.check_len(n).or_throw(env)?;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        #[allow(clippy::cast_possible_truncation)] // ≤ the array's u32 length
        let item: Unknown<'_> = read(env, field, obj.get_element(i as u32))?;
        let s = text(env, item, field)?;
        budget.spend(s.len().saturating_add(3)).or_throw(env)?;
        out.push(s);
    }
    Ok(out)
}

// ---------------------------------------------------------------- JSON

/// A JS value as the JSON value it stands for (what `JSON.stringify` would write),
/// read within `budget` and [`contract::MAX_INPUT_DEPTH`]: numbers from their shortest
/// round-trip text (never a binary-float value: the core reads the literal), `undefined`
/// properties left out as `JSON.stringify` does; BigInts, functions, symbols, Dates and
/// typed arrays are `input_type`.
pub(crate) fn json(
    env: &Env,
    v: Unknown<'_>,
    field: &'static str,
    budget: &mut InputBudget,
    depth: usize,
) -> Result<Value> {
    check_depth(depth, field).or_throw(env)?;
    match type_of(env, &v, field)? {
        ValueType::Null => {
            budget.spend(4).or_throw(env)?;
            Ok(Value::Null)
        }
        ValueType::Boolean => {
            budget.spend(5).or_throw(env)?;
            Ok(Value::Bool(read(env, field, bool::from_unknown(v))?))
        }
        ValueType::Number => {
            let n = number(env, v, field)?;
            if !n.is_finite() {
                return Err(sparrow(env, ArgumentError::NotFinite { field }));
            }
            // -0 is written 0, as JSON.stringify does.
            let literal = if n == 0.0 {
                "0".to_owned()
            } else {
                n.to_string()
            };
            budget.spend(literal.len()).or_throw(env)?;
            Ok(Value::Number(json_number(&literal, field).or_throw(env)?))
        }
        ValueType::String => {
            let s = text(env, v, field)?;
            budget.spend(s.len().saturating_add(2)).or_throw(env)?;
            Ok(Value::String(s))
        }
        ValueType::Object if read(env, field, v.is_array())? => {
            let obj = read(env, field, Object::from_unknown(v))?;
            let n = read(env, field, obj.get_array_length())? as usize;
            budget.check_len(n).or_throw(env)?;
            budget.spend(2).or_throw(env)?;
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                #[allow(clippy::cast_possible_truncation)] // ≤ the array's u32 length
                let item: Unknown<'_> = read(env, field, obj.get_element(i as u32))?;
                if type_of(env, &item, field)? == ValueType::Undefined {
                    out.push(Value::Null); // JSON.stringify writes null
                } else {
                    out.push(json(env, item, field, budget, depth + 1)?);
                }
            }
            Ok(Value::Array(out))
        }
        ValueType::Object => {
            let obj = object(
                env,
                v,
                field,
                "plain data (objects, arrays, strings, numbers)",
            )?;
            let keys = keys(env, &obj, field)?;
            budget.check_len(keys.len()).or_throw(env)?;
            budget.spend(2).or_throw(env)?;
            let mut map = serde_json::Map::new();
            for k in keys {
                let item: Unknown<'_> = read(env, field, obj.get_named_property(&k))?;
                if type_of(env, &item, field)? == ValueType::Undefined {
                    continue; // left out, as JSON.stringify does
                }
                budget.spend(k.len().saturating_add(3)).or_throw(env)?;
                let value = json(env, item, field, budget, depth + 1)?;
                map.insert(k, value);
            }
            Ok(Value::Object(map))
        }
        _ => Err(type_error(
            env,
            field,
            "plain data (objects, arrays, strings, numbers, booleans, null)",
        )),
    }
}

/// The JSON text of a record argument, written by V8's own `JSON.stringify` (one call,
/// where walking the object property by property costs a napi round trip each): own
/// enumerable properties only, `undefined` left out, `toJSON` honoured (a `Date` is its
/// ISO text, as on the wire). A replacer refuses what JSON would silently drop or bend:
/// BigInts, functions, symbols, typed arrays, `Map`/`Set` (`input_type`) and NaN or
/// ±Infinity (`input_not_finite`, where `JSON.stringify` would write `null`). A getter
/// or Proxy trap that throws, or a cycle, is `input_unreadable`. The text then goes to
/// the core's JSON reader, which bounds its size and depth and refuses duplicate keys.
pub(crate) fn stringify(env: &Env, v: Unknown<'_>, field: &'static str) -> Result<String> {
    if type_of(env, &v, field)? != ValueType::Object {
        return Err(type_error(env, field, "an object (or its JSON text)"));
    }
    let helpers = helpers(env, field)?;
    let f = read(env, field, helpers.stringify.borrow_back(env))?;
    f.call(v).map_err(|e| replacer_refusal(env, field, e))
}

const STRINGIFY: &str = r#"(function (value) {
  'use strict';
  return JSON.stringify(value, function (key, x) {
    var t = typeof x;
    if (t === 'bigint' || t === 'function' || t === 'symbol' ||
        (x !== null && t === 'object' && (ArrayBuffer.isView(x) || x instanceof Map || x instanceof Set))) {
      throw new TypeError('sparrow-core:input_type');
    }
    if (t === 'number' && !Number.isFinite(x)) throw new RangeError('sparrow-core:input_not_finite');
    return x;
  });
})"#;

/// Functions made once per environment (worker thread) and kept by reference.
struct Helpers {
    stringify: napi::bindgen_prelude::FunctionRef<Unknown<'static>, String>,
    parse: napi::bindgen_prelude::FunctionRef<String, Unknown<'static>>,
}

fn helpers(env: &Env, field: &'static str) -> Result<&'static Helpers> {
    if let Some(h) = read(env, field, env.get_instance_data::<Helpers>())? {
        return Ok(h);
    }
    let f: napi::bindgen_prelude::Function<'_, Unknown<'static>, String> =
        read(env, field, env.run_script(STRINGIFY))?;
    let stringify = read(env, field, f.create_ref())?;
    let p: napi::bindgen_prelude::Function<'_, String, Unknown<'static>> = read(
        env,
        field,
        env.run_script("(function (text) { return JSON.parse(text); })"),
    )?;
    let parse = read(env, field, p.create_ref())?;
    read(
        env,
        field,
        env.set_instance_data(Helpers { stringify, parse }, (), |_| {}),
    )?;
    match read(env, field, env.get_instance_data::<Helpers>())? {
        Some(h) => Ok(h),
        None => Err(unreadable(env, field)),
    }
}

/// The replacer's refusal as our code, or `input_unreadable` with the thrown value as
/// the cause (napi has already taken the exception into `e`).
fn replacer_refusal(env: &Env, field: &'static str, e: napi::Error) -> napi::Error {
    if e.reason.contains("sparrow-core:input_type") {
        return type_error(
            env,
            field,
            "plain data (objects, arrays, strings, numbers, booleans, null)",
        );
    }
    if e.reason.contains("sparrow-core:input_not_finite") {
        return sparrow(env, ArgumentError::NotFinite { field });
    }
    let cause = take_exception(env).unwrap_or_else(|| JsError::from(e).into_unknown(*env));
    let err = sparrow_core::Error::from(ArgumentError::Unreadable { field });
    raise(env, &ErrorRecord::from(&err), false, false, Some(cause))
}

/// A record argument as JSON with a fresh budget of `max` bytes.
pub(crate) fn json_arg(
    env: &Env,
    v: Unknown<'_>,
    field: &'static str,
    max: usize,
) -> Result<Value> {
    let mut budget = InputBudget::with_limit(field, max);
    json(env, v, field, &mut budget, 0)
}
