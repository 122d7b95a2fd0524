use super::*;
use chrono::{NaiveDate, TimeDelta};
use proptest::prelude::*;

const ALWAYS: WorkingHours = WorkingHours::ALWAYS;

fn start() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2027, 7, 1)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap()
        .and_utc()
}

fn minutes(m: i64) -> TimeDelta {
    TimeDelta::minutes(m)
}

#[test]
fn targets_and_kinds() {
    assert_eq!(
        ClockTargets::default(),
        ClockTargets {
            first_answer_minutes: 60,
            remedy_minutes: 1_440
        }
    );
    for kind in ClockKind::ALL {
        assert_eq!(ClockKind::parse(kind.as_str()), Some(kind));
        assert!(kind.key().ends_with(kind.as_str()));
    }
    assert_eq!(ClockKind::FirstAnswer.target(&ClockTargets::DEFAULT), 60);
    assert_eq!(ClockKind::Remedy.target(&ClockTargets::DEFAULT), 1_440);
}

#[test]
fn a_clock_runs_gets_due_soon_and_overdue() {
    let clock = Clock::start(start(), 60, &ALWAYS);
    assert_eq!(clock.due, start() + minutes(60));
    let at = |m: i64| clock_state(&clock, start() + minutes(m), &ALWAYS);
    assert_eq!(at(0), ClockState::Running { minutes_left: 60 });
    // 15 minutes is more than 20 % of an hour.
    assert_eq!(at(45), ClockState::Running { minutes_left: 15 });
    assert_eq!(at(46), ClockState::DueSoon { minutes_left: 14 });
    assert_eq!(at(60), ClockState::DueSoon { minutes_left: 0 });
    let just_after = clock_state(&clock, clock.due + TimeDelta::nanoseconds(1), &ALWAYS);
    assert_eq!(just_after, ClockState::Overdue { minutes_over: 0 });
    assert_eq!(at(150), ClockState::Overdue { minutes_over: 90 });
    assert_eq!(at(150).hours_and_minutes(), Some((1, 30)));
    assert_eq!(at(150).key(), "complaint-clock-overdue");

    // 20 % of a day is more than 15 minutes.
    let remedy = Clock::start(start(), 1_440, &ALWAYS);
    let left = |m: i64| clock_state(&remedy, remedy.due - minutes(m), &ALWAYS);
    assert_eq!(left(288), ClockState::Running { minutes_left: 288 });
    assert_eq!(left(287), ClockState::DueSoon { minutes_left: 287 });
    assert_eq!(left(287).hours_and_minutes(), Some((4, 47)));
}

#[test]
fn working_time_only() {
    // Monday to Friday, 09:00 to 18:00 UTC; 2027-07-02 is a Friday.
    let office = WorkingHours {
        zone_offset_minutes: 0,
        days: [true, true, true, true, true, false, false],
        start_minute: 540,
        end_minute: 1_080,
    };
    let friday = |h: u32| {
        NaiveDate::from_ymd_opt(2027, 7, 2)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
            .and_utc()
    };
    let clock = Clock::start(friday(17), 60, &office);
    assert_eq!(clock.due, friday(18));
    assert_eq!(
        clock_state(&clock, friday(17), &office),
        ClockState::Running { minutes_left: 60 }
    );
    // Fell due at closing time; over the weekend nothing more is over.
    let saturday = friday(23) + TimeDelta::hours(12);
    assert_eq!(
        clock_state(&clock, saturday, &office),
        ClockState::Overdue { minutes_over: 0 }
    );
    // Thursday evening, an hour to go: the night does not count.
    let thursday = Clock::start(friday(17) - TimeDelta::days(1) + minutes(30), 60, &office);
    assert_eq!(thursday.due, friday(9) + minutes(30));
    let night = Clock {
        due: friday(10),
        target_minutes: 120,
        stopped_at: None,
    };
    assert_eq!(
        clock_state(&night, friday(3), &office),
        ClockState::Running { minutes_left: 60 }
    );
}

