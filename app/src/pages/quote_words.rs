//! Words and small pieces shared by the inquiry and quotation pages:
//! statuses, staff levels and balance terms in the reader's language, and
//! the one-line reference to a quotation.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::quotations::QuoteRef;
use crate::domain::approval::StaffLevel;
use crate::domain::quotation::{InquiryStatus, QuotationStatus};
use crate::i18n::Locale;

pub(crate) fn quote_status(locale: Locale, status: QuotationStatus) -> String {
    locale.t(&format!("quote-status-{}", status.as_str()))
}

pub(crate) fn inquiry_status(locale: Locale, status: InquiryStatus) -> String {
    locale.t(&format!("inquiry-status-{}", status.as_str()))
}

pub(crate) fn staff_level(locale: Locale, level: StaffLevel) -> String {
    locale.t(&format!("staff-level-{}", level.as_str()))
}

/// `before_shipment` and the other balance kinds, as the form offers them.
pub(crate) fn balance_text(locale: Locale, kind: &str) -> String {
    locale.t(&format!("balance-{kind}"))
}

pub(crate) fn quote_status_class(status: QuotationStatus) -> &'static str {
    match status {
        QuotationStatus::Draft | QuotationStatus::InApproval => "badge badge-warn",
        QuotationStatus::Approved | QuotationStatus::Sent | QuotationStatus::Accepted => {
            "badge badge-ok"
        }
        QuotationStatus::Declined
        | QuotationStatus::Expired
        | QuotationStatus::Withdrawn
        | QuotationStatus::Superseded => "badge badge-muted",
    }
}

pub(crate) fn inquiry_status_class(status: InquiryStatus) -> &'static str {
    match status {
        InquiryStatus::Open => "badge badge-warn",
        InquiryStatus::Quoted => "badge badge-ok",
        InquiryStatus::Closed => "badge badge-muted",
    }
}

/// "Q-2027-00012 · revision 2".
pub(crate) fn quote_ref_text(locale: Locale, number: &str, revision: i32) -> String {
    locale.t_with(
        "quote-ref",
        &[
            ("number", number.to_string().into()),
            ("revision", revision.into()),
        ],
    )
}

/// Links to quotations, each with its revision and status.
#[component]
pub fn QuoteRefList(
    quotes: Vec<QuoteRef>,
    /// Where the links point: `/staff/quotations` or `/customer/quotations`.
    base: &'static str,
    locale: Locale,
) -> impl IntoView {
    view! {
        <ul class="plain-list quote-refs">
            {quotes.into_iter().map(|q| view! {
                <li data-quotation=q.id.to_string()>
                    <A href=format!("{base}/{}", q.id)>{quote_ref_text(locale, &q.number, q.revision)}</A>
                    " " <span class=quote_status_class(q.status)>{quote_status(locale, q.status)}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}
