//! Companies on the portal and what kind of party each one is.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The three kinds of company the portal knows. Exactly one company is the
/// trading house that runs the portal; customers buy from it, suppliers make
/// for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompanyKind {
    House,
    Customer,
    Supplier,
}

impl CompanyKind {
    pub const ALL: [CompanyKind; 3] = [Self::House, Self::Customer, Self::Supplier];

    /// The stable spelling used in the database and in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::House => "house",
            Self::Customer => "customer",
            Self::Supplier => "supplier",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, UnknownCompanyKind> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == raw)
            .ok_or_else(|| UnknownCompanyKind(raw.to_string()))
    }
}

impl fmt::Display for CompanyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown company kind {0:?}: expected house, customer or supplier")]
pub struct UnknownCompanyKind(pub String);

/// An ISO 3166-1 alpha-2 country code, stored upper-case ("CN", "DE").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Accepts two ASCII letters in either case, surrounded by optional spaces.
    pub fn parse(raw: &str) -> Result<Self, InvalidCountryCode> {
        let trimmed = raw.trim();
        let bytes = trimmed.as_bytes();
        if bytes.len() == 2 && bytes.iter().all(u8::is_ascii_alphabetic) {
            Ok(Self([
                bytes[0].to_ascii_uppercase(),
                bytes[1].to_ascii_uppercase(),
            ]))
        } else {
            Err(InvalidCountryCode(raw.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII letters are ever stored, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for CountryCode {
    type Error = InvalidCountryCode;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<CountryCode> for String {
    fn from(value: CountryCode) -> Self {
        value.as_str().to_string()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a two-letter country code such as CN or DE")]
pub struct InvalidCountryCode(pub String);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn company_kinds_round_trip_through_their_spelling() {
        for kind in CompanyKind::ALL {
            assert_eq!(CompanyKind::parse(kind.as_str()), Ok(kind));
        }
    }

    #[test]
    fn unknown_company_kind_is_refused() {
        assert!(CompanyKind::parse("House").is_err());
        assert!(CompanyKind::parse("").is_err());
        assert!(CompanyKind::parse("vendor").is_err());
    }

    #[test]
    fn country_codes_are_normalised_to_upper_case() {
        assert_eq!(CountryCode::parse(" cn ").unwrap().as_str(), "CN");
        assert_eq!(CountryCode::parse("De").unwrap().as_str(), "DE");
    }

    #[test]
    fn malformed_country_codes_are_refused() {
        for raw in ["", "C", "CHN", "C1", "中国", "c-"] {
            assert!(CountryCode::parse(raw).is_err(), "{raw:?} was accepted");
        }
    }

    proptest! {
        #[test]
        fn any_two_ascii_letters_parse_and_round_trip(a in "[a-zA-Z]", b in "[a-zA-Z]") {
            let raw = format!("{a}{b}");
            let code = CountryCode::parse(&raw).unwrap();
            prop_assert_eq!(code.as_str(), raw.to_ascii_uppercase());
            prop_assert_eq!(CountryCode::parse(code.as_str()).unwrap(), code);
        }

        #[test]
        fn anything_but_two_letters_is_refused(raw in "\\PC*") {
            let trimmed = raw.trim();
            let two_letters = trimmed.len() == 2 && trimmed.bytes().all(|b| b.is_ascii_alphabetic());
            prop_assert_eq!(CountryCode::parse(&raw).is_ok(), two_letters);
        }
    }
}
