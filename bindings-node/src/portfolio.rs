//! Portfolio analysis (`sparrow_core::portfolio`, portfolio-analyzer-v1): conversion only.

use napi::{Env, Unknown, ValueType};
use napi_derive::napi;
use sparrow_core::contract::returns::parse_date;
use sparrow_core::portfolio;

use crate::js::{self, Options, OrThrow, Result};
use crate::money::mode_of;

/// The funds a portfolio is analysed against, in lookup order (domain.md §8.3).
#[napi]
#[derive(Debug, Clone)]
pub struct FundTable {
    inner: portfolio::FundTable,
}

#[napi]
impl FundTable {
    /// The backend's `{ funds: [...] }` answer (or the list alone), as an object or JSON
    /// text.
    #[napi(factory, ts_args_type = "funds: object | string")]
    pub fn from_funds(env: Env, funds: Unknown<'_>) -> Result<FundTable> {
        let inner = if js::type_of(&env, &funds, "funds")? == ValueType::String {
            portfolio::FundTable::from_json(&js::text(&env, funds, "funds")?)
        } else {
            portfolio::FundTable::from_value(&js::json_arg(
                &env,
                funds,
                "funds",
                portfolio::MAX_FUND_TABLE_JSON,
            )?)
        };
        Ok(FundTable {
            inner: inner.or_throw(&env)?,
        })
    }

    /// The five built-in funds today's service loads when the backend is down.
    #[napi(factory)]
    pub fn fallback(env: Env) -> Result<FundTable> {
        Ok(FundTable {
            inner: portfolio::FundTable::fallback().or_throw(&env)?,
        })
    }

    /// The number of funds.
    #[napi(getter)]
    pub fn size(&self) -> u32 {
        u32::try_from(self.inner.len()).unwrap_or(u32::MAX)
    }

    /// The scheme codes, in lookup order.
    #[napi]
    pub fn scheme_codes(&self) -> Vec<i64> {
        self.inner.funds().iter().map(|f| f.scheme_code).collect()
    }
}

/// Capital-gains rules as dated data (domain.md §8.7).
#[napi]
#[derive(Debug, Clone)]
pub struct TaxTable {
    inner: portfolio::TaxTable,
}

#[napi]
impl TaxTable {
    /// portfolio-analyzer-v1's constants (parity).
    #[napi(factory)]
    pub fn parity(env: Env) -> Result<TaxTable> {
        Ok(TaxTable {
            inner: portfolio::TaxTable::parity().or_throw(&env)?,
        })
    }

    /// The parity constants with equity-oriented funds' rates from 2024-07-23 (for the
    /// product owner to confirm).
    #[napi(factory, js_name = "equity2024")]
    pub fn equity_2024(env: Env) -> Result<TaxTable> {
        Ok(TaxTable {
            inner: portfolio::TaxTable::equity_2024().or_throw(&env)?,
        })
    }

    /// A table from its JSON text.
    #[napi(factory)]
    pub fn from_json(env: Env, text: Unknown<'_>) -> Result<TaxTable> {
        let text = js::text(&env, text, "taxTable")?;
        Ok(TaxTable {
            inner: portfolio::TaxTable::from_json(&text).or_throw(&env)?,
        })
    }

    /// The table as JSON text (what `fromJson` reads).
    #[napi]
    pub fn to_json_text(&self) -> String {
        self.inner.to_json()
    }

    /// The table's name.
    #[napi(getter)]
    pub fn id(&self) -> String {
        self.inner.id().to_owned()
    }
}

fn analyse(
    env: &Env,
    request: Unknown<'_>,
    funds: Unknown<'_>,
    options: Unknown<'_>,
) -> Result<portfolio::PortfolioAnalysis> {
    let funds = js::instance::<FundTable>(env, funds, "funds", "a FundTable")?;
    let options = Options::new(
        env,
        Some(options),
        &["today", "tax", "mode"],
        "today, tax, mode",
    )?;
    let today = match options.text(env, "today")? {
        Some(t) => parse_date(&t, "today").or_throw(env)?,
        None => return Err(js::type_error(env, "today", "a date YYYY-MM-DD")),
    };
    let mode = mode_of(env, &options)?;
    let parity;
    let tax_instance;
    let tax = match options.get(env, "tax")? {
        Some(t) => {
            tax_instance = js::instance::<TaxTable>(env, t, "tax", "a TaxTable")?;
            &tax_instance.inner
        }
        None => {
            parity = portfolio::TaxTable::parity().or_throw(env)?;
            &parity
        }
    };
    if js::type_of(env, &request, "request")? == ValueType::String {
        let text = js::text(env, request, "request")?;
        return portfolio::analyze_portfolio_json(&text, &funds.inner, tax, today, mode)
            .or_throw(env);
    }
    let value = js::json_arg(env, request, "request", portfolio::MAX_REQUEST_JSON)?;
    portfolio::analyze_portfolio_value(&value, &funds.inner, tax, today, mode).or_throw(env)
}

/// portfolio-analyzer-v1 for today's request body (an object or JSON text) against
/// `funds` on `options.today` (`YYYY-MM-DD`), with `options.tax` (default: the parity
/// table), read in `options.mode` (default strict). Decimals are decimal strings.
#[napi(
    ts_args_type = "request: object | string, funds: FundTable, options: { today: string, tax?: TaxTable, mode?: ValidationMode }",
    ts_return_type = "PortfolioAnalysis"
)]
pub fn analyze_portfolio<'env>(
    env: &'env Env,
    request: Unknown<'_>,
    funds: Unknown<'_>,
    options: Unknown<'_>,
) -> Result<Unknown<'env>> {
    let a = analyse(env, request, funds, options)?;
    js::to_js(env, &a)
}

/// `analyzePortfolio` answered as today's JSON body: every decimal an exact JSON number
/// (parse it with a decimal-aware reader, not `JSON.parse`, to keep the digits).
#[napi(
    ts_args_type = "request: object | string, funds: FundTable, options: { today: string, tax?: TaxTable, mode?: ValidationMode }"
)]
pub fn analyze_portfolio_json(
    env: Env,
    request: Unknown<'_>,
    funds: Unknown<'_>,
    options: Unknown<'_>,
) -> Result<String> {
    Ok(analyse(&env, request, funds, options)?.to_json())
}

/// The separate check of domain.md §8.2: `target` (an object of class fractions, read
/// strictly) adds up to exactly 1. Returns the six fractions.
#[napi(
    ts_args_type = "target: Partial<Record<AssetClass, DecimalInput>>",
    ts_return_type = "Fractions"
)]
pub fn check_target_allocation<'env>(env: &'env Env, target: Unknown<'_>) -> Result<Unknown<'env>> {
    let value = js::json_arg(
        env,
        target,
        "target_allocation",
        portfolio::MAX_REQUEST_JSON,
    )?;
    let t = portfolio::check_target_allocation(&value).or_throw(env)?;
    js::to_js(env, &portfolio::ClassFractions(t.0))
}