#[test]
fn a_stopped_clock_is_settled() {
    let clock = Clock::start(start(), 60, &ALWAYS);
    let on_time = clock.stop(clock.due);
    assert_eq!(
        clock_state(&on_time, clock.due + minutes(600), &ALWAYS),
        ClockState::MetOnTime
    );
    let late = clock.stop(clock.due + TimeDelta::seconds(1));
    assert_eq!(clock_state(&late, start(), &ALWAYS), ClockState::MetLate);
    assert!(ClockState::MetLate.is_settled());
    assert_eq!(ClockState::MetLate.hours_and_minutes(), None);
    // The first stop counts.
    assert_eq!(on_time.stop(clock.due + minutes(5)), on_time);
}

#[test]
fn notices_climb_once() {
    let soon = ClockState::DueSoon { minutes_left: 3 };
    let over = ClockState::Overdue { minutes_over: 3 };
    assert_eq!(
        notice_due(soon, ClockNotice::None),
        Some(ClockNotice::Reminder)
    );
    assert_eq!(notice_due(soon, ClockNotice::Reminder), None);
    assert_eq!(
        notice_due(over, ClockNotice::Reminder),
        Some(ClockNotice::Breach)
    );
    // A clock found overdue skips the reminder.
    assert_eq!(
        notice_due(over, ClockNotice::None),
        Some(ClockNotice::Breach)
    );
    assert_eq!(notice_due(soon, ClockNotice::Breach), None);
    for quiet in [
        ClockState::Running { minutes_left: 30 },
        ClockState::MetOnTime,
        ClockState::MetLate,
    ] {
        assert_eq!(notice_due(quiet, ClockNotice::None), None);
    }
    assert_eq!(
        ClockNotice::Reminder.audience(),
        NoticeAudience {
            owner: true,
            sales_manager: false
        }
    );
    assert_eq!(
        ClockNotice::Breach.audience(),
        NoticeAudience {
            owner: true,
            sales_manager: true
        }
    );
    assert_eq!(ClockNotice::None.audience(), NoticeAudience::default());
    for notice in ClockNotice::ALL {
        assert_eq!(ClockNotice::from_i32(notice.as_i32()), Some(notice));
    }
    assert_eq!(ClockNotice::from_i32(3), None);
    assert_eq!(ClockNotice::None.key(), None);
    assert_eq!(ClockNotice::Breach.key(), Some("complaint-notice-breach"));
}

#[test]
fn targets_from_the_settings_form() {
    assert_eq!(parse_target("4"), Ok(240));
    assert_eq!(parse_target(" 1:30 "), Ok(90));
    assert_eq!(parse_target("0:05"), Ok(5));
    assert_eq!(parse_target("720"), Ok(MAX_TARGET_MINUTES));
    assert_eq!(parse_target("0004"), Ok(240));
    for bad in [
        "", "1.5", "1h", "-1", "1:5", "1:60", ":30", "1:", "12345", "一",
    ] {
        assert_eq!(parse_target(bad), Err(TargetError::BadFormat), "{bad:?}");
    }
    assert_eq!(parse_target("0"), Err(TargetError::Zero));
    assert_eq!(parse_target("0:00"), Err(TargetError::Zero));
    assert_eq!(parse_target("720:01"), Err(TargetError::TooLong));
    assert_eq!(parse_target("9999"), Err(TargetError::TooLong));
    assert_eq!(format_target(60), "1");
    assert_eq!(format_target(90), "1:30");
    assert_eq!(format_target(5), "0:05");
    assert_eq!(format_target(1_440), "24");
}

#[test]
fn both_targets_with_each_problem_against_its_field() {
    assert_eq!(
        ClockTargets::parse("2", "48"),
        Ok(ClockTargets {
            first_answer_minutes: 120,
            remedy_minutes: 2_880
        })
    );
    // The same promise for both is allowed.
    assert_eq!(
        ClockTargets::parse("1:30", "1:30").map(|t| t.remedy_minutes),
        Ok(90)
    );
    assert_eq!(
        ClockTargets::parse("x", "0"),
        Err(vec![
            ("first_answer", TargetError::BadFormat),
            ("remedy", TargetError::Zero)
        ])
    );
    assert_eq!(
        ClockTargets::parse("8", "4"),
        Err(vec![("remedy", TargetError::RemedyBeforeFirstAnswer)])
    );
    // The default reads back from its own form.
    let default = ClockTargets::DEFAULT;
    assert_eq!(
        ClockTargets::parse(
            &format_target(default.first_answer_minutes),
            &format_target(default.remedy_minutes)
        ),
        Ok(default)
    );
    for error in [
        TargetError::BadFormat,
        TargetError::Zero,
        TargetError::TooLong,
        TargetError::RemedyBeforeFirstAnswer,
    ] {
        assert!(error.key().starts_with("complaint-target-"), "{error:?}");
    }
}

