//! The documents of an order and its shipments: the portal makes the
//! proforma invoice, the commercial invoice and the packing list from the
//! order and shipment data (numbered by the house, with its letterhead, the
//! figures kept for the checks before customs); the others are received
//! (a file attached) and sent, which shares their file with the customer.

use chrono::{Datelike, NaiveDate};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

use super::{ShipmentFacts, shipments_with_parts};
use crate::domain::company::CompanyKind;
use crate::domain::order_input::{line_value, total_value};
use crate::domain::shipping::crosscheck::{DocumentFigures, DocumentLine};
use crate::domain::shipping::{DocumentKind, DocumentState};
use crate::domain::trade_documents::{
    InvoiceInput, InvoiceLine, PackingInput, PackingLine, Party, ShipmentFacts as DocShipment,
    commercial_invoice, packing_list, proforma_invoice,
};
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{file, order, order_line, trade_document};
use crate::ssr::repo::files as file_repo;
use crate::ssr::repo::{companies, orders, purchase_orders};
use crate::usecases::files::{Owner, store_generated};
use crate::usecases::order_desk::{Entry, claim, finish, staff_order};
use crate::usecases::orders::stale_order;
use crate::wire::{ApiError, FieldErrors};

fn problem(field: &str, message: String) -> ApiError {
    let mut problems = FieldErrors::default();
    problems.add(field, message);
    problems.into_error()
}

/// The prefix of the house's numbers for a kind, like `CI-2026-0007`.
fn prefix(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::ProformaInvoice => "PI",
        DocumentKind::CommercialInvoice => "CI",
        DocumentKind::PackingList => "PL",
        _ => "DOC",
    }
}

/// The next number of the kind in the year: one more than those issued.
/// The unique index on numbers keeps two issuers apart; the loser retries.
async fn next_number(
    db: &impl ConnectionTrait,
    kind: DocumentKind,
    year: i32,
) -> Result<String, ApiError> {
    let start = format!("{}-{year}-", prefix(kind));
    let issued = trade_document::Entity::find()
        .filter(trade_document::Column::Number.starts_with(&start))
        .count(db)
        .await?;
    Ok(format!("{start}{:04}", issued + 1))
}

async fn house_party(db: &impl ConnectionTrait) -> Result<(Party, String), ApiError> {
    let house = companies::first_of_kind(db, CompanyKind::House).await?;
    Ok(match house {
        Some(h) => (
            Party {
                name: h.name.clone(),
                address: vec![format!("{}, {}", h.city, h.country)],
            },
            h.country,
        ),
        None => (Party::default(), String::new()),
    })
}

async fn buyer_party(db: &impl ConnectionTrait, order: &order::Model) -> Result<Party, ApiError> {
    let customer = companies::find(db, order.customer_company_id).await?;
    Ok(Party {
        name: customer
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        address: customer
            .map(|c| vec![format!("{}, {}", c.city, c.country), order.ship_to.clone()])
            .unwrap_or_default(),
    })
}

/// Where the goods were made: the countries of the factories behind the
/// lines (never their names), else the house's.
async fn origin(
    db: &impl ConnectionTrait,
    lines: &[order_line::Model],
    house_country: &str,
) -> Result<String, ApiError> {
    let ids: Vec<i32> = lines.iter().map(|l| l.id).collect();
    let placed = purchase_orders::placed_lines(db, &ids).await?;
    let mut suppliers: Vec<i32> = placed.iter().map(|p| p.po.supplier_company_id).collect();
    suppliers.sort_unstable();
    suppliers.dedup();
    let mut countries: Vec<String> = companies::by_ids(db, &suppliers)
        .await?
        .into_iter()
        .map(|c| c.country)
        .collect();
    countries.sort();
    countries.dedup();
    Ok(if countries.is_empty() {
        house_country.to_string()
    } else {
        countries.join(", ")
    })
}

fn doc_shipment(facts: Option<&ShipmentFacts>, origin: String) -> DocShipment {
    match facts {
        None => DocShipment {
            country_of_origin: Some(origin),
            ..Default::default()
        },
        Some(f) => {
            let s = &f.shipment;
            let some = |v: &str| (!v.is_empty()).then(|| v.to_string());
            DocShipment {
                vessel: some(&s.vessel),
                voyage: some(&s.booking_no),
                bill_of_lading: some(&s.bl_number),
                port_of_loading: some(&s.port_of_loading),
                port_of_discharge: some(&s.port_of_discharge),
                containers: f
                    .containers
                    .iter()
                    .map(|c| format!("{} {}", c.container_no, c.size).trim().to_string())
                    .collect(),
                marks: None,
                country_of_origin: Some(origin),
                etd: Some(s.etd),
            }
        }
    }
}

