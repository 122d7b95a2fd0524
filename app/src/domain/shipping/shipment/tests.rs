use super::*;
use proptest::prelude::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 6, d).unwrap()
}

#[test]
fn customs_steps() {
    use CustomsStatus::*;
    let allowed = [
        (NotDeclared, Declared),
        (Declared, Inspected),
        (Declared, Released),
        (Declared, Held),
        (Inspected, Released),
        (Inspected, Held),
        (Held, Inspected),
        (Held, Released),
    ];
    for from in CustomsStatus::ALL {
        assert_eq!(CustomsStatus::parse(from.as_str()), Some(from));
        assert!(from.key().ends_with(from.as_str()));
        for to in CustomsStatus::ALL {
            let expected = if from == Released {
                Err(CustomsError::AlreadyReleased)
            } else if allowed.contains(&(from, to)) {
                Ok(to)
            } else {
                Err(CustomsError::NotAllowed { from, to })
            };
            assert_eq!(from.move_to(to), expected, "{from:?} → {to:?}");
        }
    }
    assert_eq!(CustomsStatus::parse("cleared"), None);
    assert_eq!(
        serde_json::to_string(&NotDeclared).unwrap(),
        r#""not_declared""#
    );
}

#[test]
fn stages_follow_the_actual_dates() {
    let mut voyage = Voyage {
        etd: Some(day(1)),
        eta: Some(day(20)),
        ..Voyage::default()
    };
    assert_eq!(voyage.stage(), ShipmentStage::Planned);
    voyage.atd = Some(day(2));
    assert_eq!(voyage.stage(), ShipmentStage::Departed);
    voyage.ata = Some(day(21));
    assert_eq!(voyage.stage(), ShipmentStage::Arrived);
    assert!(voyage.check(day(30)).is_empty());
}

#[test]
fn what_is_wrong_with_a_voyage() {
    use VoyageError::*;
    let today = day(10);
    let voyage = Voyage {
        etd: Some(day(5)),
        atd: None,
        eta: Some(day(4)),
        ata: Some(day(9)),
    };
    assert_eq!(
        voyage.check(today),
        vec![EtaBeforeDeparture { departure: day(5) }, AtaWithoutAtd]
    );
    let voyage = Voyage {
        etd: Some(day(5)),
        atd: Some(day(12)),
        eta: Some(day(11)),
        ata: Some(day(11)),
    };
    let errors = voyage.check(today);
    assert_eq!(
        errors,
        vec![
            EtaBeforeDeparture { departure: day(12) },
            AtaBeforeAtd { atd: day(12) },
            AtdInFuture,
            AtaInFuture
        ]
    );
    let fields: Vec<_> = errors.iter().map(|e| e.field().as_str()).collect();
    assert_eq!(fields, ["eta", "ata", "atd", "ata"]);
    // An ETA in the future is a plan, not a mistake.
    let planned = Voyage {
        etd: Some(day(12)),
        eta: Some(day(30)),
        ..Voyage::default()
    };
    assert!(planned.check(today).is_empty());
    let far = NaiveDate::from_ymd_opt(2101, 1, 1).unwrap();
    let old = NaiveDate::from_ymd_opt(1999, 12, 31).unwrap();
    let voyage = Voyage {
        etd: Some(old),
        atd: None,
        eta: Some(far),
        ata: None,
    };
    assert_eq!(
        voyage.check(today),
        vec![
            OutOfRange {
                field: VoyageDate::Etd
            },
            OutOfRange {
                field: VoyageDate::Eta
            }
        ]
    );
}

#[test]
fn part_shipments() {
    assert_eq!(partial_quantities(100, 60, 40), Ok(()));
    assert_eq!(partial_quantities(100, 0, 1), Ok(()));
    assert_eq!(
        partial_quantities(100, 60, 41),
        Err(QuantityError::MoreThanLeft { left: 40 })
    );
    assert_eq!(
        partial_quantities(100, 100, 1),
        Err(QuantityError::NothingLeft)
    );
    assert_eq!(
        partial_quantities(100, 0, 0),
        Err(QuantityError::NotPositive)
    );
    assert_eq!(
        partial_quantities(100, 0, -5).unwrap_err().key(),
        "shipment-qty-not-positive"
    );
}

#[test]
fn eta_news() {
    assert!(!eta_changed(None, None));
    assert!(!eta_changed(Some(day(3)), Some(day(3))));
    assert!(eta_changed(None, Some(day(3))));
    assert!(eta_changed(Some(day(3)), Some(day(4))));
    assert!(eta_changed(Some(day(3)), None));
}

fn any_date() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of((-400_000i64..400_000).prop_map(|d| day(1) + chrono::Duration::days(d)))
}

proptest! {
    /// Any dates at all give an answer, and each error names a date the
    /// voyage has.
    #[test]
    fn odd_dates_never_panic(
        etd in any_date(), atd in any_date(), eta in any_date(), ata in any_date(),
        today in (-40_000i64..40_000).prop_map(|d| day(1) + chrono::Duration::days(d)),
    ) {
        let voyage = Voyage { etd, atd, eta, ata };
        for error in voyage.check(today) {
            let date = match error.field() {
                VoyageDate::Etd => voyage.etd,
                VoyageDate::Atd => voyage.atd,
                VoyageDate::Eta => voyage.eta,
                VoyageDate::Ata => voyage.ata,
            };
            prop_assert!(date.is_some());
            prop_assert!(!error.key().is_empty());
        }
    }

    /// A voyage whose dates follow each other and lie in the past is in
    /// order.
    #[test]
    fn orderly_voyages_pass(
        start in 0i64..20_000,
        gaps in (0i64..60, 0i64..60, 0i64..60, 0i64..60),
        departed in any::<bool>(),
        arrived in any::<bool>(),
    ) {
        let etd = NaiveDate::from_ymd_opt(2001, 1, 1).unwrap() + chrono::Duration::days(start);
        let atd = etd + chrono::Duration::days(gaps.0);
        let eta = atd + chrono::Duration::days(gaps.1);
        let ata = atd + chrono::Duration::days(gaps.2);
        let today = ata.max(eta) + chrono::Duration::days(gaps.3);
        let voyage = Voyage {
            etd: Some(etd),
            atd: departed.then_some(atd),
            eta: Some(eta),
            ata: (departed && arrived).then_some(ata),
        };
        prop_assert!(voyage.check(today).is_empty(), "{:?}", voyage.check(today));
    }

    /// A part shipment is accepted exactly when it is above zero and
    /// within what is left.
    #[test]
    fn part_shipments_stay_within_the_order(
        ordered in 0i64..1_000_000,
        elsewhere in 0i64..1_000_000,
        this in -10i64..1_000_000,
    ) {
        let ok = partial_quantities(ordered, elsewhere, this).is_ok();
        prop_assert_eq!(ok, this > 0 && this <= ordered - elsewhere);
    }

    /// Odd figures never panic.
    #[test]
    fn part_shipments_never_panic(ordered in any::<i64>(), elsewhere in any::<i64>(), this in any::<i64>()) {
        if partial_quantities(ordered, elsewhere, this).is_ok() {
            prop_assert!(this > 0 && this <= ordered);
        }
    }
}
