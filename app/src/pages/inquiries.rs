//! The customer's inquiries: the company's requests for a quotation, each
//! linking to the quotation that answers it once the house has sent one,
//! and the form to ask for a new quotation.

use crate::components::data::load;
use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::ApiError;
use crate::api::quotations::{CreateInquiry, InquirySummary, list_inquiries};
use crate::components::forms::{FieldMessage, FormMessage, latest_error, row_messages};
use crate::components::guard::{AreaGuard, use_locale};
use crate::components::local_time::LocalTime;
use crate::domain::order_input::{CURRENCIES, INCOTERMS};
use crate::domain::policy::Area;
use crate::i18n::Locale;
use crate::pages::quote_words::{
    inquiry_status, inquiry_status_class, quote_ref_text, quote_status, quote_status_class,
};

/// Product rows the form starts with; the server ignores blank ones.
const START_ROWS: usize = 3;

/// The fields of one product row: name, label key, input mode.
const LINE_FIELDS: [(&str, &str, &str); 5] = [
    ("product_code", "line-product-code", "text"),
    ("description", "line-description", "text"),
    ("quantity", "line-quantity", "numeric"),
    ("unit", "line-unit", "text"),
    ("target_price", "line-target-price", "decimal"),
];

/// Fields of the form shown by their own `FieldMessage`.
const FORM_FIELDS: &[&str] = &[
    "destination",
    "incoterm",
    "currency",
    "requested",
    "note",
    "lines",
];

#[component]
pub fn CustomerInquiriesPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("inquiries-title") />
        <AreaGuard area=Some(Area::Customer)>
            <CustomerInquiries />
        </AreaGuard>
    }
}

