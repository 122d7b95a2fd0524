//! Building the application: database, migrations, demo data, routes, listener.

use app::ssr::AppState;
use app::{App, shell};
use axum::Router;
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sea_orm::DatabaseConnection;
use std::net::SocketAddr;
use tokio::net::TcpListener;

use crate::config::Config;
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
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    addr: SocketAddr,
    db: DatabaseConnection,
    seed: Option<SeedOutcome>,
}

impl Application {
    pub async fn build(config: &Config) -> Result<Self, StartupError> {
        let db = crate::db::connect_and_migrate(&config.database_url).await?;
        let seed = if config.demo_data {
            Some(seed::seed_demo_if_empty(&db).await?)
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
            .site_pkg_dir("pkg")
            .site_addr(addr)
            .build();
        let state = AppState {
            leptos_options,
            db: db.clone(),
        };
        let router = build_router(state);
        Ok(Self {
            listener,
            router,
            addr,
            db,
            seed,
        })
    }

    /// The address actually bound (useful with port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    pub fn seed_outcome(&self) -> Option<&SeedOutcome> {
        self.seed.as_ref()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
    }
}

pub fn build_router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context_state = state.clone();
    Router::new()
        .route("/healthz", get(crate::routes::healthz))
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
        .with_state(state)
}
