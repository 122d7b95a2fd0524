//! Time zones: each person reads instants in their own IANA zone, and the
//! house has one for its working day. Instants are stored in UTC and only
//! shifted for display or to find a local date or hour; date-only values
//! (requested, committed, forecast dates) are never shifted.
//!
//! Shown times end in the offset (`UTC+08:00`) rather than an abbreviation:
//! abbreviations are ambiguous (CST is China, Central US and Cuba), and the
//! browser can compute the same offset from its own zone data, so a page
//! reads the same before and after it comes alive without shipping the zone
//! database to the browser.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Offset, Timelike, Utc};

/// The zone a new account starts in, until its owner chooses one.
pub const DEFAULT_ZONE: &str = "UTC";

/// No IANA name comes near this; longer input is refused before lookup.
pub const MAX_NAME_LEN: usize = 64;

/// A known IANA time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone(chrono_tz::Tz);

/// Why a zone name was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneError {
    Empty,
    Unknown,
}

impl ZoneError {
    /// The catalogue key of the message for the time zone field.
    pub fn key(self) -> &'static str {
        match self {
            ZoneError::Empty => "time-zone-empty",
            ZoneError::Unknown => "time-zone-unknown",
        }
    }
}

impl Default for Zone {
    fn default() -> Self {
        Zone::UTC
    }
}

impl Zone {
    pub const UTC: Zone = Zone(chrono_tz::Tz::UTC);

    /// An IANA name such as `Asia/Shanghai`, exactly as the database spells
    /// it (surrounding spaces aside).
    pub fn parse(raw: &str) -> Result<Zone, ZoneError> {
        let name = raw.trim();
        if name.is_empty() {
            return Err(ZoneError::Empty);
        }
        if name.len() > MAX_NAME_LEN {
            return Err(ZoneError::Unknown);
        }
        chrono_tz::Tz::from_str(name)
            .map(Zone)
            .map_err(|_| ZoneError::Unknown)
    }

