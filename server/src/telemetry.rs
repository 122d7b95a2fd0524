//! Logging setup: `RUST_LOG` filters, defaulting to info for the portal.

use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm_migration=warn"));
    // A second call (several apps in one test process) is harmless.
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
}
