//! argon2id password hashes (m = 19456 KiB, t = 2, p = 1, the ASVS minimum).
//! Hashing and verifying are CPU-heavy, so they run on the blocking pool.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand_core::OsRng;
use std::sync::OnceLock;
use tokio::sync::Semaphore;

fn hasher() -> Argon2<'static> {
    let params = Params::new(19_456, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_blocking(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// A hash of a random password, verified against when the account does not
/// exist, so an unknown e-mail costs the same time as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        hash_blocking("no account has this password: it only spends time")
            .expect("hashing the dummy password")
    })
}

/// Each hash takes 19 MiB and a core for tens of milliseconds; at most one per
/// core runs at a time, so a flood of sign-ins queues instead of exhausting memory.
fn slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Semaphore::new(cores.max(2))
    })
}

pub async fn hash(password: String) -> Result<String, String> {
    let _slot = slots().acquire().await.map_err(|e| e.to_string())?;
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(|e| e.to_string())?
}

/// Verifies `password` against `stored`, or against the dummy hash when there
/// is no stored hash. Returns true only for a real match.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    let Ok(_slot) = slots().acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        let real = stored.is_some();
        let phc = stored.unwrap_or_else(|| dummy_hash().to_string());
        let Ok(parsed) = PasswordHash::new(&phc) else {
            return false;
        };
        let matches = hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        real && matches
    })
    .await
    .unwrap_or(false)
}

/// Computes the dummy hash ahead of the first sign-in so that first unknown
/// e-mail is not slower than later ones.
pub fn warm_up() {
    let _ = dummy_hash();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_with_the_asvs_parameters_and_verify() {
        let h = hash("correct horse battery staple".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("correct horse battery staple".into(), Some(h.clone())).await);
        assert!(!verify("correct horse battery stapler".into(), Some(h)).await);
    }

    #[tokio::test]
    async fn unknown_accounts_never_verify() {
        assert!(
            !verify(
                "no account has this password: it only spends time".into(),
                None
            )
            .await
        );
    }
}
