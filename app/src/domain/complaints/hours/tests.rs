use super::*;
use chrono::{NaiveDate, TimeDelta};
use proptest::prelude::*;

/// 2027-06-28 is a Monday.
fn utc(month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2027, month, day)
        .unwrap()
        .and_hms_opt(hour, minute, 0)
        .unwrap()
        .and_utc()
}

/// Monday to Friday, 09:00 to 18:00 in UTC+8.
fn shanghai_office() -> WorkingHours {
    WorkingHours {
        zone_offset_minutes: 480,
        days: [true, true, true, true, true, false, false],
        start_minute: 9 * 60,
        end_minute: 18 * 60,
    }
}

#[test]
fn deadlines_in_office_hours() {
    let office = shanghai_office();
    // Friday 17:30 in Shanghai: half an hour on Friday, half on Monday.
    assert_eq!(add_working(utc(7, 2, 9, 30), 60, &office), utc(7, 5, 1, 30));
    // Saturday 10:00: counting starts on Monday at 09:00.
    assert_eq!(add_working(utc(7, 3, 2, 0), 60, &office), utc(7, 5, 2, 0));
    // Wednesday 08:00, a whole working day: closing time the same day.
    assert_eq!(
        add_working(utc(6, 30, 0, 0), 540, &office),
        utc(6, 30, 10, 0)
    );
    // Tuesday 20:00 UTC is Wednesday 04:00 in Shanghai.
    assert_eq!(add_working(utc(6, 29, 20, 0), 1, &office), utc(6, 30, 1, 1));
    // A week of working time from Monday's opening: the next Monday's.
    assert_eq!(
        add_working(utc(6, 28, 1, 0), 5 * 540, &office),
        utc(7, 2, 10, 0)
    );
    assert_eq!(
        add_working(utc(6, 28, 1, 0), 5 * 540 + 1, &office),
        utc(7, 5, 1, 1)
    );
    // No time: the start itself, even outside the hours.
    assert_eq!(add_working(utc(7, 3, 2, 0), 0, &office), utc(7, 3, 2, 0));
}

#[test]
fn deadlines_west_of_utc_and_to_the_nanosecond() {
    let new_york = WorkingHours {
        zone_offset_minutes: -300,
        days: [true, true, true, true, true, false, false],
        start_minute: 9 * 60,
        end_minute: 17 * 60,
    };
    // Monday 03:00 UTC is Sunday 22:00 in UTC−5.
    assert_eq!(
        add_working(utc(7, 5, 3, 0), 30, &new_york),
        utc(7, 5, 14, 30)
    );
    let start = utc(7, 5, 14, 0) + TimeDelta::nanoseconds(500_000_001);
    assert_eq!(
        add_working(start, 1, &new_york),
        utc(7, 5, 14, 1) + TimeDelta::nanoseconds(500_000_001)
    );
}

#[test]
fn working_minutes_between_two_instants() {
    let office = shanghai_office();
    let friday = utc(7, 2, 9, 30);
    let monday = utc(7, 5, 1, 30);
    assert_eq!(working_minutes_between(friday, monday, &office), 60);
    assert_eq!(working_minutes_between(monday, friday, &office), -60);
    assert_eq!(working_minutes_between(friday, friday, &office), 0);
    // The weekend does not count.
    assert_eq!(
        working_minutes_between(utc(7, 2, 10, 0), utc(7, 4, 23, 0), &office),
        0
    );
    // Part minutes are dropped.
    let almost = friday + TimeDelta::seconds(59);
    assert_eq!(working_minutes_between(friday, almost, &office), 0);
    assert_eq!(
        working_minutes_between(utc(7, 1, 0, 0), utc(7, 2, 0, 0), &WorkingHours::ALWAYS),
        1_440
    );
}

