//! Two-factor sign-in as the browser sees it: what the account page shows,
//! the secret while it is set up, recovery codes (shown once), the second
//! step of a sign-in, and the house's rule.

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// The signed-in person's two-factor sign-in, for the account page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorStatus {
    pub enabled: bool,
    /// The house requires it of this person, so it cannot be turned off.
    pub required: bool,
    /// Recovery codes not used yet.
    pub recovery_codes_left: u64,
}

/// A new secret to add to an authenticator app. Sent only while it is set
/// up; once confirmed, the secret never leaves the server again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorSetup {
    /// Base32, to type into the app.
    pub secret: String,
    /// The `otpauth://` address apps read, to paste or open on a phone.
    pub otpauth_url: String,
}

/// Fresh recovery codes, shown once: the server keeps only their hashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryCodes {
    pub codes: Vec<String>,
}

/// What a sign-in that passed the password waits for: `{"code": {...}}` or
/// `{"enrol": {...}}` (named outside, as the compact encoding needs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PendingStep {
    /// A code from the app, or a recovery code.
    Code { locale: Locale },
    /// The house requires two-factor sign-in: set it up with this secret,
    /// then confirm with a code.
    Enrol {
        locale: Locale,
        setup: TwoFactorSetup,
    },
}

impl PendingStep {
    /// The language of the person signing in.
    pub fn locale(&self) -> Locale {
        match self {
            Self::Code { locale } | Self::Enrol { locale, .. } => *locale,
        }
    }
}

/// A finished sign-in: where to go, and the recovery codes when it also set
/// up two-factor sign-in (to be shown before going on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorSignedIn {
    pub next: String,
    pub recovery_codes: Vec<String>,
}

/// The house's rule, for the admin page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorHouseRule {
    pub required: bool,
    pub can_edit: bool,
}
