//! What time alone does to quotations: a step waiting past its target
//! reminds its approvers, at twice the target it escalates to the
//! commercial director and the administrators (each once); a sent
//! quotation whose validity passed expires.

use super::{house_rules, mail};
use crate::domain::approval::{Reminder, overdue};
use crate::domain::quotation::{InquiryStatus, lapse};
use crate::ssr::AppState;
use crate::ssr::repo::quotations::{self, Moved, QuoteScope};
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;

/// What one pass did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub reminded: usize,
    pub escalated: usize,
    pub expired: usize,
}

/// One pass, in one unit of work: the mails go out when it commits.
pub async fn sweep(state: &AppState) -> Result<Swept, ApiError> {
    let now = state.now();
    let (rules, _) = house_rules(&state.db).await?;
    let mut swept = Swept::default();
    let mut work = UnitOfWork::begin(state).await?;
    let steps = quotations::open_steps(&work.tx).await?;
    let domain = super::approve::domain_steps(&steps);
    for (row, step) in steps.iter().zip(&domain) {
        // Only the step a quotation waits for: the first undecided of its own.
        let first_open = steps
            .iter()
            .find(|s| s.quotation_id == row.quotation_id && s.decided_at.is_none());
        if first_open.map(|s| s.id) != Some(row.id) {
            continue;
        }
        let reminder = overdue(step, now, rules.step_target_minutes);
        let escalate = match reminder {
            Reminder::Nothing => continue,
            Reminder::Remind if row.reminded_at.is_some() => continue,
            Reminder::Escalate if row.escalated_at.is_some() => continue,
            Reminder::Remind => false,
            Reminder::Escalate => true,
        };
        if !quotations::mark_reminded(&work.tx, row.id, escalate, now).await? {
            continue;
        }
        let Some(quote) = quotations::find(&work.tx, QuoteScope::All, row.quotation_id).await?
        else {
            continue;
        };
        mail::approval_late(&work, state, &quote, row.level, escalate).await?;
        if escalate {
            swept.escalated += 1;
        } else {
            swept.reminded += 1;
        }
    }
    for quote in quotations::lapsed(&work.tx, state.house_date(now)).await? {
        let Some(to) = lapse(quote.status, state.house_date(now), quote.valid_until) else {
            continue;
        };
        if quotations::claim(&work.tx, &quote, to, Moved::default()).await? {
            if let Some(inquiry) = quote.inquiry_id {
                quotations::set_inquiry_status(&work.tx, inquiry, InquiryStatus::Closed, now)
                    .await?;
            }
            work.nudge(quote.customer_company_id).await?;
            swept.expired += 1;
        }
    }
    work.commit(state).await?;
    Ok(swept)
}
