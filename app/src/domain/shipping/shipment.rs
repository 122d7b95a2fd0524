//! A shipment on its way: its customs clearance, its voyage dates, and how
//! much of each order line it carries.
//!
//! Customs: the goods are declared, then either released straight away,
//! inspected, or held; an inspection ends in release or a hold, and a hold
//! is lifted by an inspection or a release. Release is the end.
//!
//! Voyage: ETD and ETA are the planned departure and arrival, ATD and ATA
//! the actual ones. A shipment is planned until it has departed (an ATD),
//! and arrived once it has an ATA.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date_in_range;

/// Where the goods stand with customs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomsStatus {
    NotDeclared,
    Declared,
    Inspected,
    Released,
    Held,
}

/// Why customs status cannot move as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CustomsError {
    /// The goods were released; nothing follows.
    AlreadyReleased,
    /// No such step (`from` and `to` named by [`CustomsStatus::key`]).
    NotAllowed {
        from: CustomsStatus,
        to: CustomsStatus,
    },
}

impl CustomsError {
    /// The message-catalogue key; `NotAllowed` takes `$from` and `$to`.
    pub fn key(&self) -> &'static str {
        match self {
            Self::AlreadyReleased => "customs-already-released",
            Self::NotAllowed { .. } => "customs-not-allowed",
        }
    }
}

impl CustomsStatus {
    pub const ALL: [CustomsStatus; 5] = [
        Self::NotDeclared,
        Self::Declared,
        Self::Inspected,
        Self::Released,
        Self::Held,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotDeclared => "not_declared",
            Self::Declared => "declared",
            Self::Inspected => "inspected",
            Self::Released => "released",
            Self::Held => "held",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }

    /// The message-catalogue key of the status's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::NotDeclared => "customs-status-not_declared",
            Self::Declared => "customs-status-declared",
            Self::Inspected => "customs-status-inspected",
            Self::Released => "customs-status-released",
            Self::Held => "customs-status-held",
        }
    }

    pub fn is_final(self) -> bool {
        self == Self::Released
    }

    /// Whether customs can move the goods from this status to `to`.
    pub fn can_move_to(self, to: CustomsStatus) -> bool {
        use CustomsStatus::*;
        matches!(
            (self, to),
            (NotDeclared, Declared)
                | (Declared, Inspected | Released | Held)
                | (Inspected, Released | Held)
                | (Held, Inspected | Released)
        )
    }

    pub fn move_to(self, to: CustomsStatus) -> Result<CustomsStatus, CustomsError> {
        if self.is_final() {
            Err(CustomsError::AlreadyReleased)
        } else if self.can_move_to(to) {
            Ok(to)
        } else {
            Err(CustomsError::NotAllowed { from: self, to })
        }
    }
}

/// How far a shipment has come, from its actual dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShipmentStage {
    /// Not departed yet (no ATD).
    Planned,
    /// Departed (an ATD) and not arrived.
    Departed,
    /// Arrived (an ATA).
    Arrived,
}

impl ShipmentStage {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Departed => "departed",
            Self::Arrived => "arrived",
        }
    }

    /// The message-catalogue key of the stage's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Planned => "shipment-stage-planned",
            Self::Departed => "shipment-stage-departed",
            Self::Arrived => "shipment-stage-arrived",
        }
    }
}

/// The dates of a voyage: estimated and actual departure and arrival.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voyage {
    #[serde(with = "crate::compact_dates")]
    pub etd: Option<NaiveDate>,
    #[serde(with = "crate::compact_dates")]
    pub atd: Option<NaiveDate>,
    #[serde(with = "crate::compact_dates")]
    pub eta: Option<NaiveDate>,
    #[serde(with = "crate::compact_dates")]
    pub ata: Option<NaiveDate>,
}

/// One of a voyage's dates; `as_str` is its form field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoyageDate {
    Etd,
    Atd,
    Eta,
    Ata,
}

impl VoyageDate {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Etd => "etd",
            Self::Atd => "atd",
            Self::Eta => "eta",
            Self::Ata => "ata",
        }
    }
}

/// What is wrong with a voyage's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VoyageError {
    /// A date outside 2000-01-01..=2100-12-31.
    OutOfRange {
        field: VoyageDate,
    },
    /// The ETA is before the departure (the ATD, or the ETD while there is
    /// none).
    EtaBeforeDeparture {
        #[serde(with = "crate::compact_dates")]
        departure: NaiveDate,
    },
    AtaBeforeAtd {
        #[serde(with = "crate::compact_dates")]
        atd: NaiveDate,
    },
    /// An arrival is recorded without a departure.
    AtaWithoutAtd,
    AtdInFuture,
    AtaInFuture,
}

