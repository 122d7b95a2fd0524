//! The rules the house configures: which levels approve a quotation and
//! how the customer's credit sets the deposit. Every house person may read
//! them; an administrator changes them.

use super::{APPROVAL_RULES, CREDIT_POLICY, house_rules};
use crate::domain::approval::{ApprovalRules, StaffLevel};
use crate::domain::credit::CreditPolicy;
use crate::domain::order_input::{format_minor, parse_unit_price};
use crate::domain::policy::{Action, Area, authorize};
use crate::domain::refusal::{Localize, Refusal};
use crate::domain::terms::{format_percent, parse_deposit_percent};
use crate::i18n::Locale;
use crate::ssr::audit::{self, AuditAction};
use crate::ssr::auth::CurrentUser;
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::quotations::{HouseRulesForm, HouseRulesView};
use crate::wire::{ApiError, FieldErrors};

pub async fn get(state: &AppState, user: &CurrentUser) -> Result<HouseRulesView, ApiError> {
    guard::check(state, user, Action::EnterArea(Area::Staff), "house rules").await?;
    let (rules, policy) = house_rules(&state.db).await?;
    let yes = |on: bool| if on { "on".to_string() } else { String::new() };
    Ok(HouseRulesView {
        form: HouseRulesForm {
            manager_always: yes(rules.always.contains(&StaffLevel::SalesManager)),
            cost_accountant_below: rules
                .cost_accountant_below_margin_bp
                .map(format_percent)
                .unwrap_or_default(),
            director_above: rules
                .director_above_amount_minor
                .map(format_minor)
                .unwrap_or_default(),
            director_when_deposit_short: yes(rules.director_when_deposit_short),
            step_target_hours: (rules.step_target_minutes / 60).to_string(),
            credit_threshold: policy.threshold.to_string(),
            normal_deposit: format_percent(policy.normal_deposit_bp),
            low_credit_deposit: format_percent(policy.low_credit_deposit_bp),
        },
        can_edit: authorize(&user.actor(), &Action::ConfigureHouse).is_allowed(),
    })
}

/// An administrator changes the rules; every field is checked first.
pub async fn set(
    state: &AppState,
    user: &CurrentUser,
    form: HouseRulesForm,
) -> Result<HouseRulesView, ApiError> {
    guard::check(state, user, Action::ConfigureHouse, "house rules").await?;
    let (rules, policy) = parse(&form, user.locale)?;
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
    crate::ssr::repo::credit::set_house_rule(&work.tx, APPROVAL_RULES, &rules, user.user_id, now)
        .await?;
    crate::ssr::repo::credit::set_house_rule(&work.tx, CREDIT_POLICY, &policy, user.user_id, now)
        .await?;
    audit::log(
        &work.tx,
        now,
        AuditAction::HouseRulesSet,
        Some(user.actor()),
        None,
        None,
    )
    .await?;
    // The rules are read by quotations and the credit page only (a
    // quotation keeps the deposit it was priced with): no kept page or
    // read of a customer or factory shows them.
    work.touches_no_part();
    work.commit(state).await?;
    get(state, user).await
}

fn parse(form: &HouseRulesForm, locale: Locale) -> Result<(ApprovalRules, CreditPolicy), ApiError> {
    let mut problems = FieldErrors::default();
    let optional = |raw: &str, parse: &dyn Fn(&str) -> Result<i64, Refusal>| match raw.trim() {
        "" => Ok(None),
        raw => parse(raw).map(Some).localized(locale),
    };
    let below = problems.keep(
        "cost_accountant_below",
        optional(&form.cost_accountant_below, &|raw| {
            parse_deposit_percent(raw).map(i64::from)
        }),
    );
    let above = problems.keep(
        "director_above",
        optional(&form.director_above, &|raw| parse_unit_price(raw)),
    );
    let hours = problems.keep(
        "step_target_hours",
        form.step_target_hours
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|h| (1..=168).contains(h))
            .ok_or_else(|| locale.t("err-rules-step-hours")),
    );
    let threshold = problems.keep(
        "credit_threshold",
        form.credit_threshold
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|t| *t <= 100)
            .ok_or_else(|| locale.t("err-credit-score")),
    );
    let normal = problems.keep(
        "normal_deposit",
        parse_deposit_percent(&form.normal_deposit).localized(locale),
    );
    let low = problems.keep(
        "low_credit_deposit",
        parse_deposit_percent(&form.low_credit_deposit).localized(locale),
    );
    if let (Some(normal), Some(low)) = (normal, low)
        && low < normal
    {
        problems.add(
            "low_credit_deposit",
            locale.t("err-rules-low-credit-deposit"),
        );
    }
    let (Some(below), Some(above), Some(hours), Some(threshold), Some(normal), Some(low), true) = (
        below,
        above,
        hours,
        threshold,
        normal,
        low,
        problems.is_empty(),
    ) else {
        return Err(problems.into_error());
    };
    let on = |raw: &str| !raw.trim().is_empty();
    let rules = ApprovalRules {
        always: if on(&form.manager_always) {
            vec![StaffLevel::SalesManager]
        } else {
            Vec::new()
        },
        cost_accountant_below_margin_bp: below.map(|bp| bp as u32),
        director_above_amount_minor: above,
        director_when_deposit_short: on(&form.director_when_deposit_short),
        step_target_minutes: hours * 60,
    };
    let policy = CreditPolicy {
        threshold,
        normal_deposit_bp: normal,
        low_credit_deposit_bp: low,
    };
    Ok((rules, policy))
}
