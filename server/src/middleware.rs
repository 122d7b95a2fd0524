//! Request-wide protections: security headers on every response, refusal of
//! cross-site state changes (CSRF), and resolving the session cookie into the
//! signed-in user once per request.

use app::domain::proxies::client_address;
use app::ssr::AppState;
use app::ssr::auth::{ClientAddr, session};
use app::wire::ApiError;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;

/// Headers on every response. The page's own `<meta>` CSP (in `app::shell`)
/// adds the per-request script nonce that hydration needs; this header covers
/// what a meta tag cannot (framing) and every non-HTML response. Everything
/// but the files of the static bundle under `/pkg/` is
/// `Cache-Control: no-store`.
pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let under_bundle = req.uri().path().starts_with("/pkg/");
    let mut response = next.run(req).await;
    // A path under /pkg/ that is no file of the bundle gets the not-found
    // page, rendered for whoever is signed in: a page like any other.
    let bundle_file = under_bundle && response.status().is_success();
    let headers = response.headers_mut();
    if bundle_file {
        // The bundle is sent brotli, gzip or plain by what the browser
        // accepts; caches must keep the copies apart.
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    } else if !headers.contains_key(header::CACHE_CONTROL) {
        // Pages, server-function replies and downloads may hold a signed-in
        // person's data: no browser or proxy may keep a copy (a shared
        // computer's back button, a company proxy). A handler that chose its
        // own caching keeps it.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; \
             style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
             object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Links carry single-use tokens; never leak them to other sites.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if state.settings.secure_cookies() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// Refuses state-changing requests that a browser marks as coming from another
/// site. Browsers send `Sec-Fetch-Site` (current ones) or `Origin` with every
/// cross-site POST; requests with neither come from non-browser clients, which
/// cannot carry a victim's cookies.
pub async fn reject_cross_site(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let allowed = match fetch_site {
        Some(site) => site == "same-origin" || site == "none",
        None => match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            Some(origin) => same_origin(origin, &state.settings.public_url, headers),
            None => true,
        },
    };
    if allowed {
        next.run(req).await
    } else {
        tracing::warn!(method = %req.method(), uri = %req.uri(), "refused a cross-site request");
        (
            StatusCode::FORBIDDEN,
            "Cross-site requests are not allowed.\n",
        )
            .into_response()
    }
}

/// Whether `origin` is the portal: its public URL, or the host the browser
/// actually used (e.g. 127.0.0.1 vs localhost) under the public URL's
/// scheme. An origin is scheme and host: a page served over plain http is
/// another origin than the https portal of the same name.
fn same_origin(origin: &str, public_url: &str, headers: &axum::http::HeaderMap) -> bool {
    if origin == public_url {
        return true;
    }
    let Some((scheme, origin_host)) = origin.split_once("://") else {
        return false;
    };
    let public_scheme = public_url.split_once("://").map(|(scheme, _)| scheme);
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    public_scheme.is_some_and(|public| public.eq_ignore_ascii_case(scheme))
        && host.is_some_and(|host| host == origin_host)
}

/// Every `X-Forwarded-For` value of a request, in order, as one list. A
/// value that is not text stands as an entry no proxy wrote.
fn forwarded_for(headers: &axum::http::HeaderMap) -> String {
    headers
        .get_all("x-forwarded-for")
        .iter()
        .map(|value| value.to_str().unwrap_or("?"))
        .collect::<Vec<_>>()
        .join(",")
}

/// Puts the client's address and, when the cookie names a live session, the
/// signed-in user into the request's extensions. The address is the TCP
/// peer's, or behind a trusted proxy the one the proxies forwarded
/// (`domain::proxies`).
pub async fn resolve_session(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let proxies = &state.settings.trusted_proxies;
    let addr = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| {
            // Only a trusted peer's header is read at all.
            let forwarded = if proxies.contains(peer.ip()) {
                forwarded_for(req.headers())
            } else {
                String::new()
            };
            client_address(peer.ip(), &forwarded, proxies).to_string()
        });
    if let Some(addr) = addr {
        req.extensions_mut().insert(ClientAddr(addr));
    }
    let secure = state.settings.secure_cookies();
    let token = session::token_from_headers(req.headers(), secure);
    let mut clear_cookie = false;
    // The live stream reconnects by itself every few minutes, and the page
    // reloads what it shows after each reconnect and each change it hears
    // of (marking those reloads with a cookie): only what a person does
    // keeps a session from going idle.
    let background = req.uri().path() == "/api/live"
        || req
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(app::wire::live::marks_background);
    let activity = if background {
        session::Activity::Background
    } else {
        session::Activity::Person
    };
    if let Some(token) = token {
        match session::resolve(
            &state.reports,
            &state.db,
            &state.read_cache,
            &token,
            state.now(),
            state.settings.session_limits,
            activity,
        )
        .await
        {
            Ok(Some(user)) => {
                if let Some(reader) = req.extensions().get::<crate::limits::ReaderLocale>() {
                    reader.note(user.locale);
                }
                req.extensions_mut().insert(user);
            }
            Ok(None) => clear_cookie = true,
            Err(e) => tracing::error!(error = %e, "could not resolve a session"),
        }
    }
    let mut response = next.run(req).await;
    let sets_new_session = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with(&format!("{}=", session::cookie_name(secure))));
    if clear_cookie && !sets_new_session {
        // The browser holds a dead session token; tell it to forget it
        // (unless this very response signed it in afresh).
        if let Ok(value) = HeaderValue::from_str(&session::clearing_cookie(secure)) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// After any request that may have written (every method but GET, HEAD and
/// OPTIONS, except the server functions known as reads, those that name
/// their writes, and uploads), the page reads this instance kept are not
/// served again, and the other instances on the same PostgreSQL database
/// are told. Units of work do the same, for the parts they name, at their
/// commit; this is the rule a new endpoint falls under from the start.
pub async fn forget_kept_reads(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let writes = may_write(req.method(), req.uri().path());
    let response = next.run(req).await;
    if writes {
        state.read_cache.bump();
        if let Err(e) = app::ssr::read_cache::announce_write(&state.db, &state.read_cache).await {
            tracing::warn!(error = %e, "could not tell other instances of a write");
        }
    }
    response
}

/// Whether a request may change what pages show.
fn may_write(method: &Method, path: &str) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    match path.strip_prefix("/api/") {
        Some(endpoint) => {
            app::domain::limits::write_kind(endpoint).is_some()
                && !app::domain::limits::announces_its_writes(endpoint)
        }
        // An upload is recorded in a unit of work, which names the parts
        // of the book its file shows in.
        None if path == "/files" => false,
        None => true,
    }
}

