//! The payment schedule in motion: where each instalment stands, how a
//! payment received is shared out over the instalments, and who is reminded
//! when. Reminders rise in steps as an instalment gets later (due soon →
//! overdue → long overdue); each step is sent once, and a step that was
//! skipped (the portal was down, the date moved) is not sent afterwards.
//!
//! Money is in minor units (cents).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An instalment is due soon from this many days before its due date.
pub const DUE_SOON_DAYS: i64 = 3;

/// An instalment is long overdue this many days after its due date.
pub const LONG_OVERDUE_DAYS: i64 = 14;

/// An instalment as the rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalmentFacts {
    pub id: i32,
    /// Its place in the schedule (the deposit first).
    pub position: i32,
    pub amount_minor: i64,
    pub paid_minor: i64,
    /// Unknown while it waits for a shipping event.
    #[serde(with = "crate::compact_dates")]
    pub due: Option<NaiveDate>,
}

impl InstalmentFacts {
    /// What is still owed on it (never below zero).
    pub fn outstanding(&self) -> i64 {
        self.amount_minor
            .saturating_sub(self.paid_minor.max(0))
            .max(0)
    }

    pub fn is_paid(&self) -> bool {
        self.outstanding() == 0
    }
}

/// Where an instalment stands. When several apply, the first in this list
/// wins: paid, overdue, due soon, part paid, due, scheduled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum InstalmentStatus {
    /// No due date yet (it waits for a shipping event).
    Scheduled,
    /// Falls due on a known date more than [`DUE_SOON_DAYS`] away.
    Due,
    /// Falls due today or within [`DUE_SOON_DAYS`].
    DueSoon,
    /// Past its due date by `days` and not paid in full.
    Overdue {
        days: i64,
    },
    /// Partly paid and neither overdue nor due soon.
    PartPaid,
    Paid,
}

impl InstalmentStatus {
    /// The message-catalogue key; `Overdue` takes `$days`.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Scheduled => "payment-status-scheduled",
            Self::Due => "payment-status-due",
            Self::DueSoon => "payment-status-due-soon",
            Self::Overdue { .. } => "payment-status-overdue",
            Self::PartPaid => "payment-status-part-paid",
            Self::Paid => "payment-status-paid",
        }
    }
}

/// Where the instalment stands on `today`.
pub fn status(facts: &InstalmentFacts, today: NaiveDate) -> InstalmentStatus {
    if facts.is_paid() {
        return InstalmentStatus::Paid;
    }
    let days_left = facts.due.map(|due| (due - today).num_days());
    match days_left {
        Some(left) if left < 0 => InstalmentStatus::Overdue { days: -left },
        Some(left) if left <= DUE_SOON_DAYS => InstalmentStatus::DueSoon,
        _ if facts.paid_minor > 0 => InstalmentStatus::PartPaid,
        Some(_) => InstalmentStatus::Due,
        None => InstalmentStatus::Scheduled,
    }
}

/// Why a payment cannot be shared out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AllocationError {
    NotPositive,
    /// The instalment chosen is not in this schedule.
    UnknownInstalment {
        id: i32,
    },
    /// The payment is more than the `owed` still open on the schedule.
    MoreThanOwed {
        owed: i64,
    },
}

impl AllocationError {
    /// The message-catalogue key; `MoreThanOwed` takes `$amount` (what is
    /// owed, formatted by the caller).
    pub fn key(&self) -> &'static str {
        match self {
            Self::NotPositive => "payment-allocation-not-positive",
            Self::UnknownInstalment { .. } => "payment-allocation-unknown-instalment",
            Self::MoreThanOwed { .. } => "payment-allocation-more-than-owed",
        }
    }
}

