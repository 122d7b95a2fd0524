//! Planning a shipment of some of the order's lines, and changing it while
//! it has not left: booking, voyage, ports, containers, quantities and
//! packing. A changed arrival date reaches the customer's open pages and,
//! by mail, its buyers.

use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::{balance_of_order, letter_of_credit_of, parse_scaled, shipments_with_parts};
use crate::domain::order_edit::{editable, parse_container_no, parse_transport_document};
use crate::domain::order_input::required_text;
use crate::domain::refusal::Localize;
use crate::domain::shipping::shipment::{CustomsStatus, Voyage, eta_changed, partial_quantities};
use crate::domain::shipping::{DocumentKind, DocumentState, required_documents};
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{
    order, order_line, shipment, shipment_container, shipment_line, trade_document,
};
use crate::ssr::notify::{self, Mail};
use crate::ssr::repo::{orders, users};
use crate::ssr::work::UnitOfWork;
use crate::usecases::order_desk::{Entry, claim, closed, finish, parse_date, staff_order};
use crate::usecases::orders::stale_order;
use crate::wire::shipping::{ShipLineInput, ShipmentInput};
use crate::wire::{ApiError, FieldErrors};

/// The most of one line, cartons, grams and cubic centimetres a shipment
/// line can hold: far beyond any real consignment, and safe to add up.
const MAX_QUANTITY: i64 = 1_000_000_000;
const MAX_GRAMS: i64 = 1_000_000_000_000;
const MAX_CM3: i64 = 1_000_000_000_000;

/// A shipment as the form gives it, every field valid.
struct Parsed {
    booking_no: String,
    carrier: String,
    vessel: String,
    bl_number: String,
    port_of_loading: String,
    port_of_discharge: String,
    voyage: Voyage,
    containers: Vec<(String, String, String)>,
    lines: Vec<ParsedLine>,
}

struct ParsedLine {
    order_line_id: i32,
    quantity: i64,
    cartons: i32,
    net_g: i64,
    gross_g: i64,
    volume_cm3: i64,
}

/// Plans a shipment of the order; returns its id.
pub async fn plan(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    input: ShipmentInput,
) -> Result<i32, ApiError> {
    let (order, status) = staff_order(state, user, order_id, "plan shipment").await?;
    if !editable(status).shipments {
        return Err(closed(user.locale, "err-action-plan-shipment", status));
    }
    if order.version != version {
        return Err(stale_order(user.locale));
    }
    let lines = orders::lines_of(&state.db, &[order.id]).await?;
    let others = shipments_with_parts(&state.db, order.id).await?;
    let today = state.today();
    let parsed = parse(&input, &lines, &others, None, today, user)?;
    let lc = letter_of_credit_of(&state.db, order.id).await?;
    let balance = balance_of_order(&state.db, &order, lc.is_some()).await?;
    let now = state.now();
    let work = claim(state, user.locale, order.id, version).await?;
    let row = shipment::ActiveModel {
        order_id: Set(order.id),
        etd: Set(parsed.voyage.etd.unwrap_or(today)),
        carrier: Set(parsed.carrier.clone()),
        vessel: Set(parsed.vessel.clone()),
        bl_number: Set(parsed.bl_number.clone()),
        eta: Set(parsed.voyage.eta),
        created_at: Set(now),
        booking_no: Set(parsed.booking_no.clone()),
        port_of_loading: Set(parsed.port_of_loading.clone()),
        port_of_discharge: Set(parsed.port_of_discharge.clone()),
        atd: Set(None),
        ata: Set(None),
        customs_status: Set(CustomsStatus::NotDeclared),
        customs_on: Set(None),
        check_override: Set(None),
        check_override_by: Set(None),
        check_override_at: Set(None),
        ..Default::default()
    }
    .insert(&work.tx)
    .await?;
    write_parts(&work, row.id, &parsed).await?;
    let inspection = false;
    for kind in required_documents(&order.incoterm, balance, inspection) {
        // The proforma belongs to the order: one, whatever the shipments.
        let shipment_id = if kind == DocumentKind::ProformaInvoice {
            let exists = trade_document::Entity::find()
                .filter(trade_document::Column::OrderId.eq(order.id))
                .filter(trade_document::Column::Kind.eq(kind))
                .one(&work.tx)
                .await?
                .is_some();
            if exists {
                continue;
            }
            None
        } else {
            Some(row.id)
        };
        trade_document::ActiveModel {
            order_id: Set(order.id),
            shipment_id: Set(shipment_id),
            kind: Set(kind),
            state: Set(DocumentState::Required),
            number: Set(None),
            file_id: Set(None),
            figures: Set(None),
            updated_by: Set(None),
            updated_at: Set(None),
            ..Default::default()
        }
        .insert(&work.tx)
        .await?;
    }
    let entry = Entry {
        summary: format!(
            "Shipment planned: {} {}, booking {}",
            parsed.carrier, parsed.vessel, parsed.booking_no
        ),
        before: None,
        after: Some(voyage_words(&parsed.voyage)),
    };
    finish(state, work, &order, user.user_id, "shipment", vec![entry]).await?;
    Ok(row.id)
}

