//! "Where you are signed in" on the account page: every open session of the
//! person with its device, address, sign-in and last use, this browser's
//! marked; any other can be signed out, or all of them at once. A browser
//! signed out here finds itself signed out on its next page load.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::api::sessions::{EndOtherSessions, EndSession, SessionView, list_sessions};
use crate::components::data::load;
use crate::components::forms::{FormMessage, latest_error};
use crate::components::guard::use_locale;
use crate::components::local_time::LocalTime;
use crate::i18n::Locale;

#[component]
pub fn SessionsPanel() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let end = FormAction::<EndSession>::new();
    let end_others = FormAction::<EndOtherSessions>::new();
    let end_error = latest_error(end.value());
    let others_error = latest_error(end_others.value());
    let sessions = load(
        move || (end.version().get(), end_others.version().get()),
        |_| list_sessions(),
    );
    view! {
        <section class="panel narrow" id="sessions">
            <h2>{locale.t("sessions-title")}</h2>
            <p class="muted">{locale.t("sessions-hint")}</p>
            <Transition fallback=move || view! { <p class="muted">{locale.t("sessions-loading")}</p> }>
                {move || Suspend::new(async move {
                    match sessions.await {
                        Ok(list) => {
                            let others = list.iter().filter(|s| !s.current).count();
                            view! {
                                <ul class="session-list">
                                    {list
                                        .into_iter()
                                        .map(|session| view! { <SessionItem session end locale /> })
                                        .collect_view()}
                                </ul>
                                {(others > 0).then(|| view! {
                                    <PostForm action=end_others attr:class="inline-form" attr:id="end-other-sessions">
                                        <button type="submit" class="button secondary">
                                            {locale.t("sessions-end-others")}
                                        </button>
                                    </PostForm>
                                })}
                            }
                            .into_any()
                        }
                        Err(error) => view! { <p class="form-error">{error.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
            {move || end_others.value().get().and_then(|r| r.ok()).map(|count| view! {
                <p class="form-ok" role="status" id="other-sessions-ended">
                    {locale.t_with("sessions-others-ended", &[("count", count.into())])}
                </p>
            })}
            <FormMessage error=end_error fields=&[] />
            <FormMessage error=others_error fields=&[] />
        </section>
    }
}

/// One session: its device, where from, when; "this device" or a button
/// that signs it out.
#[component]
fn SessionItem(session: SessionView, end: FormAction<EndSession>, locale: Locale) -> impl IntoView {
    let id = session.id;
    let current = session.current;
    let device = session
        .device
        .unwrap_or_else(|| locale.t("sessions-unknown-device"));
    let address = session
        .client_addr
        .unwrap_or_else(|| locale.t("sessions-unknown-address"));
    let class = if current {
        "session current"
    } else {
        "session"
    };
    view! {
        <li class=class data-session=id.to_string()>
            <strong class="session-device">{device}</strong>
            {current.then(|| view! {
                " "
                <span class="badge badge-info" id="this-device">{locale.t("sessions-this-device")}</span>
            })}
            <dl class="facts">
                <dt>{locale.t("sessions-address")}</dt>
                <dd class="session-address">{address}</dd>
                <dt>{locale.t("sessions-signed-in")}</dt>
                <dd><LocalTime at=session.signed_in_at /></dd>
                <dt>{locale.t("sessions-last-used")}</dt>
                <dd><LocalTime at=session.last_used_at /></dd>
            </dl>
            {(!current).then(|| view! {
                <PostForm action=end attr:class="inline-form">
                    <input type="hidden" name="id" value=id.to_string() />
                    <button type="submit" class="link-button danger session-end">
                        {locale.t("sessions-end")}
                    </button>
                </PostForm>
            })}
        </li>
    }
}
