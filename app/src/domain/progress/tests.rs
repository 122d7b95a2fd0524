use super::*;
use proptest::prelude::*;

#[test]
fn each_list_reads_its_bands_and_only_the_stale_list_is_sifted() {
    assert_eq!(LineFilter::parse(""), Some(LineFilter::Open));
    assert_eq!(LineFilter::parse("open"), Some(LineFilter::Open));
    assert_eq!(LineFilter::parse("Late"), None);
    assert_eq!(LineFilter::parse("everything"), None);
    assert_eq!(LineFilter::parse("late"), Some(LineFilter::Late));
    assert_eq!(LineFilter::parse("stale"), Some(LineFilter::Stale));
    assert_eq!(LineFilter::parse("done"), Some(LineFilter::Done));
    let in_factory = [Band::Overdue, Band::Slipped, Band::OnTime];
    assert_eq!(LineFilter::Open.bands(), in_factory);
    assert_eq!(LineFilter::Stale.bands(), in_factory);
    assert_eq!(LineFilter::Late.bands(), [Band::Overdue, Band::Slipped]);
    assert_eq!(LineFilter::Done.bands(), [Band::Finished]);
    assert!(LineFilter::Stale.sifted());
    for filter in [LineFilter::Open, LineFilter::Late, LineFilter::Done] {
        assert!(!filter.sifted(), "{filter:?}");
    }
    assert!(LineFilter::Late.keeps(true, false) && !LineFilter::Late.keeps(false, true));
    assert!(LineFilter::Stale.keeps(false, true) && !LineFilter::Stale.keeps(true, false));
    assert!(LineFilter::Open.keeps(false, false) && LineFilter::Done.keeps(false, false));
}

#[test]
fn a_line_falls_in_one_band() {
    let today = day(10);
    let overdue = PoLineState {
        committed_ready: day(9),
        forecast_ready: None,
        ..line()
    };
    assert_eq!(Band::of(&overdue, today), Band::Overdue);
    let slipped = PoLineState {
        committed_ready: day(10),
        forecast_ready: Some(day(11)),
        ..line()
    };
    assert_eq!(Band::of(&slipped, today), Band::Slipped);
    let early = PoLineState {
        forecast_ready: Some(day(12)),
        ..line()
    };
    assert_eq!(Band::of(&early, today), Band::OnTime);
    assert_eq!(Band::of(&line(), today), Band::OnTime);
    for finished in [Milestone::ReadyToShip, Milestone::Shipped] {
        let line = PoLineState {
            milestone: finished,
            ..overdue
        };
        assert_eq!(Band::of(&line, today), Band::Finished);
    }
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 5, d).unwrap()
}

fn line() -> PoLineState {
    PoLineState {
        milestone: Milestone::InProduction,
        quantity: 1000,
        quantity_done: 400,
        committed_ready: day(20),
        forecast_ready: Some(day(20)),
        po_closed: false,
    }
}

fn input() -> ProgressInput {
    ProgressInput {
        milestone: Milestone::QcPassed,
        quantity_done: 600,
        lot_quantity: None,
        forecast_ready: Some(day(20)),
        reason: None,
        note: None,
    }
}

fn fields(result: Result<AcceptedProgress, Vec<ProgressError>>) -> Vec<&'static str> {
    result
        .unwrap_err()
        .iter()
        .map(ProgressError::field)
        .collect()
}

#[test]
fn milestones_round_trip_and_are_ordered() {
    for m in Milestone::ALL {
        assert_eq!(Milestone::parse(m.as_str()), Some(m));
    }
    assert_eq!(Milestone::parse("done"), None);
    assert!(Milestone::ALL.windows(2).all(|w| w[0] < w[1]));
    assert!(!Milestone::NotStarted.started());
    assert!(Milestone::MaterialsIn.started());
    assert!(!Milestone::Packed.ready());
    assert!(Milestone::ReadyToShip.ready());
}

