//! A customer's credit standing, from how they paid so far: a score from 0
//! to 100 with the reasons behind it, so staff can see why a customer is
//! asked for a larger deposit. The house may set the score itself (a new
//! customer it knows well, a dispute it has settled); its score then counts,
//! and the computed one stays visible next to it.
//!
//! The score starts at 100 and loses points for paying late and, more
//! heavily, for money overdue now:
//!
//! - paid late: [`LATE_POINTS_PER_DAY`] per day of the average delay of the
//!   paid instalments, weighted by amount, at most [`LATE_MAX_POINTS`];
//! - overdue: [`OVERDUE_BASE_POINTS`] for anything overdue at all, one more
//!   per two days the oldest unpaid instalment is overdue (the two together
//!   at most [`OVERDUE_DAYS_MAX_POINTS`]), and up to
//!   [`OVERDUE_SHARE_MAX_POINTS`] in proportion to the overdue share of the
//!   record.
//!
//! A customer without any record gets [`NO_HISTORY_SCORE`]. Instalments not
//! yet due and not paid say nothing yet; instalments of nothing are ignored.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::order_input::format_minor;
use super::terms::{FULL_BP, format_percent};

/// The score of a customer with no payment record: neutral, above the
/// default threshold (a new customer pays the normal deposit) and below any
/// customer who has paid on time. An unknown customer whose first instalment
/// is overdue falls well below it.
pub const NO_HISTORY_SCORE: u8 = 70;
/// Points lost per day of average delay on paid instalments.
pub const LATE_POINTS_PER_DAY: u8 = 3;
/// The most paying late can cost (an average delay of 20 days or more).
pub const LATE_MAX_POINTS: u8 = 60;
/// Points lost as soon as anything is overdue.
pub const OVERDUE_BASE_POINTS: u8 = 10;
/// The most the age of the oldest overdue instalment can cost, base
/// included (80 days overdue or more).
pub const OVERDUE_DAYS_MAX_POINTS: u8 = 50;
/// The most the overdue share of the record can cost (all of it overdue).
pub const OVERDUE_SHARE_MAX_POINTS: u8 = 40;

/// One instalment of the customer's payment record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaidInstalment {
    #[serde(with = "crate::compact_dates")]
    pub due: NaiveDate,
    /// When it was paid in full; `None` while unpaid.
    #[serde(with = "crate::compact_dates")]
    pub paid: Option<NaiveDate>,
    pub amount_minor: i64,
}

/// Why a score is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CreditReason {
    /// No payment record yet: [`NO_HISTORY_SCORE`].
    NoHistory,
    /// Paid instalments were paid `average_days` late on average (weighted by
    /// amount), costing `points`.
    PaidLate { average_days: i64, points: u8 },
    /// `amount_minor` is overdue now, the oldest instalment by `days`;
    /// `share_bp` of the record is overdue. Costs `points`.
    Overdue {
        amount_minor: i64,
        days: i64,
        share_bp: u32,
        points: u8,
    },
    /// The house set the score to `score`.
    SetByHouse { score: u8 },
}

impl CreditReason {
    /// The reason in words, for staff, in `locale`.
    pub fn describe(self, locale: crate::i18n::Locale) -> String {
        match self {
            Self::NoHistory => locale.t_with(
                "credit-reason-no-history",
                &[("score", NO_HISTORY_SCORE.into())],
            ),
            Self::PaidLate {
                average_days,
                points,
            } => locale.t_with(
                "credit-reason-paid-late",
                &[("days", average_days.into()), ("points", points.into())],
            ),
            Self::Overdue {
                amount_minor,
                days,
                share_bp,
                points,
            } => locale.t_with(
                "credit-reason-overdue",
                &[
                    ("amount", format_minor(amount_minor).into()),
                    ("days", days.into()),
                    ("share", format_percent(share_bp).into()),
                    ("points", points.into()),
                ],
            ),
            Self::SetByHouse { score } => {
                locale.t_with("credit-reason-set-by-house", &[("score", score.into())])
            }
        }
    }
}

