//! Letters of credit. When the balance is paid under a documentary credit,
//! the bank pays only against documents that comply with the credit (UCP
//! 600): the goods shipped by the latest shipment date; the documents
//! presented within the presentation period after shipment and before the
//! credit expires; an invoice in the credit's currency for no more than its
//! amount plus the tolerance; part shipments and transhipment only if the
//! credit allows them; and an invoice description that corresponds to the
//! credit's. Any discrepancy lets the bank refuse to pay, so the portal
//! lists them before the documents go to the bank, and warns while there is
//! still time when the goods will not be ready to ship under the credit.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::shipping::normalise_text;

mod form;

pub use form::{LcFieldError, LcFieldErrors, LcForm};

/// Days after shipment to present the documents when the credit names no
/// period (UCP 600 art. 14(c)).
pub const DEFAULT_PRESENTATION_DAYS: u16 = 21;
pub const MAX_PRESENTATION_DAYS: u16 = 90;
/// The largest tolerance on the amount: 10 % (the "about" of art. 30(a)).
pub const MAX_TOLERANCE_BP: u32 = 1_000;
/// The longest credit number or issuing bank name.
pub const MAX_NAME_CHARS: usize = 80;
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;
/// Goods at the port with this many days or fewer before the latest
/// shipment date are at risk of missing it.
pub const AT_RISK_SLACK_DAYS: i64 = 7;

/// The terms of a letter of credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LcTerms {
    pub number: String,
    pub issuing_bank: String,
    pub currency: String,
    pub amount_minor: i64,
    /// How far above the amount the invoice may go, in basis points.
    pub tolerance_bp: u32,
    #[serde(with = "crate::compact_dates")]
    pub expiry: NaiveDate,
    #[serde(with = "crate::compact_dates")]
    pub latest_shipment: NaiveDate,
    pub presentation_days: u16,
    /// Part shipments allowed.
    pub partial_shipments: bool,
    /// Transhipment allowed.
    pub transhipment: bool,
    pub goods_description: String,
}

impl LcTerms {
    /// The most an invoice may draw: the amount plus the tolerance, rounded
    /// down to the cent.
    pub fn max_drawing_minor(&self) -> i64 {
        let max = i128::from(self.amount_minor) * (10_000 + i128::from(self.tolerance_bp)) / 10_000;
        i64::try_from(max).unwrap_or(if max > 0 { i64::MAX } else { i64::MIN })
    }

    /// The last day to present documents for goods shipped on `shipped_on`:
    /// the end of the presentation period, or the expiry if that is sooner.
    pub fn last_presentation_day(&self, shipped_on: NaiveDate) -> NaiveDate {
        add_days(shipped_on, self.presentation_days.into()).min(self.expiry)
    }
}

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether the goods can still ship under the credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "risk", rename_all = "snake_case")]
pub enum LcRisk {
    /// More than [`AT_RISK_SLACK_DAYS`] to spare.
    Clear,
    /// At the port with only `slack_days` to spare.
    AtRisk { slack_days: i64 },
    /// At the port `days_late` after the latest shipment date.
    WillMiss { days_late: i64 },
    /// The credit has expired.
    Expired,
}

impl LcRisk {
    /// The message-catalogue key; `AtRisk` and `WillMiss` take `$days`.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Clear => "lc-risk-clear",
            Self::AtRisk { .. } => "lc-risk-at-risk",
            Self::WillMiss { .. } => "lc-risk-will-miss",
            Self::Expired => "lc-risk-expired",
        }
    }
}

/// Whether goods ready on `forecast_ready` and `days_to_port` days from the
/// port of loading reach it by the credit's latest shipment date. Goods
/// cannot be ready before today, so a forecast in the past, or none at all,
/// counts as ready today.
pub fn shipment_risk(
    terms: &LcTerms,
    forecast_ready: Option<NaiveDate>,
    days_to_port: u16,
    today: NaiveDate,
) -> LcRisk {
    if today > terms.expiry {
        return LcRisk::Expired;
    }
    let ready = forecast_ready.map_or(today, |day| day.max(today));
    let at_port = add_days(ready, days_to_port.into());
    let slack = (terms.latest_shipment - at_port).num_days();
    if slack < 0 {
        LcRisk::WillMiss { days_late: -slack }
    } else if slack <= AT_RISK_SLACK_DAYS {
        LcRisk::AtRisk { slack_days: slack }
    } else {
        LcRisk::Clear
    }
}

