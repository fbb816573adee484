//! Password policies: `seed`, `recommended` and `nist`.

use unicode_normalization::UnicodeNormalization;

use super::error::{PasswordPolicyError, PasswordRule};
use super::MAX_PASSWORD_BYTES;

/// The seed policy's special characters (the guide's §2.5 regex).
pub const SEED_SPECIALS: &str = "@$!%*?&";

/// zxcvbn's guess estimate below which a password counts as common or easily guessed
/// (its scores 0 and 1: "too guessable" and "very guessable").
pub const COMMON_GUESSES: u64 = 1_000_000;

/// The shortest context word that is looked for inside a password.
pub const MIN_CONTEXT_WORD: usize = 4;

/// Which family of rules a [`PasswordPolicy`] applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PolicyPreset {
    /// Exactly the production guide's §2.5 rule: at least 8 characters with a
    /// lower-case letter, an upper-case letter, a digit and one of `@$!%*?&`, and
    /// nothing outside `[A-Za-z0-9@$!%*?&]`.
    Seed,
    /// The default: the same four classes, but any non-alphanumeric character counts as
    /// special and every printable character (space, non-ASCII) is allowed; 8–128
    /// characters after NFKC normalisation; no common passwords; no context words.
    Recommended,
    /// NIST SP 800-63B: length first (15 by default), no composition rules, no common
    /// passwords, no context words, at most 128 characters after NFKC normalisation.
    Nist,
}

/// A password policy: a preset and its length bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PasswordPolicy {
    preset: PolicyPreset,
    min_chars: usize,
    max_chars: Option<usize>,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        Self::recommended()
    }
}

impl PasswordPolicy {
    /// The guide's §2.5 rule, exactly.
    pub const fn seed() -> Self {
        Self {
            preset: PolicyPreset::Seed,
            min_chars: 8,
            max_chars: None,
        }
    }

    /// The default policy; see [`PolicyPreset::Recommended`].
    pub const fn recommended() -> Self {
        Self {
            preset: PolicyPreset::Recommended,
            min_chars: 8,
            max_chars: Some(128),
        }
    }

    /// NIST SP 800-63B with the 15-character minimum for single-factor passwords.
    pub const fn nist() -> Self {
        Self {
            preset: PolicyPreset::Nist,
            min_chars: 15,
            max_chars: Some(128),
        }
    }

    /// NIST SP 800-63B with another minimum length, clamped to 8–64 (800-63B allows 8
    /// when the password is one factor of several; 64 is the longest minimum that
    /// still leaves room below the 128-character maximum for passphrases).
    pub fn nist_with_min_length(min_chars: usize) -> Self {
        Self {
            min_chars: min_chars.clamp(8, 64),
            ..Self::nist()
        }
    }

    /// The policy named `seed`, `recommended` or `nist` (the names the bindings use).
    pub fn by_name(name: &str) -> Option<Self> {
        match name {
            "seed" => Some(Self::seed()),
            "recommended" => Some(Self::recommended()),
            "nist" => Some(Self::nist()),
            _ => None,
        }
    }

    /// The preset.
    pub const fn preset(&self) -> PolicyPreset {
        self.preset
    }

    /// The minimum length in characters.
    pub const fn min_chars(&self) -> usize {
        self.min_chars
    }

    /// The maximum length in characters, if any.
    pub const fn max_chars(&self) -> Option<usize> {
        self.max_chars
    }
}

/// Checks `password` against `policy` and returns every rule it fails, in a fixed
/// order (empty when the password is acceptable).
///
/// `context` holds the user's own details — email, name, PAN, mobile — in any form;
/// each is split into words (an email contributes its local part; a mobile number its
/// last ten digits), and a password containing any word of at least
/// [`MIN_CONTEXT_WORD`] characters, ignoring case, fails `password_contains_context`.
/// The `seed` policy checks neither context nor common passwords (the guide's rule is
/// a regex only).
///
/// ```
/// use sparrow_core::password::{check_password, PasswordPolicy};
/// let failed = check_password("ravi1234", &PasswordPolicy::recommended(), &["ravi@example.com"]);
/// let codes: Vec<_> = failed.iter().map(|r| r.code()).collect();
/// assert_eq!(codes, ["password_no_uppercase", "password_no_special", "password_contains_context"]);
/// let failed = check_password("Password1!", &PasswordPolicy::recommended(), &[]);
/// assert_eq!(failed.iter().map(|r| r.code()).collect::<Vec<_>>(), ["password_common"]);
/// ```
pub fn check_password(
    password: &str,
    policy: &PasswordPolicy,
    context: &[&str],
) -> Vec<PasswordRule> {
    if password.len() > MAX_PASSWORD_BYTES {
        return vec![PasswordRule::TooLong {
            max: policy.max_chars.unwrap_or(MAX_PASSWORD_BYTES),
        }];
    }
    match policy.preset {
        PolicyPreset::Seed => check_seed(password, policy),
        PolicyPreset::Recommended | PolicyPreset::Nist => check_modern(password, policy, context),
    }
}

