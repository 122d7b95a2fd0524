//! The order's back half as its viewer may see it.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{
    ShipmentFacts, checks_of, format_scaled, letter_of_credit_of, said_of_mismatch,
    shipments_and_documents,
};
use crate::domain::kept_pages::Scope;
use crate::domain::letter_of_credit::{self as lc_rules, LcRisk};
use crate::domain::order_edit::editable;
use crate::domain::order_input::format_minor;
use crate::domain::payments::{InstalmentFacts, InstalmentStatus, status};
use crate::domain::shipping::shipment::{CustomsStatus, Voyage};
use crate::domain::terms::format_percent;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{
    file, instalment, letter_of_credit, order, order_line, trade_document, user,
};
use crate::ssr::repo::files as file_repo;
use crate::ssr::repo::users;
use crate::usecases::files::{file_view, visible};
use crate::wire::ApiError;
use crate::wire::shipping::{
    ContainerView, DocumentView, FileView, InstalmentView, LcView, OpenLine, ShipmentDetail,
    ShipmentLineView, ShippingView,
};

/// The order's shipments, documents, files and payments as the viewer may
/// see them. What the book holds of them is kept between writes under the
/// order's shipping (`read_cache`); the order with its lines comes from its
/// own kept read, so a factory's report, which moves the lines and not the
/// shipping, has the panel read only the order again.
pub async fn view(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
) -> Result<ShippingView, ApiError> {
    let seen = crate::usecases::orders::seen(state, user, order_id).await?;
    let held = state
        .kept_part(
            "shipping/held",
            user,
            Some(Scope::Shipping(order_id)),
            order_id,
            || read(state, user, order_id),
        )
        .await?;
    Ok(assemble(
        state.today(),
        user,
        &seen.order,
        &seen.lines,
        &held,
    ))
}

/// What the book holds of an order's back half, as one viewer may see it.
struct Held {
    shipments: Vec<ShipmentFacts>,
    order_documents: Vec<trade_document::Model>,
    /// The files of the order and its shipments the viewer may see.
    files: Vec<file::Model>,
    /// The house only: who uploaded those files and changed the documents.
    people: Vec<user::Model>,
    schedule: Vec<instalment::Model>,
    lc: Option<letter_of_credit::Model>,
}

/// Reads the order's back half; called only once the viewer was seen to
/// be allowed the order (`orders::seen`).
async fn read(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
) -> Result<std::sync::Arc<Held>, ApiError> {
    let house = user.actor().is_house();
    // Only shown: on SQLite the read-only pool, so the order page's shipping
    // panel does not queue behind writes; its reads share one connection.
    let reads = state.begin_reads().await?;
    let db = &reads;
    let (shipments, order_documents) = shipments_and_documents(db, order_id).await?;
    let shipment_ids: Vec<i32> = shipments.iter().map(|s| s.shipment.id).collect();
    let files = file_repo::of_order_and_shipments(db, order_id, &shipment_ids).await?;
    let files: Vec<file::Model> = files.into_iter().filter(|f| visible(user, f)).collect();
    let mut people_ids: Vec<i32> = files.iter().filter_map(|f| f.uploaded_by).collect();
    people_ids.extend(
        shipments
            .iter()
            .flat_map(|s| s.documents.iter())
            .chain(order_documents.iter())
            .filter_map(|d| d.updated_by),
    );
    let people = if house {
        users::by_ids(db, &people_ids).await?
    } else {
        Vec::new()
    };
    let schedule = instalment::Entity::find()
        .filter(instalment::Column::OrderId.eq(order_id))
        .order_by_asc(instalment::Column::Position)
        .all(db)
        .await?;
    let lc = letter_of_credit_of(db, order_id).await?;
    reads.commit().await?;
    Ok(std::sync::Arc::new(Held {
        shipments,
        order_documents,
        files,
        people,
        schedule,
        lc,
    }))
}

