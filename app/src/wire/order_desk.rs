//! What the trading house sends when it changes an order, places a purchase
//! order or records a shipment or payment: plain form fields, with order
//! lines as `crate::wire::orders::LineInput` rows. The answers are ids, PO
//! numbers or nothing, so this area has no DTOs of its own.
