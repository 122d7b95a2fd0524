//! Live updates in the browser: a page that shows orders opens the server's
//! event stream (`/api/live`) and refetches when an order it may see changes.
//! The browser's EventSource reconnects by itself and names the last event it
//! saw, so the server replays what was missed.

use leptos::prelude::*;

/// A counter that goes up whenever an order the viewer may see changes, and
/// after a reconnect; resources that read it refetch.
pub fn use_live_tick() -> ReadSignal<u64> {
    let (tick, set_tick) = signal(0u64);
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::{JsCast, closure::Closure};
        Effect::new(move |_| {
            let Ok(source) = web_sys::EventSource::new("/api/live") else {
                return;
            };
            let on_order = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                set_tick.update(|t| *t += 1);
            });
            let mut opened_before = false;
            let on_open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                // The first open is the page load itself; later ones are reconnects.
                if opened_before {
                    set_tick.update(|t| *t += 1);
                }
                opened_before = true;
            });
            let _ =
                source.add_event_listener_with_callback("order", on_order.as_ref().unchecked_ref());
            let _ =
                source.add_event_listener_with_callback("open", on_open.as_ref().unchecked_ref());
            let held = send_wrapper::SendWrapper::new((source, on_order, on_open));
            on_cleanup(move || held.take().0.close());
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = set_tick;
    tick
}