/// A customer's standing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditStanding {
    /// The score that counts, 0 to 100: the house's when it set one.
    pub score: u8,
    /// The score the payment record alone gives, kept next to a house score.
    pub computed: u8,
    /// Why, most important first; empty for a clean record.
    pub reasons: Vec<CreditReason>,
}

impl CreditStanding {
    pub fn is_set_by_house(&self) -> bool {
        self.reasons
            .iter()
            .any(|r| matches!(r, CreditReason::SetByHouse { .. }))
    }
}

/// The score the payment record gives on `today` (see the module
/// documentation for the rule).
pub fn computed_score(record: &[PaidInstalment], today: NaiveDate) -> CreditStanding {
    let mut paid_amount: i128 = 0;
    let mut late_amount_days: i128 = 0;
    let mut overdue_amount: i128 = 0;
    let mut oldest_overdue_days: i64 = 0;
    for instalment in record.iter().filter(|i| i.amount_minor > 0) {
        let amount = i128::from(instalment.amount_minor);
        match instalment.paid {
            Some(paid) => {
                let late = (paid - instalment.due).num_days().max(0);
                paid_amount = paid_amount.saturating_add(amount);
                late_amount_days =
                    late_amount_days.saturating_add(amount.saturating_mul(i128::from(late)));
            }
            None if instalment.due < today => {
                overdue_amount = overdue_amount.saturating_add(amount);
                oldest_overdue_days = oldest_overdue_days.max((today - instalment.due).num_days());
            }
            None => {}
        }
    }
    let record_amount = paid_amount.saturating_add(overdue_amount);
    if record_amount == 0 {
        return CreditStanding {
            score: NO_HISTORY_SCORE,
            computed: NO_HISTORY_SCORE,
            reasons: vec![CreditReason::NoHistory],
        };
    }
    let mut reasons = Vec::new();
    let mut lost: u32 = 0;
    if overdue_amount > 0 {
        let share = overdue_amount.saturating_mul(10_000) / record_amount;
        let share_bp = u32::try_from(share).unwrap_or(FULL_BP).min(FULL_BP);
        let points = overdue_points(oldest_overdue_days, share_bp);
        lost += u32::from(points);
        reasons.push(CreditReason::Overdue {
            amount_minor: i64::try_from(overdue_amount).unwrap_or(i64::MAX),
            days: oldest_overdue_days,
            share_bp,
            points,
        });
    }
    if paid_amount > 0 {
        let average_days = i64::try_from(late_amount_days / paid_amount).unwrap_or(i64::MAX);
        if average_days > 0 {
            let points = late_points(average_days);
            lost += u32::from(points);
            reasons.push(CreditReason::PaidLate {
                average_days,
                points,
            });
        }
    }
    let score = u8::try_from(100u32.saturating_sub(lost)).unwrap_or(0);
    CreditStanding {
        score,
        computed: score,
        reasons,
    }
}

/// The standing that counts: the computed one, or the house's score when it
/// set one (above 100 reads as 100), with the computed score and its
/// reasons kept after [`CreditReason::SetByHouse`].
pub fn standing(
    record: &[PaidInstalment],
    today: NaiveDate,
    house_score: Option<u8>,
) -> CreditStanding {
    let computed = computed_score(record, today);
    match house_score {
        None => computed,
        Some(score) => {
            let score = score.min(100);
            let mut reasons = vec![CreditReason::SetByHouse { score }];
            reasons.extend(computed.reasons);
            CreditStanding {
                score,
                computed: computed.computed,
                reasons,
            }
        }
    }
}

