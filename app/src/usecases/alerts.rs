//! Each person's choice of slippage alerts: which kinds (from those offered
//! to their role) and which orders to hear nothing about.

use sea_orm::sea_query::OnConflict;
use sea_orm::{EntityTrait, Set};

use crate::domain::kept_pages::Scope;
use crate::domain::slip::AlertKind;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::order_mute;
use crate::ssr::repo::orders::{self, OrderScope};
use crate::ssr::repo::users;
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;
use crate::wire::alerts::AlertChoiceView;

/// The alerts the person's role is offered and those they chose.
pub async fn choices(state: &AppState, user: &CurrentUser) -> Result<AlertChoiceView, ApiError> {
    let person = users::find(&state.db, user.user_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(AlertChoiceView {
        offered: AlertKind::offered_to(user.role).to_vec(),
        chosen: AlertKind::chosen(user.role, person.alert_kinds.as_deref()),
        digest: person.alert_digest,
    })
}

/// Stores the kinds ticked (none means no alerts) and whether they come as a
/// daily digest (`digest` set to anything); a kind not offered to the
/// person's role is refused.
pub async fn choose(
    state: &AppState,
    user: &CurrentUser,
    kinds: Vec<String>,
    digest: String,
) -> Result<(), ApiError> {
    let mut chosen = Vec::new();
    for raw in &kinds {
        let kind = AlertKind::parse(raw)
            .filter(|k| AlertKind::offered_to(user.role).contains(k))
            .ok_or_else(|| ApiError::invalid("kinds", user.locale.t("alerts-kind-not-offered")))?;
        chosen.push(kind.as_str());
    }
    let mut work = UnitOfWork::begin(state).await?;
    users::set_alert_choices(
        &work.tx,
        user.user_id,
        &chosen.join(","),
        !digest.trim().is_empty(),
    )
    .await?;
    // What the person hears of from now on; their own part, as their
    // notification list follows the same choice.
    work.touches_only(vec![Scope::Person(user.user_id)]);
    work.commit(state).await
}

/// Mutes (or unmutes) alerts about one order the person may see; any other
/// order is not found.
pub async fn mute_order(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    muted: bool,
) -> Result<(), ApiError> {
    let scope = OrderScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    let mut work = UnitOfWork::begin(state).await?;
    orders::find(&work.tx, scope, order_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if muted {
        order_mute::Entity::insert(order_mute::ActiveModel {
            user_id: Set(user.user_id),
            order_id: Set(order_id),
        })
        .on_conflict(
            OnConflict::columns([order_mute::Column::UserId, order_mute::Column::OrderId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&work.tx)
        .await?;
    } else {
        order_mute::Entity::delete_by_id((user.user_id, order_id))
            .exec(&work.tx)
            .await?;
    }
    // The order's page shows each viewer whether they muted it.
    work.touches_only(vec![Scope::Order(order_id)]);
    work.commit(state).await
}
