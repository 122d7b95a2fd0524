//! People management for the trading house: who works on the portal for which
//! company, invitations, deactivation. Admins manage everyone; staff see
//! everyone and invite customers' and suppliers' people.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

use crate::domain::account::{DisplayName, Email, Role};
use crate::domain::company::CompanyKind;
use crate::domain::kept_pages::{self, Scope};
use crate::domain::policy::{Action, Actor, Area, CompanyRef, authorize};
use crate::domain::refusal::Localize;
use crate::domain::session::TokenPurpose;
use crate::ssr::audit::{self, AuditAction};
use crate::ssr::auth::{CurrentUser, session};
use crate::ssr::entities::{company, user};
use crate::ssr::notify::{self, Mail};
use crate::ssr::repo::{companies, tokens, users};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard, links, outbox};
use crate::wire::admin::{CompanyPeople, PeopleDirectory, Person, PersonStatus};
use crate::wire::{ApiError, FieldErrors};

/// The people of every company the viewer may list, and what the viewer
/// may do about them.
pub async fn people(state: &AppState, user: &CurrentUser) -> Result<PeopleDirectory, ApiError> {
    guard::check(state, user, Action::EnterArea(Area::Staff), "people").await?;
    let actor = user.actor();
    let listed: Vec<(company::Model, CompanyRef)> = companies::all(&state.db)
        .await?
        .into_iter()
        .filter_map(|company| {
            let company_ref = companies::policy_ref(&company)?;
            let action = Action::ListUsers {
                company: company_ref,
            };
            authorize(&actor, &action)
                .is_allowed()
                .then_some((company, company_ref))
        })
        .collect();
    let ids: Vec<i32> = listed.iter().map(|(company, _)| company.id).collect();
    let everyone = people_of(state, &ids).await?;
    let directory = listed
        .into_iter()
        .map(|(company, company_ref)| CompanyPeople {
            id: company.id,
            people: everyone
                .iter()
                .filter(|u| u.company_id == company.id)
                .filter_map(person)
                .collect(),
            name: company.name,
            kind: company_ref.kind,
        })
        .collect();
    Ok(PeopleDirectory {
        companies: directory,
        can_deactivate: can_deactivate(&actor),
        invitable_roles: invitable_roles(&actor),
        can_set_levels: authorize(&actor, &Action::ConfigureHouse).is_allowed(),
    })
}

/// The people of these companies, by company and then by name.
async fn people_of(state: &AppState, company_ids: &[i32]) -> Result<Vec<user::Model>, DbErr> {
    if company_ids.is_empty() {
        return Ok(Vec::new());
    }
    user::Entity::find()
        .filter(user::Column::CompanyId.is_in(company_ids.iter().copied()))
        .order_by_asc(user::Column::CompanyId)
        .order_by_asc(user::Column::DisplayName)
        .all(&state.db)
        .await
}

fn person(u: &user::Model) -> Option<Person> {
    Some(Person {
        id: u.id,
        display_name: u.display_name.clone(),
        email: u.email.clone(),
        role: u.role,
        staff_level: u.staff_level,
        status: match (u.active, u.password_hash.is_some()) {
            (false, _) => PersonStatus::Deactivated,
            (true, false) => PersonStatus::Invited,
            (true, true) => PersonStatus::Active,
        },
    })
}

/// The roles the actor may invite into some company.
fn invitable_roles(actor: &Actor) -> Vec<Role> {
    Role::ALL
        .into_iter()
        .filter(|role| {
            let company = CompanyRef {
                id: -1,
                kind: role.company_kind(),
            };
            authorize(
                actor,
                &Action::InviteUser {
                    company,
                    role: *role,
                },
            )
            .is_allowed()
        })
        .collect()
}

/// Whether the actor may deactivate people at all.
fn can_deactivate(actor: &Actor) -> bool {
    authorize(
        actor,
        &Action::DeactivateUser {
            company: CompanyRef {
                id: -1,
                kind: CompanyKind::Customer,
            },
            role: Role::Customer,
        },
    )
    .is_allowed()
}

/// Invites a person; the e-mail with the single-use link goes through the outbox.
pub async fn invite(
    state: &AppState,
    user: &CurrentUser,
    company_id: i32,
    email: String,
    display_name: String,
    role: String,
) -> Result<String, ApiError> {
    let company = companies::find(&state.db, company_id).await?;
    let company_ref = company.as_ref().and_then(companies::policy_ref);
    let (Some(company), Some(company_ref)) = (company, company_ref) else {
        // Unknown companies look exactly like other tenants' companies.
        return Err(ApiError::NotFound);
    };
    let role = Role::parse(&role)
        .ok_or_else(|| ApiError::invalid("role", user.locale.t("err-choose-role")))?;
    guard::check(
        state,
        user,
        Action::InviteUser {
            company: company_ref,
            role,
        },
        &format!("company {company_id}"),
    )
    .await?;
    let mut problems = FieldErrors::default();
    let email = problems.keep("email", Email::parse(&email).localized(user.locale));
    let name = problems.keep(
        "display_name",
        DisplayName::parse(&display_name).localized(user.locale),
    );
    let (Some(email), Some(name)) = (email, name) else {
        return Err(problems.into_error());
    };
    if users::find_by_email(&state.db, &email).await?.is_some() {
        return Err(ApiError::invalid("email", user.locale.t("err-email-taken")));
    }
    send_invitation(state, user, &company, &email, &name, role).await?;
    Ok(user.locale.t_with(
        "people-invitation-sent",
        &[("email", email.as_str().to_string().into())],
    ))
}

