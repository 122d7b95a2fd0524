//! State shared by every request: the database pool, the clock, the settings
//! the server functions need, and the site options.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use tokio::sync::Notify;

use super::clock::Clock;
use crate::domain::session::SessionLimits;

/// Cloned into every request and into many of its parts, so its clone is
/// one count on a shared allocation rather than one for each pool, lock
/// and setting it holds.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What [`AppState`] shares.
pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    /// For reads outside a write's transaction that only show what is
    /// committed (sessions, the order list and the order page with its
    /// panels, the live stream's catch-up, notifications, KPIs, the board),
    /// some in a read transaction of their own (`begin_reads`): on SQLite a
    /// read-only pool beside the single writing connection, so they neither
    /// wait for nor hold up other requests; otherwise `db`. A check that a
    /// write follows reads through `db`.
    pub reports: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub settings: Arc<Settings>,
    /// Wakes the outbox worker when a transaction has queued mail.
    pub outbox_wakeup: Arc<Notify>,
    /// Order changes for open live-update streams.
    pub live: super::live::LiveHub,
    /// Where attached and generated files are kept.
    pub files: Arc<super::storage::FileStore>,
    /// Page reads kept until the next write (`read_cache`).
    pub read_cache: Arc<super::read_cache::ReadCache>,
}

/// What server functions need to know about the installation.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Without a trailing slash, e.g. `https://portal.example.com`.
    pub public_url: String,
    pub session_limits: SessionLimits,
    /// A PO line in the factory with no progress for this many days is stale.
    pub stale_after_days: u32,
    /// When a factory or a customer line counts as late enough to alert.
    pub slip: crate::domain::slip::SlipThresholds,
    /// How large and how many files one record may carry.
    pub file_limits: crate::domain::files::FileLimits,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: crate::domain::proxies::TrustedProxies,
    /// How long an ordinary request may take until its answer starts.
    pub request_timeout: std::time::Duration,
    /// How fast one signed-in person may write.
    pub write_rates: crate::domain::limits::WriteRates,
    /// The house's own zone: its working day, and what "today" means for
    /// the date rules.
    pub house_time_zone: crate::domain::time_zone::Zone,
    /// The browser bundles built beside the whole one (`domain::bundles`);
    /// without them every page names the whole bundle.
    pub bundles: crate::domain::bundles::Built,
}

impl Settings {
    /// Cookies get `Secure` when people reach the portal over https.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

impl AppState {
    /// What slippage alerts need to know, as of now.
    pub fn alert_context(&self) -> super::alerts::AlertContext {
        super::alerts::AlertContext {
            thresholds: self.settings.slip,
            stale_after_days: self.settings.stale_after_days,
            public_url: self.settings.public_url.clone(),
            now: self.now(),
            house_zone: self.settings.house_time_zone,
        }
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Today in the house's zone: the day the date rules (due, late,
    /// stale, valid until) count from. A UTC date would turn over at
    /// eight in the morning in Shanghai.
    pub fn today(&self) -> chrono::NaiveDate {
        self.house_date(self.now())
    }

    /// The house's calendar day at an instant.
    pub fn house_date(&self, at: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
        self.settings.house_time_zone.date_of(at)
    }

    /// One transaction on `reports` for the reads of one part of a page,
    /// ended with `commit` once they are made.
    ///
    /// Outside a transaction every statement takes a connection from the
    /// pool and gives it back, and the pool checks each connection given
    /// back with a round trip: on SQLite a wake-up of the driver's thread
    /// as costly as the statement, on PostgreSQL a message to the server.
    /// Inside one, the part's statements share one connection and one
    /// check; they also see the book as of one moment. Everything read
    /// while it is open must go through it, not through a pool: a part
    /// waiting for a second connection while it holds one could wait for
    /// itself when the pool is used up.
    pub async fn begin_reads(&self) -> Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
        sea_orm::TransactionTrait::begin(&self.reports).await
    }

    /// The read `read` for `user` with `args`, kept until the next write or
    /// the house's next day (`read_cache`); `load` reads it when not kept.
    pub async fn kept<T, Fut>(
        &self,
        read: &'static str,
        user: &super::auth::CurrentUser,
        args: impl std::fmt::Debug,
        load: impl FnOnce() -> Fut,
    ) -> Result<T, crate::wire::ApiError>
    where
        T: Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<T, crate::wire::ApiError>>,
    {
        self.kept_part(read, user, None, args, load).await
    }

    /// As [`AppState::kept`], for a read that shows only `part` of the book
    /// (`None`: anything): a write that names other parts leaves it kept.
    pub async fn kept_part<T, Fut>(
        &self,
        read: &'static str,
        user: &super::auth::CurrentUser,
        part: Option<crate::domain::kept_pages::Scope>,
        args: impl std::fmt::Debug,
        load: impl FnOnce() -> Fut,
    ) -> Result<T, crate::wire::ApiError>
    where
        T: Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<T, crate::wire::ApiError>>,
    {
        self.read_cache
            .remember(read, user, self.today(), part, args, load)
            .await
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
