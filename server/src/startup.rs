//! Building the application: database, migrations, demo data, routes, the
//! outbox worker, and the listener.

use app::domain::session::SessionLimits;
use app::ssr::clock::{Clock, SystemClock};
use app::ssr::{AppState, Settings};
use app::{App, shell};
use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sea_orm::DatabaseConnection;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::Notify;

use crate::config::{Config, MailTransportKind};
use crate::jobs::OutboxWorker;
use crate::mail::Transport;
use crate::seed::{self, SeedOutcome};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot open or migrate the database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("mail: {0}")]
    Mail(String),
    #[error("file storage: {0}")]
    Files(app::ssr::storage::StorageError),
}

/// What tests (and tools) may replace.
#[derive(Default)]
pub struct Overrides {
    pub clock: Option<Arc<dyn Clock>>,
    pub transport: Option<Transport>,
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    addr: SocketAddr,
    state: AppState,
    worker: OutboxWorker,
    scan_every: std::time::Duration,
    digest_hour: u32,
    seed: Option<SeedOutcome>,
}

impl Application {
    pub async fn build(config: &Config) -> Result<Self, StartupError> {
        Self::build_with(config, Overrides::default()).await
    }

    pub async fn build_with(config: &Config, overrides: Overrides) -> Result<Self, StartupError> {
        let transport = match overrides.transport {
            Some(transport) => transport,
            None => match config.mail.transport {
                MailTransportKind::File => Transport::File(config.mail.dir.clone()),
                MailTransportKind::Log => Transport::Log,
                MailTransportKind::Smtp => {
                    crate::mail::smtp_transport(&config.mail).map_err(StartupError::Mail)?
                }
            },
        };
        let clock = overrides.clock.unwrap_or_else(|| Arc::new(SystemClock));
        let db = crate::db::connect_and_migrate(&config.database_url).await?;
        let reports = crate::db::connect_reports(&config.database_url, &db).await?;
        let files = Arc::new(
            app::ssr::storage::FileStore::open(&config.files).map_err(StartupError::Files)?,
        );
        let seed = if config.demo_data {
            Some(seed::seed_demo_if_empty(&db, &files, clock.now()).await?)
        } else {
            None
        };
        let requested = config.listen_addr();
        let listener = TcpListener::bind(requested)
            .await
            .map_err(|source| StartupError::Bind {
                addr: requested,
                source,
            })?;
        let addr = listener.local_addr().map_err(|source| StartupError::Bind {
            addr: requested,
            source,
        })?;
        let leptos_options = LeptosOptions::builder()
            .output_name("portal")
            .site_root(config.site_root.to_string_lossy().to_string())
            // The bundle under its version (`bundle_files`).
            .site_pkg_dir(crate::bundle_files::pkg_dir(
                crate::bundle_files::version_of(&config.site_root).as_deref(),
            ))
            .site_addr(addr)
            .build();
        let public_url = match config.public_url.strip_suffix(":0") {
            // The default public URL names the configured port; with port 0
            // links must name the port actually bound.
            Some(_) => format!("http://{addr}"),
            None => config.public_url.clone(),
        };
        let state = AppState::new(app::ssr::Shared {
            leptos_options,
            db: db.clone(),
            reports,
            clock: clock.clone(),
            settings: Arc::new(Settings {
                public_url,
                session_limits: SessionLimits {
                    idle: chrono::Duration::minutes(config.session_idle_minutes.into()),
                    absolute: chrono::Duration::hours(config.session_absolute_hours.into()),
                },
                stale_after_days: config.stale_after_days,
                slip: app::domain::slip::SlipThresholds {
                    supplier_days: config.supplier_late_days.into(),
                    customer_days: config.customer_late_days.into(),
                },
                file_limits: app::domain::files::FileLimits::DEFAULT,
                trusted_proxies: config.requests.trusted_proxies.clone(),
                request_timeout: std::time::Duration::from_secs(
                    config.requests.request_timeout_seconds.into(),
                ),
                write_rates: app::domain::limits::WriteRates::per_minute(
                    config.requests.writes_per_minute,
                ),
                house_time_zone: config.house_time_zone,
                bundles: bundles_built(&config.site_root),
            }),
            outbox_wakeup: Arc::new(Notify::new()),
            live: Default::default(),
            files,
            read_cache: Arc::new(app::ssr::read_cache::ReadCache::new(
                config.requests.read_cache_entries as usize,
            )),
        });
        let worker = OutboxWorker {
            db,
            transport,
            from: config.mail.from.clone(),
            clock,
            wakeup: state.outbox_wakeup.clone(),
            lease: chrono::Duration::seconds(config.mail.lease_seconds.into()),
        };
        app::ssr::auth::password::warm_up();
        let router = build_router(state.clone());
        Ok(Self {
            listener,
            router,
            addr,
            state,
            worker,
            scan_every: std::time::Duration::from_secs(config.slip_scan_seconds.into()),
            digest_hour: config.digest_hour,
            seed,
        })
    }

    /// The address actually bound (useful with port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.state.db
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub fn seed_outcome(&self) -> Option<&SeedOutcome> {
        self.seed.as_ref()
    }

