//! Logging setup: `RUST_LOG` filters, defaulting to info for the portal.

use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm_migration=warn"));
    // A second call (several apps in one test process) is harmless.
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
}

/// Logging for tests: through the test harness's captured output, so a
/// failing test shows the warnings of its own portal (each test's portal
/// runs on that test's thread) and a passing one stays quiet.
pub fn init_for_tests() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("warn,sqlx=warn,sea_orm_migration=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();
}
