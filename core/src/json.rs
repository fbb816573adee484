//! JSON text read strictly: a key that appears twice in one object is refused, never
//! resolved by "the last one wins" (serde_json's behaviour, and JavaScript's
//! `JSON.parse`, so a document could mean one thing to a validator and another to the
//! service that acts on it).

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// Why a JSON text was refused.
#[derive(Debug)]
pub(crate) enum JsonTextError {
    /// Not JSON (or deeper than serde_json's recursion limit of 128).
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
    },
    /// A key appears twice in one object.
    DuplicateKey {
        /// The key (its first 64 characters).
        key: String,
        /// 1-based line of the second occurrence.
        line: usize,
    },
}

impl fmt::Display for JsonTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax { line, column } => {
                write!(f, "not valid JSON (line {line}, column {column})")
            }
            Self::DuplicateKey { key, line } => {
                write!(
                    f,
                    "the key \"{key}\" appears twice in one object (line {line})"
                )
            }
        }
    }
}

/// Parses `text` as JSON, refusing duplicate keys at any depth.
pub(crate) fn parse(text: &str) -> Result<Value, JsonTextError> {
    let syntax = |e: serde_json::Error| JsonTextError::Syntax {
        line: e.line(),
        column: e.column(),
    };
    // One pass to find duplicates (serde_json's own `Value` would drop them), then the
    // ordinary parse. Both run over text already bounded by the caller.
    let duplicate = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let walked = Walk(&duplicate)
        .deserialize(&mut de)
        .and_then(|()| de.end());
    if let Err(e) = walked {
        return Err(match duplicate.into_inner() {
            Some(key) => JsonTextError::DuplicateKey {
                key,
                line: e.line(),
            },
            None => syntax(e),
        });
    }
    serde_json::from_str(text).map_err(syntax)
}

/// A walk over a JSON document that fails on a repeated key in an object, noting the
/// key in the cell.
#[derive(Clone, Copy)]
struct Walk<'a>(&'a RefCell<Option<String>>);

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // With serde_json's arbitrary_precision a number arrives as a one-key map; it
        // has no duplicates, and its value is a string, so it needs no case of its own.
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                let shown: String = key.chars().take(64).collect();
                *self.0.borrow_mut() = Some(shown);
                return Err(serde::de::Error::custom("duplicate key"));
            }
            map.next_value_seed(self)?;
            seen.insert(key);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_refused_at_any_depth() {
        assert!(parse(r#"{"a": 1, "b": [1, 2.50, {"c": null}]}"#).is_ok());
        let e = parse("{\"a\": 1,\n \"a\": 2}").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the key \"a\" appears twice in one object (line 2)"
        );
        assert!(matches!(
            parse(r#"{"x": [{"k": 1, "k": 1}]}"#),
            Err(JsonTextError::DuplicateKey { .. })
        ));
        // The same key in two objects is fine.
        assert!(parse(r#"[{"k": 1}, {"k": 2}]"#).is_ok());
        assert!(matches!(parse("{"), Err(JsonTextError::Syntax { .. })));
        // Numbers keep their exact text.
        assert_eq!(parse("2.50").unwrap().to_string(), "2.50");
        let long = format!("{{\"{}\": 1, \"{}\": 2}}", "k".repeat(100), "k".repeat(100));
        match parse(&long) {
            Err(JsonTextError::DuplicateKey { key, .. }) => assert_eq!(key.len(), 64),
            other => panic!("{other:?}"),
        }
    }
}
