//! Brute-force protection for sign-in: failures are counted per account and
//! per client address inside a window; too many lock that key for a while.

use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleLimits {
    /// Failures allowed inside `window` before the key is locked.
    pub max_failures: u32,
    pub window: Duration,
    pub lockout: Duration,
}

impl ThrottleLimits {
    /// Per account: 5 failures in 15 minutes lock it for 15 minutes.
    pub const ACCOUNT: ThrottleLimits = ThrottleLimits {
        max_failures: 5,
        window: Duration::minutes(15),
        lockout: Duration::minutes(15),
    };
    /// Per client address: 20 failures in 15 minutes block it for 15 minutes.
    pub const ADDRESS: ThrottleLimits = ThrottleLimits {
        max_failures: 20,
        window: Duration::minutes(15),
        lockout: Duration::minutes(15),
    };
}

impl ThrottleLimits {
    /// Password-reset requests, per address and per e-mail: 5 in 15 minutes,
    /// then 15 minutes' pause (each request sends mail).
    pub const RESET_REQUESTS: ThrottleLimits = ThrottleLimits {
        max_failures: 5,
        window: Duration::minutes(15),
        lockout: Duration::minutes(15),
    };
}

/// What is stored per key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleState {
    pub failures: u32,
    pub window_started_at: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
}

/// `Err(until)` while the key is locked.
pub fn check(state: Option<&ThrottleState>, now: DateTime<Utc>) -> Result<(), DateTime<Utc>> {
    match state.and_then(|s| s.locked_until) {
        Some(until) if until > now => Err(until),
        _ => Ok(()),
    }
}

/// The state after one more failure at `now`.
pub fn record_failure(
    state: Option<ThrottleState>,
    limits: ThrottleLimits,
    now: DateTime<Utc>,
) -> ThrottleState {
    let fresh = ThrottleState {
        failures: 0,
        window_started_at: now,
        locked_until: None,
    };
    let mut next = match state {
        // A finished lock or an old window starts counting again.
        Some(s) if s.locked_until.is_some_and(|until| until <= now) => fresh,
        Some(s) if now - s.window_started_at >= limits.window && s.locked_until.is_none() => fresh,
        Some(s) => s,
        None => fresh,
    };
    next.failures += 1;
    if next.failures >= limits.max_failures && next.locked_until.is_none() {
        next.locked_until = Some(now + limits.lockout);
    }
    next
}

/// Whole minutes (at least one) until `until`, for the message to the user.
pub fn minutes_left(until: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    ((until - now).num_seconds() + 59).div_euclid(60).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    #[test]
    fn the_fifth_failure_locks_the_account() {
        let limits = ThrottleLimits::ACCOUNT;
        let mut state = None;
        for i in 1..=4 {
            let s = record_failure(state, limits, t0() + Duration::seconds(i));
            assert_eq!(check(Some(&s), t0() + Duration::seconds(i)), Ok(()));
            state = Some(s);
        }
        let locked = record_failure(state, limits, t0() + Duration::seconds(5));
        let until = check(Some(&locked), t0() + Duration::seconds(5)).unwrap_err();
        assert_eq!(until, t0() + Duration::seconds(5) + Duration::minutes(15));
        assert_eq!(minutes_left(until, t0() + Duration::seconds(5)), 15);
        // The lock ends by itself.
        assert_eq!(check(Some(&locked), until), Ok(()));
        // And the next failure after it starts a new count.
        let after = record_failure(Some(locked), limits, until + Duration::seconds(1));
        assert_eq!(after.failures, 1);
        assert_eq!(after.locked_until, None);
    }

    #[test]
    fn failures_spread_over_more_than_the_window_do_not_lock() {
        let limits = ThrottleLimits::ACCOUNT;
        let mut state = None;
        for i in 0..20 {
            let s = record_failure(state, limits, t0() + Duration::minutes(16 * i));
            assert_eq!(check(Some(&s), t0() + Duration::minutes(16 * i)), Ok(()));
            state = Some(s);
        }
    }

    #[test]
    fn failures_while_locked_do_not_extend_the_lock() {
        let limits = ThrottleLimits::ACCOUNT;
        let mut state = None;
        for _ in 0..5 {
            state = Some(record_failure(state, limits, t0()));
        }
        let until = state.unwrap().locked_until.unwrap();
        let again = record_failure(state, limits, t0() + Duration::minutes(5));
        assert_eq!(again.locked_until, Some(until));
    }

    proptest! {
        #[test]
        fn never_locked_before_the_limit(n in 0u32..5, gaps in proptest::collection::vec(0i64..60, 5)) {
            let limits = ThrottleLimits::ACCOUNT;
            let mut state = None;
            let mut now = t0();
            for gap in gaps.iter().take(n as usize) {
                now += Duration::seconds(*gap);
                state = Some(record_failure(state, limits, now));
            }
            prop_assert_eq!(check(state.as_ref(), now), Ok(()));
        }

        #[test]
        fn always_locked_at_the_limit_inside_the_window(gaps in proptest::collection::vec(0i64..47, 20)) {
            let limits = ThrottleLimits::ADDRESS;
            let mut state = None;
            let mut now = t0();
            for gap in gaps {
                now += Duration::seconds(gap);
                state = Some(record_failure(state, limits, now));
            }
            // 20 failures within at most 19 * 46 s < 15 min.
            prop_assert!(check(state.as_ref(), now).is_err());
        }
    }
}
