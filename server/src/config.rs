//! Configuration from an optional TOML file and environment variables; the
//! environment wins. Every setting is documented in the README's
//! "Configuration" table, which must be kept in step with `Config::load`.

use app::ssr::storage::{StorageConfig, Url};
use serde::Deserialize;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

pub use crate::secrets::redact_url;

mod requests;
pub use requests::RequestSettings;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/portal.db?mode=rwc";

/// `Debug` is written out below: it shows the database URL without its
/// password.
#[derive(Clone, PartialEq)]
pub struct Config {
    pub database_url: String,
    pub host: IpAddr,
    /// 0 lets the operating system choose (tests use this).
    pub port: u16,
    /// The address people use to reach the portal, for links in e-mails.
    pub public_url: String,
    /// Where the built browser files live (`pkg/portal.js`, `.wasm`, `.css`;
    /// `pkg/portal-partners.js`, `.wasm`; the islands' `pkg/portal-factory.*`,
    /// `pkg/portal-factory-line.*`, `pkg/portal-customer.*`,
    /// `pkg/portal-order.*`, `pkg/portal-quotes.*`, `pkg/portal-complaints.*`
    /// and `pkg/portal-account.*`).
    pub site_root: PathBuf,
    /// Seed demo companies, users and orders when the database is empty.
    pub demo_data: bool,
    /// Sessions end after this many minutes without a request.
    pub session_idle_minutes: u32,
    /// Sessions end this many hours after sign-in.
    pub session_absolute_hours: u32,
    /// A PO line in the factory with no progress for this many days is stale.
    pub stale_after_days: u32,
    /// A factory is late enough to alert staff when more than this many days late.
    pub supplier_late_days: u32,
    /// A customer line is late enough to alert when this many days late or more.
    pub customer_late_days: u32,
    /// How often the slippage scan runs, in seconds.
    pub slip_scan_seconds: u32,
    /// The hour (0–23, in each recipient's own zone) from which daily alert
    /// digests go out.
    pub digest_hour: u32,
    /// The house's IANA time zone: its working day and what "today" means
    /// for the date rules.
    pub house_time_zone: app::domain::time_zone::Zone,
    pub mail: MailConfig,
    /// Where uploaded and generated files are kept.
    pub files: StorageConfig,
    /// What the portal believes about and allows the requests it serves.
    pub requests: RequestSettings,
}

/// A configuration in a log line or a failed assertion must not give away
/// the database password; every other setting is shown as it is.
impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("host", &self.host)
            .field("port", &self.port)
            .field("public_url", &self.public_url)
            .field("site_root", &self.site_root)
            .field("demo_data", &self.demo_data)
            .field("session_idle_minutes", &self.session_idle_minutes)
            .field("session_absolute_hours", &self.session_absolute_hours)
            .field("stale_after_days", &self.stale_after_days)
            .field("supplier_late_days", &self.supplier_late_days)
            .field("customer_late_days", &self.customer_late_days)
            .field("slip_scan_seconds", &self.slip_scan_seconds)
            .field("digest_hour", &self.digest_hour)
            .field("house_time_zone", &self.house_time_zone)
            .field("mail", &self.mail)
            .field("files", &self.files)
            .field("requests", &self.requests)
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MailConfig {
    pub transport: MailTransportKind,
    pub from: String,
    /// Where the file transport writes `.eml` files.
    pub dir: PathBuf,
    pub smtp_host: Option<String>,
    pub smtp_port: u16,
    pub smtp_username: Option<String>,
    pub smtp_password: Option<Secret>,
    pub smtp_tls: SmtpTls,
    /// How long a worker may hold the mails it is delivering before another
    /// instance may try them.
    pub lease_seconds: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailTransportKind {
    File,
    Smtp,
    Log,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    None,
    StartTls,
    Tls,
}

/// A value that must never be printed; `Debug` shows a placeholder.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the configuration file {path} is not valid: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{name}={value:?} is not valid: {reason}")]
    Invalid {
        name: &'static str,
        value: String,
        reason: &'static str,
    },
}

