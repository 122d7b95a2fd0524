//! The closed lists a complaint is described with: what it is about, the
//! remedy asked for, and the root cause found. The house can add root
//! causes of its own, so a complaint refers to its cause through
//! [`RootCauseRef`].

use serde::{Deserialize, Serialize};

/// What a complaint is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintCategory {
    Quality,
    ShortQuantity,
    Damage,
    LateDelivery,
    WrongDocuments,
    Other,
}

impl ComplaintCategory {
    pub const ALL: [ComplaintCategory; 6] = [
        Self::Quality,
        Self::ShortQuantity,
        Self::Damage,
        Self::LateDelivery,
        Self::WrongDocuments,
        Self::Other,
    ];

    /// The spelling stored in the database and used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Quality => "quality",
            Self::ShortQuantity => "short_quantity",
            Self::Damage => "damage",
            Self::LateDelivery => "late_delivery",
            Self::WrongDocuments => "wrong_documents",
            Self::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == raw.trim())
    }

    /// The message-catalogue key of the category's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Quality => "complaint-category-quality",
            Self::ShortQuantity => "complaint-category-short_quantity",
            Self::Damage => "complaint-category-damage",
            Self::LateDelivery => "complaint-category-late_delivery",
            Self::WrongDocuments => "complaint-category-wrong_documents",
            Self::Other => "complaint-category-other",
        }
    }
}

/// What the customer asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Remedy {
    /// New goods in place of the faulty ones.
    Replacement,
    /// Money back as a credit against the next invoice.
    CreditNote,
    /// Money off the invoice of the goods complained about.
    Discount,
    /// The faulty goods are repaired or reworked.
    Rework,
}

impl Remedy {
    pub const ALL: [Remedy; 4] = [
        Self::Replacement,
        Self::CreditNote,
        Self::Discount,
        Self::Rework,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Replacement => "replacement",
            Self::CreditNote => "credit_note",
            Self::Discount => "discount",
            Self::Rework => "rework",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == raw.trim())
    }

    /// The message-catalogue key of the remedy's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Replacement => "complaint-remedy-replacement",
            Self::CreditNote => "complaint-remedy-credit_note",
            Self::Discount => "complaint-remedy-discount",
            Self::Rework => "complaint-remedy-rework",
        }
    }

    /// The remedy is paid in money, so it comes with an amount.
    pub fn is_money(self) -> bool {
        matches!(self, Self::CreditNote | Self::Discount)
    }
}

/// The root causes every house starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RootCause {
    Material,
    Workmanship,
    Design,
    Packaging,
    Transport,
    Documentation,
    /// A supplier of the factory (material or parts bought in).
    FactorySupplier,
    Other,
}

impl RootCause {
    pub const ALL: [RootCause; 8] = [
        Self::Material,
        Self::Workmanship,
        Self::Design,
        Self::Packaging,
        Self::Transport,
        Self::Documentation,
        Self::FactorySupplier,
        Self::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Material => "material",
            Self::Workmanship => "workmanship",
            Self::Design => "design",
            Self::Packaging => "packaging",
            Self::Transport => "transport",
            Self::Documentation => "documentation",
            Self::FactorySupplier => "factory_supplier",
            Self::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == raw.trim())
    }

    /// The message-catalogue key of the cause's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Material => "complaint-cause-material",
            Self::Workmanship => "complaint-cause-workmanship",
            Self::Design => "complaint-cause-design",
            Self::Packaging => "complaint-cause-packaging",
            Self::Transport => "complaint-cause-transport",
            Self::Documentation => "complaint-cause-documentation",
            Self::FactorySupplier => "complaint-cause-factory_supplier",
            Self::Other => "complaint-cause-other",
        }
    }
}

/// How a stored custom cause is told apart from a built-in one:
/// `custom:<id>`. No built-in spelling contains a colon.
pub const CUSTOM_CAUSE_PREFIX: &str = "custom:";

/// The root cause of a complaint: one of the built-in list, or one the house
/// added (its id, and its label as the house wrote it).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RootCauseRef {
    BuiltIn(RootCause),
    Custom { id: i32, label: String },
}

impl RootCauseRef {
    /// The spelling stored with a complaint: the built-in name, or
    /// `custom:<id>`. The label is not stored with the complaint, so a
    /// renamed cause shows its new name everywhere.
    pub fn stored(&self) -> String {
        match self {
            Self::BuiltIn(cause) => cause.as_str().to_string(),
            Self::Custom { id, .. } => format!("{CUSTOM_CAUSE_PREFIX}{id}"),
        }
    }

    /// A stored or submitted cause read back: a built-in name, or
    /// `custom:<id>` of one of the house's own causes (`custom`: their ids
    /// and labels). `None` for anything else, including a custom id the
    /// house does not have.
    pub fn resolve<S: AsRef<str>>(raw: &str, custom: &[(i32, S)]) -> Option<RootCauseRef> {
        let raw = raw.trim();
        match raw.strip_prefix(CUSTOM_CAUSE_PREFIX) {
            Some(id) => {
                let id: i32 = id.parse().ok()?;
                custom
                    .iter()
                    .find(|(known, _)| *known == id)
                    .map(|(_, label)| Self::Custom {
                        id,
                        label: label.as_ref().to_string(),
                    })
            }
            None => RootCause::parse(raw).map(Self::BuiltIn),
        }
    }

    /// The message-catalogue key of a built-in cause; a custom cause shows
    /// its [`label`](Self::label) instead.
    pub fn key(&self) -> Option<&'static str> {
        match self {
            Self::BuiltIn(cause) => Some(cause.key()),
            Self::Custom { .. } => None,
        }
    }

    /// The label of a custom cause.
    pub fn label(&self) -> Option<&str> {
        match self {
            Self::BuiltIn(_) => None,
            Self::Custom { label, .. } => Some(label),
        }
    }
}

#[cfg(test)]
mod tests;