fn any_hours() -> impl Strategy<Value = WorkingHours> {
    prop_oneof![
        Just(WorkingHours::ALWAYS),
        (-840i32..=840, 1u8..128, 0u16..1_440, 1u16..=1_440).prop_map(
            |(offset, mask, start, length)| WorkingHours {
                zone_offset_minutes: offset,
                days: std::array::from_fn(|day| (mask >> day) & 1 == 1),
                start_minute: start,
                end_minute: (start + length).min(1_440),
            }
        ),
    ]
}

proptest! {
    /// Feeding back each notice sent, no notice is ever sent twice, and
    /// each is higher than the one before.
    #[test]
    fn notices_are_never_repeated(
        target in 0u32..5_000,
        hours in any_hours(),
        checks in proptest::collection::vec(0i64..20_000, 1..40),
    ) {
        let clock = Clock::start(start(), target, &hours);
        let mut sent = ClockNotice::None;
        let mut seen = Vec::new();
        for offset in checks {
            let state = clock_state(&clock, start() + minutes(offset), &hours);
            if let Some(notice) = notice_due(state, sent) {
                prop_assert!(notice > sent);
                prop_assert!(!seen.contains(&notice));
                seen.push(notice);
                sent = notice;
                prop_assert_eq!(notice_due(state, sent), None);
            }
        }
    }

    /// A clock stopped by its due time never sends anything, whenever it is
    /// looked at.
    #[test]
    fn a_clock_met_on_time_never_notices(
        target in 0u32..5_000,
        hours in any_hours(),
        stop_after in 0i64..20_000,
        look_after in -100i64..40_000,
        sent in 0usize..3,
    ) {
        let clock = Clock::start(start(), target, &hours);
        let stopped = clock.stop((start() + minutes(stop_after)).min(clock.due));
        let state = clock_state(&stopped, start() + minutes(look_after), &hours);
        prop_assert_eq!(state, ClockState::MetOnTime);
        prop_assert_eq!(notice_due(state, ClockNotice::ALL[sent]), None);
    }

    /// A running clock counts down the working time to its due time.
    #[test]
    fn states_agree_with_the_working_time(
        target in 0u32..5_000,
        hours in any_hours(),
        look_after in 0i64..20_000,
    ) {
        let clock = Clock::start(start(), target, &hours);
        let now = start() + minutes(look_after);
        match clock_state(&clock, now, &hours) {
            ClockState::Running { minutes_left } | ClockState::DueSoon { minutes_left } => {
                prop_assert!(now <= clock.due);
                prop_assert!((0..=i64::from(target)).contains(&minutes_left));
            }
            ClockState::Overdue { minutes_over } => {
                prop_assert!(now > clock.due);
                prop_assert!(minutes_over >= 0);
            }
            ClockState::MetOnTime | ClockState::MetLate => {
                prop_assert!(false, "an unstopped clock is not settled");
            }
        }
    }
}

proptest! {
    /// Every target the form accepts shows as text that reads back to it.
    #[test]
    fn targets_round_trip(minutes in 1u32..=MAX_TARGET_MINUTES) {
        prop_assert_eq!(parse_target(&format_target(minutes)), Ok(minutes));
    }

    /// Whatever is typed, the parser answers, and only with a target in
    /// range.
    #[test]
    fn target_parser_never_panics(raw in "\\PC{0,10}") {
        if let Ok(minutes) = parse_target(&raw) {
            prop_assert!(
                (1..=MAX_TARGET_MINUTES).contains(&minutes),
                "{} from {:?}",
                minutes,
                raw
            );
        }
    }
}
