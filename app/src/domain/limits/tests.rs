use super::*;
use proptest::prelude::*;

#[test]
fn search_text_is_bounded_in_characters() {
    assert!(search_fits(None));
    assert!(search_fits(Some("")));
    assert!(search_fits(Some("x".repeat(MAX_SEARCH_CHARS).as_str())));
    assert!(!search_fits(Some(
        "x".repeat(MAX_SEARCH_CHARS + 1).as_str()
    )));
    // Characters, not bytes: a hundred Chinese characters are fine.
    assert!(search_fits(Some("杯".repeat(MAX_SEARCH_CHARS).as_str())));
}

#[test]
fn a_person_holds_a_bounded_number_of_streams() {
    assert!(may_open_stream(0));
    assert!(may_open_stream(MAX_LIVE_STREAMS_PER_PERSON - 1));
    assert!(!may_open_stream(MAX_LIVE_STREAMS_PER_PERSON));
}

#[test]
fn a_burst_is_taken_then_one_request_per_interval() {
    let rate = Rate {
        burst: 3,
        every_ms: 1_000,
    };
    let mut bucket = Bucket::default();
    for _ in 0..3 {
        bucket = bucket.take(rate, 10_000).expect("within the burst");
    }
    assert_eq!(bucket.take(rate, 10_000), Err(1_000));
    assert_eq!(bucket.take(rate, 10_400), Err(600));
    let bucket = bucket.take(rate, 11_000).expect("one paid back");
    assert_eq!(bucket.take(rate, 11_000), Err(1_000));
    assert!(!bucket.is_full(11_000));
    assert!(bucket.is_full(14_000));
    // A clock that went back changes nothing.
    assert!(bucket.take(rate, 5_000).is_err());
}

#[test]
fn sixty_a_minute_is_one_a_second_and_a_burst_of_two_minutes() {
    assert_eq!(
        Rate::per_minute(60),
        Rate {
            burst: 120,
            every_ms: 1_000
        }
    );
    assert_eq!(Rate::per_minute(0), Rate::per_minute(1));
    let huge = Rate::per_minute(u32::MAX);
    assert_eq!(huge.every_ms, 1);
    assert_eq!(huge.burst, u32::MAX);
}

#[test]
fn reads_are_free_mail_is_counted_twice_and_the_unknown_is_a_write() {
    assert_eq!(write_kind("orders/list"), None);
    assert_eq!(write_kind("auth/me"), None);
    assert_eq!(write_kind("orders/move"), Some(WriteKind::Ordinary));
    assert_eq!(write_kind("progress/post"), Some(WriteKind::Ordinary));
    assert_eq!(write_kind("some/new-endpoint"), Some(WriteKind::Ordinary));
    for mail in ["changes/request", "changes/withdraw", "messages/post"] {
        assert_eq!(write_kind(mail), Some(WriteKind::Mail), "{mail}");
    }
    assert!(READS.iter().all(|read| !MAIL_SENDING.contains(read)));
    assert!(READS.is_sorted());
}

#[test]
fn only_listed_writes_announce_their_own_and_none_is_a_read() {
    for endpoint in ANNOUNCE_THEIR_WRITES {
        assert!(announces_its_writes(endpoint), "{endpoint}");
        assert!(write_kind(endpoint).is_some(), "{endpoint}");
    }
    assert!(ANNOUNCE_THEIR_WRITES.is_sorted());
    for endpoint in ["orders/get", "nothing/known", "some/new-endpoint"] {
        assert!(!announces_its_writes(endpoint), "{endpoint}");
    }
}

#[test]
fn mail_sending_writes_stop_before_other_writes() {
    let rates = WriteRates::per_minute(60);
    let mut allowance = Allowance::default();
    let now = 1_000_000;
    for _ in 0..WriteRates::MAIL.burst {
        allowance = allowance
            .take(WriteKind::Mail, rates, now)
            .expect("within the mail burst");
    }
    let wait = allowance.take(WriteKind::Mail, rates, now).unwrap_err();
    assert_eq!(wait, WriteRates::MAIL.every_ms);
    assert_eq!(retry_after_seconds(wait), 60);
    // Other writes still go through.
    let allowance = allowance
        .take(WriteKind::Ordinary, rates, now)
        .expect("writes are still allowed");
    assert!(!allowance.is_full(now));
    assert!(allowance.is_full(now + 3_600_000));
}

