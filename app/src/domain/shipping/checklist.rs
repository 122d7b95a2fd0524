//! The documents a shipment travels with, and where each one stands. Which
//! documents a shipment needs follows from the contract: its Incoterm (who
//! insures, whether the goods are exported by the seller at all) and how the
//! balance is paid (a letter of credit pays only against its documents; a
//! buyer paying before shipment needs a proforma invoice to pay against).

use serde::{Deserialize, Serialize};

use crate::domain::order_input::INCOTERMS;
use crate::domain::terms::BalanceDue;

/// A shipping document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    ProformaInvoice,
    CommercialInvoice,
    PackingList,
    BillOfLading,
    CertificateOfOrigin,
    InspectionCertificate,
    InsuranceCertificate,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 7] = [
        Self::ProformaInvoice,
        Self::CommercialInvoice,
        Self::PackingList,
        Self::BillOfLading,
        Self::CertificateOfOrigin,
        Self::InspectionCertificate,
        Self::InsuranceCertificate,
    ];

    /// The spelling stored in the database and used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ProformaInvoice => "proforma_invoice",
            Self::CommercialInvoice => "commercial_invoice",
            Self::PackingList => "packing_list",
            Self::BillOfLading => "bill_of_lading",
            Self::CertificateOfOrigin => "certificate_of_origin",
            Self::InspectionCertificate => "inspection_certificate",
            Self::InsuranceCertificate => "insurance_certificate",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim())
    }

    /// The portal draws up the invoices and the packing list itself from the
    /// order and the shipment; the others come from the carrier, a chamber
    /// of commerce, an inspection agency or an insurer.
    pub fn generated(self) -> bool {
        matches!(
            self,
            Self::ProformaInvoice | Self::CommercialInvoice | Self::PackingList
        )
    }

    /// The message-catalogue key of the document's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::ProformaInvoice => "document-proforma_invoice",
            Self::CommercialInvoice => "document-commercial_invoice",
            Self::PackingList => "document-packing_list",
            Self::BillOfLading => "document-bill_of_lading",
            Self::CertificateOfOrigin => "document-certificate_of_origin",
            Self::InspectionCertificate => "document-inspection_certificate",
            Self::InsuranceCertificate => "document-insurance_certificate",
        }
    }
}

/// Where a required document stands: still to be obtained, received (from
/// whoever issues it), or sent to the customer or the bank. Sending is the
/// last step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentState {
    Required,
    Received,
    Sent,
}

/// Why a document cannot move to the state asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DocumentStateError {
    /// The document was sent already; nothing follows.
    AlreadySent,
    /// A document from outside the house must be received before it can be
    /// sent on.
    NotReceived { document: DocumentKind },
    /// The same state again, or a step back.
    NotForward {
        from: DocumentState,
        to: DocumentState,
    },
}

impl DocumentStateError {
    /// The message-catalogue key. `NotReceived` takes `$document` (the
    /// document's name, from [`DocumentKind::key`]); `NotForward` takes
    /// `$from` and `$to` (state names, from [`DocumentState::key`]).
    pub fn key(&self) -> &'static str {
        match self {
            Self::AlreadySent => "document-state-already-sent",
            Self::NotReceived { .. } => "document-state-not-received",
            Self::NotForward { .. } => "document-state-not-forward",
        }
    }
}

impl DocumentState {
    pub const ALL: [DocumentState; 3] = [Self::Required, Self::Received, Self::Sent];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::Received => "received",
            Self::Sent => "sent",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }

    /// The message-catalogue key of the state's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Required => "document-state-required",
            Self::Received => "document-state-received",
            Self::Sent => "document-state-sent",
        }
    }

    /// Moving a document of `kind` on to `to`: required → received → sent;
    /// a document the house draws up itself may also go straight from
    /// required to sent. Sent is final.
    pub fn advance(
        self,
        kind: DocumentKind,
        to: DocumentState,
    ) -> Result<DocumentState, DocumentStateError> {
        use DocumentState::*;
        match (self, to) {
            (Sent, _) => Err(DocumentStateError::AlreadySent),
            (Required, Received) | (Received, Sent) => Ok(to),
            (Required, Sent) if kind.generated() => Ok(to),
            (Required, Sent) => Err(DocumentStateError::NotReceived { document: kind }),
            (from, to) => Err(DocumentStateError::NotForward { from, to }),
        }
    }
}

