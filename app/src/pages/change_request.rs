//! The customer's form to ask for a change to an order, shown under the
//! order's change requests (`changes::OrderChanges`).

use leptos::prelude::*;

use crate::api::ApiError;
use crate::api::changes::RequestChange;
use crate::api::orders::{LineView, OrderDetail};
use crate::components::forms::{FieldMessage, FormMessage, latest_error};
use crate::components::live::refresh_order_after;
use crate::domain::change_request::ChangeKind;

/// The customer's form: every line with its current values to change, a
/// cancel box, the ship-to address, a line to add and a note. Only the
/// changes open in the order's status are offered.
#[component]
pub fn RequestChangeForm(detail: OrderDetail) -> impl IntoView {
    let request = ServerAction::<RequestChange>::new();
    refresh_order_after(request.value());
    let error = latest_error(request.value());
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
            <summary><h3>"Ask for a change"</h3></summary>
            <p class="muted">"Change what you need and send; the trading house answers, and an approved change reaches the factory."</p>
            <ActionForm action=request attr:class="stack-form" attr:id="request-change-form">
                <input type="hidden" name="order_id" value=detail.id.to_string() />
                <input type="hidden" name="version" value=detail.version.to_string() />
                {detail.lines.iter().enumerate().map(|(i, l)| view! {
                    <ChangeLineFields index=i line=l.clone() quantity description date cancel error />
                }).collect_view()}
                <label>
                    "Ship to"
                    <input type=if ship_to { "text" } else { "hidden" } name="ship_to" value=detail.ship_to.clone() />
                    {(!ship_to).then(|| view! { <span>{detail.ship_to.clone()}</span> })}
                </label>
                <FieldMessage error field="ship_to" />
                {add.then(|| view! { <AddLineFields error /> })}
                <label>"Note for the trading house" <textarea name="note" rows="3"></textarea></label>
                <FieldMessage error field="note" />
                <FieldMessage error field="lines" />
                <FormMessage error fields=&["ship_to", "note", "lines", "added"] />
                <button type="submit" class="button" id="send-change">"Send the change request"</button>
            </ActionForm>
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
) -> impl IntoView {
    let name = move |field: &str| format!("lines[{index}][{field}]");
    view! {
        <fieldset class="line-input" data-line=line.line_no.to_string()>
            <legend>{format!("Line {} · {}", line.line_no, line.product_code)}</legend>
            <input type="hidden" name=name("line_no") value=line.line_no.to_string() />
            <div class="inline-grid-form">
                <label>
                    {format!("Quantity ({})", line.unit)}
                    <input type=if quantity { "text" } else { "hidden" } name=name("quantity") value=line.quantity.to_string() inputmode="numeric" />
                    {(!quantity).then(|| view! { <span>{line.quantity}</span> })}
                </label>
                <label>
                    "Delivery date"
                    <input type=if date { "date" } else { "hidden" } name=name("requested") value=line.requested.to_string() />
                    {(!date).then(|| view! { <span>{line.requested.to_string()}</span> })}
                </label>
                {cancel.then(|| view! {
                    <label class="checkbox"><input type="checkbox" name=name("cancel") value="yes" />"Cancel this line"</label>
                })}
            </div>
            <label>
                "Description / specification"
                <input type=if description { "text" } else { "hidden" } name=name("description") value=line.description.clone() />
                {(!description).then(|| view! { <span>{line.description.clone()}</span> })}
            </label>
            {["quantity", "requested", "description", "cancel", "line_no"].into_iter().map(|f| view! {
                <FieldMessage error field=format!("lines[{index}].{f}") />
            }).collect_view()}
        </fieldset>
    }
}

/// The optional new line.
#[component]
fn AddLineFields(error: Signal<Option<ApiError>>) -> impl IntoView {
    view! {
        <fieldset class="line-input">
            <legend>"Add a line (optional)"</legend>
            <div class="inline-grid-form">
                <label>"Product code" <input type="text" name="added[0][product_code]" /></label>
                <label>"Quantity" <input type="text" name="added[0][quantity]" inputmode="numeric" /></label>
                <label>"Unit" <input type="text" name="added[0][unit]" placeholder="pcs" /></label>
                <label>"Delivery date" <input type="date" name="added[0][requested]" /></label>
            </div>
            <label>"Description / specification" <input type="text" name="added[0][description]" /></label>
            {["product_code", "quantity", "unit", "requested", "description"].into_iter().map(|f| view! {
                <FieldMessage error field=format!("added[0].{f}") />
            }).collect_view()}
            <FieldMessage error field="added" />
        </fieldset>
    }
}
