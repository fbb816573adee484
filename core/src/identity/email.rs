//! Email addresses, judged exactly as validator.js `isEmail` with its default options
//! (what the backend's class-validator `@IsEmail()` runs today).
//!
//! validator.js works on JavaScript strings (UTF-16 code units) with non-Unicode regular
//! expressions; this module reproduces that: lengths are counted in UTF-16 units where
//! validator.js uses `.length`, and in UTF-8 bytes where it uses `isByteLength`. The
//! parity is checked by `core/tests/email_parity.rs` against verdicts recorded from the
//! npm `validator` package itself (`tools/validatorjs`, re-run by the test script).
//!
//! One deliberate difference: surrounding whitespace (JavaScript's `trim` set) is
//! removed before judging, as for every other identifier here; validator.js refuses
//! `" a@b.co "`, sparrow-core accepts it as `a@b.co`. Rust strings cannot hold lone
//! surrogates, so inputs that only JavaScript can express do not arise.

use super::{IdKind, IdentityError, MAX_IDENTITY_INPUT};

/// validator.js `defaultMaxEmailLength`, in UTF-16 code units.
pub const MAX_EMAIL_LEN: usize = 254;

/// A valid email address.
///
/// `Debug` and `Display` show a masked form (`r***@example.com`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Email {
    address: String,
    normalized: String,
}

impl Email {
    /// Validates an email address exactly as validator.js `isEmail` (default options)
    /// does, after trimming surrounding whitespace.
    ///
    /// ```
    /// use sparrow_core::identity::Email;
    /// let e = Email::parse(" Ravi.Kumar@Example.COM ").unwrap();
    /// assert_eq!(e.as_str(), "Ravi.Kumar@Example.COM");
    /// assert_eq!(e.normalized(), "Ravi.Kumar@example.com");
    /// assert_eq!(Email::parse("ravi@localhost").unwrap_err().code(), "email_domain");
    /// ```
    pub fn parse(input: &str) -> Result<Email, IdentityError> {
        if input.len() > MAX_IDENTITY_INPUT {
            return Err(too_long());
        }
        let text = input.trim_matches(is_js_whitespace);
        if text.is_empty() {
            return Err(IdentityError::Empty {
                kind: IdKind::Email,
            });
        }
        if utf16_len(text) > MAX_EMAIL_LEN {
            return Err(too_long());
        }
        let (user, domain) = text.rsplit_once('@').ok_or(IdentityError::EmailMissingAt)?;
        if user.len() > 64 {
            return Err(local("must be at most 64 bytes long"));
        }
        if domain.len() > 254 {
            return Err(domain_err("must be at most 254 bytes long"));
        }
        check_fqdn(domain)?;
        check_user(user)?;
        let mut normalized = String::with_capacity(text.len());
        normalized.push_str(user);
        normalized.push('@');
        normalized.push_str(&domain.to_lowercase());
        Ok(Email {
            address: text.to_owned(),
            normalized,
        })
    }

    /// The address as given, without surrounding whitespace.
    pub fn as_str(&self) -> &str {
        &self.address
    }

    /// The address with its domain lower-cased (the local part is kept as typed: its
    /// case may matter to the mail server). Use it as the uniqueness key for accounts.
    pub fn normalized(&self) -> &str {
        &self.normalized
    }

    /// The masked form, safe for logs: the first character of the local part, `***`, and
    /// the domain.
    pub fn masked(&self) -> String {
        let (user, domain) = self.normalized.rsplit_once('@').unwrap_or(("", ""));
        let first: String = user.chars().take(1).collect();
        format!("{first}***@{domain}")
    }
}

shown_as!(Email, masked);

fn too_long() -> IdentityError {
    IdentityError::TooLong {
        kind: IdKind::Email,
        max: MAX_EMAIL_LEN,
    }
}

fn local(rule: &'static str) -> IdentityError {
    IdentityError::EmailLocalPart { rule }
}

fn domain_err(rule: &'static str) -> IdentityError {
    IdentityError::EmailDomain { rule }
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// JavaScript's `\s` and `String.prototype.trim` set.
fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0b}' | '\u{0c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// The non-ASCII ranges validator.js admits in local parts (BMP only: astral characters
/// are surrogate pairs in JavaScript, and surrogates are outside these ranges).
fn is_utf8_local_range(c: char) -> bool {
    matches!(c, '\u{a1}'..='\u{d7ff}' | '\u{f900}'..='\u{fdcf}' | '\u{fdf0}'..='\u{ffef}')
}

/// validator.js `emailUserUtf8Part`, one character.
fn is_user_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c) || is_utf8_local_range(c)
}

/// validator.js `quotedEmailUserUtf8`, a character that stands alone.
fn is_quoted_char(c: char) -> bool {
    is_js_whitespace(c)
        || matches!(
            c,
            '\u{01}'..='\u{08}'
                | '\u{0b}'
                | '\u{0c}'
                | '\u{0e}'..='\u{1f}'
                | '\u{7f}'
                | '\u{21}'
                | '\u{23}'..='\u{5b}'
                | '\u{5d}'..='\u{7e}'
                | '\u{a0}'
        )
        || is_utf8_local_range(c)
}

/// validator.js `quotedEmailUserUtf8`, a character after a backslash.
fn is_quoted_escape(c: char) -> bool {
    matches!(c, '\u{01}'..='\u{09}' | '\u{0b}' | '\u{0c}' | '\u{0d}'..='\u{7f}' | '\u{a0}')
        || is_utf8_local_range(c)
}

