//! Test support: `spawn_app()` starts the real portal in-process on a random
//! port with a fresh database, `Browser` drives headless Chromium, and
//! `s3::start_s3()` and `smtp` run real S3 and SMTP servers on 127.0.0.1.
//!
//! The database backend comes from `PORTAL_TEST_DB`: `sqlite` (default, a new
//! file per test) or `postgres` (a new database per test on the server at
//! `PORTAL_TEST_POSTGRES_URL`). Asking for postgres without a URL is an error,
//! never a silent fallback.

pub mod browser;
pub mod people;
pub mod plain_sql;
pub mod quotes;
pub mod s3;
pub mod smtp;
pub mod two_factor;

use app::ssr::clock::TestClock;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use server::config::Config;
use server::mail::{MemoryMailbox, Transport};
use server::startup::{Application, Overrides};
use std::path::PathBuf;
use std::sync::Arc;

pub struct TestApp {
    pub address: String,
    pub db: DatabaseConnection,
    /// A cookie-keeping client; `new_client()` makes more (other browsers).
    pub client: reqwest::Client,
    pub backend: Backend,
    pub database_url: String,
    /// The app's clock: stands still until advanced.
    pub clock: TestClock,
    /// Every mail the outbox worker delivered.
    pub mailbox: MemoryMailbox,
    /// The running app's state, for calling use cases and jobs directly.
    pub state: app::ssr::AppState,
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

/// The smallest valid PNG: a 1×1 pixel, the photo tests and benchmarks
/// upload.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

pub fn site_root() -> PathBuf {
    std::env::var("PORTAL_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|_| workspace_root().join("target/site"))
}

/// The browser bundles' files in the site's `pkg/`: each bundle's wasm and
/// script (`app::domain::bundles`).
pub fn bundle_files() -> impl Iterator<Item = String> {
    app::domain::bundles::Bundle::ALL
        .into_iter()
        .flat_map(|bundle| {
            let name = bundle.output_name();
            [format!("{name}.wasm"), format!("{name}.js")]
        })
}

/// `text` (a page, or an address) with the bundle's version taken out of
/// every address under it: `/pkg/v-<16 hex digits>/portal.js` reads
/// `/pkg/portal.js`, so a test names a bundle's file, not its version.
pub fn unversioned(text: &str) -> String {
    const MARK: &str = "/pkg/v-";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        let after = &rest[at + MARK.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_hexdigit).count();
        out.push_str(&rest[..at]);
        if digits == 16 && after.as_bytes().get(16) == Some(&b'/') {
            out.push_str("/pkg/");
            rest = &after[17..];
        } else {
            out.push_str(MARK);
            rest = after;
        }
    }
    out.push_str(rest);
    out
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

#[derive(Default)]
pub struct SpawnOptions {
    pub demo_data: bool,
    /// As if the portal were reached at this address (e.g. https).
    pub public_url: Option<String>,
    /// Deliver mail over SMTP to 127.0.0.1 on this port instead of the
    /// in-memory mailbox.
    pub smtp_port: Option<u16>,
    /// Changes any other setting before the portal starts.
    pub configure: Option<fn(&mut Config)>,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(SpawnOptions::default()).await
}

pub async fn spawn_app_with(options: SpawnOptions) -> TestApp {
    server::telemetry::init_for_tests();
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database(&dir).await;
    start_instance(database_url, options, dir).await
}

async fn start_instance(
    database_url: String,
    options: SpawnOptions,
    dir: tempfile::TempDir,
) -> TestApp {
    let mut config = Config::for_database(database_url.clone(), site_root());
    config.demo_data = options.demo_data;
    if let Some(url) = options.public_url {
        config.public_url = url;
    }
    config.mail.dir = dir.path().join("mail");
    config.files = app::ssr::storage::StorageConfig::Local {
        dir: dir.path().join("files"),
    };
    if let Some(configure) = options.configure {
        configure(&mut config);
    }
    let clock = TestClock::starting_now();
    let mailbox = MemoryMailbox::default();
    let transport = match options.smtp_port {
        Some(port) => {
            config.mail.smtp_host = Some("127.0.0.1".into());
            config.mail.smtp_port = port;
            config.mail.smtp_tls = server::config::SmtpTls::None;
            server::mail::smtp_transport(&config.mail).expect("an SMTP transport")
        }
        None => Transport::Memory(mailbox.clone()),
    };
    let app = Application::build_with(
        &config,
        Overrides {
            clock: Some(Arc::new(clock.clone())),
            transport: Some(transport),
        },
    )
    .await
    .expect("build the app");
    let address = format!("http://{}", app.addr());
    let db = app.db().clone();
    let state = app.state().clone();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        db,
        client: new_client(),
        backend: backend(),
        database_url,
        clock,
        mailbox,
        state,
        _dir: dir,
    }
}

impl TestApp {
    /// A second portal instance on the same database (as behind a load balancer).
    pub async fn another_instance(&self) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        start_instance(self.database_url.clone(), SpawnOptions::default(), dir).await
    }
}

