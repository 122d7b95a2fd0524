//! People on the portal, by company: invite, and (admins) deactivate. Served at
//! `/admin` for administrators, with the house's quotation rules and its
//! complaint settings, and `/staff/people` for sales staff; the server
//! decides what each may do.

use crate::components::data::load;
use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::{
    DeactivateUser, InviteUser, PeopleDirectory, Person, PersonStatus, SetStaffLevel, list_people,
};
use crate::api::quotations::{SetHouseRules, house_rules};
use crate::components::forms::{FieldMessage, FormMessage, latest_error};
use crate::components::guard::{AreaGuard, use_locale};
use crate::domain::account::Role;
use crate::domain::approval::StaffLevel;
use crate::domain::policy::Area;
use crate::i18n::Locale;
use crate::pages::auth::two_factor::TwoFactorRulePanel;
use crate::pages::complaint_settings::ComplaintSettingsPanel;
use crate::pages::oversight::{AuditLogPanel, NewAccountsPanel};
use crate::pages::quote_words::staff_level;

fn role_label(locale: Locale, role: Role) -> String {
    locale.t(&format!("people-role-{}", role.as_str()))
}

fn status_label(locale: Locale, status: PersonStatus) -> String {
    locale.t(match status {
        PersonStatus::Active => "people-status-active",
        PersonStatus::Invited => "people-status-invited",
        PersonStatus::Deactivated => "people-status-deactivated",
    })
}

#[component]
pub fn AdminHome() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("nav-people") />
        <AreaGuard area=Some(Area::Admin)>
            <PeopleDirectoryView />
            <HouseRulesPanel />
            <ComplaintSettingsPanel />
            <NewAccountsPanel />
            <AuditLogPanel />
            <TwoFactorRulePanel />
        </AreaGuard>
    }
}

#[component]
pub fn StaffPeople() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("nav-people") />
        <AreaGuard area=Some(Area::Staff)>
            <PeopleDirectoryView />
        </AreaGuard>
    }
}

