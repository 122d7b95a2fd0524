#[test]
fn typed_days_are_bounded() {
    assert_eq!(
        parse_day(" 2027-03-31 "),
        Ok(NaiveDate::from_ymd_opt(2027, 3, 31).unwrap())
    );
    for bad in [
        "+262142-12-31",
        "262142-12-31",
        "-262143-01-01",
        "1999-12-31",
        "2101-01-01",
        "2199-12-31",
        "9999-12-31",
        "2027-02-30",
        "27-03-31",
        "2027-3-31x",
        "",
        "-2027-03-31",
    ] {
        assert_eq!(parse_day(bad), Err(DayError::Unreadable), "{bad}");
    }
    assert_eq!(parse_day("2000-01-01"), Ok(FIRST_DAY));
    assert_eq!(parse_day("2100-12-31"), Ok(LAST_DAY));
    let today = NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
    assert_eq!(parse_coming_day("2027-03-31", today), Ok(today));
    assert_eq!(parse_coming_day("2027-03-30", today), Err(DayError::Past));
    assert_eq!(
        parse_coming_day("+262142-12-31", today),
        Err(DayError::Unreadable)
    );
}

#[test]
fn day_errors_read_as_the_catalogue_says() {
    use crate::i18n::Locale;
    for error in [DayError::Unreadable, DayError::Past] {
        assert_eq!(error.to_string(), Locale::En.t(error.key()));
        assert_ne!(Locale::Zh.t(error.key()), error.key(), "{error:?}");
    }
}

use super::*;
use proptest::prelude::*;

fn d(days: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() + chrono::Duration::days(days)
}

#[test]
fn confirming_freezes_the_requested_date_as_the_commitment() {
    let dates = LineDates::new(d(30)).confirm();
    assert_eq!(dates.committed, Some(d(30)));
    assert_eq!(dates.forecast, Some(d(30)));
    assert!(!dates.is_slipping());
}

#[test]
fn a_proposed_commitment_is_kept_at_confirmation() {
    let dates = LineDates::new(d(30))
        .propose_commitment(d(35), false, d(0))
        .unwrap()
        .confirm();
    assert_eq!(dates.committed, Some(d(35)));
    assert_eq!(dates.requested, d(30));
}

#[test]
fn frozen_commitments_move_only_by_an_approved_change() {
    let dates = LineDates::new(d(30)).confirm();
    assert_eq!(
        dates.propose_commitment(d(40), true, d(0)),
        Err(DateError::CommitmentFrozen)
    );
    assert_eq!(dates.apply_approved_change(d(40)).committed, Some(d(40)));
}

#[test]
fn slips_are_measured_against_the_commitment() {
    let dates = LineDates::new(d(30)).confirm().with_forecast(d(33));
    assert_eq!(dates.slip_days(), 3);
    assert!(dates.is_slipping());
    // The requested date moving does not matter; only the commitment does.
    let earlier_request = LineDates {
        requested: d(10),
        ..dates
    };
    assert_eq!(earlier_request.slip_days(), 3);
    assert_eq!(dates.with_forecast(d(29)).slip_days(), 0);
    assert_eq!(
        LineDates::new(d(30)).with_forecast(d(60)).slip_days(),
        0,
        "no commitment yet"
    );
}

#[test]
fn overdue_and_on_time() {
    let dates = LineDates::new(d(30)).confirm();
    assert!(!dates.is_overdue(d(30), false));
    assert!(dates.is_overdue(d(31), false));
    assert!(!dates.is_overdue(d(31), true));
    assert_eq!(delivered_on_time(dates.committed, d(30)), Some(true));
    assert_eq!(delivered_on_time(dates.committed, d(31)), Some(false));
    assert_eq!(delivered_on_time(None, d(31)), None);
}

#[test]
fn requested_dates_in_the_past_are_refused() {
    assert_eq!(
        check_requested(d(-1), d(0)),
        Err(DateError::RequestedInPast)
    );
    assert_eq!(check_requested(d(0), d(0)), Ok(()));
    assert_eq!(
        LineDates::new(d(30)).propose_commitment(d(-1), false, d(0)),
        Err(DateError::CommittedInPast)
    );
}

#[test]
fn badges() {
    let today = d(0);
    let confirmed = LineDates::new(d(10)).confirm();
    assert_eq!(
        badge(&LineDates::new(d(10)), today, false),
        LineBadge::Unconfirmed
    );
    assert_eq!(badge(&confirmed, today, false), LineBadge::OnTrack);
    assert_eq!(
        badge(&confirmed.with_forecast(d(11)), today, false),
        LineBadge::AtRisk
    );
    assert_eq!(
        badge(&confirmed.with_forecast(d(12)), today, false),
        LineBadge::Late
    );
    assert_eq!(
        badge(&confirmed, d(11), false),
        LineBadge::Late,
        "commitment passed"
    );
    assert_eq!(
        badge(&confirmed, d(11), true),
        LineBadge::OnTrack,
        "delivered"
    );
}

