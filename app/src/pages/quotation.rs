//! One quotation as the house works on it: its header and terms, the
//! customer's credit, the figures, the draft's form (in
//! `quotation_form`), the steps sales may take next, the approvals (in
//! `quotation_panels`) and the other revisions. Every step that goes
//! through loads the quotation again.

use crate::components::data::load;
use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::components::errors::RecordMissing;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::api::ApiError;
use crate::api::quotations::{
    DecideQuotation, HouseQuotation, ReviseQuotation, SaveQuotation, SendQuotation,
    SubmitQuotation, WithdrawQuotation, get_quotation,
};
use crate::components::forms::{FormMessage, latest_error};
use crate::components::guard::{AreaGuard, use_locale};
use crate::domain::policy::Area;
use crate::i18n::Locale;
use crate::pages::quotation_form::QuotationForm;
use crate::pages::quotation_panels::{ApprovalsPanel, CreditPanel, FiguresPanel, HouseLines};
use crate::pages::quote_words::{QuoteRefList, quote_status, quote_status_class};

/// The page's actions, made once for the page rather than in their forms:
/// the forms are rebuilt whenever the quotation loads again, and an answer
/// must still reload the page after that.
#[derive(Clone, Copy)]
struct QuoteActions {
    save: FormAction<SaveQuotation>,
    submit: FormAction<SubmitQuotation>,
    decide: FormAction<DecideQuotation>,
    send: FormAction<SendQuotation>,
    revise: FormAction<ReviseQuotation>,
    withdraw: FormAction<WithdrawQuotation>,
}

impl QuoteActions {
    /// The actions, each bumping `reload` once it succeeds.
    fn new(reload: RwSignal<u64>) -> Self {
        let actions = Self {
            save: FormAction::new(),
            submit: FormAction::new(),
            decide: FormAction::new(),
            send: FormAction::new(),
            revise: FormAction::new(),
            withdraw: FormAction::new(),
        };
        reload_after(actions.save.value(), reload);
        reload_after(actions.submit.value(), reload);
        reload_after(actions.decide.value(), reload);
        reload_after(actions.send.value(), reload);
        reload_after(actions.revise.value(), reload);
        reload_after(actions.withdraw.value(), reload);
        actions
    }
}

fn reload_after<T, S>(value: S, reload: RwSignal<u64>)
where
    T: Clone + Send + Sync + 'static,
    S: Get<Value = Option<Result<T, ApiError>>> + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if matches!(value.get(), Some(Ok(_))) {
            reload.update(|n| *n += 1);
        }
    });
}

