//! A complaint as the customer types it, checked field by field, and the
//! label of a root cause the house adds.

use serde::{Deserialize, Serialize};

use super::kinds::{ComplaintCategory, Remedy};
use crate::domain::order_input::parse_unit_price;

/// The shortest description taken, in characters.
pub const MIN_DESCRIPTION_CHARS: usize = 10;

/// The longest description taken, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 4000;

/// The longest label of a root cause the house adds.
pub const MAX_CAUSE_LABEL_CHARS: usize = 60;

/// The complaint as typed on its form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ComplaintForm<'a> {
    /// A [`ComplaintCategory`] spelling, like "short_quantity".
    pub category: &'a str,
    pub description: &'a str,
    /// Whole pieces, like "12".
    pub quantity_affected: &'a str,
    /// A [`Remedy`] spelling, like "credit_note".
    pub remedy: &'a str,
    /// Money like "120.50", for a credit note or a discount only.
    pub amount: &'a str,
}

/// A complaint that passed its checks, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintDraft {
    pub category: ComplaintCategory,
    /// Trimmed.
    pub description: String,
    pub quantity_affected: i64,
    pub remedy: Remedy,
    /// In minor units; present exactly when the remedy is paid in money.
    pub amount_minor: Option<i64>,
}

/// What is wrong with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ComplaintFieldError {
    UnknownCategory,
    UnknownRemedy,
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    /// Control characters in a one-line field.
    BadCharacters,
    QuantityNotWhole,
    QuantityBelowOne,
    /// More than the `shipped` quantity.
    QuantityAboveShipped {
        shipped: i64,
    },
    /// A credit note or a discount needs an amount.
    AmountRequired,
    AmountNotMoney,
    AmountNotPositive,
    AmountAboveLimit {
        limit_minor: i64,
    },
    /// An amount given with a remedy that is not paid in money.
    AmountNotForRemedy,
}

impl ComplaintFieldError {
    /// The message-catalogue key. `TooShort` takes `$min`, `TooLong` takes
    /// `$max`, `QuantityAboveShipped` takes `$quantity` (the quantity
    /// shipped) and `AmountAboveLimit` takes `$amount` (the limit, formatted
    /// by the caller).
    pub fn key(&self) -> &'static str {
        match self {
            Self::UnknownCategory => "complaint-field-unknown-category",
            Self::UnknownRemedy => "complaint-field-unknown-remedy",
            Self::Required => "complaint-field-required",
            Self::TooShort { .. } => "complaint-field-too-short",
            Self::TooLong { .. } => "complaint-field-too-long",
            Self::BadCharacters => "complaint-field-bad-characters",
            Self::QuantityNotWhole => "complaint-field-quantity-not-whole",
            Self::QuantityBelowOne => "complaint-field-quantity-below-one",
            Self::QuantityAboveShipped { .. } => "complaint-field-quantity-above-shipped",
            Self::AmountRequired => "complaint-field-amount-required",
            Self::AmountNotMoney => "complaint-field-amount-not-money",
            Self::AmountNotPositive => "complaint-field-amount-not-positive",
            Self::AmountAboveLimit { .. } => "complaint-field-amount-above-limit",
            Self::AmountNotForRemedy => "complaint-field-amount-not-for-remedy",
        }
    }
}

