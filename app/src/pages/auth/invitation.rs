use crate::components::data::load;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::auth::{AcceptInvitation, invitation_details};
use crate::components::forms::{FieldMessage, FormMessage, go_to, latest_error};
use crate::components::password::PasswordHint;

#[component]
pub fn InvitationPage() -> impl IntoView {
    let token = move || use_params_map().read().get("token").unwrap_or_default();
    let details = load(token, invitation_details);
    let accept = ServerAction::<AcceptInvitation>::new();
    let error = latest_error(accept.value());
    let (typed, set_typed) = signal(String::new());
    Effect::new(move |_| {
        if let Some(Ok(path)) = accept.value().get() {
            go_to(&path);
        }
    });
    view! {
        <Title text="Accept invitation" />
        <section class="panel narrow">
            <h1>"Welcome to the Trade Portal"</h1>
            <Suspense fallback=|| view! { <p class="muted">"Checking your invitation…"</p> }>
                {move || Suspend::new(async move {
                    match details.await {
                        Err(e) => view! {
                            <p class="form-error" id="invitation-error">{e.to_string()}</p>
                        }.into_any(),
                        Ok(invite) => view! {
                            <p>
                                "You are invited as " <strong>{invite.role.label()}</strong>
                                " of " <strong>{invite.company_name.clone()}</strong>
                                " (" {invite.email.clone()} "). Choose your password to start."
                            </p>
                            <ActionForm action=accept attr:class="stack-form" attr:id="invitation-form">
                                <input type="hidden" name="token" prop:value=token />
                                <label>
                                    "Your name"
                                    <input type="text" name="display_name" value=invite.display_name.clone() required />
                                </label>
                                <FieldMessage error field="display_name" />
                                <label>
                                    "Password (at least 12 characters)"
                                    <input type="password" name="new_password" autocomplete="new-password" required minlength="12"
                                        on:input=move |ev| set_typed.set(event_target_value(&ev)) />
                                </label>
                                <PasswordHint typed />
                                <FieldMessage error field="new_password" />
                                <FormMessage error fields=&["display_name", "new_password"] />
                                <button type="submit" class="button">"Set password and sign in"</button>
                            </ActionForm>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