#[component]
pub fn StaffQuotationPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let id = crate::components::params::use_route_id();
    let reload = RwSignal::new(0u64);
    let actions = QuoteActions::new(reload);
    // A revision is a new draft with its own page.
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(next)) = actions.revise.value().get() {
            navigate(&format!("/staff/quotations/{next}"), Default::default());
        }
    });
    let quotation = load(move || (id(), reload.get()), |(id, _)| get_quotation(id));
    view! {
        <Title text=locale.t("quote-page-title") />
        <AreaGuard area=Some(Area::Staff)>
            <p><A href="/staff/inquiries">{locale.t("quote-back-staff")}</A></p>
            <Transition fallback=move || view! { <p class="muted">{locale.t("quote-loading")}</p> }>
                {move || Suspend::new(async move {
                    match quotation.await {
                        Ok(quote) => view! { <HouseQuotationView quote actions locale /> }.into_any(),
                        Err(e) => {
                            view! { <RecordMissing error=e heading="quote-not-found" /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </AreaGuard>
    }
}

#[component]
fn HouseQuotationView(
    quote: HouseQuotation,
    actions: QuoteActions,
    locale: Locale,
) -> impl IntoView {
    let currency = quote.currency.clone();
    view! {
        <QuoteHeader quote=quote.clone() locale />
        <CreditPanel credit=quote.credit.clone() locale />
        <FiguresPanel figures=quote.figures.clone() currency=currency.clone() locale />
        {if quote.can_edit {
            view! { <QuotationForm quote=quote.clone() save=actions.save locale /> }.into_any()
        } else {
            view! { <HouseLines lines=quote.lines.clone() currency locale /> }.into_any()
        }}
        <QuoteSteps quote=quote.clone() actions locale />
        <ApprovalsPanel quote_id=quote.id approvals=quote.approvals.clone() decide=actions.decide locale />
        {(!quote.revisions.is_empty()).then(|| view! {
            <section class="panel" id="revisions">
                <h2>{locale.t("revisions-title")}</h2>
                <QuoteRefList quotes=quote.revisions.clone() base="/staff/quotations" locale />
            </section>
        })}
    }
}

/// Number, revision, status, customer, validity and the terms in words.
#[component]
fn QuoteHeader(quote: HouseQuotation, locale: Locale) -> impl IntoView {
    view! {
        <section class="panel" id="quotation-header" data-quotation=quote.id.to_string()>
            <h1>{locale.t_with("quote-title", &[("number", quote.number.clone().into())])}</h1>
            <p>
                {locale.t_with("quote-revision", &[("revision", quote.revision.into())])}" · "
                <span class=quote_status_class(quote.status) id="quote-status" data-status=quote.status.as_str()>
                    {quote_status(locale, quote.status)}
                </span>
            </p>
            <dl class="facts">
                <dt>{locale.t("quote-col-customer")}</dt><dd id="quote-customer">{quote.customer_name.clone()}</dd>
                <dt>{locale.t("quote-valid-until")}</dt><dd>{quote.valid_until.to_string()}</dd>
                {quote.inquiry_id.map(|inquiry| view! {
                    <dt>{locale.t("quote-inquiry")}</dt>
                    <dd><A href=format!("/staff/inquiries/{inquiry}")>{locale.t("quote-open-inquiry")}</A></dd>
                })}
                {quote.order_id.map(|order| view! {
                    <dt>{locale.t("quote-order")}</dt>
                    <dd><A href=format!("/staff/orders/{order}") attr:id="order-link">{locale.t("quote-open-order")}</A></dd>
                })}
            </dl>
            <h2>{locale.t("quote-terms")}</h2>
            <ul class="plain-list" id="quote-terms">
                {quote.terms.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
            </ul>
            {(!quote.note.is_empty()).then(|| view! {
                <p>{locale.t("quote-note")}" " {quote.note.clone()}</p>
            })}
        </section>
    }
}

/// Submit, send, revise and withdraw, as far as the quotation allows.
#[component]
fn QuoteSteps(quote: HouseQuotation, actions: QuoteActions, locale: Locale) -> impl IntoView {
    let QuoteActions {
        submit,
        send,
        revise,
        withdraw,
        ..
    } = actions;
    // Copied into each form (strings would move into the first).
    let (id, version) = (quote.id, quote.version);
    let any = quote.can_submit || quote.can_send || quote.can_revise || quote.can_withdraw;
    any.then(move || view! {
        <section class="panel" id="quote-steps">
            <div class="order-actions">
                {quote.can_submit.then(|| view! {
                    <PostForm action=submit attr:class="inline-form">
                        <input type="hidden" name="id" value=id.to_string() />
                        <input type="hidden" name="version" value=version.to_string() />
                        <button type="submit" class="button" id="submit-quotation">{locale.t("quote-submit")}</button>
                    </PostForm>
                })}
                {quote.can_send.then(|| view! {
                    <PostForm action=send attr:class="inline-form">
                        <input type="hidden" name="id" value=id.to_string() />
                        <input type="hidden" name="version" value=version.to_string() />
                        <button type="submit" class="button" id="send-quotation">{locale.t("quote-send")}</button>
                    </PostForm>
                })}
                {quote.can_revise.then(|| view! {
                    <PostForm action=revise attr:class="inline-form">
                        <input type="hidden" name="id" value=id.to_string() />
                        <input type="hidden" name="version" value=version.to_string() />
                        <button type="submit" class="button secondary" id="revise-quotation">{locale.t("quote-revise")}</button>
                    </PostForm>
                })}
                {quote.can_withdraw.then(|| view! {
                    <PostForm action=withdraw attr:class="inline-form">
                        <input type="hidden" name="id" value=id.to_string() />
                        <input type="hidden" name="version" value=version.to_string() />
                        <button type="submit" class="button secondary" id="withdraw-quotation">{locale.t("quote-withdraw")}</button>
                    </PostForm>
                })}
            </div>
            {quote.can_submit.then(|| view! { <p class="muted">{locale.t("quote-submit-hint")}</p> })}
            <FormMessage error=latest_error(submit.value()) fields=&[] />
            <FormMessage error=latest_error(send.value()) fields=&[] />
            <FormMessage error=latest_error(revise.value()) fields=&[] />
            <FormMessage error=latest_error(withdraw.value()) fields=&[] />
        </section>
    })
}