/// Like [`check_password`], but an error listing every failed rule when any fails.
pub fn require_password(
    password: &str,
    policy: &PasswordPolicy,
    context: &[&str],
) -> Result<(), PasswordPolicyError> {
    let failed = check_password(password, policy, context);
    if failed.is_empty() {
        Ok(())
    } else {
        Err(PasswordPolicyError { failed })
    }
}

fn check_seed(password: &str, policy: &PasswordPolicy) -> Vec<PasswordRule> {
    let mut failed = Vec::new();
    if password.chars().count() < policy.min_chars {
        failed.push(PasswordRule::TooShort {
            min: policy.min_chars,
        });
    }
    let has = |f: fn(&char) -> bool| password.chars().any(|c| f(&c));
    if !has(char::is_ascii_lowercase) {
        failed.push(PasswordRule::NoLowercase);
    }
    if !has(char::is_ascii_uppercase) {
        failed.push(PasswordRule::NoUppercase);
    }
    if !has(char::is_ascii_digit) {
        failed.push(PasswordRule::NoDigit);
    }
    if !password.chars().any(|c| SEED_SPECIALS.contains(c)) {
        failed.push(PasswordRule::NoSpecial);
    }
    if !password
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || SEED_SPECIALS.contains(c))
    {
        failed.push(PasswordRule::InvalidCharacter);
    }
    failed
}

fn check_modern(password: &str, policy: &PasswordPolicy, context: &[&str]) -> Vec<PasswordRule> {
    let mut failed = Vec::new();
    let normalized: String = password.nfkc().collect();
    let chars = normalized.chars().count();
    if chars < policy.min_chars {
        failed.push(PasswordRule::TooShort {
            min: policy.min_chars,
        });
    }
    if let Some(max) = policy.max_chars.filter(|max| chars > *max) {
        failed.push(PasswordRule::TooLong { max });
    }
    if policy.preset == PolicyPreset::Recommended {
        let has = |f: fn(char) -> bool| normalized.chars().any(f);
        if !has(char::is_lowercase) {
            failed.push(PasswordRule::NoLowercase);
        }
        if !has(char::is_uppercase) {
            failed.push(PasswordRule::NoUppercase);
        }
        if !has(char::is_numeric) {
            failed.push(PasswordRule::NoDigit);
        }
        if !has(|c| !c.is_alphanumeric() && !c.is_control()) {
            failed.push(PasswordRule::NoSpecial);
        }
    }
    if normalized.chars().any(char::is_control) {
        failed.push(PasswordRule::ControlCharacter);
    }
    if !normalized.is_empty() && zxcvbn::zxcvbn(&normalized, &[]).guesses() < COMMON_GUESSES {
        failed.push(PasswordRule::Common);
    }
    let lowered = normalized.to_lowercase();
    if context_words(context).any(|w| lowered.contains(&w)) {
        failed.push(PasswordRule::ContainsContext);
    }
    failed
}