/// Points lost for an average delay of `average_days`.
fn late_points(average_days: i64) -> u8 {
    let points = average_days
        .max(0)
        .saturating_mul(i64::from(LATE_POINTS_PER_DAY))
        .min(i64::from(LATE_MAX_POINTS));
    u8::try_from(points).unwrap_or(LATE_MAX_POINTS)
}

/// Points lost for money overdue: by the age of the oldest instalment and by
/// the overdue share of the record.
fn overdue_points(oldest_days: i64, share_bp: u32) -> u8 {
    let by_age = (oldest_days.max(0) / 2)
        .saturating_add(i64::from(OVERDUE_BASE_POINTS))
        .min(i64::from(OVERDUE_DAYS_MAX_POINTS));
    let by_share = i64::from(share_bp.min(FULL_BP)) * i64::from(OVERDUE_SHARE_MAX_POINTS) / 10_000;
    u8::try_from(by_age + by_share).unwrap_or(u8::MAX)
}

/// How much deposit the house asks for, by credit standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditPolicy {
    /// Scores below this are low credit.
    pub threshold: u8,
    /// The deposit asked of customers at or above the threshold.
    pub normal_deposit_bp: u32,
    /// The deposit asked of customers below it.
    pub low_credit_deposit_bp: u32,
}

impl Default for CreditPolicy {
    /// Below 60 is low credit; 30 % deposit normally, 50 % on low credit.
    fn default() -> Self {
        Self {
            threshold: 60,
            normal_deposit_bp: 3_000,
            low_credit_deposit_bp: 5_000,
        }
    }
}

/// The deposit a customer must give, in basis points of the total. Low
/// credit never asks for less than normal credit, even if the policy's
/// figures say so; shares above 100 % read as 100 %.
pub fn required_deposit_bp(standing: &CreditStanding, policy: &CreditPolicy) -> u32 {
    let normal = policy.normal_deposit_bp.min(FULL_BP);
    if standing.score < policy.threshold {
        policy.low_credit_deposit_bp.min(FULL_BP).max(normal)
    } else {
        normal
    }
}

/// Whether the deposit offered on a quotation covers the required one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DepositCheck {
    Enough,
    /// Less than required: only the commercial director may agree to it.
    NeedsDirector {
        short_by_bp: u32,
    },
}

