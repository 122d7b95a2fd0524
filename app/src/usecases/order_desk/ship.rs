//! Recording a shipment of an order.

// The use case takes one argument per form field.
#![allow(clippy::too_many_arguments)]

use chrono::NaiveDate;

use super::{Entry, claim, closed, finish, parse_date, staff_order};
use crate::domain::order_edit::{
    check_voyage, editable, parse_container_no, parse_transport_document,
};
use crate::domain::order_input::required_text as text;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::fulfilment::{self, NewShipment};
use crate::usecases::orders::stale_order;
use crate::wire::{ApiError, FieldErrors};

/// A shipment as the form gives it, every field valid.
struct Shipment {
    shipped_on: NaiveDate,
    eta: Option<NaiveDate>,
    carrier: String,
    vessel: String,
    bl_number: String,
    container_no: String,
}

/// Records a shipment of the order (departure, carrier, vessel, B/L, container, ETA).
pub async fn record_shipment(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    shipped_on: String,
    carrier: String,
    vessel: String,
    bl_number: String,
    container_no: String,
    eta: String,
) -> Result<(), ApiError> {
    let (order, status) = staff_order(state, user, order_id, "shipment").await?;
    if !editable(status).shipments {
        return Err(closed("Recording a shipment", status));
    }
    if order.version != version {
        return Err(stale_order());
    }
    let today = state.now().date_naive();
    let shipment = parse_shipment(
        today,
        &shipped_on,
        &carrier,
        &vessel,
        &bl_number,
        &container_no,
        &eta,
    )?;
    let now = state.now();
    let work = claim(state, order.id, version).await?;
    fulfilment::insert_shipment(
        &work.tx,
        NewShipment {
            order_id: order.id,
            shipped_on: shipment.shipped_on,
            carrier: &shipment.carrier,
            vessel: &shipment.vessel,
            bl_number: &shipment.bl_number,
            container_no: &shipment.container_no,
            eta: shipment.eta,
        },
        now,
    )
    .await?;
    let entry = Entry {
        summary: format!(
            "Shipment recorded: {}, {}, B/L {}",
            shipment.carrier, shipment.vessel, shipment.bl_number
        ),
        before: None,
        after: Some(match shipment.eta {
            Some(eta) => format!("departs {}, arrives {eta}", shipment.shipped_on),
            None => format!("departs {}", shipment.shipped_on),
        }),
    };
    finish(state, work, &order, user.user_id, "shipment", vec![entry]).await
}

/// Checks every field of the shipment form, reporting all problems at once;
/// an empty ETA means none is known yet.
fn parse_shipment(
    today: NaiveDate,
    shipped_on: &str,
    carrier: &str,
    vessel: &str,
    bl_number: &str,
    container_no: &str,
    eta: &str,
) -> Result<Shipment, ApiError> {
    let mut problems = FieldErrors::default();
    let shipped_on = problems.keep("shipped_on", parse_date(shipped_on));
    let eta = match eta.trim() {
        "" => Some(None),
        raw => problems.keep("eta", parse_date(raw)).map(Some),
    };
    let carrier = problems.keep("carrier", text(carrier, 80, "the carrier"));
    let vessel = problems.keep("vessel", text(vessel, 80, "the vessel or flight"));
    let bl_number = problems.keep("bl_number", parse_transport_document(bl_number));
    let container_no = problems.keep("container_no", parse_container_no(container_no));
    if let (Some(shipped_on), Some(eta)) = (shipped_on, eta)
        && let Err((field, message)) = check_voyage(shipped_on, eta, today)
    {
        problems.add(field, message);
    }
    let (
        Some(shipped_on),
        Some(eta),
        Some(carrier),
        Some(vessel),
        Some(bl_number),
        Some(container_no),
        true,
    ) = (
        shipped_on,
        eta,
        carrier,
        vessel,
        bl_number,
        container_no,
        problems.is_empty(),
    )
    else {
        return Err(problems.into_error());
    };
    Ok(Shipment {
        shipped_on,
        eta,
        carrier,
        vessel,
        bl_number,
        container_no,
    })
}