/// Changes a shipment. Quantities and packing change only before it
/// leaves; a changed ETA is told to the customer.
pub async fn update(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    shipment_id: i32,
    input: ShipmentInput,
) -> Result<(), ApiError> {
    let (order, status) = staff_order(state, user, order_id, "update shipment").await?;
    if !editable(status).shipments {
        return Err(closed(user.locale, "err-action-change-shipment", status));
    }
    if order.version != version {
        return Err(stale_order(user.locale));
    }
    let lines = orders::lines_of(&state.db, &[order.id]).await?;
    let all = shipments_with_parts(&state.db, order.id).await?;
    let current = all
        .iter()
        .find(|s| s.shipment.id == shipment_id)
        .ok_or(ApiError::NotFound)?;
    let today = state.today();
    let mut parsed = parse(&input, &lines, &all, Some(shipment_id), today, user)?;
    let old = current.shipment.clone();
    // What has happened stays as recorded.
    parsed.voyage.atd = old.atd;
    parsed.voyage.ata = old.ata;
    let departed = old.atd.is_some();
    let work = claim(state, user.locale, order.id, version).await?;
    let mut row: shipment::ActiveModel = old.clone().into();
    row.booking_no = Set(parsed.booking_no.clone());
    row.carrier = Set(parsed.carrier.clone());
    row.vessel = Set(parsed.vessel.clone());
    row.bl_number = Set(parsed.bl_number.clone());
    row.port_of_loading = Set(parsed.port_of_loading.clone());
    row.port_of_discharge = Set(parsed.port_of_discharge.clone());
    if let Some(etd) = parsed.voyage.etd {
        row.etd = Set(etd);
    }
    row.eta = Set(parsed.voyage.eta);
    row.update(&work.tx).await?;
    if !departed {
        shipment_line::Entity::delete_many()
            .filter(shipment_line::Column::ShipmentId.eq(shipment_id))
            .exec(&work.tx)
            .await?;
        shipment_container::Entity::delete_many()
            .filter(shipment_container::Column::ShipmentId.eq(shipment_id))
            .exec(&work.tx)
            .await?;
        write_parts(&work, shipment_id, &parsed).await?;
    }
    let mut entries = vec![Entry {
        summary: format!("Shipment changed: {} {}", parsed.carrier, parsed.vessel),
        before: Some(voyage_words(&Voyage {
            etd: Some(old.etd),
            atd: old.atd,
            eta: old.eta,
            ata: old.ata,
        })),
        after: Some(voyage_words(&parsed.voyage)),
    }];
    let mut work = work;
    if eta_changed(old.eta, parsed.voyage.eta) {
        entries.push(Entry {
            summary: "Expected arrival changed".to_string(),
            before: Some(day_or_dash(old.eta)),
            after: Some(day_or_dash(parsed.voyage.eta)),
        });
        tell_buyers_of_eta(
            state,
            &mut work,
            &order,
            &parsed.vessel,
            old.eta,
            parsed.voyage.eta,
        )
        .await?;
    }
    finish(state, work, &order, user.user_id, "shipment", entries).await
}