#[test]
fn hours_without_working_time_run_around_the_clock() {
    let start = utc(7, 3, 2, 0);
    let no_days = WorkingHours {
        days: [false; 7],
        ..shanghai_office()
    };
    let backwards = WorkingHours {
        start_minute: 18 * 60,
        end_minute: 9 * 60,
        ..shanghai_office()
    };
    for hours in [no_days, backwards] {
        assert!(!hours.is_valid());
        assert_eq!(
            add_working(start, 90, &hours),
            start + TimeDelta::minutes(90)
        );
    }
    assert!(shanghai_office().is_valid());
    assert!(WorkingHours::ALWAYS.is_valid());
    for offset in [-841, 841, i32::MIN, i32::MAX] {
        let far_off = WorkingHours {
            zone_offset_minutes: offset,
            ..shanghai_office()
        };
        assert!(!far_off.is_valid(), "{offset}");
    }
    assert_eq!(WorkingHours::default(), WorkingHours::ALWAYS);
}

#[test]
fn far_deadlines_stop_at_the_end_of_time() {
    let one_minute_on_sundays = WorkingHours {
        zone_offset_minutes: 0,
        days: [false, false, false, false, false, false, true],
        start_minute: 600,
        end_minute: 601,
    };
    let start = utc(7, 3, 2, 0);
    assert_eq!(
        add_working(start, u32::MAX, &one_minute_on_sundays),
        DateTime::<Utc>::MAX_UTC
    );
    let late = DateTime::<Utc>::MAX_UTC - TimeDelta::minutes(1);
    assert_eq!(
        add_working(late, 10, &WorkingHours::ALWAYS),
        DateTime::<Utc>::MAX_UTC
    );
    assert!(
        working_minutes_between(
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            &WorkingHours::ALWAYS
        ) > 0
    );
}

#[test]
fn hours_from_their_form() {
    assert_eq!(
        WorkingHours::parse(
            "+08:00",
            "09:00",
            "18:00",
            &["mon", "tue", "wed", "thu", "fri"]
        ),
        Ok(shanghai_office())
    );
    let weekend = WorkingHours::parse(
        "UTC-3",
        " 7:30 ",
        "24:00",
        &["SAT".to_string(), " sun ".to_string()],
    )
    .unwrap();
    assert_eq!(weekend.zone_offset_minutes, -180);
    assert_eq!((weekend.start_minute, weekend.end_minute), (450, 1440));
    assert_eq!(weekend.day_codes(), vec!["sat", "sun"]);
    let none: [&str; 0] = [];
    assert_eq!(
        WorkingHours::parse("+15:00", "9h", "08:00", &none),
        Err(vec![
            ("zone_offset", WorkingHoursError::BadOffset),
            ("start", WorkingHoursError::BadTime),
            ("days", WorkingHoursError::NoDays),
        ])
    );
    assert_eq!(
        WorkingHours::parse("", "18:00", "09:00", &["mon", "funday"]),
        Err(vec![
            ("end", WorkingHoursError::EndNotAfterStart),
            ("days", WorkingHoursError::UnknownDay),
        ])
    );
    assert_eq!(WorkingHoursError::NoDays.key(), "working-hours-no-days");
}

#[test]
fn times_and_offsets() {
    assert_eq!(parse_time("09:00"), Some(540));
    assert_eq!(parse_time("9:05"), Some(545));
    assert_eq!(parse_time("00:00"), Some(0));
    assert_eq!(parse_time("24:00"), Some(1440));
    for bad in [
        "24:01", "9", "09:60", "09:5", "009:00", "-1:00", "+9:00", "", "ab:cd", "09：00",
    ] {
        assert_eq!(parse_time(bad), None, "{bad}");
    }
    assert_eq!(parse_offset("+08:00"), Some(480));
    assert_eq!(parse_offset("-05:30"), Some(-330));
    assert_eq!(parse_offset("8"), Some(480));
    assert_eq!(parse_offset("gmt+5:45"), Some(345));
    assert_eq!(parse_offset("+14:00"), Some(840));
    for utc_itself in ["", "Z", "UTC", " utc ", "-00:00"] {
        assert_eq!(parse_offset(utc_itself), Some(0), "{utc_itself}");
    }
    for bad in [
        "+14:30", "+8:0", "+", "--8", "UTC+", "8:60", "abc", "+123", "日本",
    ] {
        assert_eq!(parse_offset(bad), None, "{bad}");
    }
    assert_eq!(format_time(545), "09:05");
    assert_eq!(format_time(1440), "24:00");
    assert_eq!(format_offset(480), "+08:00");
    assert_eq!(format_offset(-330), "-05:30");
    assert_eq!(format_offset(0), "+00:00");
    for (key, code) in WEEKDAY_KEYS.into_iter().zip(WEEKDAY_CODES) {
        assert_eq!(key, format!("weekday-{code}"));
    }
}

fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
    // 2000-01-01 to 2100-01-01, to the nanosecond.
    (946_684_800i64..4_102_444_800, 0u32..1_000_000_000)
        .prop_map(|(seconds, nanos)| DateTime::from_timestamp(seconds, nanos).unwrap())
}

fn any_hours() -> impl Strategy<Value = WorkingHours> {
    (
        -MAX_OFFSET_MINUTES..=MAX_OFFSET_MINUTES,
        1u8..128,
        0u16..MINUTES_PER_DAY,
        1u16..=MINUTES_PER_DAY,
    )
        .prop_map(|(offset, mask, start, length)| WorkingHours {
            zone_offset_minutes: offset,
            days: std::array::from_fn(|day| (mask >> day) & 1 == 1),
            start_minute: start,
            end_minute: (start + length).min(MINUTES_PER_DAY),
        })
}

proptest! {
    /// Around the clock, the deadline is the start plus the duration.
    #[test]
    fn always_adds_the_duration(
        start in any_instant(),
        minutes in 0u32..3_000_000,
        offset in -MAX_OFFSET_MINUTES..=MAX_OFFSET_MINUTES,
    ) {
        let expected = start + TimeDelta::minutes(i64::from(minutes));
        prop_assert_eq!(add_working(start, minutes, &WorkingHours::ALWAYS), expected);
        let elsewhere = WorkingHours { zone_offset_minutes: offset, ..WorkingHours::ALWAYS };
        prop_assert_eq!(add_working(start, minutes, &elsewhere), expected);
    }

    /// Whatever the hours, the working time from a start to its deadline is
    /// the duration, and never less than none.
    #[test]
    fn the_deadline_is_the_duration_away(
        start in any_instant(),
        minutes in 0u32..200_000,
        hours in any_hours(),
    ) {
        prop_assert!(hours.is_valid());
        let due = add_working(start, minutes, &hours);
        prop_assert!(due >= start);
        prop_assert_eq!(working_minutes_between(start, due, &hours), i64::from(minutes));
        prop_assert_eq!(working_minutes_between(due, start, &hours), -i64::from(minutes));
    }

    /// A later start never gives an earlier deadline.
    #[test]
    fn deadlines_are_monotonic(
        a in any_instant(),
        b in any_instant(),
        minutes in 0u32..100_000,
        hours in any_hours(),
    ) {
        let (early, late) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(add_working(early, minutes, &hours) <= add_working(late, minutes, &hours));
        let near = early + TimeDelta::nanoseconds(1);
        prop_assert!(add_working(early, minutes, &hours) <= add_working(near, minutes, &hours));
    }

    /// The form shows what it reads back.
    #[test]
    fn form_values_round_trip(minute in 0u16..=MINUTES_PER_DAY, offset in -MAX_OFFSET_MINUTES..=MAX_OFFSET_MINUTES) {
        prop_assert_eq!(parse_time(&format_time(minute)), Some(minute));
        prop_assert_eq!(parse_offset(&format_offset(offset)), Some(offset));
    }

    #[test]
    fn parsers_never_panic(raw in "\\PC{0,12}") {
        let _ = parse_time(&raw);
        let _ = parse_offset(&raw);
        let _ = WorkingHours::parse(&raw, &raw, &raw, &[raw.as_str()]);
    }
}
