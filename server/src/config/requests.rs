//! Settings about the requests the portal serves: whose `X-Forwarded-For`
//! it believes, how long a request may take, and how fast one person may
//! write. Documented in the README's "Configuration" table with the rest.

use app::domain::proxies::TrustedProxies;

use super::{ConfigError, FileSettings, parse_positive};

#[derive(Debug, Clone, PartialEq)]
pub struct RequestSettings {
    /// Reverse proxies whose `X-Forwarded-For` names the client
    /// (`PORTAL_TRUSTED_PROXIES`); by default none, and the client is the
    /// TCP peer.
    pub trusted_proxies: TrustedProxies,
    /// How long an ordinary request may take until its answer starts
    /// (`PORTAL_REQUEST_TIMEOUT_SECONDS`); uploads, downloads and exports
    /// get at least ten minutes.
    pub request_timeout_seconds: u32,
    /// How many writes one signed-in person may send a minute on average,
    /// twice as many at once (`PORTAL_WRITES_PER_MINUTE`).
    pub writes_per_minute: u32,
    /// How many page reads an instance keeps between writes
    /// (`PORTAL_READ_CACHE_ENTRIES`); 0 keeps none.
    pub read_cache_entries: u32,
}

impl Default for RequestSettings {
    fn default() -> Self {
        Self {
            trusted_proxies: TrustedProxies::default(),
            request_timeout_seconds: 30,
            writes_per_minute: 60,
            read_cache_entries: app::ssr::read_cache::DEFAULT_CAPACITY as u32,
        }
    }
}

impl RequestSettings {
    /// The environment (through `var`) over the file.
    pub(super) fn read(
        var: &impl Fn(&str) -> Option<String>,
        file: &FileSettings,
    ) -> Result<Self, ConfigError> {
        let trusted_proxies = match var("PORTAL_TRUSTED_PROXIES").or(file.trusted_proxies.clone()) {
            Some(raw) => TrustedProxies::parse(&raw).map_err(|entry| ConfigError::Invalid {
                name: "PORTAL_TRUSTED_PROXIES",
                value: entry,
                reason: "expected IP addresses or CIDR blocks separated by commas, \
                             such as 10.0.0.5, 192.168.0.0/16",
            })?,
            None => TrustedProxies::default(),
        };
        let defaults = Self::default();
        let request_timeout_seconds = match var("PORTAL_REQUEST_TIMEOUT_SECONDS") {
            Some(raw) => parse_positive("PORTAL_REQUEST_TIMEOUT_SECONDS", &raw)?,
            None => file
                .request_timeout_seconds
                .unwrap_or(defaults.request_timeout_seconds),
        };
        let writes_per_minute = match var("PORTAL_WRITES_PER_MINUTE") {
            Some(raw) => parse_positive("PORTAL_WRITES_PER_MINUTE", &raw)?,
            None => file.writes_per_minute.unwrap_or(defaults.writes_per_minute),
        };
        let read_cache_entries = match var("PORTAL_READ_CACHE_ENTRIES") {
            Some(raw) => raw
                .trim()
                .parse::<u32>()
                .map_err(|_| ConfigError::Invalid {
                    name: "PORTAL_READ_CACHE_ENTRIES",
                    value: raw.clone(),
                    reason: "expected a whole number, 0 to keep no reads",
                })?,
            None => file
                .read_cache_entries
                .unwrap_or(defaults.read_cache_entries),
        };
        Ok(Self {
            trusted_proxies,
            request_timeout_seconds,
            writes_per_minute,
            read_cache_entries,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::Config;
    use super::*;
    use std::collections::HashMap;
    use std::path::PathBuf;

    fn load(pairs: &[(&str, &str)], file: Option<&str>) -> Result<Config, ConfigError> {
        let mut env: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        if file.is_some() {
            env.insert("PORTAL_CONFIG".into(), "portal.toml".into());
        }
        let text = file.unwrap_or_default().to_string();
        Config::from_sources(&env, move |_: &PathBuf| Ok(text.clone()))
    }

    #[test]
    fn no_proxy_is_trusted_unless_named() {
        let config = load(&[], None).unwrap();
        assert!(config.requests.trusted_proxies.is_empty());
        let config = load(&[("PORTAL_TRUSTED_PROXIES", "10.0.0.5, fd00::/8")], None).unwrap();
        let proxies = &config.requests.trusted_proxies;
        assert!(proxies.contains("10.0.0.5".parse().unwrap()));
        assert!(proxies.contains("fd00::7".parse().unwrap()));
        assert!(!proxies.contains("10.0.0.6".parse().unwrap()));
        let config = load(&[], Some("trusted_proxies = \"127.0.0.1\"\n")).unwrap();
        assert!(
            config
                .requests
                .trusted_proxies
                .contains("127.0.0.1".parse().unwrap())
        );
    }

    #[test]
    fn requests_time_out_after_thirty_seconds_and_writes_are_limited() {
        let config = load(&[], None).unwrap();
        assert_eq!(config.requests.request_timeout_seconds, 30);
        assert_eq!(config.requests.writes_per_minute, 60);
        assert_eq!(config.requests.read_cache_entries, 2_048);
        let config = load(
            &[("PORTAL_REQUEST_TIMEOUT_SECONDS", "5")],
            Some("writes_per_minute = 600\nrequest_timeout_seconds = 9\n"),
        )
        .unwrap();
        assert_eq!(config.requests.request_timeout_seconds, 5);
        assert_eq!(config.requests.writes_per_minute, 600);
        for name in ["PORTAL_REQUEST_TIMEOUT_SECONDS", "PORTAL_WRITES_PER_MINUTE"] {
            for bad in ["0", "soon", "-3"] {
                let err = load(&[(name, bad)], None).unwrap_err().to_string();
                assert!(err.contains(name), "{err}");
            }
        }
    }

    #[test]
    fn page_reads_are_kept_unless_turned_off() {
        let config = load(&[("PORTAL_READ_CACHE_ENTRIES", "0")], None).unwrap();
        assert_eq!(config.requests.read_cache_entries, 0);
        let config = load(&[], Some("read_cache_entries = 100\n")).unwrap();
        assert_eq!(config.requests.read_cache_entries, 100);
        let err = load(&[("PORTAL_READ_CACHE_ENTRIES", "many")], None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("PORTAL_READ_CACHE_ENTRIES"), "{err}");
    }

    #[test]
    fn a_bad_entry_is_named_with_the_variable() {
        let err = load(&[("PORTAL_TRUSTED_PROXIES", "10.0.0.5, proxy.local")], None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("PORTAL_TRUSTED_PROXIES"), "{err}");
        assert!(err.contains("proxy.local"), "{err}");
    }
}