#[test]
fn an_order_shows_its_worst_line() {
    use LineBadge::*;
    assert_eq!(worst_badge([OnTrack, AtRisk, Unconfirmed]), AtRisk);
    assert_eq!(worst_badge([Late, AtRisk, OnTrack]), Late);
    assert_eq!(worst_badge([OnTrack, Unconfirmed]), Unconfirmed);
    assert_eq!(worst_badge([OnTrack, OnTrack]), OnTrack);
    assert_eq!(
        worst_badge(Vec::<LineBadge>::new()),
        Unconfirmed,
        "no lines"
    );
}

/// Up to eight lines, each with a requested day and perhaps a
/// committed and a forecast day, around day 0.
fn some_lines() -> impl Strategy<Value = Vec<LineDates>> {
    proptest::collection::vec(
        (
            -20i64..20,
            proptest::option::of(-20i64..20),
            proptest::option::of(-20i64..20),
        ),
        0..8,
    )
    .prop_map(|lines| {
        lines
            .into_iter()
            .map(|(requested, committed, forecast)| LineDates {
                requested: d(requested),
                committed: committed.map(d),
                forecast: forecast.map(d),
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn any_text_parses_to_a_day_whose_arithmetic_is_safe(
        raw in "\\PC{0,16}",
        shaped in "[+-]?[0-9]{1,7}-[0-9]{1,3}-[0-9]{1,3}",
        today in 0i64..36_890,
    ) {
        let today = FIRST_DAY + chrono::Duration::days(today);
        for text in [raw, shaped] {
            if let Ok(day) = parse_day(&text) {
                prop_assert!(day >= FIRST_DAY && day <= LAST_DAY, "{} read as {}", text, day);
                prop_assert!(day.checked_add_signed(chrono::Duration::days(36_500)).is_some());
                prop_assert!(day.checked_sub_signed(chrono::Duration::days(36_500)).is_some());
            }
            match parse_coming_day(&text, today) {
                Ok(day) => prop_assert!(day >= today && day <= LAST_DAY, "{} read as {}", text, day),
                Err(DayError::Past) => prop_assert!(parse_day(&text).is_ok_and(|d| d < today)),
                Err(DayError::Unreadable) => prop_assert!(parse_day(&text).is_err()),
            }
        }
    }

    #[test]
    fn every_day_in_range_reads_back(offset in 0i64..36_890) {
        let day = FIRST_DAY + chrono::Duration::days(offset);
        prop_assume!(day <= LAST_DAY);
        prop_assert_eq!(parse_day(&day.to_string()), Ok(day));
    }

    #[test]
    fn what_an_order_keeps_of_its_lines_reads_back_as_their_summary(lines in some_lines()) {
        let summary = LinesSummary::of(&lines);
        let kept = LinesSummary::kept(
            i32::try_from(summary.lines).unwrap(),
            i32::try_from(summary.unconfirmed).unwrap(),
            summary.earliest_committed,
            summary.most_slip.map(|s| i32::try_from(s).unwrap()),
        );
        prop_assert_eq!(kept, summary);
    }

    #[test]
    fn a_summary_gives_the_worst_of_its_lines_badges(
        lines in some_lines(),
        today in -20i64..20,
        delivered in any::<bool>(),
    ) {
        let each = worst_badge(lines.iter().map(|l| badge(l, d(today), delivered)));
        prop_assert_eq!(LinesSummary::of(&lines).worst_badge(d(today), delivered), each);
    }

    #[test]
    fn an_orders_standing_is_one_of_few_kinds(
        lines in some_lines(),
        today in -20i64..20,
    ) {
        let standing = LinesSummary::of(&lines).standing(d(today));
        prop_assert!((0..=LATE_SLIP_DAYS).contains(&standing.slip));
        // Whatever the slip past the late mark, the badge is the same.
        let worst = LinesSummary {
            most_slip: Some(LATE_SLIP_DAYS + 1000),
            ..LinesSummary::of(&lines)
        };
        if standing.slip == LATE_SLIP_DAYS {
            prop_assert_eq!(worst.standing(d(today)), standing);
        }
    }

    #[test]
    fn a_delivered_orders_badge_needs_only_what_its_lines_are_present_for(
        lines in some_lines(),
        today in -20i64..20,
    ) {
        let each = worst_badge(lines.iter().map(|l| badge(l, d(today), true)));
        let present = Standing::delivered(
            !lines.is_empty(),
            lines.iter().any(|l| l.committed.is_none()),
        );
        prop_assert_eq!(present.worst_badge(true), each);
    }

    #[test]
    fn forecasts_never_change_the_commitment(
        requested in -100i64..100,
        forecasts in proptest::collection::vec(-100i64..200, 0..10),
    ) {
        let confirmed = LineDates::new(d(requested)).confirm();
        let mut dates = confirmed;
        for f in forecasts {
            dates = dates.with_forecast(d(f));
            prop_assert_eq!(dates.committed, confirmed.committed);
            prop_assert_eq!(dates.requested, confirmed.requested);
            prop_assert_eq!(dates.slip_days(), (f - requested).max(0));
        }
    }
}
