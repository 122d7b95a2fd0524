//! Sales orders: the list (customers see their own, the trading house all) and
//! one order with its lines, the three dates, the timeline and, for those who
//! may, the next status steps. Both update live.

use crate::components::data::load;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::orders::{
    MoveOrderStatus, OrderDetail, PAGE_SIZE, get_order, list_orders, order_customers,
};
use crate::components::forms::{FormMessage, latest_error};
use crate::components::guard::AreaGuard;
use crate::components::live::{OrderRefresh, refresh_order_after, use_live_tick};
use crate::components::local_time::LocalTime;
use crate::components::stage_timeline::StageTimeline;
use crate::domain::dates::LineBadge;
use crate::domain::order_status::OrderStatus;
use crate::domain::policy::Area;
use crate::pages::changes::OrderChanges;
use crate::pages::order_desk::OrderDesk;

fn badge_class(badge: LineBadge) -> &'static str {
    match badge {
        LineBadge::Unconfirmed => "badge badge-muted",
        LineBadge::OnTrack => "badge badge-ok",
        LineBadge::AtRisk => "badge badge-warn",
        LineBadge::Late => "badge badge-late",
    }
}

fn date_text(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "—".to_string())
}

/// The order list with filters (status, search, at risk, committed dates and,
/// for the trading house, customer) and keyset paging, newest first.
#[component]
pub fn OrderList(
    /// Where order links point: `/customer/orders` or `/staff/orders`.
    base: &'static str,
    /// Offer the customer filter (trading-house views).
    #[prop(optional)]
    by_customer: bool,
) -> impl IntoView {
    let tick = use_live_tick(None);
    let status = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let customer = RwSignal::new(None::<i32>);
    let at_risk = RwSignal::new(false);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    // `None` is the newest page; otherwise the smallest id of the page before.
    let before = RwSignal::new(None::<i32>);
    let orders = load(
        move || {
            (
                (status.get(), query.get(), customer.get(), at_risk.get()),
                (from.get(), to.get(), before.get(), tick.get()),
            )
        },
        |((status, query, customer, at_risk), (from, to, before, _))| {
            list_orders(
                Some(status),
                Some(query),
                customer,
                Some(at_risk),
                Some(from),
                Some(to),
                before,
            )
        },
    );
    let customers = load(
        move || by_customer,
        |wanted| async move {
            if wanted {
                order_customers().await.unwrap_or_default()
            } else {
                Vec::new()
            }
        },
    );
    // Any filter change starts again at the newest page.
    let refilter = move |apply: &dyn Fn()| {
        apply();
        before.set(None);
    };
    view! {
        <div class="filters">
            <label>
                "Status"
                <select id="status-filter" on:change=move |ev| refilter(&|| status.set(event_target_value(&ev)))>
                    <option value="">"All"</option>
                    {OrderStatus::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.as_str()>{s.label()}</option> })
                        .collect_view()}
                </select>
            </label>
            <label>
                "Search"
                <input
                    type="search"
                    id="order-search"
                    placeholder="Order number or product"
                    on:input=move |ev| refilter(&|| query.set(event_target_value(&ev)))
                />
            </label>
            {by_customer.then(|| view! {
                <label>
                    "Customer"
                    <select id="customer-filter" on:change=move |ev| refilter(&|| customer.set(event_target_value(&ev).parse().ok()))>
                        <option value="">"All"</option>
                        <Transition fallback=|| ()>
                            {move || Suspend::new(async move {
                                customers.await.into_iter().map(|(id, name)| view! {
                                    <option value=id.to_string()>{name}</option>
                                }).collect_view()
                            })}
                        </Transition>
                    </select>
                </label>
            })}
            <label>
                "Committed from"
                <input type="date" id="committed-from" on:change=move |ev| refilter(&|| from.set(event_target_value(&ev))) />
            </label>
            <label>
                "to"
                <input type="date" id="committed-to" on:change=move |ev| refilter(&|| to.set(event_target_value(&ev))) />
            </label>
            <label class="checkbox">
                <input type="checkbox" id="at-risk-filter" on:change=move |ev| refilter(&|| at_risk.set(event_target_checked(&ev))) />
                "Slipping or overdue only"
            </label>
        </div>
        <Transition fallback=|| view! { <p class="muted">"Loading orders…"</p> }>
            {move || Suspend::new(async move {
                match orders.await {
                    Ok(list) if list.is_empty() => view! { <p class="muted">"No orders match."</p> }.into_any(),
                    Ok(list) => {
                        let full_page = list.len() as u64 == PAGE_SIZE;
                        let oldest = list.iter().map(|o| o.id).min();
                        view! {
                        <div class="table-scroll">
                            <table class="orders-table">
                                <thead>
                                    <tr>
                                        <th>"Order"</th><th>"Customer"</th><th>"Status"</th>
                                        <th>"Lines"</th><th>"Next committed"</th><th>"Dates"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list.into_iter().map(|o| {
                                        let number = o.number.clone();
                                        view! {
                                        <tr data-order=number>
                                            <td><A href=format!("{base}/{}", o.id)>{o.number}</A></td>
                                            <td>{o.customer_name}</td>
                                            <td class="order-status">{o.status.label()}</td>
                                            <td>{o.line_count}</td>
                                            <td>{date_text(o.next_committed)}</td>
                                            <td><span class=badge_class(o.badge)>{o.badge.label()}</span></td>
                                        </tr>
                                    }}).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <div class="pager">
                            {move || before.get().is_some().then(|| view! {
                                <button class="button secondary" on:click=move |_| before.set(None)>"Newest orders"</button>
                            })}
                            {full_page.then(|| view! {
                                <button class="button secondary" id="older-orders" on:click=move |_| before.set(oldest)>"Older orders"</button>
                            })}
                        </div>
                    }.into_any()
                    }
                    Err(e) => view! { <p class="form-error">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
pub fn CustomerOrderPage() -> impl IntoView {
    view! {
        <AreaGuard area=Some(Area::Customer)>
            <OrderPage back="/customer" />
        </AreaGuard>
    }
}

#[component]
pub fn StaffOrdersPage() -> impl IntoView {
    view! {
        <Title text="Orders" />
        <AreaGuard area=Some(Area::Staff)>
            <section class="panel">
                <h1>"Orders"</h1>
                <p>
                    <A href="/staff/orders/new" attr:class="button" attr:id="new-order">"New order"</A>
                    " · " <a href="/exports/orders.csv" id="export-orders" rel="external">"Download the order book (CSV)"</a>
                </p>
                <OrderList base="/staff/orders" by_customer=true />
            </section>
        </AreaGuard>
    }
}

#[component]
pub fn StaffOrderPage() -> impl IntoView {
    view! {
        <AreaGuard area=Some(Area::Staff)>
            <OrderPage back="/staff/orders" />
        </AreaGuard>
    }
}

#[component]
fn OrderPage(back: &'static str) -> impl IntoView {
    let id = crate::components::params::use_route_id();
    // The stream is opened once, for the order the page was opened on.
    let tick = use_live_tick(Some(untrack(id)));
    // The viewer's own changes show at once, stream or no stream.
    let refresh = RwSignal::new(0u64);
    provide_context(OrderRefresh(refresh));
    // Made here rather than in its button: the button is rebuilt whenever the
    // order is fetched again (as when the live stream opens), and a click
    // made just before must still refresh the page once it is answered.
    let mute = ServerAction::<crate::api::alerts::MuteOrder>::new();
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
    view! {
        <p><A href=back>"← All orders"</A></p>
        <Transition fallback=|| view! { <p class="muted">"Loading the order…"</p> }>
            {move || Suspend::new(async move {
                match order.await {
                    Ok(detail) => view! { <OrderDetailView detail /> }.into_any(),
                    Err(e) => {
                        crate::components::errors::answer_with(&e);
                        view! {
                            <section class="panel narrow"><h1>"Order not found"</h1><p>{e.to_string()}</p></section>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn OrderDetailView(detail: OrderDetail) -> impl IntoView {
    let move_action = ServerAction::<MoveOrderStatus>::new();
    refresh_order_after(move_action.value());
    let error = latest_error(move_action.value());
    let current = (detail.status != OrderStatus::Cancelled).then_some(detail.status);
    let (id, version) = (detail.id, detail.version);
    let next_statuses = detail.next_statuses.clone();
    view! {
        <Title text=detail.number.clone() />
        <section class="panel" data-order-id=detail.id.to_string()>
            <h1>"Order " {detail.number.clone()}</h1>
            <p class="order-status-line">
                "Status: " <strong id="order-status">{detail.status.label()}</strong>
            </p>
            <StageTimeline current=current />
            {(!next_statuses.is_empty()).then(move || view! {
                <div class="order-actions">
                    {next_statuses.into_iter().map(|to| view! {
                        <ActionForm action=move_action attr:class="inline-form">
                            <input type="hidden" name="id" value=id.to_string() />
                            <input type="hidden" name="version" value=version.to_string() />
                            <input type="hidden" name="to" value=to.as_str() />
                            <button type="submit" class="button secondary" data-move-to=to.as_str()>
                                {format!("Move to {}", to.label())}
                            </button>
                        </ActionForm>
                    }).collect_view()}
                    <FormMessage error fields=&[] />
                </div>
            })}
            <MuteButton id=detail.id muted=detail.muted />
            <dl class="facts">
                <dt>"Customer"</dt><dd>{detail.customer_name.clone()}</dd>
                <dt>"Incoterm"</dt><dd>{detail.incoterm.clone()}</dd>
                <dt>"Payment"</dt><dd>{detail.payment_terms.clone()}</dd>
                <dt>"Ship to"</dt><dd>{detail.ship_to.clone()}</dd>
            </dl>
        </section>
        <section class="panel">
            <h2>"Lines"</h2>
            <div class="table-scroll">
                <table class="lines-table">
                    <thead>
                        <tr>
                            <th>"#"</th><th>"Product"</th><th>"Qty"</th>
                            <th>{format!("Unit price ({})", detail.currency)}</th>
                            <th>"Requested"</th><th>"Committed"</th><th>"Forecast"</th><th></th><th>"Production"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {detail.lines.iter().map(|l| view! {
                            <tr data-line=l.line_no.to_string()>
                                <td>{l.line_no}</td>
                                <td><strong>{l.product_code.clone()}</strong><br /><small>{l.description.clone()}" · HS "{l.hs_code.clone()}</small></td>
                                <td>{format!("{} {}", l.quantity, l.unit)}</td>
                                <td>{l.unit_price.clone()}</td>
                                <td>{date_text(Some(l.requested))}</td>
                                <td class="committed">{date_text(l.committed)}</td>
                                <td class="forecast">{date_text(l.forecast)}</td>
                                <td>
                                    <span class=badge_class(l.badge)>{l.badge.label()}</span>
                                    {(l.slip_days > 0).then(|| view! { <small>{format!(" +{} d", l.slip_days)}</small> })}
                                </td>
                                <td class="milestone">{l.milestone.map(|m| m.label()).unwrap_or("—")}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <p class="order-total">{format!("Order value: {} {}", detail.total, detail.currency)}</p>
        {(!detail.shipments.is_empty()).then(|| view! {
            <section class="panel" id="shipments">
                <h2>"Shipment"</h2>
                <div class="table-scroll">
                    <table>
                        <thead><tr>
                            <th>"Departure"</th><th>"Arrival"</th><th>"Carrier"</th><th>"Vessel / flight"</th>
                            <th>"B/L"</th><th>"Container"</th>
                        </tr></thead>
                        <tbody>
                            {detail.shipments.iter().map(|s| view! {
                                <tr>
                                    <td>{s.shipped_on.to_string()}</td>
                                    <td>{date_text(s.eta)}</td>
                                    <td>{s.carrier.clone()}</td>
                                    <td>{s.vessel.clone()}</td>
                                    <td>{s.bl_number.clone()}</td>
                                    <td>{if s.container_no.is_empty() { "—".to_string() } else { s.container_no.clone() }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        })}
        {(!detail.payments.is_empty()).then(|| view! {
            <section class="panel" id="payments">
                <h2>"Payment"</h2>
                <ul class="plain-list">
                    {detail.payments.iter().map(|p| view! {
                        <li>{format!("{} · {} {} · ref. {}", p.received_on, p.amount, detail.currency, p.reference)}</li>
                    }).collect_view()}
                </ul>
                <p>
                    {format!("Paid {} of {} {}", detail.paid, detail.total, detail.currency)}
                    " · " <strong id="outstanding">{format!("Outstanding {} {}", detail.outstanding, detail.currency)}</strong>
                </p>
            </section>
        })}
        {(!detail.production.is_empty()).then(|| view! {
            <section class="panel" id="production">
                <h2>"Production updates"</h2>
                <ol class="timeline">
                    {detail.production.iter().map(|p| view! {
                        <li>
                            <LocalTime at=p.at />
                            " " <strong>{format!("Line {}: {}", p.line_no, p.milestone.label())}</strong>
                            {p.forecast_ready.map(|d| view! { <span>{format!(" · ready {d}")}</span> })}
                            {p.reason.clone().map(|r| view! { <span class="muted">{format!(" · reason: {r}")}</span> })}
                            {p.note.clone().map(|n| view! { <span class="muted">{format!(" · note: {n}")}</span> })}
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        })}
        <OrderChanges detail=detail.clone() />
        {detail.editable.any().then(|| view! { <OrderDesk detail=detail.clone() /> })}
        <section class="panel">
            <h2>"Timeline"</h2>
            <ol class="timeline" id="order-timeline">
                {detail.events.iter().rev().map(|e| view! {
                    <li>
                        <LocalTime at=e.at />
                        " " <strong>{e.summary.clone()}</strong>
                        {e.who.clone().map(|who| view! { <span class="muted">" by "{who}</span> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Alerts about this order on or off, for the viewer only.
#[component]
fn MuteButton(id: i32, muted: bool) -> impl IntoView {
    use crate::api::alerts::MuteOrder;
    let mute = use_context::<ServerAction<MuteOrder>>().unwrap_or_default();
    view! {
        <ActionForm action=mute attr:class="inline-form mute-form">
            <input type="hidden" name="order_id" value=id.to_string() />
            <input type="hidden" name="muted" value=(!muted).to_string() />
            <button type="submit" class="link-button" id="mute-order">
                {if muted { "Alerts for this order are off: turn on" } else { "Turn off alerts for this order" }}
            </button>
        </ActionForm>
    }
}

/// Sales staff enter a new order (an inquiry) with up to five lines.
#[component]
pub fn NewOrderPage() -> impl IntoView {
    view! {
        <Title text="New order" />
        <AreaGuard area=Some(Area::Staff)>
            <NewOrderForm />
        </AreaGuard>
    }
}

#[component]
fn NewOrderForm() -> impl IntoView {
    use crate::api::orders::CreateOrder;
    use crate::components::forms::{FieldMessage, go_to};
    use crate::domain::order_input::{CURRENCIES, INCOTERMS};

    let create = ServerAction::<CreateOrder>::new();
    let error = latest_error(create.value());
    let customers = load(|| (), |_| order_customers());
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            go_to(&format!("/staff/orders/{id}"));
        }
    });
    let line_fields = [
        ("product_code", "Product code", "text"),
        ("description", "Description / spec", "text"),
        ("hs_code", "HS code", "text"),
        ("quantity", "Quantity", "text"),
        ("unit", "Unit", "text"),
        ("unit_price", "Unit price", "text"),
        ("requested", "Requested date", "date"),
    ];
    view! {
        <section class="panel">
            <h1>"New order"</h1>
            <ActionForm action=create attr:class="stack-form" attr:id="new-order-form">
                <label>
                    "Customer"
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
                        "Currency"
                        <select name="currency">
                            {CURRENCIES.iter().map(|c| view! { <option value=*c>{*c}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>
                        "Incoterm"
                        <select name="incoterm">
                            {INCOTERMS.iter().map(|c| view! { <option value=*c selected=*c == "FOB">{*c}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>"Payment terms" <input type="text" name="payment_terms" /></label>
                </div>
                <FieldMessage error field="payment_terms" />
                <label>"Ship to" <input type="text" name="ship_to" /></label>
                <FieldMessage error field="ship_to" />
                <h2>"Lines"</h2>
                <FieldMessage error field="lines" />
                {(0..5).map(|i| view! {
                    <fieldset class="line-input">
                        <legend>{format!("Line {}", i + 1)}</legend>
                        <div class="inline-grid-form">
                            {line_fields.iter().map(|(name, label, kind)| view! {
                                <label>{*label} <input type=*kind name=format!("lines[{i}][{name}]") /></label>
                            }).collect_view()}
                        </div>
                        {line_fields.iter().map(|(name, _, _)| view! {
                            <FieldMessage error field=format!("lines[{i}].{name}") />
                        }).collect_view()}
                    </fieldset>
                }).collect_view()}
                <FormMessage error fields=&[] />
                <button type="submit" class="button">"Create the order"</button>
            </ActionForm>
        </section>
    }
}
