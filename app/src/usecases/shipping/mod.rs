//! The back half of an order: shipments as they really go, the documents
//! each needs (made by the portal or received and attached), the checks
//! before customs, the payment schedule in motion and the letter of credit.
//! Every change claims the order's version, lands on the timeline and tells
//! open pages.

mod documents;
mod lc;
mod movement;
mod plan;
mod reminders;
mod view;

pub use documents::{attach_received, document_state, generate};
pub use lc::{presented, save_lc};
pub use movement::{arrive, customs, depart};
pub use plan::{plan, update};
pub use reminders::{ScanReport, scan_payments_and_credits};
pub use view::{instalment_facts, view};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::domain::shipping::crosscheck::{
    DocumentFigures, OrderLineFacts, ShipmentLineFacts, cross_check,
};
use crate::domain::shipping::{DocumentKind, Mismatch};
use crate::domain::terms::BalanceDue;
use crate::ssr::entities::{
    letter_of_credit, order, order_line, shipment, shipment_container, shipment_line,
    trade_document,
};
use crate::ssr::repo::quotations::{self, QuoteScope};
use crate::wire::ApiError;
use crate::wire::shipping::Said;

/// Everything of one shipment the checks and documents need.
pub(crate) struct ShipmentFacts {
    pub shipment: shipment::Model,
    pub lines: Vec<shipment_line::Model>,
    pub containers: Vec<shipment_container::Model>,
    pub documents: Vec<trade_document::Model>,
}

pub(crate) async fn shipments_with_parts(
    db: &impl ConnectionTrait,
    order_id: i32,
) -> Result<Vec<ShipmentFacts>, ApiError> {
    Ok(shipments_and_documents(db, order_id).await?.0)
}

/// The order's shipments with their parts, and the order's own documents
/// (those of no shipment), oldest first: each table read once, and the
/// shipments' lines and containers not at all while there are none.
pub(crate) async fn shipments_and_documents(
    db: &impl ConnectionTrait,
    order_id: i32,
) -> Result<(Vec<ShipmentFacts>, Vec<trade_document::Model>), ApiError> {
    let shipments = shipment::Entity::find()
        .filter(shipment::Column::OrderId.eq(order_id))
        .order_by_asc(shipment::Column::Etd)
        .order_by_asc(shipment::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i32> = shipments.iter().map(|s| s.id).collect();
    let (lines, containers) = if ids.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let lines = shipment_line::Entity::find()
            .filter(shipment_line::Column::ShipmentId.is_in(ids.clone()))
            .order_by_asc(shipment_line::Column::Id)
            .all(db)
            .await?;
        let containers = shipment_container::Entity::find()
            .filter(shipment_container::Column::ShipmentId.is_in(ids))
            .order_by_asc(shipment_container::Column::Id)
            .all(db)
            .await?;
        (lines, containers)
    };
    let (order_documents, documents): (Vec<_>, Vec<_>) = trade_document::Entity::find()
        .filter(trade_document::Column::OrderId.eq(order_id))
        .order_by_asc(trade_document::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .partition(|d| d.shipment_id.is_none());
    let shipments = shipments
        .into_iter()
        .map(|s| ShipmentFacts {
            lines: lines
                .iter()
                .filter(|l| l.shipment_id == s.id)
                .cloned()
                .collect(),
            containers: containers
                .iter()
                .filter(|c| c.shipment_id == s.id)
                .cloned()
                .collect(),
            documents: documents
                .iter()
                .filter(|d| d.shipment_id == Some(s.id))
                .cloned()
                .collect(),
            shipment: s,
        })
        .collect();
    Ok((shipments, order_documents))
}

pub(crate) async fn letter_of_credit_of(
    db: &impl ConnectionTrait,
    order_id: i32,
) -> Result<Option<letter_of_credit::Model>, ApiError> {
    Ok(letter_of_credit::Entity::find()
        .filter(letter_of_credit::Column::OrderId.eq(order_id))
        .one(db)
        .await?)
}

/// When the order's balance is paid: from the quotation it was made from;
/// an order entered directly is paid by its letter of credit when it has
/// one, else before shipment.
pub(crate) async fn balance_of_order(
    db: &impl ConnectionTrait,
    order: &order::Model,
    has_lc: bool,
) -> Result<BalanceDue, ApiError> {
    if let Some(id) = order.quotation_id
        && let Some(quote) = quotations::find(db, QuoteScope::All, id).await?
    {
        return crate::usecases::quotations::balance_of(&quote);
    }
    Ok(if has_lc {
        BalanceDue::LcAtSight
    } else {
        BalanceDue::BeforeShipment
    })
}

/// The figures a generated document was issued with.
pub(crate) fn figures_of(doc: Option<&trade_document::Model>) -> Option<DocumentFigures> {
    doc.and_then(|d| d.figures.as_deref())
        .and_then(|json| serde_json::from_str(json).ok())
}

/// The checks before customs for one shipment of the order.
pub(crate) fn checks_of(
    lines: &[order_line::Model],
    all: &[ShipmentFacts],
    facts: &ShipmentFacts,
) -> Vec<Mismatch> {
    let order_facts: Vec<OrderLineFacts> = lines
        .iter()
        .map(|l| OrderLineFacts {
            line_no: l.line_no,
            description: l.description.clone(),
            hs_code: l.hs_code.clone(),
            unit_price_minor: l.unit_price_minor,
            ordered: l.quantity,
            already_shipped: all
                .iter()
                .filter(|other| other.shipment.id != facts.shipment.id)
                .flat_map(|other| other.lines.iter())
                .filter(|sl| sl.order_line_id == l.id)
                .map(|sl| sl.quantity)
                .sum(),
        })
        .collect();
    let shipment_facts: Vec<ShipmentLineFacts> = facts
        .lines
        .iter()
        .filter_map(|sl| {
            let line = lines.iter().find(|l| l.id == sl.order_line_id)?;
            Some(ShipmentLineFacts {
                line_no: line.line_no,
                quantity: sl.quantity,
            })
        })
        .collect();
    let doc = |kind: DocumentKind| facts.documents.iter().find(|d| d.kind == kind);
    cross_check(
        &order_facts,
        &shipment_facts,
        figures_of(doc(DocumentKind::CommercialInvoice)).as_ref(),
        figures_of(doc(DocumentKind::PackingList)).as_ref(),
    )
}

/// A mismatch as a catalogue message with its values.
pub(crate) fn said_of_mismatch(m: &Mismatch) -> Said {
    let said = Said::new(m.key());
    let said = match m.line_no() {
        Some(line) => said.with("line", line),
        None => said,
    };
    mismatch_values(m, said)
}

/// Parses "1250.50" kilograms into grams, "1.250" cubic metres into cubic
/// centimetres; empty is zero.
pub(crate) fn parse_scaled(raw: &str, decimals: u32, max: i64) -> Result<i64, ()> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(0);
    }
    if raw.len() > 18 {
        return Err(());
    }
    let (whole, fraction) = raw.split_once('.').unwrap_or((raw, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
        || fraction.len() > decimals as usize
    {
        return Err(());
    }
    let scale = 10_i64.pow(decimals);
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| ())?
    };
    let mut fraction_value: i64 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().map_err(|_| ())?
    };
    for _ in fraction.len()..decimals as usize {
        fraction_value *= 10;
    }
    let value = whole
        .checked_mul(scale)
        .and_then(|v| v.checked_add(fraction_value))
        .ok_or(())?;
    if value > max { Err(()) } else { Ok(value) }
}

