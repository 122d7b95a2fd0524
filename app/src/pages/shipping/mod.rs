//! The back half of an order on its page, for the customer and the house:
//! shipments with their documents and files, the payment schedule and the
//! letter of credit, and (for the house) the forms that change them. Every
//! text comes from the catalogue; what the customer may not see is already
//! left out of the view, and the house's parts show only when `house` is set.
//!
//! The panel is loaded again on every live update, except while one of its
//! forms holds input: a form being filled in keeps what was typed, the
//! focus and the cursor, says when the order moved on under it, and still
//! sends the version it was built from (`FormHold`).

mod credit;
mod documents;
pub mod files;
mod payments;
mod shipment_form;
mod shipments;

use crate::components::form_action::FormAction;
use leptos::prelude::*;

use crate::api::shipping::{ShareFile, get_shipping};
use crate::components::data::{Data, load};
use crate::components::forms::{FormHold, HeldForms, hold_while};
use crate::components::guard::use_locale;
use crate::components::house_part::house_part;
use crate::components::later::later;
use crate::components::live::{OrderRefresh, refresh_order_after, use_live_tick};
use crate::i18n::Locale;
use crate::wire::ApiError;
use crate::wire::shipping::ShippingView;

pub use files::{FileList, LineFiles, UploadError, UploadForm};

use credit::CreditPanel;
use documents::Checklist;
pub use payments::PaymentFormState;
use payments::Schedule;
use shipment_form::PlanForm;
use shipments::ShipmentCard;

/// The shipping data of the open order.
///
/// The order page loads it next to the order itself (same live tick, same
/// refresh after a form), outside the closure that renders the order:
/// server rendering walks such closures more than once, and a resource
/// made inside one would be made, and queried, on every walk.
#[derive(Clone, Copy)]
pub struct ShippingData {
    pub data: Data<Result<ShippingView, ApiError>>,
    /// The forms of the panel that hold input not yet sent: live updates
    /// do not load the panel again (which would rebuild them) until none
    /// does.
    pub held: HeldForms,
}

/// Loads the order's shipping data whenever the order changes for the
/// viewer (`tick`, held while a form of the panel holds input) or a form
/// of the page went through (`refresh`), and offers it to the
/// `ShippingPanel` below.
pub fn provide_shipping(
    order_id: impl Fn() -> i32 + Send + Sync + 'static,
    tick: ReadSignal<u64>,
    refresh: RwSignal<u64>,
) -> ShippingData {
    let held = HeldForms::default();
    let live = hold_while(held, move || tick.get());
    let data = load(
        move || (order_id(), live.get(), refresh.get()),
        |(id, _, _)| get_shipping(id),
    );
    let shipping = ShippingData { data, held };
    provide_context(shipping);
    shipping
}

/// What every part of the panel needs to know about the order and viewer.
#[derive(Clone, Copy)]
pub(crate) struct Ctx {
    pub order_id: i32,
    pub version: i32,
    pub house: bool,
    pub can_ship: bool,
    pub can_pay: bool,
    pub locale: Locale,
    /// Shares a file with the customer or stops; one for the whole panel.
    pub share: FormAction<ShareFile>,
    /// The forms of the panel that hold input (`ShippingData::held`).
    pub held: HeldForms,
}

impl Ctx {
    /// What the form `kind` (of the record `id`, 0 for the order's own)
    /// keeps while it is filled in; it was built from this copy of the
    /// order.
    pub fn hold(self, kind: &'static str, id: i32) -> FormHold {
        self.held.form((kind, id), self.version)
    }
}

/// The text, or a dash when there is none.
pub(crate) fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}

/// The catalogue's text for `key`, or `fallback` when the catalogue has none.
pub(crate) fn t_or(locale: Locale, key: &str, fallback: &str) -> String {
    let text = locale.t(key);
    if text == key {
        fallback.to_string()
    } else {
        text
    }
}

