//! The answer of portfolio-analyzer-v1 (domain.md §8.9), field for field in today's
//! order. Decimals serialise through [`crate::contract::tag`], so serde_json writes
//! decimal strings, a binding makes its platform's decimals, and
//! [`PortfolioAnalysis::to_json`] writes today's JSON numbers.

use rust_decimal::Decimal;
use serde::ser::{SerializeMap, SerializeStruct, Serializer};
use serde::Serialize;

use super::funds::ASSET_CLASSES;
use crate::contract::tag;

/// One fraction per asset class, in [`ASSET_CLASSES`] order; serialised as
/// `{"equity": …, "debt": …, …}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClassFractions(pub [Decimal; 6]);

impl ClassFractions {
    /// The fraction for a class name, if it is one of the six.
    pub fn get(&self, class: &str) -> Option<Decimal> {
        ASSET_CLASSES
            .iter()
            .position(|c| *c == class)
            .and_then(|i| self.0.get(i).copied())
    }
}

impl Serialize for ClassFractions {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(6))?;
        for (class, v) in ASSET_CLASSES.iter().zip(&self.0) {
            m.serialize_entry(class, &tag::Tagged(tag::DECIMAL_TOKEN, v))?;
        }
        m.end()
    }
}

/// SELL, HOLD, BUY or ADD_NEW.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ActionKind {
    /// Sell part or all of a lot.
    #[serde(rename = "SELL")]
    Sell,
    /// A lot that would be sold but is close to becoming long-term.
    #[serde(rename = "HOLD")]
    Hold,
    /// Add to a lot the client holds.
    #[serde(rename = "BUY")]
    Buy,
    /// Add a fund the client does not hold.
    #[serde(rename = "ADD_NEW")]
    AddNew,
}

impl ActionKind {
    /// The wire name (`SELL`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sell => "SELL",
            Self::Hold => "HOLD",
            Self::Buy => "BUY",
            Self::AddNew => "ADD_NEW",
        }
    }
}

/// An action's priority; orders HIGH first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Priority {
    /// Gap above 15 % or a lot above 40 % of the portfolio.
    #[serde(rename = "HIGH")]
    High,
    /// Gap above 5 % or a lot above 35 %.
    #[serde(rename = "MEDIUM")]
    Medium,
    /// Everything else.
    #[serde(rename = "LOW")]
    Low,
}

impl Priority {
    /// The wire name (`HIGH`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::High => "HIGH",
            Self::Medium => "MEDIUM",
            Self::Low => "LOW",
        }
    }
}

/// Long- or short-term, by the regime in effect for the lot's class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TaxStatus {
    /// Long-term.
    #[serde(rename = "LTCG")]
    Ltcg,
    /// Short-term.
    #[serde(rename = "STCG")]
    Stcg,
}

impl TaxStatus {
    /// The wire name (`LTCG` or `STCG`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ltcg => "LTCG",
            Self::Stcg => "STCG",
        }
    }
}

/// One valued holding (§8.4), in today's field order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnalyzedHolding {
    /// Scheme code as given.
    pub scheme_code: i64,
    /// The fund's name (or the caller's, for an unknown fund).
    pub scheme_name: String,
    /// The fund's category (`Unknown` for an unknown fund).
    pub category: String,
    /// The effective asset class as the fund gives it.
    pub asset_class: String,
    /// Today's value.
    #[serde(with = "tag::money")]
    pub current_value: Decimal,
    /// value / total, 12 decimals.
    #[serde(with = "tag::decimal")]
    pub weight: Decimal,
    /// Units held (amount / NAV rounded down to 3 decimals, or the units given).
    #[serde(with = "tag::decimal_option")]
    pub units: Option<Decimal>,
    /// The fund's NAV.
    #[serde(with = "tag::decimal_option")]
    pub nav: Option<Decimal>,
    /// The fund's 1-year return.
    #[serde(with = "tag::decimal_option")]
    pub return_1y: Option<Decimal>,
    /// The fund's 3-year return.
    #[serde(with = "tag::decimal_option")]
    pub return_3y: Option<Decimal>,
    /// The fund's volatility.
    #[serde(with = "tag::decimal_option")]
    pub volatility: Option<Decimal>,
    /// The fund's sharpe ratio.
    #[serde(with = "tag::decimal_option")]
    pub sharpe_ratio: Option<Decimal>,
    /// today − purchase_date, in days.
    pub holding_period_days: Option<i64>,
    /// LTCG or STCG.
    pub tax_status: Option<TaxStatus>,
    /// The cost basis given.
    #[serde(with = "tag::money_option")]
    pub purchase_amount: Option<Decimal>,
    /// value − purchase_amount, when both are known and value > 0.
    #[serde(with = "tag::money_option")]
    pub unrealized_gain: Option<Decimal>,
}

/// One category's share of the portfolio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryShare {
    /// The category.
    pub category: String,
    /// Its share of the total, 12 decimals.
    pub allocation: Decimal,
    /// The number of holdings in it.
    pub count: usize,
    /// Its value.
    pub value: Decimal,
}

struct CategoryBody<'a>(&'a CategoryShare);

impl Serialize for CategoryBody<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("CategoryShare", 3)?;
        st.serialize_field(
            "allocation",
            &tag::Tagged(tag::DECIMAL_TOKEN, &self.0.allocation),
        )?;
        st.serialize_field("count", &self.0.count)?;
        st.serialize_field("value", &tag::Tagged(tag::MONEY_TOKEN, &self.0.value))?;
        st.end()
    }
}

