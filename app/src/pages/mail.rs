//! Staff page of mail that could not be delivered, with a retry button each.

use crate::components::data::load;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::mail::{RetryDeadLetter, dead_letters};
use crate::components::forms::{FormMessage, latest_error};
use crate::components::guard::AreaGuard;
use crate::components::local_time::LocalTime;
use crate::domain::policy::Area;

#[component]
pub fn DeadLettersPage() -> impl IntoView {
    view! {
        <Title text="Undelivered mail" />
        <AreaGuard area=Some(Area::Staff)>
            <DeadLetters />
        </AreaGuard>
    }
}

#[component]
fn DeadLetters() -> impl IntoView {
    let retry = ServerAction::<RetryDeadLetter>::new();
    let error = latest_error(retry.value());
    let letters = load(move || retry.version().get(), |_| dead_letters());
    view! {
        <section class="panel">
            <h1>"Undelivered mail"</h1>
            <p class="lead">"Alerts and invitations the mail server refused for good, or that ran out of retries. Fix the cause (an address, the server), then send them again."</p>
            <FormMessage error fields=&[] />
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match letters.await {
                        Ok(list) if list.is_empty() => view! { <p class="muted" id="no-dead-letters">"Every mail was delivered."</p> }.into_any(),
                        Ok(list) => view! {
                            <div class="table-scroll">
                                <table id="dead-letters">
                                    <thead><tr><th>"Queued"</th><th>"To"</th><th>"Subject"</th><th>"Attempts"</th><th>"Last error"</th><th></th></tr></thead>
                                    <tbody>
                                        {list.into_iter().map(|d| view! {
                                            <tr>
                                                <td><LocalTime at=d.created_at /></td>
                                                <td>{d.recipient}</td>
                                                <td>{d.subject}</td>
                                                <td>{d.attempts}</td>
                                                <td><small>{d.last_error.unwrap_or_default()}</small></td>
                                                <td>
                                                    <ActionForm action=retry attr:class="inline-form">
                                                        <input type="hidden" name="id" value=d.id />
                                                        <button type="submit" class="button secondary">"Send again"</button>
                                                    </ActionForm>
                                                </td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any(),
                        Err(e) => view! { <p class="form-error">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
