//! A quotation as the customer reads it: the offer the house sent, its
//! terms and prices, and, while it stands, accept or decline. Accepting
//! makes it a confirmed order, linked from here.

use crate::components::data::load;
use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::components::errors::RecordMissing;
use leptos_meta::Title;

use crate::api::quotations::{
    CustomerQuotation, CustomerQuoteLine, RespondQuotation, quotation_for_customer,
};
use crate::components::forms::{FormMessage, latest_error};
use crate::components::guard::{AreaGuard, use_locale};
use crate::domain::policy::Area;
use crate::domain::quotation::QuotationStatus;
use crate::i18n::Locale;
use crate::pages::quote_words::{quote_status, quote_status_class};

#[component]
pub fn CustomerQuotationPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let id = crate::components::params::use_route_id();
    view! {
        <Title text=locale.t("quote-page-title") />
        <AreaGuard area=Some(Area::Customer)>
            // Anew for each quotation the route names.
            {move || view! { <CustomerQuotation id=id() /> }}
        </AreaGuard>
    }
}

/// The quotation with its answer buttons, as an island.
#[cfg_attr(quote_islands, island)]
#[cfg_attr(not(quote_islands), component)]
fn CustomerQuotation(id: i32) -> impl IntoView {
    let locale = use_locale().get_untracked();
    // Made here, not in its buttons: they are rebuilt when the answer loads
    // the quotation again.
    let respond = FormAction::<RespondQuotation>::new();
    // A revision or withdrawal by the house shows without a reload.
    let tick = crate::components::live::use_live_tick(None);
    let quotation = load(
        move || (respond.version().get(), tick.get()),
        move |_| quotation_for_customer(id),
    );
    view! {
        <p><a href="/customer/inquiries">{locale.t("quote-back-inquiries")}</a></p>
        <Transition fallback=move || view! { <p class="muted">{locale.t("quote-loading")}</p> }>
            {move || Suspend::new(async move {
                match quotation.await {
                    Ok(quote) => view! { <QuotationView quote respond locale /> }.into_any(),
                    Err(e) => {
                        view! { <RecordMissing error=e heading="quote-not-found" /> }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn QuotationView(
    quote: CustomerQuotation,
    respond: FormAction<RespondQuotation>,
    locale: Locale,
) -> impl IntoView {
    let total = locale.money(&quote.total, &quote.currency);
    view! {
        <section class="panel" data-quotation=quote.id.to_string()>
            <h1>{locale.t_with("quote-title", &[("number", quote.number.clone().into())])}</h1>
            <p>
                {locale.t_with("quote-revision", &[("revision", quote.revision.into())])}" · "
                <span class=quote_status_class(quote.status) id="quote-status" data-status=quote.status.as_str()>
                    {quote_status(locale, quote.status)}
                </span>
            </p>
            <dl class="facts">
                <dt>{locale.t("quote-valid-until")}</dt><dd id="quote-valid-until">{quote.valid_until.to_string()}</dd>
                <dt>{locale.t("quote-incoterm")}</dt><dd>{format!("{} {}", quote.incoterm, quote.port)}</dd>
                <dt>{locale.t("quote-latest-shipment")}</dt><dd>{quote.latest_shipment.to_string()}</dd>
            </dl>
            <h2>{locale.t("quote-terms")}</h2>
            <ul class="plain-list" id="quote-terms">
                {quote.terms.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
            </ul>
        </section>
        <section class="panel">
            <h2>{locale.t("quote-lines")}</h2>
            <CustomerLines lines=quote.lines.clone() currency=quote.currency.clone() locale />
            <p class="order-total" id="quote-total">{locale.t("quote-total")}" " <strong>{total}</strong></p>
            {(!quote.note.is_empty()).then(|| view! {
                <p>{locale.t("quote-note")}" " {quote.note.clone()}</p>
            })}
        </section>
        <AnswerPanel quote=quote.clone() respond locale />
    }
}

#[component]
fn CustomerLines(lines: Vec<CustomerQuoteLine>, currency: String, locale: Locale) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="lines-table" id="quote-lines">
                <thead><tr>
                    <th>"#"</th>
                    <th>{locale.t("quote-col-product")}</th>
                    <th>{locale.t("quote-col-quantity")}</th>
                    <th>{locale.t("quote-col-requested")}</th>
                    <th>{format!("{} ({currency})", locale.t("quote-col-unit-price"))}</th>
                    <th>{format!("{} ({currency})", locale.t("quote-col-total"))}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|l| view! {
                        <tr data-line=l.line_no.to_string()>
                            <td>{l.line_no}</td>
                            <td><strong>{l.product_code}</strong><br /><small>{l.description}</small></td>
                            <td>{format!("{} {}", l.quantity, l.unit)}</td>
                            <td>{locale.date_or_dash(l.requested)}</td>
                            <td>{l.unit_price}</td>
                            <td>{locale.number(&l.total)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Accept or decline while the offer stands; afterwards what was answered,
/// and the order an acceptance made.
#[component]
fn AnswerPanel(
    quote: CustomerQuotation,
    respond: FormAction<RespondQuotation>,
    locale: Locale,
) -> impl IntoView {
    let error = latest_error(respond.value());
    let (id, revision) = (quote.id, quote.revision);
    let answered = match quote.status {
        QuotationStatus::Accepted => Some(locale.t("quote-accepted")),
        QuotationStatus::Declined => Some(locale.t("quote-declined")),
        _ => None,
    };
    let shown = quote.can_answer || answered.is_some() || quote.order_id.is_some();
    shown.then(move || view! {
        <section class="panel" id="quote-answer">
            {quote.can_answer.then(|| view! {
                <p>{locale.t("quote-answer-hint")}</p>
                <div class="order-actions">
                    <PostForm action=respond attr:class="inline-form">
                        <input type="hidden" name="id" value=id.to_string() />
                        <input type="hidden" name="revision" value=revision.to_string() />
                        <input type="hidden" name="accept" value="true" />
                        <button type="submit" class="button" id="accept-quotation">{locale.t("quote-accept")}</button>
                    </PostForm>
                    <PostForm action=respond attr:class="inline-form">
                        <input type="hidden" name="id" value=id.to_string() />
                        <input type="hidden" name="revision" value=revision.to_string() />
                        <input type="hidden" name="accept" value="false" />
                        <button type="submit" class="button secondary" id="decline-quotation">{locale.t("quote-decline")}</button>
                    </PostForm>
                </div>
            })}
            <FormMessage error fields=&[] />
            {answered.map(|text| view! { <p id="quote-answered">{text}</p> })}
            {quote.order_id.map(|order| view! {
                <p>
                    <a href=format!("/customer/orders/{order}") class="button" id="contract-link">
                        {locale.t("quote-open-order")}
                    </a>
                </p>
            })}
        </section>
    })
}
