//! Fund data for portfolio analysis (domain.md §8.3): the table the caller loads.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::error::{fund_table, PortfolioError};
use crate::exact::{json_decimal, to_scaled};
use crate::money::Nav;

/// The largest fund table JSON [`FundTable::from_json`] reads (16 MiB).
pub const MAX_FUND_TABLE_JSON: usize = 16 * 1024 * 1024;
/// The most funds one table may hold.
pub const MAX_FUNDS: usize = 100_000;
/// The most characters of a fund's name, house, category or asset class.
pub const MAX_FUND_TEXT_CHARS: usize = 300;
/// The decimals a fund metric (returns, volatility, sharpe, expense) may carry.
pub const METRIC_DECIMALS: u32 = 4;
/// The largest magnitude of a fund metric.
pub const MAX_METRIC: i64 = 1_000_000;

const FALLBACK_JSON: &str = include_str!("../../data/fallback_funds.json");

/// The six asset classes, in the order of every allocation map.
pub const ASSET_CLASSES: [&str; 6] = [
    "equity",
    "debt",
    "hybrid",
    "gold",
    "international",
    "liquid",
];

/// One fund as today's service holds it: absent keys take §8.3's defaults, a key that is
/// present but null stays `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundData {
    /// AMFI scheme code (> 0).
    pub scheme_code: i64,
    /// Scheme name (default `""`).
    pub scheme_name: String,
    /// Fund house (default `"Unknown"`).
    pub fund_house: String,
    /// Category (default `"Other"`).
    pub category: String,
    /// NAV (default 0; `None` when the backend sent null).
    pub nav: Option<Decimal>,
    /// The asset class as sent (default `"equity"`; `None` for null).
    pub asset_class: Option<String>,
    /// 1-year return, percent.
    pub return_1y: Option<Decimal>,
    /// 3-year return, percent.
    pub return_3y: Option<Decimal>,
    /// 5-year return, percent.
    pub return_5y: Option<Decimal>,
    /// Volatility, percent.
    pub volatility: Option<Decimal>,
    /// Sharpe ratio.
    pub sharpe_ratio: Option<Decimal>,
    /// Expense ratio, percent.
    pub expense_ratio: Option<Decimal>,
}

impl FundData {
    /// The effective asset class as given (§8.3): `asset_class` when non-empty, else the
    /// category's class from the map, else `"equity"`.
    pub fn effective_class(&self) -> &str {
        match self.asset_class.as_deref() {
            Some(c) if !c.is_empty() => c,
            _ => category_class(&self.category).unwrap_or("equity"),
        }
    }

    /// The NAV when it is positive (units can be computed), as a [`Nav`].
    pub(crate) fn positive_nav(&self) -> Option<Nav> {
        self.nav
            .filter(|n| n.is_sign_positive() && !n.is_zero())
            .and_then(|n| Nav::try_from_decimal(n).ok())
    }
}

/// The class of an exact, case-sensitive category name (§8.3's map).
pub fn category_class(category: &str) -> Option<&'static str> {
    const MAP: [(&str, &[&str]); 6] = [
        (
            "equity",
            &[
                "Large Cap",
                "Mid Cap",
                "Small Cap",
                "Flexi Cap",
                "Large & Mid Cap",
                "Multi Cap",
                "Focused",
                "ELSS",
                "Sectoral",
                "Thematic",
                "Index",
                "Contra",
                "Value",
                "Dividend Yield",
                "Equity",
                "Other",
            ],
        ),
        ("liquid", &["Liquid", "Overnight"]),
        (
            "debt",
            &[
                "Ultra Short Duration",
                "Low Duration",
                "Short Duration",
                "Medium Duration",
                "Medium to Long Duration",
                "Long Duration",
                "Dynamic Bond",
                "Corporate Bond",
                "Credit Risk",
                "Banking & PSU",
                "Gilt",
                "10 Yr Gilt",
                "Floater",
                "Income",
            ],
        ),
        (
            "hybrid",
            &[
                "Balanced Advantage",
                "Aggressive Hybrid",
                "Conservative Hybrid",
                "Dynamic Asset Allocation",
                "Multi Asset Allocation",
                "Multi Asset",
                "Equity Savings",
                "Arbitrage",
            ],
        ),
        ("gold", &["Gold", "Gold ETF", "Silver"]),
        ("international", &["FOF - International", "International"]),
    ];
    MAP.iter()
        .find(|(_, names)| names.contains(&category))
        .map(|(class, _)| *class)
}