/// Makes a document and files it: a PDF stored as a file of the order or
/// shipment (not yet shared), its number and figures on its checklist row,
/// which moves to received.
pub async fn generate(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    shipment_id: Option<i32>,
    kind: String,
) -> Result<(), ApiError> {
    let (order, _) = staff_order(state, user, order_id, "generate document").await?;
    if order.version != version {
        return Err(stale_order(user.locale));
    }
    let t = |key: &str| user.locale.t(key);
    let kind = DocumentKind::parse(kind.trim())
        .filter(|k| k.generated())
        .ok_or_else(|| problem("kind", t("documents-not-generated")))?;
    if (kind == DocumentKind::ProformaInvoice) != shipment_id.is_none() {
        return Err(problem("kind", t("documents-wrong-record")));
    }
    let db = &state.db;
    let lines = orders::lines_of(db, &[order.id]).await?;
    let all = shipments_with_parts(db, order.id).await?;
    let facts = match shipment_id {
        Some(id) => Some(
            all.iter()
                .find(|s| s.shipment.id == id)
                .ok_or(ApiError::NotFound)?,
        ),
        None => None,
    };
    let today = state.today();
    let (house, house_country) = house_party(db).await?;
    let buyer = buyer_party(db, &order).await?;
    let origin = origin(db, &lines, &house_country).await?;
    let existing = trade_document::Entity::find()
        .filter(trade_document::Column::OrderId.eq(order.id))
        .filter(match shipment_id {
            Some(id) => trade_document::Column::ShipmentId.eq(id),
            None => trade_document::Column::ShipmentId.is_null(),
        })
        .filter(trade_document::Column::Kind.eq(kind))
        .one(db)
        .await?;
    let number = match existing.as_ref().and_then(|d| d.number.clone()) {
        Some(number) => number,
        None => next_number(db, kind, today.year()).await?,
    };
    let (doc, figures) = build(
        kind, &number, today, &order, &lines, facts, house, buyer, origin,
    );
    let bytes = crate::ssr::pdf::render(&doc);
    let now = state.now();
    let work = claim(state, user.locale, order.id, version).await?;
    let owner = match shipment_id {
        Some(id) => Owner::Shipment(id),
        None => Owner::Order(order.id),
    };
    let stored = store_generated(
        state,
        &work,
        owner,
        &order,
        &format!("{number}.pdf"),
        bytes,
        user.user_id,
        now,
    )
    .await?;
    let figures_json = serde_json::to_string(&figures).ok();
    let mut row: trade_document::ActiveModel = match existing {
        Some(model) => model.into(),
        None => trade_document::ActiveModel {
            order_id: Set(order.id),
            shipment_id: Set(shipment_id),
            kind: Set(kind),
            ..Default::default()
        },
    };
    row.state = Set(DocumentState::Received);
    row.number = Set(Some(number.clone()));
    row.file_id = Set(Some(stored.id));
    row.figures = Set(figures_json);
    row.updated_by = Set(Some(user.user_id));
    row.updated_at = Set(Some(now));
    row.save(&work.tx).await?;
    let entry = Entry {
        summary: format!("Document made: {number}"),
        before: None,
        after: Some(kind.as_str().replace('_', " ")),
    };
    finish(state, work, &order, user.user_id, "document", vec![entry]).await
}

