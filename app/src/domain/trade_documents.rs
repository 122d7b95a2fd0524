//! Trade documents as data: the proforma invoice, the commercial invoice and
//! the packing list, built from an order and its shipment. A builder decides
//! what a document says (which facts, columns and totals, in which order,
//! and how numbers are written); `ssr::pdf` only decides where it goes on
//! the page. So the content is tested without a PDF, and
//! [`TradeDocument::text_lines`] is what the rendered PDF reads as.
//!
//! Trade documents are issued in English whatever language the people using
//! the portal read: banks, customs and carriers work with English documents,
//! and a letter of credit names them in English. Every word they print is in
//! the `LABELS` table at the top of this file, so wording is changed, or
//! another language added, in one place.
//!
//! Money is in minor units (cents) and printed with two decimals, the
//! currency in the column title; weights are grams printed as kilograms
//! (two decimals), volumes cubic centimetres printed as cubic metres (three
//! decimals). Totals are summed exactly, then rounded once, so a total may
//! differ by a last digit from the sum of the rounded lines above it.

use chrono::NaiveDate;

use super::order_input::{format_minor, total_value};

mod input;
pub use input::{InvoiceInput, InvoiceLine, PackingInput, PackingLine, Party, ShipmentFacts};

/// The words on the documents.
struct Labels {
    proforma: &'static str,
    commercial_invoice: &'static str,
    packing_list: &'static str,
    number: &'static str,
    date: &'static str,
    seller: &'static str,
    buyer: &'static str,
    shipper: &'static str,
    consignee: &'static str,
    order_number: &'static str,
    delivery_terms: &'static str,
    payment_terms: &'static str,
    vessel_voyage: &'static str,
    bill_of_lading: &'static str,
    port_of_loading: &'static str,
    port_of_discharge: &'static str,
    containers: &'static str,
    marks: &'static str,
    origin: &'static str,
    etd: &'static str,
    col_line: &'static str,
    col_code: &'static str,
    col_description: &'static str,
    col_hs_code: &'static str,
    col_quantity: &'static str,
    col_unit: &'static str,
    col_unit_price: &'static str,
    col_amount: &'static str,
    col_cartons: &'static str,
    col_net: &'static str,
    col_gross: &'static str,
    col_volume: &'static str,
    total_quantity: &'static str,
    total_amount: &'static str,
    total_cartons: &'static str,
    total_net: &'static str,
    total_gross: &'static str,
    total_volume: &'static str,
    proforma_note: &'static str,
    invoice_declaration: &'static str,
    packing_note: &'static str,
    on_behalf_of: &'static str,
    page: &'static str,
    of: &'static str,
    continued: &'static str,
}

