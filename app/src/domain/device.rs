//! A short, readable name for the device a session signed in from, made
//! from the browser's `User-Agent` header: "Chrome · Windows",
//! "Safari · iPhone". A person looking at their open sessions recognises
//! their laptop and their phone by this; the whole header (long, and a
//! fingerprint of its own) is never kept.
//!
//! The name is built from product names only, which read the same in every
//! language, joined by a middle dot rather than a word of one language.

/// The longest name kept for a client that is no browser we know (a
/// script's `curl/8.5.0` becomes `curl`).
pub const MAX_OTHER_CHARS: usize = 32;

/// Only this much of a header is looked at: every known marker sits near
/// its start, and the header comes from whoever calls.
const SCANNED_CHARS: usize = 1024;

/// Browsers by a marker in the header, in the order they must be tried:
/// Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: &[(&str, &str)] = &[
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("EdgiOS/", "Edge"),
    ("Edge/", "Edge"),
    ("OPR/", "Opera"),
    ("Opera", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("YaBrowser/", "Yandex"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
    ("Trident/", "Internet Explorer"),
    ("MSIE ", "Internet Explorer"),
];

/// Systems by a marker, in order: an iPhone says "like Mac OS X", Android
/// says "Linux".
const SYSTEMS: &[(&str, &str)] = &[
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("CrOS", "ChromeOS"),
    ("Macintosh", "macOS"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
    ("X11", "Linux"),
];

/// The device's short name, or `None` when the header says nothing usable.
pub fn device_name(user_agent: &str) -> Option<String> {
    let scanned = match user_agent.char_indices().nth(SCANNED_CHARS) {
        Some((end, _)) => &user_agent[..end],
        None => user_agent,
    };
    let find = |table: &[(&str, &'static str)]| {
        table
            .iter()
            .find(|(marker, _)| scanned.contains(marker))
            .map(|(_, name)| *name)
    };
    match (find(BROWSERS), find(SYSTEMS)) {
        (Some(browser), Some(system)) => Some(format!("{browser} · {system}")),
        (Some(browser), None) => Some(browser.to_string()),
        (None, Some(system)) => Some(system.to_string()),
        (None, None) => other_client(scanned),
    }
}

/// The first product name of a header from no known browser (`curl`,
/// `python-requests`), cut short; only letters, digits and `-_.` are kept.
fn other_client(header: &str) -> Option<String> {
    let name: String = header
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .take(MAX_OTHER_CHARS)
        .collect();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn common_browsers_are_named_with_their_system() {
        let cases = [
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                "Chrome · Windows",
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                "Edge · Windows",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                "Safari · iPhone",
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
                "Safari · macOS",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                "Firefox · Linux",
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
                "Chrome · Android",
            ),
            (
                "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1",
                "Chrome · iPad",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
                "Chrome · Linux",
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0",
                "Opera · Windows",
            ),
            (
                "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                "Chrome · ChromeOS",
            ),
        ];
        for (header, expected) in cases {
            assert_eq!(device_name(header).as_deref(), Some(expected), "{header}");
        }
    }

    #[test]
    fn other_clients_are_named_by_their_first_product() {
        assert_eq!(device_name("curl/8.5.0").as_deref(), Some("curl"));
        assert_eq!(
            device_name("python-requests/2.32.3").as_deref(),
            Some("python-requests")
        );
        assert_eq!(device_name("Firefox/133.0").as_deref(), Some("Firefox"));
        assert_eq!(
            device_name("Mozilla/5.0 (Windows NT 10.0)").as_deref(),
            Some("Windows")
        );
        assert_eq!(device_name(""), None);
        assert_eq!(device_name("   "), None);
        assert_eq!(device_name("<script>"), None);
        let long = "x".repeat(10_000);
        assert_eq!(
            device_name(&long).map(|name| name.len()),
            Some(MAX_OTHER_CHARS)
        );
    }

    proptest! {
        #[test]
        fn any_header_gives_a_short_plain_name_or_none(header in ".{0,2000}") {
            if let Some(name) = device_name(&header) {
                prop_assert!(!name.is_empty(), "an empty name for {:?}", header);
                prop_assert!(name.chars().count() <= 40, "{} is too long", name);
                prop_assert!(
                    !name.chars().any(char::is_control),
                    "{:?} holds a control character",
                    name
                );
            }
        }
    }
}
