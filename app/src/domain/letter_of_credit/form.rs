//! The letter of credit as typed on its form, checked field by field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    DEFAULT_PRESENTATION_DAYS, LcTerms, MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS,
    MAX_PRESENTATION_DAYS, MAX_TOLERANCE_BP,
};
use crate::domain::dates::parse_day;
use crate::domain::order_input::{parse_currency, parse_unit_price};
use crate::domain::terms::parse_deposit_percent;

/// The credit as typed on its form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LcForm<'a> {
    pub number: &'a str,
    pub issuing_bank: &'a str,
    pub currency: &'a str,
    /// Like "12500.00".
    pub amount: &'a str,
    /// A percentage, like "5" or "2.5"; empty means none.
    pub tolerance_percent: &'a str,
    pub expiry: &'a str,
    pub latest_shipment: &'a str,
    /// Whole days; empty means [`DEFAULT_PRESENTATION_DAYS`].
    pub presentation_days: &'a str,
    pub partial_shipments: bool,
    pub transhipment: bool,
    pub goods_description: &'a str,
}

/// What is wrong with one field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LcFieldError {
    Empty,
    TooLong {
        max: usize,
    },
    /// Control characters in a one-line field.
    BadCharacters,
    UnknownCurrency,
    BadAmount,
    AmountNotPositive,
    BadTolerance,
    /// Not a date from 2000-01-01 to 2100-12-31.
    BadDate,
    ShipmentAfterExpiry,
    BadPresentationDays,
}

impl LcFieldError {
    /// The message-catalogue key; `TooLong` takes `$max`.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Empty => "lc-empty",
            Self::TooLong { .. } => "lc-too-long",
            Self::BadCharacters => "lc-bad-characters",
            Self::UnknownCurrency => "lc-unknown-currency",
            Self::BadAmount => "lc-bad-amount",
            Self::AmountNotPositive => "lc-amount-not-positive",
            Self::BadTolerance => "lc-bad-tolerance",
            Self::BadDate => "lc-bad-date",
            Self::ShipmentAfterExpiry => "lc-shipment-after-expiry",
            Self::BadPresentationDays => "lc-bad-presentation-days",
        }
    }
}

/// Every problem on the form, each against its field.
pub type LcFieldErrors = Vec<(&'static str, LcFieldError)>;

impl LcTerms {
    /// The credit from its form, or every problem on it against its field
    /// (`number`, `issuing_bank`, `currency`, `amount`, `tolerance`,
    /// `expiry`, `latest_shipment`, `presentation_days`,
    /// `goods_description`). The latest shipment date may not fall after
    /// the expiry.
    pub fn parse(form: &LcForm<'_>) -> Result<LcTerms, LcFieldErrors> {
        let mut errors = Vec::new();
        let number = take(&mut errors, "number", one_line(form.number));
        let issuing_bank = take(&mut errors, "issuing_bank", one_line(form.issuing_bank));
        let currency = take(
            &mut errors,
            "currency",
            parse_currency(form.currency).map_err(|_| LcFieldError::UnknownCurrency),
        );
        let amount = take(&mut errors, "amount", amount(form.amount));
        let tolerance = take(&mut errors, "tolerance", tolerance(form.tolerance_percent));
        let expiry = take(&mut errors, "expiry", date(form.expiry));
        let latest = take(&mut errors, "latest_shipment", date(form.latest_shipment));
        if let (Some(latest), Some(expiry)) = (latest, expiry)
            && latest > expiry
        {
            errors.push(("latest_shipment", LcFieldError::ShipmentAfterExpiry));
        }
        let days = take(
            &mut errors,
            "presentation_days",
            presentation_days(form.presentation_days),
        );
        let goods = take(
            &mut errors,
            "goods_description",
            text(form.goods_description, MAX_DESCRIPTION_CHARS),
        );
        match (
            number,
            issuing_bank,
            currency,
            amount,
            tolerance,
            expiry,
            latest,
            days,
            goods,
        ) {
            (
                Some(number),
                Some(issuing_bank),
                Some(currency),
                Some(amount_minor),
                Some(tolerance_bp),
                Some(expiry),
                Some(latest_shipment),
                Some(presentation_days),
                Some(goods_description),
            ) if errors.is_empty() => Ok(LcTerms {
                number,
                issuing_bank,
                currency: currency.to_string(),
                amount_minor,
                tolerance_bp,
                expiry,
                latest_shipment,
                presentation_days,
                partial_shipments: form.partial_shipments,
                transhipment: form.transhipment,
                goods_description,
            }),
            _ => Err(errors),
        }
    }
}

fn take<T>(
    errors: &mut LcFieldErrors,
    field: &'static str,
    result: Result<T, LcFieldError>,
) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(error) => {
            errors.push((field, error));
            None
        }
    }
}

fn text(raw: &str, max: usize) -> Result<String, LcFieldError> {
    let value = raw.trim();
    if value.is_empty() {
        Err(LcFieldError::Empty)
    } else if value.len() > max * 4 || value.chars().count() > max {
        Err(LcFieldError::TooLong { max })
    } else {
        Ok(value.to_string())
    }
}

fn one_line(raw: &str) -> Result<String, LcFieldError> {
    let value = text(raw, MAX_NAME_CHARS)?;
    if value.chars().any(char::is_control) {
        Err(LcFieldError::BadCharacters)
    } else {
        Ok(value)
    }
}

fn amount(raw: &str) -> Result<i64, LcFieldError> {
    if raw.len() > 32 {
        return Err(LcFieldError::BadAmount);
    }
    match parse_unit_price(raw) {
        Ok(minor) if minor > 0 => Ok(minor),
        Ok(_) => Err(LcFieldError::AmountNotPositive),
        Err(_) => Err(LcFieldError::BadAmount),
    }
}

fn tolerance(raw: &str) -> Result<u32, LcFieldError> {
    if raw.trim().is_empty() {
        return Ok(0);
    }
    match parse_deposit_percent(raw) {
        Ok(bp) if bp <= MAX_TOLERANCE_BP => Ok(bp),
        _ => Err(LcFieldError::BadTolerance),
    }
}

fn date(raw: &str) -> Result<NaiveDate, LcFieldError> {
    parse_day(raw).map_err(|_| LcFieldError::BadDate)
}

fn presentation_days(raw: &str) -> Result<u16, LcFieldError> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(DEFAULT_PRESENTATION_DAYS);
    }
    if text.len() > 3 || !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(LcFieldError::BadPresentationDays);
    }
    match text.parse::<u16>() {
        Ok(days) if (1..=MAX_PRESENTATION_DAYS).contains(&days) => Ok(days),
        _ => Err(LcFieldError::BadPresentationDays),
    }
}