pub fn deposit_check(offered_bp: u32, required_bp: u32) -> DepositCheck {
    if offered_bp >= required_bp {
        DepositCheck::Enough
    } else {
        DepositCheck::NeedsDirector {
            short_by_bp: required_bp - offered_bp,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(days: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() + chrono::Duration::days(days)
    }

    fn paid(due: i64, paid: i64, amount: i64) -> PaidInstalment {
        PaidInstalment {
            due: d(due),
            paid: Some(d(paid)),
            amount_minor: amount,
        }
    }

    fn unpaid(due: i64, amount: i64) -> PaidInstalment {
        PaidInstalment {
            due: d(due),
            paid: None,
            amount_minor: amount,
        }
    }

    #[test]
    fn no_record_is_neutral() {
        let empty = computed_score(&[], d(0));
        assert_eq!(empty.score, NO_HISTORY_SCORE);
        assert_eq!(empty.reasons, [CreditReason::NoHistory]);
        // Nothing due yet, or nothing owed, is no record either.
        assert_eq!(computed_score(&[unpaid(10, 5_000)], d(0)), empty);
        assert_eq!(computed_score(&[unpaid(-10, 0)], d(0)), empty);
        assert_eq!(computed_score(&[paid(-10, 0, -5)], d(0)), empty);
    }

    #[test]
    fn a_clean_record_scores_full() {
        let record = [
            paid(-30, -31, 3_000),
            paid(-10, -10, 7_000),
            unpaid(5, 9_000),
        ];
        let standing = computed_score(&record, d(0));
        assert_eq!(standing.score, 100);
        assert!(standing.reasons.is_empty());
        // Due today is not overdue yet.
        assert_eq!(
            computed_score(&[unpaid(0, 1_000)], d(0)).score,
            NO_HISTORY_SCORE
        );
    }

    #[test]
    fn late_payment_costs_by_the_weighted_average() {
        // 1 000 paid 10 days late, 3 000 on time: 2.5 days on average, read as 2.
        let record = [paid(-40, -30, 1_000), paid(-20, -20, 3_000)];
        let standing = computed_score(&record, d(0));
        assert_eq!(standing.score, 94);
        assert_eq!(
            standing.reasons,
            [CreditReason::PaidLate {
                average_days: 2,
                points: 6
            }]
        );
        // A habit of three weeks late: the full 60 points.
        let habit = computed_score(&[paid(-40, -19, 1_000)], d(0));
        assert_eq!(habit.score, 40);
    }

    #[test]
    fn overdue_money_costs_by_age_and_share() {
        let mut record: Vec<PaidInstalment> =
            (0..10).map(|i| paid(-100 + i, -100 + i, 1_000)).collect();
        record.push(unpaid(-5, 1_000));
        let standing = computed_score(&record, d(0));
        // 10 + 5 / 2 by age, 1/11 of the record (909 bp) → 3 by share.
        assert_eq!(standing.score, 85);
        assert_eq!(
            standing.reasons,
            [CreditReason::Overdue {
                amount_minor: 1_000,
                days: 5,
                share_bp: 909,
                points: 15
            }]
        );
        assert!(
            standing.reasons[0]
                .describe(crate::i18n::Locale::En)
                .contains("10.00 overdue")
        );
        // Two months overdue falls below the default threshold.
        record.pop();
        record.push(unpaid(-60, 1_000));
        assert_eq!(computed_score(&record, d(0)).score, 57);
        // A first instalment one day overdue: below an unknown customer.
        assert_eq!(computed_score(&[unpaid(-1, 500)], d(0)).score, 50);
        // Everything at once cannot go below zero.
        let worst = [paid(-400, -100, 1_000), unpaid(-300, 1_000_000)];
        assert_eq!(computed_score(&worst, d(0)).score, 0);
    }

    #[test]
    fn the_house_score_counts_and_the_computed_one_stays() {
        let record = [unpaid(-1, 500)];
        let set = standing(&record, d(0), Some(90));
        assert_eq!(set.score, 90);
        assert_eq!(set.computed, 50);
        assert!(set.is_set_by_house());
        assert_eq!(set.reasons[0], CreditReason::SetByHouse { score: 90 });
        assert!(matches!(set.reasons[1], CreditReason::Overdue { .. }));
        assert_eq!(standing(&record, d(0), Some(250)).score, 100);
        let computed = standing(&record, d(0), None);
        assert_eq!(computed, computed_score(&record, d(0)));
        assert!(!computed.is_set_by_house());
        for reason in &set.reasons {
            for locale in crate::i18n::Locale::ALL {
                assert!(!reason.describe(locale).is_empty());
            }
        }
    }

    fn with_score(score: u8) -> CreditStanding {
        CreditStanding {
            score,
            computed: score,
            reasons: Vec::new(),
        }
    }

    #[test]
    fn low_credit_pays_a_larger_deposit() {
        let policy = CreditPolicy::default();
        assert_eq!(required_deposit_bp(&with_score(59), &policy), 5_000);
        assert_eq!(required_deposit_bp(&with_score(60), &policy), 3_000);
        assert_eq!(
            required_deposit_bp(&with_score(NO_HISTORY_SCORE), &policy),
            3_000
        );
        let backwards = CreditPolicy {
            threshold: 60,
            normal_deposit_bp: 4_000,
            low_credit_deposit_bp: 2_000,
        };
        assert_eq!(required_deposit_bp(&with_score(10), &backwards), 4_000);
        assert_eq!(deposit_check(3_000, 3_000), DepositCheck::Enough);
        assert_eq!(deposit_check(5_000, 3_000), DepositCheck::Enough);
        assert_eq!(
            deposit_check(2_000, 5_000),
            DepositCheck::NeedsDirector { short_by_bp: 3_000 }
        );
    }

    fn any_instalment() -> impl Strategy<Value = PaidInstalment> {
        (
            -500i64..500,
            proptest::option::of(-100i64..200),
            -1_000i64..1_000_000_000_000,
        )
            .prop_map(|(due, late, amount)| PaidInstalment {
                due: d(due),
                paid: late.map(|l| d(due + l)),
                amount_minor: amount,
            })
    }

    fn any_record() -> impl Strategy<Value = Vec<PaidInstalment>> {
        proptest::collection::vec(any_instalment(), 0..12)
    }

    proptest! {
        /// Any record, however odd, scores within 0..=100.
        #[test]
        fn scores_stay_in_range(
            raw in proptest::collection::vec(
                (any::<i32>(), proptest::option::of(any::<i32>()), any::<i64>()),
                0..12,
            ),
            today in any::<i32>(),
            house in proptest::option::of(any::<u8>()),
        ) {
            let day = |n: i32| d(i64::from(n % 100_000));
            let record: Vec<PaidInstalment> = raw
                .iter()
                .map(|&(due, paid, amount)| PaidInstalment {
                    due: day(due),
                    paid: paid.map(day),
                    amount_minor: amount,
                })
                .collect();
            let got = standing(&record, day(today), house);
            prop_assert!(got.score <= 100);
            prop_assert!(got.computed <= 100);
            prop_assert!(!got.reasons.is_empty() || got.score == 100);
            if let Some(h) = house {
                prop_assert_eq!(got.score, h.min(100));
                prop_assert_eq!(got.computed, computed_score(&record, day(today)).score);
            }
        }

        /// Paying any instalment later never raises the score.
        #[test]
        fn paying_later_never_helps(
            record in any_record(),
            pick in any::<proptest::sample::Index>(),
            later in 0i64..400,
            today in -500i64..800,
        ) {
            prop_assume!(!record.is_empty());
            let i = pick.index(record.len());
            let mut slower = record.clone();
            if let Some(p) = slower[i].paid {
                slower[i].paid = Some(p + chrono::Duration::days(later));
            }
            prop_assert!(
                computed_score(&slower, d(today)).score <= computed_score(&record, d(today)).score
            );
        }

        /// More overdue (the same record seen later, or an unpaid instalment
        /// due earlier) never raises the score.
        #[test]
        fn more_overdue_never_helps(
            record in any_record(),
            pick in any::<proptest::sample::Index>(),
            earlier in 0i64..400,
            today in -500i64..800,
            wait in 0i64..400,
        ) {
            let now = computed_score(&record, d(today)).score;
            prop_assert!(computed_score(&record, d(today + wait)).score <= now);
            prop_assume!(!record.is_empty());
            let i = pick.index(record.len());
            let mut older = record.clone();
            if older[i].paid.is_none() {
                older[i].due -= chrono::Duration::days(earlier);
            }
            prop_assert!(computed_score(&older, d(today)).score <= now);
        }

        /// Below the threshold never asks for less deposit than at or above it.
        #[test]
        fn low_credit_never_pays_less(
            threshold in any::<u8>(),
            normal in any::<u32>(),
            low in any::<u32>(),
            a in any::<u8>(),
            b in any::<u8>(),
        ) {
            let policy = CreditPolicy {
                threshold,
                normal_deposit_bp: normal,
                low_credit_deposit_bp: low,
            };
            let (below, above) = (a.min(b), a.max(b));
            prop_assume!(below < threshold && above >= threshold);
            let asked_low = required_deposit_bp(&with_score(below), &policy);
            let asked_high = required_deposit_bp(&with_score(above), &policy);
            prop_assert!(asked_low >= asked_high);
            prop_assert!(asked_low <= FULL_BP);
        }
    }
}
