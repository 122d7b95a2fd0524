//! Change requests on the pages: the order's requests with their answers (on
//! the order page, above the customer's form in `change_request`), the
//! house's inbox and decision page, and the factory's list of changes to
//! acknowledge.

use crate::components::data::load;
use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::components::errors::RecordMissing;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::changes::{
    AcknowledgeChange, AnswerChange, ChangeView, DecideChange, WithdrawChange, change_inbox,
    factory_changes, get_change,
};
use crate::api::orders::OrderDetail;
use crate::components::forms::{FieldMessage, FormMessage, latest_error, row_messages};
use crate::components::guard::AreaGuard;
use crate::components::guard::use_locale;
use crate::components::live::refresh_order_after;
use crate::components::live::use_live_tick;
use crate::components::local_time::LocalTime;
use crate::domain::change_request::{ChangeKind, ChangeStatus, ImpactNote};
use crate::domain::policy::Area;
use crate::i18n::Locale;

fn status_label(locale: Locale, status: ChangeStatus) -> String {
    locale.t(&format!("changes-status-{}", status.as_str()))
}

fn status_class(status: ChangeStatus) -> &'static str {
    match status {
        ChangeStatus::Open | ChangeStatus::Countered => "badge badge-warn",
        ChangeStatus::Approved | ChangeStatus::Accepted => "badge badge-ok",
        ChangeStatus::Rejected | ChangeStatus::Declined | ChangeStatus::Withdrawn => {
            "badge badge-muted"
        }
    }
}

