//! The read-only panels of the house's quotation page: the customer's
//! credit, the quotation's figures, its costed lines once it is no longer a
//! draft, and its approval steps with the decision form for the viewer's
//! step.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::api::quotations::{ApprovalView, CreditView, DecideQuotation, Figures, HouseQuoteLine};
use crate::components::forms::{FieldMessage, FormMessage, latest_error};
use crate::components::local_time::LocalTime;
use crate::i18n::Locale;
use crate::pages::quote_words::staff_level;

/// The customer's credit standing, why, and the deposit it requires.
#[component]
pub fn CreditPanel(credit: CreditView, locale: Locale) -> impl IntoView {
    view! {
        <section class="panel" id="credit">
            <h2>{locale.t("credit-title")}</h2>
            <dl class="facts">
                <dt>{locale.t("credit-score")}</dt>
                <dd id="credit-score">
                    {credit.score}
                    {credit.set_by_house.then(|| view! { " " <span class="muted">{locale.t("credit-set-by-house")}</span> })}
                </dd>
                <dt>{locale.t("credit-computed")}</dt><dd>{credit.computed}</dd>
                <dt>{locale.t("credit-threshold")}</dt><dd>{credit.threshold}</dd>
                <dt>{locale.t("credit-required-deposit")}</dt><dd id="credit-deposit">{credit.required_deposit}</dd>
            </dl>
            {(!credit.reasons.is_empty()).then(|| view! {
                <h3>{locale.t("credit-reasons")}</h3>
                <ul class="plain-list">
                    {credit.reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// Revenue, cost and margin of the whole quotation.
#[component]
pub fn FiguresPanel(figures: Figures, currency: String, locale: Locale) -> impl IntoView {
    view! {
        <section class="panel" id="figures">
            <h2>{locale.t("figures-title")}</h2>
            <dl class="facts">
                <dt>{locale.t("figures-revenue")}</dt><dd>{locale.money(&figures.revenue, &currency)}</dd>
                <dt>{locale.t("figures-cost")}</dt><dd>{locale.money(&figures.cost, &currency)}</dd>
                <dt>{locale.t("figures-margin")}</dt><dd>{locale.money(&figures.margin, &currency)}</dd>
                <dt>{locale.t("figures-margin-percent")}</dt>
                <dd id="margin-percent">{figures.margin_percent.unwrap_or_else(|| "—".to_string())}</dd>
            </dl>
        </section>
    }
}

/// The lines as costed, for a quotation that can no longer change.
#[component]
pub fn HouseLines(lines: Vec<HouseQuoteLine>, currency: String, locale: Locale) -> impl IntoView {
    view! {
        <section class="panel">
            <h2>{locale.t("quote-lines")}</h2>
            <div class="table-scroll">
                <table class="lines-table" id="quote-lines">
                    <thead><tr>
                        <th>"#"</th>
                        <th>{locale.t("quote-col-product")}</th>
                        <th>{locale.t("quote-col-quantity")}</th>
                        <th>{locale.t("quote-col-requested")}</th>
                        <th>{locale.t("line-factory")}</th>
                        <th>{format!("{} ({currency})", locale.t("line-purchase-price"))}</th>
                        <th>{locale.t("line-lead-time")}</th>
                        <th>{format!("{} ({currency})", locale.t("line-selling-price"))}</th>
                        <th>{locale.t("figures-margin-percent")}</th>
                    </tr></thead>
                    <tbody>
                        {lines.into_iter().map(|l| view! {
                            <tr data-line=l.line_no.to_string()>
                                <td>{l.line_no}</td>
                                <td>
                                    <strong>{l.product_code}</strong><br />
                                    <small>{l.description}{(!l.hs_code.is_empty()).then(|| format!(" · HS {}", l.hs_code))}</small>
                                </td>
                                <td>{format!("{} {}", l.quantity, l.unit)}</td>
                                <td>{locale.date_or_dash(l.requested)}</td>
                                <td>{if l.supplier_name.is_empty() { "—".to_string() } else { l.supplier_name }}</td>
                                <td>{l.purchase_price}</td>
                                <td>{l.lead_time_days}</td>
                                <td>{l.selling_price}</td>
                                <td>{l.figures.margin_percent.unwrap_or_else(|| "—".to_string())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The approval steps in order; the step the viewer may decide carries the
/// decision form.
#[component]
pub fn ApprovalsPanel(
    quote_id: i32,
    approvals: Vec<ApprovalView>,
    decide: FormAction<DecideQuotation>,
    locale: Locale,
) -> impl IntoView {
    view! {
        <section class="panel">
            <h2>{locale.t("approvals-title")}</h2>
            {if approvals.is_empty() {
                view! { <p class="muted" id="approvals">{locale.t("approvals-none")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table id="approvals">
                            <thead><tr>
                                <th>{locale.t("approval-col-level")}</th>
                                <th>{locale.t("approval-col-reason")}</th>
                                <th>{locale.t("approval-col-due")}</th>
                                <th>{locale.t("approval-col-decided")}</th>
                                <th>{locale.t("approval-col-result")}</th>
                                <th>{locale.t("approval-col-comment")}</th>
                            </tr></thead>
                            <tbody>
                                {approvals.into_iter().map(|step| view! {
                                    <ApprovalRow quote_id step decide locale />
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn ApprovalRow(
    quote_id: i32,
    step: ApprovalView,
    decide: FormAction<DecideQuotation>,
    locale: Locale,
) -> impl IntoView {
    let (result, class) = match step.approved {
        Some(true) => (locale.t("approval-approved"), "badge badge-ok"),
        Some(false) => (locale.t("approval-rejected"), "badge badge-late"),
        None => (locale.t("approval-pending"), "badge badge-warn"),
    };
    view! {
        <tr data-step=step.position.to_string() data-level=step.level.as_str()>
            <td>{staff_level(locale, step.level)}</td>
            <td>{step.reason}</td>
            <td><LocalTime at=step.due_at /></td>
            <td>
                {step.decided_by.unwrap_or_else(|| "—".to_string())}
                {step.decided_at.map(|at| view! { <br /><small><LocalTime at /></small> })}
            </td>
            <td><span class=class>{result}</span></td>
            <td>{step.comment.unwrap_or_default()}</td>
        </tr>
        {step.can_decide.then(|| view! {
            <tr class="decide-row">
                <td colspan="6"><DecideForm quote_id position=step.position decide locale /></td>
            </tr>
        })}
    }
}

/// Approve, or reject with a comment saying what to change.
#[component]
fn DecideForm(
    quote_id: i32,
    position: i32,
    decide: FormAction<DecideQuotation>,
    locale: Locale,
) -> impl IntoView {
    let error = latest_error(decide.value());
    view! {
        <PostForm action=decide attr:class="stack-form decide-form">
            <input type="hidden" name="id" value=quote_id.to_string() />
            <input type="hidden" name="position" value=position.to_string() />
            <label>{locale.t("approval-comment")} <textarea name="comment" rows="2"></textarea></label>
            <FieldMessage error field="comment" />
            <FormMessage error fields=&["comment"] />
            <div class="order-actions">
                <button type="submit" name="approve" value="true" class="button approve-step">{locale.t("approval-approve")}</button>
                <button type="submit" name="approve" value="false" class="button secondary reject-step">{locale.t("approval-reject")}</button>
            </div>
        </PostForm>
    }
}
