use super::*;
use proptest::prelude::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 7, d).unwrap()
}

fn instalment(
    id: i32,
    position: i32,
    amount: i64,
    paid: i64,
    due: Option<NaiveDate>,
) -> InstalmentFacts {
    InstalmentFacts {
        id,
        position,
        amount_minor: amount,
        paid_minor: paid,
        due,
    }
}

#[test]
fn where_an_instalment_stands() {
    let due =
        |paid: i64, on: Option<NaiveDate>| status(&instalment(1, 1, 1_000, paid, on), day(10));
    assert_eq!(due(0, None), InstalmentStatus::Scheduled);
    assert_eq!(due(0, Some(day(14))), InstalmentStatus::Due);
    assert_eq!(due(0, Some(day(13))), InstalmentStatus::DueSoon);
    assert_eq!(due(0, Some(day(10))), InstalmentStatus::DueSoon);
    assert_eq!(due(0, Some(day(9))), InstalmentStatus::Overdue { days: 1 });
    assert_eq!(
        due(400, Some(day(5))),
        InstalmentStatus::Overdue { days: 5 }
    );
    assert_eq!(due(400, Some(day(12))), InstalmentStatus::DueSoon);
    assert_eq!(due(400, Some(day(20))), InstalmentStatus::PartPaid);
    assert_eq!(due(400, None), InstalmentStatus::PartPaid);
    assert_eq!(due(1_000, Some(day(1))), InstalmentStatus::Paid);
    assert_eq!(due(1_200, None), InstalmentStatus::Paid);
    assert_eq!(
        InstalmentStatus::Overdue { days: 3 }.key(),
        "payment-status-overdue"
    );
}

#[test]
fn payments_go_to_the_chosen_instalment_first() {
    let plan = [
        instalment(10, 1, 3_000, 3_000, Some(day(1))),
        instalment(11, 2, 7_000, 0, None),
        instalment(12, 3, 500, 100, None),
    ];
    assert_eq!(allocate(&plan, 2_000, None), Ok(vec![(11, 2_000)]));
    assert_eq!(
        allocate(&plan, 7_200, Some(12)),
        Ok(vec![(12, 400), (11, 6_800)])
    );
    assert_eq!(
        allocate(&plan, 7_400, None),
        Ok(vec![(11, 7_000), (12, 400)])
    );
    // A chosen instalment already paid takes nothing.
    assert_eq!(allocate(&plan, 100, Some(10)), Ok(vec![(11, 100)]));
    assert_eq!(
        allocate(&plan, 7_401, None),
        Err(AllocationError::MoreThanOwed { owed: 7_400 })
    );
    assert_eq!(
        allocate(&plan, 100, Some(99)),
        Err(AllocationError::UnknownInstalment { id: 99 })
    );
    assert_eq!(allocate(&plan, 0, None), Err(AllocationError::NotPositive));
    assert_eq!(
        allocate(&[], 1, None),
        Err(AllocationError::MoreThanOwed { owed: 0 })
    );
}

#[test]
fn reminders_rise_in_steps() {
    let open = instalment(1, 1, 1_000, 0, Some(day(20)));
    let on = |d: u32, sent: ReminderLevel| reminder_due(&open, day(d), sent);
    assert_eq!(on(16, ReminderLevel::None), None);
    assert_eq!(on(17, ReminderLevel::None), Some(ReminderLevel::DueSoon));
    assert_eq!(on(20, ReminderLevel::DueSoon), None);
    assert_eq!(on(21, ReminderLevel::DueSoon), Some(ReminderLevel::Overdue));
    assert_eq!(on(30, ReminderLevel::Overdue), None);
    // Skipped levels are not sent: straight to long overdue.
    let late = NaiveDate::from_ymd_opt(2027, 8, 3).unwrap();
    assert_eq!(
        reminder_due(&open, late, ReminderLevel::None),
        Some(ReminderLevel::LongOverdue)
    );
    assert_eq!(reminder_due(&open, late, ReminderLevel::LongOverdue), None);
    let paid = instalment(1, 1, 1_000, 1_000, Some(day(1)));
    assert_eq!(reminder_due(&paid, late, ReminderLevel::None), None);
    let waiting = instalment(1, 1, 1_000, 0, None);
    assert_eq!(reminder_due(&waiting, late, ReminderLevel::None), None);
}

