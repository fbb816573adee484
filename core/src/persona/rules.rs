//! rules-v2-blended: the scoring table as data, and classification by it.

use std::sync::{Arc, LazyLock};

use serde::ser::{SerializeMap, SerializeStruct};
use serde::Serialize;
use serde_json::{Map, Value};

use super::{PersonaError, PersonaId};
use crate::allocation::{ml_percents, Fractions};
use crate::exact::{decimal, div_half_even, div_half_even_i64, json_decimal, to_scaled};
use crate::money::Decimal;
use crate::profile::{self, Knowledge, Liquidity, Profile, RiskTolerance, Volatility};

/// The model version of today's rules.
pub const RULES_MODEL_VERSION: &str = "rules-v2-blended";
/// Largest scoring-table document accepted, in bytes.
pub const MAX_RULES_JSON: usize = 64 * 1024;
/// Most rules a table may have.
pub const MAX_RULES: usize = 256;
/// Points and the floor are held in 10⁻⁴.
const POINT_SCALE: u32 = 4;
/// Points and the floor must not exceed this (1000 points).
const MAX_POINTS: i64 = 1_000 * 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attribute {
    Age,
    HorizonYears,
    RiskTolerance,
    Volatility,
    Liquidity,
    Knowledge,
}

impl Attribute {
    const ALL: [Attribute; 6] = [
        Attribute::Age,
        Attribute::HorizonYears,
        Attribute::RiskTolerance,
        Attribute::Volatility,
        Attribute::Liquidity,
        Attribute::Knowledge,
    ];

    const fn name(self) -> &'static str {
        match self {
            Attribute::Age => "age",
            Attribute::HorizonYears => "horizon_years",
            Attribute::RiskTolerance => "risk_tolerance",
            Attribute::Volatility => "volatility",
            Attribute::Liquidity => "liquidity",
            Attribute::Knowledge => "knowledge",
        }
    }

    /// The allowed spellings of a categorical attribute (empty for numbers).
    fn spellings(self) -> Vec<&'static str> {
        match self {
            Attribute::Age | Attribute::HorizonYears => Vec::new(),
            Attribute::RiskTolerance => RiskTolerance::ALL.iter().map(|v| v.as_str()).collect(),
            Attribute::Volatility => Volatility::ALL.iter().map(|v| v.as_str()).collect(),
            Attribute::Liquidity => Liquidity::ALL.iter().map(|v| v.as_str()).collect(),
            Attribute::Knowledge => Knowledge::ALL.iter().map(|v| v.as_str()).collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Matcher {
    /// Inclusive bounds on a whole-number attribute.
    Range { min: Option<i64>, max: Option<i64> },
    /// The position of the spelling in the attribute's `ALL`.
    Is(usize),
}

/// One scoring rule: when the profile's attribute matches, each persona collects its
/// points. In JSON: `{"attribute": "age", "min": 40, "max": 54, "points":
/// {"capital-guardian": 1, "balanced-voyager": 3, "accelerated-builder": 1}}` or
/// `{"attribute": "liquidity", "is": "High", "points": {…}}`. Bounds are inclusive and
/// either may be left out; points are decimals from 0 to 1000 with at most 4 decimals,
/// and a persona left out collects 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreRule {
    attribute: Attribute,
    matcher: Matcher,
    points: [i64; 3],
}

impl ScoreRule {
    #[inline]
    fn matches(&self, p: &Profile) -> bool {
        let index = |v: usize| match self.matcher {
            Matcher::Is(i) => i == v,
            Matcher::Range { .. } => false,
        };
        let number = |v: i64| match self.matcher {
            Matcher::Range { min, max } => min.is_none_or(|m| v >= m) && max.is_none_or(|m| v <= m),
            Matcher::Is(_) => false,
        };
        match self.attribute {
            Attribute::Age => number(i64::from(p.age())),
            Attribute::HorizonYears => number(i64::from(p.horizon_years())),
            Attribute::RiskTolerance => index(p.risk_tolerance() as usize),
            Attribute::Volatility => index(p.volatility() as usize),
            Attribute::Liquidity => index(p.liquidity() as usize),
            Attribute::Knowledge => index(p.knowledge() as usize),
        }
    }
}

