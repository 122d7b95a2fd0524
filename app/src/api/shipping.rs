//! The back half of an order: shipments (planned, changed, checked, departed,
//! arrived, through customs), their documents, the files shared on them, the
//! payment schedule and the letter of credit. Every change claims the
//! order's version and lands on the timeline.

// Server functions take one argument per form field.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::ApiError;
use crate::wire::shipping::{FileView, LcInput, ShipmentInput, ShippingView};

/// The order's shipments, documents, files, schedule and credit as the
/// viewer may see them.
#[server(endpoint = "shipping/get", output = crate::wire::compact::Compact)]
pub async fn get_shipping(order_id: i32) -> Result<ShippingView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::shipping::view(&state, &user, order_id).await
}

/// Plans a shipment of some of the order's lines; returns its id.
#[server(endpoint = "shipping/plan", output = crate::wire::compact::Compact)]
pub async fn plan_shipment(
    order_id: i32,
    version: i32,
    #[server(default)] shipment: ShipmentInput,
) -> Result<i32, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::shipping::plan(&state, &user, order_id, version, shipment).await
}

/// Changes a shipment: booking, voyage, ports, containers, lines and packing.
#[server(endpoint = "shipping/update", output = crate::wire::compact::Compact)]
pub async fn update_shipment(
    order_id: i32,
    version: i32,
    shipment_id: i32,
    #[server(default)] shipment: ShipmentInput,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::shipping::update(&state, &user, order_id, version, shipment_id, shipment).await
}

/// Moves a shipment's customs status (declared, inspected, released, held).
#[server(endpoint = "shipping/customs", output = crate::wire::compact::Compact)]
pub async fn set_customs_status(
    order_id: i32,
    version: i32,
    shipment_id: i32,
    status: String,
    on: String,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::shipping::customs(&state, &user, order_id, version, shipment_id, status, on)
        .await
}

/// Marks a shipment departed on `atd`. The checks before customs must pass,
/// or `override_reason` say why it goes anyway.
#[server(endpoint = "shipping/depart", output = crate::wire::compact::Compact)]
pub async fn depart_shipment(
    order_id: i32,
    version: i32,
    shipment_id: i32,
    atd: String,
    #[server(default)] override_reason: String,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::shipping::depart(
        &state,
        &user,
        order_id,
        version,
        shipment_id,
        atd,
        override_reason,
    )
    .await
}

/// Marks a departed shipment arrived on `ata`.
#[server(endpoint = "shipping/arrive", output = crate::wire::compact::Compact)]
pub async fn arrive_shipment(
    order_id: i32,
    version: i32,
    shipment_id: i32,
    ata: String,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::shipping::arrive(&state, &user, order_id, version, shipment_id, ata).await
}

/// Makes (or makes again) a document from the order: `proforma_invoice` of
/// the order, `commercial_invoice` or `packing_list` of a shipment.
#[server(endpoint = "shipping/generate", output = crate::wire::compact::Compact)]
pub async fn generate_document(
    order_id: i32,
    version: i32,
    #[server(default)] shipment_id: Option<i32>,
    kind: String,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::shipping::generate(&state, &user, order_id, version, shipment_id, kind).await
}

/// Moves a document of the checklist to `received` (with the file that
/// holds it) or `sent` (which shares its file with the customer).
#[server(endpoint = "shipping/document", output = crate::wire::compact::Compact)]
pub async fn set_document_state(
    order_id: i32,
    version: i32,
    document_id: i32,
    state: String,
    #[server(default)] file_id: Option<i32>,
) -> Result<(), ApiError> {
    let (app, user) = crate::ssr::signed_in()?;
    crate::usecases::shipping::document_state(
        &app,
        &user,
        order_id,
        version,
        document_id,
        state,
        file_id,
    )
    .await
}

/// Shares a file with the customer, or stops sharing it.
#[server(endpoint = "files/share", output = crate::wire::compact::Compact)]
pub async fn share_file(file_id: i32, #[server(default)] shared: bool) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::files::share(&state, &user, file_id, shared).await
}

/// The files on one purchase-order line (QC photos, inspection reports), for
/// the house and the line's factory.
#[server(endpoint = "files/po-line", output = crate::wire::compact::Compact)]
pub async fn po_line_files(po_line_id: i32) -> Result<Vec<FileView>, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::files::of_po_line(&state, &user, po_line_id).await
}

/// Records (or corrects) the letter of credit the order is paid by.
#[server(endpoint = "shipping/lc", output = crate::wire::compact::Compact)]
pub async fn save_letter_of_credit(
    order_id: i32,
    version: i32,
    #[server(default)] lc: LcInput,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::shipping::save_lc(&state, &user, order_id, version, lc).await
}

/// Records the day the shipping documents were presented to the bank.
#[server(endpoint = "shipping/presented", output = crate::wire::compact::Compact)]
pub async fn record_presentation(
    order_id: i32,
    version: i32,
    presented_on: String,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::shipping::presented(&state, &user, order_id, version, presented_on).await
}
