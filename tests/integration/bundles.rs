//! The browser bundles: customers, factories and visitors get the partners'
//! bundle (every page but the house's own), the house and every page of the
//! house's area the whole bundle; a page of the house's area reached inside
//! the partners' bundle comes anew with the whole one. A factory's list and
//! line pages, a customer's first page, its order pages and its inquiry and
//! quotation pages, and both partners' complaint, account and notification
//! pages are written as islands and come with an islands' bundle of their
//! own, which wakes only those. No bundle holds a catalogue: a page names
//! its reader's, which the site serves beside the bundles.

use app::i18n::Locale;
use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{
    TestApp, eventually, get_in_language, new_client, site_root, spawn_app, unversioned,
};
use std::time::Duration;

const WHOLE: &str = "/pkg/portal.js";
const PARTNERS: &str = "/pkg/portal-partners.js";
const FACTORY: &str = "/pkg/portal-factory.js";
const LINE: &str = "/pkg/portal-factory-line.js";
const COMPLAINTS: &str = "/pkg/portal-complaints.js";
const CUSTOMER: &str = "/pkg/portal-customer.js";
const ORDER: &str = "/pkg/portal-order.js";
const QUOTES: &str = "/pkg/portal-quotes.js";
const ACCOUNT: &str = "/pkg/portal-account.js";

/// The bundle the page has the browser fetch once it works, for the page
/// its readers open next (the last argument of its islands' script).
fn next_named(html: &str) -> Option<&str> {
    let call = html.split(".catch(").next()?;
    let (_, last) = call.rsplit_once(", ")?;
    last.strip_suffix(')')?.strip_prefix('"')?.strip_suffix('"')
}

/// Which bundle's script a page loads (by its file, whatever its version).
async fn bundle_of(app: &TestApp, client: &reqwest::Client, path: &str) -> &'static str {
    let html = client
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let html = unversioned(&html);
    let named: Vec<_> = [
        WHOLE, PARTNERS, FACTORY, LINE, COMPLAINTS, CUSTOMER, ORDER, QUOTES, ACCOUNT,
    ]
    .into_iter()
    .filter(|script| html.contains(script))
    .collect();
    match named[..] {
        [script] => script,
        _ => panic!("{path}: not one bundle named but {named:?} in {html}"),
    }
}

/// Follows the link `css` and waits until the page at `path` works.
async fn follow(browser: &Browser, css: &str, path: &str) {
    browser.click(css).await;
    let moved = eventually(Duration::from_secs(20), || async {
        browser.client.current_url().await.unwrap().path() == path
    })
    .await;
    assert!(moved, "{path} opens");
    browser.wait_hydrated().await;
}

/// Asserts that the page in hand woke from `wasm` alone and shows its
/// `heading`.
async fn works_on(browser: &Browser, wasm: &str, heading: &str) {
    assert_eq!(browser.loaded_bundles().await, [wasm]);
    browser
        .wait_for_text(heading, Duration::from_secs(20), |t| !t.is_empty())
        .await;
}

/// Asserts that each of `paths` names `bundle` when `client` (`who`) opens it.
async fn expect_bundle(
    app: &TestApp,
    (who, client): (&str, &reqwest::Client),
    paths: &[&str],
    bundle: &str,
) {
    for path in paths {
        assert_eq!(bundle_of(app, client, path).await, bundle, "{who} {path}");
    }
}