/// The panel of what was read, with the order and its lines as they are
/// now (their status, version and dates).
fn assemble(
    today: NaiveDate,
    user: &CurrentUser,
    order: &order::Model,
    lines: &[order_line::Model],
    held: &Held,
) -> ShippingView {
    let house = user.actor().is_house();
    let shipments = &held.shipments;
    let forecast = latest_forecast(lines);
    let open = editable(order.status);
    let ctx = Ctx {
        house,
        files: &held.files,
        people: &held.people,
    };
    ShippingView {
        order_id: order.id,
        version: order.version,
        currency: order.currency.clone(),
        house,
        can_ship: house && open.shipments,
        can_pay: house && open.payments,
        open_lines: if house {
            open_lines(lines, shipments)
        } else {
            Vec::new()
        },
        shipments: shipments
            .iter()
            .map(|facts| shipment_detail(&ctx, lines, shipments, facts))
            .collect(),
        documents: held
            .order_documents
            .iter()
            .map(|d| document_view(&ctx, d))
            .collect(),
        files: held
            .files
            .iter()
            .filter(|f| f.owner_kind == "order")
            .map(|f| file_view(f.clone(), house, &held.people))
            .collect(),
        schedule: held
            .schedule
            .iter()
            .map(|i| instalment_view(i, today))
            .collect(),
        lc: held
            .lc
            .as_ref()
            .map(|lc| lc_view(order, lc, shipments, lines, forecast, today)),
    }
}

struct Ctx<'a> {
    house: bool,
    files: &'a [file::Model],
    people: &'a [user::Model],
}

/// The latest forecast (or committed) date among the order's lines: when
/// the last goods are expected to be ready.
fn latest_forecast(lines: &[order_line::Model]) -> Option<NaiveDate> {
    lines
        .iter()
        .filter_map(|l| l.forecast_date.or(l.committed_date))
        .max()
}

fn open_lines(lines: &[order_line::Model], shipments: &[ShipmentFacts]) -> Vec<OpenLine> {
    lines
        .iter()
        .map(|l| OpenLine {
            order_line_id: l.id,
            line_no: l.line_no,
            product_code: l.product_code.clone(),
            description: l.description.clone(),
            unit: l.unit.clone(),
            ordered: l.quantity,
            shipped: shipments
                .iter()
                .flat_map(|s| s.lines.iter())
                .filter(|sl| sl.order_line_id == l.id)
                .map(|sl| sl.quantity)
                .sum(),
        })
        .collect()
}

fn shipment_detail(
    ctx: &Ctx<'_>,
    lines: &[order_line::Model],
    all: &[ShipmentFacts],
    facts: &ShipmentFacts,
) -> ShipmentDetail {
    let s = &facts.shipment;
    let stage = Voyage {
        etd: Some(s.etd),
        atd: s.atd,
        eta: s.eta,
        ata: s.ata,
    }
    .stage();
    let checks = if ctx.house && s.atd.is_none() {
        checks_of(lines, all, facts)
            .iter()
            .map(said_of_mismatch)
            .collect()
    } else {
        Vec::new()
    };
    ShipmentDetail {
        id: s.id,
        booking_no: s.booking_no.clone(),
        carrier: s.carrier.clone(),
        vessel: s.vessel.clone(),
        bl_number: s.bl_number.clone(),
        port_of_loading: s.port_of_loading.clone(),
        port_of_discharge: s.port_of_discharge.clone(),
        etd: s.etd,
        atd: s.atd,
        eta: s.eta,
        ata: s.ata,
        stage_key: stage.key().to_string(),
        customs_status: s.customs_status.as_str().to_string(),
        customs_key: s.customs_status.key().to_string(),
        customs_on: s.customs_on,
        next_customs: if ctx.house {
            CustomsStatus::ALL
                .iter()
                .filter(|next| s.customs_status.can_move_to(**next))
                .map(|next| next.as_str().to_string())
                .collect()
        } else {
            Vec::new()
        },
        containers: facts
            .containers
            .iter()
            .map(|c| ContainerView {
                container_no: c.container_no.clone(),
                seal_no: c.seal_no.clone(),
                size: c.size.clone(),
            })
            .collect(),
        lines: facts
            .lines
            .iter()
            .filter_map(|sl| {
                let line = lines.iter().find(|l| l.id == sl.order_line_id)?;
                Some(ShipmentLineView {
                    order_line_id: line.id,
                    line_no: line.line_no,
                    product_code: line.product_code.clone(),
                    description: line.description.clone(),
                    unit: line.unit.clone(),
                    quantity: sl.quantity,
                    cartons: sl.cartons,
                    net_kg: format_scaled(sl.net_weight_g, 3),
                    gross_kg: format_scaled(sl.gross_weight_g, 3),
                    volume_m3: format_scaled(sl.volume_cm3 / 1000, 3),
                })
            })
            .collect(),
        documents: facts
            .documents
            .iter()
            .map(|d| document_view(ctx, d))
            .collect(),
        files: ctx
            .files
            .iter()
            .filter(|f| f.owner_kind == "shipment" && f.owner_id == s.id)
            .map(|f| file_view(f.clone(), ctx.house, ctx.people))
            .collect(),
        checks,
        override_reason: if ctx.house {
            s.check_override.clone()
        } else {
            None
        },
    }
}