#[test]
fn waits_are_whole_seconds_rounded_up() {
    assert_eq!(retry_after_seconds(-5), 1);
    assert_eq!(retry_after_seconds(0), 1);
    assert_eq!(retry_after_seconds(1), 1);
    assert_eq!(retry_after_seconds(1_000), 1);
    assert_eq!(retry_after_seconds(1_001), 2);
    assert_eq!(
        retry_after_seconds(i64::MAX),
        (i64::MAX as u64).div_ceil(1000)
    );
}

fn any_rate() -> impl Strategy<Value = Rate> {
    (1u32..50, 1i64..100_000).prop_map(|(burst, every_ms)| Rate { burst, every_ms })
}

proptest! {
    /// However requests arrive, no more are taken over a stretch of time
    /// than the burst and one per interval that passed.
    #[test]
    fn no_more_than_the_burst_and_the_refill_are_taken(
        rate in any_rate(),
        start in -1_000_000_000i64..1_000_000_000,
        gaps in proptest::collection::vec(0i64..50_000, 1..200),
    ) {
        let mut bucket = Bucket::default();
        let mut now = start;
        let mut taken: i64 = 0;
        for gap in gaps {
            now += gap;
            if let Ok(next) = bucket.take(rate, now) {
                bucket = next;
                taken += 1;
            }
        }
        let elapsed = now - start;
        prop_assert!(
            (taken - i64::from(rate.burst)) * rate.every_ms <= elapsed,
            "{} taken in {} ms at {:?}", taken, elapsed, rate
        );
    }

    /// A refusal says exactly how long to wait: earlier is refused,
    /// then is taken.
    #[test]
    fn the_wait_given_is_the_wait_needed(
        rate in any_rate(),
        now in -1_000_000_000i64..1_000_000_000,
        extra in 0u32..200,
    ) {
        let mut bucket = Bucket::default();
        for _ in 0..(rate.burst + extra) {
            if let Ok(next) = bucket.take(rate, now) {
                bucket = next;
            }
        }
        let wait = bucket.take(rate, now).expect_err("the burst is spent");
        prop_assert!(wait >= 1, "wait {}", wait);
        prop_assert!(bucket.take(rate, now + wait - 1).is_err(), "taken early");
        prop_assert!(bucket.take(rate, now + wait).is_ok(), "refused on time");
    }

    /// A fresh bucket takes exactly its burst at one instant, at any time,
    /// and never panics on any instant.
    #[test]
    fn a_fresh_bucket_takes_its_burst(rate in any_rate(), now in any::<i64>()) {
        let mut bucket = Bucket::default();
        let mut taken = 0;
        while let Ok(next) = bucket.take(rate, now) {
            bucket = next;
            taken += 1;
            if taken > rate.burst {
                break;
            }
        }
        if now < i64::MAX - rate.every_ms * i64::from(rate.burst) {
            prop_assert_eq!(taken, rate.burst);
        }
    }

    /// A refused write takes nothing: mail refused for want of its own
    /// allowance leaves the writes allowance as the granted ones left it.
    #[test]
    fn a_refused_write_takes_nothing(
        extra in 1u32..40,
        writes_per_minute in 30u32..100,
        now in 0i64..1_000_000_000,
    ) {
        let rates = WriteRates::per_minute(writes_per_minute);
        let mut allowance = Allowance::default();
        let mut granted = 0u32;
        for _ in 0..(WriteRates::MAIL.burst + extra) {
            match allowance.take(WriteKind::Mail, rates, now) {
                Ok(next) => {
                    allowance = next;
                    granted += 1;
                }
                Err(wait) => {
                    prop_assert!(wait > 0, "wait {}", wait);
                    prop_assert!(retry_after_seconds(wait) * 1000 >= wait as u64, "wait {}", wait);
                }
            }
        }
        prop_assert_eq!(granted, WriteRates::MAIL.burst);
        let mut ordinary = 0u32;
        while let Ok(next) = allowance.take(WriteKind::Ordinary, rates, now) {
            allowance = next;
            ordinary += 1;
        }
        prop_assert_eq!(granted + ordinary, rates.writes.burst);
    }

    /// Search text is judged by its characters, whatever they are.
    #[test]
    fn search_limits_count_characters(text in "\\PC{0,150}") {
        prop_assert_eq!(search_fits(Some(text.as_str())), text.chars().count() <= MAX_SEARCH_CHARS);
    }
}
