//! The order confirmation, made for print: what the customer accepted, with
//! its lines, terms and payment schedule. The house and the customer open it
//! from the order page of an order made from a quotation.

use crate::components::data::load;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::orders::{ContractView, InstalmentView, OrderDetail, get_order};
use crate::components::guard::{AreaGuard, use_locale};
use crate::domain::policy::Area;
use crate::i18n::Locale;

#[component]
pub fn CustomerConfirmationPage() -> impl IntoView {
    view! {
        <AreaGuard area=Some(Area::Customer)>
            <ConfirmationPage />
        </AreaGuard>
    }
}

#[component]
pub fn StaffConfirmationPage() -> impl IntoView {
    view! {
        <AreaGuard area=Some(Area::Staff)>
            <ConfirmationPage />
        </AreaGuard>
    }
}

#[component]
fn ConfirmationPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let id = crate::components::params::use_route_id();
    let order = load(id, get_order);
    view! {
        <Title text=locale.t("confirmation-title") />
        <Transition fallback=move || view! { <p class="muted">{locale.t("quote-loading")}</p> }>
            {move || Suspend::new(async move {
                match order.await {
                    Ok(detail) => match detail.contract.clone() {
                        Some(contract) => view! { <Confirmation detail contract locale /> }.into_any(),
                        None => view! {
                            <p class="muted" id="no-contract">{locale.t("confirmation-none")}</p>
                        }.into_any(),
                    },
                    Err(e) => {
                        crate::components::errors::answer_with(&e);
                        view! { <p class="form-error">{e.text(locale)}</p> }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn Confirmation(detail: OrderDetail, contract: ContractView, locale: Locale) -> impl IntoView {
    let currency = detail.currency.clone();
    view! {
        <article class="panel confirmation" id="order-confirmation">
            <p class="no-print">
                <button type="button" class="button" id="print-confirmation" onclick="window.print()">
                    {locale.t("confirmation-print")}
                </button>
            </p>
            <h1>{locale.t("confirmation-title")} " " {detail.number.clone()}</h1>
            <dl class="facts">
                <dt>{locale.t("confirmation-customer")}</dt><dd>{detail.customer_name.clone()}</dd>
                <dt>{locale.t("confirmation-quotation")}</dt><dd>{contract.quotation.clone()}</dd>
                <dt>{locale.t("confirmation-accepted")}</dt><dd>{locale.date_or_dash(contract.accepted_on)}</dd>
                <dt>{locale.t("confirmation-ship-to")}</dt><dd>{detail.ship_to.clone()}</dd>
                <dt>{locale.t("confirmation-latest-shipment")}</dt><dd>{locale.date_or_dash(contract.latest_shipment)}</dd>
            </dl>
            <table id="confirmation-lines">
                <thead><tr>
                    <th>{locale.t("confirmation-col-line")}</th>
                    <th>{locale.t("confirmation-col-product")}</th>
                    <th>{locale.t("confirmation-col-quantity")}</th>
                    <th>{locale.t("confirmation-col-price")}</th>
                    <th>{locale.t("confirmation-col-committed")}</th>
                </tr></thead>
                <tbody>
                    {detail.lines.iter().map(|l| view! {
                        <tr>
                            <td>{l.line_no}</td>
                            <td>{format!("{} — {}", l.product_code, l.description)}</td>
                            <td>{format!("{} {}", l.quantity, l.unit)}</td>
                            <td>{locale.money(&l.unit_price, &currency)}</td>
                            <td>{locale.date_or_dash(l.committed)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="figure" id="confirmation-total">{locale.money(&detail.total, &detail.currency)}</p>
            <h2>{locale.t("confirmation-terms")}</h2>
            <ul id="confirmation-terms">
                {contract.terms.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
            </ul>
            <Schedule schedule=contract.schedule.clone() currency=detail.currency.clone() locale />
        </article>
    }
}

#[component]
fn Schedule(schedule: Vec<InstalmentView>, currency: String, locale: Locale) -> impl IntoView {
    view! {
        <h2>{locale.t("confirmation-schedule")}</h2>
        <table id="confirmation-schedule">
            <thead><tr>
                <th>{locale.t("confirmation-col-instalment")}</th>
                <th>{locale.t("confirmation-col-amount")}</th>
                <th>{locale.t("confirmation-col-due")}</th>
            </tr></thead>
            <tbody>
                {schedule.into_iter().map(|i| {
                    let due = match (i.due_date, i.due_event.as_deref()) {
                        (Some(day), _) => day.to_string(),
                        (None, Some(event)) => locale.t_with(
                            &format!("confirmation-due-{event}"),
                            &[("days", i.due_offset_days.into())],
                        ),
                        (None, None) => String::new(),
                    };
                    view! {
                        <tr data-kind=i.kind.clone()>
                            <td>{locale.t(&format!("confirmation-kind-{}", i.kind))}</td>
                            <td>{locale.money(&i.amount, &currency)}</td>
                            <td>{due}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
