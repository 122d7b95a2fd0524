//! Live updates in the browser: a page that shows orders opens the server's
//! event stream (`/api/live`) and refetches when an order it may see changes.
//! The browser's EventSource reconnects by itself and names the last event it
//! saw, so the server replays what was missed.

use leptos::prelude::*;

/// A counter that goes up when an order the viewer may see changes (only
/// `order` itself, when given), and after a reconnect; resources that read it
/// refetch. Bursts (a replay after reconnecting) give one refetch, not one per
/// event.
pub fn use_live_tick(order: Option<i32>) -> ReadSignal<u64> {
    let (tick, set_tick) = signal(0u64);
    #[cfg(feature = "hydrate")]
    {
        use std::cell::Cell;
        use std::rc::Rc;
        use std::time::Duration;
        use wasm_bindgen::{JsCast, closure::Closure};

        Effect::new(move |_| {
            let Ok(source) = web_sys::EventSource::new("/api/live") else {
                return;
            };
            let scheduled = Rc::new(Cell::new(false));
            let bump = move || {
                if !scheduled.replace(true) {
                    let scheduled = scheduled.clone();
                    set_timeout(
                        move || {
                            scheduled.set(false);
                            // The reloads the tick sets off start within
                            // this window; they are the page's doing, not
                            // the person's, and must not keep the session
                            // alive.
                            background_reloads(true);
                            set_tick.update(|t| *t += 1);
                            set_timeout(|| background_reloads(false), Duration::from_secs(1));
                        },
                        Duration::from_millis(150),
                    );
                }
            };
            let on_order = {
                let bump = bump.clone();
                Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                    move |event: web_sys::MessageEvent| {
                        let changed = event
                            .data()
                            .as_string()
                            .and_then(|data| {
                                data.trim_start_matches("{\"order_id\":")
                                    .trim_end_matches('}')
                                    .parse::<i32>()
                                    .ok()
                            })
                            .unwrap_or(0);
                        // 0 means "anything may have changed".
                        if order.is_none_or(|wanted| changed == 0 || changed == wanted) {
                            bump();
                        }
                    },
                )
            };
            // Every open refetches: a reconnect may have missed events, and
            // the first open closes the gap between the server rendering the
            // page and the stream starting.
            let on_open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| bump());
            let _ =
                source.add_event_listener_with_callback("order", on_order.as_ref().unchecked_ref());
            let _ =
                source.add_event_listener_with_callback("open", on_open.as_ref().unchecked_ref());
            let held = send_wrapper::SendWrapper::new((source, on_order, on_open));
            on_cleanup(move || held.take().0.close());
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (set_tick, order);
    tick
}

#[cfg(feature = "hydrate")]
thread_local! {
    /// How many live ticks are reloading at once, across every component of
    /// the page that listens; the marking cookie stays while any is.
    static BACKGROUND_RELOADS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Marks the requests of the next moment as the page's own traffic (`true`),
/// or ends one such moment (`false`); see `crate::wire::live`.
#[cfg(feature = "hydrate")]
fn background_reloads(starting: bool) {
    use wasm_bindgen::JsCast;
    let open = BACKGROUND_RELOADS.with(|open| {
        let now = if starting {
            open.get().saturating_add(1)
        } else {
            open.get().saturating_sub(1)
        };
        open.set(now);
        now
    });
    let page: web_sys::HtmlDocument = document().unchecked_into();
    let _ = page.set_cookie(&crate::wire::live::background_cookie(open > 0));
}

/// A counter that goes up on the changes no order timeline entry announces
/// (nudges: a quotation's step, a message), and after a reconnect; for
/// pages whose data is not one order's.
pub fn use_live_nudges() -> ReadSignal<u64> {
    // No order has the id 0, and only the events that name no order carry
    // it, so only those move the tick.
    use_live_tick(Some(0))
}

/// Asks the open order page to load the order again.
#[derive(Clone, Copy)]
pub struct OrderRefresh(pub RwSignal<u64>);

/// Reloads the open order once a submission of this form succeeds.
pub fn refresh_order_after<T, S>(value: S)
where
    T: Clone + Send + Sync + 'static,
    S: Get<Value = Option<Result<T, crate::wire::ApiError>>> + Send + Sync + 'static,
{
    if let Some(OrderRefresh(refresh)) = use_context::<OrderRefresh>() {
        Effect::new(move |_| {
            if matches!(value.get(), Some(Ok(_))) {
                refresh.update(|n| *n += 1);
            }
        });
    }
}
