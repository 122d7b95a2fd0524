//! One sales order with its lines, the three dates, the timeline and, for
//! those who may, the next status steps; it updates live. What only shows
//! is in parts the customer's browser leaves to the server
//! (`components::server_parts`); the forms beside them stay in its hands.
//! The list of orders is in `order_list`.

use crate::components::data::load;
use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::components::errors::RecordMissing;
use leptos_meta::Title;

use crate::api::messages::get_messages;
use crate::api::orders::{
    EventView, LineView, MoveOrderStatus, OrderDetail, ProductionNote, get_order, order_customers,
};
use crate::components::forms::{FormMessage, HeardVersion, latest_error};
use crate::components::guard::{AreaGuard, use_locale};
use crate::components::house_part::house_part;
use crate::components::later::later;
use crate::components::live::{OrderRefresh, refresh_order_after, use_live_tick};
use crate::components::local_time::LocalTime;
use crate::components::messages::{MessageThread, thread_data};
use crate::components::server_parts::{provide_server_parts, server_part};
use crate::components::stage_timeline::StageTimeline;
use crate::domain::dates::LineBadge;
use crate::domain::messages::ThreadKind;
use crate::domain::order_status::OrderStatus;
use crate::domain::policy::Area;
use crate::domain::progress::Milestone;
use crate::i18n::Locale;
use crate::pages::change_request::{ChangeRequestPanel, change_form_data};
use crate::pages::changes::OrderChanges;
use crate::pages::order_desk::{OrderDesk, desk_data};
use crate::pages::shipping::{PaymentFormState, ShippingPanel, provide_shipping};
use crate::pages::timeline::NewestEntries;

pub(crate) fn badge_class(badge: LineBadge) -> &'static str {
    match badge {
        LineBadge::Unconfirmed => "badge badge-muted",
        LineBadge::OnTrack => "badge badge-ok",
        LineBadge::AtRisk => "badge badge-warn",
        LineBadge::Late => "badge badge-late",
    }
}

/// The order's status in the reader's language.
pub(crate) fn status_text(locale: Locale, status: OrderStatus) -> String {
    locale.t(&format!("order-status-{}", status.as_str()))
}

/// A line's delivery badge in the reader's language.
pub(crate) fn badge_text(locale: Locale, badge: LineBadge) -> String {
    locale.t(match badge {
        LineBadge::Unconfirmed => "order-badge-unconfirmed",
        LineBadge::OnTrack => "order-badge-on-track",
        LineBadge::AtRisk => "order-badge-at-risk",
        LineBadge::Late => "order-badge-late",
    })
}

fn milestone_text(locale: Locale, milestone: Milestone) -> String {
    locale.t(&format!("milestone-{}", milestone.as_str()))
}

#[component]
pub fn CustomerOrderPage() -> impl IntoView {
    let id = crate::components::params::use_route_id();
    view! {
        <AreaGuard area=Some(Area::Customer)>
            // Anew for each order the route names.
            {move || view! { <CustomerOrder id=id() /> }}
        </AreaGuard>
    }
}

/// The customer's page of one of its orders, as an island.
#[cfg_attr(order_islands, island)]
#[cfg_attr(not(order_islands), component)]
fn CustomerOrder(id: i32) -> impl IntoView {
    view! { <OrderPage id=move || id back="/customer" customer=true /> }
}

#[component]
pub fn StaffOrderPage() -> impl IntoView {
    let id = crate::components::params::use_route_id();
    view! {
        <AreaGuard area=Some(Area::Staff)>
            <OrderPage id back="/staff/orders" />
        </AreaGuard>
    }
}