fn document_view(ctx: &Ctx<'_>, d: &trade_document::Model) -> DocumentView {
    // The file shows only when the viewer may see it (the customer: once
    // it is shared, which sending does).
    let file: Option<FileView> = d
        .file_id
        .and_then(|id| ctx.files.iter().find(|f| f.id == id))
        .map(|f| file_view(f.clone(), ctx.house, ctx.people));
    DocumentView {
        id: d.id,
        kind: d.kind.as_str().to_string(),
        kind_key: d.kind.key().to_string(),
        state: d.state.as_str().to_string(),
        state_key: d.state.key().to_string(),
        number: d.number.clone(),
        generated: d.kind.generated(),
        file,
        updated_at: d.updated_at,
        updated_by: if ctx.house {
            d.updated_by
                .and_then(|id| ctx.people.iter().find(|p| p.id == id))
                .map(|p| p.display_name.clone())
        } else {
            None
        },
    }
}

pub fn instalment_facts(i: &instalment::Model) -> InstalmentFacts {
    InstalmentFacts {
        id: i.id,
        position: i.position,
        amount_minor: i.amount_minor,
        paid_minor: i.paid_minor,
        due: i.due_date,
    }
}

fn instalment_view(i: &instalment::Model, today: NaiveDate) -> InstalmentView {
    let st = status(&instalment_facts(i), today);
    InstalmentView {
        id: i.id,
        kind_key: format!("instalment-{}", i.kind),
        amount: format_minor(i.amount_minor),
        paid: format_minor(i.paid_minor),
        due: i.due_date,
        due_event_key: match (i.due_date, i.due_event.as_deref()) {
            (None, Some(event)) => Some(format!("due-event-{}", event.replace('_', "-"))),
            _ => None,
        },
        status_key: st.key().to_string(),
        overdue_days: match st {
            InstalmentStatus::Overdue { days } => Some(days),
            _ => None,
        },
    }
}

fn lc_view(
    order: &order::Model,
    lc: &letter_of_credit::Model,
    shipments: &[ShipmentFacts],
    lines: &[order_line::Model],
    forecast: Option<NaiveDate>,
    today: NaiveDate,
) -> LcView {
    let terms = super::lc::terms_of(lc);
    let risk = lc_rules::shipment_risk(&terms, forecast, lc.days_to_port.max(0) as u16, today);
    let discrepancies = super::lc::presentation_of(order, lc, shipments, lines)
        .map(|presentation| {
            lc_rules::discrepancies(&terms, &presentation, today)
                .iter()
                .map(super::lc::said_of_discrepancy)
                .collect()
        })
        .unwrap_or_default();
    LcView {
        number: lc.number.clone(),
        issuing_bank: lc.issuing_bank.clone(),
        amount: format_minor(lc.amount_minor),
        tolerance: format_percent(u32::try_from(lc.tolerance_bp).unwrap_or(0)),
        tolerance_bp: u32::try_from(lc.tolerance_bp).unwrap_or(0),
        expiry: lc.expiry,
        latest_shipment: lc.latest_shipment,
        presentation_days: lc.presentation_days,
        partial_shipments: lc.partial_shipments,
        transhipment: lc.transhipment,
        goods_description: lc.goods_description.clone(),
        days_to_port: lc.days_to_port,
        presented_on: lc.presented_on,
        risk_level: risk_level(&risk).to_string(),
        risk: super::lc::said_of_risk(&risk),
        discrepancies,
    }
}

pub(crate) fn risk_level(risk: &LcRisk) -> &'static str {
    match risk {
        LcRisk::Clear => "clear",
        LcRisk::AtRisk { .. } => "at_risk",
        LcRisk::WillMiss { .. } => "will_miss",
        LcRisk::Expired => "expired",
    }
}
