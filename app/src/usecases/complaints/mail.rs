//! Who hears of a complaint's steps, by mail through the outbox, in their
//! language: a new complaint → its owner (else sales); the house's answer,
//! remedy or closing → the customer's buyers; passed on → the factory's
//! people; the factory's answer or the customer's word → the owner.

use crate::domain::account::Role;
use crate::domain::approval::StaffLevel;
use crate::domain::complaints::Step;
use crate::domain::recipients::{owners_else_sales, sells};
use crate::ssr::AppState;
use crate::ssr::entities::{complaint, order, user};
use crate::ssr::notify::{self, Mail};
use crate::ssr::repo::users;
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;

async fn send(
    state: &AppState,
    work: &UnitOfWork,
    kind: Mail,
    people: &[user::Model],
    key: &str,
    path: &str,
    values: Vec<(&'static str, String)>,
) -> Result<(), ApiError> {
    for person in people {
        notify::to_person(
            &work.tx,
            &state.settings.public_url,
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

/// The complaint's owner; without one, the house's sales people.
pub(crate) async fn owners(
    work: &UnitOfWork,
    row: &complaint::Model,
) -> Result<Vec<user::Model>, ApiError> {
    let house = users::active_house(&work.tx).await?;
    let owners: Vec<i32> = row.owner_id.into_iter().collect();
    Ok(owners_else_sales(
        house,
        &owners,
        |u| u.id,
        |u| sells(u.role, u.staff_level),
    ))
}

pub(crate) async fn managers(work: &UnitOfWork) -> Result<Vec<user::Model>, ApiError> {
    let house = users::active_house(&work.tx).await?;
    let of_level: Vec<user::Model> = house
        .iter()
        .filter(|u| u.staff_level == Some(StaffLevel::SalesManager))
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

pub async fn filed(
    state: &AppState,
    work: &UnitOfWork,
    row: &complaint::Model,
    order: &order::Model,
) -> Result<(), ApiError> {
    // Each owner reads the deadline in their own zone, so one mail each.
    for person in owners(work, row).await? {
        send(
            state,
            work,
            Mail::ComplaintFiled,
            std::slice::from_ref(&person),
            &row.number,
            &format!("/staff/complaints/{}", row.id),
            vec![
                ("complaint", row.number.clone()),
                ("order", order.number.clone()),
                ("due", notify::time_for(&person, row.first_answer_due)),
            ],
        )
        .await?;
    }
    Ok(())
}

pub async fn stepped(
    state: &AppState,
    work: &UnitOfWork,
    row: &complaint::Model,
    step: Step,
) -> Result<(), ApiError> {
    let key = format!("{}:{}:{}", row.number, step.as_str(), row.version);
    let values = vec![("complaint", row.number.clone())];
    match step {
        Step::Acknowledge | Step::ProposeRemedy | Step::Close => {
            let buyers = users::active_of_companies(&work.tx, &[row.customer_company_id]).await?;
            send(
                state,
                work,
                Mail::ComplaintAnswered,
                &buyers,
                &key,
                &format!("/customer/complaints/{}", row.id),
                values,
            )
            .await
        }
        Step::PassToFactory => {
            let Some(factory) = row.factory_company_id else {
                return Ok(());
            };
            let people = users::active_of_companies(&work.tx, &[factory]).await?;
            send(
                state,
                work,
                Mail::ComplaintPassed,
                &people,
                &key,
                &format!("/supplier/complaints/{}", row.id),
                values,
            )
            .await
        }
        Step::FactoryAnswer | Step::Accept | Step::Decline | Step::Reopen => {
            let people = owners(work, row).await?;
            send(
                state,
                work,
                Mail::ComplaintUpdated,
                &people,
                &key,
                &format!("/staff/complaints/{}", row.id),
                values,
            )
            .await
        }
        Step::StartInvestigation => Ok(()),
    }
}