/// The funds a portfolio is analysed against, in lookup order (the order ADD_NEW
/// candidates are ranked in when scores tie).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FundTable {
    funds: Vec<FundData>,
    index: HashMap<i64, usize>,
}

impl FundTable {
    /// Reads the backend's answer to `GET /api/v1/funds/live/ml/funds`
    /// (`{"funds": [...]}`, or the list alone) as today's service loads it (§8.3):
    /// records with a missing or non-positive `scheme_code` are dropped, a later
    /// duplicate replaces the earlier record's data in the earlier place, absent keys
    /// take their defaults. Keys the service does not read are ignored.
    ///
    /// Refused (`portfolio_fund_table`, naming the record and key), where today's
    /// service would load the record and fail later: a `scheme_code` that is not a whole
    /// number; a text field that is not a string (or null) or is longer than
    /// [`MAX_FUND_TEXT_CHARS`]; a `nav` that is negative or has more than 4 decimals; a
    /// metric that is not a number, has more than [`METRIC_DECIMALS`] decimals or is beyond
    /// ±[`MAX_METRIC`]; more than [`MAX_FUNDS`] records.
    pub fn from_json(text: &str) -> Result<FundTable, PortfolioError> {
        if text.len() > MAX_FUND_TABLE_JSON {
            return Err(fund_table("funds", "the document is larger than 16 MiB"));
        }
        let value = crate::json::parse(text).map_err(|e| fund_table("funds", e.to_string()))?;
        FundTable::from_value(&value)
    }

    /// [`FundTable::from_json`] for an already parsed document.
    pub fn from_value(value: &Value) -> Result<FundTable, PortfolioError> {
        let records = match value {
            Value::Array(rows) => rows,
            Value::Object(map) => match map.get("funds") {
                Some(Value::Array(rows)) => rows,
                _ => return Err(fund_table("funds", "must be a list of fund records")),
            },
            _ => {
                return Err(fund_table(
                    "funds",
                    "the document must be {\"funds\": [...]} or a list of fund records",
                ))
            }
        };
        if records.len() > MAX_FUNDS {
            return Err(fund_table(
                "funds",
                format!("must have at most {MAX_FUNDS} records"),
            ));
        }
        let mut table = FundTable::default();
        for (i, record) in records.iter().enumerate() {
            let Value::Object(map) = record else {
                return Err(fund_table(format!("funds[{i}]"), "must be an object"));
            };
            if let Some(fund) = fund_record(map, i)? {
                table.insert(fund);
            }
        }
        Ok(table)
    }

    /// The five built-in funds today's service loads when the backend cannot be reached
    /// and its cache is empty (§8.3).
    pub fn fallback() -> Result<FundTable, PortfolioError> {
        FundTable::from_json(FALLBACK_JSON)
    }

    /// Builds a table from records in lookup order (a later duplicate code replaces the
    /// earlier record's data in its place, as the loader does).
    pub fn from_funds(funds: impl IntoIterator<Item = FundData>) -> FundTable {
        let mut table = FundTable::default();
        for fund in funds {
            table.insert(fund);
        }
        table
    }

    fn insert(&mut self, fund: FundData) {
        match self.index.get(&fund.scheme_code) {
            Some(&at) => {
                if let Some(slot) = self.funds.get_mut(at) {
                    *slot = fund;
                }
            }
            None => {
                self.index.insert(fund.scheme_code, self.funds.len());
                self.funds.push(fund);
            }
        }
    }

    /// The fund with this scheme code.
    pub fn get(&self, scheme_code: i64) -> Option<&FundData> {
        self.index
            .get(&scheme_code)
            .and_then(|&i| self.funds.get(i))
    }

    /// Every fund, in lookup order.
    pub fn funds(&self) -> &[FundData] {
        &self.funds
    }

    /// The number of funds.
    pub fn len(&self) -> usize {
        self.funds.len()
    }

    /// Whether the table has no funds.
    pub fn is_empty(&self) -> bool {
        self.funds.is_empty()
    }
}

