//! The customer's form to ask for a change to an order, shown on the order
//! page under the order's change requests (`changes::OrderChanges`).
//!
//! The form is loaded and built on its own, outside the part of the page
//! that the live tick re-renders: it starts from the order as it was when
//! the page opened (its `version` goes with the request) and is built again
//! only once its own request went through. A progress report or any other
//! change arriving live leaves what is being typed, the focus and the cursor
//! alone; the form only says that the order moved on, and the server's
//! version check still decides.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::api::ApiError;
use crate::api::changes::RequestChange;
use crate::api::orders::{LineView, OrderDetail, get_order};
use crate::components::data::{Data, load};
use crate::components::forms::{
    FieldMessage, FormMessage, StaleNotice, latest_error, row_messages,
};
use crate::components::guard::use_locale;
use crate::components::later::later;
use crate::components::live::refresh_order_after;
use crate::domain::change_request::ChangeKind;
use crate::i18n::Locale;

/// The order as the change form started from it, and the action that sends
/// the request.
#[derive(Clone, Copy)]
pub struct ChangeFormData {
    opened: Data<Result<OrderDetail, ApiError>>,
    request: FormAction<RequestChange>,
}

/// Loads the order for the change form: once, and again only after a
/// request sent from it went through (the form then closes, since a request
/// is waiting). Made by the page, outside any closure that renders, after
/// it provided `OrderRefresh`.
pub fn change_form_data(id: impl Fn() -> i32 + Send + Sync + 'static) -> ChangeFormData {
    let request = FormAction::<RequestChange>::new();
    refresh_order_after(request.value());
    // Not the action's own version: that moves on refused requests too, and
    // a refusal must keep what was typed.
    let sent = RwSignal::new(0u64);
    Effect::new(move |_| {
        if matches!(request.value().get(), Some(Ok(_))) {
            sent.update(|n| *n += 1);
        }
    });
    let opened = load(move || (id(), sent.get()), |(id, _)| get_order(id));
    ChangeFormData { opened, request }
}

/// `section#ask-change` with the form, while the order as the form started
/// from it is open to the customer's asking. `live` is the page's order,
/// refreshed by the live tick; it only tells the form whether the order
/// moved on since.
#[component]
pub fn ChangeRequestPanel(
    data: ChangeFormData,
    live: Data<Result<OrderDetail, ApiError>>,
) -> impl IntoView {
    let ChangeFormData { opened, request } = data;
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                opened.await.ok().filter(|detail| !detail.changeable.is_empty()).map(|detail| later(move || view! {
                    <section class="panel" id="ask-change">
                        <RequestChangeForm detail request live />
                    </section>
                }))
            })}
        </Transition>
    }
}

/// The customer's form: every line with its current values to change, a
/// cancel box, the ship-to address, a line to add and a note. Only the
/// changes open in the order's status are offered.
#[component]
fn RequestChangeForm(
    detail: OrderDetail,
    request: FormAction<RequestChange>,
    live: Data<Result<OrderDetail, ApiError>>,
) -> impl IntoView {
    let error = latest_error(request.value());
    let locale = use_locale().get_untracked();
    // Set in the browser only, after the page's order loaded again: the
    // server renders the form and the order from the same moment.
    let version = detail.version;
    let stale = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(now)) = live.get() {
            stale.set(now.version != version);
        }
    });
    let open = |kind: ChangeKind| detail.changeable.contains(&kind);
    let (quantity, description, date, ship_to, add, cancel) = (
        open(ChangeKind::Quantity),
        open(ChangeKind::Description),
        open(ChangeKind::RequestedDate),
        open(ChangeKind::ShipTo),
        open(ChangeKind::AddLine),
        open(ChangeKind::CancelLine),
    );
    view! {
        <details class="change-form" id="request-change">
            <summary><h3>{locale.t("cr-title")}</h3></summary>
            <p class="muted">{locale.t("cr-intro")}</p>
            <PostForm action=request attr:class="stack-form" attr:id="request-change-form">
                <input type="hidden" name="order_id" value=detail.id.to_string() />
                <input type="hidden" name="version" value=detail.version.to_string() />
                {detail.lines.iter().enumerate().map(|(i, l)| view! {
                    <ChangeLineFields index=i line=l.clone() quantity description date cancel error locale />
                }).collect_view()}
                <label>
                    {locale.t("cr-ship-to")}
                    <input type=if ship_to { "text" } else { "hidden" } name="ship_to" value=detail.ship_to.clone() />
                    {(!ship_to).then(|| view! { <span>{detail.ship_to.clone()}</span> })}
                </label>
                <FieldMessage error field="ship_to" />
                {add.then(|| view! { <AddLineFields error locale /> })}
                <label>{locale.t("cr-note")} <textarea name="note" rows="3"></textarea></label>
                <FieldMessage error field="note" />
                <FieldMessage error field="lines" />
                <FormMessage error fields=&["ship_to", "note", "lines", "added"] />
                <StaleNotice stale id="form-stale-notice" />
                <button type="submit" class="button" id="send-change">{locale.t("cr-send")}</button>
            </PostForm>
        </details>
    }
}

