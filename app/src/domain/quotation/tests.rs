use super::*;
use proptest::prelude::*;

#[test]
fn every_refusal_says_in_english_what_the_error_says() {
    use crate::i18n::Locale;
    let mut errors = vec![
        QuoteError::Overflow,
        QuoteError::Expired {
            valid_until: day(31),
        },
        QuoteError::StaleRevision {
            accepted: 2,
            current: 3,
        },
        QuoteError::UnknownRevision { revision: 4 },
    ];
    for status in QuotationStatus::ALL {
        for step in QuoteStep::ALL {
            errors.push(QuoteError::NotAllowed { status, step });
        }
    }
    for error in errors {
        let refusal = error.refusal();
        assert_eq!(refusal.to_string(), error.to_string());
        for locale in Locale::ALL {
            assert!(
                !refusal.text(locale).contains("input-"),
                "{locale:?} {error:?}"
            );
        }
    }
}

#[test]
fn a_draft_goes_to_approval_only_with_factories_and_prices() {
    assert_eq!(submit_problems(&[]).len(), 1);
    let ready = LineReadiness {
        line_no: 1,
        has_factory: true,
        purchase_price_minor: 800,
        selling_price_minor: 1_000,
    };
    assert!(submit_problems(&[ready]).is_empty());
    let unpriced = LineReadiness {
        line_no: 2,
        has_factory: false,
        purchase_price_minor: 0,
        selling_price_minor: 0,
    };
    let problems = submit_problems(&[ready, unpriced]);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems.iter().all(|p| p.to_string().starts_with("Line 2")));
    assert_eq!(
        problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "Line 2: choose the factory.",
            "Line 2: give the factory's price.",
            "Line 2: give the selling price.",
        ]
    );
    assert_eq!(
        submit_problems(&[])[0].to_string(),
        "A quotation needs at least one line."
    );
}

#[test]
fn the_commitment_is_the_requested_day_unless_the_lead_time_is_longer() {
    let accepted = day(1);
    assert_eq!(committed_date(Some(day(20)), 10, accepted), day(20));
    assert_eq!(committed_date(Some(day(5)), 10, accepted), day(11));
    assert_eq!(committed_date(None, 10, accepted), day(11));
}

proptest! {
    #[test]
    fn the_commitment_is_never_before_the_lead_time_nor_the_request(
        lead in 0u32..400,
        offset in 0i64..400,
    ) {
        let accepted = day(1);
        let requested = accepted + chrono::Duration::days(offset);
        let committed = committed_date(Some(requested), lead, accepted);
        prop_assert!(committed >= requested);
        prop_assert!(committed >= accepted + chrono::Duration::days(i64::from(lead)));
    }
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
}

fn line(quantity: i64, purchase: i64, selling: i64, lead: u32) -> QuoteLine {
    QuoteLine {
        quantity,
        purchase_price_minor: purchase,
        selling_price_minor: selling,
        lead_time_days: lead,
    }
}

#[test]
fn a_line_earns_its_margin() {
    // 1 000 mugs bought at 2.40, sold at 3.20.
    let mugs = line(1_000, 240, 320, 35);
    assert_eq!(line_revenue(&mugs), Ok(320_000));
    assert_eq!(line_cost(&mugs), Ok(240_000));
    assert_eq!(line_margin(&mugs), Ok(80_000));
    assert_eq!(margin_bp(80_000, 320_000), Some(2_500));
    // Sold below cost: a negative margin.
    let loss = line(10, 500, 400, 0);
    assert_eq!(line_margin(&loss), Ok(-1_000));
    assert_eq!(margin_bp(-1_000, 4_000), Some(-2_500));
}

#[test]
fn margins_round_down_and_need_revenue() {
    // 14.999… % is below 15 %.
    assert_eq!(margin_bp(14_999, 100_000), Some(1_499));
    assert_eq!(margin_bp(1, 3), Some(3_333));
    // Down means down for losses too: −0.5 bp reads as −1 bp.
    assert_eq!(margin_bp(-1, 20_000), Some(-1));
    assert_eq!(margin_bp(0, 100), Some(0));
    assert_eq!(margin_bp(100, 0), None);
    assert_eq!(margin_bp(i64::MAX, 1), Some(i64::MAX));
    assert_eq!(margin_bp(i64::MIN, 1), Some(i64::MIN));
}

