//! People management for the trading house: who works on the portal for which
//! company, invitations, deactivation. Admins manage everyone; staff see
//! everyone and invite customers' and suppliers' people.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::domain::account::Role;
use crate::domain::company::CompanyKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleDirectory {
    pub companies: Vec<CompanyPeople>,
    /// What the viewer may do, so the page offers only that.
    pub can_deactivate: bool,
    pub invitable_roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyPeople {
    pub id: i32,
    pub name: String,
    pub kind: CompanyKind,
    pub people: Vec<Person>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: i32,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub status: PersonStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PersonStatus {
    Active,
    /// Invited, no password set yet.
    Invited,
    Deactivated,
}

impl PersonStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Active => "Active",
            Self::Invited => "Invited",
            Self::Deactivated => "Deactivated",
        }
    }
}

#[server(endpoint = "admin/people")]
pub async fn list_people() -> Result<PeopleDirectory, ApiError> {
    use crate::domain::policy::{Action, Area, authorize};
    use crate::ssr::auth::require_user;
    use crate::ssr::repo::{companies, users};
    use crate::ssr::{app_state, guard};

    let user = require_user()?;
    let state = app_state()?;
    guard::check(&state, &user, Action::EnterArea(Area::Staff), "people").await?;
    let actor = user.actor();
    let all_users = users::all(&state.db).await?;
    let mut directory = Vec::new();
    for company in companies::all(&state.db).await? {
        let Some(company_ref) = companies::policy_ref(&company) else {
            continue;
        };
        if !authorize(
            &actor,
            &Action::ListUsers {
                company: company_ref,
            },
        )
        .is_allowed()
        {
            continue;
        }
        let people = all_users
            .iter()
            .filter(|u| u.company_id == company.id)
            .filter_map(|u| {
                Some(Person {
                    id: u.id,
                    display_name: u.display_name.clone(),
                    email: u.email.clone(),
                    role: Role::parse(&u.role)?,
                    status: match (u.active, u.password_hash.is_some()) {
                        (false, _) => PersonStatus::Deactivated,
                        (true, false) => PersonStatus::Invited,
                        (true, true) => PersonStatus::Active,
                    },
                })
            })
            .collect();
        directory.push(CompanyPeople {
            id: company.id,
            name: company.name,
            kind: company_ref.kind,
            people,
        });
    }
    let invitable_roles = Role::ALL
        .into_iter()
        .filter(|role| {
            let company = crate::domain::policy::CompanyRef {
                id: -1,
                kind: role.company_kind(),
            };
            authorize(
                &actor,
                &Action::InviteUser {
                    company,
                    role: *role,
                },
            )
            .is_allowed()
        })
        .collect();
    Ok(PeopleDirectory {
        companies: directory,
        can_deactivate: authorize(
            &actor,
            &Action::DeactivateUser {
                company: crate::domain::policy::CompanyRef {
                    id: -1,
                    kind: CompanyKind::Customer,
                },
                role: Role::Customer,
            },
        )
        .is_allowed(),
        invitable_roles,
    })
}

/// Invites a person; the e-mail with the single-use link goes through the outbox.
#[server(endpoint = "admin/invite")]
pub async fn invite_user(
    company_id: i32,
    email: String,
    display_name: String,
    role: String,
) -> Result<String, ApiError> {
    use crate::domain::account::{DisplayName, Email};
    use crate::domain::policy::Action;
    use crate::domain::session::TokenPurpose;
    use crate::ssr::audit::{self, AuditAction};
    use crate::ssr::auth::require_user;
    use crate::ssr::repo::{companies, tokens, users};
    use crate::ssr::{app_state, guard, mails, outbox};

    let user = require_user()?;
    let state = app_state()?;
    let company = companies::find(&state.db, company_id).await?;
    let company_ref = company.as_ref().and_then(companies::policy_ref);
    let (Some(company), Some(company_ref)) = (company, company_ref) else {
        // Unknown companies look exactly like other tenants' companies.
        return Err(ApiError::NotFound);
    };
    let role = Role::parse(&role).ok_or_else(|| ApiError::invalid("role", "Choose a role."))?;
    guard::check(
        &state,
        &user,
        Action::InviteUser {
            company: company_ref,
            role,
        },
        &format!("company {company_id}"),
    )
    .await?;
    let mut problems = super::FieldErrors::default();
    let email = problems.keep("email", Email::parse(&email));
    let name = problems.keep("display_name", DisplayName::parse(&display_name));
    let (Some(email), Some(name)) = (email, name) else {
        return Err(problems.into_error());
    };
    if users::find_by_email(&state.db, &email).await?.is_some() {
        return Err(ApiError::invalid(
            "email",
            "Someone already has an account with this e-mail address.",
        ));
    }
    let now = state.now();
    let work = crate::ssr::work::UnitOfWork::begin(&state).await?;
    let invitee = users::insert(
        &work.tx,
        users::NewUser {
            company_id,
            email: &email,
            display_name: &name,
            role,
            password_hash: None,
            locale: "en",
            time_zone: "UTC",
        },
        now,
    )
    .await?;
    let (token_id, token) = tokens::issue(
        &work.tx,
        TokenPurpose::Invitation,
        invitee.id,
        Some(user.user_id),
        now,
    )
    .await?;
    let link = format!("{}/invitation/{token}", state.settings.public_url);
    outbox::enqueue(
        &work.tx,
        mails::invitation(
            email.as_str(),
            &company.name,
            &user.display_name,
            &link,
            token_id,
        ),
        now,
    )
    .await?;
    audit::log(
        &work.tx,
        now,
        AuditAction::InvitationSent,
        Some(user.actor()),
        Some(email.as_str()),
        Some(role.as_str()),
    )
    .await?;
    work.commit(&state).await?;
    Ok(format!(
        "Invitation sent to {email}. The link works for 72 hours."
    ))
}

/// Deactivates a user; their sessions end at once.
#[server(endpoint = "admin/deactivate")]
pub async fn deactivate_user(user_id: i32) -> Result<(), ApiError> {
    use crate::domain::policy::Action;
    use crate::ssr::audit::{self, AuditAction};
    use crate::ssr::auth::{require_user, session};
    use crate::ssr::repo::{companies, tokens, users};
    use crate::ssr::{app_state, guard};

    let user = require_user()?;
    let state = app_state()?;
    let target = users::find(&state.db, user_id).await?;
    let company = match &target {
        Some(t) => companies::find(&state.db, t.company_id).await?,
        None => None,
    };
    let company_ref = company.as_ref().and_then(companies::policy_ref);
    let target_role = target.as_ref().and_then(|t| Role::parse(&t.role));
    let (Some(target), Some(company_ref), Some(target_role)) = (target, company_ref, target_role)
    else {
        return Err(ApiError::NotFound);
    };
    guard::check(
        &state,
        &user,
        Action::DeactivateUser {
            company: company_ref,
            role: target_role,
        },
        &format!("user {user_id}"),
    )
    .await?;
    if target.id == user.user_id {
        return Err(ApiError::Conflict {
            message: "You cannot deactivate your own account.".to_string(),
        });
    }
    let now = state.now();
    let work = crate::ssr::work::UnitOfWork::begin(&state).await?;
    users::set_active(&work.tx, target.id, false).await?;
    session::end_all_for_user(&work.tx, target.id).await?;
    tokens::revoke_all(&work.tx, target.id, now).await?;
    audit::log(
        &work.tx,
        now,
        AuditAction::UserDeactivated,
        Some(user.actor()),
        Some(&target.email),
        None,
    )
    .await?;
    work.commit(&state).await?;
    Ok(())
}
