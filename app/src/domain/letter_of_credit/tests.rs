use super::*;
use proptest::prelude::*;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, m, d).unwrap()
}

fn form() -> LcForm<'static> {
    LcForm {
        number: " LC-2027/0042 ",
        issuing_bank: "Bank of Example, Hamburg",
        currency: "usd",
        amount: "12500.00",
        tolerance_percent: "5",
        expiry: "2027-09-30",
        latest_shipment: "2027-09-09",
        presentation_days: "",
        partial_shipments: false,
        transhipment: true,
        goods_description: "Cotton T-shirts, white",
    }
}

fn terms() -> LcTerms {
    LcTerms::parse(&form()).unwrap()
}

fn presentation() -> Presentation {
    Presentation {
        currency: "USD".to_string(),
        invoice_amount_minor: 1_250_000,
        shipped_on: day(9, 1),
        presented_on: Some(day(9, 10)),
        partial: false,
        transhipment: false,
        invoice_description: "4000 pcs COTTON T-SHIRTS,  WHITE, sizes S-XL".to_string(),
    }
}

#[test]
fn a_credit_from_its_form() {
    assert_eq!(
        terms(),
        LcTerms {
            number: "LC-2027/0042".to_string(),
            issuing_bank: "Bank of Example, Hamburg".to_string(),
            currency: "USD".to_string(),
            amount_minor: 1_250_000,
            tolerance_bp: 500,
            expiry: day(9, 30),
            latest_shipment: day(9, 9),
            presentation_days: 21,
            partial_shipments: false,
            transhipment: true,
            goods_description: "Cotton T-shirts, white".to_string(),
        }
    );
    let plain = LcForm {
        tolerance_percent: " ",
        presentation_days: "15",
        ..form()
    };
    let parsed = LcTerms::parse(&plain).unwrap();
    assert_eq!(parsed.tolerance_bp, 0);
    assert_eq!(parsed.presentation_days, 15);
}

#[test]
fn every_problem_against_its_field() {
    use LcFieldError::*;
    let long = "B".repeat(81);
    let bad = LcForm {
        number: "",
        issuing_bank: long.as_str(),
        currency: "XXX",
        amount: "0.00",
        tolerance_percent: "12",
        expiry: "2027-09-30",
        latest_shipment: "2027-10-01",
        presentation_days: "91",
        goods_description: "  ",
        ..form()
    };
    assert_eq!(
        LcTerms::parse(&bad).unwrap_err(),
        vec![
            ("number", Empty),
            ("issuing_bank", TooLong { max: 80 }),
            ("currency", UnknownCurrency),
            ("amount", AmountNotPositive),
            ("tolerance", BadTolerance),
            ("latest_shipment", ShipmentAfterExpiry),
            ("presentation_days", BadPresentationDays),
            ("goods_description", Empty),
        ]
    );
    let odd = LcForm {
        number: "LC\u{7}1",
        amount: "12,500",
        expiry: "2101-01-01",
        latest_shipment: "1999-12-31",
        presentation_days: "0",
        ..form()
    };
    assert_eq!(
        LcTerms::parse(&odd).unwrap_err(),
        vec![
            ("number", BadCharacters),
            ("amount", BadAmount),
            ("expiry", BadDate),
            ("latest_shipment", BadDate),
            ("presentation_days", BadPresentationDays),
        ]
    );
    assert_eq!(BadDate.key(), "lc-bad-date");
}

#[test]
fn will_the_goods_ship_in_time() {
    let terms = terms();
    // Latest shipment 9 September; 3 days to the port.
    assert_eq!(
        shipment_risk(&terms, Some(day(8, 20)), 3, day(8, 1)),
        LcRisk::Clear
    );
    assert_eq!(
        shipment_risk(&terms, Some(day(8, 30)), 3, day(8, 1)),
        LcRisk::AtRisk { slack_days: 7 }
    );
    assert_eq!(
        shipment_risk(&terms, Some(day(9, 6)), 3, day(8, 1)),
        LcRisk::AtRisk { slack_days: 0 }
    );
    assert_eq!(
        shipment_risk(&terms, Some(day(9, 10)), 3, day(8, 1)),
        LcRisk::WillMiss { days_late: 4 }
    );
    // A past forecast, or none, counts as ready today.
    assert_eq!(
        shipment_risk(&terms, Some(day(7, 1)), 3, day(9, 8)),
        LcRisk::WillMiss { days_late: 2 }
    );
    assert_eq!(
        shipment_risk(&terms, None, 0, day(9, 2)),
        LcRisk::AtRisk { slack_days: 7 }
    );
    assert_eq!(shipment_risk(&terms, None, 0, day(10, 1)), LcRisk::Expired);
    assert_eq!(
        shipment_risk(&terms, None, u16::MAX, day(8, 1)).key(),
        "lc-risk-will-miss"
    );
}

#[test]
fn complying_documents_have_no_discrepancy() {
    assert!(discrepancies(&terms(), &presentation(), day(9, 10)).is_empty());
    // Within the 5 % tolerance.
    let upper = Presentation {
        invoice_amount_minor: 1_312_500,
        ..presentation()
    };
    assert!(discrepancies(&terms(), &upper, day(9, 10)).is_empty());
}

