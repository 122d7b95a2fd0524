//! Why something a person typed was refused, as a message of the catalogue
//! with its arguments rather than as words: the rules stay free of any one
//! language, and whoever answers the person says it in theirs
//! ([`Refusal::text`], or [`Localize::localized`] on a whole result). The
//! English (`Display`) is for logs and for callers still answering in
//! English only.

use std::fmt;

use chrono::NaiveDate;
use fluent_bundle::FluentValue;

use super::dates::DayError;
use crate::i18n::Locale;

/// One argument of a refusal's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is: what was typed, a list of codes, an amount.
    Text(String),
    /// A whole number, which the message may also choose its words by.
    Number(i64),
    /// A day, written the reader's way.
    Day(NaiveDate),
    /// Another message of the catalogue (what a field holds, say), read in
    /// the same language.
    Message(&'static str),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_string())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Self::Number(n)
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Self::Number(i64::from(n))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Self::Number(i64::from(n))
    }
}

impl From<u16> for Arg {
    fn from(n: u16) -> Self {
        Self::Number(i64::from(n))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Self::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<NaiveDate> for Arg {
    fn from(day: NaiveDate) -> Self {
        Self::Day(day)
    }
}

/// A refusal: the catalogue key of its message and the message's arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Refusal {
    /// The message `key`, without arguments so far.
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// With the argument `$name`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// With the argument `$name` that is the message `key`.
    pub fn with_message(self, name: &'static str, key: &'static str) -> Self {
        self.with(name, Arg::Message(key))
    }

    /// The message-catalogue key.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The refusal in `locale`'s words.
    pub fn text(&self, locale: Locale) -> String {
        let args: Vec<(&str, FluentValue<'static>)> = self
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Number(n) => FluentValue::from(*n),
                    Arg::Day(day) => FluentValue::from(locale.date(*day)),
                    Arg::Message(key) => FluentValue::from(locale.t(key)),
                };
                (*name, value)
            })
            .collect();
        locale.t_with(self.key, &args)
    }
}

/// A refused day says why in the dates' own words.
impl From<DayError> for Refusal {
    fn from(error: DayError) -> Self {
        Self::new(error.key())
    }
}

/// The English, as the catalogue has it.
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Locale::En))
    }
}

impl std::error::Error for Refusal {}

/// A result whose refusal is to be read by someone.
pub trait Localize<T> {
    /// The value, or the refusal in `locale`'s words.
    fn localized(self, locale: Locale) -> Result<T, String>;
}

impl<T> Localize<T> for Result<T, Refusal> {
    fn localized(self, locale: Locale) -> Result<T, String> {
        self.map_err(|refusal| refusal.text(locale))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_read_in_the_readers_language() {
        let day = NaiveDate::from_ymd_opt(2027, 3, 4).unwrap();
        let refusal = Refusal::new("input-ready-by-after-commitment")
            .with("line", 2_i32)
            .with("date", day);
        assert_eq!(
            refusal.to_string(),
            "Line 2 is committed to the customer for 2027-03-04; the factory must be ready by then."
        );
        assert!(refusal.text(Locale::De).contains("04.03.2027"));
        let named = Refusal::new("input-enter").with_message("what", "input-what-unit");
        assert_eq!(named.to_string(), "Enter a unit.");
        assert_ne!(named.text(Locale::Zh), named.to_string());
        assert_eq!(
            Err::<(), _>(named.clone()).localized(Locale::Zh),
            Err(named.text(Locale::Zh))
        );
    }

    #[test]
    fn a_refused_day_keeps_its_words() {
        for error in [DayError::Unreadable, DayError::Past] {
            assert_eq!(Refusal::from(error).to_string(), error.to_string());
        }
    }
}
