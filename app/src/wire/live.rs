//! What the page and the server agree on about the traffic a page makes by
//! itself. An open page reconnects its event stream every few minutes and
//! reloads what it shows after each reconnect and each change it hears of;
//! none of that is something the person did, so none of it may keep their
//! session from going idle.

/// The cookie a page sets for a moment around the reloads its live stream
/// sets off. A reload is an ordinary server-function call, which the page
/// cannot otherwise tell apart from one the person started; the browser
/// sends a cookie set from script with every request that follows at once.
/// It is no secret: whoever sets it only lets their own session go idle.
pub const BACKGROUND_COOKIE: &str = "portal_background";

/// How long the cookie outlives a page that is closed before it could
/// remove it, in seconds.
const BACKGROUND_COOKIE_SECONDS: u32 = 5;

/// The cookie as the page sets it (`marking`) or removes it.
pub fn background_cookie(marking: bool) -> String {
    if marking {
        format!(
            "{BACKGROUND_COOKIE}=1; Path=/; Max-Age={BACKGROUND_COOKIE_SECONDS}; SameSite=Strict"
        )
    } else {
        format!("{BACKGROUND_COOKIE}=; Path=/; Max-Age=0; SameSite=Strict")
    }
}

/// Whether a `Cookie` header marks its request as the page's own traffic.
pub fn marks_background(cookie_header: &str) -> bool {
    cookie_header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(name, value)| name == BACKGROUND_COOKIE && value == "1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marked_cookie_is_recognised_among_others() {
        assert!(marks_background("portal_session=abc; portal_background=1"));
        assert!(marks_background("portal_background=1"));
        assert!(!marks_background("portal_session=abc"));
        assert!(!marks_background("portal_background="));
        assert!(!marks_background("portal_backgroundx=1"));
        assert!(!marks_background(""));
    }

    #[test]
    fn the_page_sets_and_removes_the_same_cookie() {
        let marking = background_cookie(true);
        // A browser sends only the name and value back.
        let sent = marking.split(';').next().unwrap_or_default();
        assert!(marks_background(sent), "{marking}");
        assert!(marking.contains("Path=/"), "{marking}");
        let removal = background_cookie(false);
        assert!(removal.starts_with("portal_background=;"), "{removal}");
        assert!(removal.contains("Max-Age=0"), "{removal}");
    }
}
