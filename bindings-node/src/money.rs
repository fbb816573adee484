//! money and validate.

use napi::{Env, Unknown};
use napi_derive::napi;
use sparrow_core::contract::{self, PanRecord, ProfileRecord};
use sparrow_core::money::{self, Money, Nav, ParseMode, Units};
use sparrow_core::profile::{self, Profile, ValidationMode};

use crate::js::{self, Options, OrThrow, Result};

/// An amount in rupees from a decimal string or a safe integer, exact to the paisa.
pub(crate) fn money_arg(env: &Env, v: Unknown<'_>, field: &'static str) -> Result<Money> {
    let d = js::decimal(env, v, field)?;
    Money::try_from_decimal(d)
        .map_err(|e| e.for_field(field))
        .or_throw(env)
}

fn nav_arg(env: &Env, v: Unknown<'_>) -> Result<Nav> {
    Nav::try_from_decimal(js::decimal(env, v, "nav")?).or_throw(env)
}

/// Parses an amount in rupees (domain.md §1); `{ lenient: true }` also takes today's
/// looser spellings.
#[napi(
    ts_args_type = "text: string, options?: { lenient?: boolean }",
    ts_return_type = "Money"
)]
pub fn parse_money(env: Env, text: Unknown<'_>, options: Option<Unknown<'_>>) -> Result<String> {
    let text = js::text(&env, text, "text")?;
    let options = Options::new(&env, options, &["lenient"], "lenient")?;
    let lenient = match options.get(&env, "lenient")? {
        Some(v) => js::boolean(&env, v, "lenient")?,
        None => false,
    };
    let mode = if lenient {
        ParseMode::Lenient
    } else {
        ParseMode::Strict
    };
    Ok(money::parse_money_with(&text, mode)
        .or_throw(&env)?
        .to_string())
}

/// `"₹1,23,456.78"`.
#[napi(ts_args_type = "amount: DecimalInput")]
pub fn format_inr(env: Env, amount: Unknown<'_>) -> Result<String> {
    Ok(money::format_inr(money_arg(&env, amount, "amount")?))
}

/// `"₹1.23 L"`.
#[napi(ts_args_type = "amount: DecimalInput")]
pub fn format_compact(env: Env, amount: Unknown<'_>) -> Result<String> {
    Ok(money::format_compact(money_arg(&env, amount, "amount")?))
}

/// Parts that sum exactly to `amount` (largest remainder; ties to the earlier weight).
#[napi(
    ts_args_type = "amount: DecimalInput, weights: DecimalInput[]",
    ts_return_type = "Money[]"
)]
pub fn allocate(env: Env, amount: Unknown<'_>, weights: Unknown<'_>) -> Result<Vec<String>> {
    let amount = money_arg(&env, amount, "amount")?;
    let weights = js::array(&env, weights, "weights", money::MAX_WEIGHTS)?
        .into_iter()
        .map(|w| js::decimal(&env, w, "weights"))
        .collect::<Result<Vec<_>>>()?;
    Ok(money::allocate(amount, &weights)
        .or_throw(&env)?
        .iter()
        .map(ToString::to_string)
        .collect())
}

/// Units bought by `amount` at `nav` (3 dp).
#[napi(
    ts_args_type = "amount: DecimalInput, nav: DecimalInput",
    ts_return_type = "UnitsText"
)]
pub fn units_for(env: Env, amount: Unknown<'_>, nav: Unknown<'_>) -> Result<String> {
    let amount = money_arg(&env, amount, "amount")?;
    let units = money::units_for(amount, nav_arg(&env, nav)?).or_throw(&env)?;
    Ok(units.to_string())
}

/// The value of `units` at `nav` (2 dp).
#[napi(
    ts_args_type = "units: DecimalInput, nav: DecimalInput",
    ts_return_type = "Money"
)]
pub fn value_of(env: Env, units: Unknown<'_>, nav: Unknown<'_>) -> Result<String> {
    let units = Units::try_from_decimal(js::decimal(&env, units, "units")?).or_throw(&env)?;
    let value = money::value_of(units, nav_arg(&env, nav)?).or_throw(&env)?;
    Ok(value.to_string())
}