fn check_user(user: &str) -> Result<(), IdentityError> {
    // validator.js: a local part that starts and ends with `"` is judged as quoted
    // (a lone `"` counts: its inner text is empty, which the pattern accepts).
    if user.starts_with('"') && user.ends_with('"') {
        let inner = user
            .get(1..user.len().saturating_sub(1))
            .unwrap_or_default();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            let ok = if c == '\\' {
                chars.next().is_some_and(is_quoted_escape)
            } else {
                is_quoted_char(c)
            };
            if !ok {
                return Err(local("has a character that is not allowed inside quotes"));
            }
        }
        return Ok(());
    }
    for part in user.split('.') {
        if part.is_empty() {
            return Err(local(
                "must not be empty, start or end with a dot, or have two dots in a row",
            ));
        }
        if !part.chars().all(is_user_char) {
            return Err(local("has a character that is not allowed"));
        }
    }
    Ok(())
}

/// validator.js `isFQDN` with `require_tld: true`, `allow_underscores: false`,
/// `allow_trailing_dot: false`, `allow_numeric_tld: false`, `allow_wildcard: false`.
fn check_fqdn(domain: &str) -> Result<(), IdentityError> {
    let tld = domain.rsplit('.').next().unwrap_or_default();
    if !domain.contains('.') {
        return Err(domain_err(
            "must have a dot and a top-level domain, as in example.com",
        ));
    }
    let alpha_tld = utf16_len(tld) >= 2
        && tld.chars().all(|c| {
            c.is_ascii_alphabetic()
                || matches!(
                    c,
                    '\u{a1}'..='\u{a8}'
                        | '\u{aa}'..='\u{d7ff}'
                        | '\u{f900}'..='\u{fdcf}'
                        | '\u{fdf0}'..='\u{ffef}'
                )
        });
    let punycode_tld = tld.len() >= 4
        && tld.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("xn"))
        && tld
            .bytes()
            .skip(2)
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !(alpha_tld || punycode_tld) || tld.chars().any(is_js_whitespace) {
        return Err(domain_err(
            "must end in a top-level domain of at least two letters",
        ));
    }
    for label in domain.split('.') {
        if utf16_len(label) > 63 {
            return Err(domain_err("has a label longer than 63 characters"));
        }
        let chars_ok = !label.is_empty()
            && label
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c >= '\u{a1}');
        if !chars_ok {
            return Err(domain_err(
                "must be labels of letters, digits and hyphens separated by single dots",
            ));
        }
        if label
            .chars()
            .any(|c| ('\u{ff01}'..='\u{ff5e}').contains(&c))
        {
            return Err(domain_err("must not contain full-width characters"));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(domain_err("has a label that starts or ends with a hyphen"));
        }
        if label.contains('_') {
            return Err(domain_err("must not contain underscores"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> bool {
        Email::parse(s).is_ok()
    }

    #[test]
    fn validator_js_examples() {
        // From validator.js's own test suite (default options), valid:
        for s in [
            "foo@bar.com",
            "x@x.au",
            "foo@bar.com.au",
            "foo+bar@bar.com",
            "hans.m端ller@test.com",
            "hans@m端ller.com",
            "test|123@m端ller.com",
            "test123+ext@gmail.com",
            "some.name.midd.leNa.me.and.locality+extension@GoogleMail.com",
            "\"foobar\"@example.com",
            "\"  foo  m端ller \"@example.com",
            "\"foo\\@bar\"@example.com",
            "test@gmail.com",
            "test.1@gmail.com",
            "test@1337.com",
        ] {
            assert!(ok(s), "{s}");
        }
        // … and invalid:
        for s in [
            "invalidemail@",
            "invalid.com",
            "@invalid.com",
            "foo@bar.com.",
            "foo@_bar.com",
            "somename@ｇｍａｉｌ.com",
            "foo@bar.co.uk.",
            "z@co.c",
            "ｇｍａｉｌｇｍａｉｌｇｍａｉｌｇｍａｉｌｇｍａｉｌ@gmail.com",
            "test1@invalid.co m",
            "test2@invalid.co m",
            "test3@invalid.co m",
            "test4@invalid.co m",
            "test5@invalid.co m",
            "test6@invalid.co m",
            "test7@invalid.co m",
            "test8@invalid.co m",
            "test9@invalid.co m",
            "test10@invalid.co m",
            "test11@invalid.co m",
            "test12@invalid.co　m",
            "multiple..dots@stillinvalid.com",
            "test123+invalid! sub_address@gmail.com",
            "gmail...ignores...dots...@gmail.com",
            "ends.with.dot.@gmail.com",
            "multiple..dots@gmail.com",
            "wrong()[]\",:;<>@@gmail.com",
            "\"wrong()[]\",:;<>@@gmail.com",
            "username@domain.com�",
            "username@domain.com©",
            "nbsp\u{a0}test@test.com",
            "nbsp_test@te\u{a0}st.com",
            "nbsp_test@test.co\u{a0}m",
        ] {
            assert!(!ok(s), "{s}");
        }
    }

    #[test]
    fn codes_and_masking() {
        let code = |s: &str| Email::parse(s).unwrap_err().code();
        assert_eq!(code(""), "email_empty");
        assert_eq!(code("plainaddress"), "email_missing_at");
        assert_eq!(code("a..b@example.com"), "email_local_part");
        assert_eq!(code("a@example"), "email_domain");
        assert_eq!(
            code(&format!("{}@example.com", "a".repeat(65))),
            "email_local_part"
        );
        assert_eq!(
            code(&format!("a@{}.com", "b".repeat(250))),
            "email_too_long"
        );
        let e = Email::parse("ravi@Example.com").unwrap();
        assert_eq!(format!("{e:?}"), "Email(r***@example.com)");
        let err = Email::parse("ravi.secret@localhost")
            .unwrap_err()
            .to_string();
        assert!(!err.contains("ravi"), "{err}");
    }
}