#[test]
fn a_plain_step_forward_is_accepted() {
    let accepted = check_progress(&line(), &input(), day(10)).unwrap();
    assert_eq!(accepted.milestone, Milestone::QcPassed);
    assert_eq!(accepted.quantity_done, 600);
    assert!(!accepted.forecast_changed);
}

#[test]
fn quantities() {
    let today = day(10);
    let more = ProgressInput {
        quantity_done: 1001,
        ..input()
    };
    assert_eq!(
        fields(check_progress(&line(), &more, today)),
        ["quantity_done"]
    );
    let less = ProgressInput {
        quantity_done: 300,
        ..input()
    };
    assert_eq!(
        fields(check_progress(&line(), &less, today)),
        ["quantity_done"]
    );
    let less_with_reason = ProgressInput {
        reason: Some("20 pcs failed QC".into()),
        ..less
    };
    assert!(check_progress(&line(), &less_with_reason, today).is_ok());
    let negative = ProgressInput {
        quantity_done: -1,
        ..input()
    };
    assert_eq!(
        fields(check_progress(&line(), &negative, today)),
        ["quantity_done"]
    );
}

#[test]
fn milestones_go_back_only_with_a_reason() {
    let back = ProgressInput {
        milestone: Milestone::MaterialsIn,
        ..input()
    };
    assert_eq!(
        fields(check_progress(&line(), &back, day(10))),
        ["milestone"]
    );
    let blank_reason = ProgressInput {
        reason: Some("   ".into()),
        ..back.clone()
    };
    assert_eq!(
        fields(check_progress(&line(), &blank_reason, day(10))),
        ["milestone"]
    );
    let explained = ProgressInput {
        reason: Some("rework".into()),
        ..back
    };
    assert!(check_progress(&line(), &explained, day(10)).is_ok());
}

#[test]
fn forecasts() {
    let today = day(10);
    let later = ProgressInput {
        forecast_ready: Some(day(23)),
        ..input()
    };
    assert_eq!(fields(check_progress(&line(), &later, today)), ["forecast"]);
    let later_explained = ProgressInput {
        reason: Some("glaze supplier late".into()),
        ..later
    };
    let accepted = check_progress(&line(), &later_explained, today).unwrap();
    assert!(accepted.forecast_changed);
    assert_eq!(accepted.forecast_ready, Some(day(23)));
    assert_eq!(accepted.reason.as_deref(), Some("glaze supplier late"));
    let earlier = ProgressInput {
        forecast_ready: Some(day(18)),
        ..input()
    };
    assert!(check_progress(&line(), &earlier, today).is_ok());
    let past = ProgressInput {
        forecast_ready: Some(day(9)),
        ..input()
    };
    assert_eq!(fields(check_progress(&line(), &past, today)), ["forecast"]);
    // A forecast already in the past may be resubmitted unchanged.
    let late_line = PoLineState {
        forecast_ready: Some(day(5)),
        ..line()
    };
    let unchanged = ProgressInput {
        forecast_ready: Some(day(5)),
        ..input()
    };
    assert!(check_progress(&late_line, &unchanged, today).is_ok());
}

#[test]
fn only_complete_lines_ship() {
    let partial = ProgressInput {
        milestone: Milestone::Shipped,
        ..input()
    };
    assert_eq!(
        fields(check_progress(&line(), &partial, day(10))),
        ["quantity_done"]
    );
    let full = ProgressInput {
        milestone: Milestone::Shipped,
        quantity_done: 1000,
        ..input()
    };
    assert!(check_progress(&line(), &full, day(10)).is_ok());
}

#[test]
fn closed_lines_take_no_updates() {
    let shipped = PoLineState {
        milestone: Milestone::Shipped,
        ..line()
    };
    assert_eq!(
        check_progress(&shipped, &input(), day(10)),
        Err(vec![ProgressError::Closed])
    );
    let cancelled = PoLineState {
        po_closed: true,
        ..line()
    };
    assert_eq!(
        check_progress(&cancelled, &input(), day(10)),
        Err(vec![ProgressError::Closed])
    );
}

