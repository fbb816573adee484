//! The boundary every binding shares: api.md in code.
//!
//! Bindings (Python, Node, Swift/Kotlin) see this module, not the rich domain types:
//!
//! - **Records** ([`records`]): owned, all-public inputs and results of every api.md
//!   function (`String`, integers, `bool`, `Vec`, `Option`, `Decimal`, nested records,
//!   enums for closed sets), converted from the domain types here, with serde shapes
//!   equal to domain.md's JSON. Decimal fields serialise through [`tag`], so a binding's
//!   serializer can make its platform's decimal (and Python's `Money` for amounts)
//!   without knowing the record.
//! - **Parsers** ([`names`]): one `FromStr` per string enum of api.md, each failing
//!   with a stable code ([`ArgumentError`], or the domain's own code where one exists).
//! - **Defaults** ([`defaults`]): api.md's defaults as named constants.
//! - **Returns** ([`returns`]): XIRR, XNPV and goals over `YYYY-MM-DD` dates and
//!   decimals.
//! - **Decimal text** ([`crate::money::decimal_text`]): one grammar for decimal strings
//!   and number literals, which the core's own readers use too.
//! - **Error kinds** ([`ErrorKind`], [`crate::Error::kind`]): the category that Python
//!   exception classes, Node error names and the Swift/Kotlin exception expose, and
//!   [`ErrorRecord`], the error as data.
//! - **Host values** ([`check_depth`], [`json_number`], [`unix_seconds`]): the bounds a
//!   binding applies while turning its language's values into what core reads.
//!
//! A binding that spells an enum, restates a default, reads a decimal or picks an
//! exception class by itself has leaked a rule: it belongs here.

mod argument;
pub mod columns;
pub mod defaults;
mod kind;
pub mod names;
pub mod records;
pub mod returns;
pub mod tag;

pub use argument::{
    check_depth, json_number, unix_seconds, ArgumentError, InputBudget, MAX_INPUT_BYTES,
    MAX_INPUT_DEPTH, MAX_NUMBER_CHARS,
};
pub use defaults::*;
pub use kind::{ErrorKind, ErrorRecord, FieldErrorRecord};
pub use names::AlgorithmName;
pub use records::*;

pub use crate::access::Decision;
pub use crate::allocation::PersonaWeight;
pub use crate::jwt::{Claims, TokenSubject};
pub use crate::money::decimal_text::{
    decimal_from_parts, literal_from_parts, parse_decimal_text, parse_number_literal,
    MAX_PARTS_DIGITS,
};
pub use crate::password::Verification;
pub use crate::persona::TrainingInfo;
pub use crate::risk::{Fund, RiskProfile};
