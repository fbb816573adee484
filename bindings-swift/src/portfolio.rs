//! Portfolio analysis (`sparrow_core::portfolio`, portfolio-analyzer-v1): conversion only.

use std::sync::Arc;

use sparrow_core::contract::returns::parse_date;
use sparrow_core::portfolio as p;

use crate::error::{out, OrFail, Result};
use crate::money::{mode, ValidationMode};
use crate::returns::CalendarDate;
use crate::ExactDecimal;

/// The funds a portfolio is analysed against, in lookup order (domain.md §8.3).
#[derive(Debug, uniffi::Object)]
pub struct FundTable {
    inner: p::FundTable,
}

#[uniffi::export]
impl FundTable {
    /// The backend's `{"funds": [...]}` answer (or the list alone) as JSON text.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>> {
        Ok(Arc::new(FundTable {
            inner: p::FundTable::from_json(&json).or_fail()?,
        }))
    }

    /// The five built-in funds today's service loads when the backend is down.
    #[uniffi::constructor]
    pub fn fallback() -> Result<Arc<Self>> {
        Ok(Arc::new(FundTable {
            inner: p::FundTable::fallback().or_fail()?,
        }))
    }

    /// The scheme codes, in lookup order.
    pub fn scheme_codes(&self) -> Vec<i64> {
        self.inner.funds().iter().map(|f| f.scheme_code).collect()
    }
}

/// Capital-gains rules as dated data (domain.md §8.7).
#[derive(Debug, uniffi::Object)]
pub struct TaxTable {
    inner: p::TaxTable,
}

#[uniffi::export]
impl TaxTable {
    /// portfolio-analyzer-v1's constants (parity).
    #[uniffi::constructor]
    pub fn parity() -> Result<Arc<Self>> {
        Ok(Arc::new(TaxTable {
            inner: p::TaxTable::parity().or_fail()?,
        }))
    }

    /// The parity constants with equity-oriented funds' rates from 2024-07-23 (for the
    /// product owner to confirm).
    #[uniffi::constructor]
    pub fn equity_2024() -> Result<Arc<Self>> {
        Ok(Arc::new(TaxTable {
            inner: p::TaxTable::equity_2024().or_fail()?,
        }))
    }

    /// A table from its JSON text.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>> {
        Ok(Arc::new(TaxTable {
            inner: p::TaxTable::from_json(&json).or_fail()?,
        }))
    }

    /// The table's name.
    pub fn id(&self) -> String {
        self.inner.id().to_owned()
    }

    /// The table as JSON text (what `fromJson` reads).
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }
}

/// One fraction per asset class.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ClassFractions {
    /// Equity.
    pub equity: ExactDecimal,
    /// Debt.
    pub debt: ExactDecimal,
    /// Hybrid.
    pub hybrid: ExactDecimal,
    /// Gold.
    pub gold: ExactDecimal,
    /// International.
    pub international: ExactDecimal,
    /// Liquid.
    pub liquid: ExactDecimal,
}

impl From<&p::ClassFractions> for ClassFractions {
    fn from(f: &p::ClassFractions) -> Self {
        let [equity, debt, hybrid, gold, international, liquid] = f.0.map(out);
        ClassFractions {
            equity,
            debt,
            hybrid,
            gold,
            international,
            liquid,
        }
    }
}

/// Long- or short-term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum TaxStatus {
    /// Long-term.
    Ltcg,
    /// Short-term.
    Stcg,
}

fn tax_status(t: Option<p::TaxStatus>) -> Option<TaxStatus> {
    t.map(|t| match t {
        p::TaxStatus::Ltcg => TaxStatus::Ltcg,
        _ => TaxStatus::Stcg,
    })
}

/// SELL, HOLD, BUY or ADD_NEW.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ActionKind {
    /// Sell part or all of a lot.
    Sell,
    /// A lot close to becoming long-term, not sold.
    Hold,
    /// Add to a lot held.
    Buy,
    /// Add a fund not held.
    AddNew,
}

/// An action's priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ActionPriority {
    /// High.
    High,
    /// Medium.
    Medium,
    /// Low.
    Low,
}

/// One valued holding (domain.md §8.4).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AnalyzedHolding {
    /// Scheme code.
    pub scheme_code: i64,
    /// Name.
    pub scheme_name: String,
    /// Category.
    pub category: String,
    /// Effective asset class as the fund gives it.
    pub asset_class: String,
    /// Today's value (2 decimals).
    pub current_value: ExactDecimal,
    /// Share of the total (12 decimals).
    pub weight: ExactDecimal,
    /// Units held.
    pub units: Option<ExactDecimal>,
    /// NAV.
    pub nav: Option<ExactDecimal>,
    /// 1-year return.
    pub return_1y: Option<ExactDecimal>,
    /// 3-year return.
    pub return_3y: Option<ExactDecimal>,
    /// Volatility.
    pub volatility: Option<ExactDecimal>,
    /// Sharpe ratio.
    pub sharpe_ratio: Option<ExactDecimal>,
    /// Days held.
    pub holding_period_days: Option<i64>,
    /// LTCG or STCG.
    pub tax_status: Option<TaxStatus>,
    /// Cost basis.
    pub purchase_amount: Option<ExactDecimal>,
    /// Value less cost.
    pub unrealized_gain: Option<ExactDecimal>,
}

