//! Two panels of the admin page for keeping watch over accounts: the
//! customers' and factories' accounts made in the last 30 days, with who
//! invited each; and the audit log, newest first, filtered by kind and by
//! person. The server answers administrators only.

use leptos::prelude::*;

use crate::api::oversight::{AuditRow, NewAccount, audit_log, new_accounts};
use crate::components::data::load;
use crate::components::guard::use_locale;
use crate::components::local_time::LocalTime;
use crate::i18n::Locale;

#[component]
pub fn NewAccountsPanel() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let accounts = load(|| (), |_| new_accounts());
    view! {
        <section class="panel" id="new-accounts">
            <h2>{locale.t("new-accounts-title")}</h2>
            <p class="definition">{locale.t("new-accounts-intro")}</p>
            <Transition fallback=move || view! { <p class="muted">{locale.t("oversight-loading")}</p> }>
                {move || Suspend::new(async move {
                    match accounts.await {
                        Ok(list) if list.is_empty() => view! {
                            <p class="muted" id="no-new-accounts">{locale.t("new-accounts-none")}</p>
                        }
                        .into_any(),
                        Ok(list) => view! {
                            <div class="table-scroll">
                                <table class="new-accounts-table">
                                    <thead>
                                        <tr>
                                            <th>{locale.t("new-accounts-person")}</th>
                                            <th>{locale.t("new-accounts-company")}</th>
                                            <th>{locale.t("new-accounts-invited-by")}</th>
                                            <th>{locale.t("new-accounts-created")}</th>
                                            <th>{locale.t("new-accounts-status")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list
                                            .into_iter()
                                            .map(|account| view! { <NewAccountRow account locale /> })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                        .into_any(),
                        Err(error) => view! { <p class="form-error">{error.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn NewAccountRow(account: NewAccount, locale: Locale) -> impl IntoView {
    let status = match (account.active, account.signed_in) {
        (false, _) => "new-accounts-deactivated",
        (true, true) => "new-accounts-signed-in",
        (true, false) => "new-accounts-not-yet",
    };
    let kind = format!("oversight-kind-{}", account.company_kind.as_str());
    let email = account.email.clone();
    let invited_by = account
        .invited_by
        .unwrap_or_else(|| locale.t("new-accounts-inviter-unknown"));
    view! {
        <tr data-email=email>
            <td>{account.display_name}<br /><small class="muted">{account.email}</small></td>
            <td>{account.company_name}" "<small class="muted">{locale.t(&kind)}</small></td>
            <td>{invited_by}</td>
            <td><LocalTime at=account.created_at /></td>
            <td>{locale.t(status)}</td>
        </tr>
    }
}

#[component]
pub fn AuditLogPanel() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let kind = RwSignal::new(String::new());
    let person = RwSignal::new(String::new());
    let log = load(
        move || (kind.get(), person.get()),
        |(kind, person)| audit_log(Some(kind), Some(person)),
    );
    view! {
        <section class="panel" id="audit-log">
            <h2>{locale.t("audit-title")}</h2>
            <p class="definition">{locale.t("audit-intro")}</p>
            <div class="filters">
                <label>
                    {locale.t("audit-filter-kind")}
                    <select id="audit-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                        <option value="">{locale.t("audit-filter-all")}</option>
                        <Transition fallback=|| ()>
                            {move || Suspend::new(async move {
                                log.await.map(|view| view.kinds).unwrap_or_default().into_iter().map(|k| {
                                    let selected = k == kind.get_untracked();
                                    let label = locale.t(&format!("audit-kind-{k}"));
                                    view! { <option value=k selected=selected>{label}</option> }
                                }).collect_view()
                            })}
                        </Transition>
                    </select>
                </label>
                <label>
                    {locale.t("audit-filter-person")}
                    <input
                        type="search"
                        id="audit-person"
                        placeholder=locale.t("audit-filter-person-hint")
                        on:change=move |ev| person.set(event_target_value(&ev))
                    />
                </label>
            </div>
            <Transition fallback=move || view! { <p class="muted">{locale.t("oversight-loading")}</p> }>
                {move || Suspend::new(async move {
                    match log.await {
                        Ok(view) if view.rows.is_empty() => view! {
                            <p class="muted" id="audit-empty">{locale.t("audit-none")}</p>
                        }
                        .into_any(),
                        Ok(view) => {
                            let shown = view.rows.len() as u64;
                            view! {
                                <p class="muted">{locale.t_with("audit-shown", &[("count", shown.into())])}</p>
                                <div class="table-scroll">
                                    <table class="audit-table">
                                        <thead>
                                            <tr>
                                                <th>{locale.t("audit-at")}</th>
                                                <th>{locale.t("audit-kind")}</th>
                                                <th>{locale.t("audit-actor")}</th>
                                                <th>{locale.t("audit-target")}</th>
                                                <th>{locale.t("audit-address")}</th>
                                                <th>{locale.t("audit-detail")}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {view
                                                .rows
                                                .into_iter()
                                                .map(|row| view! { <AuditLine row locale /> })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }
                            .into_any()
                        }
                        Err(error) => view! { <p class="form-error">{error.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn AuditLine(row: AuditRow, locale: Locale) -> impl IntoView {
    let label = locale.t(&format!("audit-kind-{}", row.kind));
    let who = match (row.actor, row.actor_company) {
        (Some(actor), Some(company)) => format!("{actor} · {company}"),
        (Some(actor), None) => actor,
        (None, _) => String::new(),
    };
    view! {
        <tr data-kind=row.kind>
            <td><LocalTime at=row.at /></td>
            <td>{label}</td>
            <td>{who}</td>
            <td>{row.target.unwrap_or_default()}</td>
            <td>{row.client_addr.unwrap_or_default()}</td>
            <td class="audit-detail">{row.detail.unwrap_or_default()}</td>
        </tr>
    }
}