/// Mails the customer's buyers the new arrival date, once per date.
async fn tell_buyers_of_eta(
    state: &AppState,
    work: &mut UnitOfWork,
    order: &order::Model,
    vessel: &str,
    was: Option<NaiveDate>,
    eta: Option<NaiveDate>,
) -> Result<(), ApiError> {
    let buyers = users::active_of_companies(&work.tx, &[order.customer_company_id]).await?;
    let path = format!("/customer/orders/{}", order.id);
    let key = format!("{}:{}", order.id, day_or_dash(eta));
    for buyer in &buyers {
        notify::to_person(
            &work.tx,
            &state.settings.public_url,
            state.now(),
            Mail::EtaChanged,
            buyer,
            &key,
            &path,
            vec![
                ("order", order.number.clone()),
                ("vessel", vessel.to_string()),
                ("eta", day_or_dash(eta)),
                ("was", day_or_dash(was)),
            ],
        )
        .await?;
    }
    Ok(())
}

async fn write_parts(work: &UnitOfWork, shipment_id: i32, parsed: &Parsed) -> Result<(), ApiError> {
    for line in &parsed.lines {
        shipment_line::ActiveModel {
            shipment_id: Set(shipment_id),
            order_line_id: Set(line.order_line_id),
            quantity: Set(line.quantity),
            cartons: Set(line.cartons),
            net_weight_g: Set(line.net_g),
            gross_weight_g: Set(line.gross_g),
            volume_cm3: Set(line.volume_cm3),
            ..Default::default()
        }
        .insert(&work.tx)
        .await?;
    }
    for (number, seal, size) in &parsed.containers {
        shipment_container::ActiveModel {
            shipment_id: Set(shipment_id),
            container_no: Set(number.clone()),
            seal_no: Set(seal.clone()),
            size: Set(size.clone()),
            ..Default::default()
        }
        .insert(&work.tx)
        .await?;
    }
    Ok(())
}

fn day_or_dash(day: Option<NaiveDate>) -> String {
    day.map(|d| d.to_string())
        .unwrap_or_else(|| "—".to_string())
}

fn voyage_words(v: &Voyage) -> String {
    format!(
        "ETD {}, ATD {}, ETA {}, ATA {}",
        day_or_dash(v.etd),
        day_or_dash(v.atd),
        day_or_dash(v.eta),
        day_or_dash(v.ata)
    )
}

/// Checks every field of the form, reporting all problems at once.
fn parse(
    input: &ShipmentInput,
    lines: &[order_line::Model],
    all: &[super::ShipmentFacts],
    this: Option<i32>,
    today: NaiveDate,
    user: &CurrentUser,
) -> Result<Parsed, ApiError> {
    let t = |key: &str| user.locale.t(key);
    let mut problems = FieldErrors::default();
    let optional = |raw: &str, max: usize, field: &'static str, problems: &mut FieldErrors| {
        let raw = raw.trim();
        if raw.chars().count() > max {
            problems.add(field, t("shipping-text-too-long"));
            None
        } else {
            Some(raw.to_string())
        }
    };
    let booking_no = optional(&input.booking_no, 40, "booking_no", &mut problems);
    let port_of_loading = optional(&input.port_of_loading, 80, "port_of_loading", &mut problems);
    let port_of_discharge = optional(
        &input.port_of_discharge,
        80,
        "port_of_discharge",
        &mut problems,
    );
    let carrier = problems.keep(
        "carrier",
        required_text(&input.carrier, 80, "input-what-carrier").localized(user.locale),
    );
    let vessel = problems.keep(
        "vessel",
        required_text(&input.vessel, 80, "input-what-vessel").localized(user.locale),
    );
    let bl_number = match input.bl_number.trim() {
        "" => Some(String::new()),
        raw => problems.keep(
            "bl_number",
            parse_transport_document(raw).localized(user.locale),
        ),
    };
    let date = |raw: &str, field: &'static str, problems: &mut FieldErrors| match raw.trim() {
        "" => Some(None),
        raw => problems.keep(field, parse_date(user.locale, raw)).map(Some),
    };
    let etd = date(&input.etd, "etd", &mut problems);
    let eta = date(&input.eta, "eta", &mut problems);
    if etd == Some(None) {
        problems.add("etd", t("shipping-etd-required"));
    }
    let voyage = Voyage {
        etd: etd.flatten(),
        atd: None,
        eta: eta.flatten(),
        ata: None,
    };
    for error in voyage.check(today) {
        problems.add(error.field().as_str(), t(error.key()));
    }
    let containers = parse_containers(&input.containers, &mut problems, user.locale);
    let parsed_lines = parse_lines(&input.lines, lines, all, this, &mut problems, &t);
    match (
        booking_no,
        port_of_loading,
        port_of_discharge,
        carrier,
        vessel,
        bl_number,
        problems.is_empty(),
    ) {
        (
            Some(booking_no),
            Some(port_of_loading),
            Some(port_of_discharge),
            Some(carrier),
            Some(vessel),
            Some(bl_number),
            true,
        ) => Ok(Parsed {
            booking_no,
            carrier,
            vessel,
            bl_number,
            port_of_loading,
            port_of_discharge,
            voyage,
            containers,
            lines: parsed_lines,
        }),
        _ => Err(problems.into_error()),
    }
}

