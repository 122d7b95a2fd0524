//! The house's working hours, and time counted in them: a complaint's clock
//! runs only while the house is at work, in the house's own time zone.
//!
//! The house's zone is a fixed offset from UTC (no daylight saving), and its
//! working day lies within one calendar day (no night shifts across
//! midnight). Time is counted to the nanosecond, so a deadline is exact.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Minutes in a day; the latest `end_minute`.
pub const MINUTES_PER_DAY: u16 = 24 * 60;

/// The largest offset from UTC any time zone has (UTC+14 and UTC−12).
pub const MAX_OFFSET_MINUTES: i32 = 14 * 60;

/// Days as the working-hours form names them, Monday first.
pub const WEEKDAY_CODES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The message-catalogue keys of the days' names, Monday first.
pub const WEEKDAY_KEYS: [&str; 7] = [
    "weekday-mon",
    "weekday-tue",
    "weekday-wed",
    "weekday-thu",
    "weekday-fri",
    "weekday-sat",
    "weekday-sun",
];

/// When the house works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WorkingHours {
    /// The house's offset from UTC in minutes (+480 for UTC+8).
    pub zone_offset_minutes: i32,
    /// Working days, Monday first.
    pub days: [bool; 7],
    /// The working day starts this many minutes after local midnight…
    pub start_minute: u16,
    /// …and ends this many (at most [`MINUTES_PER_DAY`]) after it.
    pub end_minute: u16,
}

impl Default for WorkingHours {
    fn default() -> Self {
        Self::ALWAYS
    }
}

/// What is wrong with one field of the working-hours form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkingHoursError {
    BadOffset,
    BadTime,
    EndNotAfterStart,
    NoDays,
    UnknownDay,
}

impl WorkingHoursError {
    pub fn key(self) -> &'static str {
        match self {
            Self::BadOffset => "working-hours-bad-offset",
            Self::BadTime => "working-hours-bad-time",
            Self::EndNotAfterStart => "working-hours-end-not-after-start",
            Self::NoDays => "working-hours-no-days",
            Self::UnknownDay => "working-hours-unknown-day",
        }
    }
}

impl WorkingHours {
    /// Around the clock, every day: what counts when the house sets no
    /// working hours.
    pub const ALWAYS: WorkingHours = WorkingHours {
        zone_offset_minutes: 0,
        days: [true; 7],
        start_minute: 0,
        end_minute: MINUTES_PER_DAY,
    };

    /// The hours from their form, or every problem against its field
    /// (`zone_offset`, `start`, `end`, `days`): the offset like "+08:00"
    /// (see [`parse_offset`]), start and end like "09:00" (end may be
    /// "24:00") with the end after the start, and at least one day, each a
    /// code of [`WEEKDAY_CODES`].
    pub fn parse<S: AsRef<str>>(
        offset: &str,
        start: &str,
        end: &str,
        days: &[S],
    ) -> Result<WorkingHours, Vec<(&'static str, WorkingHoursError)>> {
        let mut errors = Vec::new();
        let zone = parse_offset(offset);
        if zone.is_none() {
            errors.push(("zone_offset", WorkingHoursError::BadOffset));
        }
        let start_minute = parse_time(start);
        if start_minute.is_none() {
            errors.push(("start", WorkingHoursError::BadTime));
        }
        let end_minute = parse_time(end);
        if end_minute.is_none() {
            errors.push(("end", WorkingHoursError::BadTime));
        }
        if let (Some(start), Some(end)) = (start_minute, end_minute)
            && end <= start
        {
            errors.push(("end", WorkingHoursError::EndNotAfterStart));
        }
        let mut working = [false; 7];
        let mut unknown = false;
        for day in days {
            let code = day.as_ref().trim().to_ascii_lowercase();
            match WEEKDAY_CODES.iter().position(|known| *known == code) {
                Some(at) => working[at] = true,
                None => unknown = true,
            }
        }
        if unknown {
            errors.push(("days", WorkingHoursError::UnknownDay));
        } else if !working.contains(&true) {
            errors.push(("days", WorkingHoursError::NoDays));
        }
        match (zone, start_minute, end_minute) {
            (Some(zone_offset_minutes), Some(start_minute), Some(end_minute))
                if errors.is_empty() =>
            {
                Ok(WorkingHours {
                    zone_offset_minutes,
                    days: working,
                    start_minute,
                    end_minute,
                })
            }
            _ => Err(errors),
        }
    }

