//! Each person's choice of slippage alerts: which kinds (from those offered
//! to their role) and which orders to hear nothing about.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::domain::slip::AlertKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertChoiceView {
    /// What the person's role can receive, in display order.
    pub offered: Vec<AlertKind>,
    pub chosen: Vec<AlertKind>,
    /// Alerts come once a day in one mail instead of at once.
    pub digest: bool,
}

#[server(endpoint = "alerts/choices")]
pub async fn alert_choices() -> Result<AlertChoiceView, ApiError> {
    use crate::ssr::app_state;
    use crate::ssr::auth::require_user;
    use crate::ssr::repo::users;

    let user = require_user()?;
    let state = app_state()?;
    let person = users::find(&state.db, user.user_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(AlertChoiceView {
        offered: AlertKind::offered_to(user.role).to_vec(),
        chosen: AlertKind::chosen(user.role, person.alert_kinds.as_deref()),
        digest: person.alert_digest,
    })
}

/// Stores the kinds ticked (`kinds[i]`; none ticked means no alerts) and
/// whether they come as a daily digest (`digest` set to anything).
#[server(endpoint = "alerts/choose")]
pub async fn choose_alerts(
    #[server(default)] kinds: Vec<String>,
    #[server(default)] digest: String,
) -> Result<(), ApiError> {
    use crate::ssr::app_state;
    use crate::ssr::auth::require_user;
    use crate::ssr::repo::users;

    let user = require_user()?;
    let mut chosen = Vec::new();
    for raw in &kinds {
        let kind = AlertKind::parse(raw)
            .filter(|k| AlertKind::offered_to(user.role).contains(k))
            .ok_or_else(|| ApiError::invalid("kinds", "That alert is not offered to you."))?;
        chosen.push(kind.as_str());
    }
    let state = app_state()?;
    users::set_alert_choices(
        &state.db,
        user.user_id,
        &chosen.join(","),
        !digest.trim().is_empty(),
    )
    .await?;
    Ok(())
}

/// Mutes (or unmutes) alerts about one order the person may see.
#[server(endpoint = "alerts/mute")]
pub async fn mute_order(order_id: i32, muted: bool) -> Result<(), ApiError> {
    use crate::ssr::app_state;
    use crate::ssr::auth::require_user;
    use crate::ssr::entities::order_mute;
    use crate::ssr::repo::orders::{self, OrderScope};
    use sea_orm::sea_query::OnConflict;
    use sea_orm::{EntityTrait, Set};

    let user = require_user()?;
    let scope = OrderScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    let state = app_state()?;
    orders::find(&state.db, scope, order_id)
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
        .exec_without_returning(&state.db)
        .await?;
    } else {
        order_mute::Entity::delete_by_id((user.user_id, order_id))
            .exec(&state.db)
            .await?;
    }
    Ok(())
}