/// One line of the order with its current values: editable where that
/// change (quantity, description, delivery date, cancel) is open, shown as
/// text (and sent unchanged) where it is not.
#[component]
fn ChangeLineFields(
    index: usize,
    line: LineView,
    quantity: bool,
    description: bool,
    date: bool,
    cancel: bool,
    error: Signal<Option<ApiError>>,
    locale: Locale,
) -> impl IntoView {
    let name = move |field: &str| format!("lines[{index}][{field}]");
    view! {
        <fieldset class="line-input" data-line=line.line_no.to_string()>
            <legend>{locale.t_with("cr-line", &[("line", line.line_no.into()), ("product", line.product_code.clone().into())])}</legend>
            <input type="hidden" name=name("line_no") value=line.line_no.to_string() />
            <div class="inline-grid-form">
                <label>
                    {locale.t_with("cr-quantity", &[("unit", line.unit.clone().into())])}
                    <input type=if quantity { "text" } else { "hidden" } name=name("quantity") value=line.quantity.to_string() inputmode="numeric" />
                    {(!quantity).then(|| view! { <span>{line.quantity}</span> })}
                </label>
                <label>
                    {locale.t("cr-delivery-date")}
                    <input type=if date { "date" } else { "hidden" } name=name("requested") value=line.requested.to_string() />
                    {(!date).then(|| view! { <span>{line.requested.to_string()}</span> })}
                </label>
                {cancel.then(|| view! {
                    <label class="checkbox"><input type="checkbox" name=name("cancel") value="yes" />{locale.t("cr-cancel-line")}</label>
                })}
            </div>
            <label>
                {locale.t("cr-description")}
                <input type=if description { "text" } else { "hidden" } name=name("description") value=line.description.clone() />
                {(!description).then(|| view! { <span>{line.description.clone()}</span> })}
            </label>
            {row_messages(error, "lines", index, vec!["quantity", "requested", "description", "cancel", "line_no"])}
        </fieldset>
    }
}

/// The optional new line.
#[component]
fn AddLineFields(error: Signal<Option<ApiError>>, locale: Locale) -> impl IntoView {
    view! {
        <fieldset class="line-input">
            <legend>{locale.t("cr-add-line")}</legend>
            <div class="inline-grid-form">
                <label>{locale.t("cr-product-code")} <input type="text" name="added[0][product_code]" /></label>
                <label>{locale.t("cr-added-quantity")} <input type="text" name="added[0][quantity]" inputmode="numeric" /></label>
                <label>{locale.t("cr-unit")} <input type="text" name="added[0][unit]" placeholder="pcs" /></label>
                <label>{locale.t("cr-delivery-date")} <input type="date" name="added[0][requested]" /></label>
            </div>
            <label>{locale.t("cr-description")} <input type="text" name="added[0][description]" /></label>
            {row_messages(error, "added", 0, vec!["product_code", "quantity", "unit", "requested", "description"])}
            <FieldMessage error field="added" />
        </fieldset>
    }
}