#[allow(clippy::too_many_arguments)]
fn build(
    kind: DocumentKind,
    number: &str,
    today: NaiveDate,
    order: &order::Model,
    lines: &[order_line::Model],
    facts: Option<&ShipmentFacts>,
    house: Party,
    buyer: Party,
    origin: String,
) -> (
    crate::domain::trade_documents::TradeDocument,
    DocumentFigures,
) {
    // What the document covers: the shipment's quantities, or (proforma)
    // the whole order.
    let covered: Vec<(
        &order_line::Model,
        i64,
        Option<&crate::ssr::entities::shipment_line::Model>,
    )> = match facts {
        Some(f) => f
            .lines
            .iter()
            .filter_map(|sl| {
                let line = lines.iter().find(|l| l.id == sl.order_line_id)?;
                Some((line, sl.quantity, Some(sl)))
            })
            .collect(),
        None => lines.iter().map(|l| (l, l.quantity, None)).collect(),
    };
    let shipment = doc_shipment(facts, origin);
    let port = facts
        .map(|f| f.shipment.port_of_discharge.clone())
        .unwrap_or_else(|| order.ship_to.clone());
    if kind == DocumentKind::PackingList {
        let input = PackingInput {
            number: number.to_string(),
            issued_on: today,
            house,
            buyer,
            order_number: order.number.clone(),
            incoterm: order.incoterm.clone(),
            port,
            shipment,
            lines: covered
                .iter()
                .map(|(line, quantity, sl)| PackingLine {
                    line_no: u32::try_from(line.line_no).unwrap_or(0),
                    product_code: line.product_code.clone(),
                    description: line.description.clone(),
                    quantity: *quantity,
                    unit: line.unit.clone(),
                    cartons: sl
                        .map(|s| u32::try_from(s.cartons).unwrap_or(0))
                        .unwrap_or(0),
                    net_weight_g: sl.map(|s| s.net_weight_g).unwrap_or(0),
                    gross_weight_g: sl.map(|s| s.gross_weight_g).unwrap_or(0),
                    volume_cm3: sl.map(|s| s.volume_cm3).unwrap_or(0),
                })
                .collect(),
        };
        let figures = DocumentFigures {
            lines: covered
                .iter()
                .map(|(line, quantity, _)| DocumentLine {
                    line_no: line.line_no,
                    description: line.description.clone(),
                    hs_code: line.hs_code.clone(),
                    quantity: *quantity,
                    amount_minor: None,
                })
                .collect(),
            total_minor: None,
        };
        return (packing_list(&input), figures);
    }
    let invoice_lines: Vec<InvoiceLine> = covered
        .iter()
        .map(|(line, quantity, _)| InvoiceLine {
            line_no: u32::try_from(line.line_no).unwrap_or(0),
            product_code: line.product_code.clone(),
            description: line.description.clone(),
            hs_code: line.hs_code.clone(),
            quantity: *quantity,
            unit: line.unit.clone(),
            unit_price_minor: line.unit_price_minor,
            amount_minor: line_value(*quantity, line.unit_price_minor),
        })
        .collect();
    let figures = DocumentFigures {
        lines: invoice_lines
            .iter()
            .map(|l| DocumentLine {
                line_no: i32::try_from(l.line_no).unwrap_or(0),
                description: l.description.clone(),
                hs_code: l.hs_code.clone(),
                quantity: l.quantity,
                amount_minor: Some(l.amount_minor),
            })
            .collect(),
        total_minor: Some(total_value(invoice_lines.iter().map(|l| l.amount_minor))),
    };
    let input = InvoiceInput {
        number: number.to_string(),
        issued_on: today,
        house,
        buyer,
        order_number: order.number.clone(),
        currency: order.currency.clone(),
        incoterm: order.incoterm.clone(),
        port,
        payment_terms: order.payment_terms.clone(),
        shipment,
        lines: invoice_lines,
    };
    let doc = if kind == DocumentKind::ProformaInvoice {
        proforma_invoice(&input)
    } else {
        commercial_invoice(&input)
    };
    (doc, figures)
}

/// Moves a checklist document on: received (with a file of the order or
/// shipment), or sent, which shares its file with the customer.
pub async fn document_state(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    document_id: i32,
    next: String,
    file_id: Option<i32>,
) -> Result<(), ApiError> {
    let (order, _) = staff_order(state, user, order_id, "document state").await?;
    if order.version != version {
        return Err(stale_order(user.locale));
    }
    let t = |key: &str| user.locale.t(key);
    let doc = trade_document::Entity::find_by_id(document_id)
        .filter(trade_document::Column::OrderId.eq(order.id))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let next = DocumentState::parse(next.trim())
        .ok_or_else(|| problem("state", t("documents-state-unknown")))?;
    // A received document may be received again: a corrected copy.
    if !(doc.state == DocumentState::Received && next == DocumentState::Received) {
        doc.state
            .advance(doc.kind, next)
            .map_err(|e| problem("state", t(e.key())))?;
    }
    let file = match file_id.or(doc.file_id) {
        Some(id) => Some(file_of_order(&state.db, &order, id).await?),
        None => None,
    };
    if next == DocumentState::Sent && file.is_none() {
        return Err(problem("state", t("documents-send-needs-file")));
    }
    let now = state.now();
    let work = claim(state, user.locale, order.id, version).await?;
    if next == DocumentState::Sent
        && let Some(file) = &file
    {
        file_repo::set_shared_with_customer(&work.tx, file.id, true).await?;
    }
    let kind = doc.kind;
    let mut row: trade_document::ActiveModel = doc.into();
    row.state = Set(next);
    row.file_id = Set(file.as_ref().map(|f| f.id));
    row.updated_by = Set(Some(user.user_id));
    row.updated_at = Set(Some(now));
    row.update(&work.tx).await?;
    let entry = Entry {
        summary: format!(
            "Document {}: {}",
            next.as_str(),
            kind.as_str().replace('_', " ")
        ),
        before: None,
        after: file.map(|f| f.name),
    };
    finish(state, work, &order, user.user_id, "document", vec![entry]).await
}

/// A file of this order (or one of its shipments); any other is not found.
async fn file_of_order(
    db: &impl ConnectionTrait,
    order: &order::Model,
    id: i32,
) -> Result<file::Model, ApiError> {
    file::Entity::find_by_id(id)
        .filter(file::Column::OrderId.eq(order.id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

/// After an upload meant for a checklist row: the row is received with that
/// file. It acts on the order as it is now (an upload carries no version).
pub async fn attach_received(
    state: &AppState,
    user: &CurrentUser,
    document_id: i32,
    file_id: i32,
) -> Result<(), ApiError> {
    let doc = trade_document::Entity::find_by_id(document_id)
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let (order, _) = staff_order(state, user, doc.order_id, "attach document").await?;
    document_state(
        state,
        user,
        order.id,
        order.version,
        document_id,
        DocumentState::Received.as_str().to_string(),
        Some(file_id),
    )
    .await
}