impl Serialize for ScoreRule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("attribute", self.attribute.name())?;
        match self.matcher {
            Matcher::Range { min, max } => {
                if let Some(min) = min {
                    m.serialize_entry("min", &min)?;
                }
                if let Some(max) = max {
                    m.serialize_entry("max", &max)?;
                }
            }
            Matcher::Is(i) => {
                let spelled = self
                    .attribute
                    .spellings()
                    .get(i)
                    .copied()
                    .unwrap_or_default();
                m.serialize_entry("is", spelled)?;
            }
        }
        let points: Vec<(&str, String)> = PersonaId::ALL
            .iter()
            .zip(self.points)
            .map(|(p, v)| {
                (
                    p.slug(),
                    Decimal::new(v, POINT_SCALE).normalize().to_string(),
                )
            })
            .collect();
        m.serialize_entry("points", &PointsMap(points))?;
        m.end()
    }
}

struct PointsMap(Vec<(&'static str, String)>);

impl Serialize for PointsMap {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// A scoring table: rules evaluated in their order, a floor every score is raised to,
/// and the model version reported with each result. [`ScoringTable::default`] is
/// rules-v2-blended (domain.md §5); [`ScoringTable::from_json`] loads a revised table
/// so it can be tried without code, and [`ScoringTable::to_json`] writes one.
///
/// ```
/// use sparrow_core::persona::ScoringTable;
/// let table = ScoringTable::default();
/// let again = ScoringTable::from_json(&table.to_json()).unwrap();
/// assert_eq!(again, table);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoringTable {
    model_version: Arc<str>,
    floor: i64,
    rules: Vec<ScoreRule>,
}

static DEFAULT_TABLE: LazyLock<ScoringTable> = LazyLock::new(rules_v2_blended);

fn rule(attribute: Attribute, matcher: Matcher, points: [i64; 3]) -> ScoreRule {
    ScoreRule {
        attribute,
        matcher,
        points: points.map(|p| p * 10_000),
    }
}

/// domain.md §5, row by row.
fn rules_v2_blended() -> ScoringTable {
    use Attribute::*;
    let range = |min: Option<i64>, max: Option<i64>| Matcher::Range { min, max };
    let rules = vec![
        rule(Age, range(Some(55), None), [3, 1, 0]),
        rule(Age, range(Some(40), Some(54)), [1, 3, 1]),
        rule(Age, range(Some(30), Some(39)), [0, 2, 2]),
        rule(Age, range(None, Some(29)), [0, 1, 3]),
        rule(HorizonYears, range(None, Some(3)), [3, 0, 0]),
        rule(HorizonYears, range(Some(4), Some(5)), [2, 2, 0]),
        rule(HorizonYears, range(Some(6), Some(10)), [0, 3, 1]),
        rule(HorizonYears, range(Some(11), None), [0, 1, 3]),
        rule(
            RiskTolerance,
            Matcher::Is(profile::RiskTolerance::Conservative as usize),
            [4, 0, 0],
        ),
        rule(
            RiskTolerance,
            Matcher::Is(profile::RiskTolerance::Moderate as usize),
            [0, 4, 0],
        ),
        rule(
            RiskTolerance,
            Matcher::Is(profile::RiskTolerance::Aggressive as usize),
            [0, 0, 4],
        ),
        rule(
            Volatility,
            Matcher::Is(profile::Volatility::Low as usize),
            [2, 0, 0],
        ),
        rule(
            Volatility,
            Matcher::Is(profile::Volatility::Medium as usize),
            [0, 2, 0],
        ),
        rule(
            Volatility,
            Matcher::Is(profile::Volatility::High as usize),
            [0, 0, 2],
        ),
        rule(
            Liquidity,
            Matcher::Is(profile::Liquidity::High as usize),
            [2, 1, 0],
        ),
        rule(
            Liquidity,
            Matcher::Is(profile::Liquidity::Medium as usize),
            [0, 2, 0],
        ),
        rule(
            Liquidity,
            Matcher::Is(profile::Liquidity::Low as usize),
            [0, 0, 2],
        ),
        rule(
            Knowledge,
            Matcher::Is(profile::Knowledge::Beginner as usize),
            [1, 1, 0],
        ),
        rule(
            Knowledge,
            Matcher::Is(profile::Knowledge::Intermediate as usize),
            [0, 1, 1],
        ),
        rule(
            Knowledge,
            Matcher::Is(profile::Knowledge::Advanced as usize),
            [0, 0, 2],
        ),
    ];
    ScoringTable {
        model_version: Arc::from(RULES_MODEL_VERSION),
        floor: 1_000,
        rules,
    }
}

impl Default for ScoringTable {
    /// rules-v2-blended (domain.md §5).
    fn default() -> Self {
        DEFAULT_TABLE.clone()
    }
}

impl Serialize for ScoringTable {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ScoringTable", 3)?;
        st.serialize_field("model_version", &*self.model_version)?;
        st.serialize_field(
            "floor",
            &Decimal::new(self.floor, POINT_SCALE)
                .normalize()
                .to_string(),
        )?;
        st.serialize_field("rules", &self.rules)?;
        st.end()
    }
}

fn rules_error(rule: impl Into<String>) -> PersonaError {
    PersonaError::Rules { rule: rule.into() }
}

fn points_value(value: &Value, what: &str) -> Result<i64, PersonaError> {
    json_decimal(value)
        .and_then(|d| to_scaled(d, POINT_SCALE))
        .and_then(|v| i64::try_from(v).ok())
        .filter(|v| (0..=MAX_POINTS).contains(v))
        .ok_or_else(|| {
            rules_error(format!(
                "{what} must be a number from 0 to 1000 with at most 4 decimals"
            ))
        })
}

impl ScoringTable {
    /// The model version reported with each result.
    pub fn model_version(&self) -> &str {
        &self.model_version
    }

    /// The rules, in evaluation order.
    pub fn rules(&self) -> &[ScoreRule] {
        &self.rules
    }

    /// Writes the table as JSON (the format [`ScoringTable::from_json`] reads).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a table: `{"model_version": "…", "floor": 0.1, "rules": [ScoreRule, …]}`.
    /// Every key is checked; a bad document is `persona_rules` naming the rule and key.
    pub fn from_json(text: &str) -> Result<ScoringTable, PersonaError> {
        if text.len() > MAX_RULES_JSON {
            return Err(rules_error("the document is larger than 65536 bytes"));
        }
        let value: Value = crate::json::parse(text).map_err(|e| rules_error(e.to_string()))?;
        let Value::Object(map) = value else {
            return Err(rules_error("the document must be a JSON object"));
        };
        if let Some(k) = map
            .keys()
            .find(|k| !["model_version", "floor", "rules"].contains(&k.as_str()))
        {
            return Err(rules_error(format!("{:?} is not a known key", short(k))));
        }
        let model_version = match map.get("model_version") {
            Some(Value::String(s)) if !s.is_empty() && s.chars().count() <= 64 => s.clone(),
            _ => {
                return Err(rules_error(
                    "model_version must be a string of 1 to 64 characters",
                ))
            }
        };
        let floor = points_value(map.get("floor").unwrap_or(&Value::Null), "floor")?;
        if floor == 0 {
            return Err(rules_error(
                "floor must be greater than zero (it keeps every probability defined)",
            ));
        }
        let Some(Value::Array(rows)) = map.get("rules") else {
            return Err(rules_error("rules must be a list"));
        };
        if rows.len() > MAX_RULES {
            return Err(rules_error(format!(
                "at most {MAX_RULES} rules are accepted"
            )));
        }
        let rules = rows
            .iter()
            .enumerate()
            .map(|(i, row)| parse_rule(row).map_err(|e| rules_error(format!("rules[{i}]: {e}"))))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ScoringTable {
            model_version: Arc::from(model_version),
            floor,
            rules,
        })
    }

    /// Each persona's score in 10⁻⁴, raised to the floor.
    #[inline]
    fn scores(&self, p: &Profile) -> [i64; 3] {
        let mut s = [0i64; 3];
        for r in &self.rules {
            if r.matches(p) {
                for (a, b) in s.iter_mut().zip(r.points) {
                    *a += b;
                }
            }
        }
        s.map(|v| v.max(self.floor))
    }

    /// rules-v2-blended's `classify` with this table.
    pub fn classify(&self, profile: &Profile) -> Classification {
        let s = self.scores(profile);
        let total: i128 = s.iter().map(|v| i128::from(*v)).sum();
        let probabilities =
            s.map(|v| decimal(div_half_even(i128::from(v) * 1_000_000_000_000, total), 12));
        let primary = primary(&s);
        Classification {
            persona: primary,
            confidence: probabilities
                .get(primary.index())
                .copied()
                .unwrap_or_default(),
            probabilities,
            model_version: Arc::clone(&self.model_version),
        }
    }

    /// rules-v2-blended's blended classification with this table.
    pub fn classify_blended(&self, profile: &Profile) -> BlendedClassification {
        let s = self.scores(profile);
        let total: i64 = s.iter().sum();
        let primary = primary(&s);
        let confidence = decimal(
            div_half_even(
                i128::from(s.get(primary.index()).copied().unwrap_or(0)) * 1_000_000_000_000,
                i128::from(total),
            ),
            12,
        );
        // Weights to 4 decimals; the scores are below 10¹¹ so this stays in i64.
        let weights = s.map(|v| div_half_even_i64(v * 10_000, total));
        let order = order_by(&s);
        let distribution = order.map(|p| DistributionEntry {
            persona: p,
            weight: Decimal::new(weights.get(p.index()).copied().unwrap_or(0), 4),
            allocation: Fractions::from_ten_thousandths(ml_percents(p)),
        });
        let mut blended = [0i64; 6];
        for (c, slot) in blended.iter_mut().enumerate() {
            let num: i64 = PersonaId::ALL
                .iter()
                .zip(s)
                .map(|(p, w)| w * ml_percents(*p).get(c).copied().unwrap_or(0))
                .sum();
            *slot = div_half_even_i64(num, total);
        }
        BlendedClassification {
            primary,
            confidence,
            distribution,
            blended_allocation: Fractions::from_ten_thousandths(blended),
            model_version: Arc::clone(&self.model_version),
        }
    }

    /// [`ScoringTable::classify`] for many profiles, in order.
    pub fn classify_many(&self, profiles: &[Profile]) -> Vec<Classification> {
        profiles.iter().map(|p| self.classify(p)).collect()
    }

    /// [`ScoringTable::classify_blended`] for many profiles, in order.
    pub fn classify_blended_many(&self, profiles: &[Profile]) -> Vec<BlendedClassification> {
        profiles.iter().map(|p| self.classify_blended(p)).collect()
    }
}