/// The file's shape: the same settings as the environment variables, in
/// lower case without the `PORTAL_` prefix (`database_url`, `port`, `smtp_host`, ...).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    database_url: Option<String>,
    host: Option<String>,
    port: Option<u16>,
    public_url: Option<String>,
    site_root: Option<String>,
    demo_data: Option<bool>,
    session_idle_minutes: Option<u32>,
    session_absolute_hours: Option<u32>,
    stale_after_days: Option<u32>,
    supplier_late_days: Option<u32>,
    customer_late_days: Option<u32>,
    slip_scan_seconds: Option<u32>,
    digest_hour: Option<u32>,
    house_time_zone: Option<String>,
    mail_transport: Option<String>,
    mail_from: Option<String>,
    mail_lease_seconds: Option<u32>,
    mail_dir: Option<String>,
    smtp_host: Option<String>,
    smtp_port: Option<u16>,
    smtp_username: Option<String>,
    smtp_password: Option<String>,
    smtp_tls: Option<String>,
    files: Option<String>,
    files_dir: Option<String>,
    s3_endpoint: Option<String>,
    s3_bucket: Option<String>,
    s3_region: Option<String>,
    s3_access_key: Option<String>,
    s3_secret_key: Option<String>,
    s3_path_style: Option<bool>,
    trusted_proxies: Option<String>,
    request_timeout_seconds: Option<u32>,
    writes_per_minute: Option<u32>,
    read_cache_entries: Option<u32>,
}

impl Config {
    /// Reads `PORTAL_CONFIG` (or `portal.toml` if present) and the process environment.
    pub fn load() -> Result<Self, ConfigError> {
        let env: HashMap<String, String> = std::env::vars().collect();
        Self::from_sources(&env, |path| std::fs::read_to_string(path))
    }

    /// The pure core of `load`, so tests can pass any environment and file.
    pub fn from_sources(
        env: &HashMap<String, String>,
        read_file: impl Fn(&PathBuf) -> std::io::Result<String>,
    ) -> Result<Self, ConfigError> {
        let file = match env.get("PORTAL_CONFIG") {
            Some(path) => Some(PathBuf::from(path)),
            None => {
                let default = PathBuf::from("portal.toml");
                default.exists().then_some(default)
            }
        };
        let file_settings = match file {
            Some(path) => {
                let text = read_file(&path).map_err(|source| ConfigError::Read {
                    path: path.clone(),
                    source,
                })?;
                toml::from_str::<FileSettings>(&text).map_err(|e| ConfigError::Parse {
                    path,
                    message: crate::secrets::file_error(&text, &e),
                })?
            }
            None => FileSettings::default(),
        };
        Self::merge(env, file_settings)
    }

