//! Measuring from inside the process: a fixed number of clients on the
//! portal's own runtime for a fixed time, and the signed-in clients and
//! progress reports the runs use.

use super::*;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Stats {
    pub(crate) per_second: f64,
    pub(crate) p50_ms: f64,
    pub(crate) p99_ms: f64,
    pub(crate) errors: usize,
}

/// What every client of a run timed, sorted, and its failed answers in all.
pub(crate) async fn gathered(
    clients: Vec<tokio::task::JoinHandle<(Vec<Duration>, usize)>>,
) -> (Vec<Duration>, usize) {
    let mut all = Vec::new();
    let mut errors = 0;
    for client in clients {
        let (times, failed) = client.await.unwrap();
        all.extend(times);
        errors += failed;
    }
    all.sort();
    (all, errors)
}

/// Runs `request` from `CONCURRENCY` clients for `RUN_FOR`; a request that
/// answers `None` has nothing left to do and ends its client.
pub(crate) async fn measure<F, Fut>(request: F) -> Stats
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Option<bool>> + Send,
{
    let request = Arc::new(request);
    let counter = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + RUN_FOR;
    let mut tasks = Vec::new();
    for _ in 0..CONCURRENCY {
        let request = request.clone();
        let counter = counter.clone();
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let mut errors = 0;
            while Instant::now() < deadline {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                let t = Instant::now();
                match request(n).await {
                    None => break,
                    Some(false) => errors += 1,
                    Some(true) => {}
                }
                times.push(t.elapsed());
            }
            (times, errors)
        }));
    }
    let (all, errors) = gathered(tasks).await;
    let elapsed = started.elapsed().as_secs_f64();
    let pick = |q: f64| all[((all.len() as f64 - 1.0) * q) as usize].as_secs_f64() * 1000.0;
    Stats {
        per_second: all.len() as f64 / elapsed,
        p50_ms: pick(0.50),
        p99_ms: pick(0.99),
        errors,
    }
}

pub(crate) fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

pub(crate) async fn sign_in(base: &str, email: &str) -> reqwest::Client {
    let client = client();
    let response = client
        .post(format!("{base}/api/auth/login"))
        .form(&[("email", email), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "sign-in failed");
    client
}

/// A factory's "QC passed" report on one of its lines (at version 1), as the
/// progress form sends it to the portal at `base`.
pub(crate) async fn report_progress(
    factory: &reqwest::Client,
    base: &str,
    line: i32,
) -> reqwest::Result<reqwest::Response> {
    factory
        .post(format!("{base}/api/progress/post"))
        .form(&[
            ("id", line.to_string()),
            ("version", "1".into()),
            ("milestone", "qc_passed".into()),
            ("quantity_done", "10".into()),
        ])
        .send()
        .await
}