/// Adds the invitee without a password and queues the mail with their
/// single-use link, in one unit of work.
async fn send_invitation(
    state: &AppState,
    user: &CurrentUser,
    company: &company::Model,
    email: &Email,
    name: &DisplayName,
    role: Role,
) -> Result<(), ApiError> {
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
    let invitee = users::insert(
        &work.tx,
        users::NewUser {
            company_id: company.id,
            email,
            display_name: name,
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
    outbox::enqueue(
        &work.tx,
        links::compose(
            TokenPurpose::Invitation,
            (token_id, &token),
            &state.settings.public_url,
            crate::i18n::Locale::parse(&invitee.locale).unwrap_or_default(),
            email.as_str(),
            vec![
                ("inviter", user.display_name.clone()),
                ("company", company.name.clone()),
            ],
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
    if company.kind != CompanyKind::House {
        tell_the_company(&work.tx, state, user, company, &invitee, now).await?;
    }
    // The company's first pages count its people on the portal, the
    // invitee among them from now; the house's pages are not kept whole.
    // Those told of the invitee are added at the commit.
    work.touches_only(kept_pages::own_part(role, company.id).into_iter().collect());
    work.commit(state).await
}

/// Tells the people who already work for a customer or factory on the
/// portal that someone new was invited into it, and by whom. The house may
/// invite anyone into any company, and the new person then speaks for it;
/// the company's own people are the ones who would know a stranger.
async fn tell_the_company(
    tx: &DatabaseTransaction,
    state: &AppState,
    user: &CurrentUser,
    company: &company::Model,
    invitee: &user::Model,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let colleagues = users::active_of_companies(tx, &[company.id]).await?;
    // Only those who took up their own account: an invitation still open
    // is nobody to warn.
    for colleague in colleagues
        .iter()
        .filter(|c| c.id != invitee.id && c.password_hash.is_some())
    {
        notify::to_person(
            tx,
            &state.settings.public_url,
            now,
            Mail::ColleagueInvited,
            colleague,
            &format!("user-{}", invitee.id),
            colleague.role.home_path(),
            vec![
                ("invitee", invitee.display_name.clone()),
                ("invitee_email", invitee.email.clone()),
                ("inviter", user.display_name.clone()),
                ("house", user.company_name.clone()),
                ("company", company.name.clone()),
            ],
        )
        .await?;
    }
    Ok(())
}

/// Deactivates a user; their sessions end at once.
pub async fn deactivate(
    state: &AppState,
    user: &CurrentUser,
    user_id: i32,
) -> Result<(), ApiError> {
    let target = users::find(&state.db, user_id).await?;
    let company = match &target {
        Some(t) => companies::find(&state.db, t.company_id).await?,
        None => None,
    };
    let company_ref = company.as_ref().and_then(companies::policy_ref);
    let target_role = target.as_ref().map(|t| t.role);
    let (Some(target), Some(company_ref), Some(target_role)) = (target, company_ref, target_role)
    else {
        return Err(ApiError::NotFound);
    };
    guard::check(
        state,
        user,
        Action::DeactivateUser {
            company: company_ref,
            role: target_role,
        },
        &format!("user {user_id}"),
    )
    .await?;
    if target.id == user.user_id {
        return Err(ApiError::Conflict {
            message: user.locale.t("err-deactivate-self"),
        });
    }
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
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
    // Their kept sessions and pages go, and their company's: its people's
    // first pages count the colleagues on the portal.
    work.touches_only(
        std::iter::once(Scope::Person(target.id))
            .chain(kept_pages::own_part(target.role, target.company_id))
            .collect(),
    );
    work.commit(state).await
}

/// An administrator sets the staff level of one of the house's people
/// (`sales`, `sales_manager`, `cost_accountant`, `commercial_director`), or
/// clears it with an empty value.
pub async fn set_staff_level(
    state: &AppState,
    user: &CurrentUser,
    user_id: i32,
    level: String,
) -> Result<(), ApiError> {
    guard::check(state, user, Action::ConfigureHouse, "staff level").await?;
    let level = match level.trim() {
        "" => None,
        raw => Some(
            crate::domain::approval::StaffLevel::parse(raw).ok_or_else(|| {
                ApiError::invalid("level", user.locale.t("err-choose-staff-level"))
            })?,
        ),
    };
    let target = users::find(&state.db, user_id)
        .await?
        .filter(|t| matches!(t.role, Role::Staff | Role::Admin))
        .ok_or(ApiError::NotFound)?;
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
    user::ActiveModel {
        id: sea_orm::Set(target.id),
        staff_level: sea_orm::Set(level),
        ..Default::default()
    }
    .update(&work.tx)
    .await?;
    audit::log(
        &work.tx,
        now,
        AuditAction::StaffLevelSet,
        Some(user.actor()),
        Some(&target.email),
        level.map(|l| l.as_str()),
    )
    .await?;
    // What the person may approve; no kept page shows it.
    work.touches_only(vec![Scope::Person(target.id)]);
    work.commit(state).await
}
