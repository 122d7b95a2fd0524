//! Staff page of mail that could not be delivered, with a retry button each.

use crate::components::data::load;
use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::mail::{RetryDeadLetter, dead_letters};
use crate::components::forms::{FormMessage, latest_error};
use crate::components::guard::{AreaGuard, use_locale};
use crate::components::local_time::LocalTime;
use crate::domain::policy::Area;

#[component]
pub fn DeadLettersPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("mail-dead-title") />
        <AreaGuard area=Some(Area::Staff)>
            <DeadLetters />
        </AreaGuard>
    }
}

#[component]
fn DeadLetters() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let retry = FormAction::<RetryDeadLetter>::new();
    let error = latest_error(retry.value());
    let letters = load(move || retry.version().get(), |_| dead_letters());
    view! {
        <section class="panel">
            <h1>{locale.t("mail-dead-title")}</h1>
            <p class="lead">{locale.t("mail-dead-intro")}</p>
            <FormMessage error fields=&[] />
            <Transition fallback=move || view! { <p class="muted">{locale.t("oversight-loading")}</p> }>
                {move || Suspend::new(async move {
                    match letters.await {
                        Ok(list) if list.is_empty() => view! { <p class="muted" id="no-dead-letters">{locale.t("mail-dead-none")}</p> }.into_any(),
                        Ok(list) => view! {
                            <div class="table-scroll">
                                <table id="dead-letters">
                                    <thead><tr>
                                        <th>{locale.t("mail-col-queued")}</th><th>{locale.t("mail-col-to")}</th>
                                        <th>{locale.t("mail-col-subject")}</th><th>{locale.t("mail-col-attempts")}</th>
                                        <th>{locale.t("mail-col-last-error")}</th><th></th>
                                    </tr></thead>
                                    <tbody>
                                        {list.into_iter().map(|d| view! {
                                            <tr>
                                                <td><LocalTime at=d.created_at /></td>
                                                <td>{d.recipient}</td>
                                                <td>{d.subject}</td>
                                                <td>{d.attempts}</td>
                                                <td><small>{d.last_error.unwrap_or_default()}</small></td>
                                                <td>
                                                    <PostForm action=retry attr:class="inline-form">
                                                        <input type="hidden" name="id" value=d.id />
                                                        <button type="submit" class="button secondary">{locale.t("mail-send-again")}</button>
                                                    </PostForm>
                                                </td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any(),
                        Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