fn short(k: &str) -> String {
    k.chars().take(64).collect()
}

fn parse_rule(row: &Value) -> Result<ScoreRule, String> {
    let Value::Object(map) = row else {
        return Err("must be an object".to_owned());
    };
    if let Some(k) = map
        .keys()
        .find(|k| !["attribute", "min", "max", "is", "points"].contains(&k.as_str()))
    {
        return Err(format!("{:?} is not a known key", short(k)));
    }
    let attribute = match map.get("attribute") {
        Some(Value::String(s)) => Attribute::ALL
            .into_iter()
            .find(|a| a.name() == s)
            .ok_or_else(|| format!("attribute {:?} is not one of age, horizon_years, risk_tolerance, volatility, liquidity, knowledge", short(s)))?,
        _ => return Err("attribute must be a string".to_owned()),
    };
    let spellings = attribute.spellings();
    let matcher = if spellings.is_empty() {
        if map.contains_key("is") {
            return Err(format!(
                "{} is a number: use min and max, not is",
                attribute.name()
            ));
        }
        let bound = |key: &str| -> Result<Option<i64>, String> {
            match map.get(key) {
                None => Ok(None),
                Some(Value::Number(n)) => n
                    .to_string()
                    .parse::<i64>()
                    .ok()
                    .filter(|v| (0..=1000).contains(v))
                    .map(Some)
                    .ok_or_else(|| format!("{key} must be a whole number from 0 to 1000")),
                Some(_) => Err(format!("{key} must be a whole number from 0 to 1000")),
            }
        };
        let (min, max) = (bound("min")?, bound("max")?);
        if min.is_none() && max.is_none() {
            return Err("a number rule needs min, max or both".to_owned());
        }
        if let (Some(a), Some(b)) = (min, max) {
            if a > b {
                return Err("min must not be above max".to_owned());
            }
        }
        Matcher::Range { min, max }
    } else {
        if map.contains_key("min") || map.contains_key("max") {
            return Err(format!(
                "{} is a choice: use is, not min or max",
                attribute.name()
            ));
        }
        match map.get("is") {
            Some(Value::String(s)) => Matcher::Is(
                spellings
                    .iter()
                    .position(|v| v == s)
                    .ok_or_else(|| format!("is must be one of {}", spellings.join(", ")))?,
            ),
            _ => return Err(format!("is must be one of {}", spellings.join(", "))),
        }
    };
    let Some(Value::Object(points_map)) = map.get("points") else {
        return Err("points must be an object of persona slug to points".to_owned());
    };
    let mut points = [0i64; 3];
    for (slug, v) in points_map {
        let persona = PersonaId::from_slug(slug)
            .ok_or_else(|| format!("{:?} is not a persona slug", short(slug)))?;
        let value = points_value(v, "points").map_err(|e| match e {
            PersonaError::Rules { rule } => rule,
            other => other.to_string(),
        })?;
        if let Some(slot) = points.get_mut(persona.index()) {
            *slot = value;
        }
    }
    Ok(ScoreRule {
        attribute,
        matcher,
        points,
    })
}