/// Two portal instances on one database, with the cast; `None` (and said
/// so on the test's output) on SQLite: instances share a database only on
/// PostgreSQL, so such tests run in the PostgreSQL pass.
pub async fn two_instances() -> Option<(TestApp, TestApp, people::Cast)> {
    let app = spawn_app().await;
    if app.backend != Backend::Postgres {
        eprintln!("skipped: needs PORTAL_TEST_DB=postgres");
        return None;
    }
    let cast = people::create_cast(&app).await;
    let second = app.another_instance().await;
    Some((app, second, cast))
}

/// Whether `check` comes true within `within`, asked every 50 ms (for
/// what another instance hears of a moment later).
pub async fn eventually<Fut>(within: std::time::Duration, mut check: impl FnMut() -> Fut) -> bool
where
    Fut: std::future::Future<Output = bool>,
{
    let give_up = tokio::time::Instant::now() + within;
    loop {
        if check().await {
            return true;
        }
        if tokio::time::Instant::now() >= give_up {
            return false;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// A client with its own cookie jar that does not follow redirects.
pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("http client")
}

impl TestApp {
    /// The portal's day. Its clock stands still, so a test running past
    /// midnight keeps the day the portal started in: the dates a test
    /// sends or expects are counted from this day, not the machine's.
    pub fn today(&self) -> chrono::NaiveDate {
        self.state.today()
    }

    /// Moves the portal's clock past the house's next midnight if that is
    /// less than `margin` away, for a test that moves the clock by up to
    /// `margin` and expects nothing the day turning changes.
    pub fn clear_of_midnight(&self, margin: chrono::Duration) {
        let now = self.state.now();
        if self.state.house_date(now + margin) != self.state.house_date(now) {
            self.clock.advance(margin);
        }
    }

    /// The portal's day `offset` days on, as a form sends it.
    pub fn day(&self, offset: i64) -> String {
        (self.today() + chrono::Duration::days(offset)).to_string()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        get_with(&self.client, &self.url(path)).await
    }

    /// Calls a server function (`/api/<endpoint>`) with form fields, as the
    /// browser does; returns the status and the JSON body.
    pub async fn call(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        fields: &[(&str, &str)],
    ) -> (u16, serde_json::Value) {
        let response = client
            .post(self.url(&format!("/api/{endpoint}")))
            .form(fields)
            .send()
            .await
            .expect("server function request");
        let status = response.status().as_u16();
        let text = response.text().await.expect("response body");
        let body = serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text));
        (status, body)
    }

    /// Posts `body` to the conversation `kind` (`order`, `purchase_order`)
    /// `id` as `client`; panics unless it is posted.
    pub async fn post_message(&self, client: &reqwest::Client, kind: &str, id: i32, body: &str) {
        let id = id.to_string();
        let (status, answer) = self
            .call(
                client,
                "messages/post",
                &[("kind", kind), ("id", &id), ("body", body)],
            )
            .await;
        assert_eq!(status, 200, "posting to {kind} {id}: {answer}");
    }

    /// Moves order `id`, seen at `version`, to the status `to` as
    /// `client`; panics unless the move goes through.
    pub async fn move_order(&self, client: &reqwest::Client, id: i32, to: &str, version: i32) {
        let (id, version) = (id.to_string(), version.to_string());
        let (status, body) = self
            .call(
                client,
                "orders/move",
                &[("id", &id), ("to", to), ("version", &version)],
            )
            .await;
        assert_eq!(status, 200, "moving order {id} to {to}: {body}");
    }

    /// Signs `client` in; panics unless it works.
    pub async fn sign_in(&self, client: &reqwest::Client, email: &str, password: &str) {
        let (status, body) = self
            .call(
                client,
                "auth/login",
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(status, 200, "sign-in of {email} failed: {body}");
    }

    /// A new client already signed in as `email`.
    pub async fn client_for(&self, email: &str, password: &str) -> reqwest::Client {
        let client = new_client();
        self.sign_in(&client, email, password).await;
        client
    }

    /// Who `client` is signed in as (`null` when anonymous).
    pub async fn whoami(&self, client: &reqwest::Client) -> serde_json::Value {
        let (status, body) = self.call(client, "auth/me", &[]).await;
        assert_eq!(status, 200, "{body}");
        body
    }

    /// Waits until the outbox worker has delivered `count` mails.
    pub async fn wait_for_mails(&self, count: usize) -> Vec<server::mail::Envelope> {
        for _ in 0..200 {
            let mails = self.mailbox.messages();
            if mails.len() >= count {
                return mails;
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        panic!("expected {count} mails, got {:?}", self.mailbox.messages());
    }
}

/// GETs a page.
pub async fn get_with(client: &reqwest::Client, url: &str) -> reqwest::Response {
    get_in_language(client, url, None).await
}

/// As [`get_with`], the browser asking for `accept_language` if given.
pub async fn get_in_language(
    client: &reqwest::Client,
    url: &str,
    accept_language: Option<&str>,
) -> reqwest::Response {
    let request = client.get(url);
    let request = match accept_language {
        Some(languages) => request.header("accept-language", languages),
        None => request,
    };
    request.send().await.expect("GET request")
}

/// The page data a page carries for waking its islands, each entry as the
/// bytes its resource wrote (`app::components::data`): the strings the
/// server writes into `__RESOLVED_RESOURCES`, base64 decoded.
pub fn page_data(html: &str) -> Vec<Vec<u8>> {
    use base64::Engine;
    let mut found = Vec::new();
    for (at, _) in html.match_indices("__RESOLVED_RESOURCES") {
        let rest = &html[at..];
        // `…=["a","b",];` or `…[3] = "a";`
        let end = rest.find(';').unwrap_or(rest.len());
        for (i, text) in rest[..end].split('"').enumerate() {
            if i % 2 == 1 {
                let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
                    .decode(text)
                    .unwrap_or_else(|e| panic!("page data that is not base64 ({e}): {text}"));
                found.push(bytes);
            }
        }
    }
    found
}

/// Whether `bytes` hold `text` (postcard writes strings as they are).
pub fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

/// The token at the end of the first link in a mail body.
pub fn link_token(body: &str, path_prefix: &str) -> String {
    let start = body.find(path_prefix).expect("link in mail") + path_prefix.len();
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// A local file store in a fresh temporary folder, for seeding outside a
/// running portal.
pub fn demo_files() -> Arc<app::ssr::storage::FileStore> {
    let dir = std::env::temp_dir().join(format!("portal-files-{}", uuid::Uuid::new_v4()));
    Arc::new(
        app::ssr::storage::FileStore::open(&app::ssr::storage::StorageConfig::Local { dir })
            .expect("a local file store"),
    )
}
