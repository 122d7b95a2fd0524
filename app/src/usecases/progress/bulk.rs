//! Several lines of one purchase order move to one milestone at once.

use chrono::NaiveDate;

use crate::domain::policy::Action;
use crate::domain::progress::{
    AcceptedProgress, Milestone, ProgressError, ProgressInput, check_progress,
};
use crate::i18n::Locale;
use crate::ssr::again::again_when_refused;
use crate::ssr::auth::CurrentUser;
use crate::ssr::production::Moved;
use crate::ssr::repo::progress::{self, NewProgress, PoLineRow, PoScope};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::progress::MAX_BULK_LINES;
use crate::wire::{ApiError, FieldErrors};

/// One line's accepted move: the line, the milestone it leaves, the report.
type Planned<'a> = (&'a PoLineRow, Milestone, AcceptedProgress);

/// Moves several lines of one purchase order to `milestone` at once (e.g.
/// all packed); quantities and forecasts stay. All or nothing: if any line
/// refuses, none moves. Returns how many lines moved.
pub async fn bulk(
    state: &AppState,
    user: &CurrentUser,
    line_ids: Vec<i32>,
    milestone: String,
    note: String,
) -> Result<usize, ApiError> {
    PoScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    let locale = user.locale;
    let ids = selection(locale, line_ids)?;
    let milestone = Milestone::parse(&milestone)
        .ok_or_else(|| ApiError::invalid("milestone", locale.t("progress-unknown-milestone")))?;
    let rows = lines_to_move(state, user, &ids).await?;
    let today = state.today();
    let plan = plan_moves(locale, &rows, milestone, &note, today)?;
    again_when_refused(|| record(state, user, &plan)).await
}

/// The lines asked for, each once: at least one, at most `MAX_BULK_LINES`.
fn selection(locale: Locale, mut ids: Vec<i32>) -> Result<Vec<i32>, ApiError> {
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Err(ApiError::invalid("line_ids", locale.t("progress-no-lines")));
    }
    if ids.len() > MAX_BULK_LINES {
        return Err(ApiError::invalid(
            "line_ids",
            locale.t_with(
                "progress-too-many-lines",
                &[("count", MAX_BULK_LINES.into())],
            ),
        ));
    }
    Ok(ids)
}

/// The lines, each one the viewer may report on, all of one purchase order.
async fn lines_to_move(
    state: &AppState,
    user: &CurrentUser,
    ids: &[i32],
) -> Result<Vec<PoLineRow>, ApiError> {
    let rows = progress::lines_by_ids(&state.db, PoScope::All, ids).await?;
    if rows.len() != ids.len() {
        return Err(ApiError::NotFound);
    }
    for row in &rows {
        let action = Action::PoLine {
            supplier: row.po.supplier_company_id,
            report: true,
        };
        guard::check(state, user, action, "PO line progress").await?;
    }
    if rows.iter().any(|r| r.po.id != rows[0].po.id) {
        return Err(ApiError::invalid(
            "line_ids",
            user.locale.t("progress-one-po"),
        ));
    }
    Ok(rows)
}

/// Each line's move as the progress rules accept it; every refusal of every
/// line is reported at once, naming its line.
fn plan_moves<'a>(
    locale: Locale,
    rows: &'a [PoLineRow],
    milestone: Milestone,
    note: &str,
    today: NaiveDate,
) -> Result<Vec<Planned<'a>>, ApiError> {
    let mut problems = FieldErrors::default();
    let mut plan = Vec::new();
    for row in rows {
        let line_state = row.state();
        let input = ProgressInput {
            milestone,
            quantity_done: row.line.quantity_done,
            lot_quantity: None,
            forecast_ready: row.line.forecast_ready_date,
            reason: None,
            note: Some(note.to_string()),
        };
        match check_progress(&line_state, &input, today) {
            Ok(accepted) => plan.push((row, line_state.milestone, accepted)),
            Err(found) => {
                for problem in found {
                    problems.add("line_ids", line_problem(locale, row, &problem));
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    Ok(plan)
}

/// A rule's refusal for one line of the move, naming the line.
fn line_problem(locale: Locale, row: &PoLineRow, problem: &ProgressError) -> String {
    locale.t_with(
        "progress-line-problem",
        &[
            (
                "line",
                format!("{} / {}", row.po.number, row.line.line_no).into(),
            ),
            ("problem", super::message(locale, problem).into()),
        ],
    )
}

/// Writes every move at the version read, in one unit of work: a report on
/// any of the lines since makes the whole move a conflict. The caller makes
/// it again if the database refuses it to end a deadlock.
async fn record(
    state: &AppState,
    user: &CurrentUser,
    plan: &[Planned<'_>],
) -> Result<usize, ApiError> {
    let now = state.now();
    let work = UnitOfWork::begin(state).await?;
    let mut moved = Vec::new();
    for (row, from, accepted) in plan {
        let recorded = progress::record(
            &work.tx,
            NewProgress {
                po_line_id: row.line.id,
                user_id: Some(user.user_id),
                milestone: accepted.milestone,
                quantity_done: accepted.quantity_done,
                lot_quantity: None,
                forecast_ready: accepted.forecast_ready,
                reason: None,
                note: accepted.note.as_deref(),
            },
            row.line.version,
            now,
            state.house_date(now),
        )
        .await?;
        if !recorded {
            return Err(super::stale(user.locale));
        }
        moved.push(Moved {
            po_line_id: row.line.id,
            from: *from,
            to: accepted.milestone,
        });
    }
    let factories: Vec<i32> = plan
        .iter()
        .map(|(row, _, _)| row.po.supplier_company_id)
        .collect();
    super::follow_and_commit(state, work, &factories, &moved, now).await?;
    Ok(moved.len())
}
