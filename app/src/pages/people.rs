//! People on the portal, by company: invite, and (admins) deactivate. Served at
//! `/admin` for administrators and `/staff/people` for sales staff; the server
//! decides what each may do.

use crate::components::data::load;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::{DeactivateUser, InviteUser, PeopleDirectory, PersonStatus, list_people};
use crate::components::forms::{FieldMessage, FormMessage, latest_error};
use crate::components::guard::AreaGuard;
use crate::domain::policy::Area;

#[component]
pub fn AdminHome() -> impl IntoView {
    view! {
        <Title text="People" />
        <AreaGuard area=Some(Area::Admin)>
            <PeopleDirectoryView />
        </AreaGuard>
    }
}

#[component]
pub fn StaffPeople() -> impl IntoView {
    view! {
        <Title text="People" />
        <AreaGuard area=Some(Area::Staff)>
            <PeopleDirectoryView />
        </AreaGuard>
    }
}

#[component]
fn PeopleDirectoryView() -> impl IntoView {
    let invite = ServerAction::<InviteUser>::new();
    let deactivate = ServerAction::<DeactivateUser>::new();
    let directory = load(
        move || (invite.version().get(), deactivate.version().get()),
        |_| list_people(),
    );
    view! {
        <section class="panel">
            <h1>"People"</h1>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match directory.await {
                        Ok(dir) => view! {
                            <InviteForm invite directory=dir.clone() />
                            <Directory dir deactivate />
                        }.into_any(),
                        Err(e) => view! { <p class="form-error">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn InviteForm(invite: ServerAction<InviteUser>, directory: PeopleDirectory) -> impl IntoView {
    let error = latest_error(invite.value());
    let roles = directory.invitable_roles.clone();
    view! {
        <h2>"Invite someone"</h2>
        <ActionForm action=invite attr:class="inline-grid-form" attr:id="invite-form">
            <label>
                "Company"
                <select name="company_id" required>
                    {directory
                        .companies
                        .iter()
                        .map(|c| view! { <option value=c.id.to_string()>{c.name.clone()}</option> })
                        .collect_view()}
                </select>
            </label>
            <label>
                "Role"
                <select name="role" required>
                    {roles
                        .into_iter()
                        .map(|r| view! { <option value=r.as_str()>{r.label()}</option> })
                        .collect_view()}
                </select>
            </label>
            <label>
                "Name"
                <input type="text" name="display_name" required />
            </label>
            <label>
                "E-mail"
                <input type="email" name="email" required />
            </label>
            <button type="submit" class="button">"Send invitation"</button>
        </ActionForm>
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
fn Directory(dir: PeopleDirectory, deactivate: ServerAction<DeactivateUser>) -> impl IntoView {
    let can_deactivate = dir.can_deactivate;
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
                            <tr><th>"Name"</th><th>"E-mail"</th><th>"Role"</th><th>"Status"</th><th></th></tr>
                        </thead>
                        <tbody>
                            {company
                                .people
                                .into_iter()
                                .map(|p| {
                                    let deactivatable = can_deactivate && p.status != PersonStatus::Deactivated;
                                    let email = p.email.clone();
                                    view! {
                                        <tr data-email=email>
                                            <td>{p.display_name}</td>
                                            <td>{p.email}</td>
                                            <td>{p.role.label()}</td>
                                            <td class=format!("status status-{:?}", p.status).to_lowercase()>{p.status.label()}</td>
                                            <td>
                                                {deactivatable.then(|| view! {
                                                    <ActionForm action=deactivate attr:class="inline-form">
                                                        <input type="hidden" name="user_id" value=p.id.to_string() />
                                                        <button type="submit" class="link-button danger">"Deactivate"</button>
                                                    </ActionForm>
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
