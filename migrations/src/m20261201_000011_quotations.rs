//! From inquiry to contract. A customer's inquiry (what, how many, where to,
//! by when, at what target price) is answered by a costed quotation: each
//! line carries what the factory charges, its lead time and what the house
//! sells at, and the quotation carries the commercial terms (validity,
//! Incoterm and port, latest shipment, deposit and balance, late-delivery
//! penalty). A quotation keeps its number across revisions, one row per
//! revision, and at most one revision of a number is open at a time. Before
//! it is sent, it goes through the approval steps the house's rules ask for
//! (by margin, amount, terms and the customer's credit), each due by a time,
//! reminded and escalated when late. Accepted, it becomes an order that
//! remembers its quotation, its penalty and latest shipment, and the
//! instalments its payment terms call for. Staff have a level that decides
//! which steps they may approve; the house's own standing of a customer and
//! the rules it configures (approval rules, credit policy) are kept here too.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_companies::Companies;
use crate::m20261127_000002_accounts::Users;
use crate::m20261127_000004_orders::Orders;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Only the house's staff have a level.
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(string_len_null(Added::StaffLevel, 24))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Inquiries::Table)
                    .col(pk_auto(Inquiries::Id))
                    .col(integer(Inquiries::CustomerCompanyId))
                    .col(integer(Inquiries::CreatedBy))
                    .col(string_len(Inquiries::Status, 16))
                    .col(string_len(Inquiries::Destination, 120))
                    .col(string_len(Inquiries::Incoterm, 3))
                    .col(date_null(Inquiries::RequestedDate))
                    .col(text(Inquiries::Note))
                    .col(string_len(Inquiries::Currency, 3))
                    .col(timestamp_with_time_zone(Inquiries::CreatedAt))
                    .col(timestamp_with_time_zone(Inquiries::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Inquiries::Table, Inquiries::CustomerCompanyId)
                            .to(Companies::Table, Companies::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Inquiries::Table, Inquiries::CreatedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_inquiries_customer")
                    .table(Inquiries::Table)
                    .col(Inquiries::CustomerCompanyId)
                    .col(Inquiries::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_inquiries_status_created")
                    .table(Inquiries::Table)
                    .col(Inquiries::Status)
                    .col(Inquiries::CreatedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(InquiryLines::Table)
                    .col(pk_auto(InquiryLines::Id))
                    .col(integer(InquiryLines::InquiryId))
                    .col(integer(InquiryLines::LineNo))
                    .col(string_len_null(InquiryLines::ProductCode, 40))
                    .col(text(InquiryLines::Description))
                    .col(big_integer(InquiryLines::Quantity))
                    .col(string_len(InquiryLines::Unit, 12))
                    .col(big_integer_null(InquiryLines::TargetPriceMinor))
                    .foreign_key(
                        ForeignKey::create()
                            .from(InquiryLines::Table, InquiryLines::InquiryId)
                            .to(Inquiries::Table, Inquiries::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_inquiry_lines_inquiry")
                    .table(InquiryLines::Table)
                    .col(InquiryLines::InquiryId)
                    .col(InquiryLines::LineNo)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Quotations::Table)
                    .col(pk_auto(Quotations::Id))
                    // Q-2026-0001: the same on every revision.
                    .col(string_len(Quotations::Number, 20))
                    .col(integer(Quotations::Revision))
                    .col(integer_null(Quotations::InquiryId))
                    .col(integer(Quotations::CustomerCompanyId))
                    .col(integer_null(Quotations::SalesOwnerId))
                    .col(integer(Quotations::CreatedBy))
                    .col(string_len(Quotations::Status, 16))
                    .col(string_len(Quotations::Currency, 3))
                    .col(date(Quotations::ValidUntil))
                    .col(string_len(Quotations::Incoterm, 3))
                    .col(string_len(Quotations::Port, 80))
                    .col(date(Quotations::LatestShipment))
                    .col(integer(Quotations::DepositBp))
                    .col(string_len(Quotations::BalanceDue, 24))
                    .col(integer_null(Quotations::UsanceDays))
                    .col(integer(Quotations::PenaltyBpPerDay))
                    .col(text(Quotations::Note))
                    .col(integer(Quotations::Version).default(0))
                    .col(integer_null(Quotations::OrderId))
                    .col(timestamp_with_time_zone(Quotations::CreatedAt))
                    .col(timestamp_with_time_zone_null(Quotations::SubmittedAt))
                    .col(timestamp_with_time_zone_null(Quotations::SentAt))
                    .col(timestamp_with_time_zone_null(Quotations::DecidedAt))
                    .col(integer_null(Quotations::DecidedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Quotations::Table, Quotations::InquiryId)
                            .to(Inquiries::Table, Inquiries::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Quotations::Table, Quotations::CustomerCompanyId)
                            .to(Companies::Table, Companies::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Quotations::Table, Quotations::SalesOwnerId)
                            .to(Users::Table, Users::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Quotations::Table, Quotations::CreatedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Quotations::Table, Quotations::OrderId)
                            .to(Orders::Table, Orders::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Quotations::Table, Quotations::DecidedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_quotations_number_revision")
                    .table(Quotations::Table)
                    .col(Quotations::Number)
                    .col(Quotations::Revision)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_quotations_customer_status")
                    .table(Quotations::Table)
                    .col(Quotations::CustomerCompanyId)
                    .col(Quotations::Status)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_quotations_status_submitted")
                    .table(Quotations::Table)
                    .col(Quotations::Status)
                    .col(Quotations::SubmittedAt)
                    .to_owned(),
            )
            .await?;
        // One open revision per quotation number: two revisions started at
        // once cannot both stay.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX idx_quotations_one_open ON quotations (number) \
                 WHERE status IN ('draft', 'in_approval', 'approved', 'sent')",
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(QuotationLines::Table)
                    .col(pk_auto(QuotationLines::Id))
                    .col(integer(QuotationLines::QuotationId))
                    .col(integer(QuotationLines::LineNo))
                    .col(string_len(QuotationLines::ProductCode, 40))
                    .col(text(QuotationLines::Description))
                    .col(string_len(QuotationLines::HsCode, 16))
                    .col(big_integer(QuotationLines::Quantity))
                    .col(string_len(QuotationLines::Unit, 12))
                    .col(date_null(QuotationLines::RequestedDate))
                    .col(integer_null(QuotationLines::SupplierCompanyId))
                    .col(big_integer(QuotationLines::PurchasePriceMinor))
                    .col(integer(QuotationLines::LeadTimeDays))
                    .col(big_integer(QuotationLines::SellingPriceMinor))
                    .foreign_key(
                        ForeignKey::create()
                            .from(QuotationLines::Table, QuotationLines::QuotationId)
                            .to(Quotations::Table, Quotations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(QuotationLines::Table, QuotationLines::SupplierCompanyId)
                            .to(Companies::Table, Companies::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_quotation_lines_quotation")
                    .table(QuotationLines::Table)
                    .col(QuotationLines::QuotationId)
                    .col(QuotationLines::LineNo)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ApprovalSteps::Table)
                    .col(pk_auto(ApprovalSteps::Id))
                    .col(integer(ApprovalSteps::QuotationId))
                    .col(integer(ApprovalSteps::Position))
                    .col(string_len(ApprovalSteps::Level, 24))
                    .col(string_len(ApprovalSteps::Reason, 200))
                    .col(timestamp_with_time_zone(ApprovalSteps::DueAt))
                    .col(integer_null(ApprovalSteps::DecidedBy))
                    .col(boolean_null(ApprovalSteps::Approved))
                    .col(text_null(ApprovalSteps::Comment))
                    .col(timestamp_with_time_zone_null(ApprovalSteps::DecidedAt))
                    .col(timestamp_with_time_zone_null(ApprovalSteps::RemindedAt))
                    .col(timestamp_with_time_zone_null(ApprovalSteps::EscalatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApprovalSteps::Table, ApprovalSteps::QuotationId)
                            .to(Quotations::Table, Quotations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApprovalSteps::Table, ApprovalSteps::DecidedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_approval_steps_position")
                    .table(ApprovalSteps::Table)
                    .col(ApprovalSteps::QuotationId)
                    .col(ApprovalSteps::Position)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // The reminder job walks the undecided steps by due time.
        manager
            .create_index(
                Index::create()
                    .name("idx_approval_steps_due")
                    .table(ApprovalSteps::Table)
                    .col(ApprovalSteps::DecidedAt)
                    .col(ApprovalSteps::DueAt)
                    .to_owned(),
            )
            .await?;

        // The order an accepted quotation became. SQLite adds one column per
        // statement and cannot add a foreign key to an existing table, so
        // there the reference is kept by the application alone.
        let columns: Vec<ColumnDef> = vec![
            integer_null(Added::QuotationId).to_owned(),
            integer_null(Added::PenaltyBpPerDay).to_owned(),
            date_null(Added::LatestShipment).to_owned(),
        ];
        for column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Orders::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() != sea_orm::DatabaseBackend::Sqlite {
            manager
                .create_foreign_key(
                    ForeignKey::create()
                        .name("fk_orders_quotation")
                        .from(Orders::Table, Added::QuotationId)
                        .to(Quotations::Table, Quotations::Id)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_orders_quotation")
                    .table(Orders::Table)
                    .col(Added::QuotationId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Instalments::Table)
                    .col(pk_auto(Instalments::Id))
                    .col(integer(Instalments::OrderId))
                    .col(integer(Instalments::Position))
                    .col(string_len(Instalments::Kind, 16))
                    .col(big_integer(Instalments::AmountMinor))
                    .col(date_null(Instalments::DueDate))
                    .col(string_len_null(Instalments::DueEvent, 24))
                    .col(integer(Instalments::DueOffsetDays).default(0))
                    .col(big_integer(Instalments::PaidMinor).default(0))
                    .col(timestamp_with_time_zone_null(Instalments::PaidAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Instalments::Table, Instalments::OrderId)
                            .to(Orders::Table, Orders::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_instalments_order")
                    .table(Instalments::Table)
                    .col(Instalments::OrderId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CreditStandings::Table)
                    .col(integer(CreditStandings::CustomerCompanyId).primary_key())
                    .col(integer_null(CreditStandings::HouseScore))
                    .col(text_null(CreditStandings::Note))
                    .col(integer_null(CreditStandings::SetBy))
                    .col(timestamp_with_time_zone_null(CreditStandings::SetAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CreditStandings::Table, CreditStandings::CustomerCompanyId)
                            .to(Companies::Table, Companies::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CreditStandings::Table, CreditStandings::SetBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(HouseRules::Table)
                    .col(string_len(HouseRules::Key, 64).primary_key())
                    // JSON, read by the rule's owner.
                    .col(text(HouseRules::Value))
                    .col(integer_null(HouseRules::UpdatedBy))
                    .col(timestamp_with_time_zone(HouseRules::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(HouseRules::Table, HouseRules::UpdatedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            HouseRules::Table.into_iden(),
            CreditStandings::Table.into_iden(),
            Instalments::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        // SQLite cannot drop an indexed column; PostgreSQL drops the foreign
        // key with its column.
        manager
            .drop_index(
                Index::drop()
                    .name("idx_orders_quotation")
                    .table(Orders::Table)
                    .to_owned(),
            )
            .await?;
        for column in [
            Added::LatestShipment.into_iden(),
            Added::PenaltyBpPerDay.into_iden(),
            Added::QuotationId.into_iden(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Orders::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for table in [
            ApprovalSteps::Table.into_iden(),
            QuotationLines::Table.into_iden(),
            Quotations::Table.into_iden(),
            InquiryLines::Table.into_iden(),
            Inquiries::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Added::StaffLevel)
                    .to_owned(),
            )
            .await
    }
}

/// Columns added to existing tables.
#[derive(DeriveIden)]
enum Added {
    /// On `users`.
    StaffLevel,
    /// On `orders`.
    QuotationId,
    /// On `orders`.
    PenaltyBpPerDay,
    /// On `orders`.
    LatestShipment,
}

#[derive(DeriveIden)]
enum Inquiries {
    Table,
    Id,
    CustomerCompanyId,
    CreatedBy,
    Status,
    Destination,
    Incoterm,
    RequestedDate,
    Note,
    Currency,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum InquiryLines {
    Table,
    Id,
    InquiryId,
    LineNo,
    ProductCode,
    Description,
    Quantity,
    Unit,
    TargetPriceMinor,
}

#[derive(DeriveIden)]
enum Quotations {
    Table,
    Id,
    Number,
    Revision,
    InquiryId,
    CustomerCompanyId,
    SalesOwnerId,
    CreatedBy,
    Status,
    Currency,
    ValidUntil,
    Incoterm,
    Port,
    LatestShipment,
    DepositBp,
    BalanceDue,
    UsanceDays,
    PenaltyBpPerDay,
    Note,
    Version,
    OrderId,
    CreatedAt,
    SubmittedAt,
    SentAt,
    DecidedAt,
    DecidedBy,
}

#[derive(DeriveIden)]
enum QuotationLines {
    Table,
    Id,
    QuotationId,
    LineNo,
    ProductCode,
    Description,
    HsCode,
    Quantity,
    Unit,
    RequestedDate,
    SupplierCompanyId,
    PurchasePriceMinor,
    LeadTimeDays,
    SellingPriceMinor,
}

#[derive(DeriveIden)]
enum ApprovalSteps {
    Table,
    Id,
    QuotationId,
    Position,
    Level,
    Reason,
    DueAt,
    DecidedBy,
    Approved,
    Comment,
    DecidedAt,
    RemindedAt,
    EscalatedAt,
}

#[derive(DeriveIden)]
enum CreditStandings {
    Table,
    CustomerCompanyId,
    HouseScore,
    Note,
    SetBy,
    SetAt,
}

#[derive(DeriveIden)]
enum Instalments {
    Table,
    Id,
    OrderId,
    Position,
    Kind,
    AmountMinor,
    DueDate,
    DueEvent,
    DueOffsetDays,
    PaidMinor,
    PaidAt,
}

#[derive(DeriveIden)]
enum HouseRules {
    Table,
    Key,
    Value,
    UpdatedBy,
    UpdatedAt,
}
