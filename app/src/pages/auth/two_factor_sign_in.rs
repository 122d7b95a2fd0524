//! The second step of signing in (`/login/two-factor`): a code from the
//! authenticator app or a recovery code; or, when the house requires
//! two-factor sign-in of a house person who has none, setting it up first.
//! The server knows the waiting sign-in from its cookie; the page asks it
//! what the step is and shows it in the person's language.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::two_factor::{FinishTwoFactor, PendingStep, pending_two_factor};
use crate::components::data::load;
use crate::components::forms::{FieldMessage, FormMessage, go_to, latest_error};
use crate::components::guard::use_locale;
use crate::i18n::Locale;
use crate::pages::auth::two_factor::{RecoveryCodeList, SetupDetails};

#[component]
pub fn TwoFactorSignInPage() -> impl IntoView {
    let visitor = use_locale().get_untracked();
    let step = load(|| (), |_| pending_two_factor());
    let finish = FormAction::<FinishTwoFactor>::new();
    // Straight on, unless the step also set two-factor sign-in up: then
    // the recovery codes are shown first, with a link to go on.
    Effect::new(move |_| {
        if let Some(Ok(done)) = finish.value().get()
            && done.recovery_codes.is_empty()
        {
            go_to(&done.next);
        }
    });
    view! {
        <Title text=visitor.t("two-factor-sign-in-title") />
        <section class="panel narrow" id="two-factor-sign-in">
            <Transition fallback=move || view! { <p class="muted">{visitor.t("two-factor-loading")}</p> }>
                {move || Suspend::new(async move {
                    match step.await {
                        Ok(step) => view! { <StepForm step finish /> }.into_any(),
                        Err(_) => view! {
                            <h1>{visitor.t("two-factor-sign-in-title")}</h1>
                            <p class="notice" id="two-factor-expired">
                                {visitor.t("two-factor-expired")} " "
                                <A href="/login">{visitor.t("two-factor-sign-in-again")}</A>
                            </p>
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The form of the step, and what follows a right code.
#[component]
fn StepForm(step: PendingStep, finish: FormAction<FinishTwoFactor>) -> impl IntoView {
    let locale = step.locale();
    let error = latest_error(finish.value());
    let (intro, setup) = match step {
        PendingStep::Code { .. } => (locale.t("two-factor-code-intro"), None),
        PendingStep::Enrol { setup, .. } => (locale.t("two-factor-enrol-intro"), Some(setup)),
    };
    let done = move || matches!(finish.value().get(), Some(Ok(_)));
    view! {
        <h1>{locale.t("two-factor-sign-in-title")}</h1>
        <p>{intro}</p>
        {setup.map(|setup| view! { <SetupDetails setup locale /> })}
        <Show when=move || !done()>
            <PostForm action=finish attr:class="stack-form" attr:id="two-factor-form">
                <CodeField locale />
                <FieldMessage error field="code" />
                <FormMessage error fields=&["code"] />
                <button type="submit" class="button" disabled=move || finish.pending().get()>
                    {locale.t("two-factor-verify")}
                </button>
            </PostForm>
        </Show>
        {move || {
            finish
                .value()
                .get()
                .and_then(|r| r.ok())
                .filter(|d| !d.recovery_codes.is_empty())
                .map(|d| {
                    let next = d.next;
                    view! {
                        <RecoveryCodeList codes=d.recovery_codes locale />
                        <p><a class="button" href=next id="two-factor-continue">{locale.t("two-factor-continue")}</a></p>
                    }
                })
        }}
    }
}

/// The field for a code from the app or a recovery code.
#[component]
pub fn CodeField(locale: Locale) -> impl IntoView {
    view! {
        <label>
            {locale.t("two-factor-code")}
            <input type="text" name="code" autocomplete="one-time-code" maxlength="64" required />
        </label>
        <p class="muted">{locale.t("two-factor-code-hint")}</p>
    }
}
