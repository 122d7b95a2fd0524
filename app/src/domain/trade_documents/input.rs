//! What a trade document is built from: the parties, the shipment's facts
//! and the lines, as the use cases gather them from an order and its
//! shipment.

use chrono::NaiveDate;

/// A company on a document: its name, then its address lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Party {
    pub name: String,
    pub address: Vec<String>,
}

impl Party {
    pub(super) fn lines(&self) -> Vec<String> {
        std::iter::once(self.name.clone())
            .chain(self.address.iter().cloned())
            .collect()
    }
}

/// What is known of the shipment; anything unknown is left out of the
/// document rather than printed empty.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ShipmentFacts {
    pub vessel: Option<String>,
    pub voyage: Option<String>,
    pub bill_of_lading: Option<String>,
    pub port_of_loading: Option<String>,
    pub port_of_discharge: Option<String>,
    /// Container numbers.
    pub containers: Vec<String>,
    pub marks: Option<String>,
    pub country_of_origin: Option<String>,
    /// Estimated time of departure.
    pub etd: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceLine {
    pub line_no: u32,
    pub product_code: String,
    pub description: String,
    pub hs_code: String,
    pub quantity: i64,
    pub unit: String,
    pub unit_price_minor: i64,
    /// As agreed on the order line (which may differ from quantity times
    /// unit price by a rounding), so the invoice matches the contract.
    pub amount_minor: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceInput {
    /// The document's own number.
    pub number: String,
    pub issued_on: NaiveDate,
    pub house: Party,
    pub buyer: Party,
    pub order_number: String,
    /// ISO code, e.g. `USD`.
    pub currency: String,
    /// E.g. `FOB`.
    pub incoterm: String,
    /// The named place of the incoterm, e.g. `Ningbo`.
    pub port: String,
    pub payment_terms: String,
    pub shipment: ShipmentFacts,
    pub lines: Vec<InvoiceLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackingLine {
    pub line_no: u32,
    pub product_code: String,
    pub description: String,
    pub quantity: i64,
    pub unit: String,
    pub cartons: u32,
    pub net_weight_g: i64,
    pub gross_weight_g: i64,
    pub volume_cm3: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackingInput {
    pub number: String,
    pub issued_on: NaiveDate,
    pub house: Party,
    pub buyer: Party,
    pub order_number: String,
    pub incoterm: String,
    pub port: String,
    pub shipment: ShipmentFacts,
    pub lines: Vec<PackingLine>,
}
