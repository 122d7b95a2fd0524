//! `--serve`: the portal alone over an existing book, for measuring it from
//! another process, with a slippage scan run on command.

use super::*;
use app::domain::kept_pages::Scope;
use app::ssr::auth::session;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

/// What the served portal keeps of its page reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reads {
    /// As configured by default: kept until a write names what they show.
    Kept,
    /// None (`PORTAL_READ_CACHE_ENTRIES=0`): every read of every request
    /// goes to the database, and two parts of one page asking for the same
    /// read each make it.
    NoneKept,
    /// Kept, but each page is served as the first visit after a write to
    /// what it shows (`written_first`).
    AfterAWrite,
    /// Kept, but each page is served as the first visit after a factory's
    /// report on the order it opens: the order's production and its
    /// customer written, not its shipping or conversation.
    AfterAReport,
}

/// `--serve URL [--no-kept-reads | --after-a-write | --after-a-report]`:
/// the portal alone on a free port over an existing book; prints its
/// address, then serves until killed.
pub(crate) async fn serve(url: String, reads: Reads) {
    let mut config = Config::for_database(url, integration_tests::site_root());
    config.slip_scan_seconds = 86_400;
    config.requests.writes_per_minute = 1_000_000;
    if reads == Reads::NoneKept {
        config.requests.read_cache_entries = 0;
    }
    let app = Application::build(&config).await.unwrap();
    let state = app.state().clone();
    tokio::spawn(scan_on_command(state.clone()));
    if !matches!(reads, Reads::AfterAWrite | Reads::AfterAReport) {
        println!("{}", app.addr());
        app.run_until_stopped().await.unwrap();
        return;
    }
    // The same routes, each request first dropping what a write to its
    // page would; the portal's own listener and jobs run beside it.
    let router = server::startup::build_router(state.clone()).layer(
        axum::middleware::from_fn_with_state((state.clone(), reads), written_first),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    println!("{}", listener.local_addr().unwrap());
    tokio::spawn(app.run_until_stopped());
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .await
    .unwrap();
}

/// Serves each page as its first visit after a write to what it shows: a
/// write to an order names the order and its customer (and its factories),
/// so before the request runs, what is kept for the order it opens and
/// for its viewer's company is dropped (`ReadCache::bump_parts`), as that
/// write would. The viewer's session and navigation stay kept, as after
/// such a write; within the page, two parts asking for one read share it.
/// After a report the order's production is written instead of the whole
/// order, as a report names it.
async fn written_first(
    State((state, reads)): State<(app::ssr::AppState, Reads)>,
    request: Request,
    next: Next,
) -> Response {
    let written = match reads {
        Reads::AfterAReport => Scope::Production,
        _ => Scope::Order,
    };
    let mut parts: Vec<Scope> = order_opened(request.uri().path())
        .map(written)
        .into_iter()
        .collect();
    let secure = state.settings.secure_cookies();
    let token = session::token_from_headers(request.headers(), secure);
    if let Some(viewer) = viewer(&state, token).await {
        parts.extend(viewer.own_part());
    }
    if !parts.is_empty() {
        state.read_cache.bump_parts(&parts);
    }
    next.run(request).await
}

/// The order an order page opens (`/customer/orders/ID`,
/// `/staff/orders/ID`).
fn order_opened(path: &str) -> Option<i32> {
    let rest = path
        .strip_prefix("/customer/orders/")
        .or_else(|| path.strip_prefix("/staff/orders/"))?;
    rest.parse().ok()
}

/// Who is asking, from their session (kept, as the portal's own session
/// check keeps it).
async fn viewer(
    state: &app::ssr::AppState,
    token: Option<String>,
) -> Option<app::ssr::auth::CurrentUser> {
    session::resolve(
        &state.reports,
        &state.db,
        &state.read_cache,
        &token?,
        state.now(),
        state.settings.session_limits,
        session::Activity::Background,
    )
    .await
    .ok()
    .flatten()
}

/// In the served portal: the line `scan` on standard input starts passes
/// of the slippage scan, one after the other (each as the portal's own job
/// runs it), until the line `stop`; then it prints how many passes ran,
/// how long they took on average and how many alerts they queued (each
/// alert drops the kept pages of the people it tells, whose navigation
/// counts it). The job itself runs once a day here, so
/// the outside benchmark decides when the scan runs beside its clients.
async fn scan_on_command(state: app::ssr::AppState) {
    use std::io::BufRead;
    use std::sync::atomic::AtomicBool;
    let (lines, mut input) = tokio::sync::mpsc::unbounded_channel::<String>();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let running = Arc::new(AtomicBool::new(false));
    let mut passes: Option<tokio::task::JoinHandle<(usize, Duration, usize)>> = None;
    while let Some(line) = input.recv().await {
        match line.trim() {
            "scan" if passes.is_none() => {
                running.store(true, Ordering::SeqCst);
                let (state, running) = (state.clone(), running.clone());
                passes = Some(tokio::spawn(async move {
                    let (mut count, mut alerts, started) = (0usize, 0usize, Instant::now());
                    while running.load(Ordering::SeqCst) {
                        alerts += app::ssr::alerts::scan_paced(&state).await.unwrap().mails;
                        count += 1;
                    }
                    (count, started.elapsed() / count.max(1) as u32, alerts)
                }));
            }
            "stop" => {
                running.store(false, Ordering::SeqCst);
                let (count, mean, alerts) = match passes.take() {
                    Some(task) => task.await.unwrap(),
                    None => (0, Duration::ZERO, 0),
                };
                println!("{count} {} {alerts}", mean.as_millis());
            }
            _ => {}
        }
    }
}