fn fund_record(map: &Map<String, Value>, i: usize) -> Result<Option<FundData>, PortfolioError> {
    let field = |key: &str| format!("funds[{i}].{key}");
    let scheme_code = match map.get("scheme_code") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .ok_or_else(|| fund_table(field("scheme_code"), "must be a whole number"))?,
        Some(_) => return Err(fund_table(field("scheme_code"), "must be a whole number")),
    };
    if scheme_code <= 0 {
        return Ok(None);
    }
    let text = |key: &str, default: &str| -> Result<Option<String>, PortfolioError> {
        match map.get(key) {
            None => Ok(Some(default.to_owned())),
            Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.chars().count() <= MAX_FUND_TEXT_CHARS => {
                Ok(Some(s.clone()))
            }
            Some(_) => Err(fund_table(
                field(key),
                format!("must be a string of at most {MAX_FUND_TEXT_CHARS} characters, or null"),
            )),
        }
    };
    let metric = |key: &str| -> Result<Option<Decimal>, PortfolioError> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v @ Value::Number(_)) => json_decimal(v)
                .filter(|d| {
                    to_scaled(*d, METRIC_DECIMALS)
                        .is_some_and(|s| s.unsigned_abs() <= (MAX_METRIC as u128) * 10_000)
                })
                .map(Some)
                .ok_or_else(|| {
                    fund_table(
                        field(key),
                        format!(
                            "must be a number from -{MAX_METRIC} to {MAX_METRIC} with at most {METRIC_DECIMALS} decimals"
                        ),
                    )
                }),
            Some(_) => Err(fund_table(field(key), "must be a number or null")),
        }
    };
    let nav = match map.get("nav") {
        None => Some(Decimal::ZERO),
        Some(Value::Null) => None,
        Some(v @ Value::Number(_)) => Some(
            json_decimal(v)
                .filter(|d| !d.is_sign_negative() || d.is_zero())
                .filter(|d| Nav::try_from_decimal(*d).is_ok() || d.is_zero())
                .ok_or_else(|| {
                    fund_table(
                        field("nav"),
                        "must be 0 or a NAV from 0.0001 with at most 4 decimals",
                    )
                })?,
        ),
        Some(_) => return Err(fund_table(field("nav"), "must be a number or null")),
    };
    Ok(Some(FundData {
        scheme_code,
        // A null name, house or category is kept as today's service keeps it only for
        // display; the rules read the text, so null reads as the default.
        scheme_name: text("scheme_name", "")?.unwrap_or_default(),
        fund_house: text("fund_house", "Unknown")?.unwrap_or_else(|| "Unknown".to_owned()),
        category: text("category", "Other")?.unwrap_or_else(|| "Other".to_owned()),
        nav,
        asset_class: text("asset_class", "equity")?,
        return_1y: metric("return_1y")?,
        return_3y: metric("return_3y")?,
        return_5y: metric("return_5y")?,
        volatility: metric("volatility")?,
        sharpe_ratio: metric("sharpe_ratio")?,
        expense_ratio: metric("expense_ratio")?,
    }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn defaults_duplicates_and_drops() {
        let t = FundTable::from_json(
            r#"{"funds":[{"scheme_code":5,"category":"Gold ETF"},{"scheme_code":0},{"scheme_name":"x"},
            {"scheme_code":7,"asset_class":null,"category":"Gilt","nav":null},
            {"scheme_code":5,"scheme_name":"later","asset_class":"","category":"Gold ETF","nav":12.5}]}"#,
        )
        .unwrap();
        assert_eq!(t.len(), 2);
        let five = &t.funds()[0];
        assert_eq!(five.scheme_name, "later");
        assert_eq!(five.effective_class(), "gold");
        let seven = t.get(7).unwrap();
        assert_eq!(seven.effective_class(), "debt");
        assert_eq!(seven.nav, None);
        let absent = FundTable::from_json(r#"[{"scheme_code":1,"category":"Gold ETF"}]"#).unwrap();
        assert_eq!(absent.funds()[0].effective_class(), "equity");
        assert_eq!(absent.funds()[0].nav, Some(Decimal::ZERO));
    }

    #[test]
    fn refusals_name_the_record() {
        let e =
            FundTable::from_json(r#"[{"scheme_code":1},{"scheme_code":2,"nav":-1}]"#).unwrap_err();
        assert_eq!(e.field(), "funds[1].nav");
        let e = FundTable::from_json(r#"[{"scheme_code":1.5}]"#).unwrap_err();
        assert_eq!(e.code(), "portfolio_fund_table");
        let e = FundTable::from_json(r#"[{"scheme_code":3,"sharpe_ratio":"1"}]"#).unwrap_err();
        assert_eq!(e.field(), "funds[0].sharpe_ratio");
        assert!(FundTable::from_json("{").is_err());
    }

    #[test]
    fn fallback_has_the_five() {
        let t = FundTable::fallback().unwrap();
        let codes: Vec<i64> = t.funds().iter().map(|f| f.scheme_code).collect();
        assert_eq!(codes, [119598, 120503, 120586, 118531, 120505]);
        assert!(t.funds().iter().all(|f| f.effective_class() == "equity"));
    }
}
