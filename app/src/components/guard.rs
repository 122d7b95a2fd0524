//! Keeps each role in its own area: anonymous visitors are sent to sign in,
//! signed-in users outside the area see "not allowed" (HTTP 403). The data
//! itself is protected again by every server function.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::api::auth::SessionUser;
use crate::components::data::Data;
use crate::components::errors::Forbidden;
use crate::domain::policy::{Action, Area, authorize};
use crate::wire::ApiError;

/// The signed-in user, loaded once per page load (blocking, so the server
/// knows it before sending the status line).
#[derive(Clone, Copy)]
pub struct UserResource(pub Data<Result<Option<SessionUser>, ApiError>>);

pub fn use_user() -> Data<Result<Option<SessionUser>, ApiError>> {
    expect_context::<UserResource>().0
}

/// Percent-encodes a path for use inside a query string.
pub fn encode_query_value(raw: &str) -> String {
    raw.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Renders `children` only for users allowed into `area`; `None` admits any
/// signed-in user.
///
/// The server knows the user from the request, and a hydrating page has the
/// user the server sent, so both decide at once and build the area exactly
/// once. Server-side rendering walks reactive closures more than once (to
/// find every resource), and an area built in a closure created its
/// resources, and ran their queries, on every walk. A sign-in or sign-out
/// loads a whole new page, so the decision stands for the page's life. Only
/// when the user is not known yet does the guard wait for it.
#[component]
pub fn AreaGuard(area: Option<Area>, children: ChildrenFn) -> impl IntoView {
    let user = use_user();
    let location = use_location();
    let locale = use_locale().get_untracked();
    let enter = move |gate: Gate| match gate {
        Gate::Enter => children().into_any(),
        Gate::Forbidden => view! { <Forbidden /> }.into_any(),
        Gate::SignIn => {
            let next = encode_query_value(&location.pathname.get_untracked());
            view! { <Redirect path=format!("/login?next={next}") /> }.into_any()
        }
        Gate::Failed(message) => view! { <p class="form-error">{message}</p> }.into_any(),
    };
    if let Some(known) = known_user() {
        return enter(Gate::of(&known, area, locale));
    }
    view! {
        <Suspense fallback=move || view! { <p class="muted">{locale.t("guard-loading")}</p> }>
            {move || user.get().map(|result| enter(Gate::of(&result, area, locale)))}
        </Suspense>
    }
    .into_any()
}

/// What the guard shows for the current user.
enum Gate {
    Enter,
    Forbidden,
    SignIn,
    Failed(String),
}

impl Gate {
    /// The error, if loading the user failed, is told in `locale`.
    fn of(
        user: &Result<Option<SessionUser>, ApiError>,
        area: Option<Area>,
        locale: crate::i18n::Locale,
    ) -> Gate {
        match user {
            Ok(Some(u)) => {
                let allowed =
                    area.is_none_or(|a| authorize(&u.actor(), &Action::EnterArea(a)).is_allowed());
                if allowed {
                    Gate::Enter
                } else {
                    Gate::Forbidden
                }
            }
            Ok(None) => Gate::SignIn,
            Err(e) => Gate::Failed(e.text(locale)),
        }
    }
}

/// The signed-in user if already known, without waiting: on the server
/// from the request itself, in the browser from the value the server sent
/// (read as it is: the resource's warning about reads outside a Suspense,
/// which may not match the server, does not apply to it). `None` while the
/// user is still loading, and inside an island woken in the browser, which
/// has no user (its page's `lang` is the person's language).
pub fn known_user() -> Option<Result<Option<SessionUser>, ApiError>> {
    #[cfg(feature = "ssr")]
    {
        Some(Ok(crate::ssr::auth::current_user().map(SessionUser::from)))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let user = use_context::<UserResource>()?.0;
        let value: &AsyncDerived<_> = &user;
        value.get_untracked()
    }
}

/// The signed-in person's language; for visitors, the browser's
/// `Accept-Language`.
///
/// The server takes it from the request and the browser from the user the
/// server sent (a visitor's from the page's `lang`, which the server wrote),
/// so both render the same words. A change of language or user loads a
/// whole new page, so it stands for the page's life.
pub fn use_locale() -> Signal<crate::i18n::Locale> {
    // On the server the request says both (the signed-in person's language
    // comes first), read where it is: every part of a page asks.
    #[cfg(feature = "ssr")]
    let locale = crate::ssr::auth::request_locale();
    #[cfg(not(feature = "ssr"))]
    let locale = known_user()
        .and_then(|r| r.ok().flatten())
        .map(|u| u.locale)
        .unwrap_or_else(visitor_locale);
    Signal::stored(locale)
}

#[cfg(not(feature = "ssr"))]
fn visitor_locale() -> crate::i18n::Locale {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|lang| crate::i18n::Locale::parse(&lang))
        .unwrap_or_default()
}