#[tokio::test]
async fn each_page_names_the_bundle_that_can_hydrate_it() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let visitor = ("visitor", &new_client());
    expect_bundle(&app, visitor, &["/", "/login", "/reset-password"], PARTNERS).await;
    let customer = (
        "customer",
        &app.client_for(&cast.customer.email, PASSWORD).await,
    );
    let order = format!("/customer/orders/{}", cast.order_a);
    let confirmation = format!("{order}/confirmation");
    expect_bundle(&app, customer, &["/no/such/page"], PARTNERS).await;
    let settings = ["/account", "/account/two-factor", "/notifications"];
    expect_bundle(&app, customer, &settings, ACCOUNT).await;
    // Twice: the second answer is the kept page. The confirmation has no
    // island of its own and comes with the smallest bundle.
    let first = ["/customer", "/customer", &confirmation, &confirmation];
    expect_bundle(&app, customer, &first, CUSTOMER).await;
    expect_bundle(&app, customer, &[&order, &order], ORDER).await;
    let quotes = [
        "/customer/inquiries",
        "/customer/inquiries",
        "/customer/quotations/1",
    ];
    expect_bundle(&app, customer, &quotes, QUOTES).await;
    let complaints = ["/customer/complaints", "/customer/complaints/1"];
    expect_bundle(&app, customer, &complaints, COMPLAINTS).await;
    // Not theirs, but whatever it shows must hydrate.
    expect_bundle(
        &app,
        customer,
        &["/staff", "/staff/orders", "/admin"],
        WHOLE,
    )
    .await;
    let factory = (
        "factory",
        &app.client_for(&cast.supplier.email, PASSWORD).await,
    );
    let line = format!("/supplier/lines/{}", cast.po_line_a);
    // Twice, as above.
    expect_bundle(&app, factory, &["/supplier", "/supplier"], FACTORY).await;
    expect_bundle(&app, factory, &[&line, &line], LINE).await;
    // Each list names the bundle of the page it leads to, for the browser
    // to fetch once the list works; the pages it leads to name none.
    for (client, path, next) in [
        (factory.1, "/supplier", Some("/pkg/portal-factory-line")),
        (customer.1, "/customer", Some("/pkg/portal-order")),
        (factory.1, line.as_str(), None),
        (customer.1, order.as_str(), None),
    ] {
        let html = client.get(app.url(path)).send().await.unwrap();
        let html = unversioned(&html.text().await.unwrap());
        assert!(html.contains(".catch("), "{path}: no islands' script");
        assert_eq!(next_named(&html), next, "{path}");
    }
    let complaints = ["/supplier/complaints", "/supplier/complaints/1"];
    expect_bundle(&app, factory, &complaints, COMPLAINTS).await;
    expect_bundle(&app, factory, &settings, ACCOUNT).await;
    // Nobody sees another role's islands.
    expect_bundle(&app, customer, &["/supplier", &line], PARTNERS).await;
    expect_bundle(&app, factory, &["/customer", &order], PARTNERS).await;
    for person in [&cast.staff, &cast.admin] {
        let house = (
            person.email.as_str(),
            &app.client_for(&person.email, PASSWORD).await,
        );
        let everywhere = [
            "/",
            "/login",
            "/account",
            "/notifications",
            "/staff",
            "/staff/orders",
            "/admin",
        ];
        expect_bundle(&app, house, &everywhere, WHOLE).await;
    }
}

