//! Errors of the returns module.

/// Why a returns calculation was refused.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr, strum::VariantNames,
)]
#[non_exhaustive]
pub enum ReturnsError {
    /// Too few cash flows (two for a rate, one for a present value).
    #[error("flows: at least {min} cash flows are needed, {given} given")]
    #[strum(serialize = "returns_too_few_flows")]
    TooFewFlows {
        /// How many are needed.
        min: usize,
        /// How many were given.
        given: usize,
    },
    /// More cash flows than one call reads ([`MAX_FLOWS`](super::MAX_FLOWS)).
    #[error("flows: at most {max} cash flows are accepted")]
    #[strum(serialize = "returns_too_many_flows")]
    TooManyFlows {
        /// The cap.
        max: usize,
    },
    /// The flows are all inflows or all outflows (zeros aside): no rate makes their
    /// value zero.
    #[error(
        "flows: at least one negative (paid in) and one positive (paid out) amount are needed"
    )]
    #[strum(serialize = "returns_no_sign_change")]
    NoSignChange,
    /// A flow dated before the first flow, which is the start of the schedule (as in
    /// Excel and LibreOffice).
    #[error("flows[{index}].date: is before the first flow's date, the start of the schedule")]
    #[strum(serialize = "returns_flow_before_start")]
    FlowBeforeStart {
        /// The flow's index.
        index: usize,
    },
    /// No annual rate in the searched range, −99.9999999 % to 100,000,000 %
    /// ([`MAX_RATE`](super::MAX_RATE)), makes the flows' present value zero.
    #[error(
        "flows: no annual rate from -99.9999999 % to 100,000,000 % makes the present value zero"
    )]
    #[strum(serialize = "returns_no_root")]
    NoRoot,
    /// An argument breaks its rule (a rate at or below −100 %, a start value that is not
    /// positive, …).
    #[error("{field}: {rule}")]
    #[strum(serialize = "returns_input")]
    Input {
        /// The argument.
        field: &'static str,
        /// The rule, in words.
        rule: &'static str,
    },
}

impl ReturnsError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable machine code of this error.
    pub fn code(&self) -> &'static str {
        self.into()
    }

    /// The field the error is about.
    pub fn field(&self) -> String {
        match self {
            Self::TooFewFlows { .. }
            | Self::TooManyFlows { .. }
            | Self::NoSignChange
            | Self::NoRoot => "flows".to_owned(),
            Self::FlowBeforeStart { index } => format!("flows[{index}].date"),
            Self::Input { field, .. } => (*field).to_owned(),
        }
    }
}
