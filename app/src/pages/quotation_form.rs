//! The draft quotation's one form: the contract terms and a row per line
//! (what, how many, which factory at what price and lead time, and the
//! selling price), filled in with what the draft holds, plus blank rows for
//! new lines. Saving states the version the form was made from.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::api::ApiError;
use crate::api::quotations::{HouseQuotation, HouseQuoteLine, SaveQuotation};
use crate::components::forms::{FieldMessage, FormMessage, latest_error, row_messages};
use crate::domain::order_input::{CURRENCIES, INCOTERMS};
use crate::domain::terms::BalanceDue;
use crate::i18n::Locale;
use crate::pages::quote_words::balance_text;

/// Blank rows offered below the draft's lines.
const BLANK_ROWS: usize = 2;

/// The fields of the form shown by their own `FieldMessage`.
const FORM_FIELDS: &[&str] = &[
    "currency",
    "valid_until",
    "incoterm",
    "port",
    "latest_shipment",
    "deposit",
    "balance_due",
    "penalty",
    "note",
    "lines",
];

/// A line's goods: name, label key, input type, input mode.
const GOODS_FIELDS: [(&str, &str, &str, &str); 6] = [
    ("product_code", "line-product-code", "text", "text"),
    ("description", "line-description", "text", "text"),
    ("hs_code", "line-hs-code", "text", "decimal"),
    ("quantity", "line-quantity", "text", "numeric"),
    ("unit", "line-unit", "text", "text"),
    ("requested", "line-requested", "date", "text"),
];

/// A line's costing, after the factory.
const COST_FIELDS: [(&str, &str, &str, &str); 3] = [
    ("purchase_price", "line-purchase-price", "text", "decimal"),
    ("lead_time_days", "line-lead-time", "text", "numeric"),
    ("selling_price", "line-selling-price", "text", "decimal"),
];

#[component]
pub fn QuotationForm(
    quote: HouseQuotation,
    save: FormAction<SaveQuotation>,
    locale: Locale,
) -> impl IntoView {
    let error = latest_error(save.value());
    let rows = quote.lines.len() + BLANK_ROWS;
    let lines = quote.lines.clone();
    let factories = quote.factories.clone();
    view! {
        <section class="panel">
            <h2>{locale.t("quote-form-title")}</h2>
            <PostForm action=save attr:class="stack-form" attr:id="quotation-form">
                <input type="hidden" name="id" value=quote.id.to_string() />
                <input type="hidden" name="version" value=quote.version.to_string() />
                <TermsFields quote error locale />
                <h3>{locale.t("quote-lines")}</h3>
                <FieldMessage error field="lines" />
                {(0..rows).map(|index| view! {
                    <QuoteLineFields
                        index
                        line=lines.get(index).cloned()
                        factories=factories.clone()
                        error
                        locale
                    />
                }).collect_view()}
                <FormMessage error fields=FORM_FIELDS />
                {move || matches!(save.value().get(), Some(Ok(()))).then(|| view! {
                    <p class="form-ok" role="status" id="quotation-saved">{locale.t("quote-saved")}</p>
                })}
                <button type="submit" class="button" id="save-quotation">{locale.t("quote-save")}</button>
            </PostForm>
        </section>
    }
}