/// A server function answers in the encoding its caller's `Accept` header
/// asks for: compact to the portal's own browser code, JSON to everyone else
/// (`app::wire::compact`). The reply's `Content-Type` says which.
pub async fn reply_encoding(req: Request, next: Next) -> Response {
    use app::wire::compact::{CompactEncoding, accepts_compact, answering};
    use leptos::server_fn::ContentType;
    if !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let compact = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(accepts_compact);
    let mut response = answering(compact, next.run(req)).await;
    let labelled_compact = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|kind| kind.as_bytes() == CompactEncoding::CONTENT_TYPE.as_bytes());
    if labelled_compact && !compact {
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
    }
    response
}

/// Server functions answer every error with 500; this gives each kind of
/// `ApiError` its own status (401, 403, 404, 409, 422, 429) so that refusals
/// look like refusals to every client. The browser's server-function client
/// treats any 4xx/5xx as an error and decodes the same body.
pub async fn server_fn_error_status(req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    if !response.headers().contains_key("serverfnerror") {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "error body too large\n").into_response();
    };
    if let Some(status) = serde_json::from_slice::<ApiError>(&bytes)
        .ok()
        .and_then(|error| StatusCode::from_u16(error.status()).ok())
    {
        parts.status = status;
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::{may_write, same_origin};
    use axum::http::Method;

    #[test]
    fn only_pages_known_reads_and_announced_writes_leave_kept_reads_alone() {
        assert!(!may_write(&Method::GET, "/customer/orders/7"));
        assert!(!may_write(&Method::GET, "/files/3"));
        assert!(!may_write(&Method::POST, "/api/orders/get"));
        assert!(!may_write(&Method::POST, "/api/orders/glance"));
        assert!(!may_write(&Method::POST, "/api/sessions/list"));
        // Progress reports, messages, the steps on one order and on a
        // quotation say themselves what they wrote, at their commit.
        assert!(!may_write(&Method::POST, "/api/progress/post"));
        assert!(!may_write(&Method::POST, "/api/progress/bulk"));
        assert!(!may_write(&Method::POST, "/api/messages/post"));
        assert!(!may_write(&Method::POST, "/api/orders/move"));
        assert!(!may_write(&Method::POST, "/api/orders/update"));
        assert!(!may_write(&Method::POST, "/api/changes/request"));
        assert!(!may_write(&Method::POST, "/api/quotations/send"));
        assert!(!may_write(&Method::POST, "/api/inquiries/create"));
        assert!(!may_write(&Method::POST, "/api/alerts/mute"));
        assert!(!may_write(&Method::POST, "/api/rules/set"));
        assert!(!may_write(&Method::POST, "/api/auth/locale"));
        assert!(!may_write(&Method::POST, "/api/auth/login"));
        assert!(!may_write(&Method::POST, "/api/admin/invite"));
        assert!(!may_write(&Method::POST, "/api/admin/deactivate"));
        assert!(may_write(&Method::POST, "/api/a-function-added-later"));
        assert!(!may_write(&Method::POST, "/files"));
        assert!(may_write(&Method::POST, "/files/7"));
        assert!(may_write(&Method::DELETE, "/anything"));
    }

    use axum::http::{HeaderMap, HeaderValue, header};

    #[test]
    fn origins_match_the_public_url_or_the_host_used() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:3000"));
        assert!(same_origin(
            "http://localhost:3000",
            "http://localhost:3000",
            &headers
        ));
        assert!(same_origin(
            "http://127.0.0.1:3000",
            "http://localhost:3000",
            &headers
        ));
        assert!(!same_origin(
            "https://evil.example",
            "http://localhost:3000",
            &headers
        ));
    }

    #[test]
    fn origins_match_in_scheme_as_well_as_host() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("portal.example.com"));
        let public = "https://portal.example.com";
        assert!(same_origin("https://portal.example.com", public, &headers));
        assert!(!same_origin("http://portal.example.com", public, &headers));
        assert!(!same_origin("portal.example.com", public, &headers));
        assert!(!same_origin("null", public, &headers));
        // The host the browser used counts under the public URL's scheme only.
        headers.insert(header::HOST, HeaderValue::from_static("10.0.0.5:3000"));
        assert!(same_origin("https://10.0.0.5:3000", public, &headers));
        assert!(!same_origin("http://10.0.0.5:3000", public, &headers));
        assert!(!same_origin("https://10.0.0.5:3001", public, &headers));
        assert!(!same_origin("https://10.0.0.5", public, &headers));
        assert!(!same_origin(
            "https://10.0.0.5:3000",
            public,
            &HeaderMap::new()
        ));
        let mut local = HeaderMap::new();
        local.insert(header::HOST, HeaderValue::from_static("127.0.0.1:3000"));
        assert!(!same_origin(
            "https://127.0.0.1:3000",
            "http://localhost:3000",
            &local
        ));
    }
}
