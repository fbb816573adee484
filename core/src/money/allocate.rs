//! Splitting an amount by weights into parts that sum exactly to it.

use rust_decimal::Decimal;

use super::{Money, MoneyError};

/// Most weights [`allocate`] accepts in one call.
pub const MAX_WEIGHTS: usize = 10_000;

/// Decimal places every weight is brought to; finer weights are refused.
const WEIGHT_SCALE: u32 = 12;
/// Weights must be below this (so that amount × weight fits 128 bits exactly).
const WEIGHT_LIMIT: u128 = 1_000_000_000_000;

/// Splits `amount` into one part per weight, proportionally, so that the parts sum to
/// exactly `amount` (largest-remainder method, in paise).
///
/// Each part first gets the floor of its exact share; the paise left over go one each to
/// the parts with the largest remainders, ties going to the earlier weight. The shares
/// are computed in exact integer arithmetic, so the result does not depend on the order
/// of operations or on float rounding. A zero weight always gets ₹0.00; no part is ever
/// negative.
///
/// Weights are any non-negative decimals (percents, fractions, units…) below 10¹² with
/// at most 12 decimal places after trailing zeros are dropped; at least one must be
/// positive. `amount` must not be negative.
///
/// ```
/// use rust_decimal::Decimal;
/// use sparrow_core::money::{allocate, Money};
/// let parts = allocate(Money::from_rupees(100).unwrap(), &[Decimal::ONE; 3]).unwrap();
/// let paise: Vec<i64> = parts.iter().map(|m| m.paise()).collect();
/// assert_eq!(paise, [3334, 3333, 3333]);
/// ```
pub fn allocate(amount: Money, weights: &[Decimal]) -> Result<Vec<Money>, MoneyError> {
    if amount.is_negative() {
        return Err(MoneyError::Negative {
            field: Money::FIELD,
        });
    }
    if weights.is_empty() {
        return Err(MoneyError::NoWeights);
    }
    if weights.len() > MAX_WEIGHTS {
        return Err(MoneyError::TooManyWeights { max: MAX_WEIGHTS });
    }
    let scaled = weights
        .iter()
        .enumerate()
        .map(|(index, w)| scale_weight(index, *w))
        .collect::<Result<Vec<u128>, _>>()?;
    // At most 10^4 weights below 10^24 each: the sum stays below 10^28.
    let total: u128 = scaled.iter().fold(0u128, |acc, w| acc.saturating_add(*w));
    if total == 0 {
        return Err(MoneyError::ZeroWeights);
    }
    // The amount is below 10^14 paise and each weight below 10^24: products < 10^38 <
    // i128::MAX, and the products sum to paise × total exactly.
    let overflow = MoneyError::Overflow {
        field: Money::FIELD,
        op: "allocation",
    };
    let paise = i128::from(amount.paise());
    let total = i128::try_from(total).map_err(|_| overflow.clone())?;
    let products = scaled
        .iter()
        .map(|w| {
            i128::try_from(*w)
                .ok()
                .and_then(|w| w.checked_mul(paise))
                .ok_or(overflow.clone())
        })
        .collect::<Result<Vec<i128>, _>>()?;
    let parts = crate::exact::largest_remainder(&products, total, paise);
    parts
        .into_iter()
        .map(|p| Money::from_paise(i64::try_from(p).map_err(|_| overflow.clone())?))
        .collect()
}

/// `weight × 10^12` as an integer, or the reason it cannot be used.
fn scale_weight(index: usize, weight: Decimal) -> Result<u128, MoneyError> {
    if weight.is_sign_negative() && !weight.is_zero() {
        return Err(MoneyError::NegativeWeight { index });
    }
    let w = weight.normalize();
    if w.scale() > WEIGHT_SCALE {
        return Err(MoneyError::WeightPrecision { index });
    }
    let mantissa = w.mantissa().unsigned_abs();
    let factor = 10u128.pow(WEIGHT_SCALE.saturating_sub(w.scale()));
    let scaled = mantissa
        .checked_mul(factor)
        .ok_or(MoneyError::WeightPrecision { index })?;
    if scaled >= WEIGHT_LIMIT.saturating_mul(10u128.pow(WEIGHT_SCALE)) {
        return Err(MoneyError::WeightPrecision { index });
    }
    Ok(scaled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn split(paise: i64, weights: &[&str]) -> Result<Vec<i64>, &'static str> {
        let w: Vec<Decimal> = weights.iter().map(|s| d(s)).collect();
        allocate(Money::from_paise(paise).unwrap(), &w)
            .map(|v| v.into_iter().map(Money::paise).collect())
            .map_err(|e| e.code())
    }

    #[test]
    fn splits_exactly() {
        assert_eq!(split(10_000, &["1", "1", "1"]), Ok(vec![3334, 3333, 3333]));
        assert_eq!(
            split(2_500_000, &["60", "25", "15"]),
            Ok(vec![1_500_000, 625_000, 375_000])
        );
        assert_eq!(split(1, &["0.5", "0.5"]), Ok(vec![1, 0]));
        assert_eq!(split(2, &["1", "0", "1"]), Ok(vec![1, 0, 1]));
        assert_eq!(
            split(100, &["0.333", "0.333", "0.334"]),
            Ok(vec![33, 33, 34])
        );
        assert_eq!(split(0, &["1", "2"]), Ok(vec![0, 0]));
        assert_eq!(
            split(
                99_999_999_999_999,
                &["999999999999.999999999999", "0.000000000001"]
            ),
            Ok(vec![99_999_999_999_999, 0])
        );
    }

    #[test]
    fn refusals() {
        assert_eq!(split(100, &[]), Err("allocate_no_weights"));
        assert_eq!(split(100, &["1", "-1"]), Err("allocate_negative_weight"));
        assert_eq!(split(100, &["0", "0"]), Err("allocate_zero_weights"));
        assert_eq!(
            split(100, &["0.0000000000001"]),
            Err("allocate_weight_precision")
        );
        assert_eq!(
            split(100, &["1000000000000"]),
            Err("allocate_weight_precision")
        );
        assert_eq!(split(-100, &["1"]), Err("money_negative"));
        let many = vec![Decimal::ONE; MAX_WEIGHTS + 1];
        assert_eq!(
            allocate(Money::ZERO, &many).unwrap_err().code(),
            "allocate_too_many_weights"
        );
        // Trailing zeros do not count as precision.
        assert!(split(100, &["0.5000000000000000"]).is_ok());
        // Negative zero is zero.
        assert_eq!(split(100, &["-0", "1"]), Ok(vec![0, 100]));
    }
}
