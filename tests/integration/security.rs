//! Request-wide protections: security headers and cross-site request refusal.

use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{SpawnOptions, TestApp, get_with, new_client, spawn_app, spawn_app_with};

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in [
        "/",
        "/healthz",
        "/login",
        "/pkg/portal.css",
        "/nothing-here",
    ] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("object-src 'none'"), "{path}: {csp}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        assert!(
            !headers.contains_key("strict-transport-security"),
            "no HSTS over http"
        );
    }
}

#[tokio::test]
async fn pages_restrict_scripts_to_this_responses_nonce() {
    let app = spawn_app().await;
    let html = app.get("/").await.text().await.unwrap();
    let start = html
        .find("http-equiv=\"Content-Security-Policy\"")
        .expect("CSP meta tag");
    let meta = &html[start..html[start..].find('>').unwrap() + start];
    let nonce_start = meta.find("'nonce-").expect("a nonce") + "'nonce-".len();
    let nonce: String = meta[nonce_start..]
        .chars()
        .take_while(|c| *c != '\'')
        .collect();
    assert!(nonce.len() >= 16, "{meta}");
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "the hydration script carries it"
    );
    let again = app.get("/").await.text().await.unwrap();
    assert!(!again.contains(&nonce), "a fresh nonce per response");
}

