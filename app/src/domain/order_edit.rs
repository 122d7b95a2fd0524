//! What the trading house may still change on an order in each status, and the
//! checks on what it records after production: purchase orders placed with a
//! factory, shipments and payments. Before confirmation everything is open;
//! once confirmed, commercial terms and lines are frozen (only an approved
//! change request moves them), while delivery details stay editable until the
//! goods leave.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::order_status::OrderStatus;
use super::refusal::Refusal;

/// Which parts of an order may be changed directly by staff now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Editable {
    /// Currency, incoterm and the lines (add, change, remove).
    pub commercial: bool,
    /// Payment terms and ship-to address.
    pub delivery: bool,
    /// Purchase orders can be placed with factories for unplaced lines.
    pub purchasing: bool,
    /// Shipments can be recorded.
    pub shipments: bool,
    /// Payments can be recorded.
    pub payments: bool,
}

impl Editable {
    pub const NOTHING: Editable = Editable {
        commercial: false,
        delivery: false,
        purchasing: false,
        shipments: false,
        payments: false,
    };

    pub fn any(self) -> bool {
        self != Self::NOTHING
    }
}

pub fn editable(status: OrderStatus) -> Editable {
    use OrderStatus::*;
    Editable {
        commercial: matches!(status, Inquiry | Quoted),
        delivery: matches!(status, Inquiry | Quoted | Confirmed | InProduction | Ready),
        purchasing: matches!(status, Confirmed | InProduction),
        shipments: matches!(status, Ready | Shipped | Arrived),
        payments: matches!(status, Confirmed | InProduction | Ready | Shipped | Arrived),
    }
}

/// The ready date asked of a factory: not in the past, and not after the date
/// committed to the customer for any line it fills (that would plan a slip).
pub fn check_ready_by(
    ready_by: NaiveDate,
    today: NaiveDate,
    committed: &[(i32, Option<NaiveDate>)],
) -> Result<(), Refusal> {
    if ready_by < today {
        return Err(Refusal::new("input-ready-by-past"));
    }
    for (line_no, date) in committed {
        if let Some(date) = date
            && ready_by > *date
        {
            return Err(Refusal::new("input-ready-by-after-commitment")
                .with("line", *line_no)
                .with("date", *date));
        }
    }
    Ok(())
}

/// A container number (ISO 6346): four letters and seven digits, e.g.
/// `MSCU1234567`; spaces and dashes are ignored. Empty is allowed (air, LCL).
pub fn parse_container_no(raw: &str) -> Result<String, Refusal> {
    let text: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect::<String>()
        .to_ascii_uppercase();
    let ok = text.is_empty()
        || (text.len() == 11
            && text[..4].chars().all(|c| c.is_ascii_uppercase())
            && text[4..].chars().all(|c| c.is_ascii_digit()));
    if ok {
        Ok(text)
    } else {
        Err(Refusal::new("input-container-no"))
    }
}

/// A bill-of-lading or air-waybill number: 4 to 40 letters, digits or dashes.
pub fn parse_transport_document(raw: &str) -> Result<String, Refusal> {
    let text = raw.trim().to_ascii_uppercase();
    if (4..=40).contains(&text.len()) && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        Ok(text)
    } else {
        Err(Refusal::new("input-transport-document"))
    }
}

/// Departure and arrival of a shipment: departure at most 60 days ahead (a
/// booked sailing), arrival not before departure.
pub fn check_voyage(
    shipped_on: NaiveDate,
    eta: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), (&'static str, Refusal)> {
    if (shipped_on - today).num_days() > 60 {
        return Err(("shipped_on", Refusal::new("input-departure-too-far")));
    }
    if eta.is_some_and(|eta| eta < shipped_on) {
        return Err(("eta", Refusal::new("input-arrival-before-departure")));
    }
    Ok(())
}

/// A payment received: above zero, not dated in the future, and not more than
/// what is still owed on the order.
pub fn check_payment(
    amount_minor: i64,
    received_on: NaiveDate,
    today: NaiveDate,
    outstanding_minor: i64,
) -> Result<(), (&'static str, Refusal)> {
    if amount_minor <= 0 {
        return Err(("amount", Refusal::new("input-amount-not-positive")));
    }
    if received_on > today {
        return Err(("received_on", Refusal::new("input-payment-future")));
    }
    if amount_minor > outstanding_minor {
        let owed = super::order_input::format_minor(outstanding_minor.max(0));
        return Err((
            "amount",
            Refusal::new("input-payment-above-owed").with("amount", owed),
        ));
    }
    Ok(())
}

/// The earliest requested date an edited line accepts. An existing line may
/// keep a requested date that has passed since it was entered (so it cannot
/// move before that date); a new line's date must not be in the past.
pub fn earliest_requested(current: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    current.map_or(today, |requested| requested.min(today))
}