/// One container per line: number, then seal and size when given; each
/// problem in `locale`.
fn parse_containers(
    raw: &str,
    problems: &mut FieldErrors,
    locale: Locale,
) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for line in raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(50)
    {
        let mut parts = line.split_whitespace();
        let number = parts.next().unwrap_or_default();
        let seal = parts.next().unwrap_or_default();
        let size = parts.next().unwrap_or_default();
        match parse_container_no(number) {
            Ok(number) if seal.len() <= 20 && size.len() <= 8 && parts.next().is_none() => {
                out.push((number, seal.to_string(), size.to_uppercase()))
            }
            Ok(_) => problems.add("containers", locale.t("shipping-container-line")),
            Err(refusal) => problems.add("containers", refusal.text(locale)),
        }
    }
    out
}

fn parse_lines(
    input: &[ShipLineInput],
    lines: &[order_line::Model],
    all: &[super::ShipmentFacts],
    this: Option<i32>,
    problems: &mut FieldErrors,
    t: &impl Fn(&str) -> String,
) -> Vec<ParsedLine> {
    let mut out = Vec::new();
    for (i, raw) in input.iter().enumerate().take(500) {
        let field = |name: &str| format!("lines[{i}][{name}]");
        let Some(line) = lines.iter().find(|l| l.id == raw.order_line_id) else {
            problems.add(field("quantity"), t("shipping-line-unknown"));
            continue;
        };
        let quantity_text = raw.quantity.trim();
        if quantity_text.is_empty() || quantity_text == "0" {
            continue;
        }
        let Ok(quantity) = quantity_text.parse::<i64>() else {
            problems.add(field("quantity"), t("shipping-quantity-number"));
            continue;
        };
        if quantity > MAX_QUANTITY {
            problems.add(field("quantity"), t("shipping-quantity-number"));
            continue;
        }
        let elsewhere: i64 = all
            .iter()
            .filter(|s| Some(s.shipment.id) != this)
            .flat_map(|s| s.lines.iter())
            .filter(|sl| sl.order_line_id == line.id)
            .map(|sl| sl.quantity)
            .sum();
        if let Err(error) = partial_quantities(line.quantity, elsewhere, quantity) {
            problems.add(field("quantity"), t(error.key()));
            continue;
        }
        let cartons = match raw.cartons.trim() {
            "" => Some(0),
            c => c
                .parse::<i32>()
                .ok()
                .filter(|c| (0..=10_000_000).contains(c)),
        };
        let net = parse_scaled(&raw.net_kg, 3, MAX_GRAMS).ok();
        let gross = parse_scaled(&raw.gross_kg, 3, MAX_GRAMS).ok();
        let volume = parse_scaled(&raw.volume_m3, 6, MAX_CM3).ok();
        match (cartons, net, gross, volume) {
            (Some(cartons), Some(net_g), Some(gross_g), Some(volume_cm3)) if net_g <= gross_g => {
                out.push(ParsedLine {
                    order_line_id: line.id,
                    quantity,
                    cartons,
                    net_g,
                    gross_g,
                    volume_cm3,
                })
            }
            (Some(_), Some(_), Some(_), Some(_)) => {
                problems.add(field("gross_kg"), t("shipping-gross-below-net"))
            }
            _ => problems.add(field("cartons"), t("shipping-packing-numbers")),
        }
    }
    if out.is_empty() && problems.is_empty() {
        problems.add("lines", t("shipping-no-lines"));
    }
    out
}
