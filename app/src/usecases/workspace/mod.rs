//! The staff workspace: the at-risk board, the KPIs of a period and the
//! supplier scorecards (a factory reads its own). Figures come from
//! aggregates in the database (`ssr::repo::kpi`) turned into numbers by the
//! definitions in `domain::kpi`. The CSV exports reuse `period` and `report`.

mod board;
mod kpis;
mod scorecard;

pub use board::{at_risk, board};
pub use kpis::{kpis, report};
pub use scorecard::{scorecard, scorecards};

use chrono::{Days, NaiveDate};

use crate::domain::dates::parse_day;
use crate::i18n::Locale;
use crate::ssr::repo::kpi::Period;
use crate::wire::{ApiError, FieldErrors};

/// The longest period the KPIs are read over, in days (about ten years).
const MAX_PERIOD_DAYS: i64 = 3660;

/// The period asked for: `from`..=`to`, by default the 90 days up to today.
/// Each end is a day the portal takes (`dates::parse_day`); messages are in
/// `locale`.
pub fn period(
    locale: Locale,
    from: Option<String>,
    to: Option<String>,
    today: NaiveDate,
) -> Result<Period, ApiError> {
    let mut problems = FieldErrors::default();
    let mut parse = |field: &str, raw: Option<String>| match raw.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => problems
            .keep(field, parse_day(text).map_err(|e| locale.t(e.key())))
            .map(Some)
            .unwrap_or(None),
    };
    let to_date = parse("to", to);
    let from_date = parse("from", from);
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    let to = to_date.unwrap_or(today);
    let from = from_date.unwrap_or_else(|| to.checked_sub_days(Days::new(89)).unwrap_or(to));
    if from > to {
        return Err(ApiError::invalid("from", locale.t("kpi-period-reversed")));
    }
    if (to - from).num_days() > MAX_PERIOD_DAYS {
        return Err(ApiError::invalid("from", locale.t("kpi-period-too-long")));
    }
    Ok(Period { from, to })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::{FIRST_DAY, LAST_DAY};
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, 31).unwrap()
    }

    #[test]
    fn extreme_ends_are_field_errors_in_the_reader_s_language() {
        for extreme in ["+262142-12-31", "262142-12-31", "9999-12-31", "2101-01-01"] {
            let refused = period(Locale::Zh, Some(extreme.into()), None, today()).unwrap_err();
            assert_eq!(
                refused.field_message("from"),
                Some(Locale::Zh.t("date-unreadable")),
                "{extreme}"
            );
            let refused = period(Locale::En, None, Some(extreme.into()), today()).unwrap_err();
            assert_eq!(
                refused.field_message("to"),
                Some(Locale::En.t("date-unreadable")),
                "{extreme}"
            );
        }
        let reversed = period(
            Locale::Zh,
            Some("2027-03-02".into()),
            Some("2027-03-01".into()),
            today(),
        )
        .unwrap_err();
        assert_eq!(
            reversed.field_message("from"),
            Some(Locale::Zh.t("kpi-period-reversed"))
        );
        let default = period(Locale::En, None, None, today()).unwrap();
        assert_eq!((default.to - default.from).num_days(), 89);
    }

    #[test]
    fn a_period_ends_without_overflow_even_at_chrono_s_last_day() {
        let last = Period {
            from: NaiveDate::MAX,
            to: NaiveDate::MAX,
        };
        assert!(last.end() >= last.start());
        let day = Period {
            from: today(),
            to: today(),
        };
        assert_eq!((day.end() - day.start()).num_hours(), 24);
    }

    proptest! {
        #[test]
        fn any_period_asked_for_is_bounded(
            from in "\\PC{0,12}|[+-]?[0-9]{1,7}-[0-9]{2}-[0-9]{2}",
            to in "\\PC{0,12}|[+-]?[0-9]{1,7}-[0-9]{2}-[0-9]{2}",
            offset in 0i64..36_890,
        ) {
            let today = FIRST_DAY + chrono::Duration::days(offset);
            if let Ok(asked) = period(Locale::En, Some(from), Some(to), today) {
                prop_assert!(asked.from <= asked.to);
                prop_assert!(asked.to <= LAST_DAY);
                prop_assert!((asked.to - asked.from).num_days() <= MAX_PERIOD_DAYS);
                prop_assert!(asked.end() > asked.start());
            }
        }
    }
}
