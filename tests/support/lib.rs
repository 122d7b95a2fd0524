//! Test support: `spawn_app()` starts the real portal in-process on a random
//! port with a fresh database, and `Browser` drives headless Chromium.
//!
//! The database backend comes from `PORTAL_TEST_DB`: `sqlite` (default, a new
//! file per test) or `postgres` (a new database per test on the server at
//! `PORTAL_TEST_POSTGRES_URL`). Asking for postgres without a URL is an error,
//! never a silent fallback.

pub mod browser;

use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use server::config::Config;
use server::startup::Application;
use std::path::PathBuf;

pub struct TestApp {
    pub address: String,
    pub db: DatabaseConnection,
    pub client: reqwest::Client,
    pub backend: Backend,
    pub database_url: String,
    _dir: tempfile::TempDir,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub fn backend() -> Backend {
    match std::env::var("PORTAL_TEST_DB").as_deref() {
        Ok("postgres") => Backend::Postgres,
        Ok("sqlite") | Err(_) => Backend::Sqlite,
        Ok(other) => panic!("PORTAL_TEST_DB={other:?}: expected sqlite or postgres"),
    }
}

/// The workspace root, for finding the built site.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ lives in the workspace")
        .to_path_buf()
}

pub fn site_root() -> PathBuf {
    std::env::var("PORTAL_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|_| workspace_root().join("target/site"))
}

/// A new, empty database for one test; returns its URL.
pub async fn fresh_database(dir: &tempfile::TempDir) -> String {
    match backend() {
        Backend::Sqlite => format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("portal.db").display()
        ),
        Backend::Postgres => {
            let admin_url = std::env::var("PORTAL_TEST_POSTGRES_URL").expect(
                "PORTAL_TEST_DB=postgres needs PORTAL_TEST_POSTGRES_URL \
                 (postgres://user@127.0.0.1:port/postgres)",
            );
            let name = format!("portal_test_{}", uuid::Uuid::new_v4().simple());
            let admin = Database::connect(&admin_url)
                .await
                .expect("connect to the test PostgreSQL server");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create a test database");
            admin.close().await.ok();
            let base = admin_url
                .rsplit_once('/')
                .map(|(base, _)| base)
                .expect("PORTAL_TEST_POSTGRES_URL ends in /database");
            format!("{base}/{name}")
        }
    }
}

pub struct SpawnOptions {
    pub demo_data: bool,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(SpawnOptions { demo_data: false }).await
}

pub async fn spawn_app_with(options: SpawnOptions) -> TestApp {
    server::telemetry::init();
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database(&dir).await;
    let mut config = Config::for_database(database_url.clone(), site_root());
    config.demo_data = options.demo_data;
    config.mail.dir = dir.path().join("mail");
    let app = Application::build(&config).await.expect("build the app");
    let address = format!("http://{}", app.addr());
    let db = app.db().clone();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("http client");
    TestApp {
        address,
        db,
        client,
        backend: backend(),
        database_url,
        _dir: dir,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("GET request")
    }
}
