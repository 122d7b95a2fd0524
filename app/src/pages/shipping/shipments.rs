//! One shipment as a card: voyage, stage and customs, containers and lines,
//! its documents and files; for the house the checks before customs and the
//! forms that move it (customs status, departure, arrival).

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use super::documents::Checklist;
use super::shipment_form::EditForm;
use super::{Ctx, FileList, UploadForm, or_dash, t_or};
use crate::api::shipping::{ArriveShipment, DepartShipment, SetCustomsStatus};
use crate::components::forms::{FieldMessage, FormMessage, StaleNotice, latest_error};
use crate::components::house_part::house_part;
use crate::components::live::refresh_order_after;
use crate::i18n::Locale;
use crate::wire::shipping::{ContainerView, Said, ShipmentDetail, ShipmentLineView};

fn stage_class(shipment: &ShipmentDetail) -> &'static str {
    if shipment.ata.is_some() {
        "badge badge-ok shipment-stage"
    } else if shipment.atd.is_some() {
        "badge badge-info shipment-stage"
    } else {
        "badge badge-muted shipment-stage"
    }
}

fn customs_class(status: &str) -> &'static str {
    match status {
        "released" => "badge badge-ok customs-status",
        "held" => "badge badge-late customs-status",
        "declared" | "inspected" => "badge badge-warn customs-status",
        _ => "badge badge-muted customs-status",
    }
}

#[component]
pub(crate) fn ShipmentCard(ctx: Ctx, shipment: ShipmentDetail) -> impl IntoView {
    let locale = ctx.locale;
    let house_ship = ctx.house && ctx.can_ship;
    let heading = if shipment.booking_no.trim().is_empty() {
        format!("#{}", shipment.id)
    } else {
        shipment.booking_no.clone()
    };
    let customs_text = match shipment.customs_on {
        Some(on) => format!(
            "{} · {}",
            locale.t(&shipment.customs_key),
            locale.date_or_dash(Some(on))
        ),
        None => locale.t(&shipment.customs_key),
    };
    let before_departure = shipment.atd.is_none();
    let can_arrive = shipment.atd.is_some() && shipment.ata.is_none();
    let checks_failed = !shipment.checks.is_empty();
    let facts = [
        (
            "shipping-booking",
            "booking-no",
            or_dash(&shipment.booking_no),
        ),
        ("shipping-carrier", "carrier", or_dash(&shipment.carrier)),
        ("shipping-vessel", "vessel", or_dash(&shipment.vessel)),
        ("shipping-bl", "bl-number", or_dash(&shipment.bl_number)),
        (
            "shipping-pol",
            "port-of-loading",
            or_dash(&shipment.port_of_loading),
        ),
        (
            "shipping-pod",
            "port-of-discharge",
            or_dash(&shipment.port_of_discharge),
        ),
        (
            "shipping-etd",
            "etd",
            locale.date_or_dash(Some(shipment.etd)),
        ),
        ("shipping-atd", "atd", locale.date_or_dash(shipment.atd)),
        ("shipping-eta", "eta", locale.date_or_dash(shipment.eta)),
        ("shipping-ata", "ata", locale.date_or_dash(shipment.ata)),
    ];
    view! {
        <article class="shipment" data-id=shipment.id.to_string() data-stage=shipment.stage_key.clone()>
            <header class="shipment-head">
                <h4>{locale.t_with("shipping-shipment-heading", &[("number", heading.into())])}</h4>
                <span class=stage_class(&shipment)>{locale.t(&shipment.stage_key)}</span>
                <span class=customs_class(&shipment.customs_status) data-customs=shipment.customs_status.clone()>
                    {customs_text}
                </span>
            </header>
            <dl class="facts shipment-facts">
                {facts.into_iter().map(|(label, class, value)| view! {
                    <dt>{locale.t(label)}</dt><dd class=class>{value}</dd>
                }).collect_view()}
            </dl>
            <Containers containers=shipment.containers.clone() locale />
            <ShipmentLines lines=shipment.lines.clone() locale />
            {(house_ship && before_departure).then(|| view! {
                <Checks checks=shipment.checks.clone() locale />
            })}
            {shipment.override_reason.clone().filter(|_| ctx.house).map(|reason| view! {
                <p class="override-reason">{locale.t_with("shipping-override-was", &[("problem", reason.into())])}</p>
            })}
            {house_part(house_ship, || view! {
                <div class="shipment-actions">
                    {(!shipment.next_customs.is_empty()).then(|| view! {
                        <CustomsForm ctx shipment_id=shipment.id next=shipment.next_customs.clone() />
                    })}
                    {before_departure.then(|| view! {
                        <DepartForm ctx shipment_id=shipment.id checks_failed />
                    })}
                    {can_arrive.then(|| view! { <ArriveForm ctx shipment_id=shipment.id /> })}
                </div>
                <EditForm ctx shipment=shipment.clone() />
            })}
            <h5>{locale.t("shipping-documents")}</h5>
            <Checklist ctx documents=shipment.documents.clone() owner_kind="shipment" owner_id=shipment.id />
            <h5>{locale.t("shipping-shipment-files")}</h5>
            <FileList files=shipment.files.clone() house=ctx.house share=ctx.share locale />
            {house_part(ctx.house, || view! {
                <UploadForm owner_kind="shipment" owner_id=shipment.id can_share=true locale />
            })}
        </article>
    }
}