/// The contract terms, `terms[currency]` and the rest.
#[component]
fn TermsFields(
    quote: HouseQuotation,
    error: Signal<Option<ApiError>>,
    locale: Locale,
) -> impl IntoView {
    let usance = quote.usance_days.map(|d| d.to_string()).unwrap_or_default();
    view! {
        <div class="inline-grid-form">
            <label>
                {locale.t("terms-currency")}
                <select name="terms[currency]">
                    {CURRENCIES.iter().map(|c| view! { <option value=*c selected=*c == quote.currency>{*c}</option> }).collect_view()}
                </select>
            </label>
            <label>{locale.t("terms-valid-until")} <input type="date" name="terms[valid_until]" value=quote.valid_until.to_string() /></label>
            <label>
                {locale.t("terms-incoterm")}
                <select name="terms[incoterm]">
                    {INCOTERMS.iter().map(|c| view! { <option value=*c selected=*c == quote.incoterm>{*c}</option> }).collect_view()}
                </select>
            </label>
            <label>{locale.t("terms-port")} <input type="text" name="terms[port]" value=quote.port.clone() /></label>
            <label>{locale.t("terms-latest-shipment")} <input type="date" name="terms[latest_shipment]" value=quote.latest_shipment.to_string() /></label>
        </div>
        {["currency", "valid_until", "incoterm", "port", "latest_shipment"].into_iter().map(|f| view! {
            <FieldMessage error field=f />
        }).collect_view()}
        <div class="inline-grid-form">
            <label>{locale.t("terms-deposit")} <input type="text" name="terms[deposit]" inputmode="decimal" value=quote.deposit.clone() /></label>
            <label>
                {locale.t("terms-balance-due")}
                <select name="terms[balance_due]">
                    {BalanceDue::KINDS.into_iter().map(|kind| view! {
                        <option value=kind selected=kind == quote.balance_due>{balance_text(locale, kind)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{locale.t("terms-usance-days")} <input type="text" name="terms[usance_days]" inputmode="numeric" value=usance /></label>
            <label>{locale.t("terms-penalty")} <input type="text" name="terms[penalty]" inputmode="decimal" value=quote.penalty.clone() /></label>
        </div>
        {["deposit", "balance_due", "penalty"].into_iter().map(|f| view! {
            <FieldMessage error field=f />
        }).collect_view()}
        <label>{locale.t("terms-note")} <textarea name="terms[note]" rows="2">{quote.note.clone()}</textarea></label>
        <FieldMessage error field="note" />
    }
}

/// A price or a lead time of zero is one not given yet: the field starts empty.
fn unless_zero(value: &str) -> String {
    if value.trim_start_matches(['0', '.']).is_empty() {
        String::new()
    } else {
        value.to_string()
    }
}

/// What a row starts with: the draft's value, or nothing on a blank row.
fn value_of(line: Option<&HouseQuoteLine>, field: &str) -> String {
    let Some(l) = line else {
        return String::new();
    };
    match field {
        "product_code" => l.product_code.clone(),
        "description" => l.description.clone(),
        "hs_code" => l.hs_code.clone(),
        "quantity" => l.quantity.to_string(),
        "unit" => l.unit.clone(),
        "requested" => l.requested.map(|d| d.to_string()).unwrap_or_default(),
        "purchase_price" => unless_zero(&l.purchase_price),
        "lead_time_days" => unless_zero(&l.lead_time_days.to_string()),
        "selling_price" => unless_zero(&l.selling_price),
        _ => String::new(),
    }
}

/// One row: `lines[i][product_code]` … `lines[i][selling_price]`.
#[component]
fn QuoteLineFields(
    index: usize,
    line: Option<HouseQuoteLine>,
    factories: Vec<(i32, String)>,
    error: Signal<Option<ApiError>>,
    locale: Locale,
) -> impl IntoView {
    let name = move |field: &str| format!("lines[{index}][{field}]");
    let input = |&(field, label, kind, mode): &(&str, &str, &str, &str)| {
        view! {
            <label>
                {locale.t(label)}
                <input type=kind name=name(field) inputmode=mode value=value_of(line.as_ref(), field) />
            </label>
        }
    };
    let legend = match &line {
        Some(l) => format!(
            "{} · {}",
            locale.t_with("quote-line", &[("line", l.line_no.into())]),
            l.product_code
        ),
        None => locale.t("quote-line-new"),
    };
    let chosen = line.as_ref().and_then(|l| l.supplier_id);
    view! {
        <fieldset class="line-input" data-row=index.to_string()>
            <legend>{legend}</legend>
            <div class="inline-grid-form">
                {GOODS_FIELDS.iter().map(input).collect_view()}
                <label>
                    {locale.t("line-factory")}
                    <select name=name("supplier_id")>
                        <option value="">"—"</option>
                        {factories.into_iter().map(|(id, factory)| view! {
                            <option value=id.to_string() selected=Some(id) == chosen>{factory}</option>
                        }).collect_view()}
                    </select>
                </label>
                {COST_FIELDS.iter().map(input).collect_view()}
            </div>
            {line.as_ref().map(|l| view! {
                <p class="muted line-figures">
                    {format!("{}: {} · {}: {}", locale.t("figures-margin"), l.figures.margin,
                        locale.t("figures-margin-percent"), l.figures.margin_percent.clone().unwrap_or_else(|| "—".to_string()))}
                </p>
            })}
            {row_messages(error, "lines", index, GOODS_FIELDS.iter().chain(COST_FIELDS.iter()).map(|(field, ..)| *field).chain(["supplier_id"]).collect())}
        </fieldset>
    }
}
