//! The letter of credit the order is paid by: its terms, whether the latest
//! shipment date will hold, and what the documents' check against it found;
//! for the house the form that records or corrects it and the day the
//! documents were presented to the bank.

use crate::components::form_action::{FormAction, PostForm};
use chrono::NaiveDate;
use leptos::prelude::*;

use super::{Ctx, TextArea};
use crate::api::shipping::{RecordPresentation, SaveLetterOfCredit};
use crate::components::forms::{FieldMessage, FormMessage, StaleNotice, latest_error};
use crate::components::house_part::house_part;
use crate::components::live::refresh_order_after;
use crate::i18n::Locale;
use crate::wire::shipping::LcView;

/// Basis points as the percentage typed in the form: 500 → `5`, 250 → `2.5`.
fn percent(bp: u32) -> String {
    let text = format!("{}.{:02}", bp / 100, bp % 100);
    let text = text.trim_end_matches('0');
    text.trim_end_matches('.').to_string()
}

/// `Allowed` or `Not allowed`.
fn allowed(locale: Locale, yes: bool) -> String {
    let key = if yes {
        "shipping-allowed"
    } else {
        "shipping-not-allowed"
    };
    locale.t(key)
}

#[component]
pub(crate) fn CreditPanel(ctx: Ctx, lc: Option<LcView>, currency: String) -> impl IntoView {
    let locale = ctx.locale;
    let edit = ctx.house && (ctx.can_ship || ctx.can_pay);
    if lc.is_none() && !edit {
        return ().into_any();
    }
    let presented_on = lc.as_ref().and_then(|l| l.presented_on);
    let recorded = lc.is_some();
    view! {
        <div class="shipping-part" id="letter-of-credit">
            <h3>{locale.t("shipping-lc")}</h3>
            {match lc.clone() {
                Some(lc) => view! { <CreditTerms lc currency locale /> }.into_any(),
                None => view! { <p class="muted" id="no-lc">{locale.t("shipping-lc-none")}</p> }.into_any(),
            }}
            {house_part(edit && recorded, || view! { <PresentationForm ctx presented_on /> })}
            {house_part(edit, || view! { <LcForm ctx lc=lc.clone() /> })}
        </div>
    }
    .into_any()
}

