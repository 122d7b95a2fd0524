//! What administrators read to keep watch over accounts. Staff may invite a
//! person into any customer or factory, and that person then speaks for
//! the company; so every outside account made lately is listed with who
//! invited it, and the audit log is readable in the portal. Both are the
//! audit log's permission: administrators only.

use std::collections::HashMap;

use chrono::Duration;
use sea_orm::sea_query::{Expr, ExprTrait as _, Func};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::domain::account::Email;
use crate::domain::company::CompanyKind;
use crate::domain::policy::Action;
use crate::domain::session::TokenPurpose;
use crate::ssr::audit::AuditAction;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{account_token, audit_log, company, user};
use crate::ssr::repo::{companies, users};
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;
use crate::wire::oversight::{AuditLogView, AuditRow, NewAccount};

/// More new accounts than this in 30 days is no list anyone reads; the
/// newest are shown.
const MAX_NEW_ACCOUNTS: u64 = 500;

/// Customers' and factories' accounts made in the last 30 days, newest
/// first, each with who invited it and whether it was taken up.
pub async fn new_accounts(
    state: &AppState,
    user: &CurrentUser,
) -> Result<Vec<NewAccount>, ApiError> {
    guard::check(state, user, Action::ReadAuditLog, "new accounts").await?;
    let db = &state.reports;
    let since = state.now() - Duration::days(NewAccount::WITHIN_DAYS);
    let outside: HashMap<i32, company::Model> = company::Entity::find()
        .filter(company::Column::Kind.is_in([
            CompanyKind::Customer.as_str(),
            CompanyKind::Supplier.as_str(),
        ]))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    if outside.is_empty() {
        return Ok(Vec::new());
    }
    let people = user::Entity::find()
        .filter(user::Column::CompanyId.is_in(outside.keys().copied()))
        .filter(user::Column::CreatedAt.gte(since))
        .order_by_desc(user::Column::CreatedAt)
        .order_by_desc(user::Column::Id)
        .limit(MAX_NEW_ACCOUNTS)
        .all(db)
        .await?;
    let inviters = inviters_of(state, &people).await?;
    Ok(people
        .into_iter()
        .filter_map(|person| {
            let company = outside.get(&person.company_id)?;
            Some(NewAccount {
                user_id: person.id,
                invited_by: inviters.get(&person.id).cloned(),
                signed_in: person.password_hash.is_some(),
                active: person.active,
                display_name: person.display_name,
                email: person.email,
                role: person.role,
                company_name: company.name.clone(),
                company_kind: company.kind,
                created_at: person.created_at,
            })
        })
        .collect())
}

/// "Name <address>" of whoever sent each person their first invitation.
/// Invitation rows are kept once used or voided, so the inviter stays known.
async fn inviters_of(
    state: &AppState,
    people: &[user::Model],
) -> Result<HashMap<i32, String>, ApiError> {
    if people.is_empty() {
        return Ok(HashMap::new());
    }
    let db = &state.reports;
    let invitations = account_token::Entity::find()
        .filter(account_token::Column::UserId.is_in(people.iter().map(|p| p.id)))
        .filter(account_token::Column::Purpose.eq(TokenPurpose::Invitation.as_str()))
        .order_by_asc(account_token::Column::CreatedAt)
        .order_by_asc(account_token::Column::Id)
        .all(db)
        .await?;
    let mut first: HashMap<i32, i32> = HashMap::new();
    for token in invitations {
        if let Some(by) = token.created_by {
            first.entry(token.user_id).or_insert(by);
        }
    }
    let ids: Vec<i32> = first.values().copied().collect();
    let names = person_names(state, &ids).await?;
    Ok(first
        .into_iter()
        .filter_map(|(invitee, by)| Some((invitee, names.get(&by)?.clone())))
        .collect())
}

/// "Name <address>" of each of these people.
async fn person_names(state: &AppState, ids: &[i32]) -> Result<HashMap<i32, String>, ApiError> {
    Ok(users::by_ids(&state.reports, ids)
        .await?
        .into_iter()
        .map(|u| (u.id, format!("{} <{}>", u.display_name, u.email)))
        .collect())
}

/// The newest rows of the audit log (at most `AuditLogView::LIMIT`): of one
/// kind, and about one person, when those are given. A person is an e-mail
/// address: the rows they acted in, and those naming them (sign-ins
/// attempted with the address, however it was typed; their deactivation).
pub async fn audit_log(
    state: &AppState,
    user: &CurrentUser,
    kind: Option<String>,
    person: Option<String>,
) -> Result<AuditLogView, ApiError> {
    guard::check(state, user, Action::ReadAuditLog, "audit log").await?;
    let kind = match kind.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        None => None,
        Some(raw) => Some(
            AuditAction::parse(raw)
                .ok_or_else(|| ApiError::invalid("kind", user.locale.t("audit-unknown-kind")))?,
        ),
    };
    let person = person
        .map(|p| p.trim().to_lowercase())
        .filter(|p| !p.is_empty());
    if person.as_ref().is_some_and(|p| p.len() > Email::MAX_LEN) {
        return Err(ApiError::invalid(
            "person",
            user.locale.t("audit-person-too-long"),
        ));
    }
    let db = &state.reports;
    let mut select = audit_log::Entity::find();
    if let Some(kind) = kind {
        select = select.filter(audit_log::Column::Action.eq(kind.as_str()));
    }
    if let Some(person) = &person {
        let target = || {
            Expr::expr(Func::lower(Expr::col((
                audit_log::Entity,
                audit_log::Column::Target,
            ))))
        };
        let mut about = Condition::any().add(target().eq(person.as_str()));
        let known = user::Entity::find()
            .filter(user::Column::Email.eq(person.as_str()))
            .one(db)
            .await?;
        if let Some(known) = known {
            about = about
                .add(audit_log::Column::ActorUserId.eq(known.id))
                .add(target().eq(format!("user {}", known.id)));
        }
        select = select.filter(about);
    }
    let rows = select
        .order_by_desc(audit_log::Column::At)
        .order_by_desc(audit_log::Column::Id)
        .limit(AuditLogView::LIMIT)
        .all(db)
        .await?;
    let mut actor_ids: Vec<i32> = rows.iter().filter_map(|r| r.actor_user_id).collect();
    actor_ids.sort_unstable();
    actor_ids.dedup();
    let actors = person_names(state, &actor_ids).await?;
    let company_names =
        companies::names_of(db, rows.iter().filter_map(|r| r.actor_company_id)).await?;
    Ok(AuditLogView {
        rows: rows
            .into_iter()
            .map(|row| AuditRow {
                id: row.id,
                at: row.at,
                kind: row.action,
                actor: row.actor_user_id.and_then(|id| actors.get(&id).cloned()),
                actor_company: row
                    .actor_company_id
                    .and_then(|id| company_names.get(&id).cloned()),
                target: row.target,
                client_addr: row.client_addr,
                detail: row.detail,
            })
            .collect(),
        kinds: AuditAction::ALL
            .iter()
            .map(|a| a.as_str().to_string())
            .collect(),
    })
}
