//! One parser per string enum of api.md, each a `FromStr` that fails with a stable code.
//!
//! | enum | spellings | error code |
//! |---|---|---|
//! | [`ValidationMode`] | `strict`, `compat` | `mode_unknown` |
//! | [`PasswordPolicy`] (and [`PolicyPreset`]) | `seed`, `recommended`, `nist` | `policy_unknown` |
//! | [`TokenUse`] | `access`, `refresh` | `token_use_unknown` |
//! | [`Role`] | `user`, `investor`, `advisor`, `fa_staff`, `admin`, `super_admin` | `role_unknown` |
//! | [`AlgorithmName`] | `lloyd`, `minibatch` | `algorithm_unknown` |
//! | [`TradeSide`] | `buy`, `sell` | `trade_side_unknown` |
//! | [`RiskLevel`], [`Severity`] | as risk-v1 spells them | `risk_level_unknown` |
//! | [`PersonaId`] | the three slugs | `allocation_unknown_persona` |
//! | [`AssetClass`] | the seven lowercase names | `allocation_unknown_class` |
//! | [`RiskTolerance`], [`Volatility`], [`Liquidity`], [`Knowledge`] | as domain.md spells them | `profile_not_one_of` |
//!
//! Spellings are exact (case matters), as in today's JSON and tokens. Each enum's
//! `as_str` gives the spelling back.

use std::str::FromStr;

use super::ArgumentError;
use crate::access::Role;
use crate::allocation::{AllocationError, AssetClass, TradeSide};
use crate::jwt::TokenUse;
use crate::password::{PasswordPolicy, PolicyPreset};
use crate::persona::{PersonaId, TrainAlgorithm};
use crate::profile::{
    Knowledge, Liquidity, ProfileError, RiskTolerance, ValidationMode, Volatility,
};
use crate::returns::TransactionKind;
use crate::risk::{RiskLevel, Severity};

/// The most characters of a refused name that an error keeps (as the allocation errors do).
const MAX_NAME_ECHO: usize = 64;

/// `FromStr` from the type's own `as_str`, so each spelling is written once.
macro_rules! from_spelling {
    ($t:ty, [$($v:expr),+ $(,)?], $err:expr) => {
        from_spelling!($t, all = [$($v),+], $err);
    };
    ($t:ty, all = $all:expr, $err:expr) => {
        impl FromStr for $t {
            type Err = ArgumentError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $all.into_iter().find(|v| v.as_str() == s).ok_or($err)
            }
        }
    };
}

impl ValidationMode {
    /// The spellings, as an error lists them.
    pub const ALLOWED: &'static str = "strict, compat";

    /// `"strict"` or `"compat"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ValidationMode::Strict => "strict",
            ValidationMode::Compat => "compat",
        }
    }
}

from_spelling!(
    ValidationMode,
    [ValidationMode::Strict, ValidationMode::Compat],
    ArgumentError::Mode {
        field: "mode",
        allowed: ValidationMode::ALLOWED,
    }
);

impl PolicyPreset {
    /// The spellings, as an error lists them.
    pub const ALLOWED: &'static str = "seed, recommended, nist";

    /// `"seed"`, `"recommended"` or `"nist"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            PolicyPreset::Seed => "seed",
            PolicyPreset::Recommended => "recommended",
            PolicyPreset::Nist => "nist",
        }
    }
}

from_spelling!(
    PolicyPreset,
    [
        PolicyPreset::Seed,
        PolicyPreset::Recommended,
        PolicyPreset::Nist
    ],
    ArgumentError::Policy {
        field: "policy",
        allowed: PolicyPreset::ALLOWED,
    }
);

impl From<PolicyPreset> for PasswordPolicy {
    /// The preset with its default length bounds.
    fn from(p: PolicyPreset) -> Self {
        match p {
            PolicyPreset::Seed => PasswordPolicy::seed(),
            PolicyPreset::Recommended => PasswordPolicy::recommended(),
            PolicyPreset::Nist => PasswordPolicy::nist(),
        }
    }
}

impl FromStr for PasswordPolicy {
    type Err = ArgumentError;
    /// The preset named `s`, with its default length bounds.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(s.parse::<PolicyPreset>()?.into())
    }
}

