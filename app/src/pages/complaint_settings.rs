//! The house's complaint settings on the admin page (`#complaint-settings`):
//! the two clocks' targets, the working hours they count in, and the root
//! causes a factory chooses from, with a form to add one of the house's own.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::api::complaints::{AddRootCause, SaveComplaintSettings, complaint_settings};
use crate::components::data::load;
use crate::components::forms::{FieldMessage, FormMessage, latest_error};
use crate::components::guard::use_locale;
use crate::domain::complaints::{MAX_CAUSE_LABEL_CHARS, WEEKDAY_CODES, WEEKDAY_KEYS};
use crate::i18n::Locale;
use crate::wire::ApiError;
use crate::wire::complaints::{ComplaintSettingsForm, RootCauseView};

/// Fields of the clocks' form shown by their own `FieldMessage`.
const CLOCK_FIELDS: &[&str] = &[
    "first_answer",
    "remedy",
    "zone_offset",
    "start",
    "end",
    "days",
];

#[component]
pub fn ComplaintSettingsPanel() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let save = FormAction::<SaveComplaintSettings>::new();
    let add = FormAction::<AddRootCause>::new();
    // The settings load again after a change that went through; a refused
    // one leaves what was typed in place, to be corrected.
    let changed = RwSignal::new(0usize);
    Effect::new(move |_| {
        if matches!(save.value().get(), Some(Ok(_))) {
            changed.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        if matches!(add.value().get(), Some(Ok(_))) {
            changed.update(|n| *n += 1);
        }
    });
    let settings = load(move || changed.get(), |_| complaint_settings());
    let save_error = latest_error(save.value());
    let add_error = latest_error(add.value());
    view! {
        <section class="panel" id="complaint-settings">
            <h2>{locale.t("complaint-settings-title")}</h2>
            <p class="definition">{locale.t("complaint-settings-intro")}</p>
            <Transition fallback=move || view! { <p class="muted">{locale.t("complaint-settings-loading")}</p> }>
                {move || Suspend::new(async move {
                    match settings.await {
                        Ok(view) => {
                            let can_edit = view.can_edit;
                            view! {
                                <ClockForm form=view.form can_edit save error=save_error locale />
                                <RootCauses causes=view.root_causes can_edit add error=add_error locale />
                            }
                            .into_any()
                        }
                        Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The two targets and the working hours, saved together.
#[component]
fn ClockForm(
    form: ComplaintSettingsForm,
    can_edit: bool,
    save: FormAction<SaveComplaintSettings>,
    error: Signal<Option<ApiError>>,
    locale: Locale,
) -> impl IntoView {
    let ComplaintSettingsForm {
        first_answer,
        remedy,
        zone_offset,
        start,
        end,
        days,
    } = form;
    let day_boxes = WEEKDAY_CODES
        .into_iter()
        .zip(WEEKDAY_KEYS)
        .enumerate()
        .map(|(i, (code, key))| {
            let checked = days.iter().any(|d| d.as_str() == code);
            view! {
                <label class="checkbox">
                    <input type="checkbox" name=format!("days[{i}]") value=code checked=checked />
                    {locale.t(key)}
                </label>
            }
        })
        .collect_view();
    view! {
        <PostForm action=save attr:class="stack-form" attr:id="complaint-clocks-form">
            <div class="inline-grid-form">
                <label>
                    {locale.t("complaint-settings-first-answer")}
                    <input type="text" name="first_answer" value=first_answer />
                </label>
                <label>
                    {locale.t("complaint-settings-remedy")}
                    <input type="text" name="remedy" value=remedy />
                </label>
            </div>
            <FieldMessage error field="first_answer" />
            <FieldMessage error field="remedy" />
            <p class="muted">{locale.t("complaint-settings-target-hint")}</p>
            <div class="inline-grid-form">
                <label>
                    {locale.t("complaint-settings-zone")}
                    <input type="text" name="zone_offset" value=zone_offset />
                </label>
                <label>
                    {locale.t("complaint-settings-start")}
                    <input type="text" name="start" value=start />
                </label>
                <label>
                    {locale.t("complaint-settings-end")}
                    <input type="text" name="end" value=end />
                </label>
            </div>
            <FieldMessage error field="zone_offset" />
            <FieldMessage error field="start" />
            <FieldMessage error field="end" />
            <fieldset class="working-days">
                <legend>{locale.t("complaint-settings-days")}</legend>
                {day_boxes}
            </fieldset>
            <FieldMessage error field="days" />
            <p class="muted">{locale.t("complaint-settings-hours-hint")}</p>
            <FormMessage error fields=CLOCK_FIELDS />
            {move || {
                matches!(save.value().get(), Some(Ok(_))).then(|| view! {
                    <p class="form-ok" role="status" id="complaint-settings-saved">
                        {locale.t("complaint-settings-saved")}
                    </p>
                })
            }}
            {can_edit.then(|| view! {
                <button type="submit" class="button" id="save-complaint-settings">
                    {locale.t("complaint-settings-save")}
                </button>
            })}
        </PostForm>
    }
}

/// The root causes a factory chooses from, and a form to add one.
#[component]
fn RootCauses(
    causes: Vec<RootCauseView>,
    can_edit: bool,
    add: FormAction<AddRootCause>,
    error: Signal<Option<ApiError>>,
    locale: Locale,
) -> impl IntoView {
    let items = causes
        .into_iter()
        .map(|cause| {
            // Only a built-in cause's name is in the catalogue; the house's
            // own is shown as it was written.
            let (label, origin, badge) = if cause.built_in {
                (
                    locale.t(&cause.label),
                    locale.t("complaint-settings-cause-built-in"),
                    "badge badge-muted",
                )
            } else {
                (
                    cause.label.clone(),
                    locale.t("complaint-settings-cause-own"),
                    "badge badge-info",
                )
            };
            view! {
                <li class="root-cause" data-code=cause.code>
                    <span class="root-cause-label">{label}</span>
                    " "
                    <span class=badge>{origin}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>{locale.t("complaint-settings-causes")}</h3>
        <p class="muted">{locale.t("complaint-settings-causes-hint")}</p>
        <ul class="plain-list" id="root-causes">{items}</ul>
        {can_edit.then(|| view! {
            <PostForm action=add attr:class="inline-form" attr:id="add-root-cause-form">
                <label>
                    {locale.t("complaint-settings-new-cause")}
                    " "
                    <input type="text" name="label" maxlength=MAX_CAUSE_LABEL_CHARS.to_string() />
                </label>
                " "
                <button type="submit" class="button" id="add-root-cause">
                    {locale.t("complaint-settings-add-cause")}
                </button>
            </PostForm>
        })}
        <FieldMessage error field="label" />
        <FormMessage error fields=&["label"] />
    }
}
