//! The cookie of a sign-in waiting for its second step. It holds a random
//! token whose SHA-256 names a row of `two_factor_challenges`; it is not a
//! session, so nothing that needs a signed-in person accepts it. It is
//! `HttpOnly` like the session cookie, `__Host-` over https for the same
//! reasons (see `session::SECURE_COOKIE_NAME`), and lives only as long as
//! the step may wait.

use axum::http::request::Parts;
use chrono::Duration;
use leptos::prelude::use_context;

use crate::ssr::AppState;
use crate::wire::ApiError;

const COOKIE_NAME: &str = "portal_2fa";
const SECURE_COOKIE_NAME: &str = "__Host-portal_2fa";

fn cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_COOKIE_NAME
    } else {
        COOKIE_NAME
    }
}

/// The `Set-Cookie` value carrying `token` for `lifetime`, or (with `None`)
/// removing the cookie.
pub fn cookie(token: Option<(&str, Duration)>, secure: bool) -> String {
    let (value, max_age) = match token {
        Some((token, lifetime)) => (token, lifetime.num_seconds().max(0)),
        None => ("", 0),
    };
    format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        cookie_name(secure),
        if secure { "; Secure" } else { "" }
    )
}

/// The pending sign-in's token from a `Cookie` header. Over https only the
/// `__Host-` cookie counts.
pub fn token_from_cookie_header(header: &str, secure: bool) -> Option<&str> {
    let wanted = cookie_name(secure);
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

/// The pending sign-in's token this request carries, if any.
pub fn current_token(state: &AppState) -> Option<String> {
    let secure = state.settings.secure_cookies();
    let parts = use_context::<Parts>()?;
    parts
        .headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| token_from_cookie_header(v, secure).map(str::to_string))
}

/// Adds the pending sign-in's cookie (or its removal) to the response.
pub fn set_cookie(state: &AppState, token: Option<(&str, Duration)>) -> Result<(), ApiError> {
    use axum::http::{HeaderValue, header::SET_COOKIE};
    let value = cookie(token, state.settings.secure_cookies());
    let response = use_context::<leptos_axum::ResponseOptions>()
        .ok_or_else(|| ApiError::internal("set cookie", "no ResponseOptions in context"))?;
    let value = HeaderValue::from_str(&value).map_err(|e| ApiError::internal("cookie", e))?;
    response.append_header(SET_COOKIE, value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pending_cookie_is_http_only_short_lived_and_host_bound_on_https() {
        let c = cookie(Some(("abc", Duration::minutes(5))), true);
        assert!(c.starts_with("__Host-portal_2fa=abc; Path=/;"), "{c}");
        assert!(c.contains("HttpOnly") && c.contains("Max-Age=300") && c.ends_with("; Secure"));
        assert!(!c.contains("Domain"), "{c}");
        let plain = cookie(Some(("abc", Duration::minutes(5))), false);
        assert!(plain.starts_with("portal_2fa=abc;") && !plain.contains("Secure"));
        assert!(cookie(None, false).contains("Max-Age=0"));
    }

    #[test]
    fn the_pending_token_is_found_apart_from_the_session_cookie() {
        let header = "portal_session=s; portal_2fa=p";
        assert_eq!(token_from_cookie_header(header, false), Some("p"));
        assert_eq!(token_from_cookie_header("portal_session=s", false), None);
        assert_eq!(token_from_cookie_header("portal_2fa=", false), None);
        assert_eq!(token_from_cookie_header(header, true), None);
        assert_eq!(
            token_from_cookie_header("__Host-portal_2fa=p", true),
            Some("p")
        );
    }
}