#[test]
fn amounts_too_large_are_an_error() {
    let huge = line(i64::MAX, 2, 2, 0);
    assert_eq!(line_revenue(&huge), Err(QuoteError::Overflow));
    assert_eq!(line_cost(&huge), Err(QuoteError::Overflow));
    assert_eq!(line_margin(&huge), Err(QuoteError::Overflow));
    // Each line fits, the sum does not.
    let half = line(1, 0, i64::MAX / 2 + 1, 0);
    assert_eq!(totals(&[half, half]), Err(QuoteError::Overflow));
    // Revenue and cost fit, their difference does not.
    let wide = line(1, i64::MIN, i64::MAX, 0);
    assert_eq!(line_margin(&wide), Err(QuoteError::Overflow));
}

#[test]
fn totals_add_up_the_lines() {
    let lines = [line(1_000, 240, 320, 35), line(500, 1_000, 1_100, 50)];
    assert_eq!(
        totals(&lines),
        Ok(QuoteTotals {
            revenue_minor: 870_000,
            cost_minor: 740_000,
            margin_minor: 130_000,
            margin_bp: Some(1_494),
            lead_time_days: 50,
        })
    );
    assert_eq!(totals(&[]), Ok(QuoteTotals::default()));
    assert_eq!(totals(&[]).unwrap().margin_bp, None);
}

#[test]
fn statuses_round_trip() {
    for status in QuotationStatus::ALL {
        assert_eq!(QuotationStatus::parse(status.as_str()), Some(status));
        let stored = serde_json::to_string(&status).unwrap();
        assert_eq!(stored, format!("\"{}\"", status.as_str()));
    }
    assert_eq!(
        QuotationStatus::parse("in_approval"),
        Some(QuotationStatus::InApproval)
    );
    assert_eq!(QuotationStatus::parse("InApproval"), None);
    assert_eq!(QuotationStatus::parse(""), None);
}

#[test]
fn the_usual_way_to_a_contract() {
    use QuotationStatus::*;
    let (today, until) = (day(1), day(31));
    let step = |status, step| next(status, step, today, until);
    let submitted = step(
        Draft,
        QuoteStep::Submit {
            needs_approval: true,
        },
    );
    assert_eq!(submitted, Ok(InApproval));
    assert_eq!(step(InApproval, QuoteStep::ApprovalsDone), Ok(Approved));
    assert_eq!(step(Approved, QuoteStep::Send), Ok(Sent));
    assert_eq!(step(Sent, QuoteStep::Accept), Ok(Accepted));
    assert_eq!(step(Sent, QuoteStep::Decline), Ok(Declined));
    // No approval needed: straight to approved.
    let direct = step(
        Draft,
        QuoteStep::Submit {
            needs_approval: false,
        },
    );
    assert_eq!(direct, Ok(Approved));
    // A rejection and a revision both go back to draft.
    assert_eq!(step(InApproval, QuoteStep::Rejected), Ok(Draft));
    assert_eq!(step(Sent, QuoteStep::Revise), Ok(Draft));
    assert_eq!(step(Approved, QuoteStep::Revise), Ok(Draft));
}

#[test]
fn steps_out_of_turn_are_refused() {
    use QuotationStatus::*;
    let (today, until) = (day(1), day(31));
    let err = next(Draft, QuoteStep::Send, today, until).unwrap_err();
    assert_eq!(
        err,
        QuoteError::NotAllowed {
            status: Draft,
            step: QuoteStep::Send
        }
    );
    assert_eq!(
        err.to_string(),
        "The quotation is draft; it cannot be sent now."
    );
    assert_eq!(err.refusal().to_string(), err.to_string());
    assert!(next(Approved, QuoteStep::Accept, today, until).is_err());
    assert!(next(InApproval, QuoteStep::Send, today, until).is_err());
    assert!(next(Draft, QuoteStep::Revise, today, until).is_err());
    for status in QuotationStatus::ALL.into_iter().filter(|s| s.is_final()) {
        for step in QuoteStep::ALL {
            assert!(
                next(status, step, today, until).is_err(),
                "{status:?} {step:?}"
            );
        }
    }
}

