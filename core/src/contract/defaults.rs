//! api.md's defaults as named constants: every binding takes its optional arguments'
//! defaults from here instead of restating them.

use crate::jwt::TokenUse;
use crate::password::PolicyPreset;
use crate::persona::TrainOptions;
use crate::profile::ValidationMode;

use super::AlgorithmName;

/// `validate_profile(input, mode=…)`, `classify…(…, mode=…)`.
pub const DEFAULT_MODE: ValidationMode = ValidationMode::Strict;
/// `check_password(password, policy=…)`.
pub const DEFAULT_POLICY: PolicyPreset = PolicyPreset::Recommended;
/// `issue_token(…, expires_in=…)`: seven days, as the backend's `JWT_EXPIRES_IN`.
pub const DEFAULT_EXPIRES_IN: &str = "7d";
/// `verify_token(…, leeway=…)`: seconds of clock skew allowed.
pub const DEFAULT_LEEWAY_SECONDS: i64 = crate::jwt::DEFAULT_LEEWAY_SECONDS;
/// `verify_token(…, token_use=…)`.
pub const DEFAULT_TOKEN_USE: TokenUse = TokenUse::Access;
/// `should_refresh(…, threshold=…)`: five minutes, as the web app uses.
pub const DEFAULT_REFRESH_THRESHOLD: &str = "5m";
/// The same threshold in seconds.
pub const DEFAULT_REFRESH_THRESHOLD_SECONDS: i64 = crate::jwt::DEFAULT_REFRESH_THRESHOLD_SECONDS;
/// `PersonaModel.load(dir, name, version=…)`: the newest version.
pub const DEFAULT_MODEL_VERSION: &str = "latest";
/// `rebalance(…, buy_only=…)`.
pub const DEFAULT_BUY_ONLY: bool = false;
/// `train_personas(…, algorithm=…)`.
pub const DEFAULT_ALGORITHM: AlgorithmName = AlgorithmName::Lloyd;
/// `train_personas(…, batch_size=…)` for mini-batch k-means.
pub const DEFAULT_BATCH_SIZE: usize = 100_000;

/// `train_personas` defaults (`k`, `seed`, `max_iterations`, `tolerance`), taken from
/// [`TrainOptions::default`] so they cannot drift from the core's.
pub fn default_train_options() -> TrainOptions {
    TrainOptions::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_agree_with_the_core() {
        assert_eq!(
            crate::jwt::parse_duration(DEFAULT_EXPIRES_IN),
            Ok(7 * 24 * 3600)
        );
        assert_eq!(
            crate::jwt::parse_duration(DEFAULT_REFRESH_THRESHOLD),
            Ok(DEFAULT_REFRESH_THRESHOLD_SECONDS)
        );
        assert_eq!(
            crate::jwt::VerifyOptions::default().leeway_seconds,
            DEFAULT_LEEWAY_SECONDS
        );
        assert_eq!(
            crate::jwt::VerifyOptions::default().token_use,
            DEFAULT_TOKEN_USE
        );
        assert_eq!(ValidationMode::default(), DEFAULT_MODE);
        assert_eq!(
            crate::allocation::RebalanceOptions::default().buy_only,
            DEFAULT_BUY_ONLY
        );
        let t = default_train_options();
        assert_eq!((t.k, t.seed, t.max_iterations), (3, 42, 300));
        assert_eq!(AlgorithmName::from(t.algorithm), DEFAULT_ALGORITHM);
    }
}