#[component]
fn OrderPage(
    id: impl Fn() -> i32 + Copy + Send + Sync + 'static,
    back: &'static str,
    /// The customer's own view: it may file a complaint once the order shipped.
    #[prop(optional)]
    customer: bool,
) -> impl IntoView {
    // The stream is opened once, for the order the page was opened on.
    let tick = use_live_tick(Some(untrack(id)));
    // The viewer's own changes show at once, stream or no stream.
    let refresh = RwSignal::new(0u64);
    provide_context(OrderRefresh(refresh));
    // Made here rather than in its button: the button is rebuilt whenever the
    // order is fetched again (as when the live stream opens), and a click
    // made just before must still refresh the page once it is answered.
    let mute = FormAction::<crate::api::alerts::MuteOrder>::new();
    Effect::new(move |_| {
        if matches!(mute.value().get(), Some(Ok(_))) {
            refresh.update(|n| *n += 1);
        }
    });
    provide_context(mute);
    let order = load(
        move || (id(), tick.get(), refresh.get()),
        |(id, _, _)| get_order(id),
    );
    // The order's version as last loaded, for the forms that keep what is
    // typed while the order moves on.
    let heard = RwSignal::new(None::<i32>);
    provide_context(HeardVersion(heard));
    Effect::new(move |_| {
        if let Some(Ok(now)) = order.get() {
            heard.set(Some(now.version));
        }
    });
    // The read-only parts, where the server renders them, come anew on the
    // same tick and refresh.
    provide_server_parts(move || {
        tick.track();
        refresh.track();
    });
    PaymentFormState::provide();
    // The order's conversation with the customer, on the same tick; shown
    // below the order, outside the closure that renders it, so a refresh
    // never loses what is being typed.
    let thread = thread_data(id, Some(tick), |id| {
        get_messages(ThreadKind::Order.as_str().to_string(), id)
    });
    // The customer's change form has its own copy of the order, the one it
    // started from, and sits between the two parts that refresh, so a live
    // update never rebuilds it (see `change_request`).
    let ask = customer.then(|| change_form_data(id));
    // The house's desk has its own copy of the order too, which holds still
    // while one of its forms holds input (see `order_desk`).
    let desk = house_part(!customer, || desk_data(id, tick, refresh, order));
    let locale = use_locale().get_untracked();
    let order_id = untrack(id);
    view! {
        <p><a href=back>{locale.t("order-back")}</a></p>
        <Transition fallback=move || view! { <p class="muted">{locale.t("order-loading")}</p> }>
            {move || Suspend::new(async move {
                match order.await {
                    Ok(detail) => later(move || view! { <OrderDetailView detail customer /> }).into_any(),
                    Err(e) => {
                        view! { <RecordMissing error=e heading="order-not-found" /> }.into_any()
                    }
                }
            })}
        </Transition>
        // Between the parts the order's updates re-render, so they never
        // rebuild it: the panel loads its own data, and holds still while
        // one of its forms holds input.
        {server_part("order-shipping", move || {
            // Loaded on the same tick and refresh, where the panel is
            // rendered: a browser that leaves the panel to the server has
            // no use for its data. Made as the page's view is (not in a
            // closure rendering walks again), and after every other
            // resource of the page, so those keep their places in the page
            // data whether or not this one is made.
            provide_shipping(move || order_id, tick, refresh);
            view! { <ShippingPanel order_id /> }
        })}
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                order.await.ok().map(|detail| later(move || view! { <OrderAccounts detail /> }))
            })}
        </Transition>
        {ask.map(|data| view! { <ChangeRequestPanel data live=order /> })}
        {desk.map(|data| view! { <OrderDesk data /> })}
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                order.await.ok().map(|detail| later(move || server_part("order-timeline", move || view! {
                    <OrderTimeline events=detail.events />
                })))
            })}
        </Transition>
        <MessageThread data=thread kind=ThreadKind::Order house=!customer live=true />
    }
}

#[component]
fn OrderDetailView(detail: OrderDetail, customer: bool) -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <OrderHeader detail=detail.clone() customer />
        {server_part("order-lines", move || {
            let value = locale.money(&detail.total, &detail.currency);
            view! {
                <LinesPanel lines=detail.lines currency=detail.currency />
                <p class="order-total">{locale.t_with("order-value", &[("amount", value.into())])}</p>
            }
        })}
    }
}

/// What follows the shipping panel: payments, production and changes.
#[component]
fn OrderAccounts(detail: OrderDetail) -> impl IntoView {
    let changes = detail.clone();
    view! {
        {server_part("order-accounts", move || view! {
            <PaymentsPanel detail=detail.clone() />
            <ProductionPanel production=detail.production more=detail.more_production />
        })}
        <OrderChanges detail=changes />
    }
}

