//! Showing server-function results next to form fields.

use leptos::html::Form;
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

/// The messages for the fields of row `index` of the list `list`
/// (`lines[3].quantity`), under the row, in the order of `fields`: a
/// `FieldMessage` for each. A function, not a component, and one part of
/// the page per field: either other shape cost the order page's bundle
/// (`BENCHMARKS.md`, "Browser bundle").
pub fn row_messages(
    error: Signal<Option<ApiError>>,
    list: &'static str,
    index: usize,
    fields: Vec<&'static str>,
) -> impl IntoView {
    fields
        .into_iter()
        .map(|f| view! { <FieldMessage error field=format!("{list}[{index}].{f}") /> })
        .collect_view()
}

/// Errors that belong to no single field (signed out, rate limited, ...).
#[component]
pub fn FormMessage(
    error: Signal<Option<ApiError>>,
    /// Fields shown by `FieldMessage`; their errors are not repeated here.
    fields: &'static [&'static str],
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    move || {
        error.get().and_then(|e| {
            let covered = matches!(&e, ApiError::Invalid { fields: list }
                if list.iter().all(|f| fields.contains(&f.field.as_str())));
            (!covered).then(|| view! { <p class="form-error" role="alert">{e.text(locale)}</p> })
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

/// Empties a form to what it was built with (in the browser: the server
/// renders it so anyway).
pub fn reset_form(form: NodeRef<Form>) {
    #[cfg(feature = "hydrate")]
    if let Some(form) = form.get_untracked() {
        form.reset();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = form;
}

/// The order's version as the page last loaded it. A form built from an
/// older copy of the order, and holding input, says so (`FormHold::stale`).
#[derive(Clone, Copy)]
pub struct HeardVersion(pub RwSignal<Option<i32>>);

/// The forms of one part of a page that hold input not yet sent, each named
/// by its kind and record (`("plan", 0)`, `("customs", shipment id)`). While
/// any does, the part is not loaded again on live updates (`hold_while`).
#[derive(Clone, Copy)]
pub struct HeldForms(RwSignal<Vec<(&'static str, i32)>>);

impl Default for HeldForms {
    fn default() -> Self {
        Self(RwSignal::new(Vec::new()))
    }
}

impl HeldForms {
    /// Whether a form of the part holds input.
    pub fn any(self) -> bool {
        self.0.with(|held| !held.is_empty())
    }

    /// Whether the form `name` holds input.
    pub fn holds(self, name: (&'static str, i32)) -> bool {
        self.0.with(|held| held.contains(&name))
    }

    /// The form `name` holds input now.
    pub fn mark(self, name: (&'static str, i32)) {
        if !self.0.with_untracked(|held| held.contains(&name)) {
            self.0.update(|held| held.push(name));
        }
    }

    /// The form `name` holds nothing any more.
    pub fn release(self, name: (&'static str, i32)) {
        if self.0.with_untracked(|held| held.contains(&name)) {
            self.0.update(|held| held.retain(|other| *other != name));
        }
    }

    /// What the form `name`, built from the order at `version`, keeps.
    pub fn form(self, name: (&'static str, i32), version: i32) -> FormHold {
        FormHold {
            part: self,
            name,
            version,
            form: NodeRef::new(),
        }
    }
}

/// `follow()` while no form of `held` holds input; while one does, what it
/// was when typing began. A part of a page loaded on this value is not
/// loaded again, and so never rebuilds its forms, while one of them holds
/// input; it catches up once none does.
pub fn hold_while<T>(held: HeldForms, follow: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |before: Option<&T>| match before {
        Some(before) if held.any() => before.clone(),
        _ => follow(),
    })
}

/// One form that keeps what is typed into it through live updates. Typing
/// marks it in the part of the page it sits in, which then holds still
/// (`hold_while`); the form says when the order moved on since it was
/// built, and the server's version check still decides. A submission that
/// went through empties the form and releases it.
#[derive(Clone, Copy)]
pub struct FormHold {
    part: HeldForms,
    name: (&'static str, i32),
    /// The order's version the form was built from.
    version: i32,
    /// The `<form>` (`PostForm`'s `node_ref`), to empty it.
    pub form: NodeRef<Form>,
}

impl FormHold {
    /// For the form's `on:input` and `on:change`: it holds input now.
    pub fn typed(self) {
        self.part.mark(self.name);
    }

    /// The form holds input and the order moved on since it was built.
    pub fn stale(self) -> Signal<bool> {
        let heard = use_context::<HeardVersion>();
        Signal::derive(move || {
            self.part.holds(self.name)
                && heard
                    .and_then(|HeardVersion(heard)| heard.get())
                    .is_some_and(|now| now > self.version)
        })
    }

    /// Once a submission of the form went through (not one answered before
    /// the form was built): empties it and releases it.
    pub fn clear_after<T, S>(self, value: S)
    where
        T: Clone + Send + Sync + 'static,
        S: Get<Value = Option<Result<T, ApiError>>> + Send + Sync + 'static,
    {
        Effect::new(move |ran: Option<()>| {
            let sent = matches!(value.get(), Some(Ok(_)));
            if ran.is_some() && sent {
                self.part.release(self.name);
                reset_form(self.form);
            }
        });
    }
}

/// Tells the person that the order changed since they began filling in the
/// form: what they typed stays, and sending it checks the order again.
#[component]
pub fn StaleNotice(
    #[prop(into)] stale: Signal<bool>,
    /// The notice's id, where a page refers to it.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let text = use_locale().get_untracked().t("order-form-stale");
    move || {
        stale.get().then(|| {
            view! { <p class="notice form-stale" id=id role="status">{text.clone()}</p> }
        })
    }
}
