use super::*;
use proptest::prelude::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 5, d).unwrap()
}

fn terms(deposit_bp: u32, balance: BalanceDue) -> PaymentTerms {
    PaymentTerms {
        deposit_bp,
        balance,
    }
}

#[test]
fn thirty_percent_deposit_and_the_balance_before_shipment() {
    let plan = schedule(
        1_000_001,
        &terms(3_000, BalanceDue::BeforeShipment),
        day(1),
        day(31),
        7,
    );
    assert_eq!(
        plan,
        vec![
            Instalment {
                kind: InstalmentKind::Deposit,
                amount_minor: 300_000,
                due: DueWhen::OnDate(day(8)),
            },
            Instalment {
                kind: InstalmentKind::Balance,
                // The odd cent goes to the balance.
                amount_minor: 700_001,
                due: DueWhen::OnDate(day(31)),
            },
        ]
    );
}

#[test]
fn balances_wait_for_their_event() {
    let due = |balance: BalanceDue| schedule(10_000, &terms(0, balance), day(1), day(31), 7)[0].due;
    assert_eq!(
        due(BalanceDue::AgainstBlCopy),
        DueWhen::OnEvent {
            event: ShipmentEvent::BlIssued,
            days_after: 0
        }
    );
    assert_eq!(
        due(BalanceDue::LcAtSight),
        DueWhen::OnEvent {
            event: ShipmentEvent::DocumentsPresented,
            days_after: 0
        }
    );
    let usance = due(BalanceDue::LcUsance { days: 90 });
    assert_eq!(
        usance,
        DueWhen::OnEvent {
            event: ShipmentEvent::DocumentsPresented,
            days_after: 90
        }
    );
    // Known once the documents are presented.
    assert_eq!(usance.resolve(&[(ShipmentEvent::BlIssued, day(20))]), None);
    let presented = [
        (ShipmentEvent::BlIssued, day(20)),
        (ShipmentEvent::DocumentsPresented, day(25)),
    ];
    assert_eq!(
        usance.resolve(&presented),
        NaiveDate::from_ymd_opt(2027, 8, 23)
    );
    assert_eq!(DueWhen::OnDate(day(3)).resolve(&[]), Some(day(3)));
}

#[test]
fn no_empty_instalments() {
    let lc = BalanceDue::LcAtSight;
    let all_balance = schedule(50_000, &terms(0, lc), day(1), day(31), 7);
    assert_eq!(all_balance.len(), 1);
    assert_eq!(all_balance[0].kind, InstalmentKind::Balance);
    let all_deposit = schedule(50_000, &terms(10_000, lc), day(1), day(31), 7);
    assert_eq!(all_deposit.len(), 1);
    assert_eq!(all_deposit[0].kind, InstalmentKind::Deposit);
    assert_eq!(all_deposit[0].amount_minor, 50_000);
    // Above 100 % reads as 100 %.
    assert_eq!(
        schedule(50_000, &terms(20_000, lc), day(1), day(31), 7),
        all_deposit
    );
    // One cent at 30 %: the deposit rounds to nothing.
    let cent = schedule(1, &terms(3_000, lc), day(1), day(31), 7);
    assert_eq!(cent.len(), 1);
    assert_eq!(cent[0].amount_minor, 1);
    assert!(schedule(0, &terms(3_000, lc), day(1), day(31), 7).is_empty());
    assert!(schedule(-5, &terms(3_000, lc), day(1), day(31), 7).is_empty());
    // The deposit date stays in chrono's range.
    let far = schedule(100, &terms(5_000, lc), NaiveDate::MAX, day(31), u32::MAX);
    assert_eq!(far[0].due, DueWhen::OnDate(NaiveDate::MAX));
}

