//! Database sessions: creating one at sign-in, finding the user behind a
//! cookie, ending them. The cookie carries a random token; the table stores
//! only its hash.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, JoinType,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::current::CurrentUser;
use super::token::{hash_token, looks_like_token, new_token};
use crate::domain::account::Role;
use crate::domain::session::{SessionLimits, SessionState, session_state};
use crate::ssr::entities::{company, session, user};

/// The session cookie's name over plain http (development, tests).
pub const COOKIE_NAME: &str = "portal_session";

/// Its name over https. A browser keeps a `__Host-` cookie only when it is
/// `Secure`, for the whole site (`Path=/`) and for this host alone (no
/// `Domain`), so no other host under the same domain (a sibling subdomain, a
/// plain-http page on the way) can set or overwrite it and plant a session
/// of its choosing. Plain http cannot hold a `Secure` cookie, hence two names.
pub const SECURE_COOKIE_NAME: &str = "__Host-portal_session";

/// The session cookie's name when cookies are `secure` (the portal is
/// reached over https) or not.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_COOKIE_NAME
    } else {
        COOKIE_NAME
    }
}

/// Only rewrite `last_seen_at` when it is this old, so browsing is not a
/// write per request; idle expiry is therefore exact to within a minute.
const TOUCH_AFTER: Duration = Duration::seconds(60);

