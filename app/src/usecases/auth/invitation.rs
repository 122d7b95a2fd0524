//! An invitee opens their link, sets their name and password and is signed
//! in.

use super::{LoginOutcome, SignedIn, Visitor};
use crate::domain::account::DisplayName;
use crate::domain::kept_pages::{Scope, own_part};
use crate::domain::passwords::Known;
use crate::domain::policy::Actor;
use crate::domain::refusal::Localize;
use crate::domain::session::TokenPurpose;
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::audit::{self, AuditAction};
use crate::ssr::auth::{password as pw, session};
use crate::ssr::repo::{companies, users};
use crate::ssr::work::UnitOfWork;
use crate::wire::auth::InvitationView;
use crate::wire::{ApiError, FieldErrors};

/// What the invitation page shows before the invitee sets a password.
pub async fn invitation_details(
    state: &AppState,
    token: String,
) -> Result<InvitationView, ApiError> {
    let found = super::usable_token(state, TokenPurpose::Invitation, &token).await?;
    let user = users::find(&state.db, found.user_id)
        .await?
        .filter(|u| u.active)
        .ok_or(ApiError::NotFound)?;
    let company = companies::find(&state.db, user.company_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(InvitationView {
        email: user.email,
        display_name: user.display_name,
        company_name: company.name,
        role: user.role,
    })
}

/// The invitee sets their name and password and is signed in; returns the
/// new session's token and the path of their area (or, for a house person
/// the house requires two-factor sign-in of, the sign-in waiting for them
/// to set it up).
pub async fn accept_invitation(
    state: &AppState,
    visitor: &Visitor,
    token: String,
    display_name: String,
    new_password: String,
) -> Result<LoginOutcome, ApiError> {
    let now = state.now();
    let found = super::usable_token(state, TokenPurpose::Invitation, &token).await?;
    let user = users::find(&state.db, found.user_id)
        .await?
        .filter(|u| u.active)
        .ok_or(ApiError::NotFound)?;
    let locale = Locale::parse(&user.locale).unwrap_or_default();
    let mut problems = FieldErrors::default();
    let name = problems.keep(
        "display_name",
        DisplayName::parse(&display_name).localized(locale),
    );
    // The name the invitee chose, and the address they were invited at.
    let known = Known {
        email: &user.email,
        name: &display_name,
    };
    let password = problems.keep(
        "new_password",
        super::new_password(&new_password, known, locale),
    );
    let (Some(name), Some(password)) = (name, password) else {
        return Err(problems.into_error());
    };
    let role = user.role;
    let hash = pw::hash(password.expose().to_string())
        .await
        .map_err(|e| ApiError::internal("hashing a password", e))?;
    let mut work = UnitOfWork::begin(state).await?;
    super::redeem_link(&work.tx, &found, hash, now, locale).await?;
    users::set_display_name(&work.tx, user.id, &name).await?;
    let ended = match visitor.session {
        Some(previous) => session::end(&work.tx, previous).await?,
        None => None,
    };
    let next = role.home_path().to_string();
    let outcome = match super::two_factor::begin(&work.tx, &user, &next, now).await? {
        Some(pending) => LoginOutcome::SecondStep(pending),
        None => LoginOutcome::Session(SignedIn {
            token: session::start(&work.tx, user.id, now).await?,
            next,
        }),
    };
    let actor = Actor {
        user_id: user.id,
        company_id: user.company_id,
        role,
    };
    audit::log(
        &work.tx,
        now,
        AuditAction::InvitationAccepted,
        Some(actor),
        Some(&user.email),
        None,
    )
    .await?;
    // The invitee's own pages, their company's (whose first pages count
    // its people on the portal), and the kept sessions of whoever this
    // browser was signed in as.
    work.touches_only(
        [
            Some(Scope::Person(user.id)),
            own_part(role, user.company_id),
            ended.map(Scope::Person),
        ]
        .into_iter()
        .flatten()
        .collect(),
    );
    work.commit(state).await?;
    Ok(outcome)
}
