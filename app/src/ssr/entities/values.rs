//! The domain's closed sets stored as text: statuses, milestones, roles,
//! staff levels and company kinds are columns of these types, written with `as_str` and
//! read with `parse`. A value the portal does not know makes the read fail
//! with a database error naming the type; it is never read as a default.

use sea_orm::sea_query::{ArrayType, ColumnType, Nullable, StringLen, ValueType, ValueTypeErr};
use sea_orm::{ColIdx, DbErr, QueryResult, TryGetError, TryGetable, Value};

use crate::domain::account::Role;
use crate::domain::approval::StaffLevel;
use crate::domain::change_request::ChangeStatus;
use crate::domain::company::CompanyKind;
use crate::domain::order_status::{OrderStatus, PurchaseOrderStatus};
use crate::domain::progress::Milestone;
use crate::domain::quotation::{InquiryStatus, QuotationStatus};
use crate::domain::shipping::shipment::CustomsStatus;
use crate::domain::shipping::{DocumentKind, DocumentState};

/// Why a stored value could not be read as its type.
#[derive(Debug)]
pub struct UnknownValue {
    pub type_name: &'static str,
    pub raw: String,
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown {} {:?} in the database",
            self.type_name, self.raw
        )
    }
}

impl std::error::Error for UnknownValue {}

macro_rules! stored_as_text {
    ($($ty:ident),+ $(,)?) => {$(
        impl From<$ty> for Value {
            fn from(value: $ty) -> Self {
                value.as_str().into()
            }
        }

        impl TryGetable for $ty {
            fn try_get_by<I: ColIdx>(res: &QueryResult, idx: I) -> Result<Self, TryGetError> {
                let raw = String::try_get_by(res, idx)?;
                // `parse` answers an Option or a Result; either way, the value.
                $ty::parse(&raw).into_iter().next().ok_or_else(|| {
                    TryGetError::DbErr(DbErr::TryIntoErr {
                        from: "String",
                        into: stringify!($ty),
                        source: std::sync::Arc::new(UnknownValue {
                            type_name: stringify!($ty),
                            raw,
                        }),
                    })
                })
            }
        }

        impl ValueType for $ty {
            fn try_from(value: Value) -> Result<Self, ValueTypeErr> {
                let raw = <String as ValueType>::try_from(value)?;
                $ty::parse(&raw).into_iter().next().ok_or(ValueTypeErr)
            }

            fn type_name() -> String {
                stringify!($ty).to_owned()
            }

            fn array_type() -> ArrayType {
                ArrayType::String
            }

            fn column_type() -> ColumnType {
                ColumnType::String(StringLen::None)
            }
        }

        impl Nullable for $ty {
            fn null() -> Value {
                Value::String(None)
            }
        }

        impl sea_orm::IntoActiveValue<$ty> for $ty {
            fn into_active_value(self) -> sea_orm::ActiveValue<$ty> {
                sea_orm::ActiveValue::Set(self)
            }
        }

        impl sea_orm::sea_query::postgres_array::NotU8 for $ty {}
    )+};
}

stored_as_text!(
    OrderStatus,
    PurchaseOrderStatus,
    Milestone,
    Role,
    ChangeStatus,
    InquiryStatus,
    QuotationStatus,
    StaffLevel,
    CompanyKind,
    CustomsStatus,
    DocumentKind,
    DocumentState,
);
