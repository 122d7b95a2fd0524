//! Authenticator codes (RFC 6238 with the parameters every authenticator
//! app understands: HMAC-SHA-1, 6 digits, 30-second steps, one step of
//! drift either way), through the `totp-rs` crate. Only this module knows
//! the crate; the rules about codes are in `domain::two_factor`.

use rand_core::{OsRng, RngCore};
use totp_rs::{Builder, Secret, Totp};

/// The name authenticator apps list the portal under.
pub const ISSUER: &str = "Trade Portal";

/// A new secret: 20 random bytes (the RFC 4226 recommendation), in Base32
/// as apps take it typed in.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    OsRng.fill_bytes(&mut bytes);
    Secret::from(bytes.to_vec()).to_base32()
}

fn totp(secret: &str, account: &str) -> Result<Totp, String> {
    let secret = Secret::try_from_base32(secret).map_err(|e| e.to_string())?;
    Builder::new()
        .with_secret(secret)
        .with_account_name(account)
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|e| e.to_string())
}

/// The `otpauth://` address an app reads (from a QR code, or pasted) to add
/// the account `account` (the person's e-mail) with `secret`.
pub fn otpauth_url(secret: &str, account: &str) -> Result<String, String> {
    totp(secret, account)?.to_url().map_err(|e| e.to_string())
}

/// The time step `code` was made for, if it is right for `secret` at
/// `unix_seconds` (within one step either way). Whether that step may
/// still be used is `domain::two_factor::step_is_fresh`.
pub fn matching_step(secret: &str, code: &str, unix_seconds: u64) -> Option<u64> {
    // The account name plays no part in the code.
    totp(secret, ISSUER).ok()?.check(code, unix_seconds)
}

/// Seconds since 1970 of `at`, for the code's time step (never negative:
/// the portal's clock is past 1970).
pub fn unix_seconds(at: chrono::DateTime<chrono::Utc>) -> u64 {
    u64::try_from(at.timestamp()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The RFC 6238 test secret (ASCII `12345678901234567890`) and its
    /// SHA-1 vectors, cut to 6 digits.
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn codes_match_the_rfc_vectors_with_one_step_of_drift() {
        assert_eq!(matching_step(RFC_SECRET, "287082", 59), Some(1));
        assert_eq!(
            matching_step(RFC_SECRET, "081804", 1_111_111_109),
            Some(37_037_036)
        );
        // A step later or earlier still counts, as the step it was made for.
        assert_eq!(
            matching_step(RFC_SECRET, "081804", 1_111_111_109 + 30),
            Some(37_037_036)
        );
        assert_eq!(
            matching_step(RFC_SECRET, "081804", 1_111_111_109 + 60),
            None
        );
        assert_eq!(matching_step(RFC_SECRET, "081805", 1_111_111_109), None);
        assert_eq!(matching_step("not base32!", "081804", 1_111_111_109), None);
    }

    #[test]
    fn new_secrets_are_random_base32_that_apps_can_add() {
        let a = new_secret();
        assert_eq!(a.len(), 32, "{a}");
        assert_ne!(a, new_secret());
        let url = otpauth_url(&a, "buyer@example.com").unwrap();
        assert!(
            url.starts_with("otpauth://totp/Trade%20Portal:buyer%40example.com?"),
            "{url}"
        );
        assert!(url.contains(&format!("secret={a}")), "{url}");
        assert!(url.contains("issuer=Trade%20Portal"), "{url}");
    }
}