    /// Serves requests and runs the background jobs until the server stops.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let worker = tokio::spawn(self.worker.run());
        let digests = tokio::spawn(
            crate::jobs::DigestSender {
                state: self.state.clone(),
                hour: self.digest_hour,
            }
            .run(),
        );
        let scanner = tokio::spawn(
            crate::jobs::SlipScanner {
                state: self.state.clone(),
                every: self.scan_every,
            }
            .run(),
        );
        let collector = tokio::spawn(
            crate::jobs::PaymentScanner {
                state: self.state.clone(),
                every: self.scan_every,
            }
            .run(),
        );
        let watch = tokio::spawn(
            crate::jobs::ComplaintWatch {
                state: self.state.clone(),
                every: std::time::Duration::from_secs(60).min(self.scan_every),
            }
            .run(),
        );
        let sweeper = tokio::spawn(
            crate::jobs::QuotationSweeper {
                state: self.state.clone(),
                every: self.scan_every,
            }
            .run(),
        );
        let relay = (self.state.db.get_database_backend() == sea_orm::DatabaseBackend::Postgres)
            .then(|| tokio::spawn(crate::live::relay_notifications(self.state.clone())));
        let result = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await;
        worker.abort();
        scanner.abort();
        digests.abort();
        sweeper.abort();
        collector.abort();
        watch.abort();
        if let Some(relay) = relay {
            relay.abort();
        }
        result
    }
}

/// The app's routes, listed once per process.
///
/// Listing them runs the app with resource loading suppressed through a flag
/// that is global to the process: a page rendered by another portal in the
/// same process (several instances, as the tests run them) while the list is
/// made would wait for its data forever. Listed once, before the first
/// router serves, no render ever overlaps it.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Which bundles beside the whole one the site holds
/// (`app::domain::bundles`): both files of each, under the name pages would
/// give them.
fn bundles_built(site_root: &std::path::Path) -> app::domain::bundles::Built {
    use app::domain::bundles::{Built, Bundle};
    let built = |bundle: Bundle| {
        ["js", "wasm"].iter().all(|kind| {
            site_root
                .join("pkg")
                .join(format!("{}.{kind}", bundle.output_name()))
                .is_file()
        })
    };
    Built {
        partners: built(Bundle::Partners),
        factory_islands: built(Bundle::FactoryIslands),
        line_islands: built(Bundle::LineIslands),
        complaint_islands: built(Bundle::ComplaintIslands),
        customer_islands: built(Bundle::CustomerIslands),
        order_islands: built(Bundle::OrderIslands),
        quote_islands: built(Bundle::QuoteIslands),
        account_islands: built(Bundle::AccountIslands),
    }
}

pub fn build_router(state: AppState) -> Router {
    let routes = route_list();
    let context_state = state.clone();
    Router::new()
        .route("/healthz", get(crate::routes::healthz))
        .route("/api/live", get(crate::live::live_events))
        .route("/exports/orders.csv", get(crate::exports::order_book))
        .route("/exports/kpi/{file}", get(crate::exports::kpi_table))
        .route(
            "/files",
            axum::routing::post(crate::files::upload).layer(axum::extract::DefaultBodyLimit::max(
                // The file and the few fields around it.
                usize::try_from(state.settings.file_limits.max_bytes).unwrap_or(usize::MAX)
                    + 64 * 1024,
            )),
        )
        .route("/files/{id}", get(crate::files::download))
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(
            crate::middleware::server_fn_error_status,
        ))
        .layer(axum::middleware::from_fn(crate::middleware::reply_encoding))
        // Inside the session layer: a kept page is the signed-in person's.
        .layer(from_fn_with_state(
            state.clone(),
            crate::kept_pages::serve_kept_pages,
        ))
        .layer(from_fn_with_state(
            state.clone(),
            crate::middleware::forget_kept_reads,
        ))
        // Inside the session layer: it needs the signed-in person.
        .layer(from_fn_with_state(
            crate::limits::WriteGate::new(state.clone()),
            crate::limits::limit_writes,
        ))
        .layer(from_fn_with_state(
            state.clone(),
            crate::middleware::resolve_session,
        ))
        .layer(from_fn_with_state(
            state.clone(),
            crate::middleware::reject_cross_site,
        ))
        // Around everything but the headers, so a request stuck anywhere
        // (even resolving its session) is answered, and the answer still
        // gets the security headers.
        .layer(from_fn_with_state(
            state.clone(),
            crate::limits::request_timeout,
        ))
        // Outside everything but the headers: a file of the bundle under
        // its version is answered as the plain file it names.
        .layer(from_fn_with_state(
            state.clone(),
            crate::bundle_files::serve_versioned,
        ))
        .layer(from_fn_with_state(
            state.clone(),
            crate::middleware::security_headers,
        ))
        .layer(compression())
        .with_state(state)
}

/// Text answers travel in gzip to browsers that take it: pages,
/// server-function replies (their compact form carries text too) and CSV,
/// compressed at the fastest level as they are made for each request. Kept
/// pages come compressed already (`kept_pages`), the bundle's files have
/// compressed copies beside them, and the live stream
/// (`text/event-stream`) is never held back.
fn compression()
-> tower_http::compression::CompressionLayer<impl tower_http::compression::Predicate> {
    use axum::http::{HeaderMap, StatusCode, Version, header};
    use leptos::server_fn::ContentType;
    use tower_http::compression::predicate::{Predicate, SizeAbove};
    use tower_http::compression::{CompressionLayer, CompressionLevel};
    const TEXT: [&str; 5] = [
        "text/html",
        "application/json",
        app::wire::compact::CompactEncoding::CONTENT_TYPE,
        "text/csv",
        "text/plain",
    ];
    let text = |_: StatusCode, _: Version, headers: &HeaderMap, _: &axum::http::Extensions| {
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|kind| TEXT.iter().any(|t| kind.starts_with(t)))
    };
    CompressionLayer::new()
        .quality(CompressionLevel::Fastest)
        .compress_when(SizeAbove::new(512).and(text))
}
