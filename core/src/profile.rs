//! The investor profile of domain.md §5, validated as a whole record.
//!
//! [`validate_profile`] takes the JSON object a client sends and returns a normalised
//! [`Profile`] or an [`InvalidProfile`] listing **every** problem as
//! `{field, code, message}`.
//!
//! | field | type | rule | default |
//! |---|---|---|---|
//! | `age` | integer | 18–100 ([`db::AGE`]), required | — |
//! | `horizon_years` | integer | 1–40 ([`db::HORIZON_YEARS`]), required | — |
//! | `risk_tolerance` | `Conservative` \| `Moderate` \| `Aggressive` | exact spelling | `Moderate` |
//! | `volatility` | `Low` \| `Medium` \| `High` | exact spelling | `Medium` |
//! | `liquidity` | `Low` \| `Medium` \| `High` | exact spelling | `Medium` |
//! | `knowledge` | `Beginner` \| `Intermediate` \| `Advanced` | exact spelling | `Intermediate` |
//! | `goal` | text or null | at most 500 characters | none |
//! | `target_amount`, `monthly_sip`, `lump_sum` | amount or null | exact to the paisa, 0 ≤ x ≤ 999,999,999,999.99 (the `db` rules) | none |
//! | `target_year` | integer or null | 1900–2200 | none |
//!
//! ## Modes
//! - [`ValidationMode::Strict`] (the default): unknown fields are errors (reported after
//!   the known fields, in sorted key order); whole numbers
//!   must be JSON integers; amounts are JSON numbers whose literal has at most two
//!   decimals, or plain decimal strings (`"25000.50"`: decimal strings are the exact form
//!   of a money value everywhere in sparrow-core, so they are not "strings for numbers").
//! - [`ValidationMode::Compat`] mirrors what today's ML service (pydantic 2, lax mode)
//!   accepts, for HTTP endpoints that must keep taking what clients send now: unknown
//!   fields are ignored; whole numbers may also be integral floats (`30.0`) or integer
//!   strings as pydantic reads them (`"30"`, `"+30"`, `"030"`, `"1_8"`, `"30.0"`); amounts
//!   may also be numeric strings with exponents or underscores (`"1e3"`, `"1_000"`).
//!
//! Deliberate differences from today, in both modes: booleans are never numbers (pydantic
//! reads `true` as 1); amounts must be exact to the paisa — `1234.567` is refused with
//! `money_precision` rather than stored as a float and rounded later; `inf`/`nan` are
//! refused; `goal` is bounded; `target_year` must be in 1900–2200.

mod error;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::db::{self, DecimalRule, IntRule};
use crate::json::JsonTextError;
use crate::money::{Decimal, Money, MoneyError};

pub use error::{FieldError, InvalidProfile, ProfileError, MAX_REPORTED_PROBLEMS};

/// Largest JSON text [`validate_profile_json`] reads, in bytes.
pub const MAX_PROFILE_JSON: usize = 64 * 1024;
/// Longest `goal`, in characters.
pub const MAX_GOAL_CHARS: usize = 500;
/// The range of `target_year`.
pub const TARGET_YEAR: (i64, i64) = (1900, 2200);

/// How strictly a profile is read; see the [module documentation](self).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ValidationMode {
    /// Exact types, unknown fields refused.
    #[default]
    Strict,
    /// Today's lax parsing (pydantic lax mode), unknown fields ignored.
    Compat,
}

macro_rules! spelled_enum {
    ($(#[$meta:meta])* $name:ident, $field:literal, $allowed:literal, default = $default:ident, { $($variant:ident),+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(
                #[doc = concat!("`", stringify!($variant), "`")]
                $variant,
            )+
        }

        impl Default for $name {
            /// The value a profile gets when the field is absent.
            fn default() -> Self {
                $name::$default
            }
        }

        impl $name {
            /// Every value, in the order of domain.md.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The spellings accepted, as an error message lists them.
            pub const ALLOWED: &'static str = $allowed;

            /// The spelling used in today's JSON.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => stringify!($variant),)+
                }
            }

            /// The value spelled exactly `text`, if any.
            pub fn from_spelling(text: &str) -> Option<$name> {
                match text {
                    $(stringify!($variant) => Some($name::$variant),)+
                    _ => None,
                }
            }

            fn from_field(fields: &ProfileFields<'_>, errors: &mut Vec<ProfileError>) -> $name {
                match fields.get($field) {
                    None => $name::$default,
                    Some(FieldValue::Text(s)) => $name::from_spelling(s).unwrap_or_else(|| {
                        errors.push(ProfileError::NotOneOf { field: $field, allowed: $allowed });
                        $name::$default
                    }),
                    Some(_) => {
                        errors.push(ProfileError::WrongType { field: $field, expected: concat!("one of ", $allowed) });
                        $name::$default
                    }
                }
            }
        }
    };
}

