use super::*;
use proptest::prelude::*;

#[test]
fn every_error_has_its_english_in_the_catalogue() {
    use crate::i18n::Locale;
    for error in [
        ApprovalError::NoSuchStep,
        ApprovalError::AlreadyDecided,
        ApprovalError::Closed,
        ApprovalError::NotCurrent,
        ApprovalError::CommentNeeded,
    ] {
        assert_eq!(Locale::En.t(error.key()), error.to_string());
        assert_ne!(Locale::De.t(error.key()), error.to_string(), "{error:?}");
    }
}

fn t(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(minutes)
}

fn facts(total_minor: i64, margin_bp: Option<i64>, deposit: DepositCheck) -> QuoteFacts {
    QuoteFacts {
        total_minor,
        margin_bp,
        deposit,
    }
}

fn levels(route: &[RouteEntry]) -> Vec<StaffLevel> {
    route.iter().map(|e| e.level).collect()
}

fn yes(by: i32, at: i64) -> Decision {
    Decision {
        approve: true,
        by,
        at: t(at),
        comment: String::new(),
    }
}

fn no(by: i32, at: i64, comment: &str) -> Decision {
    Decision {
        approve: false,
        by,
        at: t(at),
        comment: comment.to_string(),
    }
}

#[test]
fn levels_round_trip_in_order() {
    for level in StaffLevel::ALL {
        assert_eq!(StaffLevel::parse(level.as_str()), Some(level));
    }
    assert_eq!(StaffLevel::parse("admin"), None);
    assert!(StaffLevel::SalesManager < StaffLevel::CostAccountant);
    assert!(StaffLevel::CostAccountant < StaffLevel::CommercialDirector);
    let stored = serde_json::to_string(&StaffLevel::CommercialDirector).unwrap();
    assert_eq!(stored, "\"commercial_director\"");
}

#[test]
fn the_default_route() {
    use StaffLevel::*;
    let rules = ApprovalRules::default();
    let healthy = route(&rules, &facts(1_000_000, Some(2_500), DepositCheck::Enough));
    assert_eq!(
        healthy,
        [RouteEntry {
            level: SalesManager,
            reasons: vec![RouteReason::Always]
        }]
    );
    // 15 % exactly is enough; below it the cost accountant checks.
    let at_limit = route(&rules, &facts(1_000_000, Some(1_500), DepositCheck::Enough));
    assert_eq!(levels(&at_limit), [SalesManager]);
    let thin = route(&rules, &facts(1_000_000, Some(1_499), DepositCheck::Enough));
    assert_eq!(levels(&thin), [SalesManager, CostAccountant]);
    assert_eq!(
        thin[1].reasons,
        [RouteReason::LowMargin {
            margin_bp: 1_499,
            limit_bp: 1_500
        }]
    );
    let unknown = route(&rules, &facts(0, None, DepositCheck::Enough));
    assert_eq!(unknown[1].reasons, [RouteReason::NoMargin]);
    // Without an amount limit, only a short deposit calls the director.
    let short = DepositCheck::NeedsDirector { short_by_bp: 2_000 };
    let big_short = route(&rules, &facts(i64::MAX, Some(2_500), short));
    assert_eq!(levels(&big_short), [SalesManager, CommercialDirector]);
}

#[test]
fn one_entry_per_level_with_every_reason() {
    use StaffLevel::*;
    let rules = ApprovalRules {
        always: vec![CommercialDirector, SalesManager, SalesManager],
        director_above_amount_minor: Some(10_000_000),
        ..ApprovalRules::default()
    };
    let short = DepositCheck::NeedsDirector { short_by_bp: 2_000 };
    let got = route(&rules, &facts(10_000_001, Some(900), short));
    assert_eq!(
        levels(&got),
        [SalesManager, CostAccountant, CommercialDirector]
    );
    assert_eq!(got[0].reasons, [RouteReason::Always]);
    assert_eq!(
        got[2].reasons,
        [
            RouteReason::Always,
            RouteReason::LargeAmount {
                total_minor: 10_000_001,
                limit_minor: 10_000_000
            },
            RouteReason::DepositShort { short_by_bp: 2_000 },
        ]
    );
    // At the limit is not above it.
    let at = route(
        &rules,
        &facts(10_000_000, Some(9_000), DepositCheck::Enough),
    );
    assert_eq!(at[1].reasons, [RouteReason::Always]);
    // No rules, no route: the quotation needs no approval.
    let none = ApprovalRules {
        always: Vec::new(),
        cost_accountant_below_margin_bp: None,
        director_above_amount_minor: None,
        director_when_deposit_short: false,
        step_target_minutes: 240,
    };
    assert!(route(&none, &facts(i64::MAX, None, short)).is_empty());
}