/// One category's share.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CategoryShare {
    /// The category.
    pub category: String,
    /// Share of the total.
    pub allocation: ExactDecimal,
    /// Holdings in it.
    pub count: u32,
    /// Its value.
    pub value: ExactDecimal,
}

/// One rebalancing action (domain.md §8.6).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RebalancingAction {
    /// SELL, HOLD, BUY or ADD_NEW.
    pub action: ActionKind,
    /// HIGH, MEDIUM or LOW.
    pub priority: ActionPriority,
    /// Scheme code (0 for a generic ADD_NEW).
    pub scheme_code: i64,
    /// Name.
    pub scheme_name: String,
    /// Category.
    pub category: String,
    /// Asset class.
    pub asset_class: String,
    /// The lot's value.
    pub current_value: ExactDecimal,
    /// The lot's weight.
    pub current_weight: ExactDecimal,
    /// Value after the action.
    pub target_value: ExactDecimal,
    /// Weight after the action.
    pub target_weight: ExactDecimal,
    /// Negative for SELL and HOLD, to the paisa.
    pub transaction_amount: ExactDecimal,
    /// Units, rounded down to 3 decimals.
    pub transaction_units: Option<ExactDecimal>,
    /// The lot's tax status.
    pub tax_status: Option<TaxStatus>,
    /// The lot's days held.
    pub holding_period_days: Option<i64>,
    /// Estimated gain realised.
    pub estimated_gain: Option<ExactDecimal>,
    /// The tax note.
    pub tax_note: Option<String>,
    /// Why.
    pub reason: String,
}

/// The answer of portfolio-analyzer-v1 (domain.md §8.9). `current_units` (always null
/// today) is left out.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PortfolioAnalysis {
    /// Echoed.
    pub request_id: Option<String>,
    /// Today's split.
    pub current_allocation: ClassFractions,
    /// The target as validated.
    pub target_allocation: ClassFractions,
    /// current − target.
    pub allocation_gaps: ClassFractions,
    /// Σ values.
    pub total_value: ExactDecimal,
    /// Weighted 1-year return (2 decimals), null without returns.
    pub weighted_return_1y: Option<ExactDecimal>,
    /// Weighted 3-year return.
    pub weighted_return_3y: Option<ExactDecimal>,
    /// Weighted volatility.
    pub weighted_volatility: Option<ExactDecimal>,
    /// Weighted sharpe.
    pub weighted_sharpe: Option<ExactDecimal>,
    /// By category, first seen first.
    pub category_breakdown: Vec<CategoryShare>,
    /// Each holding.
    pub holdings: Vec<AnalyzedHolding>,
    /// The plan, in final order.
    pub rebalancing_actions: Vec<RebalancingAction>,
    /// alignment ≥ 0.85.
    pub is_aligned: bool,
    /// Alignment, 2 decimals.
    pub alignment_score: ExactDecimal,
    /// At most five texts.
    pub primary_issues: Vec<String>,
    /// Σ sold.
    pub total_sell_amount: ExactDecimal,
    /// Σ bought.
    pub total_buy_amount: ExactDecimal,
    /// buy − sell.
    pub net_transaction: ExactDecimal,
    /// The estimated tax.
    pub tax_impact_summary: String,
    /// `portfolio-analyzer-v1`.
    pub model_version: String,
}