#[test]
fn penalties_grow_per_day_up_to_the_cap() {
    let total = 1_000_000;
    assert_eq!(late_penalty(total, 50, 0, 1_000), 0);
    assert_eq!(late_penalty(total, 50, -3, 1_000), 0);
    assert_eq!(late_penalty(total, 50, 1, 1_000), 5_000);
    assert_eq!(late_penalty(total, 50, 4, 1_000), 20_000);
    assert_eq!(late_penalty(total, 50, 20, 1_000), 100_000);
    assert_eq!(late_penalty(total, 50, 21, 1_000), 100_000);
    // No overflow, however absurd the figures.
    assert_eq!(late_penalty(total, 50, i64::MAX, u32::MAX), 429_496_729_500);
    assert_eq!(late_penalty(i64::MAX, 50, i64::MAX, u32::MAX), i64::MAX);
    assert_eq!(late_penalty(0, 50, 10, 1_000), 0);
    let contract = ContractTerms::new(
        terms(3_000, BalanceDue::AgainstBlCopy),
        day(10),
        "FOB",
        "Ningbo",
    );
    assert_eq!(contract.penalty_bp_per_day, 50);
    assert_eq!(contract.penalty_cap_bp, 1_000);
    assert_eq!(contract.penalty(total, day(10)), 0);
    assert_eq!(contract.penalty(total, day(13)), 15_000);
    assert_eq!(shipment_days_late(day(10), day(8)), 0);
}

#[test]
fn deposit_percentages_from_the_form() {
    assert_eq!(parse_deposit_percent("30"), Ok(3_000));
    assert_eq!(parse_deposit_percent(" 30% "), Ok(3_000));
    assert_eq!(parse_deposit_percent("30 %"), Ok(3_000));
    assert_eq!(parse_deposit_percent("12.5"), Ok(1_250));
    assert_eq!(parse_deposit_percent("12.25"), Ok(1_225));
    assert_eq!(parse_deposit_percent("0"), Ok(0));
    assert_eq!(parse_deposit_percent("100"), Ok(10_000));
    assert_eq!(parse_deposit_percent("100.00"), Ok(10_000));
    assert_eq!(parse_deposit_percent("0030"), Ok(3_000));
    assert!(
        parse_deposit_percent("-5")
            .unwrap_err()
            .to_string()
            .contains("negative")
    );
    assert_eq!(
        parse_deposit_percent("100.01").unwrap_err().to_string(),
        "The deposit can be at most 100 %."
    );
    assert!(
        parse_deposit_percent("250")
            .unwrap_err()
            .to_string()
            .contains("100")
    );
    assert_eq!(
        parse_deposit_percent("abc").unwrap_err().to_string(),
        "Enter the deposit as a percentage, like 30 or 12.5."
    );
    assert!(
        parse_deposit_percent("99999999")
            .unwrap_err()
            .to_string()
            .contains("100")
    );
    assert!(
        parse_deposit_percent("12.345")
            .unwrap_err()
            .to_string()
            .contains("two decimals")
    );
    for bad in ["", "%", "abc", ".5", "3,5", "30%%", "+30", "1e2", "３０"] {
        assert!(parse_deposit_percent(bad).is_err(), "{bad:?}");
    }
    assert!(parse_deposit_percent(&format!("{}30", " ".repeat(40))).is_err());
    assert_eq!(format_percent(3_000), "30 %");
    assert_eq!(format_percent(1_250), "12.5 %");
    assert_eq!(format_percent(1_225), "12.25 %");
    assert_eq!(format_percent(5), "0.05 %");
}