#[test]
fn each_discrepancy_is_named() {
    let late = Presentation {
        currency: "eur".to_string(),
        invoice_amount_minor: 1_312_501,
        shipped_on: day(9, 12),
        presented_on: None,
        partial: true,
        transhipment: true,
        invoice_description: "Cotton T-shirts, black".to_string(),
    };
    assert_eq!(
        discrepancies(&terms(), &late, day(9, 20)),
        vec![
            Discrepancy::CurrencyDiffers {
                credit: "USD".to_string(),
                invoice: "EUR".to_string()
            },
            Discrepancy::AmountAboveTolerance {
                max: 1_312_500,
                invoiced: 1_312_501
            },
            Discrepancy::ShippedLate {
                latest: day(9, 9),
                shipped: day(9, 12)
            },
            Discrepancy::PartialNotAllowed,
            Discrepancy::DescriptionDiffers,
        ]
    );
    // Shipped 1 September: 21 days to present, so the 22nd is the last.
    let unpresented = Presentation {
        presented_on: None,
        ..presentation()
    };
    assert!(discrepancies(&terms(), &unpresented, day(9, 22)).is_empty());
    assert_eq!(
        discrepancies(&terms(), &unpresented, day(9, 23)),
        vec![Discrepancy::PresentedLate {
            last_day: day(9, 22)
        }]
    );
    // Shipped 9 September: the expiry comes before the 21 days are up.
    let near_expiry = Presentation {
        shipped_on: day(9, 9),
        presented_on: Some(day(10, 1)),
        ..presentation()
    };
    assert_eq!(
        discrepancies(&terms(), &near_expiry, day(10, 1)),
        vec![Discrepancy::Expired { expiry: day(9, 30) }]
    );
    assert_eq!(terms().last_presentation_day(day(9, 9)), day(9, 30));
}

fn any_terms() -> impl Strategy<Value = LcTerms> {
    (
        1i64..1_000_000_000_000,
        0u32..=MAX_TOLERANCE_BP,
        0i64..2_000,
        0i64..200,
        1u16..=90,
    )
        .prop_map(
            |(amount_minor, tolerance_bp, start, window, presentation_days)| {
                let latest_shipment = day(1, 1) + chrono::Duration::days(start);
                LcTerms {
                    amount_minor,
                    tolerance_bp,
                    latest_shipment,
                    expiry: latest_shipment + chrono::Duration::days(window),
                    presentation_days,
                    ..terms()
                }
            },
        )
}

proptest! {
    /// An invoice within the amount plus tolerance is never above it.
    #[test]
    fn within_tolerance_is_never_above(terms in any_terms(), share in 0u32..=10_000) {
        let max = terms.max_drawing_minor();
        prop_assert!(max >= terms.amount_minor);
        let invoiced = i64::try_from(i128::from(max) * i128::from(share) / 10_000).unwrap();
        let presented = Presentation { invoice_amount_minor: invoiced, ..presentation() };
        let found = discrepancies(&terms, &presented, day(1, 1));
        prop_assert!(!found.iter().any(|d| matches!(d, Discrepancy::AmountAboveTolerance { .. })), "rule broken");
    }

    /// Goods shipped on or before the latest shipment date never ship late.
    #[test]
    fn on_time_is_never_late(terms in any_terms(), early in 0i64..3_000, presented in any::<bool>()) {
        let shipped_on = terms.latest_shipment - chrono::Duration::days(early);
        let presented_on = presented.then_some(shipped_on);
        let shipped = Presentation { shipped_on, presented_on, ..presentation() };
        let found = discrepancies(&terms, &shipped, shipped_on);
        prop_assert!(!found.iter().any(|d| matches!(d, Discrepancy::ShippedLate { .. })), "rule broken");
        // Presented (or judged) the day it shipped: always in time.
        prop_assert!(!found.iter().any(|d| matches!(d, Discrepancy::PresentedLate { .. })), "rule broken");
    }

    /// The risk never says "clear" when the goods reach the port late, and
    /// never "will miss" when they are in time.
    #[test]
    fn risk_follows_the_slack(
        terms in any_terms(),
        ready in proptest::option::of(-100i64..3_000),
        to_port in any::<u16>(),
        today in 0i64..3_000,
    ) {
        let today = day(1, 1) + chrono::Duration::days(today);
        let ready = ready.map(|d| day(1, 1) + chrono::Duration::days(d));
        let risk = shipment_risk(&terms, ready, to_port, today);
        let at_port = ready.unwrap_or(today).max(today) + chrono::Duration::days(i64::from(to_port));
        match risk {
            LcRisk::Expired => prop_assert!(today > terms.expiry),
            LcRisk::WillMiss { days_late } => {
                prop_assert!(days_late > 0);
                prop_assert!(at_port > terms.latest_shipment);
            }
            LcRisk::AtRisk { slack_days } => prop_assert!((0..=AT_RISK_SLACK_DAYS).contains(&slack_days)),
            LcRisk::Clear => {
                prop_assert!((terms.latest_shipment - at_port).num_days() > AT_RISK_SLACK_DAYS);
            }
        }
    }

    /// Whatever is typed, the form answers without panicking.
    #[test]
    fn typed_credits_never_panic(
        text in "\\PC{0,40}",
        digits in "[0-9.,% -]{0,12}",
        on_form in 0usize..9,
    ) {
        let mut typed = form();
        for (at, value) in [&text, &digits].into_iter().enumerate() {
            let value = value.as_str();
            match (on_form + at) % 9 {
                0 => typed.number = value,
                1 => typed.issuing_bank = value,
                2 => typed.currency = value,
                3 => typed.amount = value,
                4 => typed.tolerance_percent = value,
                5 => typed.expiry = value,
                6 => typed.latest_shipment = value,
                7 => typed.presentation_days = value,
                _ => typed.goods_description = value,
            }
        }
        if let Ok(terms) = LcTerms::parse(&typed) {
            prop_assert!(terms.amount_minor > 0);
            prop_assert!(terms.tolerance_bp <= MAX_TOLERANCE_BP);
            prop_assert!((1..=MAX_PRESENTATION_DAYS).contains(&terms.presentation_days));
            prop_assert!(terms.latest_shipment <= terms.expiry);
        }
    }
}