impl VoyageError {
    /// The message-catalogue key; `EtaBeforeDeparture` and `AtaBeforeAtd`
    /// take `$date` (the date, formatted by the caller).
    pub fn key(&self) -> &'static str {
        match self {
            Self::OutOfRange { .. } => "voyage-out-of-range",
            Self::EtaBeforeDeparture { .. } => "voyage-eta-before-departure",
            Self::AtaBeforeAtd { .. } => "voyage-ata-before-atd",
            Self::AtaWithoutAtd => "voyage-ata-without-atd",
            Self::AtdInFuture => "voyage-atd-in-future",
            Self::AtaInFuture => "voyage-ata-in-future",
        }
    }

    /// The date the form shows the error against.
    pub fn field(&self) -> VoyageDate {
        match self {
            Self::OutOfRange { field } => *field,
            Self::EtaBeforeDeparture { .. } => VoyageDate::Eta,
            Self::AtaBeforeAtd { .. } | Self::AtaWithoutAtd | Self::AtaInFuture => VoyageDate::Ata,
            Self::AtdInFuture => VoyageDate::Atd,
        }
    }
}

impl Voyage {
    pub fn stage(&self) -> ShipmentStage {
        if self.ata.is_some() {
            ShipmentStage::Arrived
        } else if self.atd.is_some() {
            ShipmentStage::Departed
        } else {
            ShipmentStage::Planned
        }
    }

    /// Everything wrong with the dates: each within 2000-01-01..=2100-12-31;
    /// the ETA not before the departure; the ATA not before the ATD, and
    /// only with one; actual dates not after `today`. A date out of range
    /// is reported once and left out of the other checks.
    pub fn check(&self, today: NaiveDate) -> Vec<VoyageError> {
        let mut errors = Vec::new();
        let mut bounded = |field: VoyageDate, date: Option<NaiveDate>| match date {
            Some(day) if !date_in_range(day) => {
                errors.push(VoyageError::OutOfRange { field });
                None
            }
            other => other,
        };
        let etd = bounded(VoyageDate::Etd, self.etd);
        let atd = bounded(VoyageDate::Atd, self.atd);
        let eta = bounded(VoyageDate::Eta, self.eta);
        let ata = bounded(VoyageDate::Ata, self.ata);

        if let (Some(eta), Some(departure)) = (eta, atd.or(etd))
            && eta < departure
        {
            errors.push(VoyageError::EtaBeforeDeparture { departure });
        }
        if self.ata.is_some() && self.atd.is_none() {
            errors.push(VoyageError::AtaWithoutAtd);
        }
        if let (Some(ata), Some(atd)) = (ata, atd)
            && ata < atd
        {
            errors.push(VoyageError::AtaBeforeAtd { atd });
        }
        if atd.is_some_and(|day| day > today) {
            errors.push(VoyageError::AtdInFuture);
        }
        if ata.is_some_and(|day| day > today) {
            errors.push(VoyageError::AtaInFuture);
        }
        errors
    }
}

/// Why a shipment cannot carry the quantity asked of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuantityError {
    NotPositive,
    /// Other shipments carry the whole line already.
    NothingLeft,
    /// Only `left` remain to ship.
    MoreThanLeft {
        left: i64,
    },
}

impl QuantityError {
    /// The message-catalogue key; `MoreThanLeft` takes `$left`.
    pub fn key(&self) -> &'static str {
        match self {
            Self::NotPositive => "shipment-qty-not-positive",
            Self::NothingLeft => "shipment-qty-nothing-left",
            Self::MoreThanLeft { .. } => "shipment-qty-more-than-left",
        }
    }
}

/// A line may ship in parts: this shipment carries more than nothing, and
/// no more than what the other shipments leave of the quantity ordered.
pub fn partial_quantities(
    ordered: i64,
    shipped_elsewhere: i64,
    this: i64,
) -> Result<(), QuantityError> {
    if this <= 0 {
        return Err(QuantityError::NotPositive);
    }
    let left = ordered.saturating_sub(shipped_elsewhere.max(0)).max(0);
    if left == 0 {
        Err(QuantityError::NothingLeft)
    } else if this > left {
        Err(QuantityError::MoreThanLeft { left })
    } else {
        Ok(())
    }
}

/// Whether the customer must be told about a new ETA: it was set for the
/// first time, moved, or cleared.
pub fn eta_changed(old: Option<NaiveDate>, new: Option<NaiveDate>) -> bool {
    old != new
}

#[cfg(test)]
mod tests;