spelled_enum! {
    /// How much risk the investor says they accept.
    RiskTolerance, "risk_tolerance", "Conservative, Moderate, Aggressive", default = Moderate,
    { Conservative, Moderate, Aggressive }
}

spelled_enum! {
    /// How much volatility the investor is comfortable with.
    Volatility, "volatility", "Low, Medium, High", default = Medium,
    { Low, Medium, High }
}

spelled_enum! {
    /// How soon the investor may need the money back.
    Liquidity, "liquidity", "Low, Medium, High", default = Medium,
    { Low, Medium, High }
}

spelled_enum! {
    /// How much the investor knows about investing.
    Knowledge, "knowledge", "Beginner, Intermediate, Advanced", default = Intermediate,
    { Beginner, Intermediate, Advanced }
}

/// A validated investor profile (domain.md §5). Build one with [`validate_profile`],
/// [`validate_profile_json`] or serde (which validates strictly).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    age: u8,
    horizon_years: u8,
    risk_tolerance: RiskTolerance,
    volatility: Volatility,
    liquidity: Liquidity,
    knowledge: Knowledge,
    #[serde(skip_serializing_if = "Option::is_none")]
    goal: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_amount: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    monthly_sip: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lump_sum: Option<Money>,
}

impl Profile {
    /// A profile from its six scoring fields and no optional fields. Refuses an age or
    /// horizon out of range with the same errors as [`validate_profile`].
    ///
    /// ```
    /// use sparrow_core::profile::*;
    /// let p = Profile::new(35, 8, RiskTolerance::Moderate, Volatility::Medium,
    ///                      Liquidity::Medium, Knowledge::Intermediate).unwrap();
    /// assert_eq!(p.age(), 35);
    /// assert_eq!(Profile::new(17, 8, RiskTolerance::Moderate, Volatility::Medium,
    ///     Liquidity::Medium, Knowledge::Intermediate).unwrap_err().errors.len(), 1);
    /// ```
    pub fn new(
        age: u8,
        horizon_years: u8,
        risk_tolerance: RiskTolerance,
        volatility: Volatility,
        liquidity: Liquidity,
        knowledge: Knowledge,
    ) -> Result<Profile, InvalidProfile> {
        let mut errors = Vec::new();
        for (rule, v) in [(db::AGE, age), (db::HORIZON_YEARS, horizon_years)] {
            if !(rule.min..=rule.max).contains(&i64::from(v)) {
                errors.push(ProfileError::OutOfRange {
                    field: rule.field,
                    min: rule.min,
                    max: rule.max,
                });
            }
        }
        if !errors.is_empty() {
            return Err(InvalidProfile::new(errors));
        }
        Ok(Profile {
            age,
            horizon_years,
            risk_tolerance,
            volatility,
            liquidity,
            knowledge,
            goal: None,
            target_amount: None,
            target_year: None,
            monthly_sip: None,
            lump_sum: None,
        })
    }

    /// Age in years (18–100).
    pub fn age(&self) -> u8 {
        self.age
    }
    /// Investment horizon in years (1–40).
    pub fn horizon_years(&self) -> u8 {
        self.horizon_years
    }
    /// Stated risk tolerance.
    pub fn risk_tolerance(&self) -> RiskTolerance {
        self.risk_tolerance
    }
    /// Comfort with volatility.
    pub fn volatility(&self) -> Volatility {
        self.volatility
    }
    /// Liquidity need.
    pub fn liquidity(&self) -> Liquidity {
        self.liquidity
    }
    /// Investing knowledge.
    pub fn knowledge(&self) -> Knowledge {
        self.knowledge
    }
    /// The goal, as typed.
    pub fn goal(&self) -> Option<&str> {
        self.goal.as_deref()
    }
    /// The target amount.
    pub fn target_amount(&self) -> Option<Money> {
        self.target_amount
    }
    /// The target year.
    pub fn target_year(&self) -> Option<i32> {
        self.target_year
    }
    /// The monthly SIP amount.
    pub fn monthly_sip(&self) -> Option<Money> {
        self.monthly_sip
    }
    /// The lump sum.
    pub fn lump_sum(&self) -> Option<Money> {
        self.lump_sum
    }
}

impl<'de> Deserialize<'de> for Profile {
    /// Deserializes and validates in strict mode; the error lists every problem.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        validate_profile(&value, ValidationMode::Strict).map_err(serde::de::Error::custom)
    }
}

