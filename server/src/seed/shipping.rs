//! Demo shipments: each order that has left the factory sails on one
//! shipment carrying all its lines, with one container and its checklist.

use app::domain::shipping::shipment::CustomsStatus;
use app::domain::shipping::{DocumentKind, DocumentState};
use app::ssr::entities::{
    order, order_line, shipment, shipment_container, shipment_line, trade_document,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};

/// A shipment that left on `sailed` (and arrived when `arrived`), its
/// documents all sent.
pub async fn departed(
    tx: &impl ConnectionTrait,
    order: &order::Model,
    lines: &[order_line::Model],
    sailed: NaiveDate,
    arrived: bool,
    now: DateTime<Utc>,
) -> Result<shipment::Model, DbErr> {
    let eta = sailed + Duration::days(26);
    let row = shipment::ActiveModel {
        order_id: Set(order.id),
        etd: Set(sailed),
        carrier: Set("COSCO Shipping".to_string()),
        vessel: Set("COSCO Aries 047W".to_string()),
        bl_number: Set(format!(
            "COSU{:010}",
            6_400_000_000i64 + i64::from(order.id)
        )),
        eta: Set(Some(eta)),
        created_at: Set(now),
        booking_no: Set(format!("BK{:07}", 5_100_000 + order.id)),
        port_of_loading: Set("Ningbo".to_string()),
        port_of_discharge: Set(order.ship_to.chars().take(80).collect()),
        atd: Set(Some(sailed)),
        ata: Set(arrived.then_some(eta)),
        customs_status: Set(CustomsStatus::Released),
        customs_on: Set(Some(sailed - Duration::days(2))),
        check_override: Set(None),
        check_override_by: Set(None),
        check_override_at: Set(None),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    for line in lines {
        shipment_line::ActiveModel {
            shipment_id: Set(row.id),
            order_line_id: Set(line.id),
            quantity: Set(line.quantity),
            cartons: Set(i32::try_from((line.quantity / 24).max(1)).unwrap_or(1)),
            net_weight_g: Set(line.quantity * 450),
            gross_weight_g: Set(line.quantity * 520),
            volume_cm3: Set(line.quantity * 2_400),
            ..Default::default()
        }
        .insert(tx)
        .await?;
    }
    shipment_container::ActiveModel {
        shipment_id: Set(row.id),
        container_no: Set(format!("CSNU{:07}", 3_100_000 + order.id)),
        seal_no: Set(format!("SL{:06}", 700_000 + order.id)),
        size: Set("40HC".to_string()),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    for kind in [
        DocumentKind::CommercialInvoice,
        DocumentKind::PackingList,
        DocumentKind::BillOfLading,
        DocumentKind::CertificateOfOrigin,
    ] {
        trade_document::ActiveModel {
            order_id: Set(order.id),
            shipment_id: Set(Some(row.id)),
            kind: Set(kind),
            state: Set(DocumentState::Sent),
            number: Set(None),
            file_id: Set(None),
            figures: Set(None),
            updated_by: Set(None),
            updated_at: Set(Some(now)),
            ..Default::default()
        }
        .insert(tx)
        .await?;
    }
    Ok(row)
}

/// The back half of the demo: a ready order with a planned shipment whose
/// documents are in several states (one received with a B/L draft on file,
/// the commercial invoice made and numbered, the rest still required), a
/// contract whose deposit is overdue, and an order paid by a letter of
/// credit whose latest shipment date is at risk.
pub async fn seed_back_half(
    tx: &sea_orm::DatabaseTransaction,
    demo: &mut super::Demo,
) -> Result<String, DbErr> {
    use app::domain::order_status::OrderStatus;
    use app::ssr::entities::{file, instalment, letter_of_credit};
    use app::ssr::storage::{StorageKey, sha256_hex};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

    let today = demo.now.date_naive();
    let ready = order::Entity::find()
        .filter(order::Column::Status.eq(OrderStatus::Ready))
        .order_by_asc(order::Column::Id)
        .all(tx)
        .await?;
    let mut told = Vec::new();
    if let Some(order) = ready.first() {
        let lines = order_line::Entity::find()
            .filter(order_line::Column::OrderId.eq(order.id))
            .all(tx)
            .await?;
        let planned = shipment::ActiveModel {
            order_id: Set(order.id),
            etd: Set(today + Duration::days(6)),
            carrier: Set("Maersk".to_string()),
            vessel: Set("Maersk Kinloss 451W".to_string()),
            bl_number: Set(String::new()),
            eta: Set(Some(today + Duration::days(34))),
            created_at: Set(demo.now),
            booking_no: Set("MAEU-BK-778812".to_string()),
            port_of_loading: Set("Ningbo".to_string()),
            port_of_discharge: Set("Hamburg".to_string()),
            atd: Set(None),
            ata: Set(None),
            customs_status: Set(CustomsStatus::Declared),
            customs_on: Set(Some(today)),
            check_override: Set(None),
            check_override_by: Set(None),
            check_override_at: Set(None),
            ..Default::default()
        }
        .insert(tx)
        .await?;
        for line in &lines {
            shipment_line::ActiveModel {
                shipment_id: Set(planned.id),
                order_line_id: Set(line.id),
                quantity: Set(line.quantity),
                cartons: Set(i32::try_from((line.quantity / 24).max(1)).unwrap_or(1)),
                net_weight_g: Set(line.quantity * 450),
                gross_weight_g: Set(line.quantity * 520),
                volume_cm3: Set(line.quantity * 2_400),
                ..Default::default()
            }
            .insert(tx)
            .await?;
        }
        // A draft bill of lading the forwarder sent, on file for the house.
        let bytes = b"%PDF-1.4\n% Draft bill of lading MAEU-BK-778812\n%%EOF\n".to_vec();
        let key = StorageKey::generate("files", today);
        let stored = file::ActiveModel {
            owner_kind: Set("shipment".to_string()),
            owner_id: Set(planned.id),
            order_id: Set(Some(order.id)),
            purchase_order_id: Set(None),
            customer_company_id: Set(Some(order.customer_company_id)),
            factory_company_id: Set(None),
            shared_with_customer: Set(false),
            shared_with_factory: Set(false),
            name: Set("BL draft MAEU-BK-778812.pdf".to_string()),
            content_type: Set("application/pdf".to_string()),
            size_bytes: Set(bytes.len() as i64),
            sha256: Set(sha256_hex(&bytes)),
            storage_key: Set(key.as_str().to_string()),
            uploaded_by: Set(demo.sales_owner),
            uploaded_at: Set(demo.now),
            ..Default::default()
        }
        .insert(tx)
        .await?;
        demo.files
            .put(&key, bytes)
            .await
            .map_err(|e| DbErr::Custom(format!("demo file: {e}")))?;
        for (kind, state, file_id) in [
            (
                DocumentKind::CommercialInvoice,
                DocumentState::Required,
                None,
            ),
            (DocumentKind::PackingList, DocumentState::Required, None),
            (
                DocumentKind::BillOfLading,
                DocumentState::Received,
                Some(stored.id),
            ),
            (
                DocumentKind::CertificateOfOrigin,
                DocumentState::Required,
                None,
            ),
        ] {
            trade_document::ActiveModel {
                order_id: Set(order.id),
                shipment_id: Set(Some(planned.id)),
                kind: Set(kind),
                state: Set(state),
                number: Set(None),
                file_id: Set(file_id),
                figures: Set(None),
                updated_by: Set(file_id.and(demo.sales_owner)),
                updated_at: Set(file_id.map(|_| demo.now)),
                ..Default::default()
            }
            .insert(tx)
            .await?;
        }
        told.push(format!("a shipment of {} being booked", order.number));
    }
    // A contract whose deposit fell due ten days ago and is unpaid.
    let contracts = order::Entity::find()
        .filter(order::Column::QuotationId.is_not_null())
        .order_by_asc(order::Column::Id)
        .all(tx)
        .await?;
    if let Some(order) = contracts.first()
        && let Some(deposit) = instalment::Entity::find()
            .filter(instalment::Column::OrderId.eq(order.id))
            .filter(instalment::Column::Kind.eq("deposit"))
            .one(tx)
            .await?
    {
        let mut overdue: instalment::ActiveModel = deposit.into();
        overdue.due_date = Set(Some(today - Duration::days(10)));
        overdue.paid_minor = Set(0);
        overdue.paid_at = Set(None);
        overdue.update(tx).await?;
        told.push(format!("an overdue deposit on {}", order.number));
    }
    // An order in production paid by L/C: its goods reach the port a few
    // days before the latest shipment date.
    let in_production = order::Entity::find()
        .filter(order::Column::Status.eq(OrderStatus::InProduction))
        .order_by_asc(order::Column::Id)
        .all(tx)
        .await?;
    if let Some(order) = in_production.first() {
        let lines = order_line::Entity::find()
            .filter(order_line::Column::OrderId.eq(order.id))
            .all(tx)
            .await?;
        let ready = lines
            .iter()
            .filter_map(|l| l.forecast_date.or(l.committed_date))
            .max()
            .unwrap_or(today);
        let amount: i64 = lines.iter().map(|l| l.quantity * l.unit_price_minor).sum();
        letter_of_credit::ActiveModel {
            order_id: Set(order.id),
            number: Set("LC-DE-2026-44871".to_string()),
            issuing_bank: Set("Hansabank Hamburg".to_string()),
            currency: Set(order.currency.clone()),
            amount_minor: Set(amount),
            tolerance_bp: Set(500),
            expiry: Set(ready.max(today) + Duration::days(30)),
            latest_shipment: Set(ready.max(today) + Duration::days(5)),
            presentation_days: Set(21),
            partial_shipments: Set(false),
            transhipment: Set(true),
            goods_description: Set(lines
                .first()
                .map(|l| l.description.clone())
                .unwrap_or_default()),
            days_to_port: Set(3),
            presented_on: Set(None),
            risk_alerted: Set(0),
            updated_at: Set(demo.now),
            ..Default::default()
        }
        .insert(tx)
        .await?;
        told.push(format!("an L/C at risk on {}", order.number));
    }
    Ok(format!("shipping: {}", told.join(", ")))
}