/// Every problem on the form, each against its field.
pub type ComplaintFieldErrors = Vec<(&'static str, ComplaintFieldError)>;

/// The complaint from its form, or every problem on it against its field
/// (`category`, `description`, `quantity_affected`, `remedy`, `amount`), in
/// that order.
///
/// - The description, trimmed, has [`MIN_DESCRIPTION_CHARS`] to
///   [`MAX_DESCRIPTION_CHARS`] characters (line breaks allowed).
/// - The quantity affected is a whole number from 1 to `quantity_shipped`.
/// - A credit note or a discount needs an amount above zero and at most
///   `amount_limit_minor` (minor units); the other remedies take none. With
///   no valid remedy the amount is not checked.
pub fn new_complaint(
    form: &ComplaintForm<'_>,
    quantity_shipped: i64,
    amount_limit_minor: i64,
) -> Result<ComplaintDraft, ComplaintFieldErrors> {
    let mut errors = Vec::new();
    let category = take(
        &mut errors,
        "category",
        ComplaintCategory::parse(form.category).ok_or(ComplaintFieldError::UnknownCategory),
    );
    let description = take(
        &mut errors,
        "description",
        parse_description(form.description),
    );
    let quantity = take(
        &mut errors,
        "quantity_affected",
        parse_quantity_affected(form.quantity_affected, quantity_shipped),
    );
    let remedy = take(
        &mut errors,
        "remedy",
        Remedy::parse(form.remedy).ok_or(ComplaintFieldError::UnknownRemedy),
    );
    let amount = remedy.and_then(|remedy| {
        take(
            &mut errors,
            "amount",
            parse_amount(form.amount, remedy, amount_limit_minor),
        )
    });
    match (category, description, quantity, remedy, amount) {
        (
            Some(category),
            Some(description),
            Some(quantity_affected),
            Some(remedy),
            Some(amount),
        ) if errors.is_empty() => Ok(ComplaintDraft {
            category,
            description,
            quantity_affected,
            remedy,
            amount_minor: amount,
        }),
        _ => Err(errors),
    }
}

/// The label of a root cause the house adds: trimmed, on one line, at most
/// [`MAX_CAUSE_LABEL_CHARS`] characters.
pub fn cause_label(raw: &str) -> Result<String, ComplaintFieldError> {
    let label = raw.trim();
    if label.is_empty() {
        Err(ComplaintFieldError::Required)
    } else if label.chars().any(char::is_control) {
        Err(ComplaintFieldError::BadCharacters)
    } else if label.chars().count() > MAX_CAUSE_LABEL_CHARS {
        Err(ComplaintFieldError::TooLong {
            max: MAX_CAUSE_LABEL_CHARS,
        })
    } else {
        Ok(label.to_string())
    }
}

/// Whether `label` names a cause already on the list: one of `known` (the
/// built-in causes' codes and names, the house's own labels). Case and
/// spacing do not tell causes apart, so "Mould wear" and "mould  wear" are
/// one cause, counted twice in the figures if both were allowed.
pub fn cause_label_taken<S: AsRef<str>>(label: &str, known: &[S]) -> bool {
    let plain = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let wanted = plain(label);
    known.iter().any(|name| plain(name.as_ref()) == wanted)
}

fn take<T>(
    errors: &mut ComplaintFieldErrors,
    field: &'static str,
    result: Result<T, ComplaintFieldError>,
) -> Option<T> {
    result.map_err(|error| errors.push((field, error))).ok()
}

fn parse_description(raw: &str) -> Result<String, ComplaintFieldError> {
    let text = raw.trim();
    let chars = text.chars().count();
    if chars == 0 {
        Err(ComplaintFieldError::Required)
    } else if chars < MIN_DESCRIPTION_CHARS {
        Err(ComplaintFieldError::TooShort {
            min: MIN_DESCRIPTION_CHARS,
        })
    } else if chars > MAX_DESCRIPTION_CHARS {
        Err(ComplaintFieldError::TooLong {
            max: MAX_DESCRIPTION_CHARS,
        })
    } else {
        Ok(text.to_string())
    }
}

fn parse_quantity_affected(raw: &str, shipped: i64) -> Result<i64, ComplaintFieldError> {
    let text = raw.trim();
    let above = ComplaintFieldError::QuantityAboveShipped { shipped };
    match text.parse::<i64>() {
        Ok(n) if n < 1 => Err(ComplaintFieldError::QuantityBelowOne),
        Ok(n) if n > shipped => Err(above),
        Ok(n) => Ok(n),
        // Digits only, yet no i64: more than anything shipped.
        Err(_) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => Err(above),
        Err(_) => Err(ComplaintFieldError::QuantityNotWhole),
    }
}

/// The amount, in minor units, when the remedy takes one.
fn parse_amount(
    raw: &str,
    remedy: Remedy,
    limit_minor: i64,
) -> Result<Option<i64>, ComplaintFieldError> {
    let text = raw.trim();
    if !remedy.is_money() {
        return if text.is_empty() {
            Ok(None)
        } else {
            Err(ComplaintFieldError::AmountNotForRemedy)
        };
    }
    if text.is_empty() {
        return Err(ComplaintFieldError::AmountRequired);
    }
    match parse_unit_price(text) {
        Err(_) => Err(ComplaintFieldError::AmountNotMoney),
        Ok(0) => Err(ComplaintFieldError::AmountNotPositive),
        Ok(minor) if minor > limit_minor => {
            Err(ComplaintFieldError::AmountAboveLimit { limit_minor })
        }
        Ok(minor) => Ok(Some(minor)),
    }
}

#[cfg(test)]
mod tests;
