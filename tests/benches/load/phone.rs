//! `--phone N`: what a phone downloads before a page works, and how long
//! that takes. The portal runs as its own process over a book of N lines;
//! headless Chromium, sized and touching like a phone, opens the factory's
//! line list and one of its lines, the customer's first page, one of its
//! orders and its inquiries with an empty cache, the network held to a
//! given speed and latency and the processor slowed fourfold
//! (Chrome DevTools' throttling). A page works when it has woken
//! (`data-hydrated="true"`): its buttons and forms answer. Bytes are as
//! they travelled (compressed), from the browser's own resource timings,
//! but for the files a page fetches at leisure for the next
//! (`<link rel="prefetch">`).
//! Needs the release bundle in `target/site/pkg` (`scripts/run.sh
//! --release` builds it).

use std::time::Duration;

use integration_tests::browser::Browser;
use serde_json::json;

use super::process::Server;
use super::{PASSWORD, Store};

/// One page on one network.
pub(super) struct PhoneRow {
    page: &'static str,
    network: &'static str,
    /// Median of the runs: until the page works.
    works_ms: f64,
    slowest_ms: f64,
    page_kb: f64,
    bundle_kb: f64,
    all_kb: f64,
}

/// Runs of each page on each network.
const RUNS: usize = 3;

/// (name, download kbit/s, latency ms): DevTools' "Fast 3G" (as
/// Lighthouse's mobile runs use) and an ordinary 4G line.
const NETWORKS: [(&str, u64, u64); 2] = [
    ("1.6 Mbit/s, 150 ms", 1_600, 150),
    ("10 Mbit/s, 40 ms", 10_000, 40),
];

pub(super) async fn run_phone(lines: usize, store: &Store) -> Vec<PhoneRow> {
    let (url, _dir) = store.fresh(&format!("phone_{lines}")).await;
    let (db, book) = super::generate_into(&url, lines, 42).await;
    db.close().await.unwrap();
    let server = Server::start(&url, true);
    server.settle().await;
    let mut rows = Vec::new();
    let order = format!("/customer/orders/{}", book.customer_orders[0]);
    let line = format!("/supplier/lines/{}", book.supplier_lines[0]);
    for (page, email, path) in [
        (
            "factory's line list `/supplier`",
            &book.supplier_email,
            "/supplier",
        ),
        (
            "factory's line page `/supplier/lines/ID`",
            &book.supplier_email,
            line.as_str(),
        ),
        (
            "customer's first page `/customer`",
            &book.customer_email,
            "/customer",
        ),
        (
            "customer's order page `/customer/orders/ID`",
            &book.customer_email,
            order.as_str(),
        ),
        (
            "customer's inquiries `/customer/inquiries`",
            &book.customer_email,
            "/customer/inquiries",
        ),
    ] {
        for (network, kbps, latency) in NETWORKS {
            let mut works = Vec::new();
            let mut bytes = (0.0, 0.0, 0.0);
            for _ in 0..RUNS {
                let (ms, weighed) = open_on_a_phone(&server.base, email, path, kbps, latency).await;
                works.push(ms);
                bytes = weighed;
            }
            works.sort_by(f64::total_cmp);
            rows.push(PhoneRow {
                page,
                network,
                works_ms: works[RUNS / 2],
                slowest_ms: works[RUNS - 1],
                page_kb: bytes.0,
                bundle_kb: bytes.1,
                all_kb: bytes.2,
            });
        }
    }
    rows
}