fn steps_for(levels: &[StaffLevel]) -> Vec<ApprovalStep> {
    let entries: Vec<RouteEntry> = levels
        .iter()
        .map(|level| RouteEntry {
            level: *level,
            reasons: vec![RouteReason::Always],
        })
        .collect();
    plan(&entries, t(0), 240)
}

#[test]
fn steps_are_taken_in_order() {
    use StaffLevel::*;
    let mut steps = steps_for(&[SalesManager, CostAccountant, CommercialDirector]);
    assert_eq!(steps[0].due, t(240));
    assert_eq!(steps[2].due, t(720));
    assert_eq!(current_step(&steps), Some(0));
    assert_eq!(
        decide(&mut steps, 1, yes(2, 10)),
        Err(ApprovalError::NotCurrent)
    );
    assert_eq!(
        decide(&mut steps, 3, yes(2, 10)),
        Err(ApprovalError::NoSuchStep)
    );
    // Approved early: the next step gets its full four hours from now.
    assert_eq!(
        decide(&mut steps, 0, yes(1, 60)),
        Ok(ApprovalOutcome::Pending { step: 1 })
    );
    assert_eq!(steps[1].due, t(300));
    assert_eq!(steps[2].due, t(540));
    // The second of two approvers at once finds the step decided.
    assert_eq!(
        decide(&mut steps, 0, yes(9, 61)),
        Err(ApprovalError::AlreadyDecided)
    );
    assert_eq!(
        decide(&mut steps, 1, yes(2, 400)),
        Ok(ApprovalOutcome::Pending { step: 2 })
    );
    assert_eq!(steps[2].due, t(640));
    let done = decide(&mut steps, 2, yes(3, 500)).unwrap();
    assert_eq!(done, ApprovalOutcome::Approved);
    assert_eq!(done.quote_step(), Some(QuoteStep::ApprovalsDone));
    assert_eq!(current_step(&steps), None);
}

#[test]
fn one_rejection_ends_the_sequence() {
    use StaffLevel::*;
    let mut steps = steps_for(&[SalesManager, CostAccountant]);
    assert_eq!(
        decide(&mut steps, 0, no(1, 5, "  ")),
        Err(ApprovalError::CommentNeeded)
    );
    let sent_back = decide(&mut steps, 0, no(1, 5, "Freight is missing.")).unwrap();
    assert_eq!(sent_back, ApprovalOutcome::Rejected { step: 0 });
    assert_eq!(sent_back.quote_step(), Some(QuoteStep::Rejected));
    assert_eq!(current_step(&steps), None);
    assert_eq!(decide(&mut steps, 1, yes(2, 6)), Err(ApprovalError::Closed));
    // No steps at all: approved.
    assert_eq!(outcome(&[]), ApprovalOutcome::Approved);
    assert_eq!(current_step(&[]), None);
}

#[test]
fn who_may_act() {
    use StaffLevel::*;
    let mut steps = steps_for(&[CostAccountant]);
    assert!(can_act(Some(CostAccountant), false, &steps[0]));
    assert!(!can_act(Some(CommercialDirector), false, &steps[0]));
    assert!(!can_act(Some(SalesManager), false, &steps[0]));
    assert!(!can_act(None, false, &steps[0]));
    assert!(can_act(None, true, &steps[0]));
    assert!(can_act(Some(Sales), true, &steps[0]));
    decide(&mut steps, 0, yes(1, 1)).unwrap();
    assert!(!can_act(Some(CostAccountant), false, &steps[0]));
    assert!(!can_act(None, true, &steps[0]));
}

#[test]
fn reminders_then_escalation_each_once() {
    let mut steps = steps_for(&[StaffLevel::SalesManager]);
    let step = &steps[0];
    assert_eq!(overdue(step, t(239), 240), Reminder::Nothing);
    assert_eq!(overdue(step, t(240), 240), Reminder::Remind);
    assert_eq!(overdue(step, t(479), 240), Reminder::Remind);
    assert_eq!(overdue(step, t(480), 240), Reminder::Escalate);
    assert_eq!(
        reminder_to_send(&steps, t(100), 240, Reminder::Nothing),
        None
    );
    assert_eq!(
        reminder_to_send(&steps, t(300), 240, Reminder::Nothing),
        Some((0, Reminder::Remind))
    );
    assert_eq!(
        reminder_to_send(&steps, t(300), 240, Reminder::Remind),
        None
    );
    assert_eq!(
        reminder_to_send(&steps, t(500), 240, Reminder::Remind),
        Some((0, Reminder::Escalate))
    );
    assert_eq!(
        reminder_to_send(&steps, t(900), 240, Reminder::Escalate),
        None
    );
    // A job that slept through the reminder escalates straight away.
    assert_eq!(
        reminder_to_send(&steps, t(900), 240, Reminder::Nothing),
        Some((0, Reminder::Escalate))
    );
    decide(&mut steps, 0, yes(1, 1_000)).unwrap();
    assert_eq!(overdue(&steps[0], t(2_000), 240), Reminder::Nothing);
    assert_eq!(
        reminder_to_send(&steps, t(2_000), 240, Reminder::Nothing),
        None
    );
}