fn analysis(a: &p::PortfolioAnalysis) -> PortfolioAnalysis {
    let opt = |d: Option<rust_decimal::Decimal>| d.map(out);
    let m = &a.current_metrics;
    PortfolioAnalysis {
        request_id: a.request_id.clone(),
        current_allocation: (&a.current_allocation).into(),
        target_allocation: (&a.target_allocation).into(),
        allocation_gaps: (&a.allocation_gaps).into(),
        total_value: out(m.total_value),
        weighted_return_1y: opt(m.weighted_return_1y),
        weighted_return_3y: opt(m.weighted_return_3y),
        weighted_volatility: opt(m.weighted_volatility),
        weighted_sharpe: opt(m.weighted_sharpe),
        category_breakdown: m
            .category_breakdown
            .iter()
            .map(|c| CategoryShare {
                category: c.category.clone(),
                allocation: out(c.allocation),
                count: u32::try_from(c.count).unwrap_or(u32::MAX),
                value: out(c.value),
            })
            .collect(),
        holdings: a
            .holdings
            .iter()
            .map(|h| AnalyzedHolding {
                scheme_code: h.scheme_code,
                scheme_name: h.scheme_name.clone(),
                category: h.category.clone(),
                asset_class: h.asset_class.clone(),
                current_value: out(h.current_value),
                weight: out(h.weight),
                units: opt(h.units),
                nav: opt(h.nav),
                return_1y: opt(h.return_1y),
                return_3y: opt(h.return_3y),
                volatility: opt(h.volatility),
                sharpe_ratio: opt(h.sharpe_ratio),
                holding_period_days: h.holding_period_days,
                tax_status: tax_status(h.tax_status),
                purchase_amount: opt(h.purchase_amount),
                unrealized_gain: opt(h.unrealized_gain),
            })
            .collect(),
        rebalancing_actions: a
            .rebalancing_actions
            .iter()
            .map(|x| RebalancingAction {
                action: match x.action {
                    p::ActionKind::Sell => ActionKind::Sell,
                    p::ActionKind::Hold => ActionKind::Hold,
                    p::ActionKind::Buy => ActionKind::Buy,
                    _ => ActionKind::AddNew,
                },
                priority: match x.priority {
                    p::Priority::High => ActionPriority::High,
                    p::Priority::Medium => ActionPriority::Medium,
                    _ => ActionPriority::Low,
                },
                scheme_code: x.scheme_code,
                scheme_name: x.scheme_name.clone(),
                category: x.category.clone(),
                asset_class: x.asset_class.clone(),
                current_value: out(x.current_value),
                current_weight: out(x.current_weight),
                target_value: out(x.target_value),
                target_weight: out(x.target_weight),
                transaction_amount: out(x.transaction_amount),
                transaction_units: opt(x.transaction_units),
                tax_status: tax_status(x.tax_status),
                holding_period_days: x.holding_period_days,
                estimated_gain: opt(x.estimated_gain),
                tax_note: x.tax_note.clone(),
                reason: x.reason.clone(),
            })
            .collect(),
        is_aligned: a.summary.is_aligned,
        alignment_score: out(a.summary.alignment_score),
        primary_issues: a.summary.primary_issues.clone(),
        total_sell_amount: out(a.summary.total_sell_amount),
        total_buy_amount: out(a.summary.total_buy_amount),
        net_transaction: out(a.summary.net_transaction),
        tax_impact_summary: a.summary.tax_impact_summary.clone(),
        model_version: a.model_version.clone(),
    }
}

fn analyse(
    request_json: &str,
    funds: &FundTable,
    today: &CalendarDate,
    tax: Option<Arc<TaxTable>>,
    m: Option<ValidationMode>,
) -> Result<p::PortfolioAnalysis> {
    let today = parse_date(&today.0, "today").or_fail()?;
    let parity;
    let tax = match &tax {
        Some(t) => &t.inner,
        None => {
            parity = p::TaxTable::parity().or_fail()?;
            &parity
        }
    };
    p::analyze_portfolio_json(request_json, &funds.inner, tax, today, mode(m)).or_fail()
}

/// portfolio-analyzer-v1 for today's request body (JSON text) against `funds` on
/// `today`, with `tax` (default: the parity table), read in `mode` (default strict).
#[uniffi::export(default(tax = None, mode = None))]
pub fn analyze_portfolio(
    request_json: String,
    funds: Arc<FundTable>,
    today: CalendarDate,
    tax: Option<Arc<TaxTable>>,
    mode: Option<ValidationMode>,
) -> Result<PortfolioAnalysis> {
    Ok(analysis(&analyse(
        &request_json,
        &funds,
        &today,
        tax,
        mode,
    )?))
}

/// The same answer as today's JSON body (exact JSON numbers, today's key order).
#[uniffi::export(default(tax = None, mode = None))]
pub fn analyze_portfolio_json(
    request_json: String,
    funds: Arc<FundTable>,
    today: CalendarDate,
    tax: Option<Arc<TaxTable>>,
    mode: Option<ValidationMode>,
) -> Result<String> {
    Ok(analyse(&request_json, &funds, &today, tax, mode)?.to_json())
}

/// The separate check of domain.md §8.2: the six fractions add up to exactly 1.
#[uniffi::export]
pub fn check_target_allocation(target: ClassFractions) -> Result<()> {
    let t = p::TargetAllocation::from_fractions([
        target.equity.read("target_allocation.equity")?,
        target.debt.read("target_allocation.debt")?,
        target.hybrid.read("target_allocation.hybrid")?,
        target.gold.read("target_allocation.gold")?,
        target
            .international
            .read("target_allocation.international")?,
        target.liquid.read("target_allocation.liquid")?,
    ])
    .or_fail()?;
    t.check_sums_to_one().or_fail()
}
