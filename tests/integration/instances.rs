//! Several portals in one process, as the tests and a multi-instance
//! benchmark run them: starting one never holds up the pages of another.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{SpawnOptions, spawn_app_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_while_another_portal_starts_beside_them() {
    let app = spawn_app_with(SpawnOptions {
        // Every request renders the page: nothing is served from memory.
        configure: Some(|config| config.requests.read_cache_entries = 0),
        ..Default::default()
    })
    .await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let url = app.url(&format!("/customer/orders/{}", cast.order_a));

    // Another portal's router is built again and again on another thread,
    // as when instances start beside this one.
    let starting = Arc::new(AtomicBool::new(true));
    let builder = tokio::task::spawn_blocking({
        let state = app.state.clone();
        let starting = Arc::clone(&starting);
        move || {
            let mut built = 0u32;
            while starting.load(Ordering::Relaxed) {
                drop(server::startup::build_router(state.clone()));
                built += 1;
            }
            built
        }
    });

    let mut stalled = 0;
    for _ in 0..60 {
        let answer = tokio::time::timeout(Duration::from_secs(10), async {
            let response = customer.get(&url).send().await.expect("GET the order page");
            (response.status(), response.text().await.unwrap_or_default())
        })
        .await;
        match answer {
            Ok((status, body)) => {
                assert_eq!(status, 200, "the order page: {body:.300}");
                assert!(body.contains("SO-A-1"), "the order page shows its order");
            }
            Err(_) => {
                stalled += 1;
                if stalled == 3 {
                    break;
                }
            }
        }
    }
    starting.store(false, Ordering::Relaxed);
    let built = builder.await.unwrap();
    assert!(built > 0, "no router was built beside the pages");
    assert_eq!(stalled, 0, "{stalled} order pages got no answer");
}
