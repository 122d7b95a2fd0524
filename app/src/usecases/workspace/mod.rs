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

use chrono::{Duration, NaiveDate};

use crate::ssr::repo::kpi::Period;
use crate::wire::{ApiError, FieldErrors};

/// The period asked for: `from`..=`to`, by default the 90 days up to today.
pub fn period(
    from: Option<String>,
    to: Option<String>,
    today: NaiveDate,
) -> Result<Period, ApiError> {
    let mut problems = FieldErrors::default();
    let mut parse = |field: &str, raw: Option<String>| match raw.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => problems
            .keep(
                field,
                crate::domain::dates::parse_day(text).ok_or("Use a date like 2027-03-31."),
            )
            .map(Some)
            .unwrap_or(None),
    };
    let to_date = parse("to", to);
    let from_date = parse("from", from);
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    let to = to_date.unwrap_or(today);
    let from = from_date.unwrap_or(to - Duration::days(89));
    if from > to {
        return Err(ApiError::invalid(
            "from",
            "The period starts after it ends.",
        ));
    }
    if (to - from).num_days() > 3660 {
        return Err(ApiError::invalid(
            "from",
            "Choose a period of at most ten years.",
        ));
    }
    Ok(Period { from, to })
}
