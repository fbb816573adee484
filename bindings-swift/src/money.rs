//! money and validate.

use sparrow_core::contract::{self, ProfileRecord};
use sparrow_core::money::{self, Nav, ParseMode, Units};
use sparrow_core::profile;

use crate::error::{out, OrFail, Result};
use crate::ExactDecimal;

/// Parses an amount in rupees (domain.md §1); `lenient` also takes today's looser
/// spellings.
#[uniffi::export(default(lenient = false))]
pub fn parse_money(text: String, lenient: bool) -> Result<ExactDecimal> {
    let mode = if lenient {
        ParseMode::Lenient
    } else {
        ParseMode::Strict
    };
    Ok(money::parse_money_with(&text, mode).or_fail()?.into())
}

/// `"₹1,23,456.78"`.
#[uniffi::export]
pub fn format_inr(amount: ExactDecimal) -> Result<String> {
    Ok(money::format_inr(amount.money("amount")?))
}

/// `"₹1.23 L"`.
#[uniffi::export]
pub fn format_compact(amount: ExactDecimal) -> Result<String> {
    Ok(money::format_compact(amount.money("amount")?))
}

/// Parts that sum exactly to `amount` (largest remainder; ties to the earlier weight).
#[uniffi::export]
pub fn allocate(amount: ExactDecimal, weights: Vec<ExactDecimal>) -> Result<Vec<ExactDecimal>> {
    let amount = amount.money("amount")?;
    let weights = weights
        .iter()
        .map(|w| w.read("weights"))
        .collect::<Result<Vec<_>>>()?;
    Ok(money::allocate(amount, &weights)
        .or_fail()?
        .into_iter()
        .map(ExactDecimal::from)
        .collect())
}

fn nav_arg(nav: &ExactDecimal) -> Result<Nav> {
    Nav::try_from_decimal(nav.read("nav")?).or_fail()
}

/// Units bought by `amount` at `nav` (3 decimals).
#[uniffi::export]
pub fn units_for(amount: ExactDecimal, nav: ExactDecimal) -> Result<ExactDecimal> {
    let units = money::units_for(amount.money("amount")?, nav_arg(&nav)?).or_fail()?;
    Ok(out(units.as_decimal()))
}

/// The value of `units` at `nav` (2 decimals).
#[uniffi::export]
pub fn value_of(units: ExactDecimal, nav: ExactDecimal) -> Result<ExactDecimal> {
    let units = Units::try_from_decimal(units.read("units")?).or_fail()?;
    Ok(money::value_of(units, nav_arg(&nav)?).or_fail()?.into())
}

// ---------------------------------------------------------------- validate

/// `validatePan` → the PAN upper-cased and its holder type.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PanRecord {
    /// The PAN, upper-case.
    pub pan: String,
    /// The holder type its fourth letter names (`person`, `company`, …).
    pub holder_type: String,
}

/// The PAN upper-cased, and its holder type.
#[uniffi::export]
pub fn validate_pan(pan: String) -> Result<PanRecord> {
    let p = contract::PanRecord::from(&sparrow_core::validate_pan(&pan).or_fail()?);
    Ok(PanRecord {
        pan: p.pan,
        holder_type: p.holder_type.as_str().to_owned(),
    })
}

/// The IFSC upper-cased.
#[uniffi::export]
pub fn validate_ifsc(ifsc: String) -> Result<String> {
    Ok(sparrow_core::validate_ifsc(&ifsc)
        .or_fail()?
        .as_str()
        .to_owned())
}

/// The number in E.164 form (`+919876543210`).
#[uniffi::export]
pub fn validate_mobile(mobile: String) -> Result<String> {
    Ok(sparrow_core::validate_mobile(&mobile).or_fail()?.e164())
}

/// The address with its domain lower-cased.
#[uniffi::export]
pub fn validate_email(email: String) -> Result<String> {
    Ok(sparrow_core::validate_email(&email)
        .or_fail()?
        .normalized()
        .to_owned())
}

/// The six-digit PIN code.
#[uniffi::export]
pub fn validate_pincode(pincode: String) -> Result<String> {
    Ok(sparrow_core::validate_pincode(&pincode)
        .or_fail()?
        .as_str()
        .to_owned())
}

/// The twelve Aadhaar digits.
#[uniffi::export]
pub fn validate_aadhaar(aadhaar: String) -> Result<String> {
    Ok(sparrow_core::validate_aadhaar(&aadhaar)
        .or_fail()?
        .as_str()
        .to_owned())
}

/// How strictly a profile is read: `STRICT` (the default) or `COMPAT`, today's lax
/// parsing (domain.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ValidationMode {
    /// Types and spellings exactly as documented.
    Strict,
    /// Today's lax parsing.
    Compat,
}

pub(crate) fn mode(m: Option<ValidationMode>) -> profile::ValidationMode {
    match m {
        None => contract::DEFAULT_MODE,
        Some(ValidationMode::Strict) => profile::ValidationMode::Strict,
        Some(ValidationMode::Compat) => profile::ValidationMode::Compat,
    }
}

