//! JSON text read strictly: a key that appears twice in one object is refused, never
//! resolved by "the last one wins" (serde_json's behaviour, and JavaScript's
//! `JSON.parse`, so a document could mean one thing to a validator and another to the
//! service that acts on it).

use std::borrow::Cow;
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

/// A scalar value of a flat JSON object, as written in the text.
#[derive(Debug)]
pub(crate) enum Scalar<'t> {
    Null,
    Bool(bool),
    /// A number's literal, exactly as written.
    Number(&'t str),
    Text(Cow<'t, str>),
}

/// Most keys [`flat_object`] reads before leaving the text to [`parse`].
const MAX_FLAT_KEYS: usize = 32;

/// One pass over a JSON object whose values are all scalars — the shape of a request
/// body for a record — with no `Value` built: keys and strings borrow from `text`
/// unless they hold escapes. `None` for anything else (not an object, a nested value,
/// a repeated key, more than [`MAX_FLAT_KEYS`] keys, any error): the caller then reads
/// the text with [`parse`], which gives its exact result or error. So this decides
/// nothing `parse` would decide differently; it only skips work when there is none.
pub(crate) fn flat_object(text: &str) -> Option<Vec<(Cow<'_, str>, Scalar<'_>)>> {
    let mut de = serde_json::Deserializer::from_str(text);
    let pairs = de.deserialize_map(FlatObject).ok()?;
    de.end().ok()?;
    pairs
}

struct FlatObject;

impl<'de> Visitor<'de> for FlatObject {
    /// `None`: a shape left to [`parse`].
    type Value = Option<Vec<(Cow<'de, str>, Scalar<'de>)>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut pairs: Vec<(Cow<'de, str>, Scalar<'de>)> = Vec::with_capacity(12);
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let raw: &'de serde_json::value::RawValue = map.next_value()?;
            if pairs.len() == MAX_FLAT_KEYS || pairs.iter().any(|(k, _)| *k == key) {
                return Ok(None);
            }
            let raw = raw.get();
            let value = match raw.as_bytes().first() {
                Some(b'n') => Scalar::Null,
                Some(b't') => Scalar::Bool(true),
                Some(b'f') => Scalar::Bool(false),
                // A string the parser has already checked: without escapes its text is
                // what lies between the quotes.
                Some(b'"') if !raw.contains('\\') => {
                    match raw.get(1..raw.len().saturating_sub(1)) {
                        Some(inner) => Scalar::Text(Cow::Borrowed(inner)),
                        None => return Ok(None),
                    }
                }
                Some(b'"') => match serde_json::from_str::<String>(raw) {
                    Ok(s) => Scalar::Text(Cow::Owned(s)),
                    Err(_) => return Ok(None),
                },
                Some(b'-' | b'0'..=b'9') => Scalar::Number(raw),
                _ => return Ok(None),
            };
            pairs.push((key, value));
        }
        Ok(Some(pairs))
    }
}

/// An object key, borrowed from the text when it holds no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_owned())))
            }
        }
        d.deserialize_str(V)
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

    #[test]
    fn flat_objects_and_what_is_left_to_parse() {
        let pairs =
            flat_object(r#" {"a": 1E+3, "b": "x\u0041", "c": null, "d": true, "e": -0.50} "#)
                .unwrap();
        let shown: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v:?}")).collect();
        assert_eq!(
            shown,
            [
                "a=Number(\"1E+3\")",
                "b=Text(\"xA\")",
                "c=Null",
                "d=Bool(true)",
                "e=Number(\"-0.50\")"
            ]
        );
        for text in [
            r#"{"a": 1, "a": 2}"#,
            r#"{"a": [1]}"#,
            r#"{"a": {}}"#,
            "[1]",
            "{",
            r#"{"a": 1} x"#,
            "1",
        ] {
            assert!(flat_object(text).is_none(), "{text}");
        }
        assert!(flat_object("{}").unwrap().is_empty());
    }
}
