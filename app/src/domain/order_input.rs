//! What staff type when they enter an order, parsed into values that can only
//! be valid: currency, incoterm, HS code, quantity, unit price, dates. Every
//! problem is reported against its field, all at once, as a [`Refusal`]
//! the caller says in the reader's language.

use chrono::NaiveDate;

use super::refusal::Refusal;

/// Currencies the portal trades in (ISO 4217).
pub const CURRENCIES: &[&str] = &[
    "USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CNY", "HKD", "CHF", "SEK", "NOK", "DKK", "SGD",
];

/// Incoterms 2020.
pub const INCOTERMS: &[&str] = &[
    "EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP",
];

/// Text a person must give: trimmed, not empty, at most `max` characters.
/// `what` is the catalogue key of what the field holds, as it reads in
/// "Enter …" (`input-what-…`).
pub fn required_text(raw: &str, max: usize, what: &'static str) -> Result<String, Refusal> {
    let value = raw.trim();
    if value.is_empty() {
        Err(Refusal::new("input-enter").with_message("what", what))
    } else if value.chars().count() > max {
        Err(Refusal::new("input-too-long")
            .with("max", max)
            .with_message("what", what))
    } else {
        Ok(value.to_string())
    }
}

pub fn parse_currency(raw: &str) -> Result<&'static str, Refusal> {
    one_of(raw, CURRENCIES, "input-currency-unknown")
}

pub fn parse_incoterm(raw: &str) -> Result<&'static str, Refusal> {
    one_of(raw, INCOTERMS, "input-incoterm-unknown")
}

/// The code of `codes` typed as `raw` (any case); else the refusal `key`,
/// quoting what was typed and listing the codes.
fn one_of(raw: &str, codes: &[&'static str], key: &'static str) -> Result<&'static str, Refusal> {
    let code = raw.trim().to_ascii_uppercase();
    codes.iter().find(|c| **c == code).copied().ok_or_else(|| {
        Refusal::new(key)
            .with("given", format!("{:?}", raw.trim()))
            .with("choices", codes.join(", "))
    })
}

/// An HS code: 6, 8 or 10 digits; dots and spaces are ignored ("8516.71" → "851671").
pub fn parse_hs_code(raw: &str) -> Result<String, Refusal> {
    let digits: String = raw.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    if digits.chars().all(|c| c.is_ascii_digit()) && matches!(digits.len(), 6 | 8 | 10) {
        Ok(digits)
    } else {
        Err(Refusal::new("input-hs-code"))
    }
}

/// A whole quantity above zero.
pub fn parse_quantity(raw: &str) -> Result<i64, Refusal> {
    match raw.trim().parse::<i64>() {
        Ok(n) if n > 0 && n <= 1_000_000_000 => Ok(n),
        Ok(n) if n <= 0 => Err(Refusal::new("input-quantity-not-positive")),
        Ok(_) => Err(Refusal::new("input-quantity-too-large")),
        Err(_) => Err(Refusal::new("input-quantity-unreadable")),
    }
}

/// A price with at most two decimals, as minor units ("12.5" → 1250).
pub fn parse_unit_price(raw: &str) -> Result<i64, Refusal> {
    let text = raw.trim();
    let bad = || Refusal::new("input-unit-price");
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
        || fraction.len() > 2
        || whole.len() > 12
    {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let cents: i64 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
    Ok(whole * 100 + cents)
}

/// A line's value in minor units: quantity times unit price. Saturating:
/// the largest quantity [`parse_quantity`] takes times the largest price
/// [`parse_unit_price`] takes is beyond `i64`, and a page, a document or a
/// complaint must show a figure rather than fail.
pub fn line_value(quantity: i64, unit_price_minor: i64) -> i64 {
    quantity.saturating_mul(unit_price_minor)
}

/// Adds up line values without overflowing (see [`line_value`]).
pub fn total_value(values: impl IntoIterator<Item = i64>) -> i64 {
    values.into_iter().fold(0, i64::saturating_add)
}

/// Money in minor units as a decimal string (two decimals).
pub fn format_minor(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

pub fn parse_requested_date(raw: &str, today: NaiveDate) -> Result<NaiveDate, Refusal> {
    let date = super::dates::parse_day(raw)?;
    if date < today {
        Err(Refusal::new("input-requested-past"))
    } else {
        Ok(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_are_checked_against_fixed_lists() {
        assert_eq!(parse_currency(" eur "), Ok("EUR"));
        assert_eq!(
            parse_currency(" EURO ").unwrap_err().to_string(),
            format!(
                "Unknown currency \"EURO\"; use one of {}.",
                CURRENCIES.join(", ")
            )
        );
        assert!(parse_currency("XXX").is_err());
        assert_eq!(parse_incoterm("fob"), Ok("FOB"));
        assert!(parse_incoterm("FOBB").is_err());
    }

    #[test]
    fn refusals_name_the_field_in_english_as_before() {
        let said = |result: Result<String, Refusal>| result.unwrap_err().to_string();
        assert_eq!(
            said(required_text(" ", 40, "input-what-product-code")),
            "Enter a product code."
        );
        assert_eq!(
            said(required_text("abcd", 3, "input-what-ship-to")),
            "Use at most 3 characters for the ship-to address."
        );
        assert_eq!(
            parse_quantity("lots").unwrap_err().to_string(),
            "Enter the quantity as a whole number, like 1200."
        );
        let today = NaiveDate::from_ymd_opt(2027, 1, 10).unwrap();
        assert_eq!(
            parse_requested_date("2027-01-09", today)
                .unwrap_err()
                .to_string(),
            "The requested date cannot be in the past."
        );
        assert_eq!(
            parse_requested_date("10.01.2027", today).unwrap_err(),
            Refusal::from(super::super::dates::DayError::Unreadable)
        );
    }

    #[test]
    fn hs_codes() {
        assert_eq!(parse_hs_code("8516.71"), Ok("851671".to_string()));
        assert_eq!(parse_hs_code("6912 00 10"), Ok("69120010".to_string()));
        for bad in ["8516", "85167", "8516711", "85A671", "", "851671234567"] {
            assert!(parse_hs_code(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn quantities_and_prices() {
        assert_eq!(parse_quantity("1200"), Ok(1200));
        for bad in ["0", "-5", "1.5", "lots", "", "2000000000"] {
            assert!(parse_quantity(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_unit_price("12.5"), Ok(1250));
        assert_eq!(parse_unit_price("0.05"), Ok(5));
        assert_eq!(parse_unit_price("7"), Ok(700));
        for bad in ["-1", "1.234", "1,50", "", ".5", "abc"] {
            assert!(parse_unit_price(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn money_is_shown_with_two_decimals() {
        assert_eq!(format_minor(1250), "12.50");
        assert_eq!(format_minor(5), "0.05");
        assert_eq!(format_minor(-199), "-1.99");
    }

    #[test]
    fn requested_dates() {
        let today = NaiveDate::from_ymd_opt(2027, 1, 10).unwrap();
        assert!(parse_requested_date("2027-01-10", today).is_ok());
        assert!(parse_requested_date("2027-01-09", today).is_err());
        assert!(parse_requested_date("10.01.2027", today).is_err());
    }

    proptest! {
        #[test]
        fn prices_round_trip_through_minor_units(minor in 0i64..10_000_000_000) {
            let text = format!("{}.{:02}", minor / 100, minor % 100);
            prop_assert_eq!(parse_unit_price(&text), Ok(minor));
        }
    }
}
