use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::auth::{RequestPasswordReset, ResetPassword};
use crate::components::forms::{FieldMessage, FormMessage, latest_error};
use crate::components::password::PasswordHint;

#[component]
pub fn RequestResetPage() -> impl IntoView {
    let request = ServerAction::<RequestPasswordReset>::new();
    let error = latest_error(request.value());
    view! {
        <Title text="Reset password" />
        <section class="panel narrow">
            <h1>"Reset your password"</h1>
            <p>"Enter the e-mail address of your account. We will send you a link to choose a new password."</p>
            <ActionForm action=request attr:class="stack-form" attr:id="reset-request-form">
                <label>
                    "E-mail"
                    <input type="email" name="email" autocomplete="username" required />
                </label>
                <FieldMessage error field="email" />
                <FormMessage error fields=&["email"] />
                <button type="submit" class="button">"Send the link"</button>
            </ActionForm>
            {move || request.value().get().and_then(|r| r.ok()).map(|message| view! {
                <p class="notice" id="reset-requested">{message}</p>
            })}
        </section>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let token = move || use_params_map().read().get("token").unwrap_or_default();
    let reset = ServerAction::<ResetPassword>::new();
    let error = latest_error(reset.value());
    let (typed, set_typed) = signal(String::new());
    view! {
        <Title text="Choose a new password" />
        <section class="panel narrow">
            <h1>"Choose a new password"</h1>
            <Show
                when=move || matches!(reset.value().get(), Some(Ok(())))
                fallback=move || view! {
                    <ActionForm action=reset attr:class="stack-form" attr:id="reset-form">
                        <input type="hidden" name="token" prop:value=token />
                        <label>
                            "New password (at least 12 characters)"
                            <input type="password" name="new_password" autocomplete="new-password" required minlength="12"
                                on:input=move |ev| set_typed.set(event_target_value(&ev)) />
                        </label>
                        <PasswordHint typed />
                        <FieldMessage error field="new_password" />
                        <FormMessage error fields=&["new_password"] />
                        <button type="submit" class="button">"Save the new password"</button>
                    </ActionForm>
                }
            >
                <p class="notice" id="reset-done">
                    "Your password has been changed and every earlier session has ended. "
                    <A href="/login">"Sign in"</A>
                </p>
            </Show>
        </section>
    }
}
