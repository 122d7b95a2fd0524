//! Two-factor sign-in on the account (`/account/two-factor`): turn it on
//! (a secret for the authenticator app, confirmed with a first code, then
//! recovery codes shown once), get new recovery codes, turn it off. And the
//! house's rule on the admin page (`#two-factor-rule`).
//!
//! The secret is shown as text (Base32, and the `otpauth://` address that
//! apps read) rather than as a QR image: every authenticator app takes it
//! typed or pasted, and the portal needs no image library for it.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::two_factor::{
    ConfirmTwoFactor, DisableTwoFactor, NewRecoveryCodes, SetTwoFactorHouseRule, StartTwoFactor,
    TwoFactorSetup, TwoFactorStatus, house_two_factor_rule, my_two_factor,
};
use crate::components::data::load;
use crate::components::forms::{FieldMessage, FormMessage, latest_error};
use crate::components::guard::{AreaGuard, use_locale};
use crate::i18n::Locale;
use crate::pages::auth::two_factor_sign_in::CodeField;

#[component]
pub fn TwoFactorPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("two-factor-title") />
        <AreaGuard area=None>
            <TwoFactorPanel />
        </AreaGuard>
    }
}

/// The link from the account page.
#[component]
pub fn TwoFactorLink() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <h2>{locale.t("two-factor-title")}</h2>
        <p class="muted">{locale.t("two-factor-link-hint")}</p>
        <p><a href="/account/two-factor" id="two-factor-link">{locale.t("two-factor-manage")}</a></p>
    }
}

/// The secret to add to an authenticator app.
#[component]
pub fn SetupDetails(setup: TwoFactorSetup, locale: Locale) -> impl IntoView {
    // Groups of four are easier to type; apps ignore the spaces.
    let grouped = setup
        .secret
        .as_bytes()
        .chunks(4)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let url = setup.otpauth_url.clone();
    view! {
        <div class="two-factor-setup" id="two-factor-setup">
            <p>{locale.t("two-factor-setup-hint")}</p>
            <p>
                {locale.t("two-factor-secret")} " "
                <code id="two-factor-secret" data-secret=setup.secret>{grouped}</code>
            </p>
            <p class="muted">
                {locale.t("two-factor-url")} " "
                <a href=url id="two-factor-url">{setup.otpauth_url}</a>
            </p>
        </div>
    }
}

/// Recovery codes, shown once.
#[component]
pub fn RecoveryCodeList(codes: Vec<String>, locale: Locale) -> impl IntoView {
    view! {
        <div class="notice" id="recovery-codes">
            <p><strong>{locale.t("two-factor-codes-title")}</strong></p>
            <p>{locale.t("two-factor-codes-hint")}</p>
            <ol class="recovery-codes">
                {codes.into_iter().map(|code| view! { <li><code>{code}</code></li> }).collect_view()}
            </ol>
        </div>
    }
}

/// The page's panel, as an island: links are plain anchors.
#[cfg_attr(account_islands, island)]
#[cfg_attr(not(account_islands), component)]
fn TwoFactorPanel() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let start = FormAction::<StartTwoFactor>::new();
    let confirm = FormAction::<ConfirmTwoFactor>::new();
    let disable = FormAction::<DisableTwoFactor>::new();
    let renew = FormAction::<NewRecoveryCodes>::new();
    let status = load(
        move || {
            (
                confirm.version().get(),
                disable.version().get(),
                renew.version().get(),
            )
        },
        |_| my_two_factor(),
    );
    // A secret shown once is done with when it is confirmed or when
    // two-factor sign-in is turned off; so are codes shown earlier.
    Effect::new(move |_| {
        if matches!(confirm.value().get(), Some(Ok(_))) {
            start.clear();
        }
    });
    Effect::new(move |_| {
        if matches!(disable.value().get(), Some(Ok(()))) {
            start.clear();
            confirm.clear();
            renew.clear();
        }
    });
    let shown_codes = move || {
        renew
            .value()
            .get()
            .or_else(|| confirm.value().get())
            .and_then(|r| r.ok())
            .map(|fresh| view! { <RecoveryCodeList codes=fresh.codes locale /> })
    };
    view! {
        <section class="panel narrow" id="two-factor">
            <h1>{locale.t("two-factor-title")}</h1>
            <p>{locale.t("two-factor-intro")}</p>
            {shown_codes}
            <Transition fallback=move || view! { <p class="muted">{locale.t("two-factor-loading")}</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Ok(now) if now.enabled => view! { <WhenOn now locale disable renew /> }.into_any(),
                        Ok(now) => view! { <WhenOff now locale start confirm /> }.into_any(),
                        Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <p><a href="/account">{locale.t("two-factor-back")}</a></p>
        </section>
    }
}

