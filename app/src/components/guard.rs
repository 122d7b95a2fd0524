//! Keeps each role in its own area: anonymous visitors are sent to sign in,
//! signed-in users outside the area see "not allowed" (HTTP 403). The data
//! itself is protected again by every server function.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::api::ApiError;
use crate::api::auth::SessionUser;
use crate::domain::policy::{Action, Area, authorize};
use crate::pages::errors::Forbidden;

/// The signed-in user, loaded once per page load (blocking, so the server
/// knows it before sending the status line).
#[derive(Clone, Copy)]
pub struct UserResource(pub Resource<Result<Option<SessionUser>, ApiError>>);

pub fn use_user() -> Resource<Result<Option<SessionUser>, ApiError>> {
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
#[component]
pub fn AreaGuard(area: Option<Area>, children: ChildrenFn) -> impl IntoView {
    let user = use_user();
    let location = use_location();
    // The user is read synchronously inside the Suspense (not awaited in an
    // async block), so the area's own components and resources are created
    // in an ordinary reactive scope.
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {
                let children = children.clone();
                move || {
                    user.get().map(|result| match result {
                        Ok(Some(u)) => {
                            let allowed = area.is_none_or(|a| {
                                authorize(&u.actor(), &Action::EnterArea(a)).is_allowed()
                            });
                            if allowed {
                                children().into_any()
                            } else {
                                view! { <Forbidden /> }.into_any()
                            }
                        }
                        Ok(None) => {
                            let next = encode_query_value(&location.pathname.get_untracked());
                            view! { <Redirect path=format!("/login?next={next}") /> }.into_any()
                        }
                        Err(e) => view! { <p class="form-error">{e.to_string()}</p> }.into_any(),
                    })
                }
            }
        </Suspense>
    }
}