    fn merge(env: &HashMap<String, String>, file: FileSettings) -> Result<Self, ConfigError> {
        let var = |name: &str| env.get(name).filter(|v| !v.trim().is_empty()).cloned();
        // Before any field of the file is moved out below.
        let requests = RequestSettings::read(&var, &file)?;

        let database_url = var("DATABASE_URL")
            .or(file.database_url)
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError::Invalid {
                name: "DATABASE_URL",
                value: redact_url(&database_url),
                reason: "use sqlite://path?mode=rwc or postgres://user:password@host/db",
            });
        }

        let host_raw = var("PORTAL_HOST")
            .or(file.host)
            .unwrap_or_else(|| "127.0.0.1".into());
        let host = host_raw.parse().map_err(|_| ConfigError::Invalid {
            name: "PORTAL_HOST",
            value: host_raw.clone(),
            reason: "expected an IP address such as 127.0.0.1 or 0.0.0.0",
        })?;
        let port = match var("PORTAL_PORT") {
            Some(raw) => raw.parse().map_err(|_| ConfigError::Invalid {
                name: "PORTAL_PORT",
                value: raw,
                reason: "expected a port number from 0 to 65535",
            })?,
            None => file.port.unwrap_or(3000),
        };

        let public_url = var("PORTAL_PUBLIC_URL")
            .or(file.public_url)
            .unwrap_or_else(|| format!("http://localhost:{port}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError::Invalid {
                name: "PORTAL_PUBLIC_URL",
                value: public_url,
                reason: "expected an http:// or https:// address",
            });
        }
        let public_url = public_url.trim_end_matches('/').to_string();

        let site_root = PathBuf::from(
            var("PORTAL_SITE_ROOT")
                .or(file.site_root)
                .unwrap_or_else(|| "target/site".into()),
        );
        let demo_data = match var("PORTAL_DEMO_DATA") {
            Some(raw) => parse_bool("PORTAL_DEMO_DATA", &raw)?,
            None => file.demo_data.unwrap_or(false),
        };

        let session_idle_minutes = match var("PORTAL_SESSION_IDLE_MINUTES") {
            Some(raw) => parse_positive("PORTAL_SESSION_IDLE_MINUTES", &raw)?,
            None => file.session_idle_minutes.unwrap_or(30),
        };
        let session_absolute_hours = match var("PORTAL_SESSION_ABSOLUTE_HOURS") {
            Some(raw) => parse_positive("PORTAL_SESSION_ABSOLUTE_HOURS", &raw)?,
            None => file.session_absolute_hours.unwrap_or(12),
        };
        let stale_after_days = match var("PORTAL_STALE_AFTER_DAYS") {
            Some(raw) => parse_positive("PORTAL_STALE_AFTER_DAYS", &raw)?,
            None => file.stale_after_days.unwrap_or(7),
        };
        let supplier_late_days = match var("PORTAL_SUPPLIER_LATE_DAYS") {
            Some(raw) => parse_positive("PORTAL_SUPPLIER_LATE_DAYS", &raw)?,
            None => file.supplier_late_days.unwrap_or(1),
        };
        let customer_late_days = match var("PORTAL_CUSTOMER_LATE_DAYS") {
            Some(raw) => parse_positive("PORTAL_CUSTOMER_LATE_DAYS", &raw)?,
            None => file.customer_late_days.unwrap_or(2),
        };
        let digest_hour = match var("PORTAL_DIGEST_HOUR") {
            Some(raw) => match raw.trim().parse::<u32>() {
                Ok(hour) if hour < 24 => hour,
                _ => {
                    return Err(ConfigError::Invalid {
                        name: "PORTAL_DIGEST_HOUR",
                        value: raw.to_string(),
                        reason: "expected an hour from 0 to 23",
                    });
                }
            },
            None => file.digest_hour.unwrap_or(7),
        };
        let house_time_zone = match var("PORTAL_HOUSE_TIME_ZONE").or(file.house_time_zone.clone()) {
            Some(raw) => {
                app::domain::time_zone::Zone::parse(&raw).map_err(|_| ConfigError::Invalid {
                    name: "PORTAL_HOUSE_TIME_ZONE",
                    value: raw.to_string(),
                    reason: "expected an IANA time zone such as Asia/Shanghai",
                })?
            }
            None => app::domain::time_zone::Zone::UTC,
        };
        let slip_scan_seconds = match var("PORTAL_SLIP_SCAN_SECONDS") {
            Some(raw) => parse_positive("PORTAL_SLIP_SCAN_SECONDS", &raw)?,
            None => file.slip_scan_seconds.unwrap_or(300),
        };

        let transport_raw = var("PORTAL_MAIL_TRANSPORT")
            .or(file.mail_transport)
            .unwrap_or_else(|| "file".into());
        let transport = match transport_raw.as_str() {
            "file" => MailTransportKind::File,
            "smtp" => MailTransportKind::Smtp,
            "log" => MailTransportKind::Log,
            _ => {
                return Err(ConfigError::Invalid {
                    name: "PORTAL_MAIL_TRANSPORT",
                    value: transport_raw,
                    reason: "expected file, smtp or log",
                });
            }
        };
        let tls_raw = var("PORTAL_SMTP_TLS")
            .or(file.smtp_tls)
            .unwrap_or_else(|| "starttls".into());
        let smtp_tls = match tls_raw.as_str() {
            "none" => SmtpTls::None,
            "starttls" => SmtpTls::StartTls,
            "tls" => SmtpTls::Tls,
            _ => {
                return Err(ConfigError::Invalid {
                    name: "PORTAL_SMTP_TLS",
                    value: tls_raw,
                    reason: "expected none, starttls or tls",
                });
            }
        };
        let smtp_port = match var("PORTAL_SMTP_PORT") {
            Some(raw) => raw.parse().map_err(|_| ConfigError::Invalid {
                name: "PORTAL_SMTP_PORT",
                value: raw,
                reason: "expected a port number",
            })?,
            None => file.smtp_port.unwrap_or(match smtp_tls {
                SmtpTls::Tls => 465,
                SmtpTls::StartTls => 587,
                SmtpTls::None => 25,
            }),
        };
        let smtp_host = var("PORTAL_SMTP_HOST").or(file.smtp_host);
        if transport == MailTransportKind::Smtp && smtp_host.is_none() {
            return Err(ConfigError::Invalid {
                name: "PORTAL_SMTP_HOST",
                value: String::new(),
                reason: "required when PORTAL_MAIL_TRANSPORT=smtp",
            });
        }
        let mail = MailConfig {
            transport,
            from: var("PORTAL_MAIL_FROM")
                .or(file.mail_from)
                .unwrap_or_else(|| "Trade Portal <portal@localhost>".into()),
            dir: PathBuf::from(
                var("PORTAL_MAIL_DIR")
                    .or(file.mail_dir)
                    .unwrap_or_else(|| "data/mail".into()),
            ),
            smtp_host,
            smtp_port,
            smtp_username: var("PORTAL_SMTP_USERNAME").or(file.smtp_username),
            smtp_password: var("PORTAL_SMTP_PASSWORD")
                .or(file.smtp_password)
                .map(Secret),
            smtp_tls,
            lease_seconds: match var("PORTAL_MAIL_LEASE_SECONDS") {
                Some(raw) => parse_positive("PORTAL_MAIL_LEASE_SECONDS", &raw)?,
                None => file.mail_lease_seconds.unwrap_or(300),
            },
        };

        let files_raw = var("PORTAL_FILES")
            .or(file.files)
            .unwrap_or_else(|| "local".into());
        let files = match files_raw.as_str() {
            "local" => StorageConfig::Local {
                dir: var("PORTAL_FILES_DIR")
                    .or(file.files_dir)
                    .map(PathBuf::from)
                    .unwrap_or_else(|| default_files_dir(&database_url)),
            },
            "s3" => {
                let endpoint_raw = required_for_s3(
                    "PORTAL_S3_ENDPOINT",
                    var("PORTAL_S3_ENDPOINT").or(file.s3_endpoint),
                )?;
                let endpoint = parse_s3_endpoint(&endpoint_raw)?;
                let bucket = required_for_s3(
                    "PORTAL_S3_BUCKET",
                    var("PORTAL_S3_BUCKET").or(file.s3_bucket),
                )?;
                if !is_bucket_name(&bucket) {
                    return Err(ConfigError::Invalid {
                        name: "PORTAL_S3_BUCKET",
                        value: bucket,
                        reason: "expected 3 to 63 lower-case letters, digits, dots or hyphens",
                    });
                }
                let region = var("PORTAL_S3_REGION")
                    .or(file.s3_region)
                    .unwrap_or_else(|| "us-east-1".into());
                let access_key = required_for_s3(
                    "PORTAL_S3_ACCESS_KEY",
                    var("PORTAL_S3_ACCESS_KEY").or(file.s3_access_key),
                )?;
                let secret_key = required_for_s3(
                    "PORTAL_S3_SECRET_KEY",
                    var("PORTAL_S3_SECRET_KEY").or(file.s3_secret_key),
                )?;
                let path_style = match var("PORTAL_S3_PATH_STYLE") {
                    Some(raw) => parse_bool("PORTAL_S3_PATH_STYLE", &raw)?,
                    None => file.s3_path_style.unwrap_or(true),
                };
                StorageConfig::S3 {
                    endpoint,
                    bucket,
                    region,
                    access_key,
                    secret_key,
                    path_style,
                }
            }
            _ => {
                return Err(ConfigError::Invalid {
                    name: "PORTAL_FILES",
                    value: files_raw,
                    reason: "expected local or s3",
                });
            }
        };

        Ok(Config {
            database_url,
            host,
            port,
            public_url,
            site_root,
            demo_data,
            session_idle_minutes,
            session_absolute_hours,
            stale_after_days,
            supplier_late_days,
            customer_late_days,
            slip_scan_seconds,
            digest_hour,
            house_time_zone,
            mail,
            files,
            requests,
        })
    }

    pub fn listen_addr(&self) -> SocketAddr {
        SocketAddr::new(self.host, self.port)
    }

    /// A configuration for tests and tools: the given database, a random port,
    /// no demo data, mail to the log.
    pub fn for_database(database_url: impl Into<String>, site_root: PathBuf) -> Self {
        let mut env = HashMap::new();
        env.insert("DATABASE_URL".to_string(), database_url.into());
        env.insert("PORTAL_PORT".to_string(), "0".to_string());
        env.insert("PORTAL_MAIL_TRANSPORT".to_string(), "log".to_string());
        let mut config = Self::merge(&env, FileSettings::default())
            .expect("the built-in test configuration is valid");
        config.site_root = site_root;
        config
    }
}

