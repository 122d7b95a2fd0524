//! Live updates: after a change to an order commits, its new timeline entry is
//! published here; every open event stream receives it and forwards it only
//! if its viewer may see that order.

use tokio::sync::broadcast;

use super::repo::orders::OrderScope;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiveEvent {
    /// The `order_events` id; also the SSE event id for catch-up.
    pub event_id: i32,
    pub order_id: i32,
    pub customer_company_id: i32,
}

impl LiveEvent {
    pub fn visible_in(&self, scope: OrderScope) -> bool {
        scope.sees_company(self.customer_company_id)
    }
}

#[derive(Clone)]
pub struct LiveHub {
    sender: broadcast::Sender<LiveEvent>,
}

impl Default for LiveHub {
    fn default() -> Self {
        let (sender, _) = broadcast::channel(1024);
        Self { sender }
    }
}

impl LiveHub {
    pub fn publish(&self, event: LiveEvent) {
        // No subscribers is fine: nobody is watching.
        let _ = self.sender.send(event);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<LiveEvent> {
        self.sender.subscribe()
    }
}
