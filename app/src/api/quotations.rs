//! From inquiry to contract: customers ask and answer, the house costs,
//! approves and sends. Each server function signs the person in and calls
//! one use case of `usecases::quotations`; the DTOs are those of
//! `wire::quotations`.

// Server functions take one argument per form field.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::ApiError;
pub use crate::wire::quotations::*;

/// A customer's buyer asks for a quotation; returns the inquiry's id.
#[server(endpoint = "inquiries/create", output = crate::wire::compact::Compact)]
pub async fn create_inquiry(
    destination: String,
    incoterm: String,
    currency: String,
    #[server(default)] requested: String,
    #[server(default)] note: String,
    #[server(default)] lines: Vec<InquiryLineInput>,
) -> Result<i32, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::inquiries::create(
        &state,
        &user,
        destination,
        incoterm,
        currency,
        requested,
        note,
        lines,
    )
    .await
}

/// The products the customer's company ordered before.
#[server(endpoint = "inquiries/products", output = crate::wire::compact::Compact)]
pub async fn past_products() -> Result<Vec<PastProduct>, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::inquiries::past_products(&state, &user).await
}

/// The inquiries the viewer may see, newest first.
#[server(endpoint = "inquiries/list", output = crate::wire::compact::Compact)]
pub async fn list_inquiries() -> Result<Vec<InquirySummary>, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::inquiries::list(&state, &user).await
}

#[server(endpoint = "inquiries/get", output = crate::wire::compact::Compact)]
pub async fn get_inquiry(id: i32) -> Result<InquiryView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::inquiries::get(&state, &user, id).await
}

/// Sales open a draft quotation answering an inquiry; returns its id.
#[server(endpoint = "quotations/start", output = crate::wire::compact::Compact)]
pub async fn start_quotation(inquiry_id: i32) -> Result<i32, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::draft::start(&state, &user, inquiry_id).await
}

/// Saves a draft's terms and lines against the `version` sales saw.
#[server(endpoint = "quotations/save", output = crate::wire::compact::Compact)]
pub async fn save_quotation(
    id: i32,
    version: i32,
    #[server(default)] terms: QuoteTermsInput,
    #[server(default)] lines: Vec<QuoteLineInput>,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::draft::save(&state, &user, id, version, terms, lines).await
}

/// Hands a costed draft in for the approvals it needs.
#[server(endpoint = "quotations/submit", output = crate::wire::compact::Compact)]
pub async fn submit_quotation(id: i32, version: i32) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::submit::submit(&state, &user, id, version).await
}

/// Decides approval step `position`: approve, or reject with a comment.
#[server(endpoint = "quotations/decide", output = crate::wire::compact::Compact)]
pub async fn decide_quotation(
    id: i32,
    position: i32,
    approve: bool,
    #[server(default)] comment: String,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::approve::decide(&state, &user, id, position, approve, comment)
        .await
}

#[server(endpoint = "quotations/send", output = crate::wire::compact::Compact)]
pub async fn send_quotation(id: i32, version: i32) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::send::send(&state, &user, id, version).await
}

/// Opens a new draft revision; returns its id.
#[server(endpoint = "quotations/revise", output = crate::wire::compact::Compact)]
pub async fn revise_quotation(id: i32, version: i32) -> Result<i32, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::send::revise(&state, &user, id, version).await
}

#[server(endpoint = "quotations/withdraw", output = crate::wire::compact::Compact)]
pub async fn withdraw_quotation(id: i32, version: i32) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::send::withdraw(&state, &user, id, version).await
}

/// A quotation as the house works on it.
#[server(endpoint = "quotations/get", output = crate::wire::compact::Compact)]
pub async fn get_quotation(id: i32) -> Result<HouseQuotation, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::view::get(&state, &user, id).await
}

/// A quotation as the customer reads it.
#[server(endpoint = "quotations/mine", output = crate::wire::compact::Compact)]
pub async fn quotation_for_customer(id: i32) -> Result<CustomerQuotation, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::view::customer_get(&state, &user, id).await
}

/// The quotations the viewer may see; `inbox` keeps those waiting for the
/// viewer's approval.
#[server(endpoint = "quotations/list", output = crate::wire::compact::Compact)]
pub async fn list_quotations(
    #[server(default)] inbox: bool,
) -> Result<Vec<QuotationSummary>, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::view::list(&state, &user, inbox).await
}

/// The customer accepts or declines revision `revision`; returns the new
/// order's id when it accepted.
#[server(endpoint = "quotations/respond", output = crate::wire::compact::Compact)]
pub async fn respond_quotation(
    id: i32,
    revision: i32,
    accept: bool,
) -> Result<Option<i32>, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::respond::respond(&state, &user, id, revision, accept).await
}

/// A customer's credit standing and why.
#[server(endpoint = "credit/get", output = crate::wire::compact::Compact)]
pub async fn credit_standing(customer_id: i32) -> Result<CreditView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::credit::get(&state, &user, customer_id).await
}

/// The commercial director sets (or clears, with an empty score) a
/// customer's credit score.
#[server(endpoint = "credit/set", output = crate::wire::compact::Compact)]
pub async fn set_credit_score(
    customer_id: i32,
    #[server(default)] score: String,
    #[server(default)] note: String,
) -> Result<CreditView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::credit::set_score(&state, &user, customer_id, score, note).await
}

/// The house's approval rules and credit policy.
#[server(endpoint = "rules/get", output = crate::wire::compact::Compact)]
pub async fn house_rules() -> Result<HouseRulesView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::rules::get(&state, &user).await
}

/// An administrator changes the approval rules and credit policy.
#[server(endpoint = "rules/set", output = crate::wire::compact::Compact)]
pub async fn set_house_rules(
    #[server(default)] form: HouseRulesForm,
) -> Result<HouseRulesView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::quotations::rules::set(&state, &user, form).await
}