/// The documents as they will be (or were) presented to the bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presentation {
    pub currency: String,
    pub invoice_amount_minor: i64,
    /// The on-board date of the bill of lading.
    #[serde(with = "crate::compact_dates")]
    pub shipped_on: NaiveDate,
    /// `None` while not presented yet.
    #[serde(with = "crate::compact_dates")]
    pub presented_on: Option<NaiveDate>,
    pub partial: bool,
    pub transhipment: bool,
    pub invoice_description: String,
}

/// A way the documents do not comply with the credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Discrepancy {
    CurrencyDiffers {
        credit: String,
        invoice: String,
    },
    AmountAboveTolerance {
        max: i64,
        invoiced: i64,
    },
    ShippedLate {
        #[serde(with = "crate::compact_dates")]
        latest: NaiveDate,
        #[serde(with = "crate::compact_dates")]
        shipped: NaiveDate,
    },
    PartialNotAllowed,
    TranshipmentNotAllowed,
    /// The invoice does not carry the credit's goods description.
    DescriptionDiffers,
    /// Presented (or, not yet presented, still unpresented) after
    /// `last_day`.
    PresentedLate {
        #[serde(with = "crate::compact_dates")]
        last_day: NaiveDate,
    },
    /// The credit expired before the documents were (or can be) presented.
    Expired {
        #[serde(with = "crate::compact_dates")]
        expiry: NaiveDate,
    },
}

impl Discrepancy {
    /// The message-catalogue key. Its message takes the fields as `$credit`
    /// and `$invoice` (currencies), `$max` and `$amount` (money, formatted
    /// by the caller), `$latest` and `$date` (dates, formatted by the
    /// caller).
    pub fn key(&self) -> &'static str {
        match self {
            Self::CurrencyDiffers { .. } => "lc-currency-differs",
            Self::AmountAboveTolerance { .. } => "lc-amount-above-tolerance",
            Self::ShippedLate { .. } => "lc-shipped-late",
            Self::PartialNotAllowed => "lc-partial-not-allowed",
            Self::TranshipmentNotAllowed => "lc-transhipment-not-allowed",
            Self::DescriptionDiffers => "lc-description-differs",
            Self::PresentedLate { .. } => "lc-presented-late",
            Self::Expired { .. } => "lc-expired",
        }
    }
}

/// Every discrepancy between the documents and the credit. The invoice
/// description corresponds when it contains the credit's, both read with
/// spaces collapsed and letter case ignored (the invoice may add sizes,
/// colours, marks). Documents not presented yet are judged as if presented
/// `today`, so the list warns once the last day has passed. A credit that
/// has expired is reported as expired, not also as presented late.
pub fn discrepancies(
    terms: &LcTerms,
    presentation: &Presentation,
    today: NaiveDate,
) -> Vec<Discrepancy> {
    let mut found = Vec::new();
    let invoice_currency = presentation.currency.trim().to_ascii_uppercase();
    if invoice_currency != terms.currency.trim().to_ascii_uppercase() {
        found.push(Discrepancy::CurrencyDiffers {
            credit: terms.currency.clone(),
            invoice: invoice_currency,
        });
    }
    let max = terms.max_drawing_minor();
    if presentation.invoice_amount_minor > max {
        found.push(Discrepancy::AmountAboveTolerance {
            max,
            invoiced: presentation.invoice_amount_minor,
        });
    }
    if presentation.shipped_on > terms.latest_shipment {
        found.push(Discrepancy::ShippedLate {
            latest: terms.latest_shipment,
            shipped: presentation.shipped_on,
        });
    }
    if presentation.partial && !terms.partial_shipments {
        found.push(Discrepancy::PartialNotAllowed);
    }
    if presentation.transhipment && !terms.transhipment {
        found.push(Discrepancy::TranshipmentNotAllowed);
    }
    if !normalise_text(&presentation.invoice_description)
        .contains(&normalise_text(&terms.goods_description))
    {
        found.push(Discrepancy::DescriptionDiffers);
    }
    let presented = presentation.presented_on.unwrap_or(today);
    let last_day = terms.last_presentation_day(presentation.shipped_on);
    if presented > terms.expiry {
        found.push(Discrepancy::Expired {
            expiry: terms.expiry,
        });
    } else if presented > last_day {
        found.push(Discrepancy::PresentedLate { last_day });
    }
    found
}

#[cfg(test)]
mod tests;