#[tokio::test]
async fn cross_site_posts_are_refused_and_same_site_ones_pass() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let form = [
        ("email", cast.customer.email.as_str()),
        ("password", PASSWORD),
    ];
    let cross_site = app
        .client
        .post(app.url("/api/auth/login"))
        .header("sec-fetch-site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), 403);
    assert!(!cross_site.headers().contains_key("set-cookie"));
    let foreign_origin = app
        .client
        .post(app.url("/api/auth/login"))
        .header("origin", "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(foreign_origin.status(), 403);
    let same_origin = app
        .client
        .post(app.url("/api/auth/login"))
        .header("sec-fetch-site", "same-origin")
        .header("origin", app.address.as_str())
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(same_origin.status(), 200);
}

#[tokio::test]
async fn over_https_cookies_are_secure_and_hsts_is_sent() {
    let app = spawn_app_with(SpawnOptions {
        public_url: Some("https://portal.example.com".into()),
        ..Default::default()
    })
    .await;
    let cast = create_cast(&app).await;
    let response = app.get("/").await;
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
    let login = app
        .client
        .post(app.url("/api/auth/login"))
        .form(&[
            ("email", cast.customer.email.as_str()),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    let cookie = login.headers()["set-cookie"].to_str().unwrap();
    // `__Host-`: Secure, for the whole site, and for this host alone.
    assert!(cookie.starts_with("__Host-portal_session="), "{cookie}");
    assert!(cookie.contains("; Path=/;"), "{cookie}");
    assert!(cookie.ends_with("; Secure"), "{cookie}");
    assert!(!cookie.to_ascii_lowercase().contains("domain"), "{cookie}");
}

/// Who the portal takes a request with this `Cookie` header for.
async fn me_with_cookie(app: &TestApp, cookie: &str) -> String {
    let response = reqwest::Client::new()
        .post(app.url("/api/auth/me"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

#[tokio::test]
async fn over_https_only_the_host_bound_cookie_carries_a_session() {
    let app = spawn_app_with(SpawnOptions {
        public_url: Some("https://portal.example.com".into()),
        ..Default::default()
    })
    .await;
    let cast = create_cast(&app).await;
    let login = new_client()
        .post(app.url("/api/auth/login"))
        .form(&[
            ("email", cast.customer.email.as_str()),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    let cookie = login.headers()["set-cookie"].to_str().unwrap().to_string();
    let token = cookie
        .strip_prefix("__Host-portal_session=")
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_else(|| panic!("{cookie}"));
    let signed_in = me_with_cookie(&app, &format!("__Host-portal_session={token}")).await;
    assert!(signed_in.contains(&cast.customer.email), "{signed_in}");
    // A cookie under the plain name could have been planted by another host
    // of the domain; over https it is nobody's session.
    let planted = me_with_cookie(&app, &format!("portal_session={token}")).await;
    assert_eq!(planted, "null");
}

#[tokio::test]
async fn signed_in_answers_are_never_stored_but_the_bundle_may_be() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let no_fields: &[(&str, &str)] = &[];
    let answers = [
        ("/customer", get_with(&buyer, &app.url("/customer")).await),
        (
            "/api/orders/list",
            buyer
                .post(app.url("/api/orders/list"))
                .form(no_fields)
                .send()
                .await
                .unwrap(),
        ),
        (
            "/exports/orders.csv",
            get_with(&buyer, &app.url("/exports/orders.csv")).await,
        ),
    ];
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let more = [
        (
            "/exports/kpi/products.csv",
            get_with(&staff, &app.url("/exports/kpi/products.csv")).await,
        ),
        ("/staff", get_with(&staff, &app.url("/staff")).await),
    ];
    for (path, response) in answers.into_iter().chain(more) {
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            response
                .headers()
                .get("cache-control")
                .and_then(|v| v.to_str().ok()),
            Some("no-store"),
            "{path}"
        );
    }
    // Under /pkg/ only the bundle's files may be kept: a missing one gets
    // the not-found page, rendered for the person signed in.
    let missing = get_with(&buyer, &app.url("/pkg/no-such-file.js")).await;
    assert_eq!(missing.status(), 404);
    assert_eq!(
        missing
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store"),
        "/pkg/no-such-file.js"
    );
    let bundle = app.get("/pkg/portal.css").await;
    let caching = bundle
        .headers()
        .get("cache-control")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(!caching.contains("no-store"), "/pkg/portal.css: {caching}");
}

/// The `Cache-Control` of an answer, or "" without one.
fn caching(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("cache-control")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn browsers_keep_the_bundle_for_good_under_its_version_and_check_it_elsewhere() {
    let app = spawn_app().await;
    let html = app.get("/login").await.text().await.unwrap();
    let at = html.find("/pkg/v-").expect("the bundle under a version") + "/pkg/v-".len();
    let version = &html[at..at + 16];
    assert!(version.bytes().all(|b| b.is_ascii_hexdigit()), "{version}");
    for file in ["portal-partners.js", "portal-partners.wasm", "portal.css"] {
        let path = format!("/pkg/v-{version}/{file}");
        assert!(html.contains(&path), "{path} not named in {html}");
        let answer = app.get(&path).await;
        assert_eq!(answer.status(), 200, "{path}");
        assert_eq!(
            caching(&answer),
            "public, max-age=31536000, immutable",
            "{path}"
        );
        let on_disk = std::fs::read(integration_tests::site_root().join("pkg").join(file)).unwrap();
        assert!(
            answer.bytes().await.unwrap() == on_disk,
            "{path}: not the file"
        );
    }
    // So is the reader's catalogue, named with its hash.
    let catalogue = app::i18n::Locale::En.catalogue_path();
    assert!(html.contains(catalogue), "{catalogue} not named in {html}");
    let answer = app.get(catalogue).await;
    assert_eq!(answer.status(), 200, "{catalogue}");
    assert_eq!(caching(&answer), "public, max-age=31536000, immutable");
    let unhashed = app.get("/pkg/messages/en.ftl").await;
    assert_eq!(caching(&unhashed), "no-cache");
    // At its plain address a file is checked with the server before each
    // use, and an unchanged one is not sent again.
    let plain = app.get("/pkg/portal.css").await;
    assert_eq!(caching(&plain), "no-cache");
    let modified = plain.headers()["last-modified"].clone();
    let again = app
        .client
        .get(app.url("/pkg/portal.css"))
        .header("if-modified-since", modified)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert_eq!(caching(&again), "no-cache");
    // Under another version (a page rendered before an upgrade) the
    // current file comes, which no browser may keep; a missing file under
    // the version is not found, and not kept either.
    let other = if version == "0000000000000000" {
        "1111111111111111"
    } else {
        "0000000000000000"
    };
    let old = app.get(&format!("/pkg/v-{other}/portal.css")).await;
    assert_eq!(old.status(), 200);
    assert_eq!(caching(&old), "no-store");
    let missing = app.get(&format!("/pkg/v-{version}/no-such-file.js")).await;
    assert_eq!(missing.status(), 404);
    assert_eq!(caching(&missing), "no-store");
}

#[tokio::test]
async fn a_plain_http_origin_is_not_the_https_portal() {
    let app = spawn_app_with(SpawnOptions {
        public_url: Some("https://portal.example.com".into()),
        ..Default::default()
    })
    .await;
    let cast = create_cast(&app).await;
    let form = [
        ("email", cast.customer.email.as_str()),
        ("password", PASSWORD),
    ];
    // Same host as the request's Host header; only the scheme differs.
    let plain = app
        .client
        .post(app.url("/api/auth/login"))
        .header("origin", app.address.as_str())
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), 403);
    assert!(!plain.headers().contains_key("set-cookie"));
    let secure = app
        .client
        .post(app.url("/api/auth/login"))
        .header("origin", app.address.replacen("http://", "https://", 1))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(secure.status(), 200);
}
