//! Showing server-function results next to form fields.

use leptos::prelude::*;

use crate::components::guard::use_locale;
use crate::wire::ApiError;

/// The error of the latest submission, if it failed.
pub fn latest_error<T, S>(value: S) -> Signal<Option<ApiError>>
where
    T: Clone + Send + Sync + 'static,
    S: Get<Value = Option<Result<T, ApiError>>> + Send + Sync + 'static,
{
    Signal::derive(move || value.get().and_then(|r| r.err()))
}

/// "Saved." once the latest submission went through.
pub fn saved_note<T, S>(value: S) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    S: Get<Value = Option<Result<T, ApiError>>> + Send + Sync + 'static,
{
    let locale = use_locale().get_untracked();
    move || {
        matches!(value.get(), Some(Ok(_)))
            .then(|| view! { <p class="form-ok" role="status">{locale.t("form-saved")}</p> })
    }
}

/// The message for one field, under the input.
#[component]
pub fn FieldMessage(error: Signal<Option<ApiError>>, #[prop(into)] field: String) -> impl IntoView {
    move || {
        error
            .get()
            .and_then(|e| e.field_message(&field))
            .map(|message| {
                view! { <p class="field-error" data-field=field.clone() role="alert">{message}</p> }
            })
    }
}

/// Errors that belong to no single field (signed out, rate limited, ...).
#[component]
pub fn FormMessage(
    error: Signal<Option<ApiError>>,
    /// Fields shown by `FieldMessage`; their errors are not repeated here.
    fields: &'static [&'static str],
) -> impl IntoView {
    move || {
        error.get().and_then(|e| {
            let covered = matches!(&e, ApiError::Invalid { fields: list }
                if list.iter().all(|f| fields.contains(&f.field.as_str())));
            (!covered).then(|| view! { <p class="form-error" role="alert">{e.to_string()}</p> })
        })
    }
}

/// Sends the browser to `path` with a full page load, so every part of the page
/// is rendered afresh for the new session.
pub fn go_to(path: &str) {
    #[cfg(feature = "hydrate")]
    {
        let _ = window().location().set_href(path);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}