/// Off: set it up, then confirm with a code.
#[component]
fn WhenOff(
    now: TwoFactorStatus,
    locale: Locale,
    start: FormAction<StartTwoFactor>,
    confirm: FormAction<ConfirmTwoFactor>,
) -> impl IntoView {
    let start_error = latest_error(start.value());
    let confirm_error = latest_error(confirm.value());
    let setup = move || start.value().get().and_then(|r| r.ok());
    view! {
        <p id="two-factor-state" data-enabled="false">{locale.t("two-factor-off")}</p>
        {now.required.then(|| view! { <p class="notice">{locale.t("two-factor-required-note")}</p> })}
        {move || match setup() {
            None => view! {
                <PostForm action=start attr:class="stack-form" attr:id="two-factor-start-form">
                    <FormMessage error=start_error fields=&[] />
                    <button type="submit" class="button" id="two-factor-start">{locale.t("two-factor-start")}</button>
                </PostForm>
            }
            .into_any(),
            Some(setup) => view! {
                <SetupDetails setup locale />
                <PostForm action=confirm attr:class="stack-form" attr:id="two-factor-confirm-form">
                    <label>
                        {locale.t("two-factor-first-code")}
                        <input type="text" name="code" autocomplete="one-time-code" maxlength="64" required />
                    </label>
                    <FieldMessage error=confirm_error field="code" />
                    <FormMessage error=confirm_error fields=&["code"] />
                    <button type="submit" class="button" id="two-factor-confirm">{locale.t("two-factor-confirm")}</button>
                </PostForm>
            }
            .into_any(),
        }}
    }
}

/// On: new recovery codes, or turn it off (unless the house requires it).
#[component]
fn WhenOn(
    now: TwoFactorStatus,
    locale: Locale,
    disable: FormAction<DisableTwoFactor>,
    renew: FormAction<NewRecoveryCodes>,
) -> impl IntoView {
    let renew_error = latest_error(renew.value());
    let disable_error = latest_error(disable.value());
    let left = i64::try_from(now.recovery_codes_left).unwrap_or(i64::MAX);
    view! {
        <p id="two-factor-state" data-enabled="true">{locale.t("two-factor-on")}</p>
        <p class="muted" id="recovery-codes-left">
            {locale.t_with("two-factor-codes-left", &[("count", left.into())])}
        </p>
        <h2>{locale.t("two-factor-new-codes")}</h2>
        <PostForm action=renew attr:class="stack-form" attr:id="recovery-codes-form">
            <CodeField locale />
            <FieldMessage error=renew_error field="code" />
            <FormMessage error=renew_error fields=&["code"] />
            <button type="submit" class="button">{locale.t("two-factor-new-codes")}</button>
        </PostForm>
        <h2>{locale.t("two-factor-turn-off")}</h2>
        {if now.required {
            view! { <p class="notice" id="two-factor-required">{locale.t("two-factor-required-note")}</p> }.into_any()
        } else {
            view! {
                <PostForm action=disable attr:class="stack-form" attr:id="two-factor-disable-form">
                    <label>
                        {locale.t("two-factor-password")}
                        <input type="password" name="password" autocomplete="current-password" required />
                    </label>
                    <FieldMessage error=disable_error field="password" />
                    <CodeField locale />
                    <FieldMessage error=disable_error field="code" />
                    <FormMessage error=disable_error fields=&["password", "code"] />
                    <button type="submit" class="button danger">{locale.t("two-factor-turn-off")}</button>
                </PostForm>
            }
            .into_any()
        }}
    }
}

/// The house's rule on the admin page: require two-factor sign-in of the
/// house's staff and admins.
#[component]
pub fn TwoFactorRulePanel() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let save = FormAction::<SetTwoFactorHouseRule>::new();
    let rule = load(move || save.version().get(), |_| house_two_factor_rule());
    let error = latest_error(save.value());
    view! {
        <section class="panel" id="two-factor-rule">
            <h2>{locale.t("two-factor-rule-title")}</h2>
            <p class="definition">{locale.t("two-factor-rule-intro")}</p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    rule.await.ok().map(|rule| view! {
                        <PostForm action=save attr:class="stack-form" attr:id="two-factor-rule-form">
                            <label class="checkbox">
                                <input type="checkbox" name="required" value="on" checked=rule.required />
                                {locale.t("two-factor-rule-required")}
                            </label>
                            {rule.can_edit.then(|| view! {
                                <button type="submit" class="button" id="save-two-factor-rule">{locale.t("two-factor-rule-save")}</button>
                            })}
                        </PostForm>
                    })
                })}
            </Transition>
            <FieldMessage error field="required" />
            <FormMessage error fields=&["required"] />
            {move || matches!(save.value().get(), Some(Ok(_))).then(|| view! {
                <p class="form-ok" role="status" id="two-factor-rule-saved">{locale.t("two-factor-rule-saved")}</p>
            })}
        </section>
    }
}