#[component]
fn PeopleDirectoryView() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let invite = FormAction::<InviteUser>::new();
    let deactivate = FormAction::<DeactivateUser>::new();
    let set_level = FormAction::<SetStaffLevel>::new();
    let directory = load(
        move || {
            (
                invite.version().get(),
                deactivate.version().get(),
                set_level.version().get(),
            )
        },
        |_| list_people(),
    );
    view! {
        <section class="panel">
            <h1>{locale.t("nav-people")}</h1>
            <Transition fallback=move || view! { <p class="muted">{locale.t("oversight-loading")}</p> }>
                {move || Suspend::new(async move {
                    match directory.await {
                        Ok(dir) => view! {
                            <InviteForm invite directory=dir.clone() locale />
                            <Directory dir deactivate set_level locale />
                        }.into_any(),
                        Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn InviteForm(
    invite: FormAction<InviteUser>,
    directory: PeopleDirectory,
    locale: Locale,
) -> impl IntoView {
    let error = latest_error(invite.value());
    let roles = directory.invitable_roles.clone();
    view! {
        <h2>{locale.t("people-invite-title")}</h2>
        <PostForm action=invite attr:class="inline-grid-form" attr:id="invite-form">
            <label>
                {locale.t("people-company")}
                <select name="company_id" required>
                    {directory
                        .companies
                        .iter()
                        .map(|c| view! { <option value=c.id.to_string()>{c.name.clone()}</option> })
                        .collect_view()}
                </select>
            </label>
            <label>
                {locale.t("people-role")}
                <select name="role" required>
                    {roles
                        .into_iter()
                        .map(|r| view! { <option value=r.as_str()>{role_label(locale, r)}</option> })
                        .collect_view()}
                </select>
            </label>
            <label>
                {locale.t("people-name")}
                <input type="text" name="display_name" required />
            </label>
            <label>
                {locale.t("people-email")}
                <input type="email" name="email" required />
            </label>
            <button type="submit" class="button">{locale.t("people-send-invitation")}</button>
        </PostForm>
        <FieldMessage error field="email" />
        <FieldMessage error field="display_name" />
        <FieldMessage error field="role" />
        <FormMessage error fields=&["email", "display_name", "role"] />
        {move || invite.value().get().and_then(|r| r.ok()).map(|message| view! {
            <p class="notice" id="invite-sent">{message}</p>
        })}
    }
}

#[component]
fn Directory(
    dir: PeopleDirectory,
    deactivate: FormAction<DeactivateUser>,
    set_level: FormAction<SetStaffLevel>,
    locale: Locale,
) -> impl IntoView {
    let can_deactivate = dir.can_deactivate;
    let can_set_levels = dir.can_set_levels;
    let error = latest_error(deactivate.value());
    view! {
        <FormMessage error fields=&[] />
        {dir
            .companies
            .into_iter()
            .map(|company| view! {
                <h2 class="company-heading">{company.name.clone()}</h2>
                <div class="table-scroll">
                    <table class="people-table" data-company=company.id.to_string()>
                        <thead>
                            <tr>
                                <th>{locale.t("people-name")}</th><th>{locale.t("people-email")}</th>
                                <th>{locale.t("people-role")}</th><th>{locale.t("people-status")}</th><th></th>
                            </tr>
                        </thead>
                        <tbody>
                            {company
                                .people
                                .into_iter()
                                .map(|p| {
                                    let deactivatable = can_deactivate && p.status != PersonStatus::Deactivated;
                                    let email = p.email.clone();
                                    let person = p.clone();
                                    view! {
                                        <tr data-email=email>
                                            <td>{p.display_name}</td>
                                            <td>{p.email}</td>
                                            <td><RoleCell person can_set=can_set_levels set_level locale /></td>
                                            <td class=format!("status status-{:?}", p.status).to_lowercase()>{status_label(locale, p.status)}</td>
                                            <td>
                                                {deactivatable.then(|| view! {
                                                    <PostForm action=deactivate attr:class="inline-form">
                                                        <input type="hidden" name="user_id" value=p.id.to_string() />
                                                        <button type="submit" class="link-button danger">{locale.t("people-deactivate")}</button>
                                                    </PostForm>
                                                })}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            })
            .collect_view()}
    }
}

/// A person's role and, for the house, their staff level: a choice for an
/// administrator, a word for everyone else.
#[component]
fn RoleCell(
    person: Person,
    can_set: bool,
    set_level: FormAction<SetStaffLevel>,
    locale: Locale,
) -> impl IntoView {
    let house = matches!(person.role, Role::Staff | Role::Admin);
    let level = person.staff_level;
    view! {
        {role_label(locale, person.role)}
        {(house && !can_set).then(|| level.map(|l| format!(" · {}", staff_level(locale, l))))}
        {(house && can_set).then(|| view! {
            <PostForm action=set_level attr:class="inline-form staff-level">
                <input type="hidden" name="user_id" value=person.id.to_string() />
                <select name="level" aria-label=locale.t("people-staff-level")>
                    <option value="" selected=level.is_none()>{locale.t("people-no-approvals")}</option>
                    {StaffLevel::ALL
                        .into_iter()
                        .map(|l| view! { <option value=l.as_str() selected=level == Some(l)>{staff_level(locale, l)}</option> })
                        .collect_view()}
                </select>
                <button type="submit" class="link-button">{locale.t("people-set-level")}</button>
            </PostForm>
        })}
    }
}

/// The approval rules and credit policy; administrators change them here.
#[component]
fn HouseRulesPanel() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let save = FormAction::<SetHouseRules>::new();
    let rules = load(move || save.version().get(), |_| house_rules());
    let error = latest_error(save.value());
    view! {
        <section class="panel" id="house-rules">
            <h2>{locale.t("people-rules-title")}</h2>
            <p class="definition">{locale.t("people-rules-definition")}</p>
            <Transition fallback=move || view! { <p class="muted">{locale.t("oversight-loading")}</p> }>
                {move || Suspend::new(async move {
                    rules.await.map(|view| {
                        let f = view.form;
                        view! {
                            <PostForm action=save attr:class="inline-grid-form" attr:id="house-rules-form">
                                <label><input type="checkbox" name="form[manager_always]" checked=!f.manager_always.is_empty() />{format!(" {}", locale.t("people-rules-manager-always"))}</label>
                                <label>{locale.t("people-rules-cost-accountant")} <input type="text" name="form[cost_accountant_below]" value=f.cost_accountant_below /></label>
                                <label>{locale.t("people-rules-director-above")} <input type="text" name="form[director_above]" value=f.director_above /></label>
                                <label><input type="checkbox" name="form[director_when_deposit_short]" checked=!f.director_when_deposit_short.is_empty() />{format!(" {}", locale.t("people-rules-director-deposit"))}</label>
                                <label>{locale.t("people-rules-step-hours")} <input type="number" name="form[step_target_hours]" value=f.step_target_hours /></label>
                                <label>{locale.t("people-rules-credit-threshold")} <input type="number" name="form[credit_threshold]" value=f.credit_threshold /></label>
                                <label>{locale.t("people-rules-normal-deposit")} <input type="text" name="form[normal_deposit]" value=f.normal_deposit /></label>
                                <label>{locale.t("people-rules-low-deposit")} <input type="text" name="form[low_credit_deposit]" value=f.low_credit_deposit /></label>
                                {view.can_edit.then(|| view! { <button type="submit" class="button" id="save-rules">{locale.t("people-rules-save")}</button> })}
                            </PostForm>
                        }
                    })
                })}
            </Transition>
            <FormMessage error fields=&[] />
        </section>
    }
}