#[component]
fn Containers(containers: Vec<ContainerView>, locale: Locale) -> impl IntoView {
    if containers.is_empty() {
        let text = locale.t("shipping-no-containers");
        return view! { <p class="muted no-containers">{text}</p> }.into_any();
    }
    view! {
        <p class="containers-heading">{locale.t("shipping-containers")}</p>
        <ul class="containers">
            {containers.into_iter().map(|c| {
                let mut parts = vec![c.container_no.clone()];
                if !c.seal_no.trim().is_empty() {
                    parts.push(format!("{} {}", locale.t("shipping-seal"), c.seal_no));
                }
                if !c.size.trim().is_empty() {
                    parts.push(c.size.clone());
                }
                view! { <li data-container=c.container_no.clone()>{parts.join(" · ")}</li> }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn ShipmentLines(lines: Vec<ShipmentLineView>, locale: Locale) -> impl IntoView {
    let headers = [
        "shipping-col-line",
        "shipping-col-product",
        "shipping-col-description",
        "shipping-col-quantity",
        "shipping-col-cartons",
        "shipping-col-net",
        "shipping-col-gross",
        "shipping-col-volume",
    ];
    view! {
        <div class="table-scroll">
            <table class="shipment-lines">
                <thead><tr>
                    {headers.into_iter().map(|key| view! { <th>{locale.t(key)}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|l| view! {
                        <tr data-order-line=l.order_line_id.to_string()>
                            <td>{l.line_no}</td>
                            <td>{l.product_code}</td>
                            <td>{l.description}</td>
                            <td class="quantity">{format!("{} {}", l.quantity, l.unit)}</td>
                            <td class="cartons">{l.cartons}</td>
                            <td class="net-kg">{l.net_kg}</td>
                            <td class="gross-kg">{l.gross_kg}</td>
                            <td class="volume-m3">{l.volume_m3}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// What the checks before customs found, or that all agrees.
#[component]
fn Checks(checks: Vec<Said>, locale: Locale) -> impl IntoView {
    view! {
        <div class="checks">
            <p class="checks-heading">{locale.t("shipping-checks")}</p>
            {if checks.is_empty() {
                view! { <p class="checks-ok">{locale.t("shipping-checks-ok")}</p> }.into_any()
            } else {
                view! {
                    <ul class="shipment-checks">
                        {checks.iter().map(|said| view! { <li>{said.text(locale)}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}

#[component]
fn CustomsForm(ctx: Ctx, shipment_id: i32, next: Vec<String>) -> impl IntoView {
    let locale = ctx.locale;
    let customs = FormAction::<SetCustomsStatus>::new();
    let error = latest_error(customs.value());
    refresh_order_after(customs.value());
    let hold = ctx.hold("customs", shipment_id);
    hold.clear_after(customs.value());
    let form = hold.form;
    view! {
        <div on:input=move |_| hold.typed() on:change=move |_| hold.typed()>
            <PostForm action=customs node_ref=form attr:class="inline-grid-form customs-form">
                <input type="hidden" name="order_id" value=ctx.order_id.to_string() />
                <input type="hidden" name="version" value=ctx.version.to_string() />
                <input type="hidden" name="shipment_id" value=shipment_id.to_string() />
                <label>
                    {locale.t("shipping-customs-move")}
                    <select name="status">
                        {next.into_iter().map(|status| {
                            let text = t_or(locale, &format!("shipping-customs-to-{status}"), &status);
                            view! { <option value=status>{text}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>{locale.t("shipping-customs-date")} <input type="date" name="on" /></label>
                <button type="submit" class="button secondary">{locale.t("shipping-customs-save")}</button>
                <FieldMessage error field="status" />
                <FieldMessage error field="on" />
                <FormMessage error fields=&["status", "on"] />
                <StaleNotice stale=hold.stale() />
            </PostForm>
        </div>
    }
}

/// Departure on a day; when the checks found something, only with a reason.
#[component]
fn DepartForm(ctx: Ctx, shipment_id: i32, checks_failed: bool) -> impl IntoView {
    let locale = ctx.locale;
    let depart = FormAction::<DepartShipment>::new();
    let error = latest_error(depart.value());
    refresh_order_after(depart.value());
    let hold = ctx.hold("depart", shipment_id);
    hold.clear_after(depart.value());
    let form = hold.form;
    view! {
        <div on:input=move |_| hold.typed() on:change=move |_| hold.typed()>
            <PostForm action=depart node_ref=form attr:class="inline-grid-form depart-form">
                <input type="hidden" name="order_id" value=ctx.order_id.to_string() />
                <input type="hidden" name="version" value=ctx.version.to_string() />
                <input type="hidden" name="shipment_id" value=shipment_id.to_string() />
                <label>{locale.t("shipping-atd-label")} <input type="date" name="atd" /></label>
                {checks_failed.then(|| view! {
                    <label class="override">
                        {locale.t("shipping-override")}
                        <textarea name="override_reason" rows="2"></textarea>
                    </label>
                })}
                <button type="submit" class="button">{locale.t("shipping-depart")}</button>
                <FieldMessage error field="atd" />
                <FieldMessage error field="override_reason" />
                <FormMessage error fields=&["atd", "override_reason"] />
                <StaleNotice stale=hold.stale() />
            </PostForm>
        </div>
    }
}

#[component]
fn ArriveForm(ctx: Ctx, shipment_id: i32) -> impl IntoView {
    let locale = ctx.locale;
    let arrive = FormAction::<ArriveShipment>::new();
    let error = latest_error(arrive.value());
    refresh_order_after(arrive.value());
    let hold = ctx.hold("arrive", shipment_id);
    hold.clear_after(arrive.value());
    let form = hold.form;
    view! {
        <div on:input=move |_| hold.typed() on:change=move |_| hold.typed()>
            <PostForm action=arrive node_ref=form attr:class="inline-grid-form arrive-form">
                <input type="hidden" name="order_id" value=ctx.order_id.to_string() />
                <input type="hidden" name="version" value=ctx.version.to_string() />
                <input type="hidden" name="shipment_id" value=shipment_id.to_string() />
                <label>{locale.t("shipping-ata-label")} <input type="date" name="ata" /></label>
                <button type="submit" class="button">{locale.t("shipping-arrive")}</button>
                <FieldMessage error field="ata" />
                <FormMessage error fields=&["ata"] />
                <StaleNotice stale=hold.stale() />
            </PostForm>
        </div>
    }
}
