//! The house's steps around the approved quotation: send it to the customer
//! (while its validity lasts), revise it (a new draft revision to approve
//! again; the customer can no longer accept the one it holds), or withdraw
//! it.

use super::{mail, revise_into_new_draft};
use crate::domain::kept_pages::Scope;
use crate::domain::policy::Action;
use crate::domain::quotation::{InquiryStatus, QuotationStatus, QuoteStep, next};
use crate::i18n::Locale;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::quotation;
use crate::ssr::repo::quotations::{self, Moved, QuoteScope};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;

pub fn stale(locale: Locale) -> ApiError {
    ApiError::Conflict {
        message: locale.t("err-quote-changed-try-again"),
    }
}

/// The quotation at the version the person saw, after the policy check.
async fn load(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    version: i32,
) -> Result<quotation::Model, ApiError> {
    let row = quotations::find(&state.db, QuoteScope::All, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let customer = row.customer_company_id;
    guard::check(state, user, Action::Quote { customer }, "quotation").await?;
    if row.version != version {
        return Err(stale(user.locale));
    }
    Ok(row)
}

/// Moves the quotation by `step`; returns it as it now stands.
async fn take(
    work: &UnitOfWork,
    state: &AppState,
    row: &quotation::Model,
    step: QuoteStep,
    moved: Moved,
    locale: Locale,
) -> Result<quotation::Model, ApiError> {
    let today = state.today();
    let to = next(row.status, step, today, row.valid_until).map_err(|e| ApiError::Conflict {
        message: e.refusal().text(locale),
    })?;
    if !quotations::claim(&work.tx, row, to, moved).await? {
        return Err(stale(locale));
    }
    Ok(quotation::Model {
        status: to,
        version: row.version + 1,
        ..row.clone()
    })
}

/// Sends the approved quotation to the customer's buyers.
pub async fn send(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    version: i32,
) -> Result<(), ApiError> {
    let row = load(state, user, id, version).await?;
    let now = state.now();
    let work = UnitOfWork::begin(state).await?;
    let moved = Moved {
        sent_at: Some(now),
        ..Moved::default()
    };
    let sent = take(&work, state, &row, QuoteStep::Send, moved, user.locale).await?;
    let sent = quotation::Model {
        sent_at: Some(now),
        ..sent
    };
    mail::quotation_sent(&work, state, &sent).await?;
    let mut work = work;
    work.nudge(row.customer_company_id).await?;
    // The customer's first page shows it waiting for an answer.
    work.touches_only(vec![Scope::Customer(row.customer_company_id)]);
    work.commit(state).await
}

/// Opens a new draft revision of an approved or sent quotation; returns its id.
pub async fn revise(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    version: i32,
) -> Result<i32, ApiError> {
    let row = load(state, user, id, version).await?;
    let mut work = UnitOfWork::begin(state).await?;
    // The step checks the quotation may be revised; the row itself is
    // replaced by the new revision.
    let today = state.today();
    next(row.status, QuoteStep::Revise, today, row.valid_until).map_err(|e| {
        ApiError::Conflict {
            message: e.refusal().text(user.locale),
        }
    })?;
    if !quotations::claim(
        &work.tx,
        &row,
        QuotationStatus::Superseded,
        Moved::default(),
    )
    .await?
    {
        return Err(stale(user.locale));
    }
    let new_id = revise_into_new_draft(&work, &row, state.now()).await?;
    work.touches_only(vec![Scope::Customer(row.customer_company_id)]);
    work.commit(state).await?;
    Ok(new_id)
}

/// Takes the quotation back; its inquiry is closed.
pub async fn withdraw(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    version: i32,
) -> Result<(), ApiError> {
    let row = load(state, user, id, version).await?;
    let now = state.now();
    let work = UnitOfWork::begin(state).await?;
    let moved = Moved {
        decided: Some((now, user.user_id)),
        ..Moved::default()
    };
    take(&work, state, &row, QuoteStep::Withdraw, moved, user.locale).await?;
    if let Some(inquiry) = row.inquiry_id {
        quotations::set_inquiry_status(&work.tx, inquiry, InquiryStatus::Closed, now).await?;
    }
    let mut work = work;
    work.nudge(row.customer_company_id).await?;
    work.touches_only(vec![Scope::Customer(row.customer_company_id)]);
    work.commit(state).await
}