#[component]
fn CreditTerms(lc: LcView, currency: String, locale: Locale) -> impl IntoView {
    let presented = match lc.presented_on {
        Some(on) => locale.date_or_dash(Some(on)),
        None => locale.t("shipping-lc-not-presented"),
    };
    let days = lc.presentation_days;
    let presentation = locale.t_with("shipping-lc-presentation-days", &[("days", days.into())]);
    let to_port = locale.t_with("shipping-days", &[("days", lc.days_to_port.into())]);
    let facts = [
        ("shipping-lc-number", "lc-number", lc.number.clone()),
        ("shipping-lc-bank", "lc-bank", lc.issuing_bank.clone()),
        (
            "shipping-lc-amount",
            "lc-amount",
            locale.money(&lc.amount, &currency),
        ),
        (
            "shipping-lc-tolerance",
            "lc-tolerance",
            lc.tolerance.clone(),
        ),
        (
            "shipping-lc-expiry",
            "lc-expiry",
            locale.date_or_dash(Some(lc.expiry)),
        ),
        (
            "shipping-lc-latest-shipment",
            "lc-latest-shipment",
            locale.date_or_dash(Some(lc.latest_shipment)),
        ),
        ("shipping-lc-presentation", "lc-presentation", presentation),
        (
            "shipping-lc-partial",
            "lc-partial",
            allowed(locale, lc.partial_shipments),
        ),
        (
            "shipping-lc-transhipment",
            "lc-transhipment",
            allowed(locale, lc.transhipment),
        ),
        (
            "shipping-lc-goods",
            "lc-goods",
            lc.goods_description.clone(),
        ),
        ("shipping-lc-days-to-port", "lc-days-to-port", to_port),
        ("shipping-lc-presented", "lc-presented", presented),
    ];
    let level = lc.risk_level.clone();
    view! {
        <dl class="facts lc-terms">
            {facts.into_iter().map(|(label, class, value)| view! {
                <dt>{locale.t(label)}</dt><dd class=class>{value}</dd>
            }).collect_view()}
        </dl>
        <p class=format!("lc-risk lc-risk-{level}") data-level=level.clone() role="status">{lc.risk.text(locale)}</p>
        {if lc.discrepancies.is_empty() {
            view! { <p class="lc-clean">{locale.t("shipping-lc-no-discrepancies")}</p> }.into_any()
        } else {
            view! {
                <p class="lc-discrepancies-heading">{locale.t("shipping-lc-discrepancies")}</p>
                <ul class="lc-discrepancies">
                    {lc.discrepancies.iter().map(|said| view! { <li>{said.text(locale)}</li> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// Records the letter of credit, or corrects the one recorded.
#[component]
fn LcForm(ctx: Ctx, lc: Option<LcView>) -> impl IntoView {
    let locale = ctx.locale;
    let save = FormAction::<SaveLetterOfCredit>::new();
    let error = latest_error(save.value());
    refresh_order_after(save.value());
    let hold = ctx.hold("lc", 0);
    hold.clear_after(save.value());
    let form = hold.form;
    let values: [String; 8] = match &lc {
        Some(l) => [
            l.number.clone(),
            l.issuing_bank.clone(),
            l.amount.clone(),
            percent(l.tolerance_bp),
            locale.date_or_dash(Some(l.expiry)),
            locale.date_or_dash(Some(l.latest_shipment)),
            l.presentation_days.to_string(),
            l.days_to_port.to_string(),
        ],
        None => Default::default(),
    };
    let fields = [
        ("number", "shipping-lc-number", "text"),
        ("issuing_bank", "shipping-lc-bank", "text"),
        ("amount", "shipping-lc-amount", "text"),
        ("tolerance_percent", "shipping-lc-tolerance-percent", "text"),
        ("expiry", "shipping-lc-expiry", "date"),
        ("latest_shipment", "shipping-lc-latest-shipment", "date"),
        (
            "presentation_days",
            "shipping-lc-presentation-label",
            "number",
        ),
        ("days_to_port", "shipping-lc-days-to-port", "number"),
    ];
    let partial = lc.as_ref().is_some_and(|l| l.partial_shipments);
    let transhipment = lc.as_ref().is_some_and(|l| l.transhipment);
    let goods = lc.map(|l| l.goods_description).unwrap_or_default();
    view! {
        <details class="house-form" id="lc-edit" on:input=move |_| hold.typed() on:change=move |_| hold.typed()>
            <summary>{locale.t("shipping-lc-edit")}</summary>
            <PostForm action=save node_ref=form attr:class="stack-form" attr:id="lc-form">
                <input type="hidden" name="order_id" value=ctx.order_id.to_string() />
                <input type="hidden" name="version" value=ctx.version.to_string() />
                <div class="inline-grid-form">
                    {fields.into_iter().zip(values).map(|((name, label, kind), value)| view! {
                        <label>{locale.t(label)} <input type=kind name=format!("lc[{name}]") value=value /></label>
                    }).collect_view()}
                </div>
                <label class="checkbox">
                    <input type="checkbox" name="lc[partial_shipments]" value="yes" checked=partial />
                    {locale.t("shipping-lc-partial-allowed")}
                </label>
                <label class="checkbox">
                    <input type="checkbox" name="lc[transhipment]" value="yes" checked=transhipment />
                    {locale.t("shipping-lc-transhipment-allowed")}
                </label>
                <label>
                    {locale.t("shipping-lc-goods")}
                    <TextArea name="lc[goods_description]" rows=3 value=goods />
                </label>
                <FormMessage error fields=&[] />
                <StaleNotice stale=hold.stale() />
                <button type="submit" class="button">{locale.t("shipping-lc-save")}</button>
            </PostForm>
        </details>
    }
}

/// The day the shipping documents went to the bank.
#[component]
fn PresentationForm(ctx: Ctx, presented_on: Option<NaiveDate>) -> impl IntoView {
    let locale = ctx.locale;
    let present = FormAction::<RecordPresentation>::new();
    let error = latest_error(present.value());
    refresh_order_after(present.value());
    let hold = ctx.hold("presented", 0);
    hold.clear_after(present.value());
    let form = hold.form;
    let value = presented_on.map(|on| on.to_string()).unwrap_or_default();
    view! {
        <div on:input=move |_| hold.typed() on:change=move |_| hold.typed()>
            <PostForm action=present node_ref=form attr:class="inline-grid-form" attr:id="presentation-form">
                <input type="hidden" name="order_id" value=ctx.order_id.to_string() />
                <input type="hidden" name="version" value=ctx.version.to_string() />
                <label>{locale.t("shipping-lc-presented")} <input type="date" name="presented_on" value=value /></label>
                <button type="submit" class="button secondary">{locale.t("shipping-lc-present")}</button>
                <FieldMessage error field="presented_on" />
                <FormMessage error fields=&["presented_on"] />
                <StaleNotice stale=hold.stale() />
            </PostForm>
        </div>
    }
}
