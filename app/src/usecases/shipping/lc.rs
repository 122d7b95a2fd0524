//! The letter of credit an order is paid by: its terms, the day the
//! documents went to the bank, whether the latest shipment date will hold,
//! and how the documents compare with the credit.

use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, Set};

use super::{ShipmentFacts, letter_of_credit_of};
use crate::domain::letter_of_credit::{Discrepancy, LcForm, LcRisk, LcTerms, Presentation};
use crate::domain::order_input::{format_minor, line_value, total_value};
use crate::domain::terms::ShipmentEvent;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{letter_of_credit, order, order_line};
use crate::usecases::order_desk::{Entry, claim, finish, parse_date, staff_order};
use crate::usecases::orders::stale_order;
use crate::wire::shipping::{LcInput, Said};
use crate::wire::{ApiError, FieldErrors};

/// The credit's terms as the rules read them.
pub(crate) fn terms_of(lc: &letter_of_credit::Model) -> LcTerms {
    LcTerms {
        number: lc.number.clone(),
        issuing_bank: lc.issuing_bank.clone(),
        currency: lc.currency.clone(),
        amount_minor: lc.amount_minor,
        tolerance_bp: u32::try_from(lc.tolerance_bp).unwrap_or(0),
        expiry: lc.expiry,
        latest_shipment: lc.latest_shipment,
        presentation_days: u16::try_from(lc.presentation_days).unwrap_or(21),
        partial_shipments: lc.partial_shipments,
        transhipment: lc.transhipment,
        goods_description: lc.goods_description.clone(),
    }
}

