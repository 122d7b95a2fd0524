use crate::components::data::load;
use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;
use leptos_meta::Title;

use super::sessions::SessionsPanel;
use super::time_zone::TimeZoneForm;
use crate::api::auth::ChangePassword;
use crate::components::forms::{FieldMessage, FormMessage, latest_error};
use crate::components::guard::{AreaGuard, use_locale, use_user};
use crate::components::password::PasswordHint;
use crate::pages::auth::two_factor::TwoFactorLink;

#[component]
pub fn AccountPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("account-title") />
        <AreaGuard area=None>
            <AccountDetails />
            <SessionsPanel />
        </AreaGuard>
    }
}

/// Which slippage alerts the person receives by e-mail.
#[component]
fn AlertChoicesForm() -> impl IntoView {
    use crate::api::alerts::{ChooseAlerts, alert_choices};
    let choose = FormAction::<ChooseAlerts>::new();
    let error = latest_error(choose.value());
    let choices = load(move || choose.version().get(), |_| alert_choices());
    let locale = use_locale().get_untracked();
    view! {
        <h2>{locale.t("alerts-title")}</h2>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                choices.await.ok().map(|c| view! {
                    <PostForm action=choose attr:class="stack-form" attr:id="alert-choices">
                        {c.offered.iter().enumerate().map(|(i, kind)| view! {
                            <label class="checkbox">
                                <input type="checkbox" name=format!("kinds[{i}]") value=kind.as_str() checked=c.chosen.contains(kind) />
                                {locale.t(&kind.label_key())}
                            </label>
                        }).collect_view()}
                        <label class="checkbox">
                            <input type="checkbox" name="digest" value="daily" checked=c.digest />
                            {locale.t("alerts-digest")}
                        </label>
                        <p class="muted">{locale.t("alerts-hint")}</p>
                        <FormMessage error fields=&[] />
                        {move || matches!(choose.value().get(), Some(Ok(()))).then(|| view! { <p class="form-ok" role="status">{locale.t("alerts-saved")}</p> })}
                        <button type="submit" class="button">{locale.t("alerts-save")}</button>
                    </PostForm>
                })
            })}
        </Transition>
    }
}

#[component]
fn AccountDetails() -> impl IntoView {
    let change = FormAction::<ChangePassword>::new();
    let error = latest_error(change.value());
    let (typed, set_typed) = signal(String::new());
    let locale = use_locale().get_untracked();
    view! {
        <section class="panel narrow">
            <h1>{locale.t("account-title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    use_user().await.ok().flatten().map(|user| view! {
                        <dl class="facts">
                            <dt>{locale.t("account-name")}</dt><dd>{user.display_name.clone()}</dd>
                            <dt>{locale.t("account-email")}</dt><dd>{user.email.clone()}</dd>
                            <dt>{locale.t("account-company")}</dt><dd>{user.company_name.clone()}</dd>
                            <dt>{locale.t("account-role")}</dt><dd>{locale.t(&format!("account-role-{}", user.role.as_str()))}</dd>
                        </dl>
                    })
                })}
            </Transition>
            <TimeZoneForm />
            <AlertChoicesForm />
            <TwoFactorLink />
            <h2>{locale.t("account-password-title")}</h2>
            <p class="muted">{locale.t("account-password-hint")}</p>
            <PostForm action=change attr:class="stack-form" attr:id="change-password-form">
                <label>
                    {locale.t("account-current-password")}
                    <input type="password" name="current_password" autocomplete="current-password" required />
                </label>
                <FieldMessage error field="current_password" />
                <label>
                    {locale.t("account-new-password")}
                    <input type="password" name="new_password" autocomplete="new-password" required minlength="12"
                        on:input=move |ev| set_typed.set(event_target_value(&ev)) />
                </label>
                <PasswordHint typed />
                <FieldMessage error field="new_password" />
                <FormMessage error fields=&["current_password", "new_password"] />
                <button type="submit" class="button">{locale.t("account-password-save")}</button>
            </PostForm>
            {move || matches!(change.value().get(), Some(Ok(()))).then(|| view! {
                <p class="notice" id="password-changed">{locale.t("account-password-changed")}</p>
            })}
        </section>
    }
}
