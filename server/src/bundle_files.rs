//! The static bundle's files under a versioned address. Pages name the
//! bundle (its scripts, WebAssembly and stylesheet) under
//! `/pkg/v-<version>/`, where the version is a hash of the files' contents
//! taken at start-up: an upgrade that changes any file changes every
//! address. So a browser may keep the files for good and never ask again
//! (`Cache-Control: immutable`), and after an upgrade it fetches the new
//! ones instead of waking a new page with an old bundle.
//!
//! The readers' catalogues are named with a hash of their contents in the
//! query (`app::i18n`) and are kept for good under that name too.
//!
//! The same files stay at their plain addresses (`/pkg/<file>`), which a
//! browser must check with the server before each use (`no-cache`): it
//! names the date of the copy it has, and gets `304 Not Modified` while
//! that is the file's. A request under another version
//! than this instance's (a page rendered before an upgrade, or by another
//! instance) gets the current file, which no browser may keep.

use std::path::Path;

use app::ssr::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};

/// Where the site's bundle files lie, and the start of their plain address.
pub const PKG: &str = "pkg";

/// How Leptos's `site_pkg_dir` begins when the bundle has a version.
const VERSIONED: &str = "pkg/v-";

/// The folder under which pages name the bundle, as Leptos's `site_pkg_dir`
/// (no leading slash): `pkg/v-<version>`, or `pkg` for a site without a
/// bundle.
pub fn pkg_dir(version: Option<&str>) -> String {
    match version {
        Some(version) => format!("{VERSIONED}{version}"),
        None => PKG.to_string(),
    }
}

/// The version of the bundle in `site_root` (see [`site_version`]), read
/// once per site by this process: several portals in one process (as the
/// tests run them) share it instead of hashing the bundle each.
pub fn version_of(site_root: &Path) -> Option<String> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock, PoisonError};
    static READ: OnceLock<Mutex<HashMap<std::path::PathBuf, Option<String>>>> = OnceLock::new();
    let mut read = READ
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    read.entry(site_root.to_path_buf())
        .or_insert_with(|| site_version(site_root))
        .clone()
}

/// The version of the bundle in `site_root`: the first 16 hex digits of a
/// SHA-256 over the name and contents of each script, WebAssembly and
/// stylesheet file directly in its `pkg` folder, by name. `None` when there
/// is none (a server started without a built site).
pub fn site_version(site_root: &Path) -> Option<String> {
    let mut files: Vec<_> = std::fs::read_dir(site_root.join(PKG))
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.is_file()
                && path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| matches!(e, "js" | "wasm" | "css"))
        })
        .collect();
    if files.is_empty() {
        return None;
    }
    files.sort();
    let mut hash = Sha256::new();
    for path in &files {
        let name = path.file_name()?.to_string_lossy();
        let contents = std::fs::read(path).ok()?;
        hash.update((name.len() as u64).to_le_bytes());
        hash.update(name.as_bytes());
        hash.update((contents.len() as u64).to_le_bytes());
        hash.update(&contents);
    }
    let digest = hash.finalize();
    Some(digest[..8].iter().map(|b| format!("{b:02x}")).collect())
}

/// What a request's path asks of the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Asked {
    /// A file under this instance's version: its plain path.
    Current(String),
    /// A file under another version: its plain path.
    Other(String),
    /// A file at its plain address.
    Plain,
    /// Nothing of the bundle.
    Elsewhere,
    /// A version folder without a file in it.
    Unversioned,
}

/// Reads `path` against this instance's `version`.
fn asked(path: &str, version: Option<&str>) -> Asked {
    let Some(under) = path.strip_prefix("/pkg/") else {
        return Asked::Elsewhere;
    };
    let Some(versioned) = under.strip_prefix("v-") else {
        return Asked::Plain;
    };
    let Some((asked_version, file)) = versioned.split_once('/') else {
        return Asked::Unversioned;
    };
    if file.is_empty() {
        return Asked::Unversioned;
    }
    let plain = format!("/pkg/{file}");
    if version == Some(asked_version) {
        Asked::Current(plain)
    } else {
        Asked::Other(plain)
    }
}

