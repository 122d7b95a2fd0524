//! The order's payment schedule (deposit, balance) with what is paid and
//! what is overdue, and for the house the form that records a payment,
//! matched to an instalment or to the schedule in order.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use super::Ctx;
use crate::api::order_desk::RecordPayment;
use crate::components::forms::{FieldMessage, FormMessage, StaleNotice, latest_error};
use crate::components::house_part::house_part;
use crate::components::live::refresh_order_after;
use crate::i18n::Locale;
use crate::wire::shipping::InstalmentView;

fn status_class(instalment: &InstalmentView) -> &'static str {
    if instalment.overdue_days.is_some() {
        "badge badge-late instalment-status"
    } else if instalment.paid == instalment.amount {
        "badge badge-ok instalment-status"
    } else {
        "badge badge-muted instalment-status"
    }
}

/// The due day, or the event it waits for.
fn due_text(instalment: &InstalmentView, locale: Locale) -> String {
    match (instalment.due, &instalment.due_event_key) {
        (Some(due), _) => locale.date_or_dash(Some(due)),
        (None, Some(event)) => locale.t(event),
        (None, None) => locale.date_or_dash(None),
    }
}

#[component]
pub(crate) fn Schedule(ctx: Ctx, schedule: Vec<InstalmentView>, currency: String) -> impl IntoView {
    let locale = ctx.locale;
    let pay = ctx.house && ctx.can_pay;
    if schedule.is_empty() && !pay {
        return ().into_any();
    }
    let headers = [
        "shipping-col-instalment",
        "shipping-col-amount",
        "shipping-col-due",
        "shipping-col-paid",
        "shipping-col-status",
    ];
    let choices: Vec<(i32, String)> = schedule
        .iter()
        .map(|i| {
            (
                i.id,
                format!(
                    "{} · {}",
                    locale.t(&i.kind_key),
                    locale.money(&i.amount, &currency)
                ),
            )
        })
        .collect();
    view! {
        <div class="shipping-part" id="payment-schedule">
            <h3>{locale.t("shipping-schedule")}</h3>
            {if schedule.is_empty() {
                view! { <p class="muted" id="no-schedule">{locale.t("shipping-schedule-none")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table id="schedule">
                            <thead><tr>
                                {headers.into_iter().map(|key| view! { <th>{locale.t(key)}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {schedule.iter().map(|i| {
                                    let status = match i.overdue_days {
                                        Some(days) => locale.t_with(&i.status_key, &[("days", days.into())]),
                                        None => locale.t(&i.status_key),
                                    };
                                    view! {
                                        <tr data-instalment=i.id.to_string() class:overdue=i.overdue_days.is_some()>
                                            <td>{locale.t(&i.kind_key)}</td>
                                            <td class="amount">{locale.money(&i.amount, &currency)}</td>
                                            <td class="due">{due_text(i, locale)}</td>
                                            <td class="paid">{locale.money(&i.paid, &currency)}</td>
                                            <td>
                                                <span class=status_class(i) data-status=i.status_key.clone()>{status}</span>
                                                {i.overdue_days.map(|days| view! {
                                                    <small class="overdue-days">
                                                        " " {locale.t_with("shipping-overdue-days", &[("days", days.into())])}
                                                    </small>
                                                })}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {house_part(pay, || view! { <PaymentForm ctx currency=currency.clone() choices=choices.clone() /> })}
        </div>
    }
    .into_any()
}

/// The payment form's action and whether the form is open, made once per
/// order page: the panel around the form is rebuilt whenever the order
/// changes (a live update, another form), and a form made afresh would lose
/// its answer (a refused amount's message) and close.
#[derive(Clone, Copy)]
pub struct PaymentFormState {
    pay: FormAction<RecordPayment>,
    open: RwSignal<bool>,
}

impl PaymentFormState {
    /// Makes the state and offers it to the forms below.
    pub fn provide() -> Self {
        let state = Self {
            pay: FormAction::new(),
            open: RwSignal::new(false),
        };
        refresh_order_after(state.pay.value());
        provide_context(state);
        state
    }
}

/// A payment received, in the order's currency; `choices` are the
/// instalments it may be matched to (id, text).
#[component]
fn PaymentForm(ctx: Ctx, currency: String, choices: Vec<(i32, String)>) -> impl IntoView {
    let locale = ctx.locale;
    let state = use_context::<PaymentFormState>().unwrap_or_else(PaymentFormState::provide);
    let pay = state.pay;
    let open = state.open;
    let error = latest_error(pay.value());
    let hold = ctx.hold("payment", 0);
    hold.clear_after(pay.value());
    let form = hold.form;
    // The form keeps whichever state it was last seen in: one opened before
    // the page woke (or before it heard the toggle) stays open, and one made
    // afresh opens if the one before it was open. Setting the state from the
    // remembered one alone would close a form the person had just opened.
    // A toggle heard late, from a form already replaced, opens this one.
    let details = NodeRef::<leptos::html::Details>::new();
    Effect::new(move |_| {
        let remembered = open.get();
        if let Some(element) = details.get() {
            if element.open() && !remembered {
                open.set(true);
            } else if remembered && !element.open() {
                element.set_open(true);
            }
        }
    });
    view! {
        <details
            node_ref=details
            class="house-form"
            id="record-payment"
            on:toggle=move |ev| {
                open.set(event_target::<leptos::web_sys::Element>(&ev).has_attribute("open"))
            }
            on:input=move |_| hold.typed()
            on:change=move |_| hold.typed()
        >
            <summary>{locale.t("shipping-record-payment")}</summary>
            <PostForm action=pay node_ref=form attr:class="stack-form" attr:id="payment-form">
                <input type="hidden" name="order_id" value=ctx.order_id.to_string() />
                <input type="hidden" name="version" value=ctx.version.to_string() />
                <div class="inline-grid-form">
                    <label>{locale.t("shipping-received-on")} <input type="date" name="received_on" /></label>
                    <label>
                        {format!("{} ({currency})", locale.t("shipping-amount"))}
                        <input type="text" inputmode="decimal" name="amount" />
                    </label>
                    <label>{locale.t("shipping-reference")} <input type="text" name="reference" /></label>
                    <label>
                        {locale.t("shipping-instalment")}
                        <select name="instalment_id">
                            <option value="">{locale.t("shipping-match-auto")}</option>
                            {choices.into_iter().map(|(id, text)| view! {
                                <option value=id.to_string()>{text}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </div>
                <FieldMessage error field="received_on" />
                <FieldMessage error field="amount" />
                <FieldMessage error field="reference" />
                <FieldMessage error field="instalment_id" />
                <FormMessage error fields=&["received_on", "amount", "reference", "instalment_id"] />
                <StaleNotice stale=hold.stale() />
                <button type="submit" class="button">{locale.t("shipping-pay-submit")}</button>
            </PostForm>
        </details>
    }
}
