//! Shipments, their documents and files, the payment schedule and the letter
//! of credit of one order, as its viewer may see them; and the forms that
//! change them. Texts travel as catalogue keys (`Said`) so every reader gets
//! them in their own language.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// A message from the catalogue with its arguments, rendered by the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Said {
    pub key: String,
    pub args: Vec<(String, String)>,
}

impl Said {
    pub fn new(key: &str) -> Said {
        Said {
            key: key.to_string(),
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &str, value: impl ToString) -> Said {
        self.args.push((name.to_string(), value.to_string()));
        self
    }

    /// An argument that is itself a message of the catalogue (a
    /// document's name, say), read in the reader's language too.
    pub fn with_message(self, name: &str, key: &str) -> Said {
        self.with(name, format!("@{key}"))
    }

    pub fn text(&self, locale: Locale) -> String {
        let values: Vec<String> = self
            .args
            .iter()
            .map(|(_, value)| match value.strip_prefix('@') {
                Some(key) => locale.t(key),
                None => value.clone(),
            })
            .collect();
        let args: Vec<(&str, fluent_bundle::FluentValue<'_>)> = self
            .args
            .iter()
            .zip(&values)
            .map(|((name, _), value)| (name.as_str(), value.as_str().into()))
            .collect();
        locale.t_with(&self.key, &args)
    }
}

/// Everything of one order's back half the viewer may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingView {
    pub order_id: i32,
    /// The order's version, which every change states.
    pub version: i32,
    pub currency: String,
    /// The viewer is the trading house (sees checks, forms, internal files).
    pub house: bool,
    /// The house may plan and change shipments in the order's status.
    pub can_ship: bool,
    /// The house may record payments in the order's status.
    pub can_pay: bool,
    /// The house only: the order's lines with what is left to ship.
    pub open_lines: Vec<OpenLine>,
    pub shipments: Vec<ShipmentDetail>,
    /// Documents of the order itself (the proforma invoice).
    pub documents: Vec<DocumentView>,
    /// Files attached to the order itself.
    pub files: Vec<FileView>,
    pub schedule: Vec<InstalmentView>,
    pub lc: Option<LcView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenLine {
    pub order_line_id: i32,
    pub line_no: i32,
    pub product_code: String,
    pub description: String,
    pub unit: String,
    pub ordered: i64,
    /// On shipments already planned or gone.
    pub shipped: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentDetail {
    pub id: i32,
    pub booking_no: String,
    pub carrier: String,
    pub vessel: String,
    pub bl_number: String,
    pub port_of_loading: String,
    pub port_of_discharge: String,
    #[serde(with = "crate::compact_dates")]
    pub etd: NaiveDate,
    #[serde(with = "crate::compact_dates")]
    pub atd: Option<NaiveDate>,
    #[serde(with = "crate::compact_dates")]
    pub eta: Option<NaiveDate>,
    #[serde(with = "crate::compact_dates")]
    pub ata: Option<NaiveDate>,
    /// Catalogue key of planned / departed / arrived.
    pub stage_key: String,
    /// Stored form of the customs status, and its catalogue key.
    pub customs_status: String,
    pub customs_key: String,
    #[serde(with = "crate::compact_dates")]
    pub customs_on: Option<NaiveDate>,
    /// The house only: the customs statuses it may move to now (stored form).
    pub next_customs: Vec<String>,
    pub containers: Vec<ContainerView>,
    pub lines: Vec<ShipmentLineView>,
    pub documents: Vec<DocumentView>,
    pub files: Vec<FileView>,
    /// The house only, before departure: what the checks before customs
    /// found (empty when everything agrees).
    pub checks: Vec<Said>,
    /// The house only: why the checks were overridden, when they were.
    pub override_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerView {
    pub container_no: String,
    pub seal_no: String,
    pub size: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentLineView {
    pub order_line_id: i32,
    pub line_no: i32,
    pub product_code: String,
    pub description: String,
    pub unit: String,
    pub quantity: i64,
    pub cartons: i32,
    /// Kilograms with two decimals, like "1250.50".
    pub net_kg: String,
    pub gross_kg: String,
    /// Cubic metres with three decimals.
    pub volume_m3: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: i32,
    /// Stored form (e.g. `bill_of_lading`) and catalogue key of the kind.
    pub kind: String,
    pub kind_key: String,
    /// Stored form (`required`, `received`, `sent`) and catalogue key.
    pub state: String,
    pub state_key: String,
    /// The house's number, for the documents the portal makes.
    pub number: Option<String>,
    /// The portal makes this document from the order.
    pub generated: bool,
    pub file: Option<FileView>,
    #[serde(with = "crate::compact_dates")]
    pub updated_at: Option<DateTime<Utc>>,
    /// The house only: who changed it last.
    pub updated_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileView {
    pub id: i32,
    pub name: String,
    pub content_type: String,
    /// Like "1.2 MB".
    pub size: String,
    #[serde(with = "crate::compact_dates")]
    pub uploaded_at: DateTime<Utc>,
    /// The house only: who uploaded it.
    pub uploaded_by: Option<String>,
    /// For those not told the name: the catalogue key of a neutral word for
    /// the side that uploaded it (a complaint's files).
    #[serde(default)]
    pub uploaded_by_key: Option<String>,
    pub shared_with_customer: bool,
    pub shared_with_factory: bool,
    /// Where it downloads from.
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalmentView {
    pub id: i32,
    /// Catalogue key of deposit / balance.
    pub kind_key: String,
    pub amount: String,
    pub paid: String,
    #[serde(with = "crate::compact_dates")]
    pub due: Option<NaiveDate>,
    /// While the due day waits for an event: its catalogue key.
    pub due_event_key: Option<String>,
    /// Catalogue key of the status, and days overdue when it is.
    pub status_key: String,
    pub overdue_days: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LcView {
    pub number: String,
    pub issuing_bank: String,
    pub amount: String,
    /// Like "5.0 %".
    pub tolerance: String,
    pub tolerance_bp: u32,
    #[serde(with = "crate::compact_dates")]
    pub expiry: NaiveDate,
    #[serde(with = "crate::compact_dates")]
    pub latest_shipment: NaiveDate,
    pub presentation_days: i32,
    pub partial_shipments: bool,
    pub transhipment: bool,
    pub goods_description: String,
    pub days_to_port: i32,
    #[serde(with = "crate::compact_dates")]
    pub presented_on: Option<NaiveDate>,
    /// Whether the latest shipment date will hold (one message).
    pub risk: Said,
    /// `clear`, `at_risk`, `will_miss` or `expired`, for styling.
    pub risk_level: String,
    /// What the documents' check against the credit found.
    pub discrepancies: Vec<Said>,
}

/// One line of a shipment form: how much of an order line goes, and how it
/// is packed. Quantities and weights as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipLineInput {
    pub order_line_id: i32,
    #[serde(default)]
    pub quantity: String,
    #[serde(default)]
    pub cartons: String,
    #[serde(default)]
    pub net_kg: String,
    #[serde(default)]
    pub gross_kg: String,
    #[serde(default)]
    pub volume_m3: String,
}

/// The shipment form as typed. `containers` holds one container per line:
/// its number, then optionally the seal number and the size
/// (`MSCU1234565 SL778812 40HC`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentInput {
    #[serde(default)]
    pub booking_no: String,
    #[serde(default)]
    pub carrier: String,
    #[serde(default)]
    pub vessel: String,
    #[serde(default)]
    pub bl_number: String,
    #[serde(default)]
    pub port_of_loading: String,
    #[serde(default)]
    pub port_of_discharge: String,
    #[serde(default)]
    pub etd: String,
    #[serde(default)]
    pub eta: String,
    #[serde(default)]
    pub containers: String,
    #[serde(default)]
    pub lines: Vec<ShipLineInput>,
}

/// The letter-of-credit form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LcInput {
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub issuing_bank: String,
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub tolerance_percent: String,
    #[serde(default)]
    pub expiry: String,
    #[serde(default)]
    pub latest_shipment: String,
    #[serde(default)]
    pub presentation_days: String,
    #[serde(default)]
    pub partial_shipments: Option<String>,
    #[serde(default)]
    pub transhipment: Option<String>,
    #[serde(default)]
    pub goods_description: String,
    #[serde(default)]
    pub days_to_port: String,
}