    /// A stored name; UTC if it is no longer known (a zone removed from the
    /// database must not stop anyone from using the portal).
    pub fn parse_or_utc(raw: &str) -> Zone {
        Zone::parse(raw).unwrap_or_default()
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Minutes ahead of UTC at that instant (summer time included).
    pub fn offset_minutes(self, at: DateTime<Utc>) -> i32 {
        at.with_timezone(&self.0).offset().fix().local_minus_utc() / 60
    }

    /// The wall-clock time in this zone at that instant.
    pub fn local(self, at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(&self.0).naive_local()
    }

    /// The calendar day in this zone at that instant.
    pub fn date_of(self, at: DateTime<Utc>) -> NaiveDate {
        self.local(at).date()
    }

    /// The hour of the day (0–23) in this zone at that instant.
    pub fn hour_of(self, at: DateTime<Utc>) -> u32 {
        self.local(at).hour()
    }

    /// `2027-03-01 16:05 UTC+08:00` (or `… UTC` where the offset is zero).
    pub fn format(self, at: DateTime<Utc>) -> String {
        format_at_offset(at, self.offset_minutes(at))
    }
}

/// An instant as `YYYY-MM-DD HH:MM` at `offset` minutes ahead of UTC,
/// followed by that offset. The browser uses this with the offset it finds
/// for the person's zone, so both sides write the same text.
pub fn format_at_offset(at: DateTime<Utc>, offset: i32) -> String {
    let local = at.naive_utc() + chrono::Duration::minutes(offset.into());
    format!(
        "{} {}",
        local.format("%Y-%m-%d %H:%M"),
        offset_label(offset)
    )
}

/// `UTC`, `UTC+08:00`, `UTC-03:30`.
pub fn offset_label(offset: i32) -> String {
    if offset == 0 {
        return "UTC".to_string();
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Every zone a person may choose: the IANA region/city names and UTC
/// (the old aliases such as `US/Eastern` or `EST5EDT` are left out), in
/// alphabetical order.
pub fn choices() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| *name == DEFAULT_ZONE || is_region_city(name))
        .collect();
    names.sort_unstable();
    names
}

fn is_region_city(name: &str) -> bool {
    const REGIONS: [&str; 10] = [
        "Africa/",
        "America/",
        "Antarctica/",
        "Arctic/",
        "Asia/",
        "Atlantic/",
        "Australia/",
        "Europe/",
        "Indian/",
        "Pacific/",
    ];
    REGIONS.iter().any(|region| name.starts_with(region))
}

/// The zone to suggest from the browser's: only while the person still has
/// the default one, and only one of the region/city zones among `choices`
/// (what [`choices`] offers; the browser is handed them, as it carries no
/// zone database). `Etc/UTC` and the like are UTC again, or not a place to
/// choose.
pub fn suggestion<'a, S: AsRef<str>>(
    stored: &str,
    browser: &str,
    choices: &'a [S],
) -> Option<&'a str> {
    if stored != DEFAULT_ZONE || browser == DEFAULT_ZONE {
        return None;
    }
    choices
        .binary_search_by(|choice| choice.as_ref().cmp(browser))
        .ok()
        .map(|at| choices[at].as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn known_names_parse_and_others_are_refused() {
        assert_eq!(
            Zone::parse(" Asia/Shanghai ").unwrap().name(),
            "Asia/Shanghai"
        );
        assert_eq!(Zone::parse("UTC"), Ok(Zone::UTC));
        assert_eq!(Zone::parse(""), Err(ZoneError::Empty));
        assert_eq!(Zone::parse("   "), Err(ZoneError::Empty));
        for bad in ["Mars/Olympus", "asia/shanghai", "+08:00", "Asia/", "日本"] {
            assert_eq!(Zone::parse(bad), Err(ZoneError::Unknown), "{bad}");
        }
        assert_eq!(Zone::parse(&"A".repeat(500)), Err(ZoneError::Unknown));
        assert_eq!(Zone::parse_or_utc("Nowhere/Else"), Zone::UTC);
    }

    #[test]
    fn times_are_shown_at_the_zones_offset_that_day() {
        let shanghai = Zone::parse("Asia/Shanghai").unwrap();
        assert_eq!(
            shanghai.format(at(2027, 3, 1, 8, 5)),
            "2027-03-01 16:05 UTC+08:00"
        );
        // Past midnight in Shanghai: the local date moves on.
        assert_eq!(
            shanghai.date_of(at(2027, 3, 1, 18, 0)),
            NaiveDate::from_ymd_opt(2027, 3, 2).unwrap()
        );
        let berlin = Zone::parse("Europe/Berlin").unwrap();
        assert_eq!(
            berlin.format(at(2027, 1, 15, 12, 0)),
            "2027-01-15 13:00 UTC+01:00"
        );
        // Summer time.
        assert_eq!(
            berlin.format(at(2027, 7, 15, 12, 0)),
            "2027-07-15 14:00 UTC+02:00"
        );
        let newfoundland = Zone::parse("America/St_Johns").unwrap();
        assert_eq!(
            newfoundland.format(at(2027, 1, 15, 12, 0)),
            "2027-01-15 08:30 UTC-03:30"
        );
        assert_eq!(
            Zone::UTC.format(at(2027, 1, 15, 12, 0)),
            "2027-01-15 12:00 UTC"
        );
        assert_eq!(shanghai.hour_of(at(2027, 1, 15, 23, 0)), 7);
    }

    #[test]
    fn the_choices_are_sorted_region_names_with_utc() {
        let names = choices();
        assert!(names.contains(&"Asia/Shanghai"));
        assert!(names.contains(&"UTC"));
        assert!(!names.contains(&"US/Eastern"));
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        assert!(names.iter().all(|name| Zone::parse(name).is_ok()));
    }

    #[test]
    fn the_browser_zone_is_suggested_only_over_the_default() {
        let offered = choices();
        let suggest = |stored, browser| suggestion(stored, browser, &offered);
        assert_eq!(suggest("UTC", "Asia/Shanghai"), Some("Asia/Shanghai"));
        assert_eq!(suggest("Europe/Berlin", "Asia/Shanghai"), None);
        assert_eq!(suggest("UTC", "UTC"), None);
        assert_eq!(suggest("UTC", "Etc/UTC"), None);
        assert_eq!(suggest("UTC", "Not/AZone"), None);
        assert_eq!(suggest("UTC", " Asia/Shanghai"), None);
    }

    proptest! {
        /// What is suggested is exactly what the zone database says: a
        /// known region/city zone, and only over the default.
        #[test]
        fn a_suggestion_is_a_known_region_city_zone_over_the_default(
            index in 0usize..700,
            stored_default: bool,
            noise in "[A-Za-z/_]{0,12}",
        ) {
            let offered = choices();
            let stored = if stored_default { DEFAULT_ZONE } else { "Europe/Berlin" };
            let names: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
            let browser = if index < names.len() { names[index].to_string() } else { noise };
            let expected = (stored_default
                && Zone::parse(&browser).is_ok_and(|zone| zone.name() == browser)
                && is_region_city(&browser))
                .then_some(browser.as_str());
            prop_assert_eq!(suggestion(stored, &browser, &offered), expected);
        }

        #[test]
        fn the_text_names_the_local_time_and_the_offset(
            // From 1973: every zone's offset has been whole minutes since
            // Africa/Monrovia left −0:44:30 in January 1972, and the text
            // (like the browser's offset) counts whole minutes.
            secs in 94_694_400i64..4_102_444_800,
            index in 0usize..400,
        ) {
            let names = choices();
            let zone = Zone::parse(names[index % names.len()]).unwrap();
            let instant = DateTime::from_timestamp(secs, 0).unwrap();
            let offset = zone.offset_minutes(instant);
            prop_assert!(offset.abs() <= 14 * 60);
            let text = zone.format(instant);
            let local = zone.local(instant).format("%Y-%m-%d %H:%M").to_string();
            prop_assert!(text.starts_with(&local), "{} vs {}", text, local);
            prop_assert!(text.ends_with(&offset_label(offset)));
            // The local wall time is the instant moved by the offset.
            prop_assert_eq!(
                zone.local(instant),
                instant.naive_utc() + chrono::Duration::minutes(offset.into())
            );
            prop_assert_eq!(zone.date_of(instant), zone.local(instant).date());
        }

        #[test]
        fn any_offset_label_reads_back(offset in -(14 * 60)..=(14 * 60)) {
            let label = offset_label(offset);
            if offset == 0 {
                prop_assert_eq!(label, "UTC");
            } else {
                let sign = if offset < 0 { -1 } else { 1 };
                let hours: i32 = label[4..6].parse().unwrap();
                let minutes: i32 = label[7..9].parse().unwrap();
                prop_assert_eq!(sign * (hours * 60 + minutes), offset);
            }
        }
    }
}
