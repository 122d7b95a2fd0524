//! The documents checklist of a shipment or of the order: each document's
//! kind, state, number, file and last change. The house makes the documents
//! the portal generates, attaches the ones it receives and marks them sent;
//! the customer sees whether each is ready and downloads what is shared.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use super::files::file_href;
use super::{Ctx, UploadForm, or_dash};
use crate::api::shipping::{GenerateDocument, SetDocumentState};
use crate::components::forms::{FormMessage, latest_error};
use crate::components::house_part::house_part;
use crate::components::live::refresh_order_after;
use crate::components::local_time::LocalTime;
use crate::wire::shipping::DocumentView;

fn state_class(state: &str) -> &'static str {
    match state {
        "sent" => "badge badge-ok doc-state",
        "received" => "badge badge-info doc-state",
        _ => "badge badge-muted doc-state",
    }
}

/// `owner_kind` is `shipment` or `order`; uploads attach to that owner.
#[component]
pub(crate) fn Checklist(
    ctx: Ctx,
    documents: Vec<DocumentView>,
    owner_kind: &'static str,
    owner_id: i32,
) -> impl IntoView {
    let locale = ctx.locale;
    let generate = FormAction::<GenerateDocument>::new();
    let mark = FormAction::<SetDocumentState>::new();
    let generate_error = latest_error(generate.value());
    let mark_error = latest_error(mark.value());
    refresh_order_after(generate.value());
    refresh_order_after(mark.value());
    let shipment_id = (owner_kind == "shipment").then_some(owner_id);
    let headers = [
        "shipping-col-document",
        "shipping-col-state",
        "shipping-col-number",
        "shipping-col-file",
        "shipping-col-date",
    ];
    view! {
        <div class="table-scroll">
            <table class="checklist" data-owner=owner_kind>
                <thead><tr>
                    {headers.into_iter().map(|key| view! { <th>{locale.t(key)}</th> }).collect_view()}
                    {ctx.house.then(|| view! { <th></th> })}
                </tr></thead>
                <tbody>
                    {documents.into_iter().map(|doc| view! {
                        <DocumentRow ctx doc shipment_id generate mark owner_kind owner_id />
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <FormMessage error=generate_error fields=&[] />
        <FormMessage error=mark_error fields=&[] />
    }
}

#[component]
fn DocumentRow(
    ctx: Ctx,
    doc: DocumentView,
    shipment_id: Option<i32>,
    generate: FormAction<GenerateDocument>,
    mark: FormAction<SetDocumentState>,
    owner_kind: &'static str,
    owner_id: i32,
) -> impl IntoView {
    let locale = ctx.locale;
    let d = doc;
    let ready = d.state != "required";
    let (badge, state_text) = if ctx.house {
        (state_class(&d.state), locale.t(&d.state_key))
    } else if ready {
        ("badge badge-ok doc-ready", locale.t("shipping-doc-ready"))
    } else {
        (
            "badge badge-muted doc-pending",
            locale.t("shipping-doc-pending"),
        )
    };
    let made = d.file.is_some() || d.number.is_some();
    let who = d.updated_by.clone().filter(|_| ctx.house);
    let (kind_attr, state_attr) = (d.kind.clone(), d.state.clone());
    view! {
        <tr data-kind=kind_attr data-state=state_attr data-document=d.id.to_string()>
            <td class="doc-kind">{locale.t(&d.kind_key)}</td>
            <td><span class=badge>{state_text}</span></td>
            <td class="doc-number">{or_dash(d.number.as_deref().unwrap_or_default())}</td>
            <td class="doc-file">
                {match d.file.clone().filter(|f| ctx.house || f.shared_with_customer) {
                    Some(f) => view! {
                        <a class="download" href=file_href(&f) rel="external">{f.name.clone()}</a>
                    }.into_any(),
                    None => view! { "—" }.into_any(),
                }}
            </td>
            <td class="doc-date">
                {d.updated_at.map(|at| view! { <LocalTime at /> })}
                {who.map(|name| view! {
                    <small class="muted">" " {locale.t_with("shipping-by", &[("name", name.into())])}</small>
                })}
            </td>
            {house_part(ctx.house, || view! {
                <td class="doc-actions">
                    {d.generated.then(|| view! {
                        <PostForm action=generate attr:class="inline-form">
                            <input type="hidden" name="order_id" value=ctx.order_id.to_string() />
                            <input type="hidden" name="version" value=ctx.version.to_string() />
                            <input type="hidden" name="kind" value=d.kind.clone() />
                            {shipment_id.map(|id| view! {
                                <input type="hidden" name="shipment_id" value=id.to_string() />
                            })}
                            <button type="submit" class="button secondary generate-document" data-kind=d.kind.clone()>
                                {locale.t(if made { "shipping-make-again" } else { "shipping-make" })}
                            </button>
                        </PostForm>
                    })}
                    {(d.state == "received").then(|| view! {
                        <PostForm action=mark attr:class="inline-form">
                            <input type="hidden" name="order_id" value=ctx.order_id.to_string() />
                            <input type="hidden" name="version" value=ctx.version.to_string() />
                            <input type="hidden" name="document_id" value=d.id.to_string() />
                            <input type="hidden" name="state" value="sent" />
                            <button type="submit" class="button secondary mark-sent">
                                {locale.t("shipping-mark-sent")}
                            </button>
                        </PostForm>
                    })}
                    <UploadForm owner_kind owner_id document_id=d.id locale />
                </td>
            })}
        </tr>
    }
}
