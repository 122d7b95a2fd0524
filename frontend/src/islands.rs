//! Where the islands' bundle finds what the server sent with the page.
//!
//! The server numbers what it makes while rendering an island (a resource,
//! whose value it sends under its number, but also a transition's mark),
//! and numbers apart, sending nothing, what it makes elsewhere or later (a
//! part of an island that waited for its data). Which numbers a page gets
//! depends on what was ready when: the browser, waking the islands one by
//! one, cannot count the same. So the islands take the values in the order
//! they ask for them, which is the order the server made them in: the k-th
//! value asked for is the k-th the page holds.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use hydration_context::{
    HydrateSharedContext, PinnedFuture, PinnedStream, SerializedDataId, SharedContext,
};
use leptos::error::{Error, ErrorId};
use leptos::reactive::owner::Owner;

/// Makes the context every island is woken inside.
pub fn begin() {
    // The executor may already run (an earlier call), which is no fault.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let context = IslandsContext {
        page: HydrateSharedContext::new_islands(),
        in_islands: AtomicUsize::new(0),
        elsewhere: AtomicUsize::new(0),
        sent: std::sync::OnceLock::new(),
        read: AtomicUsize::new(0),
    };
    let root = Owner::new_root(Some(Arc::new(context)));
    root.set();
    // The root lives as long as the page.
    std::mem::forget(root);
}

#[derive(Debug)]
struct IslandsContext {
    page: HydrateSharedContext,
    /// Numbers given inside islands, from 0 up, as the server gives them.
    in_islands: AtomicUsize,
    /// Numbers given elsewhere, from the top down, as the server gives them.
    elsewhere: AtomicUsize,
    /// The numbers of the values the server sent, in order.
    sent: std::sync::OnceLock<Vec<usize>>,
    /// How many values islands have asked for.
    read: AtomicUsize,
}

/// The numbers of the values in the page's `__RESOLVED_RESOURCES`, in order.
fn sent_ids() -> Vec<usize> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let Ok(sent) = js_sys::Reflect::get(&window, &"__RESOLVED_RESOURCES".into()) else {
        return Vec::new();
    };
    let mut ids: Vec<usize> = js_sys::Object::keys(&sent.into())
        .iter()
        .filter_map(|key| key.as_string()?.parse().ok())
        .collect();
    ids.sort_unstable();
    ids
}

impl SharedContext for IslandsContext {
    fn is_browser(&self) -> bool {
        self.page.is_browser()
    }

    fn next_id(&self) -> SerializedDataId {
        if self.page.get_is_hydrating() {
            SerializedDataId::new(self.in_islands.fetch_add(1, Ordering::Relaxed))
        } else {
            SerializedDataId::new(usize::MAX - self.elsewhere.fetch_add(1, Ordering::Relaxed))
        }
    }

    fn write_async(&self, id: SerializedDataId, fut: PinnedFuture<String>) {
        self.page.write_async(id, fut)
    }

    fn read_data(&self, _id: &SerializedDataId) -> Option<String> {
        // The k-th value an island asks for is the k-th the server sent:
        // resources are made in the same order on both sides, other
        // numbered things (a transition's mark) need not be.
        if !self.page.get_is_hydrating() {
            return None;
        }
        let sent = self.sent.get_or_init(sent_ids);
        let k = self.read.fetch_add(1, Ordering::Relaxed);
        let id = SerializedDataId::new(*sent.get(k)?);
        self.page.read_data(&id)
    }

    fn await_data(&self, id: &SerializedDataId) -> Option<String> {
        self.page.await_data(id)
    }

    fn pending_data(&self) -> Option<PinnedStream<String>> {
        self.page.pending_data()
    }

    fn during_hydration(&self) -> bool {
        self.page.during_hydration()
    }

    fn hydration_complete(&self) {
        self.page.hydration_complete()
    }

    fn get_is_hydrating(&self) -> bool {
        self.page.get_is_hydrating()
    }

    fn set_is_hydrating(&self, is_hydrating: bool) {
        self.page.set_is_hydrating(is_hydrating)
    }

    fn take_errors(&self) -> Vec<(SerializedDataId, ErrorId, Error)> {
        self.page.take_errors()
    }

    fn errors(&self, boundary_id: &SerializedDataId) -> Vec<(ErrorId, Error)> {
        self.page.errors(boundary_id)
    }

    fn seal_errors(&self, boundary_id: &SerializedDataId) {
        self.page.seal_errors(boundary_id)
    }

    fn register_error(&self, boundary: SerializedDataId, error_id: ErrorId, error: Error) {
        self.page.register_error(boundary, error_id, error)
    }

    fn defer_stream(&self, wait_for: PinnedFuture<()>) {
        self.page.defer_stream(wait_for)
    }

    fn await_deferred(&self) -> Option<PinnedFuture<()>> {
        self.page.await_deferred()
    }

    fn set_incomplete_chunk(&self, id: SerializedDataId) {
        self.page.set_incomplete_chunk(id)
    }

    fn get_incomplete_chunk(&self, id: &SerializedDataId) -> bool {
        self.page.get_incomplete_chunk(id)
    }
}
