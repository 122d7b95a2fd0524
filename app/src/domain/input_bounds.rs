//! Every parser of what people type, fed arbitrary text: none panics, and
//! whatever one accepts lies within its bounds, so the arithmetic the rules
//! later do on a stored value (dates moved by days, prices times
//! quantities, percentages of amounts) cannot overflow.

use proptest::prelude::*;

use super::complaints::{
    MAX_OFFSET_MINUTES, MAX_TARGET_MINUTES, MINUTES_PER_DAY, parse_offset, parse_target, parse_time,
};
use super::dates::{FIRST_DAY, LAST_DAY, parse_coming_day, parse_day};
use super::letter_of_credit::{LcForm, LcTerms, MAX_PRESENTATION_DAYS, MAX_TOLERANCE_BP};
use super::order_input::{
    line_value, parse_quantity, parse_requested_date, parse_unit_price, total_value,
};
use super::terms::{BalanceDue, FULL_BP, MAX_USANCE_DAYS, parse_balance, parse_deposit_percent};

/// Days from [`FIRST_DAY`] to [`LAST_DAY`], both included.
const DAYS_IN_RANGE: i64 = 36_890;

/// The most [`parse_quantity`] takes.
const MAX_QUANTITY: i64 = 1_000_000_000;

/// One more than the most [`parse_unit_price`] takes: twelve digits and two
/// decimals.
const PRICE_LIMIT: i64 = 100_000_000_000_000;

/// Text as people type it, and text shaped like the numbers and dates the
/// parsers read: signs, long runs of digits, odd separators, extreme years.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,24}",
        "[ +-]?[0-9]{0,25}([.,:][0-9]{0,25})?[ %]?",
        "[+-]?[0-9]{1,7}-[0-9]{1,3}-[0-9]{1,3}",
    ]
}

#[test]
fn the_extremes_the_parsers_take_still_multiply_and_add_up() {
    assert_eq!(parse_quantity("1000000000"), Ok(MAX_QUANTITY));
    let price = parse_unit_price("999999999999.99").unwrap();
    assert_eq!(price, PRICE_LIMIT - 1);
    assert_eq!(line_value(MAX_QUANTITY, price), i64::MAX);
    assert_eq!(total_value([i64::MAX, i64::MAX, 1]), i64::MAX);
    assert_eq!(total_value([1250_i64, 750]), 2000);
    assert_eq!(total_value(Vec::<i64>::new()), 0);
    assert_eq!(DAYS_IN_RANGE, (LAST_DAY - FIRST_DAY).num_days() + 1);
}

proptest! {
    #[test]
    fn typed_days_lie_in_the_portal_s_range(raw in typed(), offset in 0i64..DAYS_IN_RANGE) {
        let today = FIRST_DAY + chrono::Duration::days(offset);
        if let Ok(day) = parse_day(&raw) {
            prop_assert!(day >= FIRST_DAY && day <= LAST_DAY, "{:?} read as {}", raw, day);
        }
        for day in [parse_coming_day(&raw, today).ok(), parse_requested_date(&raw, today).ok()]
            .into_iter()
            .flatten()
        {
            prop_assert!(day >= today && day <= LAST_DAY, "{:?} read as {}", raw, day);
        }
    }

    #[test]
    fn typed_quantities_and_prices_are_bounded(quantity in typed(), price in typed()) {
        let quantity = parse_quantity(&quantity).ok();
        let price = parse_unit_price(&price).ok();
        if let Some(quantity) = quantity {
            prop_assert!((1..=MAX_QUANTITY).contains(&quantity), "quantity {}", quantity);
        }
        if let Some(price) = price {
            prop_assert!((0..PRICE_LIMIT).contains(&price), "price {}", price);
        }
        if let (Some(quantity), Some(price)) = (quantity, price) {
            let value = line_value(quantity, price);
            prop_assert!(value >= price, "{} × {} = {}", quantity, price, value);
            prop_assert!(total_value([value, value]) >= value);
        }
    }

    #[test]
    fn typed_percentages_days_and_times_are_bounded(raw in typed(), days in typed()) {
        if let Ok(bp) = parse_deposit_percent(&raw) {
            prop_assert!(bp <= FULL_BP, "{:?} read as {} bp", raw, bp);
        }
        for kind in ["lc_usance", "before_shipment", raw.as_str()] {
            if let Ok(BalanceDue::LcUsance { days }) = parse_balance(kind, &days) {
                prop_assert!((1..=MAX_USANCE_DAYS).contains(&days), "usance {}", days);
            }
        }
        if let Ok(minutes) = parse_target(&raw) {
            prop_assert!((1..=MAX_TARGET_MINUTES).contains(&minutes), "target {}", minutes);
        }
        if let Some(minute) = parse_time(&raw) {
            prop_assert!(minute <= MINUTES_PER_DAY, "time {}", minute);
        }
        if let Some(offset) = parse_offset(&raw) {
            prop_assert!(offset.abs() <= MAX_OFFSET_MINUTES, "offset {}", offset);
        }
    }

    #[test]
    fn a_typed_letter_of_credit_is_bounded(
        amount in typed(),
        tolerance in typed(),
        expiry in typed(),
        latest in typed(),
        days in typed(),
    ) {
        let form = LcForm {
            number: "LC-1",
            issuing_bank: "Bank of Testville",
            currency: "EUR",
            amount: &amount,
            tolerance_percent: &tolerance,
            expiry: &expiry,
            latest_shipment: &latest,
            presentation_days: &days,
            goods_description: "Stoneware mugs",
            ..LcForm::default()
        };
        if let Ok(terms) = LcTerms::parse(&form) {
            prop_assert!((1..PRICE_LIMIT).contains(&terms.amount_minor), "amount {}", terms.amount_minor);
            prop_assert!(terms.tolerance_bp <= MAX_TOLERANCE_BP, "tolerance {}", terms.tolerance_bp);
            prop_assert!(terms.expiry >= FIRST_DAY && terms.expiry <= LAST_DAY, "expiry {}", terms.expiry);
            prop_assert!(terms.latest_shipment >= FIRST_DAY, "latest {}", terms.latest_shipment);
            prop_assert!(terms.latest_shipment <= terms.expiry, "latest {}", terms.latest_shipment);
            prop_assert!((1..=MAX_PRESENTATION_DAYS).contains(&terms.presentation_days));
            prop_assert!(terms.max_drawing_minor() >= terms.amount_minor);
            prop_assert!(terms.last_presentation_day(terms.latest_shipment) <= terms.expiry);
        }
    }
}
