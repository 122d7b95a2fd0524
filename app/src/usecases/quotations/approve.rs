//! An approver decides the step a quotation waits for, in order: approve,
//! or reject with a comment. The last approval makes the quotation
//! approved; a rejection sends it back to sales as a new draft revision.
//! Of two approvers deciding at once, only the first is recorded.

use sea_orm::ConnectionTrait;

use super::{mail, revise_into_new_draft};
use crate::domain::account::Role;
use crate::domain::approval::{
    ApprovalError, ApprovalOutcome, ApprovalStep, Decision, can_act, decide as decide_step,
};
use crate::domain::kept_pages::Scope;
use crate::domain::policy::Action;
use crate::domain::quotation::QuotationStatus;
use crate::i18n::Locale;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{approval_step, quotation};
use crate::ssr::repo::quotations::{self, Moved, QuoteScope};
use crate::ssr::repo::{companies, users};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;

/// The steps as the approval rules see them.
pub fn domain_steps(rows: &[approval_step::Model]) -> Vec<ApprovalStep> {
    rows.iter()
        .map(|row| ApprovalStep {
            level: row.level,
            decision: row.decided_at.map(|at| Decision {
                approve: row.approved.unwrap_or(false),
                by: row.decided_by.unwrap_or_default(),
                at,
                comment: row.comment.clone().unwrap_or_default(),
            }),
            due: row.due_at,
        })
        .collect()
}

/// Decides step `position` of quotation `id`: `approve`, or reject with a
/// `comment` (required then).
pub async fn decide(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    position: i32,
    approve: bool,
    comment: String,
) -> Result<(), ApiError> {
    guard::check(state, user, Action::ApproveQuote, "quotation approval").await?;
    let row = quotations::find(&state.db, QuoteScope::All, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if row.status != QuotationStatus::InApproval {
        return Err(ApiError::Conflict {
            message: user.locale.t("err-approval-not-waiting"),
        });
    }
    let comment = comment.trim().to_string();
    if comment.chars().count() > 2000 {
        return Err(ApiError::invalid(
            "comment",
            user.locale.t("err-approval-comment-too-long"),
        ));
    }
    let rows = quotations::steps_of(&state.db, &[row.id]).await?;
    let idx = rows
        .iter()
        .position(|s| s.position == position)
        .ok_or(ApiError::NotFound)?;
    let me = users::find(&state.db, user.user_id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let mut steps = domain_steps(&rows);
    if !can_act(me.staff_level, me.role == Role::Admin, &steps[idx])
        && steps[idx].decision.is_none()
    {
        return Err(ApiError::Forbidden);
    }
    let now = state.now();
    let decision = Decision {
        approve,
        by: user.user_id,
        at: now,
        comment: comment.clone(),
    };
    let outcome = decide_step(&mut steps, idx, decision)
        .map_err(|error| approval_error(error, user.locale))?;
    let mut work = UnitOfWork::begin(state).await?;
    let step = &rows[idx];
    if !quotations::decide_step(&work.tx, step.id, user.user_id, approve, &comment, now).await? {
        return Err(decided_first(user.locale));
    }
    for (later, planned) in rows.iter().zip(&steps).skip(idx + 1) {
        quotations::set_step_due(&work.tx, later.id, planned.due).await?;
    }
    follow_outcome(&work, state, &row, outcome, &rows, &comment, user).await?;
    work.touches_only(vec![Scope::Customer(row.customer_company_id)]);
    work.commit(state).await
}

#[allow(clippy::too_many_arguments)]
/// What the decision makes of the quotation: still waiting (the next level
/// is told), approved, or back to sales as a new revision.
async fn follow_outcome(
    work: &UnitOfWork,
    state: &AppState,
    row: &quotation::Model,
    outcome: ApprovalOutcome,
    steps: &[approval_step::Model],
    comment: &str,
    user: &CurrentUser,
) -> Result<(), ApiError> {
    let by = user.user_id;
    let now = state.now();
    let (to, moved) = match outcome {
        ApprovalOutcome::Pending { .. } => (QuotationStatus::InApproval, Moved::default()),
        ApprovalOutcome::Approved => (QuotationStatus::Approved, Moved::default()),
        ApprovalOutcome::Rejected { .. } => (
            QuotationStatus::Superseded,
            Moved {
                decided: Some((now, by)),
                ..Moved::default()
            },
        ),
    };
    if !quotations::claim(&work.tx, row, to, moved).await? {
        return Err(decided_first(user.locale));
    }
    let claimed = quotation::Model {
        version: row.version + 1,
        status: to,
        ..row.clone()
    };
    match outcome {
        ApprovalOutcome::Pending { step } => {
            let customer = customer_name(&work.tx, row.customer_company_id).await?;
            let level = steps[step].level;
            mail::approval_waiting(work, state, &claimed, level, &customer).await
        }
        ApprovalOutcome::Approved => Ok(()),
        ApprovalOutcome::Rejected { step } => {
            let new_id = revise_into_new_draft(work, &claimed, now).await?;
            let level = steps[step].level;
            mail::quotation_returned(work, state, &claimed, new_id, level, comment).await
        }
    }
}

pub async fn customer_name(db: &impl ConnectionTrait, id: i32) -> Result<String, ApiError> {
    Ok(companies::find(db, id)
        .await?
        .map(|c| c.name)
        .unwrap_or_default())
}

fn decided_first(locale: Locale) -> ApiError {
    ApiError::Conflict {
        message: locale.t("err-approval-decided-first"),
    }
}

/// A decision the step cannot take, said in `locale`.
fn approval_error(error: ApprovalError, locale: Locale) -> ApiError {
    match error {
        ApprovalError::CommentNeeded => ApiError::invalid("comment", locale.t(error.key())),
        ApprovalError::NoSuchStep => ApiError::NotFound,
        ApprovalError::AlreadyDecided | ApprovalError::Closed | ApprovalError::NotCurrent => {
            ApiError::Conflict {
                message: locale.t(error.key()),
            }
        }
    }
}