/// The fields a profile has.
pub const FIELDS: &[&str] = &[
    "age",
    "horizon_years",
    "risk_tolerance",
    "volatility",
    "liquidity",
    "knowledge",
    "goal",
    "target_amount",
    "target_year",
    "monthly_sip",
    "lump_sum",
];

/// Validates a profile given as a JSON value; see the [module documentation](self).
///
/// ```
/// use serde_json::json;
/// use sparrow_core::profile::{validate_profile, ValidationMode};
/// let p = validate_profile(&json!({"age": 35, "horizon_years": 8, "monthly_sip": "25000"}),
///                          ValidationMode::Strict).unwrap();
/// assert_eq!(p.monthly_sip().unwrap().paise(), 2_500_000);
///
/// let err = validate_profile(&json!({"age": 12, "horizon_years": "8", "risk": "high"}),
///                            ValidationMode::Strict).unwrap_err();
/// let codes: Vec<_> = err.field_errors().into_iter().map(|e| (e.field, e.code)).collect();
/// assert_eq!(codes, [("age".to_string(), "profile_out_of_range"),
///                    ("horizon_years".to_string(), "profile_type"),
///                    ("risk".to_string(), "profile_unknown_field")]);
/// ```
pub fn validate_profile(input: &Value, mode: ValidationMode) -> Result<Profile, InvalidProfile> {
    let Some(map) = input.as_object() else {
        return Err(InvalidProfile::new(vec![ProfileError::NotAnObject]));
    };
    let mut fields = ProfileFields::new();
    for (key, value) in map {
        fields.insert(key, FieldValue::from_json(value));
    }
    validate_profile_fields(&fields, mode)
}

/// One value of a profile field as its source holds it — a JSON value, a Python object,
/// an Arrow cell — so that every source is validated by the same rules
/// ([`validate_profile_fields`]) without first being turned into JSON.
///
/// Each variant is read as the JSON value it stands for: `Int(30)` as the JSON integer
/// `30`, `Decimal(25000.50)` and `Number("25000.50")` as that JSON number literal,
/// `Text` as a JSON string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue<'a> {
    /// `null` (JSON `null`, Python `None`).
    Null,
    /// A boolean (never a number, in either mode).
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number by its literal text: a JSON number, a binary float by the shortest text
    /// that reads back as it (what a JSON body carries), an integer beyond `i64`.
    Number(Cow<'a, str>),
    /// An exact decimal (`decimal.Decimal`, an Arrow `decimal128` cell), read as the
    /// JSON number of its digits and scale (`30.0` is not a JSON integer).
    Decimal(Decimal),
    /// Text.
    Text(&'a str),
    /// A list, a mapping or any other value no profile field takes.
    Other,
}

impl<'a> FieldValue<'a> {
    /// The value a JSON value stands for (arrays and objects are [`FieldValue::Other`]).
    pub fn from_json(value: &'a Value) -> FieldValue<'a> {
        match value {
            Value::Null => FieldValue::Null,
            Value::Bool(b) => FieldValue::Bool(*b),
            Value::Number(n) => FieldValue::Number(Cow::Owned(n.to_string())),
            Value::String(s) => FieldValue::Text(s),
            Value::Array(_) | Value::Object(_) => FieldValue::Other,
        }
    }

    /// The literal a number variant stands for; `None` for the other variants.
    fn number_text(&self) -> Option<Cow<'_, str>> {
        match self {
            FieldValue::Int(v) => Some(Cow::Owned(v.to_string())),
            FieldValue::Number(t) => Some(Cow::Borrowed(t)),
            FieldValue::Decimal(d) => Some(Cow::Owned(d.to_string())),
            _ => None,
        }
    }
}

/// The keys of one profile record with their values, filled by a binding or a batch
/// reader from whatever holds the record, and validated by [`validate_profile_fields`].
///
/// Keys that are no profile field are counted, and the first
/// [`MAX_REPORTED_PROBLEMS`] of them kept for the `profile_unknown_field` errors of
/// strict mode — a record with a million stray keys costs no more memory than one with
/// fifty.
#[derive(Debug, Clone, Default)]
pub struct ProfileFields<'a> {
    values: [Option<FieldValue<'a>>; FIELD_COUNT],
    unknown: Vec<Cow<'a, str>>,
    unknown_count: usize,
}

const FIELD_COUNT: usize = 11;

impl<'a> ProfileFields<'a> {
    /// A record with no keys.
    pub fn new() -> Self {
        ProfileFields::default()
    }

    /// Sets `key` to `value`. A key given twice keeps the last value, as a JSON object
    /// or a `dict` does (JSON text with a duplicate key is refused before this).
    pub fn insert(&mut self, key: &'a str, value: FieldValue<'a>) {
        match FIELDS.iter().position(|f| *f == key) {
            Some(i) => {
                if let Some(slot) = self.values.get_mut(i) {
                    *slot = Some(value);
                }
            }
            None => self.insert_unknown(Cow::Borrowed(key)),
        }
    }

    /// Records a key that is no profile field (its value is never read).
    pub fn insert_unknown(&mut self, key: Cow<'a, str>) {
        self.unknown_count = self.unknown_count.saturating_add(1);
        if self.unknown.len() < MAX_REPORTED_PROBLEMS {
            self.unknown.push(key);
        }
    }

    /// Sets the field at `index` of [`FIELDS`] (a batch reader that has matched its
    /// columns to the fields once). An index past the fields is ignored.
    pub fn set(&mut self, index: usize, value: FieldValue<'a>) {
        if let Some(slot) = self.values.get_mut(index) {
            *slot = Some(value);
        }
    }

    /// Whether the record has no keys at all.
    pub fn is_empty(&self) -> bool {
        self.unknown_count == 0 && self.values.iter().all(Option::is_none)
    }

    fn get(&self, field: &str) -> Option<&FieldValue<'a>> {
        let i = FIELDS.iter().position(|f| *f == field)?;
        self.values.get(i)?.as_ref()
    }

    fn contains(&self, field: &str) -> bool {
        self.get(field).is_some()
    }
}

