//! Codes of two-factor sign-in, computed with `totp-rs` from the secret the
//! portal hands out, as an authenticator app computes them.

use chrono::{DateTime, Utc};

/// The code an authenticator app shows for `secret` at `at`.
pub fn code_at(secret: &str, at: DateTime<Utc>) -> String {
    let secret = totp_rs::Secret::try_from_base32(secret).expect("a Base32 secret");
    let totp = totp_rs::Builder::new()
        .with_secret(secret)
        .build()
        .expect("a TOTP");
    totp.generate(u64::try_from(at.timestamp()).unwrap())
        .to_string()
}