/// The documents a shipment needs, in [`DocumentKind::ALL`] order.
///
/// - Always the commercial invoice, the packing list and the bill of lading.
/// - A certificate of origin for every export, except ex works (EXW), where
///   the buyer exports the goods himself.
/// - An insurance certificate under CIF and CIP, where the seller insures.
/// - An inspection certificate when the contract asks for an inspection, and
///   whenever the balance is paid by letter of credit: the portal assumes
///   the credit calls for one, as banks usually do; a credit that does not
///   can have it waived.
/// - A proforma invoice when the balance is paid before shipment or against
///   a copy of the B/L: the buyer pays the deposit against it.
///
/// The Incoterm is read in any case; one the portal does not know adds
/// nothing to the base set (neither certificate of origin nor insurance).
pub fn required_documents(
    incoterm: &str,
    balance: BalanceDue,
    inspection_required: bool,
) -> Vec<DocumentKind> {
    let term = incoterm.trim().to_ascii_uppercase();
    let known = INCOTERMS.contains(&term.as_str());
    let pays_before = matches!(
        balance,
        BalanceDue::BeforeShipment | BalanceDue::AgainstBlCopy
    );
    let under_credit = matches!(balance, BalanceDue::LcAtSight | BalanceDue::LcUsance { .. });
    DocumentKind::ALL
        .into_iter()
        .filter(|kind| match kind {
            DocumentKind::ProformaInvoice => pays_before,
            DocumentKind::CommercialInvoice
            | DocumentKind::PackingList
            | DocumentKind::BillOfLading => true,
            DocumentKind::CertificateOfOrigin => known && term != "EXW",
            DocumentKind::InspectionCertificate => inspection_required || under_credit,
            DocumentKind::InsuranceCertificate => matches!(term.as_str(), "CIF" | "CIP"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::DocumentKind::*;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn documents_by_contract() {
        assert_eq!(
            required_documents("FOB", BalanceDue::BeforeShipment, false),
            vec![
                ProformaInvoice,
                CommercialInvoice,
                PackingList,
                BillOfLading,
                CertificateOfOrigin
            ]
        );
        assert_eq!(
            required_documents(" cif ", BalanceDue::LcAtSight, false),
            vec![
                CommercialInvoice,
                PackingList,
                BillOfLading,
                CertificateOfOrigin,
                InspectionCertificate,
                InsuranceCertificate
            ]
        );
        assert_eq!(
            required_documents("Cip", BalanceDue::LcUsance { days: 90 }, true),
            required_documents("CIF", BalanceDue::LcAtSight, false),
        );
        assert_eq!(
            required_documents("exw", BalanceDue::AgainstBlCopy, false),
            vec![
                ProformaInvoice,
                CommercialInvoice,
                PackingList,
                BillOfLading
            ]
        );
        assert_eq!(
            required_documents("DAP", BalanceDue::AgainstBlCopy, true),
            vec![
                ProformaInvoice,
                CommercialInvoice,
                PackingList,
                BillOfLading,
                CertificateOfOrigin,
                InspectionCertificate
            ]
        );
        assert_eq!(
            required_documents("XYZ", BalanceDue::LcAtSight, false),
            vec![
                CommercialInvoice,
                PackingList,
                BillOfLading,
                InspectionCertificate
            ]
        );
    }

    #[test]
    fn kinds_and_states_are_stored_by_name() {
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(kind.as_str()), Some(kind));
            assert!(kind.key().ends_with(kind.as_str()));
        }
        for state in DocumentState::ALL {
            assert_eq!(DocumentState::parse(state.as_str()), Some(state));
            assert!(state.key().ends_with(state.as_str()));
        }
        assert_eq!(DocumentKind::parse("invoice"), None);
        assert_eq!(
            serde_json::to_string(&BillOfLading).unwrap(),
            r#""bill_of_lading""#
        );
        let generated: Vec<_> = DocumentKind::ALL
            .into_iter()
            .filter(|k| k.generated())
            .collect();
        assert_eq!(
            generated,
            vec![ProformaInvoice, CommercialInvoice, PackingList]
        );
    }

    #[test]
    fn documents_move_forward_only() {
        use DocumentState::*;
        assert_eq!(Required.advance(BillOfLading, Received), Ok(Received));
        assert_eq!(Received.advance(BillOfLading, Sent), Ok(Sent));
        assert_eq!(Required.advance(PackingList, Sent), Ok(Sent));
        assert_eq!(Required.advance(PackingList, Received), Ok(Received));
        assert_eq!(
            Required.advance(CertificateOfOrigin, Sent),
            Err(DocumentStateError::NotReceived {
                document: CertificateOfOrigin
            })
        );
        assert_eq!(
            Received.advance(BillOfLading, Required),
            Err(DocumentStateError::NotForward {
                from: Received,
                to: Required
            })
        );
        assert_eq!(
            Received.advance(BillOfLading, Received).unwrap_err().key(),
            "document-state-not-forward"
        );
        for to in DocumentState::ALL {
            assert_eq!(
                Sent.advance(CommercialInvoice, to),
                Err(DocumentStateError::AlreadySent)
            );
        }
    }

    fn any_balance() -> impl Strategy<Value = BalanceDue> {
        prop_oneof![
            Just(BalanceDue::BeforeShipment),
            Just(BalanceDue::AgainstBlCopy),
            Just(BalanceDue::LcAtSight),
            any::<u16>().prop_map(|days| BalanceDue::LcUsance { days }),
        ]
    }

    proptest! {
        /// Whatever the terms, the base documents are there, each document
        /// appears once, in the fixed order.
        #[test]
        fn the_base_set_is_always_there(
            incoterm in "\\PC{0,8}",
            known in 0usize..INCOTERMS.len(),
            balance in any_balance(),
            inspection in any::<bool>(),
        ) {
            for term in [incoterm.as_str(), INCOTERMS[known]] {
                let docs = required_documents(term, balance, inspection);
                for base in [CommercialInvoice, PackingList, BillOfLading] {
                    prop_assert!(docs.contains(&base));
                }
                prop_assert!(docs.windows(2).all(|w| w[0] < w[1]));
                if inspection {
                    prop_assert!(docs.contains(&InspectionCertificate));
                }
            }
        }

        /// A document only ever moves forward, and only a document the house
        /// draws up skips "received".
        #[test]
        fn no_step_back(kind in 0usize..7, from in 0usize..3, to in 0usize..3) {
            let kind = DocumentKind::ALL[kind];
            let (from, to) = (DocumentState::ALL[from], DocumentState::ALL[to]);
            if let Ok(next) = from.advance(kind, to) {
                prop_assert_eq!(next, to);
                prop_assert!(to > from);
                if from == DocumentState::Required && to == DocumentState::Sent {
                    prop_assert!(kind.generated());
                }
            }
        }
    }
}
