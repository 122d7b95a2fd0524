//! The house's side of inquiries: every customer's inquiries and every
//! quotation in one place, one inquiry with the button that starts its
//! quotation, and the approver's inbox of quotations waiting for them. The
//! quotation itself is in `quotation`.

use crate::components::data::load;
use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::components::errors::RecordMissing;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::api::quotations::{
    InquirySummary, InquiryView, QuotationSummary, StartQuotation, get_inquiry, list_inquiries,
    list_quotations,
};
use crate::components::forms::{FormMessage, latest_error};
use crate::components::guard::{AreaGuard, use_locale};
use crate::components::local_time::LocalTime;
use crate::domain::policy::Area;
use crate::i18n::Locale;
use crate::pages::quote_words::{
    QuoteRefList, inquiry_status, inquiry_status_class, quote_status, quote_status_class,
    staff_level,
};

/// All inquiries, then all quotations.
#[component]
pub fn StaffInquiriesPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    // New inquiries and answers arrive without a reload.
    let tick = crate::components::live::use_live_tick(None);
    let inquiries = load(move || tick.get(), |_| list_inquiries());
    let quotations = load(move || tick.get(), |_| list_quotations(false));
    view! {
        <Title text=locale.t("staff-inquiries-title") />
        <AreaGuard area=Some(Area::Staff)>
            <section class="panel">
                <h1>{locale.t("staff-inquiries-title")}</h1>
                <h2>{locale.t("staff-inquiries-heading")}</h2>
                <Transition fallback=move || view! { <p class="muted">{locale.t("quote-loading")}</p> }>
                    {move || Suspend::new(async move {
                        match inquiries.await {
                            Ok(list) if list.is_empty() => view! { <p class="muted" id="inquiries-empty">{locale.t("inquiries-none")}</p> }.into_any(),
                            Ok(list) => view! { <StaffInquiryTable list locale /> }.into_any(),
                            Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
            <section class="panel">
                <h2>{locale.t("staff-quotations-heading")}</h2>
                <Transition fallback=move || view! { <p class="muted">{locale.t("quote-loading")}</p> }>
                    {move || Suspend::new(async move {
                        match quotations.await {
                            Ok(list) if list.is_empty() => view! { <p class="muted" id="quotations-empty">{locale.t("quotations-none")}</p> }.into_any(),
                            Ok(list) => view! { <QuotationTable list locale table_id="quotations" /> }.into_any(),
                            Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </AreaGuard>
    }
}

#[component]
fn StaffInquiryTable(list: Vec<InquirySummary>, locale: Locale) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table id="inquiries">
                <thead><tr>
                    <th>{locale.t("inquiry-col-number")}</th>
                    <th>{locale.t("inquiry-col-customer")}</th>
                    <th>{locale.t("inquiry-col-date")}</th>
                    <th>{locale.t("inquiry-col-status")}</th>
                    <th>{locale.t("inquiry-col-destination")}</th>
                    <th>{locale.t("inquiry-col-lines")}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|i| view! {
                        <tr data-inquiry=i.id.to_string()>
                            <td><A href=format!("/staff/inquiries/{}", i.id)>{i.number}</A></td>
                            <td>{i.customer_name}</td>
                            <td><LocalTime at=i.created_at /></td>
                            <td><span class=inquiry_status_class(i.status)>{inquiry_status(locale, i.status)}</span></td>
                            <td>{i.destination}</td>
                            <td>{i.line_count}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Quotations with their figures and where their approval stands.
#[component]
fn QuotationTable(
    list: Vec<QuotationSummary>,
    locale: Locale,
    table_id: &'static str,
) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table id=table_id>
                <thead><tr>
                    <th>{locale.t("quote-col-number")}</th>
                    <th>{locale.t("quote-col-revision")}</th>
                    <th>{locale.t("quote-col-customer")}</th>
                    <th>{locale.t("quote-col-status")}</th>
                    <th>{locale.t("quote-col-total")}</th>
                    <th>{locale.t("quote-col-margin")}</th>
                    <th>{locale.t("quote-col-waiting")}</th>
                    <th>{locale.t("quote-valid-until")}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|q| view! {
                        <tr data-quotation=q.id.to_string()>
                            <td><A href=format!("/staff/quotations/{}", q.id)>{q.number}</A></td>
                            <td>{q.revision}</td>
                            <td>{q.customer_name}</td>
                            <td><span class=quote_status_class(q.status)>{quote_status(locale, q.status)}</span></td>
                            <td>{locale.money(&q.total, &q.currency)}</td>
                            <td>{q.margin_percent.unwrap_or_else(|| "—".to_string())}</td>
                            <td>
                                {q.waiting_for.map(|level| staff_level(locale, level)).unwrap_or_else(|| "—".to_string())}
                                {q.mine_to_approve.then(|| view! { " " <span class="badge badge-warn">{locale.t("quote-your-turn")}</span> })}
                            </td>
                            <td>{q.valid_until.to_string()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The quotations waiting for the viewer's approval.
#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let inbox = load(|| (), |_| list_quotations(true));
    view! {
        <Title text=locale.t("approvals-inbox-title") />
        <AreaGuard area=Some(Area::Staff)>
            <section class="panel">
                <h1>{locale.t("approvals-inbox-title")}</h1>
                <p class="lead">{locale.t("approvals-inbox-intro")}</p>
                <Transition fallback=move || view! { <p class="muted">{locale.t("quote-loading")}</p> }>
                    {move || Suspend::new(async move {
                        match inbox.await {
                            Ok(list) if list.is_empty() => view! { <p class="muted" id="approvals-empty">{locale.t("approvals-inbox-none")}</p> }.into_any(),
                            Ok(list) => view! { <QuotationTable list locale table_id="approval-inbox" /> }.into_any(),
                            Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </AreaGuard>
    }
}

/// One inquiry; preparing its quotation opens the new draft.
#[component]
pub fn StaffInquiryPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let id = crate::components::params::use_route_id();
    let start = FormAction::<StartQuotation>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(quote)) = start.value().get() {
            navigate(&format!("/staff/quotations/{quote}"), Default::default());
        }
    });
    let inquiry = load(
        move || (id(), start.version().get()),
        |(id, _)| get_inquiry(id),
    );
    view! {
        <Title text=locale.t("inquiry-page-title") />
        <AreaGuard area=Some(Area::Staff)>
            <p><A href="/staff/inquiries">{locale.t("inquiry-back")}</A></p>
            <Transition fallback=move || view! { <p class="muted">{locale.t("quote-loading")}</p> }>
                {move || Suspend::new(async move {
                    match inquiry.await {
                        Ok(inquiry) => view! { <InquiryDetail inquiry start locale /> }.into_any(),
                        Err(e) => {
                            view! { <RecordMissing error=e heading="inquiry-not-found" /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </AreaGuard>
    }
}

#[component]
fn InquiryDetail(
    inquiry: InquiryView,
    start: FormAction<StartQuotation>,
    locale: Locale,
) -> impl IntoView {
    let error = latest_error(start.value());
    let id = inquiry.id;
    view! {
        <section class="panel" data-inquiry=id.to_string()>
            <h1>{locale.t_with("inquiry-title", &[("number", inquiry.number.clone().into())])}</h1>
            <p>
                <span class=inquiry_status_class(inquiry.status) id="inquiry-status">{inquiry_status(locale, inquiry.status)}</span>
                " · " <LocalTime at=inquiry.created_at />
            </p>
            <dl class="facts">
                <dt>{locale.t("inquiry-col-customer")}</dt><dd>{inquiry.customer_name.clone()}</dd>
                <dt>{locale.t("inquiry-asked-by")}</dt><dd>{inquiry.asked_by.clone()}</dd>
                <dt>{locale.t("inquiry-col-destination")}</dt><dd>{inquiry.destination.clone()}</dd>
                <dt>{locale.t("new-inquiry-incoterm")}</dt><dd>{inquiry.incoterm.clone()}</dd>
                <dt>{locale.t("new-inquiry-currency")}</dt><dd>{inquiry.currency.clone()}</dd>
                <dt>{locale.t("new-inquiry-requested")}</dt><dd>{locale.date_or_dash(inquiry.requested)}</dd>
            </dl>
            {(!inquiry.note.is_empty()).then(|| view! {
                <p id="inquiry-note">{locale.t("inquiry-note")}" " {inquiry.note.clone()}</p>
            })}
            {inquiry.can_quote.then(|| view! {
                <PostForm action=start attr:class="inline-form">
                    <input type="hidden" name="inquiry_id" value=id.to_string() />
                    <button type="submit" class="button" id="prepare-quotation">{locale.t("inquiry-prepare")}</button>
                </PostForm>
                <FormMessage error fields=&[] />
            })}
        </section>
        <InquiryLines inquiry=inquiry.clone() locale />
        {(!inquiry.quotations.is_empty()).then(|| view! {
            <section class="panel" id="inquiry-quotations">
                <h2>{locale.t("inquiry-quotations")}</h2>
                <QuoteRefList quotes=inquiry.quotations.clone() base="/staff/quotations" locale />
            </section>
        })}
    }
}

/// The products asked for, with the customer's target prices.
#[component]
fn InquiryLines(inquiry: InquiryView, locale: Locale) -> impl IntoView {
    let currency = inquiry.currency.clone();
    view! {
        <section class="panel">
            <h2>{locale.t("quote-lines")}</h2>
            <div class="table-scroll">
                <table class="lines-table" id="inquiry-lines">
                    <thead><tr>
                        <th>"#"</th>
                        <th>{locale.t("quote-col-product")}</th>
                        <th>{locale.t("quote-col-quantity")}</th>
                        <th>{format!("{} ({currency})", locale.t("line-target-price"))}</th>
                    </tr></thead>
                    <tbody>
                        {inquiry.lines.into_iter().map(|l| view! {
                            <tr data-line=l.line_no.to_string()>
                                <td>{l.line_no}</td>
                                <td>
                                    <strong>{l.product_code.unwrap_or_else(|| "—".to_string())}</strong>
                                    <br /><small>{l.description}</small>
                                </td>
                                <td>{format!("{} {}", l.quantity, l.unit)}</td>
                                <td>{l.target_price.unwrap_or_else(|| "—".to_string())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