/// The list and the form to ask for a quotation, as one island: an inquiry
/// sent shows in the list.
#[cfg_attr(quote_islands, island)]
#[cfg_attr(not(quote_islands), component)]
fn CustomerInquiries() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let create = FormAction::<CreateInquiry>::new();
    // Every answer to the form loads the list again: a new inquiry shows.
    // A quotation sent or answered elsewhere shows without a reload.
    let tick = crate::components::live::use_live_tick(None);
    let inquiries = load(
        move || (create.version().get(), tick.get()),
        |_| list_inquiries(),
    );
    view! {
        <section class="panel">
            <h1>{locale.t("inquiries-title")}</h1>
            <p class="lead">{locale.t("inquiries-intro")}</p>
            <Transition fallback=move || view! { <p class="muted">{locale.t("quote-loading")}</p> }>
                {move || Suspend::new(async move {
                    match inquiries.await {
                        Ok(list) if list.is_empty() => view! {
                            <p class="muted" id="inquiries-empty">{locale.t("inquiries-none")}</p>
                        }.into_any(),
                        Ok(list) => view! { <CustomerInquiryTable list locale /> }.into_any(),
                        Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <NewInquiryForm create locale />
    }
}

/// The company's inquiries, newest first.
#[component]
fn CustomerInquiryTable(list: Vec<InquirySummary>, locale: Locale) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table id="inquiries">
                <thead><tr>
                    <th>{locale.t("inquiry-col-number")}</th>
                    <th>{locale.t("inquiry-col-date")}</th>
                    <th>{locale.t("inquiry-col-status")}</th>
                    <th>{locale.t("inquiry-col-destination")}</th>
                    <th>{locale.t("inquiry-col-lines")}</th>
                    <th>{locale.t("inquiry-col-quotation")}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|i| view! {
                        <tr data-inquiry=i.id.to_string()>
                            <td>{i.number}</td>
                            <td><LocalTime at=i.created_at /></td>
                            <td><span class=inquiry_status_class(i.status)>{inquiry_status(locale, i.status)}</span></td>
                            <td>{i.destination}</td>
                            <td>{i.line_count}</td>
                            <td>
                                {match i.quotation {
                                    Some(q) => view! {
                                        <a href=format!("/customer/quotations/{}", q.id)>{quote_ref_text(locale, &q.number, q.revision)}</a>
                                        " " <span class=quote_status_class(q.status)>{quote_status(locale, q.status)}</span>
                                    }.into_any(),
                                    None => view! { <span class="muted">"—"</span> }.into_any(),
                                }}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Destination, incoterm, currency, date, note and product rows; once the
/// inquiry is sent the form empties for the next one.
#[component]
fn NewInquiryForm(create: FormAction<CreateInquiry>, locale: Locale) -> impl IntoView {
    let error = latest_error(create.value());
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if matches!(create.value().get(), Some(Ok(_))) {
            empty(form);
        }
    });
    view! {
        <section class="panel">
            <h2>{locale.t("new-inquiry-title")}</h2>
            <p class="muted">{locale.t("new-inquiry-intro")}</p>
            <PostForm action=create node_ref=form attr:class="stack-form" attr:id="new-inquiry">
                <label>{locale.t("new-inquiry-destination")} <input type="text" name="destination" /></label>
                <FieldMessage error field="destination" />
                <div class="inline-grid-form">
                    <label>
                        {locale.t("new-inquiry-incoterm")}
                        <select name="incoterm">
                            {INCOTERMS.iter().map(|c| view! { <option value=*c selected=*c == "FOB">{*c}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>
                        {locale.t("new-inquiry-currency")}
                        <select name="currency">
                            {CURRENCIES.iter().map(|c| view! { <option value=*c>{*c}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>{locale.t("new-inquiry-requested")} <input type="date" name="requested" /></label>
                </div>
                <FieldMessage error field="incoterm" />
                <FieldMessage error field="currency" />
                <FieldMessage error field="requested" />
                <h3>{locale.t("new-inquiry-products")}</h3>
                <PastProducts />
                <FieldMessage error field="lines" />
                {(0..START_ROWS).map(|index| view! { <InquiryLineFields index error locale /> }).collect_view()}
                <label>{locale.t("new-inquiry-note")} <textarea name="note" rows="3"></textarea></label>
                <FieldMessage error field="note" />
                <FormMessage error fields=FORM_FIELDS />
                {move || matches!(create.value().get(), Some(Ok(_))).then(|| view! {
                    <p class="form-ok" role="status" id="inquiry-sent">{locale.t("new-inquiry-sent")}</p>
                })}
                <button type="submit" class="button" id="send-inquiry">{locale.t("new-inquiry-send")}</button>
            </PostForm>
        </section>
    }
}

/// The products the company ordered before, offered on the product-code
/// fields.
#[component]
fn PastProducts() -> impl IntoView {
    let products = load(|| (), |_| crate::api::quotations::past_products());
    view! {
        <datalist id="past-products">
            <Transition>
                {move || Suspend::new(async move {
                    products.await.unwrap_or_default().into_iter().map(|p| view! {
                        <option value=p.product_code>{p.description}</option>
                    }).collect_view()
                })}
            </Transition>
        </datalist>
    }
}

/// Empties the form for the next inquiry (in the browser: the server
/// renders it empty anyway).
fn empty(form: NodeRef<leptos::html::Form>) {
    #[cfg(feature = "hydrate")]
    if let Some(form) = form.get_untracked() {
        form.reset();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = form;
}

/// One product row: `lines[i][product_code]` and the rest.
#[component]
fn InquiryLineFields(
    index: usize,
    error: Signal<Option<ApiError>>,
    locale: Locale,
) -> impl IntoView {
    view! {
        <fieldset class="line-input" data-row=index.to_string()>
            <legend>{locale.t_with("new-inquiry-line", &[("line", (index + 1).into())])}</legend>
            <div class="inline-grid-form">
                {LINE_FIELDS.iter().map(|(name, label, mode)| view! {
                    <label>{locale.t(label)} <input type="text" name=format!("lines[{index}][{name}]") inputmode=*mode list=(*name == "product_code").then_some("past-products") /></label>
                }).collect_view()}
            </div>
            {row_messages(error, "lines", index, LINE_FIELDS.iter().map(|(name, _, _)| *name).collect())}
        </fieldset>
    }
}