#[test]
fn lots_and_lengths() {
    let lot = ProgressInput {
        lot_quantity: Some(600),
        ..input()
    };
    assert!(check_progress(&line(), &lot, day(10)).is_ok());
    let too_big = ProgressInput {
        lot_quantity: Some(601),
        ..input()
    };
    assert_eq!(
        fields(check_progress(&line(), &too_big, day(10))),
        ["lot_quantity"]
    );
    let long = ProgressInput {
        reason: Some("x".repeat(501)),
        note: Some("y".repeat(2001)),
        ..input()
    };
    assert_eq!(
        fields(check_progress(&line(), &long, day(10))),
        ["reason", "note"]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let bad = ProgressInput {
        milestone: Milestone::NotStarted,
        quantity_done: 5000,
        lot_quantity: Some(0),
        forecast_ready: Some(day(1)),
        reason: None,
        note: None,
    };
    assert_eq!(
        fields(check_progress(&line(), &bad, day(10))),
        ["quantity_done", "milestone", "forecast", "lot_quantity"]
    );
}

#[test]
fn customer_lines_follow_the_worst_factory_shift() {
    // PO ready 10 days before the customer commitment (transit).
    let placed = [(day(10), Some(day(13))), (day(10), Some(day(11)))];
    assert_eq!(
        customer_forecast(Some(day(20)), Some(day(20)), &placed),
        Some(day(23))
    );
    let early = [(day(10), Some(day(8)))];
    assert_eq!(
        customer_forecast(Some(day(20)), Some(day(20)), &early),
        Some(day(18))
    );
    assert_eq!(
        customer_forecast(Some(day(20)), Some(day(21)), &[]),
        Some(day(21))
    );
    assert_eq!(customer_forecast(None, None, &placed), None);
    assert_eq!(
        customer_forecast(Some(day(20)), Some(day(22)), &[(day(10), None)]),
        Some(day(20))
    );
}

#[test]
fn a_stored_date_at_chrono_s_edge_keeps_the_forecast_it_had() {
    // A factory forecast far beyond its ready date, on a commitment near
    // chrono's last day: the shift does not fit, the forecast stays.
    let placed = [(day(10), Some(NaiveDate::MAX))];
    let committed = NaiveDate::MAX - chrono::Duration::days(5);
    assert_eq!(
        customer_forecast(Some(committed), Some(day(20)), &placed),
        Some(day(20))
    );
    let early = [(NaiveDate::MAX, Some(NaiveDate::MIN))];
    assert_eq!(customer_forecast(Some(NaiveDate::MIN), None, &early), None);
}

#[test]
fn staleness() {
    assert!(!is_stale(&line(), day(3), day(9), 7));
    assert!(is_stale(&line(), day(2), day(9), 7));
    let ready = PoLineState {
        milestone: Milestone::ReadyToShip,
        ..line()
    };
    assert!(!is_stale(&ready, day(1), day(28), 7));
    let shipped = PoLineState {
        milestone: Milestone::Shipped,
        ..line()
    };
    assert!(!is_stale(&shipped, day(1), day(28), 7));
}

#[test]
fn late_lines_come_first() {
    let on_time = line();
    let late = PoLineState {
        forecast_ready: Some(day(25)),
        committed_ready: day(22),
        ..line()
    };
    let mut lines = [on_time, late];
    lines.sort_by_key(|l| work_order_key(l, day(10)));
    assert_eq!(lines[0], late);
    let overdue = PoLineState {
        committed_ready: day(5),
        forecast_ready: Some(day(5)),
        ..line()
    };
    assert!(overdue.is_late(day(10)));
    assert!(
        !PoLineState {
            milestone: Milestone::ReadyToShip,
            ..overdue
        }
        .is_late(day(10))
    );
}

fn any_milestone() -> impl Strategy<Value = Milestone> {
    (0usize..7).prop_map(|i| Milestone::ALL[i])
}

proptest! {
    /// Without a reason, nothing accepted ever goes backwards or beyond the order.
    #[test]
    fn accepted_updates_without_reason_never_go_back(
        was in any_milestone(),
        to in any_milestone(),
        done in 0i64..1000,
        new_done in -10i64..1100,
        shift in -5i64..5,
    ) {
        let state = PoLineState { milestone: was, quantity_done: done, ..line() };
        let update = ProgressInput {
            milestone: to,
            quantity_done: new_done,
            forecast_ready: Some(day(20) + chrono::Duration::days(shift)),
            ..input()
        };
        if let Ok(ok) = check_progress(&state, &update, day(10)) {
            prop_assert!(ok.milestone >= was);
            prop_assert!(ok.quantity_done >= done && ok.quantity_done <= state.quantity);
            prop_assert!(ok.forecast_ready.unwrap() <= state.expected_ready());
            prop_assert!(!state.closed());
        }
    }

    /// A customer line is never forecast earlier than its commitment moved
    /// by the best factory, nor later than moved by the worst.
    #[test]
    fn customer_forecast_is_bounded_by_factory_shifts(shifts in prop::collection::vec(-10i64..10, 1..5)) {
        let placed: Vec<_> = shifts.iter().map(|s| (day(10), Some(day(10) + chrono::Duration::days(*s)))).collect();
        let got = customer_forecast(Some(day(20)), None, &placed).unwrap();
        prop_assert_eq!((got - day(20)).num_days(), *shifts.iter().max().unwrap());
    }

    /// The bands, one after the other and each by date, give the lines still
    /// in the factory in the list's order; the late list is the first two.
    #[test]
    fn the_bands_in_turn_are_the_list_order(
        lines in prop::collection::vec((0usize..5, 0i64..20, prop::option::of(-5i64..20)), 0..40),
        today in 0i64..20,
    ) {
        let start = day(1);
        let today = start + chrono::Duration::days(today);
        let states: Vec<(PoLineState, usize)> = lines
            .iter()
            .enumerate()
            .map(|(id, (milestone, committed, forecast))| {
                let committed_ready = start + chrono::Duration::days(*committed);
                (PoLineState {
                    milestone: Milestone::ALL[*milestone],
                    committed_ready,
                    forecast_ready: forecast.map(|f| committed_ready + chrono::Duration::days(f)),
                    ..line()
                }, id)
            })
            .collect();
        let mut by_key = states.clone();
        by_key.sort_by_key(|(l, id)| (work_order_key(l, today), *id));
        let mut by_band = states.clone();
        by_band.sort_by_key(|(l, id)| (Band::of(l, today), l.committed_ready, *id));
        prop_assert_eq!(by_key, by_band);
        for (line, _) in &states {
            let late = LineFilter::Late.bands().contains(&Band::of(line, today));
            prop_assert_eq!(late, line.is_late(today));
        }
    }
}

/// An order's page and a line's pages show `REPORTS_SHOWN` reports (the
/// paging itself is `paging`'s, property-tested there).
#[test]
fn reports_are_shown_twenty_at_a_time() {
    let read: Vec<i32> = (1..=REPORTS_SHOWN as i32 + 1).rev().collect();
    let (shown, more) = reports_shown(read.clone());
    assert_eq!((shown.len(), more), (REPORTS_SHOWN, true));
    let (page, older) = reports_page(read, |id| *id);
    assert_eq!((page.len(), older), (REPORTS_SHOWN, Some(2)));
    let (page, older) = reports_page(vec![3, 2, 1], |id| *id);
    assert_eq!((page, older), (vec![3, 2, 1], None));
}
