use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::auth::{RequestPasswordReset, ResetPassword};
use crate::components::forms::{FieldMessage, FormMessage, latest_error};
use crate::components::guard::use_locale;
use crate::components::password::PasswordHint;

#[component]
pub fn RequestResetPage() -> impl IntoView {
    let request = FormAction::<RequestPasswordReset>::new();
    let error = latest_error(request.value());
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("reset-title") />
        <section class="panel narrow">
            <h1>{locale.t("reset-heading")}</h1>
            <p>{locale.t("reset-intro")}</p>
            <PostForm action=request attr:class="stack-form" attr:id="reset-request-form">
                <label>
                    {locale.t("reset-email")}
                    <input type="email" name="email" autocomplete="username" required />
                </label>
                <FieldMessage error field="email" />
                <FormMessage error fields=&["email"] />
                <button type="submit" class="button">{locale.t("reset-send")}</button>
            </PostForm>
            {move || request.value().get().and_then(|r| r.ok()).map(|message| view! {
                <p class="notice" id="reset-requested">{message}</p>
            })}
        </section>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let token = move || use_params_map().read().get("token").unwrap_or_default();
    let reset = FormAction::<ResetPassword>::new();
    let error = latest_error(reset.value());
    let (typed, set_typed) = signal(String::new());
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("reset-new-title") />
        <section class="panel narrow">
            <h1>{locale.t("reset-new-title")}</h1>
            <Show
                when=move || matches!(reset.value().get(), Some(Ok(())))
                fallback=move || view! {
                    <PostForm action=reset attr:class="stack-form" attr:id="reset-form">
                        <input type="hidden" name="token" prop:value=token />
                        <label>
                            {locale.t("reset-new-password")}
                            <input type="password" name="new_password" autocomplete="new-password" required minlength="12"
                                on:input=move |ev| set_typed.set(event_target_value(&ev)) />
                        </label>
                        <PasswordHint typed />
                        <FieldMessage error field="new_password" />
                        <FormMessage error fields=&["new_password"] />
                        <button type="submit" class="button">{locale.t("reset-save")}</button>
                    </PostForm>
                }
            >
                <p class="notice" id="reset-done">
                    {locale.t("reset-done")} " "
                    <A href="/login">{locale.t("reset-sign-in")}</A>
                </p>
            </Show>
        </section>
    }
}