/// The catalogue a page names for its browser to fetch.
fn catalogue_named(html: &str) -> &str {
    let link = html
        .split("<link")
        .find(|tag| tag.contains(r#"id="catalogue""#))
        .unwrap_or_else(|| panic!("no catalogue link in {html}"));
    let href = link.split(r#"href=""#).nth(1).expect("the link's href");
    href.split('"').next().unwrap()
}

#[tokio::test]
async fn each_page_names_its_readers_catalogue_which_the_site_serves() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let visitor = new_client();
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let (status, body) = app.call(&factory, "auth/locale", &[("locale", "zh")]).await;
    assert_eq!(status, 200, "{body}");
    for (who, client, path, language, locale) in [
        ("visitor", &visitor, "/login", Some("de-DE,de"), Locale::De),
        ("visitor", &visitor, "/", None, Locale::En),
        (
            "factory",
            &factory,
            "/supplier",
            Some("de-DE,de"),
            Locale::Zh,
        ),
    ] {
        let html = get_in_language(client, &app.url(path), language)
            .await
            .text()
            .await
            .unwrap();
        let named = catalogue_named(&html);
        assert_eq!(named, Locale::catalogue_path(locale), "{who} {path}");
        let file = visitor.get(app.url(named)).send().await.unwrap();
        assert_eq!(file.status(), 200, "{named}");
        assert_eq!(file.text().await.unwrap(), locale.catalogue(), "{named}");
        // Compressed, as the bundle is.
        let gzip = visitor
            .get(app.url(named))
            .header("accept-encoding", "gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(gzip.headers()["content-encoding"], "gzip", "{named}");
        let sent = gzip.bytes().await.unwrap().len();
        assert!(sent * 2 < locale.catalogue().len(), "{named}: {sent} bytes");
    }
    let unknown = visitor
        .get(app.url("/pkg/messages/xx.ftl"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);

    // No bundle carries a catalogue of its own.
    for bundle in integration_tests::bundle_files().filter(|f| f.ends_with(".wasm")) {
        let file = site_root().join("pkg").join(&bundle);
        let wasm = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for locale in Locale::ALL {
            let line = locale
                .catalogue()
                .lines()
                .find(|l| l.starts_with("login-title ="))
                .unwrap();
            let found = wasm.windows(line.len()).any(|w| w == line.as_bytes());
            assert!(!found, "{bundle} holds {line:?}");
        }
    }
}

/// What the open page loaded, once each has arrived, as the browser timed
/// it: the address's path (without the bundle's version), what asked for it (`fetch`, `script`, `link`…)
/// and how many bytes it took over the network (0: from the cache).
async fn resources(browser: &Browser) -> Vec<(String, String, u64)> {
    let loaded = browser
        .client
        .execute(
            "return performance.getEntriesByType('resource')
                .filter(e => e.responseEnd > 0)
                .map(e => [new URL(e.name).pathname, e.initiatorType, e.transferSize]);",
            vec![],
        )
        .await
        .unwrap();
    let loaded: Vec<(String, String, u64)> = serde_json::from_value(loaded).unwrap();
    loaded
        .into_iter()
        .map(|(path, by, bytes)| (unversioned(&path), by, bytes))
        .collect()
}

/// How many bytes the open page's `.wasm` files took over the network, by
/// name (0: from the browser's cache), once each has arrived.
async fn wasm_transfers(browser: &Browser) -> Vec<(String, u64)> {
    resources(browser)
        .await
        .into_iter()
        .filter(|(path, _, _)| path.ends_with(".wasm"))
        .map(|(path, _, bytes)| (path, bytes))
        .collect()
}

/// Waits until the open page's `wasm` has come over the network (fetched
/// for a page opened later).
async fn arrives(browser: &Browser, wasm: &str) -> bool {
    eventually(Duration::from_secs(20), || async {
        wasm_transfers(browser)
            .await
            .iter()
            .any(|(name, bytes)| name == wasm && *bytes > 0)
    })
    .await
}

/// Asserts that the open page took its bundle's files (scripts,
/// WebAssembly, stylesheet, the reader's catalogue) from the browser's
/// cache without asking the server: not one byte over the network, not
/// even for a check that they are unchanged.
async fn kept_by_the_browser(browser: &Browser) {
    let bundle: Vec<_> = resources(browser)
        .await
        .into_iter()
        .filter(|(path, _, _)| path.starts_with("/pkg/"))
        .collect();
    for kind in [".wasm", ".js", ".css", ".ftl"] {
        assert!(
            bundle.iter().any(|(path, _, _)| path.ends_with(kind)),
            "no {kind} among the page's files: {bundle:?}"
        );
    }
    assert!(
        bundle.iter().all(|(_, _, bytes)| *bytes == 0),
        "asked the server again: {bundle:?}"
    );
}

/// Asserts that the open page's bundles came from the browser's cache.
async fn all_from_the_cache(browser: &Browser) {
    let transfers = wasm_transfers(browser).await;
    assert!(
        transfers.iter().all(|(_, bytes)| *bytes < 1_000),
        "downloaded again: {transfers:?}"
    );
}

#[tokio::test]
async fn partners_pages_work_on_their_bundle_and_the_house_area_comes_whole() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let browser = Browser::launch(1280, 900).await;
    browser
        .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
        .await;
    browser.open_hydrated(&app.url("/no/such/page")).await;
    assert_eq!(
        browser.loaded_bundles().await,
        ["/pkg/portal-partners.wasm"]
    );
    browser
        .wait_for_text("main h1", Duration::from_secs(20), |t| !t.is_empty())
        .await;

    // A link into the house's area, followed inside the page: the partners'
    // bundle has no such page, so it is loaded anew, with the whole bundle.
    browser.mark_page().await;
    browser
        .client
        .execute(
            "const a = document.createElement('a');
             a.id = 'to-house'; a.href = '/staff/orders'; a.textContent = 'house';
             document.body.appendChild(a);",
            vec![],
        )
        .await
        .unwrap();
    browser.click("#to-house").await;
    browser
        .wait_for_text("#forbidden h1", Duration::from_secs(20), |t| {
            t == "Not allowed"
        })
        .await;
    browser.wait_hydrated().await;
    let reloaded = browser
        .client
        .execute("return window.__stillTheSamePage !== true;", vec![])
        .await
        .unwrap();
    assert_eq!(reloaded, serde_json::Value::Bool(true), "not loaded anew");
    assert_eq!(
        browser.client.current_url().await.unwrap().path(),
        "/staff/orders"
    );
    assert_eq!(browser.loaded_bundles().await, ["/pkg/portal.wasm"]);
    browser.close().await;

    // The house signs in on a page of the partners' bundle and lands in its
    // area on the whole one.
    let browser = Browser::launch(1280, 900).await;
    browser.open_hydrated(&app.url("/login")).await;
    assert_eq!(
        browser.loaded_bundles().await,
        ["/pkg/portal-partners.wasm"]
    );
    browser
        .sign_in(&app.address, &cast.staff.email, PASSWORD)
        .await;
    let in_the_house_area = eventually(Duration::from_secs(40), || async {
        browser.client.current_url().await.unwrap().path() == "/staff"
    })
    .await;
    assert!(in_the_house_area, "signed in, the house's area opens");
    browser.wait_hydrated().await;
    assert_eq!(browser.loaded_bundles().await, ["/pkg/portal.wasm"]);
    browser.close().await;
}

#[tokio::test]
async fn a_factory_works_on_its_islands_and_the_rest_of_its_area_comes_whole() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let browser = Browser::launch(412, 915).await;
    browser
        .sign_in_and_wait(&app.address, &cast.supplier.email, PASSWORD)
        .await;
    // From an empty cache, as on a first visit.
    browser.cdp("Network.enable", serde_json::json!({})).await;
    browser
        .cdp("Network.clearBrowserCache", serde_json::json!({}))
        .await;
    browser.open_hydrated(&app.url("/supplier")).await;
    assert_eq!(browser.loaded_bundles().await, ["/pkg/portal-factory.wasm"]);
    let card = format!("[data-po-line='{}']", cast.po_line_a);
    browser
        .wait_for_text(&card, Duration::from_secs(20), |t| t.contains("PO-A-1"))
        .await;

    // The list's filter is an island: it asks the server again in place.
    browser.mark_page().await;
    browser.set_value("#line-show", "done").await;
    browser
        .wait_for_text("#bulk-form", Duration::from_secs(20), |t| {
            !t.contains("PO-A-1")
        })
        .await;
    browser.set_value("#line-show", "open").await;
    browser
        .wait_for_text(&card, Duration::from_secs(20), |t| t.contains("PO-A-1"))
        .await;
    browser.assert_not_reloaded().await;

    // Once the list works, the browser fetches the line page's bundle, and
    // the line page, opened from its card, finds it in the cache.
    assert!(
        arrives(&browser, "/pkg/portal-factory-line.wasm").await,
        "the line page's bundle is fetched for later"
    );
    browser
        .click(&format!(
            "{card} a[href='/supplier/lines/{}']",
            cast.po_line_a
        ))
        .await;
    browser
        .wait_for_text("#progress-form", Duration::from_secs(20), |_| true)
        .await;
    browser.wait_hydrated().await;
    assert_eq!(
        browser.loaded_bundles().await,
        ["/pkg/portal-factory-line.wasm"]
    );
    all_from_the_cache(&browser).await;
    // The line page's form is an island: a report is answered in place.
    browser.mark_page().await;
    browser
        .type_into(
            "#progress-form textarea[name='note']",
            "glaze batch two fired",
        )
        .await;
    browser.click("#progress-form button[type='submit']").await;
    browser
        .wait_for_text("#progress-history", Duration::from_secs(20), |t| {
            t.contains("glaze batch two fired")
        })
        .await;
    browser.assert_not_reloaded().await;

    // A link out of the islands loads the next page anew; the complaints
    // come with islands of their own.
    let complaints = "/supplier/complaints";
    follow(&browser, &format!("a[href='{complaints}']"), complaints).await;
    works_on(&browser, "/pkg/portal-complaints.wasm", "main h1").await;

    // Its notifications and account come with the account pages' bundle;
    // the account page's link to two-factor sign-in opens that page on it.
    let account = "/pkg/portal-account.wasm";
    browser.open_hydrated(&app.url("/notifications")).await;
    works_on(&browser, account, "main h1").await;
    browser.open_hydrated(&app.url("/account")).await;
    works_on(&browser, account, "#change-password-form").await;
    follow(&browser, "#two-factor-link", "/account/two-factor").await;
    works_on(&browser, account, "#two-factor h1").await;

    // Back on its list, the phone has the list's bundle, stylesheet and
    // catalogue at hand and does not ask for them again; signing out works
    // there too.
    browser.open_hydrated(&app.url("/supplier")).await;
    kept_by_the_browser(&browser).await;
    browser.click("#sign-out").await;
    let out = eventually(Duration::from_secs(20), || async {
        browser.client.current_url().await.unwrap().path() == "/"
    })
    .await;
    assert!(out, "signed out, the front page opens");
    browser.wait_hydrated().await;
    browser
        .wait_for_text(".nav-signin", Duration::from_secs(20), |t| !t.is_empty())
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_customer_works_on_the_islands_of_its_first_page_and_its_orders() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let browser = Browser::launch(412, 915).await;
    browser
        .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
        .await;
    // From an empty cache, as on a first visit.
    browser.cdp("Network.enable", serde_json::json!({})).await;
    browser
        .cdp("Network.clearBrowserCache", serde_json::json!({}))
        .await;
    browser.open_hydrated(&app.url("/customer")).await;
    assert_eq!(
        browser.loaded_bundles().await,
        ["/pkg/portal-customer.wasm"]
    );
    let row = "tr[data-order='SO-A-1']";
    browser
        .wait_for_text(row, Duration::from_secs(20), |t| {
            t.contains("In production")
        })
        .await;

    // The list's search is an island: it asks the server again in place.
    browser.mark_page().await;
    browser.set_value("#order-search", "no such order").await;
    browser
        .wait_for_text("#customer-orders", Duration::from_secs(20), |t| {
            !t.contains("SO-A-1") && t.contains("No orders")
        })
        .await;
    browser.set_value("#order-search", "").await;
    browser
        .wait_for_text(row, Duration::from_secs(20), |t| {
            t.contains("In production")
        })
        .await;

    // The list follows the live stream: the house moves the order on.
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    app.move_order(&staff, cast.order_a, "ready", 1).await;
    browser
        .wait_for_text(row, Duration::from_secs(20), |t| t.contains("Ready"))
        .await;
    browser.assert_not_reloaded().await;

    // Once the list works, the browser fetches the order page's bundle,
    // and the order's link loads its page anew with the order page's
    // islands, from the cache.
    assert!(
        arrives(&browser, "/pkg/portal-order.wasm").await,
        "the order page's bundle is fetched for later"
    );
    browser.click(&format!("{row} a")).await;
    browser
        .wait_for_text("#order-status", Duration::from_secs(20), |t| t == "Ready")
        .await;
    browser.wait_hydrated().await;
    assert_eq!(
        browser.client.current_url().await.unwrap().path(),
        format!("/customer/orders/{}", cast.order_a)
    );
    assert_eq!(browser.loaded_bundles().await, ["/pkg/portal-order.wasm"]);
    all_from_the_cache(&browser).await;
    let title = browser.client.title().await.unwrap();
    assert!(title.contains("SO-A-1"), "{title}");

    // The order's read-only parts are the server's: when the house ships
    // the order, the page fetches itself anew and puts the server's parts
    // in place (the status, and the complaint link that shipping brings),
    // while the customer's own step, in the page's islands, appears too
    // and works.
    browser.mark_page().await;
    app.move_order(&staff, cast.order_a, "shipped", 2).await;
    browser
        .wait_for_text("#order-status", Duration::from_secs(20), |t| t == "Shipped")
        .await;
    browser
        .element(
            "[data-part=order-facts] #file-complaint",
            Duration::from_secs(20),
        )
        .await;
    let page = format!("/customer/orders/{}", cast.order_a);
    let loaded = resources(&browser).await;
    assert!(
        loaded
            .iter()
            .any(|(path, by, _)| *path == page && by == "fetch"),
        "the page fetched itself: {loaded:?}"
    );
    browser.click("button[data-move-to=arrived]").await;
    browser
        .wait_for_text("#order-status", Duration::from_secs(20), |t| t == "Arrived")
        .await;
    browser.assert_not_reloaded().await;

    // The inquiries come with the quotations' islands, and the complaints
    // with the complaint pages' (the factory's too).
    browser.open_hydrated(&app.url("/customer/inquiries")).await;
    works_on(&browser, "/pkg/portal-quotes.wasm", "main h1").await;
    browser
        .open_hydrated(&app.url("/customer/complaints"))
        .await;
    works_on(&browser, "/pkg/portal-complaints.wasm", "main h1").await;
    browser
        .wait_for_text("main h1", Duration::from_secs(20), |t| t == "Complaints")
        .await;

    // Back on the first page, signing out works there too.
    browser.open_hydrated(&app.url("/customer")).await;
    browser.click("#sign-out").await;
    let out = eventually(Duration::from_secs(20), || async {
        browser.client.current_url().await.unwrap().path() == "/"
    })
    .await;
    assert!(out, "signed out, the front page opens");
    browser.close().await;
}