#[test]
fn balance_terms_from_the_form() {
    assert_eq!(
        parse_balance("before_shipment", ""),
        Ok(BalanceDue::BeforeShipment)
    );
    assert_eq!(
        parse_balance("lc_at_sight", "abc"),
        Ok(BalanceDue::LcAtSight)
    );
    assert_eq!(
        parse_balance("lc_usance", " 90 "),
        Ok(BalanceDue::LcUsance { days: 90 })
    );
    for days in ["", "0", "361", "-30", "9999", "30.5"] {
        assert!(parse_balance("lc_usance", days).is_err(), "{days:?}");
    }
    assert_eq!(
        parse_balance("lc_usance", "0").unwrap_err().to_string(),
        "Enter the usance as whole days from 1 to 360."
    );
    assert_eq!(
        parse_balance("cash", "").unwrap_err().to_string(),
        "Choose when the balance is due."
    );
    for kind in BalanceDue::KINDS {
        let parsed = parse_balance(kind, "30").unwrap();
        assert_eq!(parsed.kind(), kind);
        assert!(!parsed.label().is_empty());
    }
    let stored = serde_json::to_string(&BalanceDue::LcUsance { days: 60 }).unwrap();
    assert_eq!(stored, r#"{"kind":"lc_usance","days":60}"#);
    assert_eq!(
        serde_json::from_str::<BalanceDue>(&stored).unwrap(),
        BalanceDue::LcUsance { days: 60 }
    );
    for kind in [InstalmentKind::Deposit, InstalmentKind::Balance] {
        assert_eq!(InstalmentKind::parse(kind.as_str()), Some(kind));
    }
}

fn any_balance() -> impl Strategy<Value = BalanceDue> {
    prop_oneof![
        Just(BalanceDue::BeforeShipment),
        Just(BalanceDue::AgainstBlCopy),
        Just(BalanceDue::LcAtSight),
        any::<u16>().prop_map(|days| BalanceDue::LcUsance { days }),
    ]
}

proptest! {
    /// The instalments add up to the total, none is zero or negative,
    /// and the deposit, when there is one, comes first.
    #[test]
    fn the_schedule_adds_up(
        total in 0i64..=i64::MAX,
        deposit_bp in 0u32..=10_000,
        balance in any_balance(),
        due_days in any::<u32>(),
    ) {
        let plan = schedule(total, &terms(deposit_bp, balance), day(1), day(31), due_days);
        let sum: i128 = plan.iter().map(|i| i128::from(i.amount_minor)).sum();
        prop_assert_eq!(sum, i128::from(total));
        prop_assert!(plan.len() <= 2);
        prop_assert!(plan.iter().all(|i| i.amount_minor > 0));
        if deposit_bp == 0 {
            prop_assert!(plan.iter().all(|i| i.kind == InstalmentKind::Balance));
        }
        if deposit_bp == FULL_BP {
            prop_assert!(plan.iter().all(|i| i.kind == InstalmentKind::Deposit));
        }
        if plan.len() == 2 {
            prop_assert_eq!(plan[0].kind, InstalmentKind::Deposit);
            prop_assert_eq!(plan[1].kind, InstalmentKind::Balance);
        }
    }

    /// Nonsense in (a negative total, a share above 100 %) never makes
    /// an instalment negative or the schedule panic.
    #[test]
    fn odd_input_never_goes_negative(
        total in any::<i64>(),
        deposit_bp in any::<u32>(),
        due_days in any::<u32>(),
        confirmed in 0i64..200_000,
    ) {
        let confirmed = day(1) + chrono::Duration::days(confirmed);
        let plan = schedule(total, &terms(deposit_bp, BalanceDue::LcAtSight), confirmed, day(31), due_days);
        prop_assert!(plan.iter().all(|i| i.amount_minor > 0));
        let sum: i128 = plan.iter().map(|i| i128::from(i.amount_minor)).sum();
        prop_assert_eq!(sum, i128::from(total.max(0)));
    }

    /// A penalty is never negative, never above its cap, and never falls
    /// as the days late grow.
    #[test]
    fn penalties_are_capped_and_grow(
        total in any::<i64>(),
        per_day in 0u32..=10_000,
        days in any::<i64>(),
        more in 0i64..1_000,
        cap in 0u32..=10_000,
    ) {
        let penalty = late_penalty(total, per_day, days, cap);
        prop_assert!(penalty >= 0);
        prop_assert!(i128::from(penalty) * 10_000 <= i128::from(total.max(0)) * i128::from(cap));
        let later = late_penalty(total, per_day, days.saturating_add(more), cap);
        prop_assert!(later >= penalty);
    }

    /// Whatever is typed, parsing answers without panicking, and an
    /// answer is a share between 0 and 100 %.
    #[test]
    fn typed_terms_never_panic(
        raw in "\\PC{0,40}",
        shaped in "[ -]?[0-9]{0,5}(\\.[0-9]{0,4})? ?%?",
        kind in "[a-z_]{0,20}",
    ) {
        for text in [&raw, &shaped] {
            if let Ok(bp) = parse_deposit_percent(text) {
                prop_assert!(bp <= FULL_BP);
            }
            let _ = parse_balance(&kind, text);
            for known in BalanceDue::KINDS {
                if let Ok(BalanceDue::LcUsance { days }) = parse_balance(known, text) {
                    prop_assert!((1..=MAX_USANCE_DAYS).contains(&days));
                }
            }
        }
    }

    /// Every share the form can hold reads back from how it is shown.
    #[test]
    fn percentages_round_trip(bp in 0u32..=10_000) {
        prop_assert_eq!(parse_deposit_percent(&format_percent(bp)), Ok(bp));
        let plain = format!("{}.{:02}", bp / 100, bp % 100);
        prop_assert_eq!(parse_deposit_percent(&plain), Ok(bp));
    }
}
