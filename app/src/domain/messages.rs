//! Messages: one conversation per order, between the customer's people and
//! the house, and one per purchase order, between the house and the
//! factory. The two are never mixed: a customer reads and writes only the
//! threads of its own company's orders, a factory only those of its own
//! purchase orders, and the house every thread. Who the other side is
//! follows from the thread, so a customer never meets the factory in a
//! conversation, nor a factory the customer. A message's text is checked
//! here too.

use serde::{Deserialize, Serialize};

use super::account::Role;
use super::kept_pages::Scope;

/// The longest message, in characters.
pub const MAX_BODY_CHARS: usize = 4000;

/// Which kind of record a conversation belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThreadKind {
    /// A sales order: its customer and the house.
    Order,
    /// A purchase order: the house and its factory.
    PurchaseOrder,
}

impl ThreadKind {
    pub const ALL: [ThreadKind; 2] = [ThreadKind::Order, ThreadKind::PurchaseOrder];

    /// The stored (and requested) name.
    pub fn as_str(self) -> &'static str {
        match self {
            ThreadKind::Order => "order",
            ThreadKind::PurchaseOrder => "purchase_order",
        }
    }

    pub fn parse(raw: &str) -> Option<ThreadKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim())
    }

    /// The side the house talks with in a thread of this kind.
    pub fn outside(self) -> Side {
        match self {
            ThreadKind::Order => Side::Customer,
            ThreadKind::PurchaseOrder => Side::Factory,
        }
    }
}

/// One conversation: the order's or the purchase order's, by its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Thread {
    Order(i32),
    PurchaseOrder(i32),
}

impl Thread {
    pub fn new(kind: ThreadKind, id: i32) -> Thread {
        match kind {
            ThreadKind::Order => Thread::Order(id),
            ThreadKind::PurchaseOrder => Thread::PurchaseOrder(id),
        }
    }

    /// The thread a request names (`order` or `purchase_order`, and an id).
    pub fn parse(kind: &str, id: i32) -> Option<Thread> {
        ThreadKind::parse(kind).map(|kind| Thread::new(kind, id))
    }

    pub fn kind(self) -> ThreadKind {
        match self {
            Thread::Order(_) => ThreadKind::Order,
            Thread::PurchaseOrder(_) => ThreadKind::PurchaseOrder,
        }
    }

    pub fn id(self) -> i32 {
        match self {
            Thread::Order(id) | Thread::PurchaseOrder(id) => id,
        }
    }

    /// The part of the book the thread shows in (`kept_pages`): an order's
    /// conversation is on its order's pages, so a message in it writes that
    /// part, and a read of it stays kept until that part is written. A
    /// purchase order's is on no kept page: `None`, as any write drops it.
    pub fn part(self) -> Option<Scope> {
        match self {
            Thread::Order(id) => Some(Scope::Order(id)),
            Thread::PurchaseOrder(_) => None,
        }
    }

    /// The part a read of the thread is kept under: an order's
    /// conversation, which only a write of its order or of the conversation
    /// itself drops (a factory's report on the order leaves it); `None` for
    /// a purchase order's.
    pub fn kept_under(self) -> Option<Scope> {
        match self {
            Thread::Order(id) => Some(Scope::Talk(id)),
            Thread::PurchaseOrder(_) => None,
        }
    }
}

/// The party a person speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    House,
    Customer,
    Factory,
}

impl Side {
    pub const ALL: [Side; 3] = [Side::House, Side::Customer, Side::Factory];

    pub fn of(role: Role) -> Side {
        match role {
            Role::Admin | Role::Staff => Side::House,
            Role::Customer => Side::Customer,
            Role::Supplier => Side::Factory,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Side::House => "house",
            Side::Customer => "customer",
            Side::Factory => "factory",
        }
    }

    pub fn parse(raw: &str) -> Option<Side> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }
}

/// Whether a person of `side`, working for `company_id`, may read `thread`,
/// whose outside company (the order's customer, the purchase order's
/// factory) is `owner_company_id`. The house reads every thread; a customer
/// only its own company's order threads; a factory only its own purchase
/// orders' threads. Anything else is not theirs to know of.
pub fn may_read(side: Side, company_id: i32, thread: Thread, owner_company_id: i32) -> bool {
    match side {
        Side::House => true,
        outside => thread.kind().outside() == outside && company_id == owner_company_id,
    }
}

/// Whether they may write in it: a conversation has no bystanders, so
/// whoever may read a thread may answer in it.
pub fn may_write(side: Side, company_id: i32, thread: Thread, owner_company_id: i32) -> bool {
    may_read(side, company_id, thread, owner_company_id)
}

/// What is wrong with a message's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BodyError {
    /// Nothing but white space.
    Empty,
    /// Longer than `max` characters.
    TooLong { max: usize },
    /// A control character other than a line break.
    ControlCharacters,
}

impl BodyError {
    /// The message-catalogue key; `TooLong` takes `$max`.
    pub fn key(self) -> &'static str {
        match self {
            BodyError::Empty => "message-body-empty",
            BodyError::TooLong { .. } => "message-body-too-long",
            BodyError::ControlCharacters => "message-body-control",
        }
    }
}

/// The text of a message as it is kept: line breaks as `\n` (a browser
/// sends a text area's as `\r\n`), trimmed, from 1 to [`MAX_BODY_CHARS`]
/// characters, and no control character but the line break.
pub fn check_body(raw: &str) -> Result<String, BodyError> {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let text = unified.trim();
    if text.is_empty() {
        Err(BodyError::Empty)
    } else if text.chars().any(|c| c.is_control() && c != '\n') {
        Err(BodyError::ControlCharacters)
    } else if text.chars().count() > MAX_BODY_CHARS {
        Err(BodyError::TooLong {
            max: MAX_BODY_CHARS,
        })
    } else {
        Ok(text.to_string())
    }
}

#[cfg(test)]
mod tests;