/// Validates one record given as [`ProfileFields`]: exactly the rules of
/// [`validate_profile`] (which fills a `ProfileFields` from its JSON object and calls
/// this), for sources that are not JSON.
///
/// ```
/// use sparrow_core::profile::{validate_profile_fields, FieldValue, ProfileFields, ValidationMode};
/// let mut f = ProfileFields::new();
/// f.insert("age", FieldValue::Int(35));
/// f.insert("horizon_years", FieldValue::Int(8));
/// f.insert("monthly_sip", FieldValue::Text("25000.50"));
/// let p = validate_profile_fields(&f, ValidationMode::Strict).unwrap();
/// assert_eq!(p.monthly_sip().unwrap().paise(), 2_500_050);
/// ```
pub fn validate_profile_fields(
    fields: &ProfileFields<'_>,
    mode: ValidationMode,
) -> Result<Profile, InvalidProfile> {
    let mut errors = Vec::new();
    let age = required_int(fields, db::AGE, mode, &mut errors);
    let horizon_years = required_int(fields, db::HORIZON_YEARS, mode, &mut errors);
    let risk_tolerance = RiskTolerance::from_field(fields, &mut errors);
    let volatility = Volatility::from_field(fields, &mut errors);
    let liquidity = Liquidity::from_field(fields, &mut errors);
    let knowledge = Knowledge::from_field(fields, &mut errors);
    let goal = goal(fields, &mut errors);
    let target_amount = amount(fields, db::TARGET_AMOUNT, mode, &mut errors);
    let target_year = optional_int(fields, "target_year", TARGET_YEAR, mode, &mut errors);
    let monthly_sip = amount(fields, db::MONTHLY_SIP, mode, &mut errors);
    let lump_sum = amount(fields, db::LUMP_SUM, mode, &mut errors);
    if mode == ValidationMode::Strict && fields.unknown_count > 0 {
        // Sorted, so the order does not depend on how the source keeps its keys.
        let mut unknown: Vec<&str> = fields.unknown.iter().map(|k| k.as_ref()).collect();
        unknown.sort_unstable();
        // Listed up to the cap, counted beyond it.
        let room = MAX_REPORTED_PROBLEMS.saturating_sub(errors.len());
        let extra = fields.unknown_count.saturating_sub(room.min(unknown.len()));
        errors.extend(
            unknown
                .into_iter()
                .take(room)
                .map(|key| ProfileError::UnknownField {
                    field: key.chars().take(64).collect(),
                }),
        );
        if extra > 0 {
            let mut invalid = InvalidProfile::new(errors);
            invalid.omitted = invalid.omitted.saturating_add(extra);
            return Err(invalid);
        }
    }
    if !errors.is_empty() {
        return Err(InvalidProfile::new(errors));
    }
    // The ranges were checked above, so these conversions cannot fail.
    Ok(Profile {
        age: u8::try_from(age.unwrap_or(0)).unwrap_or(0),
        horizon_years: u8::try_from(horizon_years.unwrap_or(0)).unwrap_or(0),
        risk_tolerance,
        volatility,
        liquidity,
        knowledge,
        goal,
        target_amount,
        target_year: target_year.and_then(|y| i32::try_from(y).ok()),
        monthly_sip,
        lump_sum,
    })
}

