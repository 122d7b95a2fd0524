//! The steps the viewer may take on a complaint now, and only those: a
//! button for a step that needs nothing more (investigate, accept, close),
//! a form for one that takes a message (acknowledge, pass, answer, propose,
//! decline, reopen). Each is `form.step-form[data-step]` and submits
//! `complaint_step`; the form submitted last shows the errors.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use super::list::REMEDIES;
use crate::api::ApiError;
use crate::api::complaints::ComplaintStep;
use crate::components::forms::{FieldMessage, FormMessage, latest_error};
use crate::i18n::Locale;

/// Steps that take a message, and so get a form of their own.
const WITH_MESSAGE: [&str; 6] = [
    "acknowledge",
    "pass",
    "answer",
    "propose",
    "decline",
    "reopen",
];

/// Fields shown by their own `FieldMessage`.
const STEP_FIELDS: &[&str] = &["message", "remedy", "amount", "cost", "root_cause"];

/// The errors of the latest submission, if it was this step's.
fn step_error(
    error: Signal<Option<ApiError>>,
    last_step: RwSignal<String>,
    step: String,
) -> Signal<Option<ApiError>> {
    Signal::derive(move || error.get().filter(|_| last_step.with(|last| *last == step)))
}

#[component]
pub(crate) fn StepsPanel(
    id: i32,
    version: i32,
    steps: Vec<String>,
    root_causes: Vec<(String, String)>,
    currency: String,
    action: FormAction<ComplaintStep>,
    last_step: RwSignal<String>,
    locale: Locale,
) -> impl IntoView {
    let error = latest_error(action.value());
    let (forms, buttons): (Vec<String>, Vec<String>) = steps
        .into_iter()
        .partition(|step| WITH_MESSAGE.contains(&step.as_str()));
    let shown = !forms.is_empty() || !buttons.is_empty();
    let has_buttons = !buttons.is_empty();
    shown.then(move || {
        view! {
            <section class="panel complaint-steps" id="complaint-steps">
                <h2>{locale.t("complaint-steps-title")}</h2>
                {has_buttons.then(|| view! {
                    <div class="order-actions">
                        {buttons.into_iter().map(|step| view! {
                            <ButtonStep step id version action last_step error locale />
                        }).collect_view()}
                    </div>
                })}
                {forms.into_iter().map(|step| view! {
                    <FormStep
                        step
                        id
                        version
                        root_causes=root_causes.clone()
                        currency=currency.clone()
                        action
                        last_step
                        error
                        locale
                    />
                }).collect_view()}
            </section>
        }
    })
}

/// A step that is one click: `form.step-form` with its submit button.
#[component]
fn ButtonStep(
    step: String,
    id: i32,
    version: i32,
    action: FormAction<ComplaintStep>,
    last_step: RwSignal<String>,
    error: Signal<Option<ApiError>>,
    locale: Locale,
) -> impl IntoView {
    let error = step_error(error, last_step, step.clone());
    let label = locale.t(&format!("complaint-do-{step}"));
    let form_step = step.clone();
    let button_step = step.clone();
    view! {
        <PostForm action=action attr:class="inline-form step-form" attr:data-step=form_step>
            <input type="hidden" name="id" value=id.to_string() />
            <input type="hidden" name="version" value=version.to_string() />
            <input type="hidden" name="step" value=step />
            <button type="submit" class="button step-submit" data-step=button_step>{label}</button>
            <FormMessage error fields=&[] />
        </PostForm>
    }
}

/// A step with a message and, for `answer`, the root cause, for
/// `propose`, the remedy with its amount and its cost to the house.
#[component]
fn FormStep(
    step: String,
    id: i32,
    version: i32,
    root_causes: Vec<(String, String)>,
    currency: String,
    action: FormAction<ComplaintStep>,
    last_step: RwSignal<String>,
    error: Signal<Option<ApiError>>,
    locale: Locale,
) -> impl IntoView {
    let error = step_error(error, last_step, step.clone());
    let heading = locale.t(&format!("complaint-form-{step}"));
    let message_label = locale.t(&format!("complaint-form-message-{step}"));
    let label = locale.t(&format!("complaint-do-{step}"));
    let answer = step == "answer";
    let propose = step == "propose";
    let form_step = step.clone();
    let button_step = step.clone();
    view! {
        <PostForm action=action attr:class="stack-form step-form" attr:data-step=form_step>
            <h3>{heading}</h3>
            <input type="hidden" name="id" value=id.to_string() />
            <input type="hidden" name="version" value=version.to_string() />
            <input type="hidden" name="step" value=step />
            {answer.then(|| view! { <RootCauseField root_causes error locale /> })}
            {propose.then(|| view! { <RemedyFields currency error locale /> })}
            <label>
                {message_label}
                <textarea name="message" rows="3"></textarea>
            </label>
            <FieldMessage error field="message" />
            <FormMessage error fields=STEP_FIELDS />
            <button type="submit" class="button step-submit" data-step=button_step>{label}</button>
        </PostForm>
    }
}

/// The factory's root cause, from the list the complaint brings.
#[component]
fn RootCauseField(
    root_causes: Vec<(String, String)>,
    error: Signal<Option<ApiError>>,
    locale: Locale,
) -> impl IntoView {
    view! {
        <label>
            {locale.t("complaint-fact-root-cause")}
            <select name="root_cause">
                {root_causes.into_iter().map(|(value, label)| view! {
                    // A catalogue key, or a label of the house's own.
                    <option value=value>{locale.t(&label)}</option>
                }).collect_view()}
            </select>
        </label>
        <FieldMessage error field="root_cause" />
    }
}

/// The remedy the house proposes, what it gives the customer (for money
/// remedies) and what it costs the house.
#[component]
fn RemedyFields(
    currency: String,
    error: Signal<Option<ApiError>>,
    locale: Locale,
) -> impl IntoView {
    let amount_label = format!("{} ({currency})", locale.t("complaint-propose-amount"));
    let cost_label = format!("{} ({currency})", locale.t("complaint-propose-cost"));
    view! {
        <div class="inline-grid-form">
            <label>
                {locale.t("complaint-propose-remedy")}
                <select name="remedy">
                    {REMEDIES.iter().map(|r| view! {
                        <option value=*r>{locale.t(&format!("complaint-option-remedy-{r}"))}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                {amount_label}
                <input type="text" inputmode="decimal" name="amount" />
            </label>
            <label>
                {cost_label}
                <input type="text" inputmode="decimal" name="cost" />
            </label>
        </div>
        <p class="muted">{locale.t("complaint-propose-hint")}</p>
        <FieldMessage error field="remedy" />
        <FieldMessage error field="amount" />
        <FieldMessage error field="cost" />
    }
}