/// The documents as they go (or went) to the bank: the first departed
/// shipment's invoice (the issued one when there is, else the shipment's
/// lines at the order's prices), its on-board day, and whether it carries
/// less than the whole order.
pub(crate) fn presentation_of(
    order: &order::Model,
    lc: &letter_of_credit::Model,
    shipments: &[ShipmentFacts],
    lines: &[order_line::Model],
) -> Option<Presentation> {
    let facts = shipments.iter().find(|s| s.shipment.atd.is_some())?;
    let shipped_on = facts.shipment.atd?;
    let invoice = super::figures_of(
        facts
            .documents
            .iter()
            .find(|d| d.kind == crate::domain::shipping::DocumentKind::CommercialInvoice),
    );
    let amount: i64 = match invoice.as_ref().and_then(|f| f.total_minor) {
        Some(total) => total,
        None => total_value(facts.lines.iter().filter_map(|sl| {
            let line = lines.iter().find(|l| l.id == sl.order_line_id)?;
            Some(line_value(sl.quantity, line.unit_price_minor))
        })),
    };
    let description = match &invoice {
        Some(figures) => figures
            .lines
            .iter()
            .map(|l| l.description.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        None => facts
            .lines
            .iter()
            .filter_map(|sl| lines.iter().find(|l| l.id == sl.order_line_id))
            .map(|l| l.description.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    };
    let partial = lines.iter().any(|l| {
        let shipped: i64 = facts
            .lines
            .iter()
            .filter(|sl| sl.order_line_id == l.id)
            .map(|sl| sl.quantity)
            .sum();
        shipped < l.quantity
    });
    // Whether the goods change vessels on the way is not recorded; one
    // vessel per shipment is what the portal knows.
    Some(Presentation {
        currency: order.currency.clone(),
        invoice_amount_minor: amount,
        shipped_on,
        presented_on: lc.presented_on,
        partial,
        transhipment: false,
        invoice_description: description,
    })
}

pub(crate) fn said_of_risk(risk: &LcRisk) -> Said {
    let said = Said::new(risk.key());
    match risk {
        LcRisk::AtRisk { slack_days } => said.with("days", slack_days),
        LcRisk::WillMiss { days_late } => said.with("days", days_late),
        _ => said,
    }
}

pub(crate) fn said_of_discrepancy(d: &Discrepancy) -> Said {
    let said = Said::new(d.key());
    match d {
        Discrepancy::CurrencyDiffers { credit, invoice } => {
            said.with("credit", credit).with("invoice", invoice)
        }
        Discrepancy::AmountAboveTolerance { max, invoiced } => said
            .with("max", format_minor(*max))
            .with("amount", format_minor(*invoiced)),
        Discrepancy::ShippedLate { latest, shipped } => {
            said.with("latest", latest).with("date", shipped)
        }
        Discrepancy::PresentedLate { last_day } => said.with("date", last_day),
        Discrepancy::Expired { expiry } => said.with("date", expiry),
        _ => said,
    }
}

fn day_count(raw: &str) -> Option<i32> {
    match raw.trim() {
        "" => Some(3),
        raw => raw.parse::<i32>().ok().filter(|d| (0..=120).contains(d)),
    }
}

/// Records or corrects the order's letter of credit.
pub async fn save_lc(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    input: LcInput,
) -> Result<(), ApiError> {
    let (order, _) = staff_order(state, user, order_id, "letter of credit").await?;
    if order.version != version {
        return Err(stale_order(user.locale));
    }
    let form = LcForm {
        number: &input.number,
        issuing_bank: &input.issuing_bank,
        currency: &order.currency,
        amount: &input.amount,
        tolerance_percent: &input.tolerance_percent,
        expiry: &input.expiry,
        latest_shipment: &input.latest_shipment,
        presentation_days: &input.presentation_days,
        partial_shipments: input.partial_shipments.is_some(),
        transhipment: input.transhipment.is_some(),
        goods_description: &input.goods_description,
    };
    let days_to_port = day_count(&input.days_to_port);
    let terms = match (LcTerms::parse(&form), days_to_port) {
        (Ok(terms), Some(_)) => terms,
        (parsed, days) => {
            let mut problems = FieldErrors::default();
            if let Err(errors) = parsed {
                for (field, error) in errors {
                    let field = if field == "tolerance" {
                        "tolerance_percent"
                    } else {
                        field
                    };
                    problems.add(field, user.locale.t(error.key()));
                }
            }
            if days.is_none() {
                problems.add("days_to_port", user.locale.t("lc-bad-days-to-port"));
            }
            return Err(problems.into_error());
        }
    };
    let days_to_port = days_to_port.unwrap_or(3);
    let existing = letter_of_credit_of(&state.db, order.id).await?;
    let now = state.now();
    let work = claim(state, user.locale, order.id, version).await?;
    let mut row: letter_of_credit::ActiveModel = match existing.clone() {
        Some(model) => model.into(),
        None => letter_of_credit::ActiveModel {
            order_id: Set(order.id),
            presented_on: Set(None),
            risk_alerted: Set(0),
            ..Default::default()
        },
    };
    row.number = Set(terms.number.clone());
    row.issuing_bank = Set(terms.issuing_bank.clone());
    row.currency = Set(terms.currency.clone());
    row.amount_minor = Set(terms.amount_minor);
    row.tolerance_bp = Set(i32::try_from(terms.tolerance_bp).unwrap_or(0));
    row.expiry = Set(terms.expiry);
    row.latest_shipment = Set(terms.latest_shipment);
    row.presentation_days = Set(i32::from(terms.presentation_days));
    row.partial_shipments = Set(terms.partial_shipments);
    row.transhipment = Set(terms.transhipment);
    row.goods_description = Set(terms.goods_description.clone());
    row.days_to_port = Set(days_to_port);
    row.updated_at = Set(now);
    // New terms are judged afresh by the daily scan.
    row.risk_alerted = Set(0);
    row.save(&work.tx).await?;
    let entry = Entry {
        summary: format!(
            "Letter of credit {} from {}",
            terms.number, terms.issuing_bank
        ),
        before: existing.map(|e| format!("{} {}", format_minor(e.amount_minor), e.currency)),
        after: Some(format!(
            "{} {}, latest shipment {}, expires {}",
            format_minor(terms.amount_minor),
            terms.currency,
            terms.latest_shipment,
            terms.expiry
        )),
    };
    finish(
        state,
        work,
        &order,
        user.user_id,
        "letter_of_credit",
        vec![entry],
    )
    .await
}

/// Records when the documents were presented to the bank; instalments that
/// waited for the presentation fall due from that day.
pub async fn presented(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    presented_on: String,
) -> Result<(), ApiError> {
    let (order, _) = staff_order(state, user, order_id, "presentation").await?;
    if order.version != version {
        return Err(stale_order(user.locale));
    }
    let lc = letter_of_credit_of(&state.db, order.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let day: NaiveDate = parse_date(user.locale, &presented_on).map_err(|m| {
        let mut problems = FieldErrors::default();
        problems.add("presented_on", m);
        problems.into_error()
    })?;
    if day > state.today() || !crate::domain::shipping::date_in_range(day) {
        let mut problems = FieldErrors::default();
        problems.add("presented_on", user.locale.t("lc-presented-future"));
        return Err(problems.into_error());
    }
    let mut work = claim(state, user.locale, order.id, version).await?;
    let mut row: letter_of_credit::ActiveModel = lc.into();
    row.presented_on = Set(Some(day));
    row.updated_at = Set(state.now());
    row.update(&work.tx).await?;
    super::movement::fix_due_days(
        &mut work,
        order.id,
        &[ShipmentEvent::DocumentsPresented],
        day,
    )
    .await?;
    let entry = Entry {
        summary: "Documents presented to the bank".to_string(),
        before: None,
        after: Some(day.to_string()),
    };
    finish(
        state,
        work,
        &order,
        user.user_id,
        "letter_of_credit",
        vec![entry],
    )
    .await
}
