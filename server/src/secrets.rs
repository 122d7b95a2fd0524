//! What may be shown of a secret setting: the database URL without its
//! password, and a configuration file's errors without the line they quote.
//! Error messages end up in the log and on the operator's screen, and a
//! password there is a password given away.

/// `url` with its password replaced by `***` (`postgres://user:***@host/db`),
/// for every message that shows a database URL. It works on text that does
/// not parse as a URL too (a password with `#` or `/` in it): everything
/// from the scheme to the last `@` counts as user and password, so an odd
/// URL may lose more than its password, never less. A `password=` query
/// parameter is hidden as well.
pub fn redact_url(url: &str) -> String {
    const PARAMETER: &str = "password=";
    let credentials_hidden = match url.split_once("://") {
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((user_info, host)) => match user_info.split_once(':') {
                Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
                None => url.to_string(),
            },
            None => url.to_string(),
        },
        None => url.to_string(),
    };
    let mut redacted = String::with_capacity(credentials_hidden.len());
    let mut rest = credentials_hidden.as_str();
    while let Some(start) = rest.find(PARAMETER) {
        redacted.push_str(&rest[..start]);
        let is_parameter = redacted.ends_with('?') || redacted.ends_with('&');
        redacted.push_str(PARAMETER);
        rest = &rest[start + PARAMETER.len()..];
        if is_parameter {
            redacted.push_str("***");
            rest = &rest[rest.find('&').unwrap_or(rest.len())..];
        }
    }
    redacted.push_str(rest);
    redacted
}

/// `text` (an error message) with the password of `url` hidden: the URL
/// wherever it is quoted whole, and the password wherever it is quoted on
/// its own, as written or as a driver decodes it.
pub fn hide_password(url: &str, text: &str) -> String {
    let mut hidden = text.replace(url, &redact_url(url));
    for password in passwords_in(url) {
        hidden = hidden.replace(password.as_str(), "***");
    }
    hidden
}

/// The password in `url` as written and as a driver decodes it: from the
/// user's `:` to the last `@` (as [`redact_url`] reads it), and any
/// `password=` parameter; longest first, so a shorter one found inside a
/// longer one leaves no tail.
fn passwords_in(url: &str) -> Vec<String> {
    let mut found = Vec::new();
    if let Some((_, rest)) = url.split_once("://")
        && let Some((user_info, _)) = rest.rsplit_once('@')
        && let Some((_, password)) = user_info.split_once(':')
    {
        found.push(password.to_string());
    }
    let query = url.split_once('?').map_or("", |(_, query)| query);
    found.extend(
        query
            .split('&')
            .filter_map(|pair| pair.strip_prefix("password="))
            .map(str::to_string),
    );
    let decoded: Vec<String> = found.iter().filter_map(|p| percent_decoded(p)).collect();
    found.extend(decoded);
    found.retain(|p| !p.is_empty());
    found.sort_by_key(|p| std::cmp::Reverse(p.len()));
    found.dedup();
    found
}

/// `text` with its `%XX` escapes decoded, when it has any and the result is
/// UTF-8.
fn percent_decoded(text: &str) -> Option<String> {
    if !text.contains('%') {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && hex.bytes().all(|b| b.is_ascii_hexdigit())
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Settings whose values are never shown, whatever is wrong with them.
const SECRET_WORDS: [&str; 3] = ["password", "secret", "key"];

/// What is wrong with a configuration file, by line. toml's own message
/// quotes the offending line, which may be the database URL with its
/// password, the SMTP password or the S3 secret key; this one names the
/// line and, unless its setting is a secret, what toml found wrong there.
pub fn file_error(text: &str, error: &toml::de::Error) -> String {
    let Some(span) = error.span() else {
        return format!("{} (the line is not known)", redact_url(error.message()));
    };
    let before = text.get(..span.start).unwrap_or(text);
    let number = before.matches('\n').count() + 1;
    let line = text.lines().nth(number - 1).unwrap_or_default();
    let setting = line.split('=').next().unwrap_or_default().trim();
    let setting = setting.trim_matches(['"', '\'']);
    if SECRET_WORDS.iter().any(|word| setting.contains(word)) {
        format!("line {number}: the value of {setting} is not valid")
    } else {
        format!("line {number}: {}", redact_url(error.message()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_quoted_on_its_own_is_hidden_too() {
        let url = "postgres://portal:s%23cret-pw@db.example.com/portal?sslmode=require";
        let message = format!("cannot use s#cret-pw (s%23cret-pw) with {url}");
        let shown = hide_password(url, &message);
        assert!(!shown.contains("cret-pw"), "{shown}");
        assert!(shown.contains("portal:***@db.example.com"), "{shown}");

        let url = "postgres://db.example.com/portal?password=hunter2-hunter2";
        let shown = hide_password(url, "refused password=hunter2-hunter2");
        assert_eq!(shown, "refused password=***");

        // Nothing to hide: the text stays as it was.
        let sqlite = "sqlite://data/portal.db?mode=rwc";
        assert_eq!(hide_password(sqlite, "disk full"), "disk full");
        let user_only = "postgres://portal@db.example.com/portal";
        assert_eq!(hide_password(user_only, "no portal"), "no portal");
    }

    #[test]
    fn a_broken_settings_file_is_reported_by_line_without_its_secrets() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Settings {
            port: Option<u16>,
            database_url: Option<String>,
            smtp_password: Option<String>,
        }
        for file in [
            "database_url = \"postgres://portal:hunter2-hunter2@db.example.com/portal\n",
            "port = 4000\nsmtp_password = hunter2-hunter2\n",
            "port = 4000\nsmtp_password = 123456789\n",
        ] {
            let error = toml::from_str::<Settings>(file).unwrap_err();
            let shown = file_error(file, &error);
            assert!(shown.starts_with("line "), "{shown}");
            assert!(
                !shown.contains("hunter2") && !shown.contains("123456789"),
                "{shown}"
            );
        }
        let file = "port = 4000\nsmtp_password = 123456789\n";
        let error = toml::from_str::<Settings>(file).unwrap_err();
        assert_eq!(
            file_error(file, &error),
            "line 2: the value of smtp_password is not valid"
        );
        let error = toml::from_str::<Settings>("prot = 1\n").unwrap_err();
        let shown = file_error("prot = 1\n", &error);
        assert!(
            shown.contains("prot"),
            "an ordinary mistake is named: {shown}"
        );
    }
}
