//! Days and times written as numbers in compact encodings.
//!
//! `#[serde(with = "crate::compact_dates")]` on a field holding a day
//! (`NaiveDate`), a time (`DateTime<Utc>`), an `Option` of one or a pair of
//! them. In a text format (JSON: what scripts, integrations and the tests
//! read, and what the database keeps) the field is written as chrono writes
//! it, `"2026-12-07"` and `"2026-12-07T16:34:54Z"`. In postcard, which the
//! portal's own browser code reads (`crate::wire::compact`), a day is its
//! number counted from the first day of the common era and a time its
//! seconds and nanoseconds since 1970.
//!
//! Read as text, chrono parses a day or a time with its general parser of
//! date formats, which every browser bundle carried only for this: 22 KB of
//! the order page's bundle, 8.5 KB of it gzip (`BENCHMARKS.md`). Read as
//! numbers, it needs none of it. So the browser reads days and times only
//! in postcard: a text form is read on the server alone, and the browser
//! refuses it with a message. No island's properties (which Leptos writes
//! as JSON) hold one.

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value written as numbers in a compact encoding (see the module).
pub trait CompactDate: Sized {
    /// Its numbers.
    type Numbers: Serialize + for<'de> Deserialize<'de>;
    /// The numbers it is written as.
    fn numbers(&self) -> Self::Numbers;
    /// The value the numbers stand for, if any.
    fn from_numbers(numbers: Self::Numbers) -> Option<Self>;
}

impl CompactDate for NaiveDate {
    type Numbers = i32;

    fn numbers(&self) -> i32 {
        chrono::Datelike::num_days_from_ce(self)
    }

    fn from_numbers(days: i32) -> Option<Self> {
        NaiveDate::from_num_days_from_ce_opt(days)
    }
}

impl CompactDate for DateTime<Utc> {
    type Numbers = (i64, u32);

    fn numbers(&self) -> (i64, u32) {
        (self.timestamp(), self.timestamp_subsec_nanos())
    }

    fn from_numbers((seconds, nanos): (i64, u32)) -> Option<Self> {
        DateTime::from_timestamp(seconds, nanos)
    }
}

impl<T: CompactDate> CompactDate for Option<T> {
    type Numbers = Option<T::Numbers>;

    fn numbers(&self) -> Self::Numbers {
        self.as_ref().map(T::numbers)
    }

    fn from_numbers(numbers: Self::Numbers) -> Option<Self> {
        match numbers {
            None => Some(None),
            Some(numbers) => T::from_numbers(numbers).map(Some),
        }
    }
}

impl<A: CompactDate, B: CompactDate> CompactDate for (A, B) {
    type Numbers = (A::Numbers, B::Numbers);

    fn numbers(&self) -> Self::Numbers {
        (self.0.numbers(), self.1.numbers())
    }

    fn from_numbers((a, b): Self::Numbers) -> Option<Self> {
        Some((A::from_numbers(a)?, B::from_numbers(b)?))
    }
}

/// Writes `value` as text or as numbers, by the format (see the module).
pub fn serialize<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
where
    T: CompactDate + Serialize,
    S: Serializer,
{
    if serializer.is_human_readable() {
        value.serialize(serializer)
    } else {
        value.numbers().serialize(serializer)
    }
}

/// Reads what `serialize` wrote.
pub fn deserialize<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: CompactDate + Deserialize<'de>,
    D: Deserializer<'de>,
{
    if deserializer.is_human_readable() {
        text(deserializer)
    } else {
        let numbers = T::Numbers::deserialize(deserializer)?;
        T::from_numbers(numbers).ok_or_else(|| D::Error::custom("a day or time out of range"))
    }
}

/// A day or time written as text: chrono's reading, on the server.
#[cfg(feature = "ssr")]
fn text<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    T::deserialize(deserializer)
}

/// In the browser, which has no parser of dates (see the module).
#[cfg(not(feature = "ssr"))]
fn text<'de, T, D>(_deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    Err(D::Error::custom(
        "days and times are read as text on the server only",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Dated {
        #[serde(with = "crate::compact_dates")]
        day: NaiveDate,
        #[serde(with = "crate::compact_dates")]
        maybe: Option<NaiveDate>,
        #[serde(with = "crate::compact_dates")]
        at: DateTime<Utc>,
        #[serde(with = "crate::compact_dates")]
        seen: Option<DateTime<Utc>>,
        #[serde(with = "crate::compact_dates")]
        span: Option<(NaiveDate, NaiveDate)>,
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn sample() -> Dated {
        Dated {
            day: day(2026, 12, 7),
            maybe: None,
            at: DateTime::from_timestamp(1_796_661_294, 123_456_789).unwrap(),
            seen: Some(DateTime::from_timestamp(0, 0).unwrap()),
            span: Some((day(2026, 1, 1), day(2026, 12, 31))),
        }
    }

    #[test]
    fn json_keeps_chronos_text() {
        let json = serde_json::to_value(sample()).unwrap();
        assert_eq!(json["day"], "2026-12-07");
        assert_eq!(json["maybe"], serde_json::Value::Null);
        assert_eq!(json["at"], "2026-12-07T16:34:54.123456789Z");
        assert_eq!(json["seen"], "1970-01-01T00:00:00Z");
        assert_eq!(
            json["span"],
            serde_json::json!(["2026-01-01", "2026-12-31"])
        );
        let back: Dated = serde_json::from_value(json).unwrap();
        assert_eq!(back, sample());
    }

    #[test]
    fn postcard_writes_numbers() {
        // A day as a number is three bytes where its text is eleven.
        #[derive(Serialize)]
        struct Day(#[serde(with = "crate::compact_dates")] NaiveDate);
        let bytes = postcard::to_allocvec(&Day(day(2026, 12, 7))).unwrap();
        let days = chrono::Datelike::num_days_from_ce(&day(2026, 12, 7));
        assert_eq!(bytes, postcard::to_allocvec(&days).unwrap());
        assert_eq!(bytes.len(), 3);
        let back: Dated = postcard::from_bytes(&postcard::to_allocvec(&sample()).unwrap()).unwrap();
        assert_eq!(back, sample());
    }

    #[test]
    fn numbers_out_of_range_are_refused() {
        #[derive(Serialize)]
        struct Numbers(i32);
        #[derive(Debug, Deserialize)]
        struct Day(
            #[serde(with = "crate::compact_dates")]
            #[allow(dead_code)]
            NaiveDate,
        );
        let bytes = postcard::to_allocvec(&Numbers(i32::MAX)).unwrap();
        assert!(postcard::from_bytes::<Day>(&bytes).is_err());
    }

    proptest! {
        #[test]
        fn any_day_and_time_read_back_from_postcard(
            days in -100_000i32..1_000_000,
            seconds in -10_000_000_000i64..10_000_000_000,
            nanos in 0u32..1_000_000_000,
            none in any::<bool>(),
        ) {
            let d = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            let at = DateTime::from_timestamp(seconds, nanos).unwrap();
            let value = Dated {
                day: d,
                maybe: (!none).then_some(d),
                at,
                seen: none.then_some(at),
                span: (!none).then_some((d, d)),
            };
            let bytes = postcard::to_allocvec(&value).unwrap();
            prop_assert_eq!(postcard::from_bytes::<Dated>(&bytes).unwrap(), value);
        }
    }
}