/// The highest score; ties go to the first in CG, BV, AB order.
#[inline]
fn primary(s: &[i64; 3]) -> PersonaId {
    let [mut best_score, ..] = *s;
    let mut best = PersonaId::CapitalGuardian;
    for (p, v) in PersonaId::ALL.into_iter().zip(s.iter()).skip(1) {
        if *v > best_score {
            best = p;
            best_score = *v;
        }
    }
    best
}

/// Personas by score, highest first; ties keep the order CG, BV, AB.
#[inline]
fn order_by(s: &[i64; 3]) -> [PersonaId; 3] {
    let mut order = PersonaId::ALL;
    // Stable: equal scores keep CG, BV, AB.
    order.sort_by(|a, b| {
        let sa = s.get(a.index()).copied().unwrap_or(0);
        let sb = s.get(b.index()).copied().unwrap_or(0);
        sb.cmp(&sa)
    });
    order
}

/// The `/classify` result of rules-v2-blended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// The primary persona.
    pub persona: PersonaId,
    /// The primary persona's probability.
    pub confidence: Decimal,
    /// Probability per persona in the order CG, BV, AB: the exact quotient rounded half
    /// to even to 12 decimals.
    pub probabilities: [Decimal; 3],
    /// The table's model version (`rules-v2-blended`).
    pub model_version: Arc<str>,
}

