//! Random secrets for cookies and e-mailed links. Only their SHA-256 is stored,
//! so a leaked database does not leak working sessions or links.

use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// 128 random bits as 32 hex characters.
pub fn new_token() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// A script nonce for a page's CSP: 128 random bits, as hex (which the
/// nonce grammar accepts).
pub fn fresh_nonce() -> String {
    new_token()
}

pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Tokens we issue are exactly 32 lower-case hex characters; anything else is
/// refused before touching the database.
pub fn looks_like_token(raw: &str) -> bool {
    raw.len() == 32
        && raw
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_hex_and_hash_to_64_hex() {
        let a = new_token();
        let b = new_token();
        assert_ne!(a, b);
        assert!(looks_like_token(&a));
        let h = hash_token(&a);
        assert_eq!(h.len(), 64);
        assert_ne!(h, hash_token(&b));
        assert!(!looks_like_token("../../etc/passwd"));
        assert!(!looks_like_token(&a.to_uppercase()));
    }
}
