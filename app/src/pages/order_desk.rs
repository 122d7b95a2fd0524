//! The trading house's tools on one order page: the factory lines placed for
//! it, placing a purchase order, and editing terms and lines while allowed.
//! Customers never see this part. Shipments and payments are recorded in the
//! shipping panel (`pages::shipping`).
//!
//! The desk has its own copy of the order, loaded outside the parts of the
//! page that the live tick re-renders. It follows the order's live updates
//! while nothing is typed into its forms, and holds still once something
//! is: a factory's report or a colleague's change then leaves what is being
//! typed, the focus and the cursor alone, the form says that the order moved
//! on, and the server's version check still decides. Only the table of the
//! placed lines follows the page's order all the time.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::api::ApiError;
use crate::api::order_desk::{PlacePurchaseOrder, UpdateOrder};
use crate::api::orders::{LineView, OrderDetail, get_order};
use crate::components::data::{Data, load};
use crate::components::forms::{
    FieldMessage, FormMessage, HeldForms, StaleNotice, hold_while, latest_error, row_messages,
    saved_note,
};
use crate::components::guard::use_locale;
use crate::components::live::refresh_order_after;
use crate::domain::order_input::{CURRENCIES, INCOTERMS};

/// The desk's copy of the order and the actions of its forms, made by the
/// order page outside any closure that renders (the actions keep their
/// answers when the forms are built again).
#[derive(Clone, Copy)]
pub struct DeskData {
    /// The order as the desk's forms show it.
    order: Data<Result<OrderDetail, ApiError>>,
    /// The page's order, reloaded on every live update: the placed lines.
    live: Data<Result<OrderDetail, ApiError>>,
    place: FormAction<PlacePurchaseOrder>,
    update: FormAction<UpdateOrder>,
    /// The forms of the desk that hold input not yet sent.
    held: HeldForms,
}

/// Loads the desk's copy of the order again on every live update (`tick`)
/// and after every form of the page that went through (`refresh`), except
/// while a form of the desk holds input; and always once a form of the
/// desk itself went through. Made after the page provided `OrderRefresh`;
/// `live` is the page's order.
pub fn desk_data(
    id: impl Fn() -> i32 + Send + Sync + 'static,
    tick: ReadSignal<u64>,
    refresh: RwSignal<u64>,
    live: Data<Result<OrderDetail, ApiError>>,
) -> DeskData {
    let place = FormAction::<PlacePurchaseOrder>::new();
    let update = FormAction::<UpdateOrder>::new();
    refresh_order_after(place.value());
    refresh_order_after(update.value());
    // Not the actions' own versions: those move on refused submissions
    // too, and a refusal must leave the form as it is.
    let sent = RwSignal::new(0u64);
    Effect::new(move |_| {
        if matches!(place.value().get(), Some(Ok(_))) {
            sent.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        if matches!(update.value().get(), Some(Ok(_))) {
            sent.update(|n| *n += 1);
        }
    });
    let held = HeldForms::default();
    let follow = hold_while(held, move || (tick.get(), refresh.get()));
    let order = load(
        move || (id(), follow.get(), sent.get()),
        |(id, _, _)| get_order(id),
    );
    DeskData {
        order,
        live,
        place,
        update,
        held,
    }
}

/// `section#purchasing` (the placed lines and the purchase order form) and
/// `details#edit-order`, for those who may change the order now.
#[component]
pub fn OrderDesk(data: DeskData) -> impl IntoView {
    let order = data.order;
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                order.await.ok().filter(|detail| detail.editable.any()).map(|detail| view! {
                    <DeskParts detail data />
                })
            })}
        </Transition>
    }
}

#[component]
fn DeskParts(detail: OrderDetail, data: DeskData) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let open = detail.editable;
    let unplaced: Vec<(i32, String)> = detail
        .lines
        .iter()
        .filter(|l| !l.placed)
        .map(|l| (l.line_no, l.product_code.clone()))
        .collect();
    view! {
        {(!detail.placed.is_empty() || open.purchasing).then(|| view! {
            <section class="panel" id="purchasing">
                <h2>{locale.t("desk-factories")}</h2>
                <PlacedTable live=data.live />
                {(open.purchasing && !unplaced.is_empty()).then(|| view! {
                    <PlaceOrderForm id=detail.id version=detail.version unplaced=unplaced.clone() factories=detail.factories.clone() data />
                })}
            </section>
        })}
        {open.delivery.then(|| view! { <EditOrderForm detail=detail.clone() data /> })}
    }
}

