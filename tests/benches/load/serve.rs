//! `--serve`: the portal alone over an existing book, for measuring it from
//! another process, with a slippage scan run on command.

use super::*;

/// `--serve URL [--no-kept-reads]`: the portal alone on a free port over an
/// existing book; prints its address, then serves until killed.
pub(crate) async fn serve(url: String, keep_reads: bool) {
    let mut config = Config::for_database(url, integration_tests::site_root());
    config.slip_scan_seconds = 86_400;
    config.requests.writes_per_minute = 1_000_000;
    if !keep_reads {
        config.requests.read_cache_entries = 0;
    }
    let app = Application::build(&config).await.unwrap();
    println!("{}", app.addr());
    tokio::spawn(scan_on_command(app.state().clone()));
    app.run_until_stopped().await.unwrap();
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
