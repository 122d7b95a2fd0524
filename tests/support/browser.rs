//! Headless Chromium for browser tests, driven through chromedriver (WebDriver).
//! Each `Browser` runs its own chromedriver on a free port with a fresh profile.

use fantoccini::{Client, ClientBuilder, Locator};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

fn find_program(candidates: &[&str]) -> Option<PathBuf> {
    candidates.iter().map(PathBuf::from).find(|p| p.is_file())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with the given window size
    /// (below 500 px wide, an emulated phone screen of that size).
    pub async fn launch(width: u32, height: u32) -> Browser {
        Self::launch_with(width, height, None, None).await
    }

    /// As `launch`, with the browser's clock in an IANA time zone.
    pub async fn launch_in_time_zone(width: u32, height: u32, zone: &str) -> Browser {
        Self::launch_with(width, height, Some(zone), None).await
    }

    /// As `launch`, with the browser asking for `languages` (as its
    /// `Accept-Language` header sends them, e.g. `de-DE,de`).
    pub async fn launch_in_language(width: u32, height: u32, languages: &str) -> Browser {
        Self::launch_with(width, height, None, Some(languages)).await
    }

    async fn launch_with(
        width: u32,
        height: u32,
        zone: Option<&str>,
        languages: Option<&str>,
    ) -> Browser {
        let chromium = std::env::var("PORTAL_TEST_CHROMIUM")
            .map(PathBuf::from)
            .ok()
            .or_else(|| find_program(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]))
            .expect("Chromium not found: install Debian's chromium (scripts/test.sh does)");
        let chromedriver = std::env::var("PORTAL_TEST_CHROMEDRIVER")
            .map(PathBuf::from)
            .ok()
            .or_else(|| find_program(&["/usr/bin/chromedriver"]))
            .expect(
                "chromedriver not found: install Debian's chromium-driver (scripts/test.sh does)",
            );
        let port = free_port();
        let mut driver = Command::new(chromedriver);
        // Chromium inherits the driver's environment, and takes its zone from TZ.
        if let Some(zone) = zone {
            driver.env("TZ", zone);
        }
        let driver = driver
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().expect("profile dir");
        let args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut args = args;
        if let Some(languages) = languages {
            args.push(format!(
                "--lang={}",
                languages.split(',').next().unwrap_or("en")
            ));
        }
        let mut caps = serde_json::Map::new();
        let mut options = serde_json::json!({ "binary": chromium, "args": args });
        if let Some(languages) = languages {
            options["prefs"] = serde_json::json!({ "intl.accept_languages": languages });
        }
        // Headless windows are at least 500 px wide; a phone is emulated.
        if width < 500 {
            options["mobileEmulation"] = serde_json::json!({
                "deviceMetrics": { "width": width, "height": height, "pixelRatio": 3.0, "touch": true }
            });
        }
        caps.insert("goog:chromeOptions".into(), options);
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("cannot start a Chromium session: {e}"),
            }
        };
        Browser {
            client,
            driver,
            _profile: profile,
        }
    }

    /// Opens a page and waits until the Leptos app has hydrated.
    pub async fn open_hydrated(&self, url: &str) {
        self.client.goto(url).await.expect("open page");
        self.wait_hydrated().await;
    }

    /// Waits until the open page has hydrated.
    pub async fn wait_hydrated(&self) {
        self.appears("[data-hydrated='true']", Duration::from_secs(40))
            .await
            .expect("the page hydrates (is target/site built? scripts/test.sh builds it)");
    }

    /// The first element matching `css`, once it is on the page, waiting at
    /// most `within` for it.
    pub async fn appears(
        &self,
        css: &str,
        within: Duration,
    ) -> Result<fantoccini::elements::Element, fantoccini::error::CmdError> {
        self.client
            .wait()
            .at_most(within)
            .for_element(Locator::Css(css))
            .await
    }

    /// As [`Browser::appears`]; the test fails, naming `css`, if it does not.
    pub async fn element(&self, css: &str, within: Duration) -> fantoccini::elements::Element {
        self.appears(css, within)
            .await
            .unwrap_or_else(|e| panic!("{css} never appeared: {e}"))
    }

    /// Signs in through the sign-in form of the portal at `base`.
    pub async fn sign_in(&self, base: &str, email: &str, password: &str) {
        self.open_hydrated(&format!("{base}/login")).await;
        let form = self.client.find(Locator::Css("#login-form")).await.unwrap();
        for (field, value) in [("email", email), ("password", password)] {
            form.find(Locator::Css(&format!("input[name={field}]")))
                .await
                .unwrap()
                .send_keys(value)
                .await
                .unwrap();
        }
        form.find(Locator::Css("button[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }

    /// Signs in and waits until the signed-in navigation shows (generously:
    /// the password check is deliberately slow, and a loaded machine runs
    /// many at once).
    pub async fn sign_in_and_wait(&self, base: &str, email: &str, password: &str) {
        self.sign_in(base, email, password).await;
        // The sign-out button, in whatever language the person reads.
        self.wait_for_text("#sign-out", Duration::from_secs(40), |t| !t.is_empty())
            .await;
    }

    /// Sets a form field by script (date inputs take typed keys in the
    /// browser's locale format, which differs between machines).
    pub async fn set_value(&self, css: &str, value: &str) {
        self.client
            .execute(
                "const e = document.querySelector(arguments[0]); e.value = arguments[1]; \
                 e.dispatchEvent(new Event('input', {bubbles: true})); \
                 e.dispatchEvent(new Event('change', {bubbles: true}));",
                vec![css.into(), value.into()],
            )
            .await
            .unwrap_or_else(|e| panic!("set {css}: {e}"));
    }

    /// Clicks the first element matching `css`, waiting up to ten seconds for
    /// it. An element replaced by a live refresh between finding and
    /// clicking is found again.
    pub async fn click(&self, css: &str) {
        for attempt in 0..5 {
            let element = self.element(css, Duration::from_secs(10)).await;
            match element.click().await {
                Ok(_) => return,
                Err(e) if attempt < 4 && e.to_string().contains("stale element") => {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("click {css}: {e}"),
            }
        }
    }

    /// Types `text` into the first element matching `css` with real key
    /// presses. A field replaced by a live refresh before the keys land is
    /// found again and typed into afresh.
    pub async fn type_into(&self, css: &str, text: &str) {
        for attempt in 0..5 {
            let element = self.element(css, Duration::from_secs(10)).await;
            let typed = async {
                element.clear().await?;
                element.send_keys(text).await
            };
            match typed.await {
                Ok(()) => return,
                Err(e) if attempt < 4 && e.to_string().contains("stale element") => {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("type into {css}: {e}"),
            }
        }
    }

    /// Waits until the element's text satisfies `check`; returns the text.
    pub async fn wait_for_text(
        &self,
        css: &str,
        timeout: Duration,
        check: impl Fn(&str) -> bool,
    ) -> String {
        let deadline = Instant::now() + timeout;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(element) = self.client.find(Locator::Css(css)).await
                && let Ok(text) = element.text().await
            {
                if check(&text) {
                    return text;
                }
                last = text;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let around = self.describe(css).await;
        panic!("{css} never showed the expected text; last seen: {last:?}; {around}");
    }

    /// Where the browser is and what the outermost element of `css`
    /// holds, for a failing wait's message.
    async fn describe(&self, css: &str) -> String {
        let outer = css.split_whitespace().next().unwrap_or(css);
        let seen = self
            .client
            .execute(
                "const e = document.querySelector(arguments[0]); \
                 return [location.href, \
                         document.querySelector('[data-hydrated=true]') !== null, \
                         e ? e.outerHTML.slice(0, 4000) : null];",
                vec![outer.into()],
            )
            .await;
        match seen {
            Ok(seen) => format!("page, hydrated, {outer}: {seen}"),
            Err(e) => format!("the page could not be read: {e}"),
        }
    }

    /// Marks the open page, so `assert_not_reloaded` can tell a live update
    /// from a page load.
    pub async fn mark_page(&self) {
        self.client
            .execute("window.__stillTheSamePage = true;", vec![])
            .await
            .expect("mark the page");
    }

    pub async fn assert_not_reloaded(&self) {
        let same_page = self
            .client
            .execute("return window.__stillTheSamePage === true;", vec![])
            .await
            .expect("read the page mark");
        assert_eq!(
            same_page,
            serde_json::Value::Bool(true),
            "the page was reloaded"
        );
    }

    /// Opens a second tab of this browser (same person, same session) and
    /// switches to it; returns the handle of the tab that was in front.
    pub async fn open_tab(&self) -> fantoccini::wd::WindowHandle {
        let front = self.client.window().await.expect("the front tab");
        let tab = self.client.new_window(true).await.expect("a new tab");
        self.client
            .switch_to_window(tab.handle)
            .await
            .expect("switch to the new tab");
        front
    }

    /// Closes the tab in front and goes back to `tab`.
    pub async fn close_tab(&self, tab: fantoccini::wd::WindowHandle) {
        self.client.close_window().await.expect("close the tab");
        self.client
            .switch_to_window(tab)
            .await
            .expect("switch back");
    }

    /// How many elements on the open page match `css` now.
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .len()
    }

    /// The visible text of the page's main part.
    pub async fn main_text(&self) -> String {
        self.client
            .find(Locator::Css("main"))
            .await
            .expect("a main element")
            .text()
            .await
            .expect("its text")
    }

    /// Saves a PNG screenshot under `target/screenshots/` and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = super::workspace_root().join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// The bundle files (`/pkg/*.wasm`) the open page has loaded, by path
    /// without the bundle's version (`crate::unversioned`), but those it has
    /// the browser fetch for the next page.
    pub async fn loaded_bundles(&self) -> Vec<String> {
        let names = self
            .client
            .execute(
                "const later = new Set([...document.querySelectorAll('link[rel=prefetch]')]
                    .map(l => new URL(l.href).pathname));
                 return performance.getEntriesByType('resource')
                    .map(e => new URL(e.name).pathname)
                    .filter(p => p.startsWith('/pkg/') && p.endsWith('.wasm') && !later.has(p));",
                vec![],
            )
            .await
            .expect("read the resource timings");
        let names: Vec<String> = serde_json::from_value(names).expect("a list of paths");
        names.iter().map(|name| crate::unversioned(name)).collect()
    }

    /// Sends a Chrome DevTools command (`Network.emulateNetworkConditions`,
    /// `Emulation.setCPUThrottlingRate`, ...) through chromedriver.
    pub async fn cdp(&self, cmd: &str, params: serde_json::Value) {
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.to_string(),
                params,
            })
            .await
            .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// chromedriver's own command that passes a DevTools command on.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}
