//! Strategies: the ML service's six-class fractions and the database's labelled
//! components with risk constraints, both as data.

use std::sync::LazyLock;

use serde::ser::SerializeStruct;
use serde::Serialize;
use serde_json::{Map, Value};

use super::error::shown;
use super::{Allocation, AllocationError, AssetClass};
use crate::exact::{json_decimal, to_scaled};
use crate::money::{Decimal, Percent};
use crate::persona::PersonaId;
use crate::risk::{check_allocation, ConstraintReport, ConstraintType, RiskConstraint};

/// Largest strategy document accepted, in bytes.
pub const MAX_STRATEGY_JSON: usize = 64 * 1024;
/// Most components or constraints one strategy may have.
pub const MAX_STRATEGY_PARTS: usize = 64;
/// Longest strategy name or component label, in characters.
pub const MAX_LABEL_CHARS: usize = 100;

/// One labelled part of a strategy (`"Debt Funds"`, 55.00 %, debt).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    /// The label as shown to investors.
    pub label: String,
    /// The asset class the part counts as (for constraints and blends).
    pub asset_class: AssetClass,
    /// Its share of the portfolio.
    pub percent: Percent,
}

/// An allocation strategy: labelled components and the risk constraints it promises to
/// keep. Loading does not require the components to sum to 100 % — stored data can be
/// wrong, and [`check_strategy`] says where; use
/// [`Strategy::allocation`] for the validated allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strategy {
    name: String,
    persona: Option<PersonaId>,
    components: Vec<Component>,
    constraints: Vec<RiskConstraint>,
}

impl Strategy {
    /// Builds a strategy. Refuses an empty or over-long name, no components or more than
    /// 64, empty, over-long or repeated labels, more than 64 constraints and a constraint
    /// type given twice.
    pub fn new(
        name: &str,
        persona: Option<PersonaId>,
        components: Vec<Component>,
        constraints: Vec<RiskConstraint>,
    ) -> Result<Strategy, AllocationError> {
        check_label(name, || "strategy.name".to_owned())?;
        if components.is_empty() {
            return Err(AllocationError::Empty {
                field: "strategy.components",
            });
        }
        if components.len() > MAX_STRATEGY_PARTS {
            return Err(AllocationError::TooMany {
                field: "strategy.components",
                max: MAX_STRATEGY_PARTS,
            });
        }
        if constraints.len() > MAX_STRATEGY_PARTS {
            return Err(AllocationError::TooMany {
                field: "strategy.constraints",
                max: MAX_STRATEGY_PARTS,
            });
        }
        for (i, c) in components.iter().enumerate() {
            check_label(&c.label, || format!("strategy.components[{i}].label"))?;
            if components.iter().take(i).any(|o| o.label == c.label) {
                return Err(AllocationError::Duplicate {
                    field: "strategy.components",
                    name: shown(&c.label),
                });
            }
        }
        for (i, c) in constraints.iter().enumerate() {
            if constraints.iter().take(i).any(|o| o.kind() == c.kind()) {
                return Err(AllocationError::Duplicate {
                    field: "strategy.constraints",
                    name: c.kind().as_str().to_owned(),
                });
            }
        }
        Ok(Strategy {
            name: name.to_owned(),
            persona,
            components,
            constraints,
        })
    }

    /// The strategy's name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The persona it is meant for, if known.
    pub fn persona(&self) -> Option<PersonaId> {
        self.persona
    }
    /// Its components, in their stored order.
    pub fn components(&self) -> &[Component] {
        &self.components
    }
    /// The risk constraints it promises to keep.
    pub fn constraints(&self) -> &[RiskConstraint] {
        &self.constraints
    }

    /// The components' percents summed per asset class, validated to total exactly
    /// 100.00 % (the error names the actual sum).
    pub fn allocation(&self) -> Result<Allocation, AllocationError> {
        let mut per_class = [0i64; 7];
        for c in &self.components {
            if let Some(slot) = per_class.get_mut(c.asset_class as usize) {
                *slot = slot.saturating_add(c.percent.minor());
            }
        }
        let total: i64 = per_class.iter().sum();
        if total != Percent::HUNDRED.minor() {
            return Err(AllocationError::Sum {
                field: "strategy.components",
                actual: super::hundredths_text(total),
            });
        }
        Allocation::new(
            AssetClass::ALL
                .into_iter()
                .zip(per_class)
                .filter(|(c, v)| *v != 0 || self.components.iter().any(|x| x.asset_class == *c))
                .map(|(c, v)| (c, Percent::from_hundredths_const(v))),
        )
    }