impl Classification {
    /// The probability of one persona.
    pub fn probability(&self, persona: PersonaId) -> Decimal {
        self.probabilities
            .get(persona.index())
            .copied()
            .unwrap_or_default()
    }
}

/// One entry of a blended distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DistributionEntry {
    /// The persona.
    pub persona: PersonaId,
    /// Its weight, 4 decimals.
    pub weight: Decimal,
    /// The persona's ML strategy as fractions.
    pub allocation: Fractions,
}

/// The `/classify/blended` result of rules-v2-blended (or of a [`PersonaModel`]
/// prediction, in the same shape).
///
/// [`PersonaModel`]: super::PersonaModel
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlendedClassification {
    /// The primary persona.
    pub primary: PersonaId,
    /// Its probability (12 decimals for the rules; the 4-decimal weight for a model).
    pub confidence: Decimal,
    /// Every persona by weight, highest first (ties keep CG, BV, AB).
    pub distribution: [DistributionEntry; 3],
    /// Σ weight × strategy per asset class, 4 decimals (today's numbers: they need not
    /// add up to exactly 1; use [`blend_allocation`](crate::allocation::blend_allocation)
    /// for an allocation that does).
    pub blended_allocation: Fractions,
    /// The model version.
    pub model_version: Arc<str>,
}

struct PersonaJson(PersonaId);

impl Serialize for PersonaJson {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Persona", 5)?;
        st.serialize_field("id", self.0.slug())?;
        st.serialize_field("name", self.0.name())?;
        st.serialize_field("slug", self.0.slug())?;
        st.serialize_field("risk_band", self.0.risk_band())?;
        st.serialize_field("description", self.0.description())?;
        st.end()
    }
}

impl Serialize for Classification {
    /// Today's `/classify` body (without `request_id` and `latency_ms`); decimals as strings.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Classification", 4)?;
        st.serialize_field("persona", &PersonaJson(self.persona))?;
        st.serialize_field("confidence", &self.confidence.to_string())?;
        let probs: Map<String, Value> = PersonaId::ALL
            .iter()
            .zip(self.probabilities)
            .map(|(p, v)| (p.slug().to_owned(), Value::String(v.to_string())))
            .collect();
        st.serialize_field("probabilities", &probs)?;
        st.serialize_field("model_version", &*self.model_version)?;
        st.end()
    }
}

impl Serialize for DistributionEntry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("DistributionEntry", 3)?;
        st.serialize_field("persona", &PersonaJson(self.persona))?;
        st.serialize_field("weight", &self.weight.to_string())?;
        st.serialize_field("allocation", &self.allocation)?;
        st.end()
    }
}

impl Serialize for BlendedClassification {
    /// Today's `/classify/blended` body (without `request_id` and `latency_ms`).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("BlendedClassification", 5)?;
        st.serialize_field("primary_persona", &PersonaJson(self.primary))?;
        st.serialize_field("distribution", &self.distribution)?;
        st.serialize_field("blended_allocation", &self.blended_allocation)?;
        st.serialize_field("confidence", &self.confidence.to_string())?;
        st.serialize_field("model_version", &*self.model_version)?;
        st.end()
    }
}