/// Shares a payment received out over the instalments: first the one the
/// payment was made for (`chosen`, if given), then the others still open in
/// schedule order, each up to what is owed on it. The shares, `(instalment
/// id, amount)` and each above zero, add up to the payment exactly. A
/// payment above everything still owed is refused, so nothing is ever
/// overpaid. A chosen instalment already paid simply takes nothing.
pub fn allocate(
    instalments: &[InstalmentFacts],
    amount_minor: i64,
    chosen: Option<i32>,
) -> Result<Vec<(i32, i64)>, AllocationError> {
    if amount_minor <= 0 {
        return Err(AllocationError::NotPositive);
    }
    let first = chosen
        .map(|id| {
            instalments
                .iter()
                .position(|i| i.id == id)
                .ok_or(AllocationError::UnknownInstalment { id })
        })
        .transpose()?;
    let owed: i128 = instalments
        .iter()
        .map(|i| i128::from(i.outstanding()))
        .sum();
    if i128::from(amount_minor) > owed {
        return Err(AllocationError::MoreThanOwed {
            owed: i64::try_from(owed).unwrap_or(i64::MAX),
        });
    }
    let mut rest: Vec<usize> = (0..instalments.len())
        .filter(|&at| Some(at) != first)
        .collect();
    rest.sort_by_key(|&at| (instalments[at].position, instalments[at].id));
    let mut left = amount_minor;
    let mut shares = Vec::new();
    for at in first.into_iter().chain(rest) {
        if left == 0 {
            break;
        }
        let share = instalments[at].outstanding().min(left);
        if share > 0 {
            shares.push((instalments[at].id, share));
            left -= share;
        }
    }
    Ok(shares)
}

/// How insistent a payment reminder is. Stored as its number (0 to 3).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ReminderLevel {
    /// Nothing to remind of.
    #[default]
    None = 0,
    /// Due within [`DUE_SOON_DAYS`]: the customer is reminded.
    DueSoon = 1,
    /// A day or more late: the customer is reminded and sales alerted.
    Overdue = 2,
    /// [`LONG_OVERDUE_DAYS`] or more late: the customer, sales and the
    /// sales manager.
    LongOverdue = 3,
}

impl ReminderLevel {
    pub const ALL: [ReminderLevel; 4] =
        [Self::None, Self::DueSoon, Self::Overdue, Self::LongOverdue];

    pub fn as_i32(self) -> i32 {
        self as i32
    }

    pub fn from_i32(raw: i32) -> Option<ReminderLevel> {
        Self::ALL.into_iter().find(|level| level.as_i32() == raw)
    }

    /// The level an instalment has reached on `today` (`None` when it has
    /// no due date yet or is paid).
    pub fn reached(facts: &InstalmentFacts, today: NaiveDate) -> ReminderLevel {
        let Some(due) = facts.due else {
            return Self::None;
        };
        if facts.is_paid() {
            return Self::None;
        }
        let days_late = (today - due).num_days();
        if days_late >= LONG_OVERDUE_DAYS {
            Self::LongOverdue
        } else if days_late >= 1 {
            Self::Overdue
        } else if days_late >= -DUE_SOON_DAYS {
            Self::DueSoon
        } else {
            Self::None
        }
    }
}

/// The reminder to send on `today`, if any: the highest level reached, when
/// it is above the level `already_sent` and the instalment is not paid in
/// full. Recording the level returned as sent means it is never returned
/// again; levels passed over in the meantime are not sent.
pub fn reminder_due(
    facts: &InstalmentFacts,
    today: NaiveDate,
    already_sent: ReminderLevel,
) -> Option<ReminderLevel> {
    let reached = ReminderLevel::reached(facts, today);
    (reached > already_sent).then_some(reached)
}

/// Who receives a reminder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audience {
    pub customer: bool,
    pub sales: bool,
    pub sales_manager: bool,
}

/// Who a reminder of `level` goes to: the customer from due soon on, sales
/// once overdue, and the sales manager once long overdue.
pub fn recipients(level: ReminderLevel) -> Audience {
    Audience {
        customer: level >= ReminderLevel::DueSoon,
        sales: level >= ReminderLevel::Overdue,
        sales_manager: level >= ReminderLevel::LongOverdue,
    }
}

#[cfg(test)]
mod tests;