    /// Reads a strategy in the ML service's form:
    /// `{"name"?, "persona"?, "allocation": {"equity": 0.15, …}, "constraints"?: […]}`,
    /// fractions with at most 4 decimals (0.15 is 15.00 %). Unknown keys are refused.
    pub fn from_ml_json(text: &str) -> Result<Strategy, AllocationError> {
        let map = document(text)?;
        only_keys(
            &map,
            &["name", "persona", "allocation", "constraints"],
            "strategy",
        )?;
        let persona = persona_field(&map)?;
        let name = match map.get("name") {
            None | Some(Value::Null) => persona
                .map(|p| p.name().to_owned())
                .unwrap_or_else(|| "ML strategy".to_owned()),
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err(format_error("name must be a string")),
        };
        let Some(Value::Object(alloc)) = map.get("allocation") else {
            return Err(format_error(
                "allocation must be an object of fractions per asset class",
            ));
        };
        let mut components = Vec::with_capacity(alloc.len());
        for (key, value) in alloc {
            let class =
                AssetClass::from_name(key).ok_or_else(|| AllocationError::UnknownClass {
                    field: "strategy.allocation",
                    name: shown(key),
                })?;
            let field = || format!("strategy.allocation.{}", class.as_str());
            let fraction = json_decimal(value)
                .filter(|_| !value.is_string())
                .ok_or_else(|| AllocationError::Invalid {
                    field: field(),
                    rule: "must be a number (a fraction from 0 to 1)",
                })?;
            let hundredths = to_scaled(fraction, 4)
                .filter(|v| (0..=10_000).contains(v))
                .ok_or_else(|| AllocationError::Invalid {
                    field: field(),
                    rule: "must be a fraction from 0 to 1 with at most 4 decimals",
                })?;
            components.push(Component {
                label: class.as_str().to_owned(),
                asset_class: class,
                percent: Percent::from_hundredths_const(i64::try_from(hundredths).unwrap_or(0)),
            });
        }
        let constraints = constraints_field(&map)?;
        Strategy::new(&name, persona, components, constraints)
    }

    /// Reads a strategy in the database's form (allocation_strategies with its
    /// allocation_components and risk_constraints rows):
    /// `{"name", "persona"?, "components": [{"label", "allocationPercent", "assetClass"?}],
    /// "constraints": [{"constraintType", "constraintValue"}]}`.
    ///
    /// A component without `assetClass` is classified by its label, which must then be
    /// one of the database's labels: "Equity Funds" and "Mid/Small Cap" (equity), "Debt
    /// Funds", "Hybrid Funds", "Alternatives", "Gold Funds", "International Funds",
    /// "Liquid Funds" (case-insensitive). The other stored columns (`id`, `strategyId`,
    /// `note`, `fundCategoryFilter`, `riskLevel`, `displayOrder`, `createdAt`,
    /// `description`) are accepted and not used; any other key is refused.
    pub fn from_db_json(text: &str) -> Result<Strategy, AllocationError> {
        let map = document(text)?;
        only_keys(
            &map,
            &[
                "id",
                "name",
                "persona",
                "version",
                "description",
                "createdAt",
                "components",
                "constraints",
            ],
            "strategy",
        )?;
        let persona = persona_field(&map)?;
        let Some(Value::String(name)) = map.get("name") else {
            return Err(format_error("name must be a string"));
        };
        let Some(Value::Array(rows)) = map.get("components") else {
            return Err(format_error("components must be a list"));
        };
        if rows.len() > MAX_STRATEGY_PARTS {
            return Err(AllocationError::TooMany {
                field: "strategy.components",
                max: MAX_STRATEGY_PARTS,
            });
        }
        let mut components = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let Value::Object(row) = row else {
                return Err(format_error("each component must be an object"));
            };
            only_keys(
                row,
                &[
                    "id",
                    "strategyId",
                    "label",
                    "allocationPercent",
                    "assetClass",
                    "note",
                    "fundCategoryFilter",
                    "riskLevel",
                    "displayOrder",
                    "createdAt",
                ],
                "strategy.components",
            )?;
            let Some(Value::String(label)) = row.get("label") else {
                return Err(AllocationError::Invalid {
                    field: format!("strategy.components[{i}].label"),
                    rule: "must be a string",
                });
            };
            let asset_class = match row.get("assetClass") {
                None | Some(Value::Null) => {
                    class_of_label(label).ok_or_else(|| AllocationError::Invalid {
                        field: format!("strategy.components[{i}].assetClass"),
                        rule: "the label is not one the database uses; give assetClass",
                    })?
                }
                Some(Value::String(s)) => {
                    AssetClass::from_name(s).ok_or_else(|| AllocationError::UnknownClass {
                        field: "strategy.components",
                        name: shown(s),
                    })?
                }
                Some(_) => {
                    return Err(AllocationError::Invalid {
                        field: format!("strategy.components[{i}].assetClass"),
                        rule: "must be a string",
                    })
                }
            };
            let percent = row
                .get("allocationPercent")
                .and_then(json_decimal)
                .and_then(|d| Percent::try_from_decimal(d).ok())
                .ok_or_else(|| AllocationError::Invalid {
                    field: format!("strategy.components[{i}].allocationPercent"),
                    rule: "must be a percent from 0 to 100 with at most 2 decimals",
                })?;
            components.push(Component {
                label: label.clone(),
                asset_class,
                percent,
            });
        }
        let constraints = constraints_field(&map)?;
        Strategy::new(name, persona, components, constraints)
    }
}

