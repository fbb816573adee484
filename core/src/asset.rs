//! Asset classes: the shared vocabulary of allocations, strategies, constraints and
//! risk. It lives below `allocation` and `risk` so that neither imports the other for it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An asset class. The first six are the ML service's classes (domain.md §5);
/// `Alternatives` is the database strategies' "Alternatives" bucket (gold, REITs,
/// international and similar), which the ML service splits into gold and international.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AssetClass {
    /// Equity funds.
    Equity,
    /// Debt funds.
    Debt,
    /// Hybrid funds.
    Hybrid,
    /// Gold funds and ETFs.
    Gold,
    /// International funds.
    International,
    /// Liquid and money-market funds.
    Liquid,
    /// Other alternatives (the database strategies' bucket).
    Alternatives,
}

impl AssetClass {
    /// Every class, in their fixed order.
    pub const ALL: [AssetClass; 7] = [
        AssetClass::Equity,
        AssetClass::Debt,
        AssetClass::Hybrid,
        AssetClass::Gold,
        AssetClass::International,
        AssetClass::Liquid,
        AssetClass::Alternatives,
    ];
    /// The ML service's six classes, in the order of its JSON.
    pub const ML: [AssetClass; 6] = [
        AssetClass::Equity,
        AssetClass::Debt,
        AssetClass::Hybrid,
        AssetClass::Gold,
        AssetClass::International,
        AssetClass::Liquid,
    ];

    /// The lowercase name used in JSON (`"equity"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            AssetClass::Equity => "equity",
            AssetClass::Debt => "debt",
            AssetClass::Hybrid => "hybrid",
            AssetClass::Gold => "gold",
            AssetClass::International => "international",
            AssetClass::Liquid => "liquid",
            AssetClass::Alternatives => "alternatives",
        }
    }

    /// The class with this lowercase name.
    pub fn from_name(name: &str) -> Option<AssetClass> {
        AssetClass::ALL.into_iter().find(|c| c.as_str() == name)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for AssetClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