/// rules-v2-blended `classify` (domain.md §5) with the default table.
///
/// ```
/// use serde_json::json;
/// use sparrow_core::persona::{classify, PersonaId};
/// use sparrow_core::profile::{validate_profile, ValidationMode};
/// let p = validate_profile(&json!({"age": 24, "horizon_years": 2, "risk_tolerance": "Conservative",
///     "volatility": "Low", "liquidity": "Low", "knowledge": "Beginner"}), ValidationMode::Strict).unwrap();
/// let c = classify(&p);
/// assert_eq!(c.persona, PersonaId::CapitalGuardian);
/// assert_eq!(c.confidence.to_string(), "0.588235294118"); // 10/17
/// ```
pub fn classify(profile: &Profile) -> Classification {
    DEFAULT_TABLE.classify(profile)
}

/// rules-v2-blended `classify/blended` (domain.md §5) with the default table.
pub fn classify_blended(profile: &Profile) -> BlendedClassification {
    DEFAULT_TABLE.classify_blended(profile)
}

/// [`classify`] for many profiles, in order.
pub fn classify_many(profiles: &[Profile]) -> Vec<Classification> {
    DEFAULT_TABLE.classify_many(profiles)
}

/// [`classify_blended`] for many profiles, in order.
pub fn classify_blended_many(profiles: &[Profile]) -> Vec<BlendedClassification> {
    DEFAULT_TABLE.classify_blended_many(profiles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_table_round_trips() {
        let t = ScoringTable::default();
        assert_eq!(t.rules().len(), 20);
        assert_eq!(ScoringTable::from_json(&t.to_json()).unwrap(), t);
    }

    #[test]
    fn table_refusals() {
        let err = |t: &str| ScoringTable::from_json(t).unwrap_err().to_string();
        assert_eq!(err("[]"), "rules: the document must be a JSON object");
        assert!(err("{").starts_with("rules: not valid JSON"));
        assert_eq!(
            err(r#"{"model_version": "x", "floor": 0, "rules": []}"#),
            "rules: floor must be greater than zero (it keeps every probability defined)"
        );
        assert_eq!(
            err(
                r#"{"model_version": "x", "floor": 1, "rules": [{"attribute": "age", "is": "old", "points": {}}]}"#
            ),
            "rules: rules[0]: age is a number: use min and max, not is"
        );
        assert_eq!(
            err(
                r#"{"model_version": "x", "floor": 1, "rules": [{"attribute": "liquidity", "is": "Huge", "points": {}}]}"#
            ),
            "rules: rules[0]: is must be one of Low, Medium, High"
        );
        assert_eq!(
            err(
                r#"{"model_version": "x", "floor": 1, "rules": [{"attribute": "age", "min": 5, "max": 4, "points": {}}]}"#
            ),
            "rules: rules[0]: min must not be above max"
        );
        assert_eq!(
            err(
                r#"{"model_version": "x", "floor": 1, "rules": [{"attribute": "age", "min": 5, "points": {"bold": 1}}]}"#
            ),
            "rules: rules[0]: \"bold\" is not a persona slug"
        );
        assert_eq!(
            err(
                r#"{"model_version": "x", "floor": 1, "rules": [{"attribute": "age", "min": 5, "points": {"capital-guardian": -1}}]}"#
            ),
            "rules: rules[0]: points must be a number from 0 to 1000 with at most 4 decimals"
        );
        assert_eq!(
            err(r#"{"model_version": "x", "floor": 1, "rules": [], "x": 1}"#),
            "rules: \"x\" is not a known key"
        );
    }

    #[test]
    fn ordering_and_ties() {
        assert_eq!(primary(&[5, 5, 5]), PersonaId::CapitalGuardian);
        assert_eq!(primary(&[1, 5, 5]), PersonaId::BalancedVoyager);
        assert_eq!(
            order_by(&[1, 5, 5]),
            [
                PersonaId::BalancedVoyager,
                PersonaId::AcceleratedBuilder,
                PersonaId::CapitalGuardian
            ]
        );
        assert_eq!(
            order_by(&[3, 1, 2]),
            [
                PersonaId::CapitalGuardian,
                PersonaId::AcceleratedBuilder,
                PersonaId::BalancedVoyager
            ]
        );
    }
}