impl Serialize for Strategy {
    /// Writes the database form that [`Strategy::from_db_json`] reads back.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Row<'a> {
            label: &'a str,
            asset_class: AssetClass,
            allocation_percent: Percent,
        }
        let mut st = s.serialize_struct("Strategy", 4)?;
        st.serialize_field("name", &self.name)?;
        st.serialize_field("persona", &self.persona.map(PersonaId::slug))?;
        let rows: Vec<Row<'_>> = self
            .components
            .iter()
            .map(|c| Row {
                label: &c.label,
                asset_class: c.asset_class,
                allocation_percent: c.percent,
            })
            .collect();
        st.serialize_field("components", &rows)?;
        st.serialize_field("constraints", &self.constraints)?;
        st.end()
    }
}

fn class_of_label(label: &str) -> Option<AssetClass> {
    const LABELS: [(&str, AssetClass); 8] = [
        ("equity funds", AssetClass::Equity),
        ("mid/small cap", AssetClass::Equity),
        ("debt funds", AssetClass::Debt),
        ("hybrid funds", AssetClass::Hybrid),
        ("alternatives", AssetClass::Alternatives),
        ("gold funds", AssetClass::Gold),
        ("international funds", AssetClass::International),
        ("liquid funds", AssetClass::Liquid),
    ];
    let lower = label.trim().to_lowercase();
    LABELS.iter().find(|(l, _)| *l == lower).map(|(_, c)| *c)
}

fn check_label(label: &str, field: impl FnOnce() -> String) -> Result<(), AllocationError> {
    if label.trim().is_empty() {
        return Err(AllocationError::Invalid {
            field: field(),
            rule: "must not be empty",
        });
    }
    if label.chars().count() > MAX_LABEL_CHARS {
        return Err(AllocationError::Invalid {
            field: field(),
            rule: "must be at most 100 characters",
        });
    }
    Ok(())
}

fn format_error(rule: &str) -> AllocationError {
    AllocationError::StrategyFormat {
        rule: rule.to_owned(),
    }
}

fn document(text: &str) -> Result<Map<String, Value>, AllocationError> {
    if text.len() > MAX_STRATEGY_JSON {
        return Err(format_error("the document is larger than 65536 bytes"));
    }
    match crate::json::parse(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(format_error("the document must be a JSON object")),
        Err(e) => Err(AllocationError::StrategyFormat {
            rule: e.to_string(),
        }),
    }
}

fn only_keys(
    map: &Map<String, Value>,
    allowed: &[&str],
    what: &str,
) -> Result<(), AllocationError> {
    match map.keys().find(|k| !allowed.contains(&k.as_str())) {
        None => Ok(()),
        Some(k) => Err(AllocationError::StrategyFormat {
            rule: format!("{what}: {:?} is not a known key", shown(k)),
        }),
    }
}

fn persona_field(map: &Map<String, Value>) -> Result<Option<PersonaId>, AllocationError> {
    match map.get("persona") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            PersonaId::from_slug(s)
                .map(Some)
                .ok_or_else(|| AllocationError::UnknownPersona {
                    field: "strategy.persona",
                    name: shown(s),
                })
        }
        Some(_) => Err(format_error("persona must be a persona slug")),
    }
}

