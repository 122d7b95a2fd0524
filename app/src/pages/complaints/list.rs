//! The complaints the viewer may see, open ones first, and for a customer
//! who came from a shipped order (`?order=ID`, optionally `&line=LINE_ID`)
//! the form to file a new one. The list updates live.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use super::{ClockBadge, ComplaintStatus, Viewer};
use crate::api::complaints::{FileComplaint, list_complaints};
use crate::components::data::load;
use crate::components::forms::{FieldMessage, FormMessage, go_to, latest_error};
use crate::components::guard::use_locale;
use crate::components::islands::page_query;
use crate::components::live::use_live_tick;
use crate::components::local_time::LocalTime;
use crate::i18n::Locale;
use crate::wire::complaints::ComplaintSummary;

/// What a complaint may be about (stored form).
pub(crate) const CATEGORIES: [&str; 6] = [
    "quality",
    "short_quantity",
    "damage",
    "late_delivery",
    "wrong_documents",
    "other",
];

/// The remedies a customer may ask for and the house may propose.
pub(crate) const REMEDIES: [&str; 4] = ["replacement", "credit_note", "discount", "rework"];

/// Fields of the new-complaint form shown by their own `FieldMessage`.
const FORM_FIELDS: &[&str] = &["category", "description", "quantity", "remedy", "amount"];