impl TokenUse {
    /// The spellings, as an error lists them.
    pub const ALLOWED: &'static str = "access, refresh";
}

from_spelling!(
    TokenUse,
    [TokenUse::Access, TokenUse::Refresh],
    ArgumentError::TokenUse {
        field: "token_use",
        allowed: TokenUse::ALLOWED,
    }
);

impl Role {
    /// The spellings, as an error lists them.
    pub const ALLOWED: &'static str = "user, investor, advisor, fa_staff, admin, super_admin";
}

impl FromStr for Role {
    type Err = ArgumentError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::parse(s).ok_or(ArgumentError::Role {
            field: "required_roles",
            allowed: Role::ALLOWED,
        })
    }
}

/// The name of a k-means variant, as bindings spell it (`algorithm="minibatch"`);
/// [`AlgorithmName::with_batch_size`] makes the [`TrainAlgorithm`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum AlgorithmName {
    /// `lloyd`: classic k-means (the default).
    #[default]
    Lloyd,
    /// `minibatch`: mini-batch k-means.
    #[serde(rename = "minibatch")]
    MiniBatch,
}

impl AlgorithmName {
    /// The spellings, as an error lists them.
    pub const ALLOWED: &'static str = "lloyd, minibatch";

    /// `"lloyd"` or `"minibatch"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            AlgorithmName::Lloyd => "lloyd",
            AlgorithmName::MiniBatch => "minibatch",
        }
    }

    /// The algorithm, with `batch_size` for mini-batch (ignored by Lloyd).
    pub const fn with_batch_size(self, batch_size: usize) -> TrainAlgorithm {
        match self {
            AlgorithmName::Lloyd => TrainAlgorithm::Lloyd,
            AlgorithmName::MiniBatch => TrainAlgorithm::MiniBatch { batch_size },
        }
    }
}

impl From<TrainAlgorithm> for AlgorithmName {
    fn from(a: TrainAlgorithm) -> Self {
        match a {
            TrainAlgorithm::Lloyd => AlgorithmName::Lloyd,
            TrainAlgorithm::MiniBatch { .. } => AlgorithmName::MiniBatch,
        }
    }
}

from_spelling!(
    AlgorithmName,
    [AlgorithmName::Lloyd, AlgorithmName::MiniBatch],
    ArgumentError::Algorithm {
        field: "algorithm",
        allowed: AlgorithmName::ALLOWED,
    }
);

impl TradeSide {
    /// The spellings, as an error lists them.
    pub const ALLOWED: &'static str = "buy, sell";

    /// `"buy"` or `"sell"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            TradeSide::Buy => "buy",
            TradeSide::Sell => "sell",
        }
    }
}

from_spelling!(
    TradeSide,
    [TradeSide::Buy, TradeSide::Sell],
    ArgumentError::TradeSide {
        field: "side",
        allowed: TradeSide::ALLOWED,
    }
);

impl RiskLevel {
    /// The spellings, as an error lists them.
    pub const ALLOWED: &'static str = "Low, Moderate, Moderate-High, High, Very High, Unknown";
}

from_spelling!(
    RiskLevel,
    all = RiskLevel::ALL,
    ArgumentError::RiskLevel {
        field: "risk_level",
        allowed: RiskLevel::ALLOWED,
    }
);

from_spelling!(
    Severity,
    [Severity::Low, Severity::Moderate, Severity::High],
    ArgumentError::RiskLevel {
        field: "severity",
        allowed: "Low, Moderate, High",
    }
);

fn echo(s: &str) -> String {
    s.chars().take(MAX_NAME_ECHO).collect()
}

impl FromStr for PersonaId {
    type Err = AllocationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PersonaId::from_slug(s).ok_or_else(|| AllocationError::UnknownPersona {
            field: "persona",
            name: echo(s),
        })
    }
}

impl FromStr for AssetClass {
    type Err = AllocationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AssetClass::from_name(s).ok_or_else(|| AllocationError::UnknownClass {
            field: "asset_class",
            name: echo(s),
        })
    }
}

macro_rules! profile_enum_from_str {
    ($($name:ident => $field:literal),+) => {$(
        impl FromStr for $name {
            type Err = ProfileError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::from_spelling(s).ok_or(ProfileError::NotOneOf {
                    field: $field,
                    allowed: $name::ALLOWED,
                })
            }
        }
    )+};
}