fn constraints_field(map: &Map<String, Value>) -> Result<Vec<RiskConstraint>, AllocationError> {
    let rows = match map.get("constraints") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(rows)) => rows,
        Some(_) => return Err(format_error("constraints must be a list")),
    };
    if rows.len() > MAX_STRATEGY_PARTS {
        return Err(AllocationError::TooMany {
            field: "strategy.constraints",
            max: MAX_STRATEGY_PARTS,
        });
    }
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            RiskConstraint::from_json_row(row)
                .map_err(|source| AllocationError::Constraint { index: i, source })
        })
        .collect()
}

/// The ML service's strategy percents per class (hundredths), domain.md §5.
pub(crate) const fn ml_percents(persona: PersonaId) -> [i64; 6] {
    match persona {
        PersonaId::CapitalGuardian => [1500, 5500, 1500, 500, 0, 1000],
        PersonaId::BalancedVoyager => [4000, 3000, 1500, 500, 500, 500],
        PersonaId::AcceleratedBuilder => [6500, 1000, 1000, 0, 1000, 500],
    }
}

/// The risk thresholds of domain.md §6 as constraints, in percent:
/// max_equity, max_single_fund, max_volatility, acceptable_risk_score, min_debt,
/// target_volatility.
pub(crate) const fn ml_thresholds(persona: PersonaId) -> [(ConstraintType, i64); 6] {
    let v = match persona {
        PersonaId::CapitalGuardian => [35, 25, 10, 30, 50, 8],
        PersonaId::BalancedVoyager => [65, 30, 18, 55, 25, 12],
        PersonaId::AcceleratedBuilder => [90, 35, 25, 75, 5, 18],
    };
    [
        (ConstraintType::MaxEquity, v[0]),
        (ConstraintType::MaxSingleFund, v[1]),
        (ConstraintType::MaxVolatility, v[2]),
        (ConstraintType::AcceptableRiskScore, v[3]),
        (ConstraintType::MinDebt, v[4]),
        (ConstraintType::TargetVolatility, v[5]),
    ]
}

static ML_STRATEGIES: LazyLock<[Strategy; 3]> = LazyLock::new(|| {
    PersonaId::ALL.map(|persona| Strategy {
        name: persona.name().to_owned(),
        persona: Some(persona),
        components: AssetClass::ML
            .into_iter()
            .zip(ml_percents(persona))
            .map(|(class, hundredths)| Component {
                label: class.as_str().to_owned(),
                asset_class: class,
                percent: Percent::from_hundredths_const(hundredths),
            })
            .collect(),
        constraints: ml_thresholds(persona)
            .into_iter()
            .map(|(kind, v)| RiskConstraint::from_known(kind, Decimal::from(v)))
            .collect(),
    })
});

/// The ML service's strategy for a persona slug (domain.md §5: six asset classes) with
/// the persona's risk thresholds of domain.md §6 as its constraints (in percent).
///
/// ```
/// use sparrow_core::allocation::{strategy_for, AssetClass};
/// let s = strategy_for("balanced-voyager").unwrap();
/// assert_eq!(s.allocation().unwrap().get(AssetClass::Equity).to_string(), "40.00");
/// assert_eq!(strategy_for("bold").unwrap_err().code(), "allocation_unknown_persona");
/// ```
pub fn strategy_for(persona_slug: &str) -> Result<Strategy, AllocationError> {
    let persona =
        PersonaId::from_slug(persona_slug).ok_or_else(|| AllocationError::UnknownPersona {
            field: "persona",
            name: shown(persona_slug),
        })?;
    Ok(ml_strategy(persona).clone())
}

/// The ML strategy of a persona, without a copy.
pub(crate) fn ml_strategy(persona: PersonaId) -> &'static Strategy {
    let [cg, bv, ab] = &*ML_STRATEGIES;
    match persona {
        PersonaId::CapitalGuardian => cg,
        PersonaId::BalancedVoyager => bv,
        PersonaId::AcceleratedBuilder => ab,
    }
}