#[test]
fn levels_are_stored_as_numbers_and_name_their_audience() {
    for (number, level) in ReminderLevel::ALL.into_iter().enumerate() {
        assert_eq!(level.as_i32(), number as i32);
        assert_eq!(ReminderLevel::from_i32(number as i32), Some(level));
    }
    assert_eq!(ReminderLevel::from_i32(4), None);
    assert_eq!(ReminderLevel::from_i32(-1), None);
    assert_eq!(recipients(ReminderLevel::None), Audience::default());
    assert_eq!(
        recipients(ReminderLevel::DueSoon),
        Audience {
            customer: true,
            sales: false,
            sales_manager: false
        }
    );
    assert_eq!(
        recipients(ReminderLevel::Overdue),
        Audience {
            customer: true,
            sales: true,
            sales_manager: false
        }
    );
    assert_eq!(
        recipients(ReminderLevel::LongOverdue),
        Audience {
            customer: true,
            sales: true,
            sales_manager: true
        }
    );
}

fn any_level() -> impl Strategy<Value = ReminderLevel> {
    (0usize..4).prop_map(|at| ReminderLevel::ALL[at])
}

/// A schedule of up to five instalments with distinct ids, some partly or
/// fully paid.
fn any_schedule() -> impl Strategy<Value = Vec<InstalmentFacts>> {
    proptest::collection::vec(
        (
            0i64..1_000_000_000,
            0u8..=120,
            any::<i8>(),
            proptest::option::of(0u32..60),
        ),
        0..5,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(at, (amount, paid_pct, position, due))| {
                let paid = i64::from(paid_pct).min(100) * amount / 100 + i64::from(paid_pct > 100);
                let due = due.map(|d| day(1) + chrono::Duration::days(i64::from(d)));
                instalment(at as i32 + 100, i32::from(position), amount, paid, due)
            })
            .collect::<Vec<_>>()
    })
}

proptest! {
    /// A payment within what is owed is shared out exactly: nothing lost or
    /// made up, no instalment overpaid, the chosen one served first.
    #[test]
    fn allocation_conserves_the_amount(
        plan in any_schedule(),
        share in 1u32..=1_000,
        pick in any::<prop::sample::Index>(),
        choose in any::<bool>(),
    ) {
        let owed: i64 = plan.iter().map(InstalmentFacts::outstanding).sum();
        prop_assume!(owed > 0);
        let amount = (owed * i64::from(share) / 1_000).max(1);
        let chosen = (choose && !plan.is_empty()).then(|| plan[pick.index(plan.len())].id);
        let shares = allocate(&plan, amount, chosen).unwrap();
        prop_assert_eq!(shares.iter().map(|(_, a)| a).sum::<i64>(), amount);
        for (id, part) in &shares {
            let facts = plan.iter().find(|i| i.id == *id).unwrap();
            prop_assert!(*part > 0 && *part <= facts.outstanding());
        }
        let mut ids: Vec<_> = shares.iter().map(|(id, _)| *id).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), shares.len());
        if let Some(id) = chosen {
            let facts = plan.iter().find(|i| i.id == id).unwrap();
            if facts.outstanding() > 0 {
                prop_assert_eq!(shares[0], (id, facts.outstanding().min(amount)));
            }
        }
    }

    /// More than is owed is refused, whatever is chosen.
    #[test]
    fn never_more_than_owed(plan in any_schedule(), extra in 1i64..1_000_000, choose in any::<bool>()) {
        let owed: i64 = plan.iter().map(InstalmentFacts::outstanding).sum();
        let chosen = if choose { plan.first().map(|i| i.id) } else { None };
        prop_assert_eq!(
            allocate(&plan, owed + extra, chosen),
            Err(AllocationError::MoreThanOwed { owed })
        );
    }

    /// Feeding back each level returned as sent, no level is ever returned
    /// twice, on any later day; each one returned is above the last.
    #[test]
    fn each_level_is_sent_once(
        plan in any_schedule(),
        mut days in proptest::collection::vec(-10i64..120, 1..30),
    ) {
        days.sort_unstable();
        for facts in &plan {
            let mut sent = ReminderLevel::None;
            for (at, offset) in days.iter().enumerate() {
                let today = day(1) + chrono::Duration::days(*offset);
                if let Some(level) = reminder_due(facts, today, sent) {
                    prop_assert!(level > sent);
                    sent = level;
                    for later in &days[at..] {
                        let later = day(1) + chrono::Duration::days(*later);
                        prop_assert_ne!(reminder_due(facts, later, sent), Some(level));
                    }
                }
            }
        }
    }

    /// An instalment paid in full never reminds anyone.
    #[test]
    fn paid_instalments_never_remind(
        amount in any::<i64>(),
        over in 0i64..1_000,
        due in proptest::option::of(-1_000i64..1_000),
        today in -1_000i64..1_000,
        sent in any_level(),
    ) {
        let paid = amount.max(0).saturating_add(over);
        let facts = instalment(1, 1, amount, paid, due.map(|d| day(1) + chrono::Duration::days(d)));
        let today = day(1) + chrono::Duration::days(today);
        prop_assert_eq!(reminder_due(&facts, today, sent), None);
        prop_assert_eq!(status(&facts, today), InstalmentStatus::Paid);
    }
}
