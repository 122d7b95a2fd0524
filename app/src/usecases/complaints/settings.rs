//! The house's complaint settings: how long each clock may run, the working
//! hours it counts in, and the root causes a factory chooses from (the
//! built-in ones and those the house added). Every house person may read
//! them; an administrator changes them.
//!
//! A complaint keeps the due times it was filed with: new targets and hours
//! apply to complaints filed (or reopened) from then on, so a deadline
//! promised to a customer never moves under them.

use sea_orm::{ActiveModelTrait, EntityTrait, QueryOrder, Set};

use super::{CLOCK_RULES, ClockRules, clock_rules};
use crate::domain::complaints::{
    CUSTOM_CAUSE_PREFIX, ClockTargets, ComplaintFieldError, MAX_TARGET_MINUTES, RootCause,
    TargetError, WorkingHours, cause_label, cause_label_taken, format_offset, format_target,
    format_time,
};
use crate::domain::policy::{Action, Area, authorize};
use crate::i18n::Locale;
use crate::ssr::audit::{self, AuditAction};
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::root_cause;
use crate::ssr::repo::credit::set_house_rule;
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, db_error, guard};
use crate::wire::complaints::{ComplaintSettingsForm, ComplaintSettingsView, RootCauseView};
use crate::wire::{ApiError, FieldErrors};

pub async fn get(state: &AppState, user: &CurrentUser) -> Result<ComplaintSettingsView, ApiError> {
    guard::check(
        state,
        user,
        Action::EnterArea(Area::Staff),
        "complaint settings",
    )
    .await?;
    let rules = clock_rules(&state.db).await?;
    let custom = root_cause::Entity::find()
        .order_by_asc(root_cause::Column::Id)
        .all(&state.db)
        .await?;
    let can_edit = authorize(&user.actor(), &Action::ConfigureHouse).is_allowed();
    Ok(view_of(&rules, custom, can_edit))
}

/// An administrator sets both targets and the working hours; every field
/// is checked first, and nothing is saved while one is wrong.
pub async fn save(
    state: &AppState,
    user: &CurrentUser,
    form: ComplaintSettingsForm,
) -> Result<ComplaintSettingsView, ApiError> {
    guard::check(state, user, Action::ConfigureHouse, "complaint settings").await?;
    let rules = parse(&form, user.locale)?;
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
    set_house_rule(&work.tx, CLOCK_RULES, &rules, user.user_id, now).await?;
    let detail = format!(
        "first answer {} min, remedy {} min",
        rules.targets.first_answer_minutes, rules.targets.remedy_minutes
    );
    audit::log(
        &work.tx,
        now,
        AuditAction::HouseRulesSet,
        Some(user.actor()),
        Some(CLOCK_RULES),
        Some(&detail),
    )
    .await?;
    // A complaint keeps its due times; the clocks' targets show only on
    // the complaint pages and the house's figures, none of them kept but
    // the reads of no part.
    work.touches_no_part();
    work.commit(state).await?;
    get(state, user).await
}

/// An administrator adds a root cause of the house's own; a name already
/// on the list (in any case or spacing, or the name of a built-in cause in
/// any language) is refused, so the figures never split one cause in two.
pub async fn add_root_cause(
    state: &AppState,
    user: &CurrentUser,
    label: String,
) -> Result<ComplaintSettingsView, ApiError> {
    guard::check(state, user, Action::ConfigureHouse, "root causes").await?;
    let locale = user.locale;
    let label = cause_label(&label)
        .map_err(|error| ApiError::invalid("label", label_message(error, locale)))?;
    let duplicate = || ApiError::invalid("label", locale.t("complaint-cause-duplicate"));
    let custom = root_cause::Entity::find().all(&state.db).await?;
    let mut known: Vec<String> = Vec::new();
    for cause in RootCause::ALL {
        known.push(cause.as_str().to_string());
        known.extend(Locale::ALL.map(|l| l.t(cause.key())));
    }
    known.extend(custom.into_iter().map(|c| c.label));
    if cause_label_taken(&label, known.as_slice()) {
        return Err(duplicate());
    }
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
    root_cause::ActiveModel {
        label: Set(label.clone()),
        created_by: Set(Some(user.user_id)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&work.tx)
    .await
    .map_err(|e| match e.sql_err() {
        // Someone added the same name a moment ago.
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => duplicate(),
        _ => db_error("adding a root cause")(e),
    })?;
    audit::log(
        &work.tx,
        now,
        AuditAction::RootCauseAdded,
        Some(user.actor()),
        Some(&label),
        None,
    )
    .await?;
    // A new cause to choose from: only the complaint pages and the house's
    // figures list causes, none of them kept but the reads of no part.
    work.touches_no_part();
    work.commit(state).await?;
    get(state, user).await
}

fn view_of(
    rules: &ClockRules,
    custom: Vec<root_cause::Model>,
    can_edit: bool,
) -> ComplaintSettingsView {
    let ClockRules { targets, hours } = *rules;
    let built_in = RootCause::ALL.into_iter().map(|cause| RootCauseView {
        code: cause.as_str().to_string(),
        label: cause.key().to_string(),
        built_in: true,
    });
    let own = custom.into_iter().map(|cause| RootCauseView {
        code: format!("{CUSTOM_CAUSE_PREFIX}{}", cause.id),
        label: cause.label,
        built_in: false,
    });
    ComplaintSettingsView {
        form: ComplaintSettingsForm {
            first_answer: format_target(targets.first_answer_minutes),
            remedy: format_target(targets.remedy_minutes),
            zone_offset: format_offset(hours.zone_offset_minutes),
            start: format_time(hours.start_minute),
            end: format_time(hours.end_minute),
            days: hours.day_codes().into_iter().map(str::to_string).collect(),
        },
        first_answer_minutes: targets.first_answer_minutes,
        remedy_minutes: targets.remedy_minutes,
        root_causes: built_in.chain(own).collect(),
        can_edit,
    }
}

/// The rules from the form, or every problem against its field
/// (`first_answer`, `remedy`, `zone_offset`, `start`, `end`, `days`) in the
/// reader's language.
fn parse(form: &ComplaintSettingsForm, locale: Locale) -> Result<ClockRules, ApiError> {
    let mut problems = FieldErrors::default();
    let targets = match ClockTargets::parse(&form.first_answer, &form.remedy) {
        Ok(targets) => Some(targets),
        Err(errors) => {
            for (field, error) in errors {
                problems.add(field, target_message(error, locale));
            }
            None
        }
    };
    let hours = match WorkingHours::parse(
        &form.zone_offset,
        &form.start,
        &form.end,
        form.days.as_slice(),
    ) {
        Ok(hours) => Some(hours),
        Err(errors) => {
            for (field, error) in errors {
                problems.add(field, locale.t(error.key()));
            }
            None
        }
    };
    match (targets, hours) {
        (Some(targets), Some(hours)) => Ok(ClockRules { targets, hours }),
        _ => Err(problems.into_error()),
    }
}

fn target_message(error: TargetError, locale: Locale) -> String {
    match error {
        TargetError::TooLong => {
            locale.t_with(error.key(), &[("hours", (MAX_TARGET_MINUTES / 60).into())])
        }
        _ => locale.t(error.key()),
    }
}

fn label_message(error: ComplaintFieldError, locale: Locale) -> String {
    match error {
        ComplaintFieldError::TooLong { max } => {
            locale.t_with("complaint-cause-label-too-long", &[("max", max.into())])
        }
        ComplaintFieldError::BadCharacters => locale.t("complaint-cause-label-bad-characters"),
        _ => locale.t("complaint-cause-label-required"),
    }
}
