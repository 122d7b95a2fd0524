//! `--live`: event streams of one customer held open while its factory
//! reports progress; how soon each report reaches every stream, and what
//! the open streams cost the portal's memory.

use super::*;

/// What the live-update run measured.
pub(crate) struct LiveRow {
    pub(crate) clients: usize,
    pub(crate) deliveries: usize,
    pub(crate) expected: usize,
    pub(crate) p50_ms: f64,
    pub(crate) p99_ms: f64,
    pub(crate) rss_before_mb: f64,
    pub(crate) rss_after_mb: f64,
}

/// A process's resident memory, in MB, from its `/proc/…/status`.
fn rss_mb(status: &str) -> f64 {
    std::fs::read_to_string(status)
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .unwrap_or(0.0)
        / 1024.0
}

/// `clients` open event streams of one customer; the customer's factory
/// reports progress `POSTS` times; each stream's delay from the report being
/// sent to its first event arriving is one delivery.
pub(crate) async fn run_live(clients: usize) -> LiveRow {
    const POSTS: usize = 20;
    let (url, _dir) = Store::Sqlite.fresh("live").await;
    let (db, book) = generate_into(&url, 40_000, 7).await;
    // The portal runs as its own process (this binary with `--serve`), so
    // its memory is measured apart from the clients'.
    let mut server = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--serve", &url])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut addr = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(server.stdout.take().unwrap()),
        &mut addr,
    )
    .unwrap();
    let base = format!("http://{}", addr.trim());
    let server_rss = || rss_mb(&format!("/proc/{}/status", server.id()));
    let customer = sign_in(&base, &book.customer_email).await;
    let factory = sign_in(&base, &book.supplier_email).await;
    // Factory lines filling this customer's orders: each report reaches its streams.
    let lines: Vec<i32> = {
        use app::ssr::entities::po_line_link;
        let orders: Vec<i32> = order::Entity::find()
            .filter(order::Column::CustomerCompanyId.eq(book.customer_company))
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|o| o.id)
            .collect();
        let order_lines: Vec<i32> = order_line::Entity::find()
            .filter(order_line::Column::OrderId.is_in(orders))
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|l| l.id)
            .collect();
        po_line_link::Entity::find()
            .filter(po_line_link::Column::OrderLineId.is_in(order_lines))
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|l| l.po_line_id)
            .collect()
    };
    let factory_lines: Vec<i32> = lines
        .into_iter()
        .filter(|id| book.supplier_lines.contains(id))
        .collect();
    assert!(
        factory_lines.len() >= POSTS,
        "the book has {} factory lines for the customer",
        factory_lines.len()
    );
    let rss_before = server_rss();
    let epoch = Instant::now();
    // Nanoseconds since `epoch` when the current report was sent, and its number.
    let sent_at = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let round = Arc::new(AtomicUsize::new(0));
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<f64>();
    let ready = Arc::new(AtomicUsize::new(0));
    let mut streams = Vec::new();
    for _ in 0..clients {
        let (customer, base, sent_at, round, tx, ready) = (
            customer.clone(),
            base.clone(),
            sent_at.clone(),
            round.clone(),
            tx.clone(),
            ready.clone(),
        );
        streams.push(tokio::spawn(async move {
            let mut response = customer
                .get(format!("{base}/api/live"))
                .header("accept", "text/event-stream")
                .send()
                .await
                .unwrap();
            ready.fetch_add(1, Ordering::Relaxed);
            let mut seen_round = 0;
            while let Ok(Some(chunk)) = response.chunk().await {
                let now = epoch.elapsed().as_nanos() as u64;
                let current = round.load(Ordering::Acquire);
                if current > seen_round && String::from_utf8_lossy(&chunk).contains("data:") {
                    seen_round = current;
                    let sent = sent_at.load(Ordering::Acquire);
                    let _ = tx.send((now.saturating_sub(sent)) as f64 / 1e6);
                }
            }
        }));
    }
    drop(tx);
    while ready.load(Ordering::Relaxed) < clients {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Let the streams settle (the first keep-alives, the catch-up).
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut latencies = Vec::new();
    for (n, id) in factory_lines.iter().take(POSTS).enumerate() {
        sent_at.store(epoch.elapsed().as_nanos() as u64, Ordering::Release);
        round.store(n + 1, Ordering::Release);
        let answer = report_progress(&factory, &base, *id).await.unwrap();
        assert!(
            answer.status().is_success(),
            "report {n}: {}",
            answer.status()
        );
        // Wait for this round's deliveries (or give up after two seconds).
        let deadline = Instant::now() + Duration::from_secs(2);
        let mut got = 0;
        while got < clients && Instant::now() < deadline {
            match tokio::time::timeout(Duration::from_millis(100), rx.recv()).await {
                Ok(Some(ms)) => {
                    latencies.push(ms);
                    got += 1;
                }
                Ok(None) => break,
                Err(_) => {}
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let rss_after = server_rss();
    for stream in streams {
        stream.abort();
    }
    server.kill().unwrap();
    server.wait().unwrap();
    latencies.sort_by(f64::total_cmp);
    let pick = |q: f64| {
        latencies
            .get(((latencies.len().max(1) - 1) as f64 * q) as usize)
            .copied()
            .unwrap_or(f64::NAN)
    };
    LiveRow {
        clients,
        deliveries: latencies.len(),
        expected: clients * POSTS,
        p50_ms: pick(0.5),
        p99_ms: pick(0.99),
        rss_before_mb: rss_before,
        rss_after_mb: rss_after,
    }
}