fn any_level() -> impl Strategy<Value = StaffLevel> {
    proptest::sample::select(StaffLevel::ALL.to_vec())
}

fn any_deposit() -> impl Strategy<Value = DepositCheck> {
    prop_oneof![
        Just(DepositCheck::Enough),
        (1u32..=10_000).prop_map(|short_by_bp| DepositCheck::NeedsDirector { short_by_bp }),
    ]
}

fn any_rules() -> impl Strategy<Value = ApprovalRules> {
    (
        proptest::collection::vec(any_level(), 0..5),
        proptest::option::of(0u32..5_000),
        proptest::option::of(any::<i64>()),
        any::<bool>(),
    )
        .prop_map(|(always, margin, amount, short)| ApprovalRules {
            always,
            cost_accountant_below_margin_bp: margin,
            director_above_amount_minor: amount,
            director_when_deposit_short: short,
            step_target_minutes: 240,
        })
}

fn has(route: &[RouteEntry], level: StaffLevel) -> bool {
    route.iter().any(|e| e.level == level)
}

proptest! {
    /// The route names each level once, in order, each with a reason.
    #[test]
    fn routes_are_ordered_and_unique(
        rules in any_rules(),
        total in any::<i64>(),
        margin in proptest::option::of(any::<i64>()),
        deposit in any_deposit(),
    ) {
        let got = route(&rules, &facts(total, margin, deposit));
        prop_assert!(got.windows(2).all(|w| w[0].level < w[1].level));
        prop_assert!(got.iter().all(|e| !e.reasons.is_empty()));
        for level in &rules.always {
            prop_assert!(has(&got, *level));
        }
    }

    /// A better margin never calls the cost accountant in; a larger
    /// amount never lets the director off.
    #[test]
    fn routes_are_monotonic(
        rules in any_rules(),
        totals in (any::<i64>(), any::<i64>()),
        margins in (-20_000i64..20_000, -20_000i64..20_000),
        deposit in any_deposit(),
    ) {
        let (small, large) = (totals.0.min(totals.1), totals.0.max(totals.1));
        let (thin, fat) = (margins.0.min(margins.1), margins.0.max(margins.1));
        let fat_route = route(&rules, &facts(small, Some(fat), deposit));
        let thin_route = route(&rules, &facts(small, Some(thin), deposit));
        if has(&fat_route, StaffLevel::CostAccountant) {
            prop_assert!(has(&thin_route, StaffLevel::CostAccountant));
        }
        let large_route = route(&rules, &facts(large, Some(fat), deposit));
        if has(&fat_route, StaffLevel::CommercialDirector) {
            prop_assert!(has(&large_route, StaffLevel::CommercialDirector));
        }
    }

    /// Whatever approvers try in whatever order, the sequence ends
    /// approved only when every step was approved, and only the current
    /// step ever takes a decision.
    #[test]
    fn approved_means_every_step_approved(
        levels in proptest::collection::vec(any_level(), 0..5),
        attempts in proptest::collection::vec((0usize..6, any::<bool>()), 0..20),
    ) {
        let mut steps = steps_for(&levels);
        for (n, (idx, approve)) in attempts.into_iter().enumerate() {
            let before = current_step(&steps);
            let minute = i64::try_from(n).unwrap();
            let decision = if approve { yes(1, minute) } else { no(1, minute, "No.") };
            match decide(&mut steps, idx, decision) {
                Ok(_) => prop_assert_eq!(before, Some(idx)),
                Err(_) => prop_assert_ne!(before, Some(idx)),
            }
        }
        if outcome(&steps) == ApprovalOutcome::Approved {
            prop_assert!(steps.iter().all(|s| s.decision.as_ref().is_some_and(|d| d.approve)));
        }
        if let ApprovalOutcome::Rejected { step } = outcome(&steps) {
            prop_assert!(steps[step + 1..].iter().all(|s| s.decision.is_none()));
        }
    }

    /// Reminders only grow with time, and a decided step needs none.
    #[test]
    fn reminders_grow_with_time(
        target in 0u32..10_000,
        a in -20_000i64..20_000,
        b in -20_000i64..20_000,
    ) {
        let step = ApprovalStep {
            level: StaffLevel::SalesManager,
            decision: None,
            due: t(0),
        };
        let (early, late) = (a.min(b), a.max(b));
        prop_assert!(overdue(&step, t(early), target) <= overdue(&step, t(late), target));
        let decided = ApprovalStep {
            decision: Some(yes(1, 0)),
            ..step
        };
        prop_assert_eq!(overdue(&decided, t(late), target), Reminder::Nothing);
    }
}