const LABELS: Labels = Labels {
    proforma: "PROFORMA INVOICE",
    commercial_invoice: "COMMERCIAL INVOICE",
    packing_list: "PACKING LIST",
    number: "No.",
    date: "Date",
    seller: "Seller",
    buyer: "Buyer",
    shipper: "Shipper",
    consignee: "Consignee",
    order_number: "Order no.",
    delivery_terms: "Terms of delivery",
    payment_terms: "Payment terms",
    vessel_voyage: "Vessel / voyage",
    bill_of_lading: "B/L no.",
    port_of_loading: "Port of loading",
    port_of_discharge: "Port of discharge",
    containers: "Containers",
    marks: "Shipping marks",
    origin: "Country of origin",
    etd: "ETD",
    col_line: "No.",
    col_code: "Code",
    col_description: "Description",
    col_hs_code: "HS code",
    col_quantity: "Qty",
    col_unit: "Unit",
    col_unit_price: "Unit price",
    col_amount: "Amount",
    col_cartons: "Cartons",
    col_net: "Net (kg)",
    col_gross: "Gross (kg)",
    col_volume: "Volume (m³)",
    total_quantity: "Total quantity",
    total_amount: "Total amount",
    total_cartons: "Total cartons",
    total_net: "Total net weight (kg)",
    total_gross: "Total gross weight (kg)",
    total_volume: "Total volume (m³)",
    proforma_note: "This proforma invoice states the goods, prices and terms agreed; \
                    the commercial invoice follows shipment.",
    invoice_declaration: "We certify that this invoice is true and correct.",
    packing_note: "Weights in kilograms, volumes in cubic metres.",
    on_behalf_of: "For and on behalf of",
    page: "Page",
    of: "of",
    continued: "continued",
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TradeDocumentKind {
    /// Before shipment: what the buyer will pay for, to arrange payment
    /// (a deposit, a letter of credit) and import licences.
    Proforma,
    /// After shipment: the bill for the goods shipped, for payment and
    /// customs.
    CommercialInvoice,
    /// After shipment: what is in which carton, with weights and volumes,
    /// for the carrier and customs; no prices.
    PackingList,
}

impl TradeDocumentKind {
    pub fn title(self) -> &'static str {
        match self {
            Self::Proforma => LABELS.proforma,
            Self::CommercialInvoice => LABELS.commercial_invoice,
            Self::PackingList => LABELS.packing_list,
        }
    }

    /// The headings of the two party blocks: who sells (ships), who buys
    /// (receives).
    pub fn party_labels(self) -> (&'static str, &'static str) {
        match self {
            Self::Proforma | Self::CommercialInvoice => (LABELS.seller, LABELS.buyer),
            Self::PackingList => (LABELS.shipper, LABELS.consignee),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    /// Numbers, so their digits line up.
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub align: Align,
    /// The column's share of the table width, in points on an A4 page with
    /// 40 pt margins (515 in all); the renderer scales them to its page.
    pub width_pt: f32,
}

/// A document's content, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct TradeDocument {
    pub kind: TradeDocumentKind,
    pub number: String,
    pub issued_on: NaiveDate,
    /// The house's name, then its address lines.
    pub letterhead: Vec<String>,
    pub seller: Vec<String>,
    pub buyer: Vec<String>,
    /// Label and value: order number, terms, vessel, ports, ...; only those
    /// known.
    pub facts: Vec<(String, String)>,
    pub columns: Vec<Column>,
    /// One cell per column.
    pub rows: Vec<Vec<String>>,
    pub totals: Vec<(String, String)>,
    pub footer: Vec<String>,
}

impl TradeDocument {
    /// The number and the date beside the title, as label and value.
    pub fn heading(&self) -> [(&'static str, String); 2] {
        [
            (LABELS.number, self.number.clone()),
            (LABELS.date, format_date(self.issued_on)),
        ]
    }

    /// The two party blocks, each with its heading.
    pub fn parties(&self) -> [(&'static str, &[String]); 2] {
        let (seller_label, buyer_label) = self.kind.party_labels();
        [
            (seller_label, self.seller.as_slice()),
            (buyer_label, self.buyer.as_slice()),
        ]
    }

    /// The caption at the top of every page after the first.
    pub fn continued_caption(&self) -> String {
        format!(
            "{} {} {} ({})",
            self.kind.title(),
            LABELS.number,
            self.number,
            LABELS.continued
        )
    }

    /// The text of the document in reading order, one entry per line as
    /// printed (a label and its value on one line, a table row's cells
    /// joined by spaces), without page furniture: the page numbers, the
    /// caption of continued pages, the repeated table header. A cell or a
    /// value too wide for its place is wrapped onto more lines in the PDF.
    pub fn text_lines(&self) -> Vec<String> {
        let mut lines = self.letterhead.clone();
        lines.push(self.kind.title().to_owned());
        for (label, value) in self.heading() {
            lines.push(format!("{label} {value}"));
        }
        for (label, party) in self.parties() {
            lines.push(label.to_owned());
            lines.extend(party.iter().cloned());
        }
        lines.extend(
            self.facts
                .iter()
                .map(|(label, value)| format!("{label} {value}")),
        );
        let titles: Vec<&str> = self.columns.iter().map(|c| c.title.as_str()).collect();
        lines.push(titles.join(" "));
        lines.extend(self.rows.iter().map(|row| row.join(" ")));
        lines.extend(
            self.totals
                .iter()
                .map(|(label, value)| format!("{label} {value}")),
        );
        lines.extend(self.footer.iter().cloned());
        lines
    }
}

/// "Page 2 of 3".
pub fn page_label(page: usize, pages: usize) -> String {
    format!("{} {page} {} {pages}", LABELS.page, LABELS.of)
}

/// "1 December 2026": the month in words, so no reader mistakes the day for
/// the month.
pub fn format_date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

/// Grams as kilograms with two decimals ("12.35"), rounded half away from
/// zero.
pub fn format_kg(grams: i64) -> String {
    format_rounded(grams, 10, 2)
}

/// Cubic centimetres as cubic metres with three decimals ("1.235"), rounded
/// half away from zero.
pub fn format_m3(cm3: i64) -> String {
    format_rounded(cm3, 1_000, 3)
}

/// `value` counted in steps of `step` (rounded half away from zero), shown
/// with `decimals` decimals: the rounded count is in units of 10^-decimals.
fn format_rounded(value: i64, step: u64, decimals: u32) -> String {
    let rounded = (value.unsigned_abs() + step / 2) / step;
    let sign = if value < 0 && rounded > 0 { "-" } else { "" };
    let scale = 10u64.pow(decimals);
    format!(
        "{sign}{}.{:0width$}",
        rounded / scale,
        rounded % scale,
        width = decimals as usize
    )
}

/// The commercial invoice: the goods shipped, their price and the shipment
/// they left on.
pub fn commercial_invoice(input: &InvoiceInput) -> TradeDocument {
    invoice(TradeDocumentKind::CommercialInvoice, input)
}

/// The proforma invoice: the same goods and prices before shipment. It
/// leaves out what only a shipment has (vessel, bill of lading, containers,
/// marks), even when already planned.
pub fn proforma_invoice(input: &InvoiceInput) -> TradeDocument {
    invoice(TradeDocumentKind::Proforma, input)
}

fn invoice(kind: TradeDocumentKind, input: &InvoiceInput) -> TradeDocument {
    let shipped = kind == TradeDocumentKind::CommercialInvoice;
    let currency = input.currency.trim();
    let columns = vec![
        column(LABELS.col_line, Align::Right, 22.0),
        column(LABELS.col_code, Align::Left, 62.0),
        column(LABELS.col_description, Align::Left, 170.0),
        column(LABELS.col_hs_code, Align::Left, 52.0),
        column(LABELS.col_quantity, Align::Right, 42.0),
        column(LABELS.col_unit, Align::Left, 30.0),
        column(
            format!("{} ({currency})", LABELS.col_unit_price),
            Align::Right,
            66.0,
        ),
        column(
            format!("{} ({currency})", LABELS.col_amount),
            Align::Right,
            71.0,
        ),
    ];
    let rows = input
        .lines
        .iter()
        .map(|line| {
            vec![
                line.line_no.to_string(),
                line.product_code.clone(),
                line.description.clone(),
                line.hs_code.clone(),
                line.quantity.to_string(),
                line.unit.clone(),
                format_minor(line.unit_price_minor),
                format_minor(line.amount_minor),
            ]
        })
        .collect();
    let amount = total_value(input.lines.iter().map(|line| line.amount_minor));
    let totals = vec![
        (
            LABELS.total_quantity.to_owned(),
            quantity_total(
                input
                    .lines
                    .iter()
                    .map(|line| (line.quantity, line.unit.as_str())),
            ),
        ),
        (
            format!("{} ({currency})", LABELS.total_amount),
            format_minor(amount),
        ),
    ];
    let note = if shipped {
        LABELS.invoice_declaration
    } else {
        LABELS.proforma_note
    };
    TradeDocument {
        kind,
        number: input.number.clone(),
        issued_on: input.issued_on,
        letterhead: input.house.lines(),
        seller: input.house.lines(),
        buyer: input.buyer.lines(),
        facts: facts(
            &input.order_number,
            &input.incoterm,
            &input.port,
            Some(&input.payment_terms),
            &input.shipment,
            shipped,
        ),
        columns,
        rows,
        totals,
        footer: vec![note.to_owned(), on_behalf_of(&input.house)],
    }
}

/// The packing list: per line the cartons, weights and volume, and the
/// shipment's totals for the carrier.
pub fn packing_list(input: &PackingInput) -> TradeDocument {
    let columns = vec![
        column(LABELS.col_line, Align::Right, 22.0),
        column(LABELS.col_code, Align::Left, 62.0),
        column(LABELS.col_description, Align::Left, 150.0),
        column(LABELS.col_quantity, Align::Right, 40.0),
        column(LABELS.col_unit, Align::Left, 28.0),
        column(LABELS.col_cartons, Align::Right, 40.0),
        column(LABELS.col_net, Align::Right, 55.0),
        column(LABELS.col_gross, Align::Right, 55.0),
        column(LABELS.col_volume, Align::Right, 63.0),
    ];
    let rows = input
        .lines
        .iter()
        .map(|line| {
            vec![
                line.line_no.to_string(),
                line.product_code.clone(),
                line.description.clone(),
                line.quantity.to_string(),
                line.unit.clone(),
                line.cartons.to_string(),
                format_kg(line.net_weight_g),
                format_kg(line.gross_weight_g),
                format_m3(line.volume_cm3),
            ]
        })
        .collect();
    let cartons: u64 = input.lines.iter().map(|l| u64::from(l.cartons)).sum();
    let net: i64 = input.lines.iter().map(|l| l.net_weight_g).sum();
    let gross: i64 = input.lines.iter().map(|l| l.gross_weight_g).sum();
    let volume: i64 = input.lines.iter().map(|l| l.volume_cm3).sum();
    let totals = vec![
        (LABELS.total_cartons.to_owned(), cartons.to_string()),
        (LABELS.total_net.to_owned(), format_kg(net)),
        (LABELS.total_gross.to_owned(), format_kg(gross)),
        (LABELS.total_volume.to_owned(), format_m3(volume)),
    ];
    TradeDocument {
        kind: TradeDocumentKind::PackingList,
        number: input.number.clone(),
        issued_on: input.issued_on,
        letterhead: input.house.lines(),
        seller: input.house.lines(),
        buyer: input.buyer.lines(),
        facts: facts(
            &input.order_number,
            &input.incoterm,
            &input.port,
            None,
            &input.shipment,
            true,
        ),
        columns,
        rows,
        totals,
        footer: vec![LABELS.packing_note.to_owned(), on_behalf_of(&input.house)],
    }
}

fn column(title: impl Into<String>, align: Align, width_pt: f32) -> Column {
    Column {
        title: title.into(),
        align,
        width_pt,
    }
}

fn on_behalf_of(house: &Party) -> String {
    format!("{} {}", LABELS.on_behalf_of, house.name)
}

/// The value, unless it is missing or blank.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The facts block, in the order banks and customs read them. `shipped`:
/// the goods are on their way, so the transport facts belong on the
/// document.
fn facts(
    order_number: &str,
    incoterm: &str,
    port: &str,
    payment_terms: Option<&str>,
    shipment: &ShipmentFacts,
    shipped: bool,
) -> Vec<(String, String)> {
    let mut facts = Vec::new();
    let mut add = |label: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            facts.push((label.to_owned(), value.trim().to_owned()));
        }
    };
    add(LABELS.order_number, Some(order_number.to_owned()));
    add(
        LABELS.delivery_terms,
        Some(format!("{} {}", incoterm.trim(), port.trim())),
    );
    add(LABELS.payment_terms, payment_terms.map(str::to_owned));
    if shipped {
        let vessel = match (given(&shipment.vessel), given(&shipment.voyage)) {
            (Some(vessel), Some(voyage)) => Some(format!("{vessel} / {voyage}")),
            (Some(vessel), None) => Some(vessel.to_owned()),
            (None, _) => None,
        };
        add(LABELS.vessel_voyage, vessel);
        add(
            LABELS.bill_of_lading,
            given(&shipment.bill_of_lading).map(str::to_owned),
        );
    }
    add(
        LABELS.port_of_loading,
        given(&shipment.port_of_loading).map(str::to_owned),
    );
    add(
        LABELS.port_of_discharge,
        given(&shipment.port_of_discharge).map(str::to_owned),
    );
    if shipped {
        let containers: Vec<&str> = shipment
            .containers
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        add(LABELS.containers, Some(containers.join(", ")));
        add(LABELS.marks, given(&shipment.marks).map(str::to_owned));
    }
    add(
        LABELS.origin,
        given(&shipment.country_of_origin).map(str::to_owned),
    );
    add(LABELS.etd, shipment.etd.map(format_date));
    facts
}

/// The quantities summed per unit, in the order the units first appear:
/// "1600 pcs, 40 sets". Pieces and sets do not add up to anything.
fn quantity_total<'a>(lines: impl Iterator<Item = (i64, &'a str)>) -> String {
    let mut per_unit: Vec<(&str, i64)> = Vec::new();
    for (quantity, unit) in lines {
        let unit = unit.trim();
        if let Some(entry) = per_unit.iter_mut().find(|entry| entry.0 == unit) {
            entry.1 += quantity;
        } else {
            per_unit.push((unit, quantity));
        }
    }
    if per_unit.is_empty() {
        return "0".to_owned();
    }
    per_unit
        .iter()
        .map(|(unit, total)| format!("{total} {unit}").trim_end().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
