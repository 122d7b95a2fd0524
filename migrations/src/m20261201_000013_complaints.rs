//! After-sales: a customer's complaint about a shipped order or line, with
//! its two clocks (first answer, proposed remedy), who owns it, the factory
//! it was passed to and the root cause and corrective action the factory
//! gave, the remedy agreed and what it cost; every step of it as an entry
//! of its own thread; and the root causes the house adds to the built-in
//! list.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000002_accounts::Users;
use crate::m20261127_000004_orders::Orders;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Complaints::Table)
                    .col(pk_auto(Complaints::Id))
                    .col(string_len(Complaints::Number, 24).unique_key())
                    .col(integer(Complaints::OrderId))
                    .col(integer_null(Complaints::OrderLineId))
                    .col(integer(Complaints::CustomerCompanyId))
                    .col(integer(Complaints::FiledBy))
                    .col(integer_null(Complaints::OwnerId))
                    .col(string_len(Complaints::Category, 24))
                    .col(text(Complaints::Description))
                    .col(big_integer(Complaints::QuantityAffected))
                    .col(string_len(Complaints::RemedyAsked, 24))
                    .col(big_integer_null(Complaints::AmountAskedMinor))
                    .col(string_len(Complaints::Currency, 3))
                    .col(string_len(Complaints::Status, 24))
                    .col(integer_null(Complaints::FactoryCompanyId))
                    .col(timestamp_with_time_zone_null(Complaints::PassedAt))
                    .col(string_len_null(Complaints::RootCause, 64))
                    .col(text_null(Complaints::CorrectiveAction))
                    .col(timestamp_with_time_zone_null(Complaints::FactoryAnsweredAt))
                    .col(string_len_null(Complaints::RemedyKind, 24))
                    .col(text_null(Complaints::RemedyText))
                    .col(big_integer_null(Complaints::RemedyAmountMinor))
                    .col(big_integer_null(Complaints::RemedyCostMinor))
                    .col(timestamp_with_time_zone(Complaints::FirstAnswerDue))
                    .col(timestamp_with_time_zone_null(Complaints::FirstAnsweredAt))
                    .col(timestamp_with_time_zone(Complaints::RemedyDue))
                    .col(timestamp_with_time_zone_null(Complaints::RemedyProposedAt))
                    .col(integer(Complaints::FirstNotice).default(0))
                    .col(integer(Complaints::RemedyNotice).default(0))
                    .col(integer(Complaints::Reopened).default(0))
                    .col(integer(Complaints::Version).default(1))
                    .col(timestamp_with_time_zone(Complaints::CreatedAt))
                    .col(timestamp_with_time_zone(Complaints::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Complaints::ClosedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Complaints::Table, Complaints::OrderId)
                            .to(Orders::Table, Orders::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Complaints::Table, Complaints::FiledBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_complaints_order", Complaints::OrderId),
            ("idx_complaints_customer", Complaints::CustomerCompanyId),
            ("idx_complaints_factory", Complaints::FactoryCompanyId),
            ("idx_complaints_status", Complaints::Status),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Complaints::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(ComplaintEntries::Table)
                    .col(pk_auto(ComplaintEntries::Id))
                    .col(integer(ComplaintEntries::ComplaintId))
                    .col(integer_null(ComplaintEntries::ActorUserId))
                    .col(string_len(ComplaintEntries::Side, 16))
                    .col(string_len(ComplaintEntries::Kind, 32))
                    .col(text(ComplaintEntries::Body))
                    .col(timestamp_with_time_zone(ComplaintEntries::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ComplaintEntries::Table, ComplaintEntries::ComplaintId)
                            .to(Complaints::Table, Complaints::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_complaint_entries_complaint")
                    .table(ComplaintEntries::Table)
                    .col(ComplaintEntries::ComplaintId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RootCauses::Table)
                    .col(pk_auto(RootCauses::Id))
                    .col(string_len(RootCauses::Label, 80).unique_key())
                    .col(integer_null(RootCauses::CreatedBy))
                    .col(timestamp_with_time_zone(RootCauses::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RootCauses::Table.into_iden(),
            ComplaintEntries::Table.into_iden(),
            Complaints::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Complaints {
    Table,
    Id,
    Number,
    OrderId,
    OrderLineId,
    CustomerCompanyId,
    FiledBy,
    OwnerId,
    Category,
    Description,
    QuantityAffected,
    RemedyAsked,
    AmountAskedMinor,
    Currency,
    Status,
    FactoryCompanyId,
    PassedAt,
    RootCause,
    CorrectiveAction,
    FactoryAnsweredAt,
    RemedyKind,
    RemedyText,
    RemedyAmountMinor,
    RemedyCostMinor,
    FirstAnswerDue,
    FirstAnsweredAt,
    RemedyDue,
    RemedyProposedAt,
    FirstNotice,
    RemedyNotice,
    Reopened,
    Version,
    CreatedAt,
    UpdatedAt,
    ClosedAt,
}

#[derive(DeriveIden)]
enum ComplaintEntries {
    Table,
    Id,
    ComplaintId,
    ActorUserId,
    Side,
    Kind,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RootCauses {
    Table,
    Id,
    Label,
    CreatedBy,
    CreatedAt,
}