/// A profile as the app collects it: every field optional and unchecked here —
/// `validateProfile` applies domain.md's rules and reports every problem at once.
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct ProfileInput {
    /// Age in years (18–100).
    #[uniffi(default = None)]
    pub age: Option<i64>,
    /// Horizon in years (1–40).
    #[uniffi(default = None)]
    pub horizon_years: Option<i64>,
    /// `Conservative`, `Moderate` or `Aggressive`.
    #[uniffi(default = None)]
    pub risk_tolerance: Option<String>,
    /// `Low`, `Medium` or `High`.
    #[uniffi(default = None)]
    pub volatility: Option<String>,
    /// `Low`, `Medium` or `High`.
    #[uniffi(default = None)]
    pub liquidity: Option<String>,
    /// `Beginner`, `Intermediate` or `Advanced`.
    #[uniffi(default = None)]
    pub knowledge: Option<String>,
    /// The goal.
    #[uniffi(default = None)]
    pub goal: Option<String>,
    /// The target amount in rupees.
    #[uniffi(default = None)]
    pub target_amount: Option<ExactDecimal>,
    /// The target year.
    #[uniffi(default = None)]
    pub target_year: Option<i64>,
    /// The monthly SIP in rupees.
    #[uniffi(default = None)]
    pub monthly_sip: Option<ExactDecimal>,
    /// The lump sum in rupees.
    #[uniffi(default = None)]
    pub lump_sum: Option<ExactDecimal>,
}

impl ProfileInput {
    fn to_contract(&self) -> Result<contract::ProfileInput> {
        use crate::error::read_opt;
        Ok(contract::ProfileInput {
            age: self.age,
            horizon_years: self.horizon_years,
            risk_tolerance: self.risk_tolerance.clone(),
            volatility: self.volatility.clone(),
            liquidity: self.liquidity.clone(),
            knowledge: self.knowledge.clone(),
            goal: self.goal.clone(),
            target_amount: read_opt(&self.target_amount, "target_amount")?,
            target_year: self.target_year,
            monthly_sip: read_opt(&self.monthly_sip, "monthly_sip")?,
            lump_sum: read_opt(&self.lump_sum, "lump_sum")?,
        })
    }
}

/// `validateProfile` → the normalised profile.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Profile {
    /// 18–100.
    pub age: i32,
    /// 1–40.
    pub horizon_years: i32,
    /// `Conservative`, `Moderate` or `Aggressive`.
    pub risk_tolerance: String,
    /// `Low`, `Medium` or `High`.
    pub volatility: String,
    /// `Low`, `Medium` or `High`.
    pub liquidity: String,
    /// `Beginner`, `Intermediate` or `Advanced`.
    pub knowledge: String,
    /// The goal, if given.
    pub goal: Option<String>,
    /// The target amount in rupees.
    pub target_amount: Option<ExactDecimal>,
    /// The target year.
    pub target_year: Option<i32>,
    /// The monthly SIP in rupees.
    pub monthly_sip: Option<ExactDecimal>,
    /// The lump sum in rupees.
    pub lump_sum: Option<ExactDecimal>,
}

impl From<ProfileRecord> for Profile {
    fn from(p: ProfileRecord) -> Self {
        Profile {
            age: p.age.into(),
            horizon_years: p.horizon_years.into(),
            risk_tolerance: p.risk_tolerance.as_str().to_owned(),
            volatility: p.volatility.as_str().to_owned(),
            liquidity: p.liquidity.as_str().to_owned(),
            knowledge: p.knowledge.as_str().to_owned(),
            goal: p.goal,
            target_amount: p.target_amount.map(out),
            target_year: p.target_year,
            monthly_sip: p.monthly_sip.map(out),
            lump_sum: p.lump_sum.map(out),
        }
    }
}

/// The validated domain profile of an input record.
pub(crate) fn read_profile(
    input: &ProfileInput,
    m: Option<ValidationMode>,
) -> Result<profile::Profile> {
    profile::validate_profile(&input.to_contract()?.to_json(), mode(m)).or_fail()
}

/// The validated domain profile of JSON text (`{"age": 34, …}`).
pub(crate) fn read_profile_json(json: &str, m: Option<ValidationMode>) -> Result<profile::Profile> {
    profile::validate_profile_json(json, mode(m)).or_fail()
}

/// The normalised profile, or a `SparrowException` (`profile_invalid`) listing every
/// problem in `errors`.
#[uniffi::export(default(mode = None))]
pub fn validate_profile(input: ProfileInput, mode: Option<ValidationMode>) -> Result<Profile> {
    Ok(ProfileRecord::from(&read_profile(&input, mode)?).into())
}

/// `validateProfile` over JSON text, as a server or a stored form sends it.
#[uniffi::export(default(mode = None))]
pub fn validate_profile_json(json: String, mode: Option<ValidationMode>) -> Result<Profile> {
    Ok(ProfileRecord::from(&read_profile_json(&json, mode)?).into())
}