fn category_map<S: Serializer>(v: &[CategoryShare], s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(v.len()))?;
    for c in v {
        m.serialize_entry(&c.category, &CategoryBody(c))?;
    }
    m.end()
}

/// Totals and weighted metrics (§8.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CurrentMetrics {
    /// Σ values.
    #[serde(with = "tag::money")]
    pub total_value: Decimal,
    /// The number of holdings.
    pub total_holdings: usize,
    /// Σ return_1y × weight, 2 decimals (null when no holding has a return).
    #[serde(with = "tag::decimal_option")]
    pub weighted_return_1y: Option<Decimal>,
    /// Σ return_3y × weight, 2 decimals.
    #[serde(with = "tag::decimal_option")]
    pub weighted_return_3y: Option<Decimal>,
    /// Σ volatility × weight, 2 decimals.
    #[serde(with = "tag::decimal_option")]
    pub weighted_volatility: Option<Decimal>,
    /// Σ sharpe × weight, 2 decimals.
    #[serde(with = "tag::decimal_option")]
    pub weighted_sharpe: Option<Decimal>,
    /// One entry per category, in first-seen order; serialised as a map.
    #[serde(serialize_with = "category_map")]
    pub category_breakdown: Vec<CategoryShare>,
}

/// One rebalancing action (§8.6), in today's field order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RebalancingAction {
    /// SELL, HOLD, BUY or ADD_NEW.
    pub action: ActionKind,
    /// HIGH, MEDIUM or LOW.
    pub priority: Priority,
    /// The lot's or the recommended fund's code (0 for a generic ADD_NEW).
    pub scheme_code: i64,
    /// Its name.
    pub scheme_name: String,
    /// Its category.
    pub category: String,
    /// The lot's class as shown, or the class (lower case) for ADD_NEW.
    pub asset_class: String,
    /// The lot's value (0 for ADD_NEW).
    #[serde(with = "tag::money")]
    pub current_value: Decimal,
    /// The lot's weight.
    #[serde(with = "tag::decimal")]
    pub current_weight: Decimal,
    /// Always null (parity).
    #[serde(with = "tag::decimal_option")]
    pub current_units: Option<Decimal>,
    /// The value after the action.
    #[serde(with = "tag::money")]
    pub target_value: Decimal,
    /// target_value / total.
    #[serde(with = "tag::decimal")]
    pub target_weight: Decimal,
    /// Negative for SELL and HOLD, positive for BUY and ADD_NEW, to the paisa.
    #[serde(with = "tag::money")]
    pub transaction_amount: Decimal,
    /// amount / NAV rounded down to 3 decimals, for SELL and BUY of a fund with a NAV.
    #[serde(with = "tag::decimal_option")]
    pub transaction_units: Option<Decimal>,
    /// The lot's tax status (SELL and HOLD).
    pub tax_status: Option<TaxStatus>,
    /// The lot's holding period (SELL and HOLD).
    pub holding_period_days: Option<i64>,
    /// gain × sold / value, to the paisa, when the cost basis is known.
    #[serde(with = "tag::money_option")]
    pub estimated_gain: Option<Decimal>,
    /// The tax note, with the regime's rates.
    pub tax_note: Option<String>,
    /// Why, in today's words.
    pub reason: String,
    /// The order in whole paise (positive).
    #[serde(skip)]
    pub(crate) amount_p: i128,
    /// The exact estimated gain in 10⁻⁷ rupee.
    #[serde(skip)]
    pub(crate) gain_q: Option<i128>,
    /// The exact amount as `num / den` (10⁻⁷ rupee × 10¹²), for the final order.
    #[serde(skip)]
    pub(crate) order_key: (i128, i128),
    #[serde(skip)]
    pub(crate) regime: Option<usize>,
}

/// The summary (§8.8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnalysisSummary {
    /// alignment ≥ 0.85, exactly.
    pub is_aligned: bool,
    /// max(0, 1 − Σ|gap| / 2), 2 decimals.
    #[serde(with = "tag::decimal")]
    pub alignment_score: Decimal,
    /// At most five texts.
    pub primary_issues: Vec<String>,
    /// Σ sold (HOLD excluded).
    #[serde(with = "tag::money")]
    pub total_sell_amount: Decimal,
    /// Σ bought (BUY and ADD_NEW).
    #[serde(with = "tag::money")]
    pub total_buy_amount: Decimal,
    /// buy − sell.
    #[serde(with = "tag::money")]
    pub net_transaction: Decimal,
    /// The estimated tax, with the regimes' rates.
    pub tax_impact_summary: String,
}

/// The whole answer, in today's key order (`latency_ms` is the service's to add).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortfolioAnalysis {
    /// Echoed.
    pub request_id: Option<String>,
    /// Today's split, per class.
    pub current_allocation: ClassFractions,
    /// The target as validated.
    pub target_allocation: ClassFractions,
    /// current − target, per class.
    pub allocation_gaps: ClassFractions,
    /// Totals and weighted metrics.
    pub current_metrics: CurrentMetrics,
    /// Each holding, in input order.
    pub holdings: Vec<AnalyzedHolding>,
    /// The plan, in final order.
    pub rebalancing_actions: Vec<RebalancingAction>,
    /// The summary.
    pub summary: AnalysisSummary,
    /// `portfolio-analyzer-v1`.
    pub model_version: String,
}

impl PortfolioAnalysis {
    /// Today's JSON body: every decimal written as an exact JSON number (`31000.00`,
    /// `0.967741935484`), keys in today's order.
    pub fn to_json(&self) -> String {
        tag::to_json_numbers(self)
    }
}
