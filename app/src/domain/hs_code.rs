//! The Harmonized System (HS) code customs classifies a product by. The first
//! six digits are the same in every country: chapter (2), heading (2) and
//! subheading (2); most countries add two or four national digits, so a code
//! has 6, 8 or 10 digits. People write it in those groups, "6109.10.00" or
//! "6109 10 00 90"; the portal keeps the digits only and shows the dotted
//! form.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The longest text [`HsCode::parse`] looks at. A ten-digit code with its
/// three separators has 13 characters; anything above this is refused before
/// any work is done on it.
pub const MAX_INPUT_LEN: usize = 20;

/// Chapter 77 is held free by the HS for future use; no goods belong there.
pub const RESERVED_CHAPTER: u8 = 77;

/// The last chapter (works of art, antiques). Chapters 98 and 99 are left
/// to national use and are not part of the shared nomenclature.
pub const LAST_CHAPTER: u8 = 97;

/// An HS code that is well formed: 6, 8 or 10 digits in a chapter from 01
/// to 97 other than 77.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HsCode(String);

/// Why a typed HS code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HsCodeError {
    Empty,
    /// More than `max` characters were typed.
    TooLong {
        max: usize,
    },
    /// Something other than digits, dots and spaces.
    BadCharacter,
    /// Fewer than six digits.
    TooShort {
        digits: usize,
    },
    /// Seven or nine digits: a national group is cut short.
    OddLength {
        digits: usize,
    },
    /// More than ten digits.
    TooManyDigits {
        digits: usize,
    },
    /// A dot or space that is not between two groups (4-2-2-2), or two in a
    /// row.
    BadGrouping,
    /// Chapter 00, 98 or 99.
    UnknownChapter {
        chapter: u8,
    },
    /// Chapter 77.
    ReservedChapter,
}

impl HsCodeError {
    /// The message-catalogue key; its message takes `$max`, `$digits` or
    /// `$chapter` from the variant's field.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Empty => "hs-code-empty",
            Self::TooLong { .. } => "hs-code-too-long",
            Self::BadCharacter => "hs-code-bad-character",
            Self::TooShort { .. } => "hs-code-too-short",
            Self::OddLength { .. } => "hs-code-odd-length",
            Self::TooManyDigits { .. } => "hs-code-too-many-digits",
            Self::BadGrouping => "hs-code-bad-grouping",
            Self::UnknownChapter { .. } => "hs-code-unknown-chapter",
            Self::ReservedChapter => "hs-code-reserved-chapter",
        }
    }
}

/// The catalogue key, so that a refused stored value names its rule.
impl fmt::Display for HsCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for HsCodeError {}

impl HsCode {
    /// A code as typed: spaces around it are ignored, and a single dot or
    /// space may stand between the groups (after the 4th, 6th and 8th
    /// digit): "610910", "6109.10", "6109.10.00", "6109 10 00 90".
    pub fn parse(raw: &str) -> Result<HsCode, HsCodeError> {
        if raw.len() > MAX_INPUT_LEN {
            return Err(HsCodeError::TooLong { max: MAX_INPUT_LEN });
        }
        let text = raw.trim();
        if text.is_empty() {
            return Err(HsCodeError::Empty);
        }
        if !text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ' ')
        {
            return Err(HsCodeError::BadCharacter);
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        match digits.len() {
            6 | 8 | 10 => {}
            0..=5 => {
                return Err(HsCodeError::TooShort {
                    digits: digits.len(),
                });
            }
            7 | 9 => {
                return Err(HsCodeError::OddLength {
                    digits: digits.len(),
                });
            }
            _ => {
                return Err(HsCodeError::TooManyDigits {
                    digits: digits.len(),
                });
            }
        }
        let mut seen = 0;
        let mut after_separator = false;
        for c in text.chars() {
            if c.is_ascii_digit() {
                seen += 1;
                after_separator = false;
            } else if after_separator || !matches!(seen, 4 | 6 | 8) || seen == digits.len() {
                return Err(HsCodeError::BadGrouping);
            } else {
                after_separator = true;
            }
        }
        let bytes = digits.as_bytes();
        let chapter = (bytes[0] - b'0') * 10 + (bytes[1] - b'0');
        if chapter == RESERVED_CHAPTER {
            Err(HsCodeError::ReservedChapter)
        } else if !(1..=LAST_CHAPTER).contains(&chapter) {
            Err(HsCodeError::UnknownChapter { chapter })
        } else {
            Ok(HsCode(digits))
        }
    }

    /// The digits only, as stored: "61091000".
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The chapter, the first two digits (61: knitted apparel).
    pub fn chapter(&self) -> u8 {
        let bytes = self.0.as_bytes();
        (bytes[0] - b'0') * 10 + (bytes[1] - b'0')
    }

    /// The six digits every country shares.
    pub fn subheading(&self) -> &str {
        &self.0[..6]
    }
}

/// The dotted form people read: "6109.10", "6109.10.00", "6109.10.00.90".
impl fmt::Display for HsCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = &self.0;
        f.write_str(&digits[..4])?;
        let mut at = 4;
        while at < digits.len() {
            write!(f, ".{}", &digits[at..at + 2])?;
            at += 2;
        }
        Ok(())
    }
}

