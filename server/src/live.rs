//! `GET /api/live`: the server-sent event stream of order changes for the
//! signed-in viewer. Only events about orders the viewer may see are sent. A
//! reconnecting browser sends `Last-Event-ID`; the events it missed are read
//! from the timeline first, then the live ones follow.

use app::ssr::AppState;
use app::ssr::auth::CurrentUser;
use app::ssr::live::LiveEvent;
use app::ssr::repo::orders::{self, OrderScope};
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, StreamExt};
use std::convert::Infallible;
use tokio_stream::wrappers::BroadcastStream;

/// How many missed events a reconnect replays at most.
const CATCH_UP_LIMIT: u64 = 500;

/// A stream ends after this long; the browser reconnects at once (with
/// `Last-Event-ID`), and the reconnect checks the session again, so a signed
/// out or deactivated user stops receiving events within this time.
const STREAM_LIFETIME: std::time::Duration = std::time::Duration::from_secs(300);

/// When a person holding the most streams may try again: by then a closed
/// tab's stream has been noticed (keep-alives go out every 15 seconds).
const STREAM_RETRY_SECONDS: &str = "30";

pub async fn live_events(State(state): State<AppState>, req: Request) -> Response {
    let Some(user) = req.extensions().get::<CurrentUser>().cloned() else {
        return (StatusCode::UNAUTHORIZED, "Please sign in.\n").into_response();
    };
    let Some(scope) = OrderScope::for_actor(&user.actor()) else {
        return (StatusCode::NOT_FOUND, "Not found.\n").into_response();
    };
    // Refuse the newest rather than close the oldest: a closed stream
    // reconnects at once and would close the next, round and round, while
    // a browser does not retry a refused one (its page still works, only
    // without live updates until reloaded).
    let Some(slot) = state.live.open_stream(user.user_id) else {
        return (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, STREAM_RETRY_SECONDS)],
            format!("{}\n", user.locale.t("live-too-many-streams")),
        )
            .into_response();
    };
    let last_seen = req
        .headers()
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i32>().ok());
    // Subscribe before reading the backlog, so nothing falls between the two.
    let receiver = state.live.subscribe();
    // Every browser reconnects every few minutes, so the catch-up is a
    // frequent plain read: on SQLite it goes through the read-only pool and
    // does not queue behind writes. It sees every committed entry, and
    // SQLite changes are published only after their commit.
    let missed = match last_seen {
        Some(after) => {
            match orders::events_after(&state.reports, scope, after, CATCH_UP_LIMIT).await {
                Ok(events) => events
                    .into_iter()
                    .map(|(event, customer_company_id)| LiveEvent {
                        event_id: event.id,
                        order_id: event.order_id,
                        customer_company_id,
                    })
                    .collect(),
                Err(e) => {
                    tracing::error!(error = %e, "live catch-up failed");
                    Vec::new()
                }
            }
        }
        None => Vec::new(),
    };
    // Ids are handed out at insert, not at commit, so a live event may carry a
    // smaller id than one already replayed: skip exactly the replayed ones.
    let replayed: std::collections::HashSet<i32> = missed.iter().map(|e| e.event_id).collect();
    let live = BroadcastStream::new(receiver).filter_map(move |received| {
        let event = match received {
            Ok(event) => {
                Some(event).filter(|e| e.visible_in(scope) && !replayed.contains(&e.event_id))
            }
            // This stream fell behind and lost events: have the page refetch.
            Err(_lagged) => Some(LiveEvent::RESYNC),
        };
        async move { event }
    });
    let events = stream::iter(missed)
        .chain(live)
        .map(move |event| {
            // The place is held as long as the stream lives.
            let _held = &slot;
            let mut sse = Event::default()
                .event("order")
                .data(format!("{{\"order_id\":{}}}", event.order_id));
            if event.has_id() {
                sse = sse.id(event.event_id.to_string());
            }
            Ok::<_, Infallible>(sse)
        })
        .take_until(tokio::time::sleep(STREAM_LIFETIME));
    Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// On PostgreSQL: listens for order changes announced by any instance and
/// republishes them to this instance's streams, and for any instance's
/// writes, after which this instance's kept reads (of the parts written, if
/// the notice names them) are not served again. Its own notices change
/// nothing: the commit dropped those reads already.
/// Reconnects after a lost connection (streams then catch up through
/// `Last-Event-ID`; kept reads are dropped, as writes may have gone unheard).
pub async fn relay_notifications(state: AppState) {
    use app::ssr::live::NOTIFY_CHANNEL;
    use app::ssr::read_cache::WRITES_CHANNEL;
    use sea_orm::sqlx::postgres::PgListener;

    let pool = state.db.get_postgres_connection_pool().clone();
    loop {
        let mut listener = match PgListener::connect_with(&pool).await {
            Ok(listener) => listener,
            Err(e) => {
                tracing::warn!(error = %e, "live relay: cannot connect; retrying");
                tokio::time::sleep(std::time::Duration::from_secs(2)).await;
                continue;
            }
        };
        if let Err(e) = listener.listen_all([NOTIFY_CHANNEL, WRITES_CHANNEL]).await {
            tracing::warn!(error = %e, "live relay: cannot listen; retrying");
            tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            continue;
        }
        state.read_cache.bump();
        loop {
            match listener.recv().await {
                Ok(notification) if notification.channel() == WRITES_CHANNEL => {
                    state.read_cache.hear(notification.payload())
                }
                Ok(notification) => match LiveEvent::from_payload(notification.payload()) {
                    Some(event) => state.live.publish(event),
                    None => {
                        tracing::warn!(payload = notification.payload(), "live relay: bad payload")
                    }
                },
                Err(e) => {
                    tracing::warn!(error = %e, "live relay: connection lost");
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_visible_only_to_their_customer_and_the_house() {
        let event = LiveEvent {
            event_id: 1,
            order_id: 7,
            customer_company_id: 3,
        };
        assert!(event.visible_in(OrderScope::All));
        assert!(event.visible_in(OrderScope::Customer(3)));
        assert!(!event.visible_in(OrderScope::Customer(4)));
    }
}
