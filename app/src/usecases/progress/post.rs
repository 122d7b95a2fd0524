//! A factory reports on one of its lines: milestone, quantities, a lot and
//! a new forecast, checked by the progress rules.

// The report takes one argument per form field.
#![allow(clippy::too_many_arguments)]

use crate::domain::dates::parse_day;
use crate::domain::policy::Action;
use crate::domain::progress::{AcceptedProgress, Milestone, ProgressInput, check_progress};
use crate::i18n::Locale;
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
    let today = state.now().date_naive();
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
    record(state, user, version, &accepted, moved).await
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
            .keep(
                "forecast",
                parse_day(raw).ok_or_else(|| locale.t("progress-bad-date")),
            )
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
/// move follow on to the customer lines, in one unit of work.
async fn record(
    state: &AppState,
    user: &CurrentUser,
    version: i32,
    accepted: &AcceptedProgress,
    moved: Moved,
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
    )
    .await?;
    if !recorded {
        return Err(super::stale(user.locale));
    }
    super::follow_and_commit(state, work, &[moved], now).await
}
