//! The native module `sparrow_core._sparrow_core`: sparrow-core for Python. Conversion
//! and error mapping only — every rule is in the `sparrow-core` crate. The Python
//! package `sparrow_core` (in `python/`) re-exports this module with its exceptions,
//! the `Money` type and pydantic types.

mod api_key;
mod arrow;
mod auth;
mod convert;
mod errors;
mod money;
mod portfolio;
mod returns;
mod rules;
mod to_py;

use pyo3::prelude::*;

#[pymodule]
fn _sparrow_core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(money::_money_canonical, m)?)?;
    m.add_function(wrap_pyfunction!(money::parse_money, m)?)?;
    m.add_function(wrap_pyfunction!(money::format_inr, m)?)?;
    m.add_function(wrap_pyfunction!(money::format_compact, m)?)?;
    m.add_function(wrap_pyfunction!(money::allocate, m)?)?;
    m.add_function(wrap_pyfunction!(money::units_for, m)?)?;
    m.add_function(wrap_pyfunction!(money::value_of, m)?)?;
    m.add_function(wrap_pyfunction!(money::validate_pan, m)?)?;
    m.add_function(wrap_pyfunction!(money::validate_ifsc, m)?)?;
    m.add_function(wrap_pyfunction!(money::validate_mobile, m)?)?;
    m.add_function(wrap_pyfunction!(money::validate_email, m)?)?;
    m.add_function(wrap_pyfunction!(money::validate_pincode, m)?)?;
    m.add_function(wrap_pyfunction!(money::validate_aadhaar, m)?)?;
    m.add_function(wrap_pyfunction!(money::validate_profile, m)?)?;
    m.add_function(wrap_pyfunction!(money::validate_profile_json, m)?)?;
    m.add_function(wrap_pyfunction!(money::migration_sql, m)?)?;

    m.add_class::<auth::Verification>()?;
    m.add_class::<auth::Keyring>()?;
    m.add_class::<auth::Decision>()?;
    m.add_function(wrap_pyfunction!(auth::check_password, m)?)?;
    m.add_function(wrap_pyfunction!(auth::require_password, m)?)?;
    m.add_function(wrap_pyfunction!(auth::hash_password, m)?)?;
    m.add_function(wrap_pyfunction!(auth::verify_password, m)?)?;
    m.add_function(wrap_pyfunction!(auth::needs_rehash, m)?)?;
    m.add_function(wrap_pyfunction!(auth::dummy_verify, m)?)?;
    m.add_function(wrap_pyfunction!(auth::issue_token, m)?)?;
    m.add_function(wrap_pyfunction!(auth::verify_token, m)?)?;
    m.add_function(wrap_pyfunction!(auth::should_refresh, m)?)?;
    m.add_function(wrap_pyfunction!(auth::parse_duration, m)?)?;
    m.add_function(wrap_pyfunction!(auth::bearer_token, m)?)?;
    m.add_function(wrap_pyfunction!(auth::authorize, m)?)?;
    m.add_function(wrap_pyfunction!(auth::check_env, m)?)?;

    m.add_class::<rules::ScoringTable>()?;
    m.add_class::<rules::Strategy>()?;
    m.add_class::<rules::PersonaModel>()?;
    m.add_function(wrap_pyfunction!(rules::classify, m)?)?;
    m.add_function(wrap_pyfunction!(rules::classify_blended, m)?)?;
    m.add_function(wrap_pyfunction!(rules::classify_many, m)?)?;
    m.add_function(wrap_pyfunction!(rules::classify_blended_many, m)?)?;
    m.add_function(wrap_pyfunction!(rules::blend_allocation, m)?)?;
    m.add_function(wrap_pyfunction!(rules::split_amount, m)?)?;
    m.add_function(wrap_pyfunction!(rules::rebalance, m)?)?;
    m.add_function(wrap_pyfunction!(rules::check_constraints, m)?)?;
    m.add_function(wrap_pyfunction!(rules::strategy_for, m)?)?;
    m.add_function(wrap_pyfunction!(rules::database_strategies, m)?)?;
    m.add_function(wrap_pyfunction!(rules::check_strategy, m)?)?;
    m.add_function(wrap_pyfunction!(rules::assess_risk, m)?)?;
    m.add_function(wrap_pyfunction!(rules::assess_risk_request, m)?)?;
    m.add_function(wrap_pyfunction!(rules::train_personas, m)?)?;
    m.add_function(wrap_pyfunction!(rules::synthetic_profiles, m)?)?;
    m.add_function(wrap_pyfunction!(rules::train_personas_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(rules::reassignment, m)?)?;
    m.add_function(wrap_pyfunction!(rules::_persona_model_from_json, m)?)?;
    m.add_class::<api_key::ApiKeyPepper>()?;
    m.add_class::<api_key::PyApiKeyRecord>()?;
    m.add_function(wrap_pyfunction!(api_key::issue_api_key, m)?)?;
    m.add_function(wrap_pyfunction!(api_key::parse_api_key, m)?)?;
    m.add_function(wrap_pyfunction!(api_key::verify_api_key, m)?)?;
    m.add_function(wrap_pyfunction!(api_key::api_keys_migration_sql, m)?)?;
    m.add_class::<portfolio::FundTable>()?;
    m.add_class::<portfolio::TaxTable>()?;
    m.add_function(wrap_pyfunction!(portfolio::analyze_portfolio, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio::analyze_portfolio_json, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio::check_target_allocation, m)?)?;
    m.add_function(wrap_pyfunction!(returns::xirr, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::xirr_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(returns::xnpv, m)?)?;
    m.add_function(wrap_pyfunction!(returns::cagr, m)?)?;
    m.add_function(wrap_pyfunction!(returns::goal_progress, m)?)?;
    m.add_function(wrap_pyfunction!(returns::future_value, m)?)?;
    m.add_function(wrap_pyfunction!(returns::sip_future_value, m)?)?;
    m.add_function(wrap_pyfunction!(returns::sip_needed, m)?)?;
    m.add_function(wrap_pyfunction!(returns::months_until, m)?)?;
    m.add_function(wrap_pyfunction!(returns::portfolio_xirr, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::validate_profiles_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::classify_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::classify_blended_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::persona_table, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::strategy_table, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::_arrow_schema, m)?)?;
    m.add("ALL_CODES", sparrow_core::ALL_CODES.to_vec())?;
    Ok(())
}
