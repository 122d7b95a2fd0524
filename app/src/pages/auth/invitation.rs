use crate::components::data::load;
use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::auth::{AcceptInvitation, invitation_details};
use crate::components::forms::{FieldMessage, FormMessage, go_to, latest_error};
use crate::components::guard::use_locale;
use crate::components::password::PasswordHint;

#[component]
pub fn InvitationPage() -> impl IntoView {
    let token = move || use_params_map().read().get("token").unwrap_or_default();
    let details = load(token, invitation_details);
    let accept = FormAction::<AcceptInvitation>::new();
    let error = latest_error(accept.value());
    let (typed, set_typed) = signal(String::new());
    Effect::new(move |_| {
        if let Some(Ok(path)) = accept.value().get() {
            go_to(&path);
        }
    });
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("invite-title") />
        <section class="panel narrow">
            <h1>{locale.t("invite-welcome")}</h1>
            <Suspense fallback=move || view! { <p class="muted">{locale.t("invite-checking")}</p> }>
                {move || Suspend::new(async move {
                    match details.await {
                        Err(e) => view! {
                            <p class="form-error" id="invitation-error">{e.text(locale)}</p>
                        }.into_any(),
                        Ok(invite) => view! {
                            <p>
                                {locale.t("invite-as")} " "
                                <strong>{locale.t(&format!("account-role-{}", invite.role.as_str()))}</strong>
                                " " {locale.t("invite-of")} " " <strong>{invite.company_name.clone()}</strong>
                                " " {locale.t_with("invite-start", &[("email", invite.email.clone().into())])}
                            </p>
                            <PostForm action=accept attr:class="stack-form" attr:id="invitation-form">
                                <input type="hidden" name="token" prop:value=token />
                                <label>
                                    {locale.t("invite-name")}
                                    <input type="text" name="display_name" value=invite.display_name.clone() required />
                                </label>
                                <FieldMessage error field="display_name" />
                                <label>
                                    {locale.t("invite-password")}
                                    <input type="password" name="new_password" autocomplete="new-password" required minlength="12"
                                        on:input=move |ev| set_typed.set(event_target_value(&ev)) />
                                </label>
                                <PasswordHint typed />
                                <FieldMessage error field="new_password" />
                                <FormMessage error fields=&["display_name", "new_password"] />
                                <button type="submit" class="button">{locale.t("invite-submit")}</button>
                            </PostForm>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
