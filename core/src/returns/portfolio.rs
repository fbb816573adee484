//! The XIRR of a portfolio from its real transactions, each on its own date.

use rust_decimal::Decimal;
use time::Date;

use super::{xirr, CashFlow, ReturnsError, MAX_FLOWS};
use crate::money::Money;

/// What a transaction did, from the investor's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransactionKind {
    /// A lump-sum purchase: money paid in.
    Purchase,
    /// A SIP instalment: money paid in.
    Sip,
    /// A redemption (or the sell side of a switch): money received.
    Redemption,
    /// A dividend paid out: money received.
    Dividend,
}

impl TransactionKind {
    /// Every kind.
    pub const ALL: [TransactionKind; 4] = [
        TransactionKind::Purchase,
        TransactionKind::Sip,
        TransactionKind::Redemption,
        TransactionKind::Dividend,
    ];

    /// Whether the investor pays the amount in (a negative flow).
    pub const fn pays_in(self) -> bool {
        matches!(self, TransactionKind::Purchase | TransactionKind::Sip)
    }
}

/// One transaction: its day, kind and amount (positive; the kind gives the sign).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transaction {
    /// The day it settled.
    pub date: Date,
    /// What it did.
    pub kind: TransactionKind,
    /// How much, in rupees (positive).
    pub amount: Money,
}

/// The portfolio's XIRR: every purchase and SIP instalment paid in on its own date,
/// every redemption and dividend received on its date, and `current_value` received
/// `today` — in place of the backend's one outflow per holding on its last
/// transaction date. Transactions may come in any order (they are taken by date).
///
/// Refused (`returns_input`, naming the field): an amount that is not positive, a
/// transaction after `today`, a negative `current_value`; and whatever [`xirr`]
/// refuses (no transaction → `returns_too_few_flows`, nothing paid in →
/// `returns_no_sign_change`, …).
pub fn portfolio_xirr(
    transactions: &[Transaction],
    current_value: Money,
    today: Date,
) -> Result<Decimal, ReturnsError> {
    if transactions.len() >= MAX_FLOWS {
        return Err(ReturnsError::TooManyFlows { max: MAX_FLOWS });
    }
    if current_value < Money::ZERO {
        return Err(ReturnsError::Input {
            field: "current_value",
            rule: "must not be negative",
        });
    }
    let mut flows = Vec::with_capacity(transactions.len() + 1);
    for t in transactions {
        if t.amount <= Money::ZERO {
            return Err(ReturnsError::Input {
                field: "transactions.amount",
                rule: "must be positive (the kind gives the direction)",
            });
        }
        if t.date > today {
            return Err(ReturnsError::Input {
                field: "transactions.date",
                rule: "must not be after today",
            });
        }
        let amount = t.amount.as_decimal();
        flows.push(CashFlow {
            date: t.date,
            amount: if t.kind.pays_in() { -amount } else { amount },
        });
    }
    flows.sort_by_key(|f| f.date);
    flows.push(CashFlow {
        date: today,
        amount: current_value.as_decimal(),
    });
    xirr(&flows)
}