/// Starts a session for `user_id`; returns the token for the cookie.
pub async fn create(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
    client_addr: Option<String>,
    device: Option<String>,
) -> Result<String, DbErr> {
    let token = new_token();
    session::ActiveModel {
        token_hash: Set(hash_token(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        client_addr: Set(client_addr),
        device: Set(device),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The session row and its user (and company name), as one joined read.
#[derive(Clone, FromQueryResult)]
struct Found {
    session_id: i32,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    user_id: i32,
    company_id: i32,
    role: Role,
    active: bool,
    email: String,
    display_name: String,
    locale: String,
    time_zone: String,
    company_name: String,
    company_city: String,
}

/// Whether a request is something a person did, which keeps their session
/// alive, or traffic a page makes by itself (the live stream reconnecting,
/// the reloads it sets off; see `crate::wire::live`), which must not: an
/// open tab would otherwise never go idle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    Person,
    Background,
}

/// The user behind a cookie token, if the session is alive and the user active.
/// Expired sessions are deleted on sight; only a person's `activity` moves
/// `last_seen_at`.
///
/// Every request asks this, so the lookup is one query on `reads` (on SQLite
/// the read-only pool, so it does not queue behind writers); only the rare
/// expiry or `last_seen_at` touch goes to `writer`.
///
/// The read is kept between writes (`ReadCache`), so a page asks the
/// database for it only after something changed. A kept session found
/// expired is read again before it is ended: another instance may have
/// seen the person since.
pub async fn resolve(
    reads: &impl ConnectionTrait,
    writer: &impl ConnectionTrait,
    kept: &crate::ssr::read_cache::ReadCache,
    token: &str,
    now: DateTime<Utc>,
    limits: SessionLimits,
    activity: Activity,
) -> Result<Option<CurrentUser>, DbErr> {
    if !looks_like_token(token) {
        return Ok(None);
    }
    let hash = hash_token(token);
    let mark = kept.session_mark();
    // Whether what is used below is already kept as it is.
    let mut already_kept = false;
    let found = match kept.session::<Found>(&hash) {
        Some(found)
            if session_state(found.created_at, found.last_seen_at, now, limits)
                == SessionState::Active =>
        {
            already_kept = true;
            Some(found)
        }
        _ => read_session(reads, &hash).await?,
    };
    let Some(mut found) = found else {
        return Ok(None);
    };
    match session_state(found.created_at, found.last_seen_at, now, limits) {
        SessionState::Active => {}
        SessionState::IdleExpired | SessionState::AbsoluteExpired => {
            session::Entity::delete_by_id(found.session_id)
                .exec(writer)
                .await?;
            return Ok(None);
        }
    }
    let (role, true) = (found.role, found.active) else {
        return Ok(None);
    };
    if activity == Activity::Person && now - found.last_seen_at >= TOUCH_AFTER {
        session::ActiveModel {
            id: Set(found.session_id),
            last_seen_at: Set(now),
            ..Default::default()
        }
        .update(writer)
        .await?;
        found.last_seen_at = now;
        already_kept = false;
    }
    if !already_kept {
        kept.keep_session(hash, mark, found.user_id, found.clone());
    }
    Ok(Some(CurrentUser {
        session_id: found.session_id,
        user_id: found.user_id,
        company_id: found.company_id,
        company_name: found.company_name,
        company_city: found.company_city,
        role,
        email: found.email,
        display_name: found.display_name,
        locale: crate::i18n::Locale::parse(&found.locale).unwrap_or_default(),
        time_zone: crate::domain::time_zone::Zone::parse_or_utc(&found.time_zone),
    }))
}

/// The session under `token_hash` with its person, in one joined read.
async fn read_session(
    reads: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<Found>, DbErr> {
    session::Entity::find()
        .select_only()
        .column_as(session::Column::Id, "session_id")
        .column(session::Column::CreatedAt)
        .column(session::Column::LastSeenAt)
        .column(session::Column::UserId)
        .column(user::Column::CompanyId)
        .column(user::Column::Role)
        .column(user::Column::Active)
        .column(user::Column::Email)
        .column(user::Column::DisplayName)
        .column(user::Column::Locale)
        .column(user::Column::TimeZone)
        .column_as(company::Column::Name, "company_name")
        .column_as(company::Column::City, "company_city")
        .join(
            JoinType::InnerJoin,
            session::Entity::belongs_to(user::Entity)
                .from(session::Column::UserId)
                .to(user::Column::Id)
                .into(),
        )
        .join(
            JoinType::InnerJoin,
            user::Entity::belongs_to(company::Entity)
                .from(user::Column::CompanyId)
                .to(company::Column::Id)
                .into(),
        )
        .filter(session::Column::TokenHash.eq(token_hash))
        .into_model::<Found>()
        .one(reads)
        .await
}

/// Ends a session; answers whose it was (`None`: there was none). One
/// statement on both databases: the deletion hands back the owner.
pub async fn end(db: &impl ConnectionTrait, session_id: i32) -> Result<Option<i32>, DbErr> {
    let ended = sea_orm::sea_query::Query::delete()
        .from_table(session::Entity)
        .and_where(session::Column::Id.eq(session_id))
        .returning_col(session::Column::UserId)
        .to_owned();
    // The one column the deletion returns: the owner.
    match db.query_one(&ended).await? {
        Some(row) => Ok(Some(row.try_get_by_index(0)?)),
        None => Ok(None),
    }
}

pub async fn end_all_for_user(db: &impl ConnectionTrait, user_id: i32) -> Result<u64, DbErr> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?
        .rows_affected)
}

/// The sessions of one person, newest sign-in first (expired ones too,
/// until a request of theirs removes them; callers judge with
/// `session_state`).
pub async fn of_user(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<Vec<session::Model>, DbErr> {
    session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .order_by_desc(session::Column::CreatedAt)
        .order_by_desc(session::Column::Id)
        .all(db)
        .await
}

/// Ends one session if it is `user_id`'s; false when there is no such
/// session of theirs (another person's id is answered like a missing one).
pub async fn end_own(
    db: &impl ConnectionTrait,
    user_id: i32,
    session_id: i32,
) -> Result<bool, DbErr> {
    let result = session::Entity::delete_many()
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Ends every session of `user_id` but `keep`; answers how many ended.
pub async fn end_others(db: &impl ConnectionTrait, user_id: i32, keep: i32) -> Result<u64, DbErr> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::Id.ne(keep))
        .exec(db)
        .await?
        .rows_affected)
}

/// Starts a session in `db` (the caller's transaction) for the current request.
/// Send the returned token with `set_cookie` once the transaction committed.
pub async fn start(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<String, crate::wire::ApiError> {
    create(
        db,
        user_id,
        now,
        super::client_addr(),
        super::current::client_device(),
    )
    .await
    .map_err(|e| crate::wire::ApiError::internal("creating a session", e))
}

/// Adds the session cookie (or, with `None`, its removal) to the response.
pub fn set_cookie(
    state: &crate::ssr::AppState,
    token: Option<&str>,
) -> Result<(), crate::wire::ApiError> {
    use crate::wire::ApiError;
    use axum::http::{HeaderValue, header::SET_COOKIE};
    let secure = state.settings.secure_cookies();
    let value = match token {
        Some(token) => cookie(token, secure, state.settings.session_limits),
        None => clearing_cookie(secure),
    };
    let response = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        .ok_or_else(|| ApiError::internal("set cookie", "no ResponseOptions in context"))?;
    let value = HeaderValue::from_str(&value).map_err(|e| ApiError::internal("cookie", e))?;
    response.append_header(SET_COOKIE, value);
    Ok(())
}

/// The `Set-Cookie` value for a new session. Never a `Domain`: the cookie
/// belongs to this host alone (and the `__Host-` name requires it).
pub fn cookie(token: &str, secure: bool, limits: SessionLimits) -> String {
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
        cookie_name(secure),
        limits.absolute.num_seconds(),
        if secure { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clearing_cookie(secure: bool) -> String {
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
        cookie_name(secure),
        if secure { "; Secure" } else { "" }
    )
}

/// The session token from a `Cookie` header, if any. Over https only the
/// `__Host-` cookie counts: one under the plain name may have been set by
/// another host of the domain.
pub fn token_from_cookie_header(header: &str, secure: bool) -> Option<&str> {
    let wanted = cookie_name(secure);
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value)
}

/// The session token a request's `Cookie` headers carry, if any (see
/// [`token_from_cookie_header`]).
pub fn token_from_headers(headers: &axum::http::HeaderMap, secure: bool) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| token_from_cookie_header(v, secure).map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_found_in_any_of_several_cookie_headers() {
        use axum::http::{HeaderMap, HeaderValue, header::COOKIE};
        let mut headers = HeaderMap::new();
        headers.append(COOKIE, HeaderValue::from_static("a=1"));
        headers.append(COOKIE, HeaderValue::from_static("b=2; portal_session=abc"));
        assert_eq!(token_from_headers(&headers, false).as_deref(), Some("abc"));
        assert_eq!(token_from_headers(&headers, true), None);
        assert_eq!(token_from_headers(&HeaderMap::new(), false), None);
    }

    #[test]
    fn cookies_are_http_only_lax_and_secure_on_https() {
        let limits = SessionLimits::default();
        let c = cookie("abc", true, limits);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.ends_with("; Secure"));
        assert!(c.contains("Max-Age=43200"));
        assert!(!cookie("abc", false, limits).contains("Secure"));
        assert!(clearing_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn over_https_the_cookie_is_bound_to_the_host() {
        let limits = SessionLimits::default();
        let c = cookie("abc", true, limits);
        assert!(c.starts_with("__Host-portal_session=abc; Path=/;"), "{c}");
        assert!(!c.contains("Domain"), "{c}");
        let cleared = clearing_cookie(true);
        assert!(cleared.starts_with("__Host-portal_session=;"), "{cleared}");
        assert!(cleared.ends_with("; Secure"), "{cleared}");
        assert!(cookie("abc", false, limits).starts_with("portal_session=abc;"));
    }

    #[test]
    fn the_session_token_is_found_among_other_cookies() {
        assert_eq!(
            token_from_cookie_header("a=1; portal_session=abc; b=2", false),
            Some("abc")
        );
        assert_eq!(token_from_cookie_header("portal_sessionx=abc", false), None);
        assert_eq!(token_from_cookie_header("", false), None);
        assert_eq!(
            token_from_cookie_header("a=1; __Host-portal_session=abc", true),
            Some("abc")
        );
        assert_eq!(
            token_from_cookie_header("portal_session=abc", true),
            None,
            "over https the plain name is not the session"
        );
    }
}
