//! Invariants of blends, splits, rebalances and classifications, for generated inputs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use rust_decimal::Decimal;
use sparrow_core::allocation::{
    blend_allocation, rebalance, split_amount, FundSlot, PersonaWeight, Position, RebalanceOptions,
    TradeSide,
};
use sparrow_core::money::{Money, Percent};
use sparrow_core::persona::{classify, classify_blended, PersonaId};
use sparrow_core::profile::*;

fn persona_weights() -> impl Strategy<Value = Vec<PersonaWeight>> {
    proptest::collection::vec(0u64..10_000_000_000_000, 1..=3).prop_filter_map(
        "a positive weight",
        |ws| {
            if ws.iter().all(|w| *w == 0) {
                return None;
            }
            Some(
                ws.into_iter()
                    .zip(PersonaId::ALL)
                    .map(|(w, persona)| PersonaWeight {
                        persona,
                        weight: Decimal::new(w as i64, 12),
                    })
                    .collect(),
            )
        },
    )
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        18u8..=100,
        1u8..=40,
        0usize..3,
        0usize..3,
        0usize..3,
        0usize..3,
    )
        .prop_map(|(a, h, r, v, l, k)| {
            Profile::new(
                a,
                h,
                RiskTolerance::ALL[r],
                Volatility::ALL[v],
                Liquidity::ALL[l],
                Knowledge::ALL[k],
            )
            .unwrap()
        })
}

fn fund_slots() -> impl Strategy<Value = Vec<FundSlot>> {
    proptest::collection::vec(
        (
            0u32..10_000,
            0i64..2_000,
            prop::sample::select(vec![1i64, 50, 100, 500, 1000]),
        ),
        1..12,
    )
    .prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (w, min, multiple))| FundSlot {
                id: format!("f{i}"),
                weight: Decimal::new(i64::from(w), 2),
                min_amount: Money::from_rupees(min).unwrap(),
                multiple: Money::from_rupees(multiple).unwrap(),
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn blend_sums_to_exactly_100(weights in persona_weights()) {
        let a = blend_allocation(&weights).unwrap();
        prop_assert_eq!(a.iter().map(|(_, p)| p.minor()).sum::<i64>(), 10_000);
    }

    #[test]
    fn split_sums_exactly_and_keeps_minimums_and_multiples(
        rupees in 1i64..5_000_000, paise in 0i64..100, funds in fund_slots()
    ) {
        let amount = Money::from_paise(rupees * 100 + paise).unwrap();
        match split_amount(amount, &funds) {
            Ok(parts) => {
                prop_assert_eq!(parts.len(), funds.len());
                let total: i64 = parts.iter().map(|p| p.amount.paise()).sum();
                prop_assert_eq!(total, amount.paise());
                for (part, fund) in parts.iter().zip(&funds) {
                    prop_assert_eq!(&part.id, &fund.id);
                    if fund.weight.is_zero() {
                        prop_assert_eq!(part.amount, Money::ZERO);
                    } else {
                        prop_assert!(part.amount >= fund.min_amount, "{} below minimum", part.id);
                        prop_assert_eq!(part.amount.paise() % fund.multiple.paise(), 0);
                    }
                }
            }
            Err(e) => prop_assert!(
                ["split_below_minimum", "split_not_multiple", "split_unreachable", "allocation_zero_weights"].contains(&e.code()),
                "{}", e
            ),
        }
    }

    #[test]
    fn rebalance_conserves_money(
        values in proptest::collection::vec(0i64..10_000_000, 1..8),
        target in proptest::collection::vec(1u32..1000, 1..8),
        new_money in 0i64..5_000_000,
        band in 0i64..2_000,
        buy_only: bool,
    ) {
        let holdings: Vec<Position> = values.iter().enumerate()
            .map(|(i, v)| Position { id: format!("h{i}"), value: Money::from_paise(*v).unwrap() })
            .collect();
        // Target percents that sum to exactly 100.00 (allocate splits 100.00 by the weights).
        let weights: Vec<Decimal> = target.iter().map(|w| Decimal::from(*w)).collect();
        let parts = sparrow_core::money::allocate(Money::from_rupees(100).unwrap(), &weights).unwrap();
        let target: Vec<(String, Percent)> = parts.iter().enumerate()
            .map(|(i, m)| (format!("h{}", i + 1), Percent::from_minor(m.paise()).unwrap()))
            .collect();
        let options = RebalanceOptions {
            drift_band: Percent::from_minor(band).unwrap(),
            buy_only,
            new_money: Money::from_paise(new_money).unwrap(),
        };
        match rebalance(&holdings, &target, options) {
            Ok(plan) => {
                let held: i64 = values.iter().sum();
                let buys: i64 = plan.trades.iter().filter(|t| t.side == TradeSide::Buy).map(|t| t.amount.paise()).sum();
                let sells: i64 = plan.trades.iter().filter(|t| t.side == TradeSide::Sell).map(|t| t.amount.paise()).sum();
                prop_assert_eq!(buys - sells, new_money);
                prop_assert_eq!(plan.after.iter().map(|p| p.value.paise()).sum::<i64>(), held + new_money);
                prop_assert_eq!(plan.total.paise(), held + new_money);
                if buy_only {
                    prop_assert_eq!(sells, 0);
                }
                prop_assert!(plan.after.iter().all(|p| !p.value.is_negative()));
            }
            Err(e) => prop_assert_eq!(e.code(), "rebalance_empty"),
        }
    }

    #[test]
    fn probabilities_sum_to_one(p in profile()) {
        let c = classify(&p);
        let sum: Decimal = c.probabilities.iter().sum();
        // Each of the three is rounded to 12 decimals.
        prop_assert!((sum - Decimal::ONE).abs() <= Decimal::new(15, 13));
        let b = classify_blended(&p);
        prop_assert_eq!(b.primary, c.persona);
        let weights: Vec<Decimal> = b.distribution.iter().map(|d| d.weight).collect();
        prop_assert!(weights.windows(2).all(|w| w[0] >= w[1]));
        let total: Decimal = weights.iter().sum();
        prop_assert!((total - Decimal::ONE).abs() <= Decimal::new(2, 4));
    }
}