/// Serves `/pkg/v-<version>/<file>` as `/pkg/<file>`, and says how long a
/// browser may keep each file of the bundle (see the module's text). Other
/// requests pass untouched.
pub async fn serve_versioned(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    // Read on every request: nothing is allocated for it.
    let version = state.leptos_options.site_pkg_dir.strip_prefix(VERSIONED);
    let caching = match asked(req.uri().path(), version) {
        Asked::Elsewhere | Asked::Unversioned => return next.run(req).await,
        // A catalogue is named with its own hash in the query.
        Asked::Plain if names_a_catalogue(req.uri()) => FOR_GOOD,
        Asked::Plain => "no-cache",
        Asked::Current(plain) => {
            *req.uri_mut() = with_path(req.uri(), &plain);
            FOR_GOOD
        }
        Asked::Other(plain) => {
            *req.uri_mut() = with_path(req.uri(), &plain);
            "no-store"
        }
    };
    let checked_since = req.headers().get(header::IF_MODIFIED_SINCE).cloned();
    let mut response = next.run(req).await;
    if !response.status().is_success() {
        return response;
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(caching));
    // The file handler sends every file whole; a browser checking the copy
    // it has (naming the date it was given) learns that it is current.
    if response.status() == StatusCode::OK
        && checked_since.is_some()
        && response.headers().get(header::LAST_MODIFIED) == checked_since.as_ref()
    {
        let (mut parts, _) = response.into_parts();
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    response
}

/// How a file under a name that changes with its contents is kept.
const FOR_GOOD: &str = "public, max-age=31536000, immutable";

/// Whether `uri` is a reader's catalogue as pages name it, the hash of its
/// contents in its query (`app::i18n::Locale::catalogue_path`).
fn names_a_catalogue(uri: &Uri) -> bool {
    let asked = uri.path_and_query().map_or("", |p| p.as_str());
    app::i18n::Locale::ALL
        .into_iter()
        .any(|locale| locale.catalogue_path() == asked)
}

/// `uri` with its path replaced by `path` (its query kept).
fn with_path(uri: &Uri, path: &str) -> Uri {
    let path_and_query = match uri.query() {
        Some(query) => format!("{path}?{query}"),
        None => path.to_string(),
    };
    Uri::builder()
        .path_and_query(path_and_query)
        .build()
        .unwrap_or_else(|_| uri.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_versioned_address_is_the_plain_file_under_its_version() {
        let current = Some("0123456789abcdef");
        assert_eq!(
            asked("/pkg/v-0123456789abcdef/portal-order.wasm", current),
            Asked::Current("/pkg/portal-order.wasm".into())
        );
        assert_eq!(
            asked("/pkg/v-fedcba9876543210/portal-order.js", current),
            Asked::Other("/pkg/portal-order.js".into())
        );
        // A site without a bundle has no version: every version is another.
        assert_eq!(
            asked("/pkg/v-0123456789abcdef/portal.css", None),
            Asked::Other("/pkg/portal.css".into())
        );
        assert_eq!(asked("/pkg/portal.css", current), Asked::Plain);
        assert_eq!(asked("/pkg/messages/en.ftl", current), Asked::Plain);
        assert_eq!(asked("/customer/orders/7", current), Asked::Elsewhere);
        assert_eq!(asked("/pkgs/portal.css", current), Asked::Elsewhere);
        assert_eq!(
            asked("/pkg/v-0123456789abcdef", current),
            Asked::Unversioned
        );
        assert_eq!(
            asked("/pkg/v-0123456789abcdef/", current),
            Asked::Unversioned
        );
    }

    #[test]
    fn the_version_follows_every_file_of_the_bundle() {
        let site = tempfile::tempdir().unwrap();
        assert_eq!(site_version(site.path()), None, "no pkg folder");
        let pkg = site.path().join(PKG);
        std::fs::create_dir(&pkg).unwrap();
        assert_eq!(site_version(site.path()), None, "an empty pkg folder");
        std::fs::write(pkg.join("portal.js"), "one").unwrap();
        std::fs::write(pkg.join("portal.wasm"), [0u8, 97, 115, 109]).unwrap();
        std::fs::write(pkg.join("portal.css"), "body {}").unwrap();
        let first = site_version(site.path()).unwrap();
        assert_eq!(first.len(), 16);
        assert!(first.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(site_version(site.path()).as_ref(), Some(&first));
        // Compressed copies and catalogues do not move it.
        std::fs::write(pkg.join("portal.js.gz"), "zipped").unwrap();
        std::fs::create_dir(pkg.join("messages")).unwrap();
        std::fs::write(pkg.join("messages").join("en.ftl"), "a = b").unwrap();
        assert_eq!(site_version(site.path()).as_ref(), Some(&first));
        // A changed script, stylesheet or WebAssembly file does.
        for (file, contents) in [
            ("portal.js", "two"),
            ("portal.css", "body { margin: 0 }"),
            ("portal.wasm", "\0asm\u{1}"),
        ] {
            let before = site_version(site.path()).unwrap();
            std::fs::write(pkg.join(file), contents).unwrap();
            assert_ne!(site_version(site.path()).unwrap(), before, "{file}");
        }
        // So does a file added, or one renamed.
        let before = site_version(site.path()).unwrap();
        std::fs::write(pkg.join("portal-order.js"), "two").unwrap();
        assert_ne!(site_version(site.path()).unwrap(), before);
        let before = site_version(site.path()).unwrap();
        std::fs::rename(pkg.join("portal-order.js"), pkg.join("portal-quotes.js")).unwrap();
        assert_ne!(site_version(site.path()).unwrap(), before);
    }

    #[test]
    fn a_catalogue_is_known_by_the_hash_in_its_name() {
        for locale in app::i18n::Locale::ALL {
            let named: Uri = locale.catalogue_path().parse().unwrap();
            assert!(names_a_catalogue(&named), "{named}");
            let plain: Uri = named.path().parse().unwrap();
            assert!(!names_a_catalogue(&plain), "{plain}");
            let other: Uri = format!("{}?v=0000000000000000", named.path())
                .parse()
                .unwrap();
            assert!(!names_a_catalogue(&other), "{other}");
        }
    }

    #[test]
    fn a_rewritten_address_keeps_its_query() {
        let uri: Uri = "/pkg/v-0123456789abcdef/portal.css?x=1".parse().unwrap();
        assert_eq!(
            with_path(&uri, "/pkg/portal.css").to_string(),
            "/pkg/portal.css?x=1"
        );
        assert_eq!(
            with_path(&"/pkg/v-1/a.js".parse().unwrap(), "/pkg/a.js").to_string(),
            "/pkg/a.js"
        );
    }
}