#[component]
pub(crate) fn ComplaintsPage(viewer: Viewer) -> impl IntoView {
    let locale = use_locale().get_untracked();
    // Complaints change with orders: any change may be one of them.
    let tick = use_live_tick(None);
    // The order (and line) a new complaint is about, and where a page of
    // older complaints starts, from the address.
    let number = |name| page_query(name).and_then(|raw| raw.parse::<i32>().ok());
    let before = number("before");
    let complaints = load(move || tick.get(), move |_| list_complaints(before));
    let about = number("order").map(|order| (order, number("line")));
    let file = FormAction::<FileComplaint>::new();
    Effect::new(move |_| {
        if let Some(Ok(id)) = file.value().get() {
            go_to(&format!("/customer/complaints/{id}"));
        }
    });
    let intro = match viewer {
        Viewer::Customer => "complaints-intro-customer",
        Viewer::House => "complaints-intro-house",
        Viewer::Factory => "complaints-intro-factory",
    };
    // The factory reads it on a phone, like the rest of its area.
    let panel_class = if viewer == Viewer::Factory {
        "panel complaints supplier-area"
    } else {
        "panel complaints"
    };
    view! {
        {about.filter(|_| viewer == Viewer::Customer).map(|(order_id, line_id)| view! {
            <NewComplaintForm file order_id line_id locale />
        })}
        <section class=panel_class>
            <h1>{locale.t("complaints-title")}</h1>
            <p class="lead">{locale.t(intro)}</p>
            <Transition fallback=move || view! { <p class="muted">{locale.t("complaints-loading")}</p> }>
                {move || Suspend::new(async move {
                    match complaints.await {
                        Ok(page) if page.complaints.is_empty() && before.is_none() => view! {
                            <p class="muted" id="complaints-empty">{locale.t("complaints-none")}</p>
                        }.into_any(),
                        Ok(page) => view! {
                            <ComplaintTable list=page.complaints viewer locale />
                            <ComplaintPager viewer newer=before.is_some() older=page.older locale />
                        }.into_any(),
                        Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Back to the newest complaints from an older page, and on to older
/// closed ones while there are more: links, so each page has its address.
#[component]
fn ComplaintPager(
    viewer: Viewer,
    newer: bool,
    older: Option<i32>,
    locale: Locale,
) -> impl IntoView {
    let base = viewer.base();
    view! {
        <div class="pager">
            {newer.then(|| view! {
                <a class="button secondary" id="newest-complaints" href=base>{locale.t("complaints-newest")}</a>
            })}
            {older.map(|id| view! {
                <a class="button secondary" id="older-complaints" href=format!("{base}?before={id}")>
                    {locale.t("complaints-older")}
                </a>
            })}
        </div>
    }
}

/// `table#complaints`: one row per complaint (`tr[data-id]`).
#[component]
fn ComplaintTable(list: Vec<ComplaintSummary>, viewer: Viewer, locale: Locale) -> impl IntoView {
    let house = viewer == Viewer::House;
    let base = viewer.base();
    view! {
        <div class="table-scroll">
            <table id="complaints">
                <thead><tr>
                    <th>{locale.t("complaint-col-number")}</th>
                    <th>{locale.t(viewer.reference_key())}</th>
                    {house.then(|| view! { <th>{locale.t("complaint-col-customer")}</th> })}
                    <th>{locale.t("complaint-col-category")}</th>
                    <th>{locale.t("complaint-col-status")}</th>
                    <th>{locale.t("complaint-col-first-answer")}</th>
                    <th>{locale.t("complaint-col-remedy")}</th>
                    <th>{locale.t("complaint-col-filed")}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|complaint| view! {
                        <ComplaintRow complaint house base locale />
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ComplaintRow(
    complaint: ComplaintSummary,
    house: bool,
    base: &'static str,
    locale: Locale,
) -> impl IntoView {
    let ComplaintSummary {
        id,
        number,
        reference,
        category_key,
        status,
        status_key,
        first_answer,
        remedy,
        created_at,
        customer_name,
    } = complaint;
    let href = format!("{base}/{id}");
    let customer = customer_name.unwrap_or_default();
    let category = locale.t(&category_key);
    view! {
        <tr data-id=id.to_string()>
            <td class="number"><a href=href>{number}</a></td>
            <td class="reference">{reference}</td>
            {house.then(|| view! { <td class="customer">{customer}</td> })}
            <td class="category">{category}</td>
            <td><ComplaintStatus status status_key locale /></td>
            <td><ClockBadge clock=first_answer locale which="first_answer" /></td>
            <td><ClockBadge clock=remedy locale which="remedy" /></td>
            <td><LocalTime at=created_at /></td>
        </tr>
    }
}

/// `form#complaint-form`: what is wrong, how much of it, and the remedy
/// asked; sent, it opens the new complaint.
#[component]
fn NewComplaintForm(
    file: FormAction<FileComplaint>,
    order_id: i32,
    line_id: Option<i32>,
    locale: Locale,
) -> impl IntoView {
    let error = latest_error(file.value());
    let order_href = format!("/customer/orders/{order_id}");
    view! {
        <section class="panel complaints" id="new-complaint">
            <h2>{locale.t("complaint-new-title")}</h2>
            <p class="muted">
                {locale.t("complaint-new-intro")}" "
                <a href=order_href id="complaint-order">{locale.t("complaint-new-order-link")}</a>
            </p>
            {line_id.map(|_| view! {
                <p class="muted" id="complaint-about-line">{locale.t("complaint-new-line-note")}</p>
            })}
            <PostForm action=file attr:class="stack-form" attr:id="complaint-form">
                <input type="hidden" name="order_id" value=order_id.to_string() />
                {line_id.map(|line| view! {
                    <input type="hidden" name="order_line_id" value=line.to_string() />
                })}
                <div class="inline-grid-form">
                    <label>
                        {locale.t("complaint-new-category")}
                        <select name="complaint[category]">
                            {CATEGORIES.iter().map(|c| view! {
                                <option value=*c>{locale.t(&format!("complaint-option-category-{c}"))}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        {locale.t("complaint-new-quantity")}
                        <input type="text" inputmode="numeric" name="complaint[quantity]" />
                    </label>
                </div>
                <FieldMessage error field="category" />
                <FieldMessage error field="quantity" />
                <label>
                    {locale.t("complaint-new-description")}
                    <textarea name="complaint[description]" rows="4"></textarea>
                </label>
                <FieldMessage error field="description" />
                <div class="inline-grid-form">
                    <label>
                        {locale.t("complaint-new-remedy")}
                        <select name="complaint[remedy]">
                            {REMEDIES.iter().map(|r| view! {
                                <option value=*r>{locale.t(&format!("complaint-option-remedy-{r}"))}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        {locale.t("complaint-new-amount")}
                        <input type="text" inputmode="decimal" name="complaint[amount]" />
                    </label>
                </div>
                <p class="muted">{locale.t("complaint-new-amount-hint")}</p>
                <FieldMessage error field="remedy" />
                <FieldMessage error field="amount" />
                <FormMessage error fields=FORM_FIELDS />
                <button type="submit" class="button" id="send-complaint">{locale.t("complaint-new-send")}</button>
            </PostForm>
        </section>
    }
}