/// The items of a request: what, from, to, and the house's counter value.
#[component]
fn ChangeItems(change: ChangeView) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let countered = change.items.iter().any(|i| i.counter.is_some());
    view! {
        <div class="table-scroll">
            <table class="change-items">
                <thead><tr>
                    <th>{locale.t("changes-col-change")}</th><th>{locale.t("changes-col-now")}</th>
                    <th>{locale.t("changes-col-asked")}</th>
                    {countered.then(|| view! { <th>{locale.t("changes-col-counter")}</th> })}
                </tr></thead>
                <tbody>
                    {change.items.iter().map(|i| view! {
                        <tr>
                            <td>{i.what.clone()}</td>
                            <td>{if i.before.is_empty() { "—".to_string() } else { i.before.clone() }}</td>
                            <td class="asked">{if i.after.is_empty() { "—".to_string() } else { i.after.clone() }}</td>
                            {countered.then(|| view! {
                                <td class="counter">{i.counter.clone().unwrap_or_else(|| locale.t("changes-as-asked"))}</td>
                            })}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The order's change requests, with withdraw / accept / decline for the
/// customer and a link to decide for the house. The customer's form to ask
/// for one follows, outside the live part of the page
/// (`change_request::ChangeRequestPanel`).
#[component]
pub fn OrderChanges(detail: OrderDetail) -> impl IntoView {
    let locale = use_locale().get_untracked();
    (!detail.changes.is_empty()).then(|| {
        view! {
            <section class="panel" id="change-requests">
                <h2>{locale.t("changes-title")}</h2>
                {(detail.revision > 0).then(|| view! {
                    <p class="muted" id="order-revision">{locale.t_with("changes-revision", &[("revision", detail.revision.into())])}</p>
                })}
                {detail.changes.iter().cloned().map(|change| view! {
                    <ChangeCard change=change />
                }).collect_view()}
            </section>
        }
    })
}

#[component]
fn ChangeCard(change: ChangeView) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let withdraw = FormAction::<WithdrawChange>::new();
    let answer = FormAction::<AnswerChange>::new();
    refresh_order_after(withdraw.value());
    refresh_order_after(answer.value());
    let withdraw_error = latest_error(withdraw.value());
    let answer_error = latest_error(answer.value());
    let id = change.id;
    view! {
        <article class="change-card" data-change=id.to_string() data-status=change.status.as_str()>
            <p>
                <strong>{format!("CR-{id}")}</strong>" · "
                <span class=status_class(change.status)>{status_label(locale, change.status)}</span>
                " · "{locale.t_with("changes-asked-by", &[("name", change.requested_by.clone().into())])}" · "
                <LocalTime at=change.created_at />
            </p>
            <ChangeItems change=change.clone() />
            {(!change.note.is_empty()).then(|| view! {
                <p>{locale.t_with("changes-note", &[("note", change.note.clone().into())])}</p>
            })}
            {change.answer.clone().filter(|a| !a.is_empty()).map(|a| view! {
                <p class="change-answer">{locale.t_with("changes-house-answer", &[("answer", a.into())])}</p>
            })}
            {change.can_decide.then(|| view! {
                <p><a href=format!("/staff/changes/{id}") class="button">{locale.t("changes-decide-link")}</a></p>
            })}
            {change.can_answer.then(|| view! {
                <div class="order-actions">
                    <PostForm action=answer attr:class="inline-form">
                        <input type="hidden" name="id" value=id.to_string() />
                        <input type="hidden" name="accept" value="true" />
                        <button type="submit" class="button" id="accept-counter">{locale.t("changes-accept-counter")}</button>
                    </PostForm>
                    <PostForm action=answer attr:class="inline-form">
                        <input type="hidden" name="id" value=id.to_string() />
                        <input type="hidden" name="accept" value="false" />
                        <button type="submit" class="button secondary" id="decline-counter">{locale.t("changes-decline")}</button>
                    </PostForm>
                </div>
                <FormMessage error=answer_error fields=&[] />
            })}
            {change.can_withdraw.then(|| view! {
                <PostForm action=withdraw attr:class="inline-form">
                    <input type="hidden" name="id" value=id.to_string() />
                    <button type="submit" class="link-button" id="withdraw-change">{locale.t("changes-withdraw")}</button>
                </PostForm>
                <FormMessage error=withdraw_error fields=&[] />
            })}
        </article>
    }
}

/// The house's inbox of requests waiting for it (oldest first), then those
/// waiting for a customer's answer.
#[component]
pub fn ChangeInboxPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let tick = use_live_tick(None);
    let inbox = load(move || tick.get(), |_| change_inbox());
    view! {
        <Title text=locale.t("changes-title") />
        <AreaGuard area=Some(Area::Staff)>
            <section class="panel">
                <h1>{locale.t("changes-title")}</h1>
                <Transition fallback=move || view! { <p class="muted">{locale.t("oversight-loading")}</p> }>
                    {move || Suspend::new(async move {
                        match inbox.await {
                            Ok(list) if list.is_empty() => view! { <p class="muted" id="inbox-empty">{locale.t("changes-inbox-empty")}</p> }.into_any(),
                            Ok(list) => view! {
                                <div class="table-scroll">
                                    <table id="change-inbox">
                                        <thead><tr>
                                            <th>{locale.t("changes-col-request")}</th><th>{locale.t("changes-col-order")}</th>
                                            <th>{locale.t("changes-col-customer")}</th><th>{locale.t("changes-col-waiting-for")}</th>
                                            <th>{locale.t("changes-col-age")}</th><th>{locale.t("changes-col-changes")}</th>
                                        </tr></thead>
                                        <tbody>
                                            {list.into_iter().map(|c| view! {
                                                <tr data-change=c.id.to_string()>
                                                    <td><A href=format!("/staff/changes/{}", c.id)>{format!("CR-{}", c.id)}</A></td>
                                                    <td>{c.order_number.clone()}</td>
                                                    <td>{c.customer_name.clone()}</td>
                                                    <td>{locale.t(if c.status == ChangeStatus::Open { "changes-waiting-us" } else { "changes-waiting-customer" })}</td>
                                                    <td>{locale.t_with("changes-age", &[("days", c.age_days.into())])}</td>
                                                    <td>{c.items.iter().map(|i| i.what.clone()).collect::<Vec<_>>().join(", ")}</td>
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
        </AreaGuard>
    }
}

/// One request for the house: the diff, its impact on the commitments and
/// the factories, conflicts with the order as it is now, and the decision.
#[component]
pub fn ChangeDecisionPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let id = crate::components::params::use_route_id();
    let decide = FormAction::<DecideChange>::new();
    let tick = use_live_tick(None);
    let change = load(
        move || (id(), tick.get(), decide.version().get()),
        |(id, _, _)| get_change(id),
    );
    view! {
        <Title text=locale.t("changes-request-title") />
        <AreaGuard area=Some(Area::Staff)>
            <p><A href="/staff/changes">{locale.t("changes-back")}</A></p>
            <Transition fallback=move || view! { <p class="muted">{locale.t("oversight-loading")}</p> }>
                {move || Suspend::new(async move {
                    match change.await {
                        Ok(c) => view! { <DecisionView change=c decide /> }.into_any(),
                        Err(e) => {
                            view! { <RecordMissing error=e heading="changes-not-found" /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </AreaGuard>
    }
}

#[component]
fn DecisionView(change: ChangeView, decide: FormAction<DecideChange>) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let id = change.id;
    let order_number = change.order_number.clone();
    let order_href = format!("/staff/orders/{}", change.order_id);
    view! {
        <section class="panel" data-change=id.to_string() data-status=change.status.as_str()>
            <h1>{locale.t_with("changes-request-heading", &[("number", format!("CR-{id}").into())])}</h1>
            <p>
                <span class=status_class(change.status) id="change-status">{status_label(locale, change.status)}</span>
                " · "{locale.t("changes-order")}" "<A href=order_href>{order_number}</A>
                " · "{change.customer_name.clone()}
                " · "{locale.t_with("changes-asked-by", &[("name", change.requested_by.clone().into())])}" · "
                <LocalTime at=change.created_at />
            </p>
            <ChangeItems change=change.clone() />
            {(!change.note.is_empty()).then(|| view! {
                <p>{locale.t_with("changes-customer-note", &[("note", change.note.clone().into())])}</p>
            })}
            {change.answer.clone().filter(|a| !a.is_empty()).map(|a| view! {
                <p>{locale.t_with("changes-our-answer", &[("answer", a.into())])}</p>
            })}
        </section>
        <ImpactPanel impact=change.impact.clone() factories=change.factories.clone() />
        <ConflictsPanel conflicts=change.conflicts.clone() />
        {change.can_decide.then(|| view! { <DecisionForm change=change.clone() decide /> })}
    }
}

/// What the change does to the commitments, and the factory lines it moves.
#[component]
fn ImpactPanel(impact: Vec<ImpactNote>, factories: Vec<String>) -> impl IntoView {
    let locale = use_locale().get_untracked();
    (!impact.is_empty() || !factories.is_empty()).then(|| view! {
        <section class="panel" id="change-impact">
            <h2>{locale.t("changes-impact")}</h2>
            <ul class="plain-list">
                {impact.iter().map(|n| view! {
                    <li class=match n.holds { Some(false) => "impact impact-bad", None => "impact impact-unknown", Some(true) => "impact" }>
                        {match n.line_no {
                            Some(l) => locale.t_with("progress-line-problem", &[("line", l.into()), ("problem", n.message.clone().into())]),
                            None => n.message.clone(),
                        }}
                    </li>
                }).collect_view()}
            </ul>
            {(!factories.is_empty()).then(|| view! {
                <p>{locale.t_with("changes-factories", &[("lines", factories.join("; ").into())])}</p>
            })}
        </section>
    })
}

#[component]
fn ConflictsPanel(conflicts: Vec<String>) -> impl IntoView {
    let locale = use_locale().get_untracked();
    (!conflicts.is_empty()).then(|| view! {
        <section class="panel" id="change-conflicts">
            <h2>{locale.t("changes-conflicts-title")}</h2>
            <ul class="plain-list">
                {conflicts.iter().map(|c| view! { <li class="form-error">{c.clone()}</li> }).collect_view()}
            </ul>
            <p class="muted">{locale.t("changes-conflicts-hint")}</p>
        </section>
    })
}

/// Approve, counter-propose (with a value per item) or reject, with a message.
#[component]
fn DecisionForm(change: ChangeView, decide: FormAction<DecideChange>) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let error = latest_error(decide.value());
    let id = change.id;
    view! {
        <section class="panel" id="decide-change">
            <h2>{locale.t("changes-decision")}</h2>
            <PostForm action=decide attr:class="stack-form" attr:id="decide-form">
                <input type="hidden" name="id" value=id.to_string() />
                <fieldset class="decision-choice">
                    <legend>{locale.t("changes-decide")}</legend>
                    <label class="checkbox"><input type="radio" name="decision" value="approve" checked=true />{locale.t("changes-approve")}</label>
                    <label class="checkbox"><input type="radio" name="decision" value="counter" />{locale.t("changes-counter")}</label>
                    <label class="checkbox"><input type="radio" name="decision" value="reject" />{locale.t("changes-reject")}</label>
                </fieldset>
                {change.items.iter().enumerate().map(|(i, item)| {
                    let price = change.needs_price.contains(&i);
                    let counterable = !matches!(item.kind, ChangeKind::CancelLine);
                    let kind = if item.kind == ChangeKind::RequestedDate { "date" } else { "text" };
                    view! {
                        <fieldset class="line-input">
                            <legend>{item.what.clone()}</legend>
                            <div class="inline-grid-form">
                                {counterable.then(|| view! {
                                    <label>
                                        {if item.kind == ChangeKind::AddLine {
                                            locale.t("changes-counter-quantity")
                                        } else {
                                            locale.t_with("changes-counter-value", &[("asked", item.after.clone().into())])
                                        }}
                                        <input type=kind name=format!("items[{i}][counter]") />
                                    </label>
                                })}
                                {price.then(|| view! {
                                    <label>{locale.t("changes-new-unit-price")} <input type="text" name=format!("items[{i}][unit_price]") inputmode="decimal" /></label>
                                    <label>{locale.t("changes-hs-code")} <input type="text" name=format!("items[{i}][hs_code]") /></label>
                                })}
                            </div>
                            {row_messages(error, "items", i, vec!["counter", "unit_price", "hs_code"])}
                        </fieldset>
                    }
                }).collect_view()}
                <label>{locale.t("changes-answer-label")} <textarea name="answer" rows="3"></textarea></label>
                <FieldMessage error field="answer" />
                <FieldMessage error field="items" />
                <FormMessage error fields=&["answer", "items"] />
                <button type="submit" class="button" id="send-decision">{locale.t("changes-send-decision")}</button>
            </PostForm>
        </section>
    }
}

/// The factory's changes to acknowledge, at the top of its area.
#[component]
pub fn FactoryChanges() -> impl IntoView {
    let locale = use_locale();
    let acknowledge = FormAction::<AcknowledgeChange>::new();
    let error = latest_error(acknowledge.value());
    let changes = load(
        move || acknowledge.version().get(),
        |_| factory_changes(false),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let list = changes.await.unwrap_or_default();
                (!list.is_empty()).then(|| view! {
                    <section class="factory-changes" id="factory-changes">
                        <h2>{move || locale.get().t("change-ack-title")}</h2>
                        <p class="muted">{move || locale.get().t("change-ack-intro")}</p>
                        {list.into_iter().map(|c| view! {
                            <article class="line-card" data-po-change=c.id.to_string()>
                                <p><strong>{move || locale.get().t_with("change-ack-line", &[
                                    ("po", c.po_number.clone().into()),
                                    ("line", c.line_no.into()),
                                    ("product", c.product_code.clone().into()),
                                ])}</strong></p>
                                <ul class="plain-list">
                                    {c.changes.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
                                </ul>
                                <PostForm action=acknowledge attr:class="inline-form">
                                    <input type="hidden" name="id" value=c.id.to_string() />
                                    <button type="submit" class="button" data-acknowledge=c.id.to_string()>
                                        {move || locale.get().t("change-ack-button")}
                                    </button>
                                </PostForm>
                            </article>
                        }).collect_view()}
                        <FormMessage error fields=&[] />
                    </section>
                })
            })}
        </Transition>
    }
}
