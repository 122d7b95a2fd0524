//! Supplier scorecards: how each factory kept its dates, reported on its
//! lines and answered agreed changes.

use chrono::Duration;
use sea_orm::DbErr;

use crate::domain::account::Role;
use crate::domain::company::CompanyKind;
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
    // A factory's own card is named from its session: its first page reads
    // no company.
    let own = (user.role == Role::Supplier && user.company_id == supplier)
        .then(|| user.company_name.clone());
    scorecards(state, period, Some((supplier, own)))
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound)
}

/// The factories a scorecard may be about, by id and name: every factory,
/// or the one asked for, whose name may be known already (a factory's own,
/// from its session; companies are never renamed), else its row alone is
/// read.
async fn factories_named(
    db: &impl sea_orm::ConnectionTrait,
    supplier: Option<(i32, Option<String>)>,
) -> Result<Vec<(i32, String)>, DbErr> {
    let rows = match supplier {
        Some((id, Some(name))) => return Ok(vec![(id, name)]),
        Some((id, None)) => companies::find(db, id).await?.into_iter().collect(),
        None => companies::of_kind(db, CompanyKind::Supplier).await?,
    };
    Ok(rows
        .into_iter()
        .filter(|c| c.kind == CompanyKind::Supplier)
        .map(|c| (c.id, c.name))
        .collect())
}

/// Every factory's scorecard (or one factory's, with its name if known)
/// for the period.
pub async fn scorecards(
    state: &AppState,
    period: Period,
    supplier: Option<(i32, Option<String>)>,
) -> Result<Vec<Scorecard>, DbErr> {
    let named = supplier.clone();
    let supplier = supplier.map(|(id, _)| id);
    let db = &state.reports;
    let stale_since = state.now() - Duration::days(i64::from(state.settings.stale_after_days));
    // Independent reads: on a large book they overlap on the pool's
    // connections instead of queueing.
    let (ready, fresh, acks, names, complaints) = tokio::try_join!(
        kpi::readiness_by_supplier(db, period, supplier),
        kpi::freshness_by_supplier(db, stale_since, supplier),
        kpi::acknowledgements(db, period, supplier),
        factories_named(db, named),
        crate::ssr::repo::complaint_kpi::complaints_by_factory(db, period, supplier),
    )?;
    let mut cards: Vec<Scorecard> = names
        .into_iter()
        .map(|(id, name)| {
            let (total, late, days) = ready
                .iter()
                .find(|r| r.0 == id)
                .map(|r| (r.1, r.2, r.3))
                .unwrap_or_default();
            let (open, reported) = fresh
                .iter()
                .find(|r| r.0 == id)
                .map(|r| (r.1, r.2))
                .unwrap_or_default();
            let changes: Vec<_> = acks
                .iter()
                .filter(|a| a.0 == id)
                .map(|a| (a.1, a.2))
                .collect();
            let (acknowledgement, waiting) = change_acknowledgement(&changes, period.start());
            Scorecard {
                supplier_id: id,
                name,
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
                        .find(|(factory, _)| *factory == id)
                        .map_or(0, |(_, n)| *n),
                    total,
                },
            }
        })
        .collect();
    cards.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cards)
}