#[test]
fn the_validity_date_is_the_last_day_to_accept() {
    use QuotationStatus::*;
    assert_eq!(
        next(Sent, QuoteStep::Accept, day(31), day(31)),
        Ok(Accepted)
    );
    assert_eq!(
        next(
            Sent,
            QuoteStep::Accept,
            NaiveDate::from_ymd_opt(2027, 4, 1).unwrap(),
            day(31)
        ),
        Err(QuoteError::Expired {
            valid_until: day(31)
        })
    );
    assert_eq!(
        next(Approved, QuoteStep::Send, day(2), day(1)),
        Err(QuoteError::Expired {
            valid_until: day(1)
        })
    );
    // Declining and withdrawing stay possible after the validity.
    assert_eq!(next(Sent, QuoteStep::Decline, day(2), day(1)), Ok(Declined));
    assert_eq!(
        next(Sent, QuoteStep::Withdraw, day(2), day(1)),
        Ok(Withdrawn)
    );
    assert_eq!(lapse(Sent, day(2), day(1)), Some(Expired));
    assert_eq!(lapse(Sent, day(1), day(1)), None);
    assert_eq!(lapse(Approved, day(2), day(1)), None);
    assert_eq!(lapse(Accepted, day(2), day(1)), None);
}

#[test]
fn the_house_may_withdraw_until_the_end() {
    for status in QuotationStatus::ALL {
        let withdrawn = next(status, QuoteStep::Withdraw, day(1), day(2));
        if status.is_final() {
            assert!(withdrawn.is_err());
        } else {
            assert_eq!(withdrawn, Ok(QuotationStatus::Withdrawn));
        }
    }
    assert!(QuoteStep::Accept.by_customer());
    assert!(QuoteStep::Decline.by_customer());
    assert!(!QuoteStep::Withdraw.by_customer());
}

#[test]
fn only_the_current_sent_revision_can_be_accepted() {
    use QuotationStatus::*;
    assert_eq!(check_acceptance(3, 3, Sent), Ok(()));
    let stale = check_acceptance(2, 3, Sent).unwrap_err();
    assert_eq!(
        stale,
        QuoteError::StaleRevision {
            accepted: 2,
            current: 3
        }
    );
    assert!(stale.to_string().contains("revision 3"));
    // Revision 3 being prepared: revision 2 is gone already.
    assert!(matches!(
        check_acceptance(2, 3, Draft),
        Err(QuoteError::StaleRevision { .. })
    ));
    assert_eq!(
        check_acceptance(4, 3, Sent),
        Err(QuoteError::UnknownRevision { revision: 4 })
    );
    assert!(matches!(
        check_acceptance(3, 3, Approved),
        Err(QuoteError::NotAllowed { .. })
    ));
    assert_eq!(revision_after(1, QuoteStep::Rejected), 2);
    assert_eq!(revision_after(2, QuoteStep::Revise), 3);
    assert_eq!(revision_after(2, QuoteStep::Send), 2);
    assert_eq!(revision_after(u32::MAX, QuoteStep::Revise), u32::MAX);
}

fn any_step() -> impl Strategy<Value = QuoteStep> {
    proptest::sample::select(QuoteStep::ALL.to_vec())
}

fn any_status() -> impl Strategy<Value = QuotationStatus> {
    proptest::sample::select(QuotationStatus::ALL.to_vec())
}