/// Parses JSON text (at most [`MAX_PROFILE_JSON`] bytes) and validates it as a profile.
pub fn validate_profile_json(text: &str, mode: ValidationMode) -> Result<Profile, InvalidProfile> {
    if text.len() > MAX_PROFILE_JSON {
        return Err(InvalidProfile::new(vec![ProfileError::TooLarge {
            max: MAX_PROFILE_JSON,
        }]));
    }
    // A flat object (the usual body) is read in one pass; any other text, and every
    // error, is left to the full reader below.
    if let Some(pairs) = crate::json::flat_object(text) {
        let mut fields = ProfileFields::new();
        for (key, value) in &pairs {
            fields.insert(
                key,
                match value {
                    crate::json::Scalar::Null => FieldValue::Null,
                    crate::json::Scalar::Bool(b) => FieldValue::Bool(*b),
                    crate::json::Scalar::Number(n) => FieldValue::Number(Cow::Borrowed(n)),
                    crate::json::Scalar::Text(t) => FieldValue::Text(t),
                },
            );
        }
        return validate_profile_fields(&fields, mode);
    }
    let value: Value = crate::json::parse(text).map_err(|e| {
        InvalidProfile::new(vec![match e {
            JsonTextError::Syntax { line, column } => ProfileError::Json { line, column },
            JsonTextError::DuplicateKey { key, line } => {
                ProfileError::DuplicateKey { field: key, line }
            }
        }])
    })?;
    validate_profile(&value, mode)
}

/// [`validate_profile_json`] over the bytes of a request body, as web frameworks hand
/// it over (FastAPI's `await request.body()`): larger than [`MAX_PROFILE_JSON`] is
/// refused before anything is read, and bytes that are not UTF-8 are `profile_json` at
/// the first bad byte (RFC 8259 §8.1: JSON text exchanged between systems is UTF-8).
///
/// ```
/// use sparrow_core::profile::{validate_profile_json_bytes, ValidationMode};
/// let p = validate_profile_json_bytes(br#"{"age": 35, "horizon_years": 8}"#,
///                                     ValidationMode::Strict).unwrap();
/// assert_eq!(p.age(), 35);
/// let e = validate_profile_json_bytes(b"{\"goal\": \"\xff\"}", ValidationMode::Strict).unwrap_err();
/// assert_eq!(e.field_errors()[0].code, "profile_json");
/// ```
pub fn validate_profile_json_bytes(
    body: &[u8],
    mode: ValidationMode,
) -> Result<Profile, InvalidProfile> {
    if body.len() > MAX_PROFILE_JSON {
        return Err(InvalidProfile::new(vec![ProfileError::TooLarge {
            max: MAX_PROFILE_JSON,
        }]));
    }
    match std::str::from_utf8(body) {
        Ok(text) => validate_profile_json(text, mode),
        Err(e) => {
            let before = body.get(..e.valid_up_to()).unwrap_or_default();
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            // Columns count bytes, as the JSON parser's do.
            let column = e.valid_up_to() - line_start + 1;
            Err(InvalidProfile::new(vec![ProfileError::Json {
                line,
                column,
            }]))
        }
    }
}

fn required_int(
    fields: &ProfileFields<'_>,
    rule: IntRule,
    mode: ValidationMode,
    errors: &mut Vec<ProfileError>,
) -> Option<i64> {
    if !fields.contains(rule.field) {
        errors.push(ProfileError::Required { field: rule.field });
        return None;
    }
    match fields.get(rule.field) {
        Some(FieldValue::Null) => {
            errors.push(ProfileError::WrongType {
                field: rule.field,
                expected: "a whole number, not null",
            });
            None
        }
        _ => optional_int(fields, rule.field, (rule.min, rule.max), mode, errors),
    }
}

fn optional_int(
    fields: &ProfileFields<'_>,
    field: &'static str,
    (min, max): (i64, i64),
    mode: ValidationMode,
    errors: &mut Vec<ProfileError>,
) -> Option<i64> {
    let value = fields.get(field)?;
    let parsed = match (value, mode) {
        (FieldValue::Null, _) => return None,
        (FieldValue::Int(v), _) => Some(Ok(*v)),
        (FieldValue::Text(s), ValidationMode::Compat) => pydantic_int_string(s),
        (number, ValidationMode::Strict) => number.number_text().and_then(|t| integer_literal(&t)),
        (number, ValidationMode::Compat) => number.number_text().and_then(|t| integral_number(&t)),
    };
    let Some(parsed) = parsed else {
        errors.push(ProfileError::WrongType {
            field,
            expected: match mode {
                ValidationMode::Strict => "a whole number (a JSON integer)",
                ValidationMode::Compat => "a whole number",
            },
        });
        return None;
    };
    match parsed {
        Ok(v) if (min..=max).contains(&v) => Some(v),
        _ => {
            errors.push(ProfileError::OutOfRange { field, min, max });
            None
        }
    }
}

