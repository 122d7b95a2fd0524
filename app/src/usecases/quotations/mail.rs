//! The mails of the quotation flow, each queued in the step's transaction:
//! a new inquiry to sales, a step waiting to its approvers (then a reminder
//! and an escalation), a sent quotation to the customer's buyers, and the
//! customer's answer or an approver's rejection to the quotation's owner.

use crate::domain::account::Role;
use crate::domain::approval::StaffLevel;
use crate::ssr::AppState;
use crate::ssr::entities::{inquiry, quotation, user};
use crate::ssr::notify::{self, Mail, their_words};
use crate::ssr::repo::users;
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;

async fn send(
    work: &UnitOfWork,
    state: &AppState,
    kind: Mail,
    people: &[user::Model],
    key: &str,
    path: &str,
    values: Vec<(&'static str, String)>,
) -> Result<(), ApiError> {
    let url = &state.settings.public_url;
    for person in people {
        notify::to_person(
            &work.tx,
            url,
            state.now(),
            kind,
            person,
            key,
            path,
            values.clone(),
        )
        .await?;
    }
    Ok(())
}

/// A staff level, named in each reader's language.
fn level_words(level: StaffLevel) -> String {
    their_words(&format!("staff-level-{}", level.as_str()))
}

/// The house people of one level; the administrators when nobody holds it,
/// so a step never waits on an empty desk.
pub async fn people_of_level(
    work: &UnitOfWork,
    level: StaffLevel,
) -> Result<Vec<user::Model>, ApiError> {
    let house = users::active_house(&work.tx).await?;
    let of_level: Vec<user::Model> = house
        .iter()
        .filter(|u| u.staff_level == Some(level))
        .cloned()
        .collect();
    Ok(if of_level.is_empty() {
        house
            .into_iter()
            .filter(|u| u.role == Role::Admin)
            .collect()
    } else {
        of_level
    })
}

/// The person a quotation's news goes to: its sales owner, else who made it.
async fn owner_of(
    work: &UnitOfWork,
    quote: &quotation::Model,
) -> Result<Vec<user::Model>, ApiError> {
    let id = quote.sales_owner_id.unwrap_or(quote.created_by);
    Ok(users::find(&work.tx, id)
        .await?
        .filter(|u| u.active)
        .into_iter()
        .collect())
}

pub async fn inquiry_received(
    work: &mut UnitOfWork,
    state: &AppState,
    inquiry: &inquiry::Model,
    customer_name: &str,
) -> Result<(), ApiError> {
    let sales = people_of_level(work, StaffLevel::Sales).await?;
    let number = super::inquiry_number(inquiry.id);
    let values = vec![
        ("inquiry", number.clone()),
        ("customer", customer_name.to_string()),
        ("destination", inquiry.destination.clone()),
    ];
    let path = format!("/staff/inquiries/{}", inquiry.id);
    send(
        work,
        state,
        Mail::InquiryReceived,
        &sales,
        &number,
        &path,
        values,
    )
    .await
}

/// A step waits for `level`: its approvers hear of it.
pub async fn approval_waiting(
    work: &UnitOfWork,
    state: &AppState,
    quote: &quotation::Model,
    level: StaffLevel,
    customer_name: &str,
) -> Result<(), ApiError> {
    let approvers = people_of_level(work, level).await?;
    let key = format!("{}:{}:{}", quote.id, level.as_str(), quote.version);
    let values = vec![
        (
            "quotation",
            format!("{} rev. {}", quote.number, quote.revision),
        ),
        ("customer", customer_name.to_string()),
        ("level", level_words(level)),
    ];
    let path = format!("/staff/quotations/{}", quote.id);
    send(
        work,
        state,
        Mail::ApprovalWaiting,
        &approvers,
        &key,
        &path,
        values,
    )
    .await
}

/// A step took longer than its target: a reminder to its approvers, or,
/// at twice the target, an escalation to the commercial director and the
/// administrators.
pub async fn approval_late(
    work: &UnitOfWork,
    state: &AppState,
    quote: &quotation::Model,
    level: StaffLevel,
    escalate: bool,
) -> Result<(), ApiError> {
    let (kind, people) = if escalate {
        let mut people = people_of_level(work, StaffLevel::CommercialDirector).await?;
        let admins = users::active_house(&work.tx).await?;
        for admin in admins.into_iter().filter(|u| u.role == Role::Admin) {
            if !people.iter().any(|p| p.id == admin.id) {
                people.push(admin);
            }
        }
        (Mail::ApprovalEscalated, people)
    } else {
        (Mail::ApprovalReminder, people_of_level(work, level).await?)
    };
    let key = format!("{}:{}", quote.id, level.as_str());
    let values = vec![
        (
            "quotation",
            format!("{} rev. {}", quote.number, quote.revision),
        ),
        ("level", level_words(level)),
    ];
    let path = format!("/staff/quotations/{}", quote.id);
    send(work, state, kind, &people, &key, &path, values).await
}

/// The quotation went to the customer: its buyers hear of it.
pub async fn quotation_sent(
    work: &UnitOfWork,
    state: &AppState,
    quote: &quotation::Model,
) -> Result<(), ApiError> {
    let buyers = users::active_of_companies(&work.tx, &[quote.customer_company_id]).await?;
    let key = format!("{}:{}", quote.number, quote.revision);
    let values = vec![
        (
            "quotation",
            format!("{} rev. {}", quote.number, quote.revision),
        ),
        ("valid", quote.valid_until.to_string()),
    ];
    let path = format!("/customer/quotations/{}", quote.id);
    send(
        work,
        state,
        Mail::QuotationSent,
        &buyers,
        &key,
        &path,
        values,
    )
    .await
}

/// The customer accepted or declined: the quotation's owner hears of it.
pub async fn quotation_answered(
    work: &UnitOfWork,
    state: &AppState,
    quote: &quotation::Model,
    answer: &str,
    customer_name: &str,
) -> Result<(), ApiError> {
    let owner = owner_of(work, quote).await?;
    let key = format!("{}:{}", quote.id, answer);
    let values = vec![
        (
            "quotation",
            format!("{} rev. {}", quote.number, quote.revision),
        ),
        ("customer", customer_name.to_string()),
        ("answer", their_words(&format!("mail-answer-{answer}"))),
    ];
    let path = format!("/staff/quotations/{}", quote.id);
    send(
        work,
        state,
        Mail::QuotationAnswered,
        &owner,
        &key,
        &path,
        values,
    )
    .await
}

/// An approver sent the quotation back: its owner reads why.
pub async fn quotation_returned(
    work: &UnitOfWork,
    state: &AppState,
    quote: &quotation::Model,
    new_id: i32,
    level: StaffLevel,
    comment: &str,
) -> Result<(), ApiError> {
    let owner = owner_of(work, quote).await?;
    let key = format!("{}", quote.id);
    let values = vec![
        (
            "quotation",
            format!("{} rev. {}", quote.number, quote.revision),
        ),
        ("level", level_words(level)),
        ("comment", comment.to_string()),
    ];
    let path = format!("/staff/quotations/{new_id}");
    send(
        work,
        state,
        Mail::QuotationReturned,
        &owner,
        &key,
        &path,
        values,
    )
    .await
}