/// The other way: grams as "1250.50" kilograms and so on.
pub(crate) fn format_scaled(value: i64, decimals: u32) -> String {
    let scale = 10_i64.pow(decimals);
    format!(
        "{}.{:0width$}",
        value / scale,
        (value % scale).abs(),
        width = decimals as usize
    )
}

fn mismatch_values(m: &Mismatch, said: Said) -> Said {
    use crate::domain::order_input::format_minor;
    use crate::domain::shipping::crosscheck::Mismatch as M;
    match m {
        M::BadHsCode { code, error, .. } => {
            said.with("code", code).with_message("problem", error.key())
        }
        M::BadQuantity { quantity, .. } => said.with("quantity", quantity),
        M::ShipsMoreThanOrdered {
            ordered_left,
            shipping,
            ..
        } => said.with("left", ordered_left).with("shipping", shipping),
        M::LineMissingFrom { document, .. } | M::LineNotShipped { document, .. } => {
            said.with_message("document", document.key())
        }
        M::QuantityDiffers {
            document,
            document_qty,
            shipment_qty,
            ..
        } => said
            .with_message("document", document.key())
            .with("document_qty", document_qty)
            .with("shipment_qty", shipment_qty),
        M::DescriptionDiffers {
            document,
            document_text,
            order_text,
            ..
        } => said
            .with_message("document", document.key())
            .with("document_text", document_text)
            .with("order_text", order_text),
        M::HsCodeDiffers {
            document,
            document_code,
            order_code,
            ..
        } => said
            .with_message("document", document.key())
            .with("document_code", document_code)
            .with("order_code", order_code),
        M::AmountDiffers {
            invoice_amount,
            expected,
            ..
        } => said
            .with("amount", format_minor(*invoice_amount))
            .with("expected", format_minor(*expected)),
        M::TotalDiffers {
            invoice_total,
            sum_of_lines,
        } => said
            .with("total", format_minor(*invoice_total))
            .with("sum", format_minor(*sum_of_lines)),
        _ => said,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn weights_and_volumes_parse_in_their_units_and_format_back() {
        assert_eq!(parse_scaled("1250.5", 3, i64::MAX), Ok(1_250_500));
        assert_eq!(parse_scaled("", 3, i64::MAX), Ok(0));
        assert_eq!(parse_scaled(".25", 2, i64::MAX), Ok(25));
        assert_eq!(parse_scaled("1.2345", 3, i64::MAX), Err(()));
        assert_eq!(parse_scaled("-1", 3, i64::MAX), Err(()));
        assert_eq!(parse_scaled("1e9", 3, i64::MAX), Err(()));
        assert_eq!(parse_scaled("99999999999999999", 3, i64::MAX), Err(()));
        assert_eq!(parse_scaled("11", 3, 10_000), Err(()));
        assert_eq!(format_scaled(1_250_500, 3), "1250.500");
        assert_eq!(format_scaled(5, 2), "0.05");
    }

    proptest! {
        /// Weights and volumes as typed: never a panic, never beyond the
        /// bound the caller gives, never negative.
        #[test]
        fn any_typed_weight_or_volume_is_bounded(
            raw in "\\PC{0,20}|[+-]?[0-9]{0,20}(\\.[0-9]{0,8})?",
            decimals in 0u32..7,
        ) {
            let max = 1_000_000_000_000;
            if let Ok(value) = parse_scaled(&raw, decimals, max) {
                prop_assert!((0..=max).contains(&value), "{:?} read as {}", raw, value);
            }
        }
    }
}