/// The order's heading panel: status, stage, next steps, alerts and terms.
#[component]
fn OrderHeader(detail: OrderDetail, customer: bool) -> impl IntoView {
    let current = (detail.status != OrderStatus::Cancelled).then_some(detail.status);
    // A complaint is about goods the customer has: once the order shipped.
    let shipped = matches!(
        detail.status,
        OrderStatus::Shipped | OrderStatus::Arrived | OrderStatus::Settled
    );
    let complaint_href =
        (customer && shipped).then(|| format!("/customer/complaints?order={}", detail.id));
    let locale = use_locale().get_untracked();
    let complaint_text = locale.t("order-file-complaint");
    let (number, status) = (detail.number.clone(), detail.status);
    view! {
        <section class="panel" data-order-id=detail.id.to_string()>
            {server_part("order-status", move || view! {
                <Title text=number.clone() />
                <h1>{locale.t_with("order-heading", &[("number", number.into())])}</h1>
                <p class="order-status-line">
                    {locale.t("order-status-label")} " " <strong id="order-status">{status_text(locale, status)}</strong>
                </p>
                <StageTimeline current=current />
            })}
            <StatusActions id=detail.id version=detail.version next_statuses=detail.next_statuses.clone() />
            <MuteButton id=detail.id muted=detail.muted />
            {server_part("order-facts", move || view! {
                <dl class="facts">
                    <dt>{locale.t("order-fact-customer")}</dt><dd>{detail.customer_name.clone()}</dd>
                    <dt>{locale.t("order-fact-incoterm")}</dt><dd>{detail.incoterm.clone()}</dd>
                    <dt>{locale.t("order-fact-payment")}</dt><dd>{detail.payment_terms.clone()}</dd>
                    <dt>{locale.t("order-fact-ship-to")}</dt><dd>{detail.ship_to.clone()}</dd>
                    {detail.margin.clone().map(|m| view! { <dt>{locale.t("order-fact-margin")}</dt><dd id="order-margin">{m}</dd> })}
                </dl>
                {detail.contract.as_ref().map(|c| {
                    let path = crate::components::islands::page_path();
                    view! {
                        <p><a href=format!("{path}/confirmation") id="confirmation-link">
                            {locale.t_with("order-confirmation-link", &[("number", c.quotation.clone().into())])}
                        </a></p>
                    }
                })}
                {complaint_href.map(|href| view! {
                    <p><a href=href id="file-complaint" class="button secondary">{complaint_text}</a></p>
                })}
            })}
        </section>
    }
}

/// One button per status the viewer may move the order to, if any.
#[component]
fn StatusActions(id: i32, version: i32, next_statuses: Vec<OrderStatus>) -> impl IntoView {
    let move_action = FormAction::<MoveOrderStatus>::new();
    refresh_order_after(move_action.value());
    let error = latest_error(move_action.value());
    let locale = use_locale().get_untracked();
    (!next_statuses.is_empty()).then(move || {
        view! {
            <div class="order-actions">
                {next_statuses.into_iter().map(|to| view! {
                    <PostForm action=move_action attr:class="inline-form">
                        <input type="hidden" name="id" value=id.to_string() />
                        <input type="hidden" name="version" value=version.to_string() />
                        <input type="hidden" name="to" value=to.as_str() />
                        <button type="submit" class="button secondary" data-move-to=to.as_str()>
                            {locale.t_with("order-move-to", &[("status", status_text(locale, to).into())])}
                        </button>
                    </PostForm>
                }).collect_view()}
                <FormMessage error fields=&[] />
            </div>
        }
    })
}