/// A JSON integer literal (`-?digits`). `Err(())` means an integer too large for i64.
fn integer_literal(text: &str) -> Option<Result<i64, ()>> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(text.parse::<i64>().map_err(|_| ()))
}

/// Any JSON number whose value is a whole number (`30`, `30.0`, `3e1`).
fn integral_number(text: &str) -> Option<Result<i64, ()>> {
    if let Some(v) = integer_literal(text) {
        return Some(v);
    }
    let d = number_literal(text)?;
    if !d.fract().is_zero() {
        return None;
    }
    Some(i64::try_from(d.trunc()).map_err(|_| ()))
}

/// An integer string as pydantic 2 reads one in lax mode: an optional sign, digits with
/// single underscores between them, and optionally a fraction of zeros (`"30.0"`).
pub(crate) fn pydantic_int_string(text: &str) -> Option<Result<i64, ()>> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (whole, frac) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let groups_ok = !whole.is_empty()
        && whole
            .split('_')
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b == b'0'));
    if !groups_ok || !frac_ok {
        return None;
    }
    let digits: String = whole.chars().filter(|c| *c != '_').collect();
    let value = digits.parse::<i64>().map_err(|_| ());
    Some(value.map(|v| if text.starts_with('-') { -v } else { v }))
}

/// A JSON number's literal, read exactly by the crate's one grammar
/// ([`crate::money::decimal_text`]).
fn number_literal(text: &str) -> Option<Decimal> {
    crate::money::parse_number_literal(text, Money::FIELD).ok()
}

fn goal(fields: &ProfileFields<'_>, errors: &mut Vec<ProfileError>) -> Option<String> {
    match fields.get("goal")? {
        FieldValue::Null => None,
        FieldValue::Text(s) if s.chars().count() > MAX_GOAL_CHARS => {
            errors.push(ProfileError::TooLong {
                field: "goal",
                max: MAX_GOAL_CHARS,
            });
            None
        }
        FieldValue::Text(s) => Some((*s).to_owned()),
        _ => {
            errors.push(ProfileError::WrongType {
                field: "goal",
                expected: "text",
            });
            None
        }
    }
}

fn amount(
    fields: &ProfileFields<'_>,
    rule: DecimalRule,
    mode: ValidationMode,
    errors: &mut Vec<ProfileError>,
) -> Option<Money> {
    let field = rule.field;
    let value = fields.get(field)?;
    let parsed = match (value, mode) {
        (FieldValue::Null, _) => return None,
        (FieldValue::Text(s), ValidationMode::Strict) => Money::parse_plain(s),
        (FieldValue::Text(s), ValidationMode::Compat) => compat_amount(s),
        (FieldValue::Bool(_), _) => Err(MoneyError::NotExact { field }),
        (FieldValue::Int(_) | FieldValue::Number(_) | FieldValue::Decimal(_), _) => {
            match (value.number_text(), mode) {
                (Some(t), ValidationMode::Strict) => Money::parse_plain(&t),
                (Some(t), _) => compat_amount(&t),
                (None, _) => Err(MoneyError::NotExact { field }),
            }
        }
        (FieldValue::Other, _) => {
            errors.push(ProfileError::WrongType {
                field,
                expected: "an amount (a decimal string such as \"25000.50\" or a number)",
            });
            return None;
        }
    };
    let checked = parsed.and_then(|m| {
        if m.paise() < rule.min_minor {
            Err(MoneyError::Negative { field })
        } else if m.paise() > rule.max_minor {
            Err(MoneyError::OutOfRange {
                field,
                min: "0",
                max: "999999999999.99",
            })
        } else {
            Ok(m)
        }
    });
    match checked {
        Ok(m) => Some(m),
        Err(e) => {
            errors.push(ProfileError::Amount(e.for_field(field)));
            None
        }
    }
}

