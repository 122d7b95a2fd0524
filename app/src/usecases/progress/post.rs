//! A factory reports on one of its lines: milestone, quantities, a lot and
//! a new forecast, checked by the progress rules.

// The report takes one argument per form field.
#![allow(clippy::too_many_arguments)]

use crate::domain::dates::parse_day;
use crate::domain::policy::Action;
use crate::domain::progress::{AcceptedProgress, Milestone, ProgressInput, check_progress};
use crate::i18n::Locale;
use crate::ssr::again::again_when_refused;
use crate::ssr::auth::CurrentUser;
use crate::ssr::production::Moved;
use crate::ssr::repo::progress::{self, NewProgress, PoScope};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::{ApiError, FieldErrors};

/// A factory reports on one of its lines. Fields: `milestone` (see
/// `Milestone::as_str`), `quantity_done`, optional `lot_quantity`, optional
/// `forecast` (`YYYY-MM-DD`; empty keeps the current one), `reason`, `note`.
/// `version` is the line's version the factory saw: a report made since
/// turns this one into a conflict.
pub async fn post(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    version: i32,
    milestone: String,
    quantity_done: String,
    lot_quantity: String,
    forecast: String,
    reason: String,
    note: String,
) -> Result<(), ApiError> {
    PoScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    let row = progress::find_line(&state.db, PoScope::All, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let action = Action::PoLine {
        supplier: row.po.supplier_company_id,
        report: true,
    };
    guard::check(state, user, action, "PO line progress").await?;
    let locale = user.locale;
    if row.line.version != version {
        return Err(super::stale(locale));
    }
    let today = state.today();
    let input = parse(
        locale,
        &milestone,
        &quantity_done,
        &lot_quantity,
        &forecast,
        reason,
        note,
    )?;
    let line_state = row.state();
    let accepted = check_progress(&line_state, &input, today).map_err(|found| {
        let mut problems = FieldErrors::default();
        for problem in &found {
            problems.add(problem.field(), super::message(locale, problem));
        }
        problems.into_error()
    })?;
    let moved = Moved {
        po_line_id: id,
        from: line_state.milestone,
        to: accepted.milestone,
    };
    let factory = row.po.supplier_company_id;
    again_when_refused(|| record(state, user, version, &accepted, factory, &moved)).await
}

/// The form as the progress rules take it; every field that cannot be read
/// is reported at once.
fn parse(
    locale: Locale,
    milestone: &str,
    quantity_done: &str,
    lot_quantity: &str,
    forecast: &str,
    reason: String,
    note: String,
) -> Result<ProgressInput, ApiError> {
    let mut problems = FieldErrors::default();
    let milestone = problems.keep(
        "milestone",
        Milestone::parse(milestone).ok_or_else(|| locale.t("progress-unknown-milestone")),
    );
    let whole = |raw: &str| {
        raw.trim()
            .parse::<i64>()
            .map_err(|_| locale.t("progress-bad-number"))
    };
    let quantity_done = problems.keep("quantity_done", whole(quantity_done));
    let lot_quantity = match lot_quantity.trim() {
        "" => Some(None),
        raw => problems.keep("lot_quantity", whole(raw)).map(Some),
    };
    let forecast = match forecast.trim() {
        "" => Some(None),
        raw => problems
            .keep("forecast", parse_day(raw).map_err(|e| locale.t(e.key())))
            .map(Some),
    };
    let (Some(milestone), Some(quantity_done), Some(lot_quantity), Some(forecast)) =
        (milestone, quantity_done, lot_quantity, forecast)
    else {
        return Err(problems.into_error());
    };
    Ok(ProgressInput {
        milestone,
        quantity_done,
        lot_quantity,
        forecast_ready: forecast,
        reason: Some(reason),
        note: Some(note),
    })
}

/// Writes the accepted report at the version the factory saw and lets the
/// move follow on to the customer lines, in one unit of work. The caller
/// makes it again if the database refuses it to end a deadlock.
async fn record(
    state: &AppState,
    user: &CurrentUser,
    version: i32,
    accepted: &AcceptedProgress,
    factory: i32,
    moved: &Moved,
) -> Result<(), ApiError> {
    let now = state.now();
    let work = UnitOfWork::begin(state).await?;
    let recorded = progress::record(
        &work.tx,
        NewProgress {
            po_line_id: moved.po_line_id,
            user_id: Some(user.user_id),
            milestone: accepted.milestone,
            quantity_done: accepted.quantity_done,
            lot_quantity: accepted.lot_quantity,
            forecast_ready: accepted.forecast_ready,
            reason: accepted.reason.as_deref(),
            note: accepted.note.as_deref(),
        },
        version,
        now,
        state.house_date(now),
    )
    .await?;
    if !recorded {
        return Err(super::stale(user.locale));
    }
    super::follow_and_commit(state, work, &[factory], std::slice::from_ref(moved), now).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::{FIRST_DAY, LAST_DAY};
    use proptest::prelude::*;

    fn forecast_of(locale: Locale, forecast: &str) -> Result<ProgressInput, ApiError> {
        parse(
            locale,
            "in_production",
            "20",
            "",
            forecast,
            String::new(),
            String::new(),
        )
    }

    #[test]
    fn an_extreme_forecast_is_refused_in_the_factory_s_language() {
        for extreme in ["+262142-12-31", "262142-12-31", "9999-12-31"] {
            let refused = forecast_of(Locale::Zh, extreme).unwrap_err();
            assert_eq!(
                refused.field_message("forecast"),
                Some(Locale::Zh.t("date-unreadable")),
                "{extreme}"
            );
        }
    }

    proptest! {
        #[test]
        fn any_forecast_typed_is_a_day_the_portal_takes_or_a_field_error(
            forecast in "\\PC{0,16}|[+-]?[0-9]{1,7}-[0-9]{2}-[0-9]{2}",
        ) {
            match forecast_of(Locale::En, &forecast) {
                Ok(input) => {
                    if let Some(day) = input.forecast_ready {
                        prop_assert!(day >= FIRST_DAY && day <= LAST_DAY, "{} read as {}", forecast, day);
                    }
                }
                Err(error) => {
                    prop_assert!(error.field_message("forecast").is_some(), "{}", error);
                }
            }
        }
    }
}