proptest! {
    /// No input makes the arithmetic panic, and whatever it returns is
    /// the exact figure.
    #[test]
    fn line_figures_are_exact_or_an_error(
        quantity in any::<i64>(),
        purchase in any::<i64>(),
        selling in any::<i64>(),
    ) {
        let l = line(quantity, purchase, selling, 0);
        let revenue = i128::from(quantity) * i128::from(selling);
        let cost = i128::from(quantity) * i128::from(purchase);
        match line_revenue(&l) {
            Ok(r) => prop_assert_eq!(i128::from(r), revenue),
            Err(_) => prop_assert!(i64::try_from(revenue).is_err()),
        }
        match line_cost(&l) {
            Ok(c) => prop_assert_eq!(i128::from(c), cost),
            Err(_) => prop_assert!(i64::try_from(cost).is_err()),
        }
        if let Ok(m) = line_margin(&l) {
            prop_assert_eq!(i128::from(m), revenue - cost);
        }
        if let Ok(t) = totals(&[l, l]) {
            prop_assert_eq!(i128::from(t.margin_minor), 2 * (revenue - cost));
        }
    }

    /// The margin in basis points is the largest whole number not above
    /// the exact share.
    #[test]
    fn margin_bp_is_the_floor_of_the_share(
        margin in -1_000_000_000_000i64..1_000_000_000_000,
        revenue in 1i64..1_000_000_000_000,
    ) {
        let bp = i128::from(margin_bp(margin, revenue).unwrap());
        let (m, r) = (i128::from(margin) * 10_000, i128::from(revenue));
        prop_assert!(bp * r <= m);
        prop_assert!((bp + 1) * r > m);
    }

    /// Within realistic sizes the totals always exist, add up exactly,
    /// and a quotation sold at or above cost has a margin of 0–100 %.
    #[test]
    fn realistic_quotations_add_up(
        raw in proptest::collection::vec(
            (1i64..1_000_000, 0i64..1_000_000_000, 0i64..1_000_000_000, 0u32..400),
            0..20,
        ),
    ) {
        let lines: Vec<QuoteLine> = raw.iter().map(|&(q, p, s, d)| line(q, p, s, d)).collect();
        let t = totals(&lines).unwrap();
        let revenue: i64 = lines.iter().map(|l| l.quantity * l.selling_price_minor).sum();
        let cost: i64 = lines.iter().map(|l| l.quantity * l.purchase_price_minor).sum();
        prop_assert_eq!(t.revenue_minor, revenue);
        prop_assert_eq!(t.cost_minor, cost);
        prop_assert_eq!(t.margin_minor, revenue - cost);
        let margins: i64 = lines.iter().map(|l| line_margin(l).unwrap()).sum();
        prop_assert_eq!(t.margin_minor, margins);
        prop_assert_eq!(t.lead_time_days, lines.iter().map(|l| l.lead_time_days).max().unwrap_or(0));
        if revenue > 0 && cost <= revenue {
            let bp = t.margin_bp.unwrap();
            prop_assert!((0..=10_000).contains(&bp));
        }
    }

    /// Any sequence of steps: final states stay final, only a sent
    /// quotation becomes accepted, and never after its validity.
    #[test]
    fn the_state_machine_holds(
        steps in proptest::collection::vec((any_step(), 0u32..60), 0..30),
    ) {
        let until = day(20);
        let mut status = QuotationStatus::Draft;
        for (step, offset) in steps {
            let today = day(1) + chrono::Duration::days(i64::from(offset));
            match next(status, step, today, until) {
                Ok(after) => {
                    prop_assert!(!status.is_final());
                    if after == QuotationStatus::Accepted {
                        prop_assert_eq!(status, QuotationStatus::Sent);
                        prop_assert!(today <= until);
                    }
                    if after == QuotationStatus::Sent {
                        prop_assert_eq!(status, QuotationStatus::Approved);
                    }
                    status = after;
                }
                Err(QuoteError::Expired { .. }) => {
                    prop_assert!(today > until);
                }
                Err(_) => {}
            }
        }
    }

    /// Acceptance is valid exactly for the current revision while sent.
    #[test]
    fn acceptance_needs_the_current_sent_revision(
        accepted in any::<u32>(),
        current in any::<u32>(),
        status in any_status(),
    ) {
        let ok = check_acceptance(accepted, current, status).is_ok();
        prop_assert_eq!(ok, accepted == current && status == QuotationStatus::Sent);
    }
}
