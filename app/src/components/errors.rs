//! "Not found" and "not allowed" pages, with the matching HTTP status on the server.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::guard::use_locale;
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

/// What a page shows when its own record failed to load: its heading (a
/// catalogue key) and the error's text, answered with the error's status.
#[component]
pub fn RecordMissing(error: ApiError, heading: &'static str) -> impl IntoView {
    answer_with(&error);
    let locale = use_locale().get_untracked();
    view! {
        <section class="panel narrow">
            <h1>{locale.t(heading)}</h1>
            <p>{error.text(locale)}</p>
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("error-not-found-title") />
        <section class="panel narrow">
            <h1>{locale.t("error-not-found-heading")}</h1>
            <p>{locale.t("error-not-found-text")}</p>
            <p><A href="/">{locale.t("error-back-to-overview")}</A></p>
        </section>
    }
}

#[component]
pub fn Forbidden() -> impl IntoView {
    set_status(403);
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("error-forbidden-title") />
        <section class="panel narrow" id="forbidden">
            <h1>{locale.t("error-forbidden-title")}</h1>
            <p>{locale.t("error-forbidden-text")}</p>
        </section>
    }
}
