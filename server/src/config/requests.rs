//! Settings about the requests the portal serves: whose `X-Forwarded-For`
//! it believes. Documented in the README's "Configuration" table with the
//! rest.

use app::domain::proxies::TrustedProxies;

use super::{ConfigError, FileSettings};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestSettings {
    /// Reverse proxies whose `X-Forwarded-For` names the client
    /// (`PORTAL_TRUSTED_PROXIES`); by default none, and the client is the
    /// TCP peer.
    pub trusted_proxies: TrustedProxies,
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
        Ok(Self { trusted_proxies })
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
    fn a_bad_entry_is_named_with_the_variable() {
        let err = load(&[("PORTAL_TRUSTED_PROXIES", "10.0.0.5, proxy.local")], None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("PORTAL_TRUSTED_PROXIES"), "{err}");
        assert!(err.contains("proxy.local"), "{err}");
    }
}
