//! The contract behind an order made from an accepted quotation: which
//! revision was accepted, the terms and the payment schedule.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::domain::order_input::format_minor;
use crate::domain::terms::format_percent;
use crate::ssr::entities::{instalment, order};
use crate::ssr::repo::quotations::{self, QuoteScope};
use crate::usecases::quotations::terms_in_words;
use crate::wire::ApiError;
use crate::wire::orders::{ContractView, InstalmentView};

pub async fn contract_of(
    db: &impl ConnectionTrait,
    order: &order::Model,
    locale: crate::i18n::Locale,
) -> Result<Option<ContractView>, ApiError> {
    let Some(quote_id) = order.quotation_id else {
        return Ok(None);
    };
    let Some(quote) = quotations::find(db, QuoteScope::All, quote_id).await? else {
        return Ok(None);
    };
    let schedule = instalment::Entity::find()
        .filter(instalment::Column::OrderId.eq(order.id))
        .order_by_asc(instalment::Column::Position)
        .all(db)
        .await?;
    Ok(Some(ContractView {
        quotation: format!("{} rev. {}", quote.number, quote.revision),
        accepted_on: quote.decided_at.map(|at| at.date_naive()),
        latest_shipment: order.latest_shipment,
        penalty: order
            .penalty_bp_per_day
            .map(|bp| format_percent(u32::try_from(bp).unwrap_or(0))),
        terms: terms_in_words(&quote, locale)?,
        schedule: schedule
            .into_iter()
            .map(|i| InstalmentView {
                kind: i.kind,
                amount: format_minor(i.amount_minor),
                paid: format_minor(i.paid_minor),
                due_date: i.due_date,
                due_event: i.due_event,
                due_offset_days: i.due_offset_days,
            })
            .collect(),
    }))
}