    /// The working days' codes, for the form.
    pub fn day_codes(&self) -> Vec<&'static str> {
        WEEKDAY_CODES
            .into_iter()
            .zip(self.days)
            .filter_map(|(code, working)| working.then_some(code))
            .collect()
    }

    /// Hours the form accepts: an offset of at most 14 hours, a working day
    /// that ends after it starts and no later than midnight, at least one
    /// working day.
    pub fn is_valid(&self) -> bool {
        (-MAX_OFFSET_MINUTES..=MAX_OFFSET_MINUTES).contains(&self.zone_offset_minutes)
            && self.end_minute <= MINUTES_PER_DAY
            && self.has_working_time()
    }

    fn has_working_time(&self) -> bool {
        self.start_minute < self.end_minute.min(MINUTES_PER_DAY) && self.days.contains(&true)
    }
}

/// A time of day like "09:00" or "9:30" as minutes after midnight; "24:00"
/// is the end of the day.
pub fn parse_time(raw: &str) -> Option<u16> {
    let (hours, minutes) = raw.trim().split_once(':')?;
    if !(1..=2).contains(&hours.len()) || minutes.len() != 2 {
        return None;
    }
    if !hours
        .bytes()
        .chain(minutes.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let (hours, minutes): (u16, u16) = (hours.parse().ok()?, minutes.parse().ok()?);
    let total = hours * 60 + minutes;
    (minutes < 60 && total <= MINUTES_PER_DAY).then_some(total)
}

/// Minutes after midnight as "09:00".
pub fn format_time(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// An offset from UTC like "+08:00", "-05:30", "+8", "UTC+8" or "GMT-3" as
/// minutes; "", "Z" and "UTC" are UTC itself. At most 14 hours either way.
pub fn parse_offset(raw: &str) -> Option<i32> {
    let mut text = raw.trim();
    if let Some(prefix) = text.get(..3)
        && (prefix.eq_ignore_ascii_case("utc") || prefix.eq_ignore_ascii_case("gmt"))
    {
        text = text[3..].trim_start();
    }
    if text.is_empty() || text.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let (sign, rest) = match text.as_bytes()[0] {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => (1, text),
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "00"));
    if !(1..=2).contains(&hours.len()) || minutes.len() != 2 {
        return None;
    }
    if !hours
        .bytes()
        .chain(minutes.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let (hours, minutes): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    let total = hours * 60 + minutes;
    (minutes < 60 && total <= MAX_OFFSET_MINUTES).then_some(sign * total)
}

/// An offset in minutes as "+08:00".
pub fn format_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let abs = minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
}

/// The deadline `duration_minutes` of working time after `start`: only
/// time inside the working hours, in the house's zone, counts, so a start
/// outside them begins counting at the next opening, and a deadline that
/// falls on closing time stays there. No time at all is the start itself.
///
/// Hours without any working time (no working day, or a day that ends
/// before it starts) count as [`WorkingHours::ALWAYS`], so a clock always
/// runs out. A deadline beyond chrono's range is its last instant.
pub fn add_working(
    start: DateTime<Utc>,
    duration_minutes: u32,
    hours: &WorkingHours,
) -> DateTime<Utc> {
    if duration_minutes == 0 {
        return start;
    }
    let week = Week::of(hours);
    let worked = week.worked_until(week.local(start));
    let target = worked + i128::from(duration_minutes) * NS_PER_MINUTE;
    from_ns(week.reached_at(target) - week.offset)
}

/// The working minutes (whole ones, rounded towards zero) from `a` to `b`;
/// negative when `b` is before `a`. The same hours as for
/// [`add_working`], so the minutes from a start to its deadline are the
/// duration.
pub fn working_minutes_between(a: DateTime<Utc>, b: DateTime<Utc>, hours: &WorkingHours) -> i64 {
    let week = Week::of(hours);
    let worked = week.worked_until(week.local(b)) - week.worked_until(week.local(a));
    let minutes = worked / NS_PER_MINUTE;
    i64::try_from(minutes).unwrap_or(if minutes < 0 { i64::MIN } else { i64::MAX })
}

const NS_PER_SECOND: i128 = 1_000_000_000;
const NS_PER_MINUTE: i128 = 60 * NS_PER_SECOND;
const NS_PER_DAY: i128 = 1_440 * NS_PER_MINUTE;
/// 1970-01-01, day 0 of Unix time, was a Thursday: day 3 counted from Monday.
const EPOCH_WEEKDAY: i128 = 3;

/// Working time as a function of local time, in nanoseconds on the Unix
/// count. Weeks run Monday to Sunday; week 0 holds 1970-01-01.
struct Week {
    offset: i128,
    open: i128,
    /// Working time on each day, Monday first.
    daily: [i128; 7],
    total: i128,
}

impl Week {
    fn of(hours: &WorkingHours) -> Week {
        let hours = if hours.has_working_time() {
            *hours
        } else {
            WorkingHours {
                zone_offset_minutes: hours.zone_offset_minutes,
                ..WorkingHours::ALWAYS
            }
        };
        let open = i128::from(hours.start_minute) * NS_PER_MINUTE;
        let close = i128::from(hours.end_minute.min(MINUTES_PER_DAY)) * NS_PER_MINUTE;
        let daily = hours
            .days
            .map(|working| if working { close - open } else { 0 });
        Week {
            offset: i128::from(hours.zone_offset_minutes) * NS_PER_MINUTE,
            open,
            daily,
            total: daily.iter().sum(),
        }
    }

    fn local(&self, at: DateTime<Utc>) -> i128 {
        i128::from(at.timestamp()) * NS_PER_SECOND
            + i128::from(at.timestamp_subsec_nanos())
            + self.offset
    }

    /// The working time from the start of week 0 to the local instant `at`
    /// (negative before it). Never decreasing in `at`.
    fn worked_until(&self, at: i128) -> i128 {
        let day = at.div_euclid(NS_PER_DAY) + EPOCH_WEEKDAY;
        let into_day = at.rem_euclid(NS_PER_DAY);
        let week = day.div_euclid(7);
        let weekday = day.rem_euclid(7) as usize;
        let before: i128 = self.daily[..weekday].iter().sum();
        let today = (into_day - self.open).clamp(0, self.daily[weekday]);
        week * self.total + before + today
    }

    /// The first local instant by which `worked` of working time has
    /// passed: the inverse of [`Week::worked_until`].
    fn reached_at(&self, worked: i128) -> i128 {
        let week = (worked - 1).div_euclid(self.total);
        // Working time left to find in that week: 1 ns up to all of it.
        let mut rest = worked - week * self.total;
        let mut found = None;
        for (weekday, daily) in self.daily.into_iter().enumerate() {
            if daily > 0 && rest <= daily {
                found = Some(weekday as i128);
                break;
            }
            rest -= daily;
        }
        // The days add up to the week, so a day is always found; the end of
        // the week would be the answer otherwise.
        let Some(weekday) = found else {
            return (week * 7 + 7 - EPOCH_WEEKDAY) * NS_PER_DAY;
        };
        (week * 7 + weekday - EPOCH_WEEKDAY) * NS_PER_DAY + self.open + rest
    }
}

/// A UTC instant from nanoseconds on the Unix count, held within chrono's
/// range.
fn from_ns(ns: i128) -> DateTime<Utc> {
    let seconds = ns.div_euclid(NS_PER_SECOND);
    let nanos = ns.rem_euclid(NS_PER_SECOND) as u32;
    i64::try_from(seconds)
        .ok()
        .and_then(|seconds| DateTime::from_timestamp(seconds, nanos))
        .unwrap_or(if ns < 0 {
            DateTime::<Utc>::MIN_UTC
        } else {
            DateTime::<Utc>::MAX_UTC
        })
}

#[cfg(test)]
mod tests;