profile_enum_from_str!(
    RiskTolerance => "risk_tolerance",
    Volatility => "volatility",
    Liquidity => "liquidity",
    Knowledge => "knowledge"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_round_trips() {
        for m in [ValidationMode::Strict, ValidationMode::Compat] {
            assert_eq!(m.as_str().parse::<ValidationMode>(), Ok(m));
        }
        for p in [
            PolicyPreset::Seed,
            PolicyPreset::Recommended,
            PolicyPreset::Nist,
        ] {
            assert_eq!(p.as_str().parse::<PolicyPreset>(), Ok(p));
            assert_eq!(
                p.as_str().parse::<PasswordPolicy>().map(|x| x.preset()),
                Ok(p)
            );
        }
        for t in [TokenUse::Access, TokenUse::Refresh] {
            assert_eq!(t.as_str().parse::<TokenUse>(), Ok(t));
        }
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>(), Ok(r));
        }
        for a in [AlgorithmName::Lloyd, AlgorithmName::MiniBatch] {
            assert_eq!(a.as_str().parse::<AlgorithmName>(), Ok(a));
            assert_eq!(AlgorithmName::from(a.with_batch_size(10)), a);
        }
        for s in [TradeSide::Buy, TradeSide::Sell] {
            assert_eq!(s.as_str().parse::<TradeSide>(), Ok(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for l in RiskLevel::ALL {
            assert_eq!(l.as_str().parse::<RiskLevel>(), Ok(l));
            assert_eq!(serde_json::to_value(l).unwrap(), l.as_str());
        }
        for p in PersonaId::ALL {
            assert_eq!(p.slug().parse::<PersonaId>(), Ok(p));
        }
        for c in AssetClass::ALL {
            assert_eq!(c.as_str().parse::<AssetClass>(), Ok(c));
        }
        for k in Knowledge::ALL {
            assert_eq!(k.as_str().parse::<Knowledge>(), Ok(*k));
        }
    }

    #[test]
    fn refusals_are_coded_and_list_the_spellings() {
        let e = "Strict".parse::<ValidationMode>().unwrap_err();
        assert_eq!((e.code(), e.field()), ("mode_unknown", "mode"));
        assert_eq!(e.to_string(), "mode: must be one of strict, compat");
        assert_eq!(e.allowed(), Some("strict, compat"));
        assert_eq!(
            "x".parse::<PasswordPolicy>().unwrap_err().code(),
            "policy_unknown"
        );
        assert_eq!(
            "ACCESS".parse::<TokenUse>().unwrap_err().code(),
            "token_use_unknown"
        );
        assert_eq!("root".parse::<Role>().unwrap_err().code(), "role_unknown");
        assert_eq!(
            "kmeans".parse::<AlgorithmName>().unwrap_err().code(),
            "algorithm_unknown"
        );
        assert_eq!(
            "Buy".parse::<TradeSide>().unwrap_err().code(),
            "trade_side_unknown"
        );
        assert_eq!(
            "high".parse::<RiskLevel>().unwrap_err().code(),
            "risk_level_unknown"
        );
        assert_eq!(
            "x".parse::<Severity>().unwrap_err().code(),
            "risk_level_unknown"
        );
        assert_eq!(
            "guardian".parse::<PersonaId>().unwrap_err().code(),
            "allocation_unknown_persona"
        );
        assert_eq!(
            "stocks".parse::<AssetClass>().unwrap_err().code(),
            "allocation_unknown_class"
        );
        assert_eq!(
            "low".parse::<Volatility>().unwrap_err().code(),
            "profile_not_one_of"
        );
    }
}

impl TransactionKind {
    /// The spellings, as an error lists them.
    pub const ALLOWED: &'static str = "purchase, sip, redemption, dividend";

    /// `"purchase"`, `"sip"`, `"redemption"` or `"dividend"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            TransactionKind::Purchase => "purchase",
            TransactionKind::Sip => "sip",
            TransactionKind::Redemption => "redemption",
            TransactionKind::Dividend => "dividend",
        }
    }
}

from_spelling!(
    TransactionKind,
    all = TransactionKind::ALL,
    ArgumentError::TransactionKind {
        field: "transactions.kind",
        allowed: TransactionKind::ALLOWED,
    }
);