impl TryFrom<String> for HsCode {
    type Error = HsCodeError;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        HsCode::parse(&raw)
    }
}

impl From<HsCode> for String {
    fn from(code: HsCode) -> String {
        code.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(raw: &str) -> String {
        HsCode::parse(raw).unwrap().as_str().to_string()
    }

    #[test]
    fn the_usual_ways_of_writing_a_code() {
        assert_eq!(ok("610910"), "610910");
        assert_eq!(ok("6109.10"), "610910");
        assert_eq!(ok("6109.10.00"), "61091000");
        assert_eq!(ok("6109 10 00 90"), "6109100090");
        assert_eq!(ok("  6109.10 00.90 "), "6109100090");
        assert_eq!(ok("6109.1000"), "61091000");
        assert_eq!(ok("0101.21"), "010121");
        assert_eq!(ok("9701.10"), "970110");
    }

    #[test]
    fn shown_dotted() {
        let show = |raw: &str| HsCode::parse(raw).unwrap().to_string();
        assert_eq!(show("610910"), "6109.10");
        assert_eq!(show("61091000"), "6109.10.00");
        assert_eq!(show("6109 10 00 90"), "6109.10.00.90");
        let code = HsCode::parse("8516.71").unwrap();
        assert_eq!(code.chapter(), 85);
        assert_eq!(code.subheading(), "851671");
    }

    #[test]
    fn what_is_refused() {
        use HsCodeError::*;
        let err = |raw: &str| HsCode::parse(raw).unwrap_err();
        assert_eq!(err(""), Empty);
        assert_eq!(err("   "), Empty);
        assert_eq!(err("6".repeat(21).as_str()), TooLong { max: 20 });
        assert_eq!(err("6109-10"), BadCharacter);
        assert_eq!(err("6109,10"), BadCharacter);
        assert_eq!(err("６１０９１０"), BadCharacter);
        assert_eq!(err("6109"), TooShort { digits: 4 });
        assert_eq!(err("..."), TooShort { digits: 0 });
        assert_eq!(err("6109101"), OddLength { digits: 7 });
        assert_eq!(err("610910001"), OddLength { digits: 9 });
        assert_eq!(err("610910009012"), TooManyDigits { digits: 12 });
        assert_eq!(err("61.0910"), BadGrouping);
        assert_eq!(err("6109..10"), BadGrouping);
        assert_eq!(err("6109. 10"), BadGrouping);
        assert_eq!(err(".610910"), BadGrouping);
        assert_eq!(err("6109.10."), BadGrouping);
        assert_eq!(err("61091.0"), BadGrouping);
        assert_eq!(err("000000"), UnknownChapter { chapter: 0 });
        assert_eq!(err("980100"), UnknownChapter { chapter: 98 });
        assert_eq!(err("9903.88"), UnknownChapter { chapter: 99 });
        assert_eq!(err("7701.10"), ReservedChapter);
        assert_eq!(TooShort { digits: 4 }.key(), "hs-code-too-short");
    }

    #[test]
    fn stored_as_digits() {
        let code = HsCode::parse("6109.10.00").unwrap();
        let stored = serde_json::to_string(&code).unwrap();
        assert_eq!(stored, r#""61091000""#);
        assert_eq!(serde_json::from_str::<HsCode>(&stored).unwrap(), code);
        assert!(serde_json::from_str::<HsCode>(r#""7701.10""#).is_err());
    }

    fn valid_digits() -> impl Strategy<Value = String> {
        (1u8..=97, "[0-9]{4}", "([0-9]{2}){0,2}").prop_map(|(chapter, rest, national)| {
            let chapter = if chapter == RESERVED_CHAPTER {
                76
            } else {
                chapter
            };
            format!("{chapter:02}{rest}{national}")
        })
    }

    proptest! {
        /// Whatever is typed, parsing answers without panicking, and what it
        /// accepts is 6, 8 or 10 digits in a known chapter.
        #[test]
        fn never_panics(raw in "\\PC{0,30}", shaped in "[0-9. ]{0,16}") {
            for text in [&raw, &shaped] {
                if let Ok(code) = HsCode::parse(text) {
                    prop_assert!(matches!(code.as_str().len(), 6 | 8 | 10));
                    prop_assert!(code.as_str().chars().all(|c| c.is_ascii_digit()));
                    prop_assert!((1..=LAST_CHAPTER).contains(&code.chapter()));
                    prop_assert_ne!(code.chapter(), RESERVED_CHAPTER);
                }
            }
        }

        /// Every valid code reads back from its dotted and spaced forms and
        /// from its digits.
        #[test]
        fn round_trips(digits in valid_digits()) {
            let code = HsCode::parse(&digits).unwrap();
            prop_assert_eq!(code.as_str(), digits.as_str());
            prop_assert_eq!(HsCode::parse(&code.to_string()), Ok(code.clone()));
            let spaced = code.to_string().replace('.', " ");
            prop_assert_eq!(HsCode::parse(&spaced), Ok(code));
        }
    }
}