/// Opens `path` signed in as `email` in a fresh phone-sized browser on a
/// held network; answers the milliseconds from the start of navigation
/// until the page works, and the kilobytes of the page, the bundle's wasm
/// and everything, as they travelled.
async fn open_on_a_phone(
    base: &str,
    email: &str,
    path: &str,
    kbps: u64,
    latency: u64,
) -> (f64, (f64, f64, f64)) {
    let phone = Browser::launch(412, 915).await;
    // Signed in through the sign-in form; then the page from nothing.
    phone.sign_in_and_wait(base, email, PASSWORD).await;
    phone.cdp("Network.enable", json!({})).await;
    phone.cdp("Network.clearBrowserCache", json!({})).await;
    phone
        .cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;
    let down = kbps * 1000 / 8;
    phone
        .cdp(
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": latency,
                "downloadThroughput": down,
                "uploadThroughput": down / 2,
            }),
        )
        .await;
    phone
        .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
        .await;
    // What the page complained of, for a page that never works.
    phone
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "window.__complaints = []; \
                const said = console.error.bind(console); \
                console.error = (...args) => { window.__complaints.push(args.map(String).join(' ')); said(...args); };" }),
        )
        .await;
    phone
        .client
        .goto(&format!("{base}{path}"))
        .await
        .expect("open the page");
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    let works = loop {
        if std::time::Instant::now() > deadline {
            let state = phone
                .client
                .execute(
                    "return [location.href, window.__complaints, \
                     Object.keys(window.__RESOLVED_RESOURCES || {}), window.__PENDING_RESOURCES, \
                     document.documentElement.outerHTML.length, \
                     performance.getEntriesByType('resource').map(r => r.name)];",
                    vec![],
                )
                .await;
            panic!("{path} never worked on the phone: {state:?}");
        }
        let seen = phone
            .client
            .execute(
                "return document.querySelector('[data-hydrated=true]') ? performance.now() : null;",
                vec![],
            )
            .await
            .expect("look at the page");
        if let Some(ms) = seen.as_f64() {
            break ms;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let weighed = phone
        .client
        .execute(
            "const page = performance.getEntriesByType('navigation')[0].transferSize; \
             const later = new Set([...document.querySelectorAll('link[rel=prefetch]')].map(l => l.href)); \
             let all = page, wasm = 0; \
             for (const r of performance.getEntriesByType('resource')) { \
               if (later.has(r.name)) continue; \
               all += r.transferSize; if (r.name.endsWith('.wasm')) wasm += r.transferSize; } \
             return [page / 1024, wasm / 1024, all / 1024];",
            vec![],
        )
        .await
        .expect("read the resource timings");
    let kb = |i: usize| weighed[i].as_f64().unwrap_or(0.0);
    phone.close().await;
    (works, (kb(0), kb(1), kb(2)))
}

pub(super) fn table(rows: &[PhoneRow]) -> String {
    let mut out = String::from(
        "| page | network (CPU slowed 4×) | works after (median / slowest) | page | wasm | all downloaded |\n|---|---|---|---|---|---|\n",
    );
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {:.0} / {:.0} ms | {:.0} KB | {:.0} KB | {:.0} KB |\n",
            r.page, r.network, r.works_ms, r.slowest_ms, r.page_kb, r.bundle_kb, r.all_kb
        ));
    }
    out
}

/// The bundle's rows, or `None` when `target/site/pkg` holds no release
/// bundle (only the release build writes the brotli copies): a debug
/// bundle's size says nothing of what browsers download.
pub(crate) fn bundle() -> Option<String> {
    let pkg = integration_tests::site_root().join("pkg");
    if !pkg.join("portal.wasm.br").exists() {
        return None;
    }
    let mut out = String::new();
    for file in integration_tests::bundle_files() {
        let path = pkg.join(&file);
        let raw = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let gzip = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("gzip -9 -c '{}' | wc -c", path.display()))
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .and_then(|s| s.trim().parse::<u64>().ok())
            .unwrap_or(0);
        // What the portal sends a browser that accepts brotli (built with
        // the release bundle when the `brotli` tool is installed).
        let brotli = std::fs::metadata(pkg.join(format!("{file}.br")))
            .map_or("—".to_string(), |m| format!("{} KB", m.len() / 1024));
        out.push_str(&format!(
            "| `{file}` | {} KB | {} KB | {brotli} |\n",
            raw / 1024,
            gzip / 1024
        ));
    }
    Some(out)
}
