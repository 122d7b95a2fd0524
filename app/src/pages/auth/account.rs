use crate::components::data::load;
use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;
use leptos_meta::Title;

use super::sessions::SessionsPanel;
use super::time_zone::TimeZoneForm;
use crate::api::auth::ChangePassword;
use crate::components::forms::{FieldMessage, FormMessage, latest_error};
use crate::components::guard::{AreaGuard, use_locale, use_user};
use crate::components::local_time::viewer_zone;
use crate::components::password::PasswordHint;
use crate::pages::auth::two_factor::TwoFactorLink;

#[component]
pub fn AccountPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("account-title") />
        <AreaGuard area=None>
            <AccountDetails />
            <Sessions />
        </AreaGuard>
    }
}

/// Where the person is signed in, as an island.
#[cfg_attr(account_islands, island)]
#[cfg_attr(not(account_islands), component)]
fn Sessions() -> impl IntoView {
    view! { <SessionsPanel /> }
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

/// Who the person is, as the server wrote it, then their settings.
#[component]
fn AccountDetails() -> impl IntoView {
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
            <AccountForms zone=viewer_zone() zones=zone_choices() />
        </section>
    }
}

/// The zones a person may choose. The account pages' own bundle has no
/// need of them, nor of the zone names behind them: there the settings are
/// an island, which is handed them in its props by the server.
fn zone_choices() -> Vec<String> {
    #[cfg(not(feature = "account-islands-only"))]
    {
        crate::domain::time_zone::choices()
            .into_iter()
            .map(str::to_string)
            .collect()
    }
    #[cfg(feature = "account-islands-only")]
    {
        Vec::new()
    }
}

/// The person's settings, as an island: the time zone (`zone`, the one
/// they read times in now, and `zones`, those they may choose), alerts,
/// two-factor sign-in and password.
#[cfg_attr(account_islands, island)]
#[cfg_attr(not(account_islands), component)]
fn AccountForms(zone: String, zones: Vec<String>) -> impl IntoView {
    let change = FormAction::<ChangePassword>::new();
    let error = latest_error(change.value());
    let (typed, set_typed) = signal(String::new());
    let locale = use_locale().get_untracked();
    view! {
            <TimeZoneForm current=zone choices=zones />
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
    }
}
