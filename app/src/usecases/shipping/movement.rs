//! A shipment moves: through customs, off the quay (only when the checks
//! before customs pass, or someone says why it goes anyway), and into port.
//! Departure fixes the due days of the instalments that wait for it.

use chrono::{Days, NaiveDate};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::{checks_of, shipments_with_parts};
use crate::domain::order_edit::editable;
use crate::domain::shipping::shipment::{CustomsStatus, Voyage};
use crate::domain::slip::AlertKind;
use crate::domain::terms::ShipmentEvent;
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{instalment, order, shipment};
use crate::ssr::repo::orders;
use crate::ssr::work::UnitOfWork;
use crate::usecases::news;
use crate::usecases::order_desk::{Entry, claim, closed, finish, parse_date, staff_order};
use crate::usecases::orders::stale_order;
use crate::wire::{ApiError, FieldErrors};

/// The order and the shipment a step acts on, at the version the person saw.
async fn load(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    shipment_id: i32,
    what: &str,
) -> Result<(order::Model, shipment::Model), ApiError> {
    let (order, status) = staff_order(state, user, order_id, what).await?;
    if !editable(status).shipments {
        return Err(closed(user.locale, "err-action-move-shipment", status));
    }
    if order.version != version {
        return Err(stale_order(user.locale));
    }
    let shipment = shipment::Entity::find_by_id(shipment_id)
        .filter(shipment::Column::OrderId.eq(order.id))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((order, shipment))
}

fn one_problem(field: &str, message: String) -> ApiError {
    let mut problems = FieldErrors::default();
    problems.add(field, message);
    problems.into_error()
}

pub async fn customs(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    shipment_id: i32,
    status: String,
    on: String,
) -> Result<(), ApiError> {
    let (order, shipment) = load(state, user, order_id, version, shipment_id, "customs").await?;
    let t = |key: &str| user.locale.t(key);
    let next = CustomsStatus::parse(status.trim())
        .ok_or_else(|| one_problem("status", t("customs-status-unknown")))?;
    let on = parse_date(user.locale, &on).map_err(|m| one_problem("on", m))?;
    let today = state.today();
    if on > today || !crate::domain::shipping::date_in_range(on) {
        return Err(one_problem("on", t("customs-date-future")));
    }
    let before = shipment.customs_status;
    before
        .move_to(next)
        .map_err(|e| one_problem("status", t(e.key())))?;
    let work = claim(state, user.locale, order.id, version).await?;
    let mut row: shipment::ActiveModel = shipment.clone().into();
    row.customs_status = Set(next);
    row.customs_on = Set(Some(on));
    row.update(&work.tx).await?;
    let entry = Entry {
        summary: format!("Customs: {}", next.as_str()),
        before: Some(before.as_str().to_string()),
        after: Some(format!("{} on {on}", next.as_str())),
    };
    finish(state, work, &order, user.user_id, "customs", vec![entry]).await
}

/// Marks the shipment departed. What disagrees between the order, the
/// invoice, the packing list and the shipment blocks it, unless a reason to
/// go anyway is given, which is kept with the shipment and on the timeline.
pub async fn depart(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    shipment_id: i32,
    atd: String,
    override_reason: String,
) -> Result<(), ApiError> {
    let (order, shipment) = load(state, user, order_id, version, shipment_id, "depart").await?;
    let t = |key: &str| user.locale.t(key);
    if shipment.atd.is_some() {
        return Err(ApiError::Conflict {
            message: t("shipping-already-departed"),
        });
    }
    let atd = parse_date(user.locale, &atd).map_err(|m| one_problem("atd", m))?;
    let today = state.today();
    let voyage = Voyage {
        etd: Some(shipment.etd),
        atd: Some(atd),
        eta: shipment.eta,
        ata: None,
    };
    if let Some(error) = voyage.check(today).first() {
        return Err(one_problem("atd", t(error.key())));
    }
    let lines = orders::lines_of(&state.db, &[order.id]).await?;
    let all = shipments_with_parts(&state.db, order.id).await?;
    let facts = all
        .iter()
        .find(|s| s.shipment.id == shipment.id)
        .ok_or(ApiError::NotFound)?;
    let mismatches = checks_of(&lines, &all, facts);
    let reason = override_reason.trim();
    if reason.chars().count() > 500 {
        return Err(one_problem("override_reason", t("shipping-text-too-long")));
    }
    if !mismatches.is_empty() && reason.is_empty() {
        let mut problems = FieldErrors::default();
        for m in &mismatches {
            problems.add("checks", super::said_of_mismatch(m).text(user.locale));
        }
        problems.add("override_reason", t("shipping-override-needed"));
        return Err(problems.into_error());
    }
    let now = state.now();
    let mut work = claim(state, user.locale, order.id, version).await?;
    let mut row: shipment::ActiveModel = shipment.clone().into();
    row.atd = Set(Some(atd));
    if !mismatches.is_empty() {
        row.check_override = Set(Some(reason.to_string()));
        row.check_override_by = Set(Some(user.user_id));
        row.check_override_at = Set(Some(now));
    }
    row.update(&work.tx).await?;
    let fixed = fix_due_days(&mut work, order.id, &[ShipmentEvent::BlIssued], atd).await?;
    let eta = shipment
        .eta
        .map(|d| d.to_string())
        .unwrap_or_else(|| "-".into());
    let shipped = |_: Locale| {
        vec![
            ("vessel", shipment.vessel.clone()),
            ("atd", atd.to_string()),
            ("eta", eta.clone()),
            ("from", shipment.port_of_loading.clone()),
            ("to", shipment.port_of_discharge.clone()),
        ]
    };
    news::to_customer(
        state,
        &work.tx,
        &order,
        AlertKind::Shipped,
        &shipment.id.to_string(),
        "#shipping",
        &shipped,
    )
    .await?;
    let mut entries = vec![Entry {
        summary: format!(
            "Shipment departed: {} {}",
            shipment.carrier, shipment.vessel
        ),
        before: Some(format!("ETD {}", shipment.etd)),
        after: Some(format!("ATD {atd}")),
    }];
    if !mismatches.is_empty() {
        entries.push(Entry {
            summary: format!(
                "Checks before customs overridden ({} open)",
                mismatches.len()
            ),
            before: None,
            after: Some(reason.to_string()),
        });
    }
    if fixed > 0 {
        entries.push(Entry {
            summary: format!("Payment schedule: {fixed} due date(s) set by the departure"),
            before: None,
            after: None,
        });
    }
    finish(state, work, &order, user.user_id, "shipment", entries).await
}

