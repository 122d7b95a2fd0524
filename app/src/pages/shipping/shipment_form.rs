//! The house's shipment forms: planning a shipment of the order's open lines
//! and changing one (voyage, ports, containers, quantities and packing).
//! Fields are named `shipment[...]` and `shipment[lines][i][...]`, the shape
//! of `ShipmentInput`.

use crate::components::form_action::{FormAction, PostForm};
use chrono::NaiveDate;
use leptos::prelude::*;

use super::{Ctx, TextArea};
use crate::api::shipping::{PlanShipment, UpdateShipment};
use crate::components::forms::{FormMessage, StaleNotice, latest_error};
use crate::components::live::refresh_order_after;
use crate::i18n::Locale;
use crate::wire::shipping::{
    ContainerView, OpenLine, ShipLineInput, ShipmentDetail, ShipmentInput,
};

/// One line of the form: which line it is, a note on it, its values.
#[derive(Debug, Clone)]
struct LineRow {
    label: String,
    note: String,
    input: ShipLineInput,
}

fn date_value(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// `MSCU1234565 SL778812 40HC`: a container as the form takes it.
fn container_line(c: &ContainerView) -> String {
    [&c.container_no, &c.seal_no, &c.size]
        .into_iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The voyage fields, the containers and one row per line.
#[component]
fn ShipmentFields(values: ShipmentInput, rows: Vec<LineRow>, locale: Locale) -> impl IntoView {
    let ShipmentInput {
        booking_no,
        carrier,
        vessel,
        bl_number,
        port_of_loading,
        port_of_discharge,
        etd,
        eta,
        containers,
        ..
    } = values;
    let voyage = [
        ("booking_no", "shipping-booking", "text", booking_no),
        ("carrier", "shipping-carrier", "text", carrier),
        ("vessel", "shipping-vessel", "text", vessel),
        ("bl_number", "shipping-bl", "text", bl_number),
        ("port_of_loading", "shipping-pol", "text", port_of_loading),
        (
            "port_of_discharge",
            "shipping-pod",
            "text",
            port_of_discharge,
        ),
        ("etd", "shipping-etd", "date", etd),
        ("eta", "shipping-eta", "date", eta),
    ];
    let columns: [(&'static str, &'static str, &'static str); 5] = [
        ("quantity", "shipping-col-quantity", "numeric"),
        ("cartons", "shipping-col-cartons", "numeric"),
        ("net_kg", "shipping-col-net", "decimal"),
        ("gross_kg", "shipping-col-gross", "decimal"),
        ("volume_m3", "shipping-col-volume", "decimal"),
    ];
    view! {
        <div class="inline-grid-form">
            {voyage.into_iter().map(|(name, label, kind, value)| view! {
                <label>{locale.t(label)} <input type=kind name=format!("shipment[{name}]") value=value /></label>
            }).collect_view()}
        </div>
        <label>
            {locale.t("shipping-containers")}
            <TextArea name="shipment[containers]" rows=3 value=containers />
        </label>
        <p class="muted">{locale.t("shipping-containers-hint")}</p>
        <div class="table-scroll">
            <table class="ship-lines-input">
                <thead><tr>
                    <th>{locale.t("shipping-col-line")}</th>
                    {columns.iter().map(|(_, label, _)| view! { <th>{locale.t(label)}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {rows.into_iter().enumerate().map(|(i, row)| {
                        let LineRow { label, note, input } = row;
                        let id = input.order_line_id;
                        let values = [input.quantity, input.cartons, input.net_kg, input.gross_kg, input.volume_m3];
                        view! {
                            <tr data-order-line=id.to_string()>
                                <td>
                                    <input type="hidden" name=format!("shipment[lines][{i}][order_line_id]") value=id.to_string() />
                                    <strong>{label.clone()}</strong>
                                    <br />
                                    <small>{note}</small>
                                </td>
                                {columns.iter().zip(values).map(|((name, column, mode), value)| view! {
                                    <td>
                                        <input type="text" inputmode=*mode name=format!("shipment[lines][{i}][{name}]")
                                            value=value aria-label=format!("{} · {}", label, locale.t(column)) />
                                    </td>
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A new shipment of the order's open lines, each starting at what is left.
#[component]
pub(crate) fn PlanForm(ctx: Ctx, open_lines: Vec<OpenLine>) -> impl IntoView {
    let locale = ctx.locale;
    let plan = FormAction::<PlanShipment>::new();
    let error = latest_error(plan.value());
    refresh_order_after(plan.value());
    let hold = ctx.hold("plan", 0);
    hold.clear_after(plan.value());
    let form = hold.form;
    let rows: Vec<LineRow> = open_lines
        .into_iter()
        .map(|l| {
            let shipped = locale.t_with(
                "shipping-left",
                &[("done", l.shipped.into()), ("ordered", l.ordered.into())],
            );
            LineRow {
                label: format!("{} · {} ({})", l.line_no, l.product_code, l.unit),
                note: format!("{} — {}", l.description, shipped),
                input: ShipLineInput {
                    order_line_id: l.order_line_id,
                    quantity: (l.ordered - l.shipped).max(0).to_string(),
                    ..Default::default()
                },
            }
        })
        .collect();
    let values = ShipmentInput::default();
    view! {
        <details class="house-form" id="plan-shipment" on:input=move |_| hold.typed() on:change=move |_| hold.typed()>
            <summary>{locale.t("shipping-plan")}</summary>
            <PostForm action=plan node_ref=form attr:class="stack-form" attr:id="plan-shipment-form">
                <input type="hidden" name="order_id" value=ctx.order_id.to_string() />
                <input type="hidden" name="version" value=ctx.version.to_string() />
                <ShipmentFields values rows locale />
                <p class="muted">{locale.t("shipping-plan-lines-hint")}</p>
                <FormMessage error fields=&[] />
                <StaleNotice stale=hold.stale() />
                <button type="submit" class="button">{locale.t("shipping-plan-submit")}</button>
            </PostForm>
        </details>
    }
}

/// The shipment's values to change.
#[component]
pub(crate) fn EditForm(ctx: Ctx, shipment: ShipmentDetail) -> impl IntoView {
    let locale = ctx.locale;
    let update = FormAction::<UpdateShipment>::new();
    let error = latest_error(update.value());
    refresh_order_after(update.value());
    let hold = ctx.hold("shipment", shipment.id);
    hold.clear_after(update.value());
    let form = hold.form;
    let containers = shipment
        .containers
        .iter()
        .map(container_line)
        .collect::<Vec<_>>()
        .join("\n");
    let values = ShipmentInput {
        booking_no: shipment.booking_no.clone(),
        carrier: shipment.carrier.clone(),
        vessel: shipment.vessel.clone(),
        bl_number: shipment.bl_number.clone(),
        port_of_loading: shipment.port_of_loading.clone(),
        port_of_discharge: shipment.port_of_discharge.clone(),
        etd: date_value(Some(shipment.etd)),
        eta: date_value(shipment.eta),
        containers,
        lines: Vec::new(),
    };
    let rows: Vec<LineRow> = shipment
        .lines
        .iter()
        .map(|l| LineRow {
            label: format!("{} · {} ({})", l.line_no, l.product_code, l.unit),
            note: l.description.clone(),
            input: ShipLineInput {
                order_line_id: l.order_line_id,
                quantity: l.quantity.to_string(),
                cartons: l.cartons.to_string(),
                net_kg: l.net_kg.clone(),
                gross_kg: l.gross_kg.clone(),
                volume_m3: l.volume_m3.clone(),
            },
        })
        .collect();
    view! {
        <details class="house-form shipment-edit-box" on:input=move |_| hold.typed() on:change=move |_| hold.typed()>
            <summary>{locale.t("shipping-edit")}</summary>
            <PostForm action=update node_ref=form attr:class="stack-form shipment-edit">
                <input type="hidden" name="order_id" value=ctx.order_id.to_string() />
                <input type="hidden" name="version" value=ctx.version.to_string() />
                <input type="hidden" name="shipment_id" value=shipment.id.to_string() />
                <ShipmentFields values rows locale />
                <FormMessage error fields=&[] />
                <StaleNotice stale=hold.stale() />
                <button type="submit" class="button">{locale.t("shipping-save")}</button>
            </PostForm>
        </details>
    }
}