/// The timeline entry for production ordered from a factory. The customer
/// reads the timeline, so it names the order's lines only: neither the
/// factory nor its ready date (which would expose the planned transit time).
pub fn production_ordered(line_nos: &[i32]) -> String {
    let lines = line_nos
        .iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    format!("Production ordered for line(s) {lines}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    #[test]
    fn what_staff_may_change_in_every_status() {
        use OrderStatus::*;
        // (status, commercial, delivery, purchasing, shipments, payments)
        let table = [
            (Inquiry, true, true, false, false, false),
            (Quoted, true, true, false, false, false),
            (Confirmed, false, true, true, false, true),
            (InProduction, false, true, true, false, true),
            (Ready, false, true, false, true, true),
            (Shipped, false, false, false, true, true),
            (Arrived, false, false, false, true, true),
            (Settled, false, false, false, false, false),
            (Cancelled, false, false, false, false, false),
        ];
        assert_eq!(table.len(), OrderStatus::ALL.len());
        for (status, commercial, delivery, purchasing, shipments, payments) in table {
            assert_eq!(
                editable(status),
                Editable {
                    commercial,
                    delivery,
                    purchasing,
                    shipments,
                    payments
                },
                "{status:?}"
            );
        }
        assert!(!editable(Settled).any());
        assert!(editable(Inquiry).any());
    }

    #[test]
    fn factory_ready_dates() {
        let committed = [(1, Some(day(20))), (2, None)];
        assert!(check_ready_by(day(10), day(5), &committed).is_ok());
        assert!(check_ready_by(day(20), day(5), &committed).is_ok());
        let late = check_ready_by(day(21), day(5), &committed).unwrap_err();
        assert_eq!(
            late.to_string(),
            "Line 1 is committed to the customer for 2027-03-20; the factory must be ready by then."
        );
        assert!(check_ready_by(day(4), day(5), &committed).is_err());
    }

    #[test]
    fn a_past_requested_date_may_stay() {
        assert_eq!(earliest_requested(None, day(10)), day(10), "a new line");
        assert_eq!(earliest_requested(Some(day(5)), day(10)), day(5));
        assert_eq!(earliest_requested(Some(day(20)), day(10)), day(10));
    }

    #[test]
    fn the_timeline_names_lines_not_factories() {
        assert_eq!(
            production_ordered(&[1, 3]),
            "Production ordered for line(s) 1, 3"
        );
        assert_eq!(production_ordered(&[2]), "Production ordered for line(s) 2");
    }

    #[test]
    fn containers_and_bills_of_lading() {
        assert_eq!(
            parse_container_no("mscu 123456-7"),
            Ok("MSCU1234567".into())
        );
        assert_eq!(parse_container_no(""), Ok(String::new()));
        for bad in ["MSC1234567", "MSCU123456", "MSCU12345678", "1234MSCU567"] {
            assert!(parse_container_no(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_transport_document(" medu-1234567 "),
            Ok("MEDU-1234567".into())
        );
        for bad in ["", "AB1", "ABC 123", "B/L12345"] {
            assert!(parse_transport_document(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn voyages() {
        assert!(check_voyage(day(10), Some(day(30)), day(5)).is_ok());
        assert!(check_voyage(day(10), None, day(20)).is_ok());
        assert_eq!(
            check_voyage(day(10), Some(day(9)), day(5)).unwrap_err().0,
            "eta"
        );
        let far = day(5) + chrono::Duration::days(61);
        assert_eq!(check_voyage(far, None, day(5)).unwrap_err().0, "shipped_on");
    }

    #[test]
    fn payments() {
        assert!(check_payment(500, day(5), day(5), 500).is_ok());
        assert_eq!(
            check_payment(0, day(5), day(5), 500).unwrap_err().0,
            "amount"
        );
        let (field, refusal) = check_payment(501, day(5), day(5), 500).unwrap_err();
        assert_eq!(field, "amount");
        assert_eq!(
            refusal.to_string(),
            "That is more than the 5.00 still owed on this order."
        );
        assert_eq!(
            check_payment(100, day(6), day(5), 500).unwrap_err().0,
            "received_on"
        );
    }

    proptest! {
        /// Once the goods have left, nothing but shipments and payments moves;
        /// lines are never directly editable after confirmation.
        #[test]
        fn lines_freeze_at_confirmation(i in 0usize..9) {
            let status = OrderStatus::ALL[i];
            let open = editable(status);
            let confirmed = status.position().is_some_and(|p| p >= OrderStatus::Confirmed.position().unwrap());
            prop_assert_eq!(open.commercial, !confirmed && status != OrderStatus::Cancelled);
        }

        #[test]
        fn payments_never_exceed_what_is_owed(amount in 1i64..1_000_000, owed in 0i64..1_000_000) {
            let ok = check_payment(amount, day(5), day(5), owed).is_ok();
            prop_assert_eq!(ok, amount <= owed);
        }
    }
}
