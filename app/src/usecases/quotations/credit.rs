//! A customer's credit standing: the portal's score from the payment record
//! (how late past instalments were paid, what is overdue now), or the
//! house's own score when the commercial director set one; and the deposit
//! it requires under the house's credit policy.

use chrono::NaiveDate;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, Set};

use super::house_rules;
use crate::domain::account::Role;
use crate::domain::approval::StaffLevel;
use crate::domain::credit::{CreditStanding, required_deposit_bp, standing};
use crate::domain::policy::Action;
use crate::domain::terms::format_percent;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::credit_standing;
use crate::ssr::repo::users;
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;
use crate::wire::quotations::CreditView;

/// The standing that counts for `customer` on `today`.
pub async fn standing_of(
    db: &impl ConnectionTrait,
    customer: i32,
    today: NaiveDate,
) -> Result<CreditStanding, ApiError> {
    let record = crate::ssr::repo::credit::payment_record(db, customer).await?;
    let house = crate::ssr::repo::credit::credit_standing(db, customer).await?;
    let score = house
        .and_then(|h| h.house_score)
        .and_then(|s| u8::try_from(s).ok());
    Ok(standing(&record, today, score))
}

/// The standing as staff read it, with its reasons and the deposit due.
pub async fn view_of(
    db: &impl ConnectionTrait,
    customer: i32,
    today: NaiveDate,
    locale: crate::i18n::Locale,
) -> Result<CreditView, ApiError> {
    let found = standing_of(db, customer, today).await?;
    let (_, policy) = house_rules(db).await?;
    Ok(CreditView {
        customer_id: customer,
        score: found.score,
        computed: found.computed,
        set_by_house: found.is_set_by_house(),
        reasons: found.reasons.iter().map(|r| r.describe(locale)).collect(),
        threshold: policy.threshold,
        required_deposit: format_percent(required_deposit_bp(&found, &policy)),
    })
}

pub async fn get(
    state: &AppState,
    user: &CurrentUser,
    customer: i32,
) -> Result<CreditView, ApiError> {
    guard::check(state, user, Action::Quote { customer }, "credit standing").await?;
    view_of(&state.db, customer, state.today(), user.locale).await
}

/// The commercial director (or an administrator) sets the customer's score,
/// 0 to 100, or clears it (empty) to let the payment record speak.
pub async fn set_score(
    state: &AppState,
    user: &CurrentUser,
    customer: i32,
    score: String,
    note: String,
) -> Result<CreditView, ApiError> {
    guard::check(state, user, Action::Quote { customer }, "credit standing").await?;
    let me = users::find(&state.db, user.user_id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    if me.role != Role::Admin && me.staff_level != Some(StaffLevel::CommercialDirector) {
        return Err(ApiError::Forbidden);
    }
    let score = match score.trim() {
        "" => None,
        raw => Some(
            raw.parse::<u8>()
                .ok()
                .filter(|s| *s <= 100)
                .ok_or_else(|| ApiError::invalid("score", user.locale.t("err-credit-score")))?,
        ),
    };
    if note.chars().count() > 500 {
        return Err(ApiError::invalid(
            "note",
            user.locale.t("err-credit-note-too-long"),
        ));
    }
    let row = credit_standing::ActiveModel {
        customer_company_id: Set(customer),
        house_score: Set(score.map(i32::from)),
        note: Set((!note.trim().is_empty()).then(|| note.trim().to_string())),
        set_by: Set(Some(user.user_id)),
        set_at: Set(Some(state.now())),
    };
    let mut work = UnitOfWork::begin(state).await?;
    credit_standing::Entity::insert(row)
        .on_conflict(
            OnConflict::column(credit_standing::Column::CustomerCompanyId)
                .update_columns([
                    credit_standing::Column::HouseScore,
                    credit_standing::Column::Note,
                    credit_standing::Column::SetBy,
                    credit_standing::Column::SetAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(&work.tx)
        .await?;
    // Only the house's credit and quotation pages read the score, and no
    // kept page or read of a customer or factory shows it.
    work.touches_no_part();
    work.commit(state).await?;
    view_of(&state.db, customer, state.today(), user.locale).await
}