/// The factory lines placed for the order, as the page last loaded it:
/// this table follows live updates even while a form below holds input.
#[component]
fn PlacedTable(live: Data<Result<OrderDetail, ApiError>>) -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                live.await.ok().filter(|detail| !detail.placed.is_empty()).map(|detail| view! {
                    <div class="table-scroll">
                        <table class="placed-table">
                            <thead><tr>
                                <th>{locale.t("desk-col-line")}</th><th>{locale.t("desk-col-po")}</th>
                                <th>{locale.t("desk-factory")}</th><th>{locale.t("desk-col-milestone")}</th>
                                <th>{locale.t("desk-col-done")}</th><th>{locale.t("desk-ready-by")}</th>
                                <th>{locale.t("desk-col-forecast")}</th>
                            </tr></thead>
                            <tbody>
                                {detail.placed.iter().map(|p| view! {
                                    <tr data-po=p.po_number.clone()>
                                        <td>{p.order_line_no}</td>
                                        <td>{p.po_number.clone()}</td>
                                        <td>{p.supplier_name.clone()}</td>
                                        <td>{locale.t(&format!("milestone-{}", p.milestone.as_str()))}</td>
                                        <td>{format!("{} / {}", p.quantity_done, p.quantity)}</td>
                                        <td>{p.committed_ready.to_string()}</td>
                                        <td>{locale.date_or_dash(p.forecast_ready)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                })
            })}
        </Transition>
    }
}