/// Files beside a SQLite database file (`data/portal.db` keeps its files in
/// `data/files`), so one folder holds everything the portal stores; `files`
/// in the working directory for PostgreSQL or an in-memory database.
fn default_files_dir(database_url: &str) -> PathBuf {
    let beside_database = database_url
        .strip_prefix("sqlite:")
        .map(|rest| rest.strip_prefix("//").unwrap_or(rest))
        .map(|rest| rest.split('?').next().unwrap_or_default())
        .filter(|path| !path.is_empty() && !path.starts_with(':'))
        .and_then(|path| Path::new(path).parent())
        .map(|folder| folder.join("files"));
    beside_database.unwrap_or_else(|| PathBuf::from("files"))
}

/// A setting S3 storage cannot do without; its value is never shown, as it
/// may be the secret key.
fn required_for_s3(name: &'static str, value: Option<String>) -> Result<String, ConfigError> {
    match value {
        Some(value) => Ok(value),
        None => Err(ConfigError::Invalid {
            name,
            value: String::new(),
            reason: "required when PORTAL_FILES=s3",
        }),
    }
}

/// An http(s) address with a host. Credentials in it are refused: they
/// belong in `PORTAL_S3_ACCESS_KEY` and `PORTAL_S3_SECRET_KEY`, which are
/// never printed.
fn parse_s3_endpoint(raw: &str) -> Result<Url, ConfigError> {
    let invalid = |reason| ConfigError::Invalid {
        name: "PORTAL_S3_ENDPOINT",
        value: redact_url(raw),
        reason,
    };
    let url = Url::parse(raw.trim())
        .map_err(|_| invalid("expected an address such as https://s3.eu-west-1.amazonaws.com"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(invalid("expected an http:// or https:// address"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid(
            "give the keys in PORTAL_S3_ACCESS_KEY and PORTAL_S3_SECRET_KEY, not in the address",
        ));
    }
    Ok(url)
}

fn is_bucket_name(name: &str) -> bool {
    (3..=63).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
}

fn parse_positive(name: &'static str, raw: &str) -> Result<u32, ConfigError> {
    match raw.trim().parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(ConfigError::Invalid {
            name,
            value: raw.to_string(),
            reason: "expected a whole number above 0",
        }),
    }
}

fn parse_bool(name: &'static str, raw: &str) -> Result<bool, ConfigError> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::Invalid {
            name,
            value: raw.to_string(),
            reason: "expected true or false",
        }),
    }
}

#[cfg(test)]
mod tests;