/// The lower-cased words of the user's details that a password must not contain.
fn context_words<'a>(context: &'a [&'a str]) -> impl Iterator<Item = String> + 'a {
    context.iter().flat_map(|item| {
        let item: String = item.nfkc().collect::<String>().to_lowercase();
        let local = item.split('@').next().unwrap_or_default().to_owned();
        let digits: String = item.chars().filter(char::is_ascii_digit).collect();
        let mut words: Vec<String> = local
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_owned)
            .collect();
        words.push(local);
        // A mobile number in any format: its last ten digits.
        if digits.len() >= 10 {
            words.push(digits.chars().skip(digits.len() - 10).collect());
        }
        words
            .into_iter()
            .filter(|w| w.chars().count() >= MIN_CONTEXT_WORD)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(pw: &str, policy: PasswordPolicy, context: &[&str]) -> Vec<&'static str> {
        check_password(pw, &policy, context)
            .iter()
            .map(PasswordRule::code)
            .collect()
    }

    #[test]
    fn seed_is_the_guide_regex() {
        let seed = PasswordPolicy::seed();
        assert!(
            codes("Passw0rd!", seed, &[]).is_empty(),
            "the seed rule has no blocklist"
        );
        assert_eq!(
            codes("Pass w0rd!", seed, &[]),
            ["password_invalid_character"]
        );
        assert_eq!(
            codes("Passw0rd#", seed, &[]),
            ["password_no_special", "password_invalid_character"]
        );
        assert_eq!(codes("Pa0!", seed, &[]), ["password_too_short"]);
        assert_eq!(
            codes("", seed, &[]),
            [
                "password_too_short",
                "password_no_lowercase",
                "password_no_uppercase",
                "password_no_digit",
                "password_no_special"
            ]
        );
        assert_eq!(
            codes("Pässw0rd!", seed, &[]),
            ["password_invalid_character"]
        );
    }

    #[test]
    fn recommended_allows_any_printable_special() {
        let rec = PasswordPolicy::recommended();
        assert!(codes("Monsoon#Kerala 2019", rec, &[]).is_empty());
        assert!(codes("Čaj_v-Dárjeelingu9", rec, &[]).is_empty());
        assert_eq!(codes("Passw0rd!", rec, &[]), ["password_common"]);
        assert_eq!(
            codes("Monsoon\u{7}Kerala 2019", rec, &[]),
            ["password_control_character"]
        );
        let long = format!("Aa1!{}", "x".repeat(125));
        assert_eq!(codes(&long, rec, &[]), ["password_too_long"]);
        // NFKC: the ligature ﬁ counts as two characters, fullwidth Ａ as A.
        assert_eq!(
            check_password("Ａb1!ﬁ", &rec, &[])[0],
            PasswordRule::TooShort { min: 8 }
        );
    }

    #[test]
    fn nist_is_length_and_blocklist_only() {
        let nist = PasswordPolicy::nist();
        assert!(codes("correct horse battery staple", nist, &[]).is_empty());
        assert_eq!(codes("short but fine", nist, &[]), ["password_too_short"]);
        assert_eq!(codes("passwordpassword", nist, &[]), ["password_common"]);
        assert_eq!(PasswordPolicy::nist_with_min_length(3).min_chars(), 8);
        assert!(codes(
            "twelve chars!",
            PasswordPolicy::nist_with_min_length(12),
            &[]
        )
        .is_empty());
    }

    #[test]
    fn context_words() {
        let rec = PasswordPolicy::recommended();
        let ctx = [
            "Ravi.Kumar@sparrowinvest.com",
            "Ravi Kumar",
            "ABCPE1234F",
            "+91 98765 43210",
        ];
        assert_eq!(
            codes("Kumar#Sunrise9x", rec, &ctx),
            ["password_contains_context"]
        );
        assert_eq!(
            codes("Sunrise#abcpe1234f", rec, &ctx),
            ["password_contains_context"]
        );
        assert_eq!(
            codes("Sunrise#9876543210x", rec, &ctx),
            ["password_contains_context"]
        );
        assert!(codes("Sunrise#Mango9x", rec, &ctx).is_empty());
        // Short words are not looked for.
        assert!(codes("Sunrise#Al9xMango", rec, &["al@example.com"]).is_empty());
    }

    #[test]
    fn oversized_input_is_one_rule() {
        let big = "a".repeat(MAX_PASSWORD_BYTES + 1);
        assert_eq!(
            codes(&big, PasswordPolicy::recommended(), &[]),
            ["password_too_long"]
        );
        assert_eq!(
            PasswordPolicy::by_name("nist"),
            Some(PasswordPolicy::nist())
        );
        assert_eq!(PasswordPolicy::by_name("weak"), None);
    }
}