/// An amount as pydantic's lax float parsing reads text, but exact: sign, digits with
/// single underscores, a fraction, an exponent; the value must be exact to the paisa.
fn compat_amount(text: &str) -> Result<Money, MoneyError> {
    // Plain decimal text (`"25000"`, `"25000.50"`) reads the same under both grammars.
    if let Some(minor) = crate::money::plain_minor(text, Money::SCALE) {
        if let Ok(m) = Money::from_minor(minor) {
            return Ok(m);
        }
    }
    let field = Money::FIELD;
    let bytes = text.as_bytes();
    let digit_at = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_digit);
    let underscores_ok = bytes
        .iter()
        .enumerate()
        .all(|(i, &b)| b != b'_' || (digit_at(i.checked_sub(1)) && digit_at(i.checked_add(1))));
    let cleaned: String = text.chars().filter(|c| *c != '_').collect();
    let shape_ok = underscores_ok
        && !cleaned.is_empty()
        && cleaned
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'));
    if !shape_ok {
        return Err(MoneyError::Syntax {
            field,
            rule: "expected a number such as 25000.50",
        });
    }
    let unsigned = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    // Python's float() also reads `.5` and `5.`; the shared grammar wants a digit on
    // each side of the point, so one is supplied.
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => unsigned.split_at(i),
        None => (unsigned, ""),
    };
    let (sign, digits) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let d = if digits.starts_with('.') || digits.ends_with('.') {
        let lead = if digits.starts_with('.') { "0" } else { "" };
        let tail = if digits.ends_with('.') { "0" } else { "" };
        number_literal(&format!("{sign}{lead}{digits}{tail}{exponent}"))
    } else {
        number_literal(unsigned)
    }
    .ok_or(MoneyError::Syntax {
        field,
        rule: "expected a number such as 25000.50",
    })?;
    Money::try_from_decimal(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn codes(v: Value, mode: ValidationMode) -> Vec<(String, &'static str)> {
        match validate_profile(&v, mode) {
            Ok(_) => vec![],
            Err(e) => e
                .field_errors()
                .into_iter()
                .map(|f| (f.field, f.code))
                .collect(),
        }
    }

    #[test]
    fn defaults_and_normalisation() {
        let p = validate_profile(
            &json!({"age": 30, "horizon_years": 5}),
            ValidationMode::Strict,
        )
        .unwrap();
        assert_eq!(p.risk_tolerance(), RiskTolerance::Moderate);
        assert_eq!(p.volatility(), Volatility::Medium);
        assert_eq!(p.liquidity(), Liquidity::Medium);
        assert_eq!(p.knowledge(), Knowledge::Intermediate);
        assert_eq!(
            serde_json::to_value(&p).unwrap(),
            json!({"age": 30, "horizon_years": 5, "risk_tolerance": "Moderate", "volatility": "Medium",
                   "liquidity": "Medium", "knowledge": "Intermediate"})
        );
    }

    #[test]
    fn strict_reports_everything() {
        let got = codes(
            json!({"horizon_years": 41, "risk_tolerance": "aggressive", "volatility": 3,
                   "goal": "x".repeat(501), "target_amount": 1.234, "monthly_sip": "-5",
                   "lump_sum": true, "target_year": "2030", "extra": 1}),
            ValidationMode::Strict,
        );
        let want: Vec<(String, &str)> = [
            ("age", "profile_required"),
            ("horizon_years", "profile_out_of_range"),
            ("risk_tolerance", "profile_not_one_of"),
            ("volatility", "profile_type"),
            ("goal", "profile_too_long"),
            ("target_amount", "money_precision"),
            ("target_year", "profile_type"),
            ("monthly_sip", "money_negative"),
            ("lump_sum", "money_not_exact"),
            ("extra", "profile_unknown_field"),
        ]
        .into_iter()
        .map(|(f, c)| (f.to_string(), c))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn compat_mirrors_pydantic_lax() {
        let ok = |v: Value| validate_profile(&v, ValidationMode::Compat).unwrap();
        let p = ok(
            json!({"age": "30", "horizon_years": 5.0, "target_year": "2_030", "lump_sum": "1e3", "x": 1}),
        );
        assert_eq!(
            (p.age(), p.horizon_years(), p.target_year()),
            (30, 5, Some(2030))
        );
        assert_eq!(p.lump_sum().unwrap().paise(), 100_000);
        assert_eq!(
            ok(json!({"age": "+030", "horizon_years": "5.00"})).age(),
            30
        );
        assert_eq!(
            codes(
                json!({"age": " 30 ", "horizon_years": 5}),
                ValidationMode::Compat
            ),
            [("age".into(), "profile_type")]
        );
        assert_eq!(
            codes(
                json!({"age": 30.5, "horizon_years": 5}),
                ValidationMode::Compat
            ),
            [("age".into(), "profile_type")]
        );
        assert_eq!(
            codes(
                json!({"age": "3e1", "horizon_years": 5}),
                ValidationMode::Compat
            ),
            [("age".into(), "profile_type")]
        );
        assert_eq!(
            codes(
                json!({"age": true, "horizon_years": 5}),
                ValidationMode::Compat
            ),
            [("age".into(), "profile_type")]
        );
        assert_eq!(
            codes(
                json!({"age": 30, "horizon_years": 5, "lump_sum": "inf"}),
                ValidationMode::Compat
            ),
            [("lump_sum".into(), "money_syntax")]
        );
        assert_eq!(
            codes(
                json!({"age": 30, "horizon_years": 5, "lump_sum": 0.001}),
                ValidationMode::Compat
            ),
            [("lump_sum".into(), "money_precision")]
        );
    }

    #[test]
    fn unknown_keys_are_quoted_in_messages() {
        let err = validate_profile(
            &json!({"age": 30, "horizon_years": 5, "": 1, "a\nb": 2}),
            ValidationMode::Strict,
        )
        .unwrap_err();
        let fields: Vec<FieldError> = err.field_errors();
        assert_eq!(fields[0].field, "");
        assert_eq!(fields[0].message, "\"\": is not a profile field");
        assert_eq!(fields[1].message, "\"a\\nb\": is not a profile field");
    }

    #[test]
    fn json_text_entry_point() {
        assert_eq!(
            validate_profile_json("{\"age\": 30,", ValidationMode::Strict)
                .unwrap_err()
                .errors[0]
                .code(),
            "profile_json"
        );
        assert_eq!(
            validate_profile_json("[]", ValidationMode::Strict)
                .unwrap_err()
                .errors[0]
                .code(),
            "profile_not_object"
        );
        let big = " ".repeat(MAX_PROFILE_JSON + 1);
        assert_eq!(
            validate_profile_json(&big, ValidationMode::Strict)
                .unwrap_err()
                .errors[0]
                .code(),
            "profile_too_large"
        );
        // Messages never carry the values.
        let err = validate_profile_json(
            r#"{"age": 30, "horizon_years": 5, "goal": 12345678}"#,
            ValidationMode::Strict,
        )
        .unwrap_err()
        .to_string();
        assert!(!err.contains("12345678"), "{err}");
    }

    /// Each `FieldValue` variant reads as the JSON value it stands for.
    #[test]
    fn field_values_read_as_their_json() {
        use std::str::FromStr;
        let cases: Vec<(FieldValue<'_>, Value)> = vec![
            (FieldValue::Int(30), json!(30)),
            (FieldValue::Number("30".into()), json!(30)),
            (
                FieldValue::Decimal(Decimal::from_str("30.0").unwrap()),
                serde_json::from_str("30.0").unwrap(),
            ),
            (
                FieldValue::Decimal(Decimal::from_str("30").unwrap()),
                json!(30),
            ),
            (FieldValue::Text("30"), json!("30")),
            (FieldValue::Bool(true), json!(true)),
            (FieldValue::Null, json!(null)),
            (FieldValue::Other, json!([30])),
        ];
        for mode in [ValidationMode::Strict, ValidationMode::Compat] {
            for field in ["age", "target_year", "monthly_sip", "goal", "knowledge"] {
                for (value, json_value) in &cases {
                    let mut f = ProfileFields::new();
                    f.insert("age", FieldValue::Int(40));
                    f.insert("horizon_years", FieldValue::Int(5));
                    f.insert(field, value.clone());
                    let mut j = serde_json::Map::new();
                    j.insert("age".into(), json!(40));
                    j.insert("horizon_years".into(), json!(5));
                    j.insert(field.into(), json_value.clone());
                    let a = validate_profile_fields(&f, mode).map_err(|e| e.field_errors());
                    let b = validate_profile(&Value::Object(j), mode).map_err(|e| e.field_errors());
                    assert_eq!(a, b, "{field} = {value:?} in {mode:?}");
                }
            }
        }
    }

    /// Stray keys: counted past the cap and never stored beyond it.
    #[test]
    fn unknown_keys_are_bounded() {
        let keys: Vec<String> = (0..10_000).map(|i| format!("k{i:05}")).collect();
        let mut f = ProfileFields::new();
        f.insert("age", FieldValue::Int(40));
        f.insert("horizon_years", FieldValue::Int(5));
        for k in &keys {
            f.insert(k, FieldValue::Int(1));
        }
        assert_eq!(f.unknown.len(), MAX_REPORTED_PROBLEMS);
        let err = validate_profile_fields(&f, ValidationMode::Strict).unwrap_err();
        assert_eq!(err.errors.len() + err.omitted, 10_000);
        assert!(validate_profile_fields(&f, ValidationMode::Compat).is_ok());
    }
}
