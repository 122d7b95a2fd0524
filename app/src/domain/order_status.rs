//! The stages a sales order moves through, in the order a customer sees them.

use serde::{Deserialize, Serialize};

/// The life of an order from the customer's first question to the money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStage {
    Inquiry,
    Quoted,
    Confirmed,
    InProduction,
    Ready,
    Shipped,
    Arrived,
    Settled,
}

impl OrderStage {
    /// Every stage, in the order an order passes through them.
    pub const TIMELINE: [OrderStage; 8] = [
        Self::Inquiry,
        Self::Quoted,
        Self::Confirmed,
        Self::InProduction,
        Self::Ready,
        Self::Shipped,
        Self::Arrived,
        Self::Settled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Inquiry => "inquiry",
            Self::Quoted => "quoted",
            Self::Confirmed => "confirmed",
            Self::InProduction => "in_production",
            Self::Ready => "ready",
            Self::Shipped => "shipped",
            Self::Arrived => "arrived",
            Self::Settled => "settled",
        }
    }

    /// The English label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Inquiry => "Inquiry",
            Self::Quoted => "Quoted",
            Self::Confirmed => "Confirmed",
            Self::InProduction => "In production",
            Self::Ready => "Ready",
            Self::Shipped => "Shipped",
            Self::Arrived => "Arrived",
            Self::Settled => "Settled",
        }
    }

    /// Position on the timeline, starting at 0 for an inquiry.
    pub fn position(self) -> usize {
        Self::TIMELINE
            .iter()
            .position(|stage| *stage == self)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_is_in_declaration_order() {
        let mut sorted = OrderStage::TIMELINE;
        sorted.sort();
        assert_eq!(sorted, OrderStage::TIMELINE);
        for (i, stage) in OrderStage::TIMELINE.into_iter().enumerate() {
            assert_eq!(stage.position(), i);
        }
    }

    #[test]
    fn spellings_are_unique() {
        let mut names: Vec<_> = OrderStage::TIMELINE.iter().map(|s| s.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), OrderStage::TIMELINE.len());
    }
}