/// A default database strategy: persona, name, components, constraints.
type DbDefault = (
    PersonaId,
    &'static str,
    [(&'static str, AssetClass, i64); 4],
    [(ConstraintType, i64); 2],
);

/// The backend database's three default strategies (domain.md §5): Capital Guardian v1,
/// Balanced Voyager v1 and Accelerated Builder v1, with their components and
/// constraints exactly as stored.
pub fn database_strategies() -> Vec<Strategy> {
    let defaults: [DbDefault; 3] = [
        (
            PersonaId::CapitalGuardian,
            "Capital Guardian v1",
            [
                ("Debt Funds", AssetClass::Debt, 55),
                ("Equity Funds", AssetClass::Equity, 30),
                ("Hybrid Funds", AssetClass::Hybrid, 12),
                ("Alternatives", AssetClass::Alternatives, 3),
            ],
            [
                (ConstraintType::MaxEquity, 35),
                (ConstraintType::MinDebt, 50),
            ],
        ),
        (
            PersonaId::BalancedVoyager,
            "Balanced Voyager v1",
            [
                ("Equity Funds", AssetClass::Equity, 55),
                ("Debt Funds", AssetClass::Debt, 30),
                ("Hybrid Funds", AssetClass::Hybrid, 12),
                ("Alternatives", AssetClass::Alternatives, 3),
            ],
            [
                (ConstraintType::MaxEquity, 60),
                (ConstraintType::MinDebt, 25),
            ],
        ),
        (
            PersonaId::AcceleratedBuilder,
            "Accelerated Builder v1",
            [
                ("Equity Funds", AssetClass::Equity, 70),
                ("Mid/Small Cap", AssetClass::Equity, 12),
                ("Debt Funds", AssetClass::Debt, 15),
                ("Alternatives", AssetClass::Alternatives, 3),
            ],
            [
                (ConstraintType::MaxEquity, 85),
                (ConstraintType::MinDebt, 10),
            ],
        ),
    ];
    defaults
        .into_iter()
        .map(|(persona, name, components, constraints)| Strategy {
            name: name.to_owned(),
            persona: Some(persona),
            components: components
                .into_iter()
                .map(|(label, asset_class, whole)| Component {
                    label: label.to_owned(),
                    asset_class,
                    percent: Percent::from_hundredths_const(whole * 100),
                })
                .collect(),
            constraints: constraints
                .into_iter()
                .map(|(kind, v)| RiskConstraint::from_known(kind, Decimal::from(v)))
                .collect(),
        })
        .collect()
}

/// Checks a strategy against its own constraints
/// ([`check_allocation`](crate::risk::check_allocation) over its components): the
/// components must sum to exactly 100 % (`allocation_sum`); max_equity, min_debt and
/// min_liquid are evaluated on the components' classes; fund-, category- and
/// volatility-level constraints and targets are listed in `not_evaluated`.
///
/// ```
/// use sparrow_core::allocation::{check_strategy, database_strategies};
/// for s in database_strategies() {
///     assert!(check_strategy(&s).passed(), "{}", s.name());
/// }
/// ```
pub fn check_strategy(strategy: &Strategy) -> ConstraintReport {
    let parts: Vec<(AssetClass, Percent)> = strategy
        .components()
        .iter()
        .map(|c| (c.asset_class, c.percent))
        .collect();
    check_allocation(&parts, strategy.constraints())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ml_strategies_sum_to_100() {
        for p in PersonaId::ALL {
            assert_eq!(ml_percents(p).iter().sum::<i64>(), 10_000, "{p:?}");
            let s = strategy_for(p.slug()).unwrap();
            assert!(s.allocation().is_ok());
            // Rebuilding through the validating constructor gives the same strategy.
            let again = Strategy::new(
                s.name(),
                s.persona(),
                s.components().to_vec(),
                s.constraints().to_vec(),
            )
            .unwrap();
            assert_eq!(again, s);
        }
        for s in database_strategies() {
            assert!(s.allocation().is_ok(), "{}", s.name());
        }
    }

    #[test]
    fn db_json_round_trip() {
        for s in database_strategies() {
            let text = serde_json::to_string(&s).unwrap();
            assert_eq!(Strategy::from_db_json(&text).unwrap(), s);
        }
        let raw = r#"{"name": "Capital Guardian v1", "components": [
            {"id": "c1", "label": "Debt Funds", "allocationPercent": 55.0, "displayOrder": 1},
            {"label": "Equity Funds", "allocationPercent": 30},
            {"label": "Hybrid Funds", "allocationPercent": "12"},
            {"label": "Alternatives", "allocationPercent": 3}],
            "constraints": [{"constraintType": "max_equity", "constraintValue": 35},
                            {"constraintType": "min_debt", "constraintValue": 50.0}]}"#;
        let s = Strategy::from_db_json(raw).unwrap();
        assert_eq!(s.components()[0].asset_class, AssetClass::Debt);
        assert_eq!(s.constraints().len(), 2);
    }

    #[test]
    fn ml_json() {
        let s = Strategy::from_ml_json(
            r#"{"persona": "capital-guardian", "allocation": {"equity": 0.15, "debt": 0.55, "hybrid": 0.15, "gold": 0.05, "international": 0.0, "liquid": 0.10}}"#,
        )
        .unwrap();
        assert_eq!(
            s.allocation().unwrap(),
            strategy_for("capital-guardian")
                .unwrap()
                .allocation()
                .unwrap()
        );
        let e = Strategy::from_ml_json(r#"{"allocation": {"equity": 0.15001}}"#).unwrap_err();
        assert_eq!(e.code(), "allocation_invalid");
        assert!(
            e.to_string().starts_with("strategy.allocation.equity:"),
            "{e}"
        );
        let e = Strategy::from_ml_json(r#"{"allocation": {"equity": 0.5, "debt": 0.4}}"#).unwrap();
        assert_eq!(
            e.allocation().unwrap_err().to_string(),
            "strategy.components: percents must sum to exactly 100.00, they sum to 90.00"
        );
    }

    #[test]
    fn refusals() {
        let code = |t: &str| Strategy::from_db_json(t).unwrap_err().code();
        assert_eq!(code("[1]"), "strategy_format");
        assert_eq!(code("{"), "strategy_format");
        assert_eq!(
            code(r#"{"name": "x", "components": [], "extra": 1}"#),
            "strategy_format"
        );
        assert_eq!(
            code(r#"{"name": "x", "components": []}"#),
            "allocation_empty"
        );
        assert_eq!(
            code(r#"{"name": "x", "components": [{"label": "Cash", "allocationPercent": 100}]}"#),
            "allocation_invalid"
        );
        assert_eq!(
            code(
                r#"{"name": "x", "components": [{"label": "Cash", "assetClass": "cash", "allocationPercent": 100}]}"#
            ),
            "allocation_unknown_class"
        );
        assert_eq!(
            code(
                r#"{"name": "x", "components": [{"label": "Debt Funds", "allocationPercent": 100.001}]}"#
            ),
            "allocation_invalid"
        );
        assert_eq!(
            code(r#"{"name": "x", "persona": "bold", "components": []}"#),
            "allocation_unknown_persona"
        );
        assert_eq!(
            code(
                r#"{"name": "x", "components": [{"label": "Debt Funds", "allocationPercent": 50}, {"label": "Debt Funds", "allocationPercent": 50}]}"#
            ),
            "allocation_duplicate"
        );
        let e = Strategy::from_db_json(
            r#"{"name": "x", "components": [{"label": "Debt Funds", "allocationPercent": 100}], "constraints": [{"constraintType": "max_cash", "constraintValue": 1}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.code(), "constraint_unknown_type");
        assert!(e.to_string().contains("max_cash"), "{e}");
        assert_eq!(code(&" ".repeat(MAX_STRATEGY_JSON + 1)), "strategy_format");
    }

    #[test]
    fn strategies_check_themselves() {
        for s in database_strategies() {
            let r = check_strategy(&s);
            assert!(r.passed(), "{}: {:?}", s.name(), r.violations);
        }
        for p in crate::persona::PersonaId::ALL {
            let r = check_strategy(&strategy_for(p.slug()).unwrap());
            assert!(r.passed(), "{p:?}");
            assert_eq!(r.not_evaluated.len(), 4);
        }
        let bad = Strategy::new(
            "bad",
            None,
            vec![
                Component {
                    label: "Equity Funds".into(),
                    asset_class: AssetClass::Equity,
                    percent: Percent::from_hundredths_const(7000),
                },
                Component {
                    label: "Debt Funds".into(),
                    asset_class: AssetClass::Debt,
                    percent: Percent::from_hundredths_const(2999),
                },
            ],
            vec![
                RiskConstraint::new("max_equity", Decimal::from(60)).unwrap(),
                RiskConstraint::new("min_debt", Decimal::from(30)).unwrap(),
            ],
        )
        .unwrap();
        let r = check_strategy(&bad);
        let msgs: Vec<&str> = r.violations.iter().map(|v| v.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "allocation_sum: the components sum to 99.99%, not 100%",
                "max_equity: equity is 70.0000% of the portfolio, 10.0000 points above the limit of 60%",
                "min_debt: debt is 29.9900% of the portfolio, 0.0100 points below the minimum of 30%",
            ]
        );
    }
}
