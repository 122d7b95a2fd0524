//! Supplier scorecards: how each factory kept its dates, reported on its
//! lines and answered agreed changes.

use chrono::Duration;
use sea_orm::DbErr;

use crate::domain::kpi::{Rate, change_acknowledgement};
use crate::domain::policy::{Action, scorecard_supplier};
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::companies;
use crate::ssr::repo::kpi::{self, Period};
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;
use crate::wire::workspace::Scorecard;

/// A factory's own scorecard over the last 90 days; the house may name any
/// factory. A factory asking for another's gets 404. Shown on the factory's
/// first page, so it is kept between writes (`read_cache`), and for an hour
/// at most: which lines count as recently reported moves with the clock.
pub async fn scorecard(
    state: &AppState,
    user: &CurrentUser,
    supplier_id: Option<i32>,
) -> Result<Scorecard, ApiError> {
    let hour = state.now().timestamp().div_euclid(3600);
    state
        .kept_part(
            "workspace/scorecard",
            user,
            user.own_part(),
            (supplier_id, hour),
            || read(state, user, supplier_id),
        )
        .await
}

async fn read(
    state: &AppState,
    user: &CurrentUser,
    supplier_id: Option<i32>,
) -> Result<Scorecard, ApiError> {
    let supplier = scorecard_supplier(&user.actor(), supplier_id).ok_or(ApiError::NotFound)?;
    guard::check(state, user, Action::Scorecard { supplier }, "scorecard").await?;
    let period = super::period(user.locale, None, None, state.today())?;
    scorecards(state, period, Some(supplier))
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound)
}

/// The companies a scorecard may be about: every company, or the one
/// factory asked for (its first page reads its own row, not every
/// customer's and factory's).
async fn companies_named(
    db: &impl sea_orm::ConnectionTrait,
    supplier: Option<i32>,
) -> Result<Vec<crate::ssr::entities::company::Model>, DbErr> {
    match supplier {
        None => companies::all(db).await,
        Some(id) => Ok(companies::find(db, id).await?.into_iter().collect()),
    }
}

/// Every factory's scorecard (or one factory's) for the period.
pub async fn scorecards(
    state: &AppState,
    period: Period,
    supplier: Option<i32>,
) -> Result<Vec<Scorecard>, DbErr> {
    let db = &state.reports;
    let stale_since = state.now() - Duration::days(i64::from(state.settings.stale_after_days));
    // Independent reads: on a large book they overlap on the pool's
    // connections instead of queueing.
    let (ready, fresh, acks, names, complaints) = tokio::try_join!(
        kpi::readiness_by_supplier(db, period, supplier),
        kpi::freshness_by_supplier(db, stale_since, supplier),
        kpi::acknowledgements(db, period, supplier),
        companies_named(db, supplier),
        crate::ssr::repo::complaint_kpi::complaints_in(db, period, supplier),
    )?;
    let mut cards: Vec<Scorecard> = names
        .iter()
        .filter(|c| {
            c.kind == crate::domain::company::CompanyKind::Supplier
                && supplier.is_none_or(|s| s == c.id)
        })
        .map(|c| {
            let (total, late, days) = ready
                .iter()
                .find(|r| r.0 == c.id)
                .map(|r| (r.1, r.2, r.3))
                .unwrap_or_default();
            let (open, reported) = fresh
                .iter()
                .find(|r| r.0 == c.id)
                .map(|r| (r.1, r.2))
                .unwrap_or_default();
            let changes: Vec<_> = acks
                .iter()
                .filter(|a| a.0 == c.id)
                .map(|a| (a.1, a.2))
                .collect();
            let (acknowledgement, waiting) = change_acknowledgement(&changes, period.start());
            Scorecard {
                supplier_id: c.id,
                name: c.name.clone(),
                on_time: Rate {
                    hits: total - late,
                    total,
                },
                average_days_late: (late > 0).then(|| days as f64 / late as f64),
                fresh: Rate {
                    hits: reported,
                    total: open,
                },
                acknowledgement,
                waiting,
                complaints: Rate {
                    hits: complaints
                        .iter()
                        .filter(|f| f.factory == Some(c.id))
                        .count() as u64,
                    total,
                },
            }
        })
        .collect();
    cards.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cards)
}