pub async fn arrive(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    shipment_id: i32,
    ata: String,
) -> Result<(), ApiError> {
    let (order, shipment) = load(state, user, order_id, version, shipment_id, "arrive").await?;
    let t = |key: &str| user.locale.t(key);
    let Some(atd) = shipment.atd else {
        return Err(ApiError::Conflict {
            message: t("shipping-not-departed"),
        });
    };
    if shipment.ata.is_some() {
        return Err(ApiError::Conflict {
            message: t("shipping-already-arrived"),
        });
    }
    let ata = parse_date(user.locale, &ata).map_err(|m| one_problem("ata", m))?;
    let voyage = Voyage {
        etd: Some(shipment.etd),
        atd: Some(atd),
        eta: shipment.eta,
        ata: Some(ata),
    };
    if let Some(error) = voyage.check(state.today()).first() {
        return Err(one_problem("ata", t(error.key())));
    }
    let work = claim(state, user.locale, order.id, version).await?;
    let mut row: shipment::ActiveModel = shipment.clone().into();
    row.ata = Set(Some(ata));
    row.update(&work.tx).await?;
    let arrived = |_: Locale| {
        vec![
            ("vessel", shipment.vessel.clone()),
            ("ata", ata.to_string()),
            ("to", shipment.port_of_discharge.clone()),
        ]
    };
    news::to_customer(
        state,
        &work.tx,
        &order,
        AlertKind::Arrived,
        &shipment.id.to_string(),
        "#shipping",
        &arrived,
    )
    .await?;
    let entry = Entry {
        summary: format!("Shipment arrived: {} {}", shipment.carrier, shipment.vessel),
        before: shipment.eta.map(|eta| format!("ETA {eta}")),
        after: Some(format!("ATA {ata}")),
    };
    finish(state, work, &order, user.user_id, "shipment", vec![entry]).await
}

/// Sets the due day of the order's instalments that waited for one of
/// `events` (and have no day yet) to `day` plus their offset; returns how
/// many were set.
pub(crate) async fn fix_due_days(
    work: &mut UnitOfWork,
    order_id: i32,
    events: &[ShipmentEvent],
    day: NaiveDate,
) -> Result<usize, ApiError> {
    let waiting = instalment::Entity::find()
        .filter(instalment::Column::OrderId.eq(order_id))
        .filter(instalment::Column::DueDate.is_null())
        .all(&work.tx)
        .await?;
    let mut fixed = 0;
    for row in waiting {
        let Some(event) = row.due_event.as_deref().and_then(ShipmentEvent::parse) else {
            continue;
        };
        if !events.contains(&event) {
            continue;
        }
        let offset = u64::try_from(row.due_offset_days.max(0)).unwrap_or(0);
        let due = day.checked_add_days(Days::new(offset)).unwrap_or(day);
        let mut active: instalment::ActiveModel = row.into();
        active.due_date = Set(Some(due));
        active.update(&work.tx).await?;
        fixed += 1;
    }
    Ok(fixed)
}