#[component]
fn PlaceOrderForm(
    id: i32,
    version: i32,
    unplaced: Vec<(i32, String)>,
    factories: Vec<(i32, String)>,
    data: DeskData,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let place = data.place;
    let error = latest_error(place.value());
    let hold = data.held.form(("place", id), version);
    hold.clear_after(place.value());
    let form = hold.form;
    view! {
        <div class="desk-form" on:input=move |_| hold.typed() on:change=move |_| hold.typed()>
            <h3>{locale.t("desk-place-title")}</h3>
            <PostForm action=place node_ref=form attr:class="stack-form" attr:id="place-po-form">
                <input type="hidden" name="order_id" value=id.to_string() />
                <input type="hidden" name="version" value=version.to_string() />
                <fieldset>
                    <legend>{locale.t("desk-lines")}</legend>
                    {unplaced.into_iter().enumerate().map(|(i, (no, product))| view! {
                        <label class="checkbox">
                            <input type="checkbox" name=format!("line_nos[{i}]") value=no.to_string() />
                            {locale.t_with("desk-line-product", &[("line", no.into()), ("product", product.into())])}
                        </label>
                    }).collect_view()}
                </fieldset>
                <FieldMessage error field="line_nos" />
                <div class="inline-grid-form">
                    <label>
                        {locale.t("desk-factory")}
                        <select name="supplier_id">
                            {factories.into_iter().map(|(id, name)| view! {
                                <option value=id.to_string()>{name}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>{locale.t("desk-ready-by")} <input type="date" name="ready_by" /></label>
                </div>
                <FieldMessage error field="supplier_id" />
                <FieldMessage error field="ready_by" />
                <FormMessage error fields=&["line_nos", "supplier_id", "ready_by"] />
                <StaleNotice stale=hold.stale() />
                <button type="submit" class="button">{locale.t("desk-place-submit")}</button>
            </PostForm>
        </div>
    }
}

#[component]
fn EditOrderForm(detail: OrderDetail, data: DeskData) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let update = data.update;
    let error = latest_error(update.value());
    let hold = data.held.form(("edit", detail.id), detail.version);
    hold.clear_after(update.value());
    let form = hold.form;
    let commercial = detail.editable.commercial;
    view! {
        <details class="panel" id="edit-order" on:input=move |_| hold.typed() on:change=move |_| hold.typed()>
            <summary><h2>{locale.t("desk-edit-title")}</h2></summary>
            <PostForm action=update node_ref=form attr:class="stack-form" attr:id="edit-order-form">
                <input type="hidden" name="id" value=detail.id.to_string() />
                <input type="hidden" name="version" value=detail.version.to_string() />
                <TermsFields commercial currency=detail.currency.clone() incoterm=detail.incoterm.clone() />
                <FieldMessage error field="currency" />
                <FieldMessage error field="incoterm" />
                <label>{locale.t("desk-payment-terms")} <input type="text" name="payment_terms" value=detail.payment_terms.clone() /></label>
                <FieldMessage error field="payment_terms" />
                <label>{locale.t("desk-ship-to")} <input type="text" name="ship_to" value=detail.ship_to.clone() /></label>
                <FieldMessage error field="ship_to" />
                {commercial.then(|| view! { <EditLines lines=detail.lines.clone() error /> })}
                <FormMessage error fields=&["currency", "incoterm", "payment_terms", "ship_to", "lines"] />
                {saved_note(update.value())}
                <StaleNotice stale=hold.stale() />
                <button type="submit" class="button">{locale.t("desk-save")}</button>
            </PostForm>
        </details>
    }
}

/// Currency and incoterm: chosen while the terms are open, otherwise sent
/// unchanged with a note on why.
#[component]
fn TermsFields(commercial: bool, currency: String, incoterm: String) -> impl IntoView {
    let locale = use_locale().get_untracked();
    if commercial {
        view! {
            <div class="inline-grid-form">
                <label>
                    {locale.t("desk-currency")}
                    <select name="currency">
                        {CURRENCIES.iter().map(|c| view! { <option value=*c selected=*c == currency>{*c}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    {locale.t("desk-incoterm")}
                    <select name="incoterm">
                        {INCOTERMS.iter().map(|c| view! { <option value=*c selected=*c == incoterm>{*c}</option> }).collect_view()}
                    </select>
                </label>
            </div>
        }.into_any()
    } else {
        view! {
            <input type="hidden" name="currency" value=currency />
            <input type="hidden" name="incoterm" value=incoterm />
            <p class="muted">{locale.t("desk-terms-fixed")}</p>
        }
        .into_any()
    }
}

/// Every line with its values to edit or remove, and an empty row to add one.
#[component]
fn EditLines(lines: Vec<LineView>, error: Signal<Option<ApiError>>) -> impl IntoView {
    let locale = use_locale().get_untracked();
    // Each field's name, the catalogue key of its label, and its input type.
    let line_fields = [
        ("product_code", "desk-line-product-code", "text"),
        ("description", "desk-line-description", "text"),
        ("hs_code", "desk-line-hs-code", "text"),
        ("quantity", "desk-line-quantity", "text"),
        ("unit", "desk-line-unit", "text"),
        ("unit_price", "desk-line-unit-price", "text"),
        ("requested", "desk-line-requested", "date"),
    ];
    let rows: Vec<(String, [String; 7])> = lines
        .iter()
        .map(|l| {
            (
                l.line_no.to_string(),
                [
                    l.product_code.clone(),
                    l.description.clone(),
                    l.hs_code.clone(),
                    l.quantity.to_string(),
                    l.unit.clone(),
                    l.unit_price.clone(),
                    l.requested.to_string(),
                ],
            )
        })
        .chain(std::iter::once((String::new(), Default::default())))
        .collect();
    let row_count = rows.len();
    view! {
        <FieldMessage error field="lines" />
        {rows.into_iter().enumerate().map(|(i, (line_no, values))| {
            let is_new = line_no.is_empty();
            view! {
                <fieldset class="line-input">
                    <legend>{if is_new { locale.t("desk-new-line") } else { locale.t_with("supplier-line", &[("line", line_no.clone().into())]) }}</legend>
                    <input type="hidden" name=format!("lines[{i}][line_no]") value=line_no />
                    <div class="inline-grid-form">
                        {line_fields.iter().zip(values).map(|((name, label, kind), value)| view! {
                            <label>{locale.t(label)} <input type=*kind name=format!("lines[{i}][{name}]") value=value /></label>
                        }).collect_view()}
                        {(!is_new).then(|| view! {
                            <label class="checkbox"><input type="checkbox" name=format!("lines[{i}][remove]") value="yes" />{locale.t("desk-remove")}</label>
                        })}
                    </div>
                    {row_messages(error, "lines", i, line_fields.iter().map(|(name, _, _)| *name).collect())}
                </fieldset>
            }
        }).collect_view()}
        <p class="muted">{locale.t_with("desk-lines-hint", &[("count", (row_count - 1).into())])}</p>
    }
}