#[component]
fn LinesPanel(lines: Vec<LineView>, currency: String) -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <section class="panel">
            <h2>{locale.t("order-lines")}</h2>
            <div class="table-scroll">
                <table class="lines-table">
                    <thead>
                        <tr>
                            <th>"#"</th><th>{locale.t("order-col-product")}</th><th>{locale.t("order-col-qty")}</th>
                            <th>{locale.t_with("order-col-unit-price", &[("currency", currency.clone().into())])}</th>
                            <th>{locale.t("order-col-requested")}</th><th>{locale.t("order-col-committed")}</th><th>{locale.t("order-col-forecast")}</th><th></th><th>{locale.t("order-col-production")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {lines.iter().map(|l| view! {
                            <tr data-line=l.line_no.to_string()>
                                <td>{l.line_no}</td>
                                <td><strong>{l.product_code.clone()}</strong><br /><small>{l.description.clone()}" · HS "{l.hs_code.clone()}</small></td>
                                <td>{format!("{} {}", l.quantity, l.unit)}</td>
                                <td>{l.unit_price.clone()}</td>
                                <td>{locale.date_or_dash(Some(l.requested))}</td>
                                <td class="committed">{locale.date_or_dash(l.committed)}</td>
                                <td class="forecast">{locale.date_or_dash(l.forecast)}</td>
                                <td>
                                    <span class=badge_class(l.badge)>{badge_text(locale, l.badge)}</span>
                                    {(l.slip_days > 0).then(|| view! {
                                        <small>{format!(" {}", locale.t_with("order-slip-days", &[("days", l.slip_days.into())]))}</small>
                                    })}
                                </td>
                                <td class="milestone">{l.milestone.map(|m| milestone_text(locale, m)).unwrap_or_else(|| "—".to_string())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn PaymentsPanel(detail: OrderDetail) -> impl IntoView {
    let locale = use_locale().get_untracked();
    (!detail.payments.is_empty()).then(|| {
        let currency = detail.currency.clone();
        let paid = locale.t_with(
            "order-paid",
            &[
                ("paid", locale.number(&detail.paid).into()),
                ("total", locale.number(&detail.total).into()),
                ("currency", currency.clone().into()),
            ],
        );
        let outstanding = locale.t_with(
            "order-outstanding",
            &[(
                "amount",
                locale.money(&detail.outstanding, &currency).into(),
            )],
        );
        view! {
        <section class="panel" id="payments">
            <h2>{locale.t("order-payment")}</h2>
            <ul class="plain-list">
                {detail.payments.iter().map(|p| view! {
                    <li>{locale.t_with("order-payment-entry", &[
                        ("date", locale.date(p.received_on).into()),
                        ("amount", locale.money(&p.amount, &currency).into()),
                        ("reference", p.reference.clone().into()),
                    ])}</li>
                }).collect_view()}
            </ul>
            <p>
                {paid}
                " · " <strong id="outstanding">{outstanding}</strong>
            </p>
        </section>
        }
    })
}

#[component]
fn ProductionPanel(production: Vec<ProductionNote>, more: bool) -> impl IntoView {
    let locale = use_locale().get_untracked();
    (!production.is_empty()).then(|| view! {
        <section class="panel" id="production">
            <h2>{locale.t("order-production-title")}</h2>
            <ol class="timeline">
                {production.iter().map(|p| view! {
                    <li>
                        <LocalTime at=p.at />
                        " " <strong>{locale.t_with("order-production-line", &[
                            ("line", p.line_no.into()),
                            ("milestone", milestone_text(locale, p.milestone).into()),
                        ])}</strong>
                        {p.forecast_ready.map(|d| view! {
                            <span>{format!(" · {}", locale.t_with("order-production-ready", &[("date", d.to_string().into())]))}</span>
                        })}
                        {p.reason.clone().map(|r| view! {
                            <span class="muted">{format!(" · {}", locale.t_with("order-production-reason", &[("reason", r.into())]))}</span>
                        })}
                        {p.note.clone().map(|n| view! {
                            <span class="muted">{format!(" · {}", locale.t_with("order-production-note", &[("note", n.into())]))}</span>
                        })}
                    </li>
                }).collect_view()}
            </ol>
            {more.then(|| view! {
                <p class="muted" id="production-newest">{locale.t_with("order-production-newest", &[
                    ("count", crate::domain::progress::REPORTS_SHOWN.into()),
                ])}</p>
            })}
        </section>
    })
}

/// The order's newest events, newest first, leading to the whole timeline
/// when there are older ones.
#[component]
fn OrderTimeline(events: Vec<EventView>) -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <section class="panel">
            <h2>{locale.t("order-timeline")}</h2>
            <NewestEntries events />
        </section>
    }
}

/// Alerts about this order on or off, for the viewer only.
#[component]
fn MuteButton(id: i32, muted: bool) -> impl IntoView {
    use crate::api::alerts::MuteOrder;
    let mute = use_context::<FormAction<MuteOrder>>().unwrap_or_default();
    let locale = use_locale().get_untracked();
    view! {
        <PostForm action=mute attr:class="inline-form mute-form">
            <input type="hidden" name="order_id" value=id.to_string() />
            <input type="hidden" name="muted" value=(!muted).to_string() />
            <button type="submit" class="link-button" id="mute-order">
                {locale.t(if muted { "order-alerts-off" } else { "order-alerts-turn-off" })}
            </button>
        </PostForm>
    }
}

/// Sales staff enter a new order (an inquiry) with up to five lines.
#[component]
pub fn NewOrderPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("orders-new-title") />
        <AreaGuard area=Some(Area::Staff)>
            <NewOrderForm />
        </AreaGuard>
    }
}

#[component]
fn NewOrderForm() -> impl IntoView {
    use crate::api::orders::CreateOrder;
    use crate::components::forms::{FieldMessage, go_to, row_messages};
    use crate::domain::order_input::{CURRENCIES, INCOTERMS};

    let create = FormAction::<CreateOrder>::new();
    let error = latest_error(create.value());
    let customers = load(|| (), |_| order_customers());
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            go_to(&format!("/staff/orders/{id}"));
        }
    });
    let locale = use_locale().get_untracked();
    // Each field's name, the catalogue key of its label, and its input type.
    let line_fields = [
        ("product_code", "line-product-code", "text"),
        ("description", "orders-new-description", "text"),
        ("hs_code", "line-hs-code", "text"),
        ("quantity", "line-quantity", "text"),
        ("unit", "line-unit", "text"),
        ("unit_price", "orders-new-unit-price", "text"),
        ("requested", "line-requested", "date"),
    ];
    view! {
        <section class="panel">
            <h1>{locale.t("orders-new-title")}</h1>
            <PostForm action=create attr:class="stack-form" attr:id="new-order-form">
                <label>
                    {locale.t("orders-new-customer")}
                    <select name="customer_id" required>
                        <Transition fallback=|| ()>
                            {move || Suspend::new(async move {
                                customers.await.unwrap_or_default().into_iter().map(|(id, name)| view! {
                                    <option value=id.to_string()>{name}</option>
                                }).collect_view()
                            })}
                        </Transition>
                    </select>
                </label>
                <FieldMessage error field="customer_id" />
                <div class="inline-grid-form">
                    <label>
                        {locale.t("orders-new-currency")}
                        <select name="currency">
                            {CURRENCIES.iter().map(|c| view! { <option value=*c>{*c}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>
                        {locale.t("orders-new-incoterm")}
                        <select name="incoterm">
                            {INCOTERMS.iter().map(|c| view! { <option value=*c selected=*c == "FOB">{*c}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>{locale.t("orders-new-payment-terms")} <input type="text" name="payment_terms" /></label>
                </div>
                <FieldMessage error field="payment_terms" />
                <label>{locale.t("orders-new-ship-to")} <input type="text" name="ship_to" /></label>
                <FieldMessage error field="ship_to" />
                <h2>{locale.t("orders-new-lines")}</h2>
                <FieldMessage error field="lines" />
                {(0_i32..5).map(|i| view! {
                    <fieldset class="line-input">
                        <legend>{locale.t_with("orders-new-line", &[("line", (i + 1).into())])}</legend>
                        <div class="inline-grid-form">
                            {line_fields.iter().map(|(name, label, kind)| view! {
                                <label>{locale.t(label)} <input type=*kind name=format!("lines[{i}][{name}]") /></label>
                            }).collect_view()}
                        </div>
                        {row_messages(error, "lines", i as usize, line_fields.iter().map(|(name, _, _)| *name).collect())}
                    </fieldset>
                }).collect_view()}
                <FormMessage error fields=&[] />
                <button type="submit" class="button">{locale.t("orders-new-create")}</button>
            </PostForm>
        </section>
    }
}