/// The PAN upper-cased, and its holder type.
#[napi(ts_args_type = "pan: string", ts_return_type = "PanRecord")]
pub fn validate_pan<'env>(env: &'env Env, pan: Unknown<'_>) -> Result<Unknown<'env>> {
    let pan = sparrow_core::validate_pan(&js::text(env, pan, "pan")?).or_throw(env)?;
    js::to_js(env, &PanRecord::from(&pan))
}

/// The IFSC upper-cased.
#[napi(ts_args_type = "ifsc: string")]
pub fn validate_ifsc(env: Env, ifsc: Unknown<'_>) -> Result<String> {
    let v = sparrow_core::validate_ifsc(&js::text(&env, ifsc, "ifsc")?).or_throw(&env)?;
    Ok(v.as_str().to_owned())
}

/// The number in E.164 form (`+919876543210`).
#[napi(ts_args_type = "mobile: string")]
pub fn validate_mobile(env: Env, mobile: Unknown<'_>) -> Result<String> {
    let v = sparrow_core::validate_mobile(&js::text(&env, mobile, "mobile")?).or_throw(&env)?;
    Ok(v.e164())
}

/// The address with its domain lower-cased.
#[napi(ts_args_type = "email: string")]
pub fn validate_email(env: Env, email: Unknown<'_>) -> Result<String> {
    let v = sparrow_core::validate_email(&js::text(&env, email, "email")?).or_throw(&env)?;
    Ok(v.normalized().to_owned())
}

/// The six-digit PIN code.
#[napi(ts_args_type = "pincode: string")]
pub fn validate_pincode(env: Env, pincode: Unknown<'_>) -> Result<String> {
    let v = sparrow_core::validate_pincode(&js::text(&env, pincode, "pincode")?).or_throw(&env)?;
    Ok(v.as_str().to_owned())
}

/// The twelve Aadhaar digits.
#[napi(ts_args_type = "aadhaar: string")]
pub fn validate_aadhaar(env: Env, aadhaar: Unknown<'_>) -> Result<String> {
    let v = sparrow_core::validate_aadhaar(&js::text(&env, aadhaar, "aadhaar")?).or_throw(&env)?;
    Ok(v.as_str().to_owned())
}

/// `mode` from an options object (the core's default when absent).
pub(crate) fn mode_of(env: &Env, options: &Options<'_>) -> Result<ValidationMode> {
    match options.text(env, "mode")? {
        None => Ok(contract::DEFAULT_MODE),
        Some(m) => m.parse::<ValidationMode>().or_throw(env),
    }
}

/// A profile from an object (read as JSON) or JSON text.
pub(crate) fn profile_arg(
    env: &Env,
    input: Unknown<'_>,
    field: &'static str,
    mode: ValidationMode,
) -> Result<Profile> {
    if js::type_of(env, &input, field)? == napi::ValueType::String {
        return profile::validate_profile_json(&js::text(env, input, field)?, mode).or_throw(env);
    }
    let text = js::stringify(env, input, field)?;
    profile::validate_profile_json(&text, mode).or_throw(env)
}

/// The normalised profile, or an `InputError` listing every problem.
#[napi(
    ts_args_type = "input: ProfileInput | string, options?: { mode?: ValidationMode }",
    ts_return_type = "Profile"
)]
pub fn validate_profile<'env>(
    env: &'env Env,
    input: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<Unknown<'env>> {
    let options = Options::new(env, options, &["mode"], "mode")?;
    let p = profile_arg(env, input, "input", mode_of(env, &options)?)?;
    js::to_js(env, &ProfileRecord::from(&p))
}

/// The PostgreSQL statements of domain.md §1.
#[napi]
pub fn migration_sql() -> String {
    sparrow_core::migration_sql()
}