/// A text area with a value to start from. An empty value gets no text at
/// all: the server renders an empty text as one space, which would land in
/// the field.
#[component]
pub(crate) fn TextArea(name: &'static str, rows: u32, value: String) -> impl IntoView {
    if value.is_empty() {
        view! { <textarea name=name rows=rows.to_string()></textarea> }.into_any()
    } else {
        view! { <textarea name=name rows=rows.to_string()>{value}</textarea> }.into_any()
    }
}

/// Shipments, documents, files, payment schedule and letter of credit of one
/// order. On the order page the data comes from `provide_shipping`; mounted
/// anywhere else the panel loads it itself (with its own live stream).
#[component]
pub fn ShippingPanel(order_id: i32) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let ShippingData { data, held } = match use_context::<ShippingData>() {
        Some(shipping) => shipping,
        None => {
            let refresh = match use_context::<OrderRefresh>() {
                Some(OrderRefresh(refresh)) => refresh,
                None => {
                    let refresh = RwSignal::new(0u64);
                    provide_context(OrderRefresh(refresh));
                    refresh
                }
            };
            let tick = use_live_tick(Some(order_id));
            provide_shipping(move || order_id, tick, refresh)
        }
    };
    view! {
        <Transition fallback=move || view! {
            <section class="panel shipping" id="shipping">
                <h2>{locale.t("shipping-title")}</h2>
                <p class="muted">{locale.t("shipping-loading")}</p>
            </section>
        }>
            {move || Suspend::new(async move {
                match data.await {
                    // No such order for the viewer: the page says so.
                    Err(ApiError::NotFound) => None,
                    loaded => {
                        let body = match loaded {
                            Ok(shipping) => later(move || view! { <ShippingBody shipping locale held /> }).into_any(),
                            Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                        };
                        Some(view! {
                            <section class="panel shipping" id="shipping">
                                <h2>{locale.t("shipping-title")}</h2>
                                <UploadError locale />
                                {body}
                            </section>
                        })
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn ShippingBody(shipping: ShippingView, locale: Locale, held: HeldForms) -> impl IntoView {
    let share = FormAction::<ShareFile>::new();
    refresh_order_after(share.value());
    let ctx = Ctx {
        order_id: shipping.order_id,
        version: shipping.version,
        house: shipping.house,
        can_ship: shipping.can_ship,
        can_pay: shipping.can_pay,
        locale,
        share,
        held,
    };
    let ShippingView {
        currency,
        open_lines,
        shipments,
        documents,
        files,
        schedule,
        lc,
        ..
    } = shipping;
    let nothing = !ctx.house
        && shipments.is_empty()
        && documents.is_empty()
        && files.is_empty()
        && schedule.is_empty()
        && lc.is_none();
    if nothing {
        let text = locale.t("shipping-nothing-yet");
        return view! { <p class="muted" id="shipping-empty">{text}</p> }.into_any();
    }
    let no_shipments = shipments.is_empty();
    let plan = ctx.house && ctx.can_ship && !open_lines.is_empty();
    let order_part = ctx.house || !documents.is_empty() || !files.is_empty();
    view! {
        <div class="shipping-part" id="shipments">
            <h3>{locale.t("shipping-shipments")}</h3>
            {no_shipments.then(|| view! {
                <p class="muted" id="no-shipments">{locale.t("shipping-no-shipments")}</p>
            })}
            {shipments.into_iter().map(|shipment| view! {
                <ShipmentCard ctx shipment />
            }).collect_view()}
            {house_part(plan, || view! { <PlanForm ctx open_lines=open_lines.clone() /> })}
        </div>
        {order_part.then(|| view! {
            <div class="shipping-part" id="order-documents">
                <h3>{locale.t("shipping-order-documents")}</h3>
                {(!documents.is_empty()).then(|| view! {
                    <Checklist ctx documents=documents.clone() owner_kind="order" owner_id=ctx.order_id />
                })}
                <h4>{locale.t("shipping-order-files")}</h4>
                <FileList files=files.clone() house=ctx.house share locale />
                {house_part(ctx.house, || view! {
                    <UploadForm owner_kind="order" owner_id=ctx.order_id can_share=true locale />
                })}
            </div>
        })}
        <Schedule ctx schedule currency=currency.clone() />
        <CreditPanel ctx lc currency />
    }
    .into_any()
}
