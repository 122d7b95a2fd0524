//! "Not found" and "not allowed" pages, with the matching HTTP status on the server.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::wire::ApiError;

fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
            && let Ok(status) = axum::http::StatusCode::from_u16(code)
        {
            response.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// A page whose own record failed to load answers with the error's status
/// (404 for a record that is not there or not the viewer's), not with 200.
pub fn answer_with(error: &ApiError) {
    set_status(error.status());
}

#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    view! {
        <Title text="Not found" />
        <section class="panel narrow">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address, or you may not see it."</p>
            <p><A href="/">"Back to the overview"</A></p>
        </section>
    }
}

#[component]
pub fn Forbidden() -> impl IntoView {
    set_status(403);
    view! {
        <Title text="Not allowed" />
        <section class="panel narrow" id="forbidden">
            <h1>"Not allowed"</h1>
            <p>"This part of the portal is not open to your account. The menu above shows what you can use."</p>
        </section>
    }
}
