//! The back half of an order: shipments as they really go (booking, ports,
//! planned and actual departure and arrival, several containers, partial
//! shipments by line, customs status), the documents each shipment needs and
//! their state, files attached to orders, shipments and purchase-order lines,
//! payments matched to the instalments of the schedule (with the reminder
//! level each instalment has reached), and letters of credit.
//!
//! A shipment's old `shipped_on` becomes its planned departure (`etd`); the
//! shipments recorded before this step had left, so their actual departure
//! is that day too. Their single container moves into `shipment_containers`,
//! and each first shipment of an order carries all of the order's lines.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000002_accounts::Users;
use crate::m20261127_000004_orders::Orders;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        reshape_shipments(manager).await?;
        create_shipment_parts(manager).await?;
        create_documents_and_files(manager).await?;
        create_money(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            LettersOfCredit::Table.into_iden(),
            PaymentAllocations::Table.into_iden(),
            TradeDocuments::Table.into_iden(),
            Files::Table.into_iden(),
            ShipmentContainers::Table.into_iden(),
            ShipmentLines::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Instalments::Table)
                    .drop_column(Instalments::ReminderLevel)
                    .to_owned(),
            )
            .await?;
        for column in [
            Shipments::BookingNo,
            Shipments::PortOfLoading,
            Shipments::PortOfDischarge,
            Shipments::Atd,
            Shipments::Ata,
            Shipments::CustomsStatus,
            Shipments::CustomsOn,
            Shipments::CheckOverride,
            Shipments::CheckOverrideBy,
            Shipments::CheckOverrideAt,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Shipments::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        let db = manager.get_connection();
        db.execute_unprepared(
            "ALTER TABLE shipments ADD COLUMN container_no VARCHAR(40) NOT NULL DEFAULT ''",
        )
        .await?;
        db.execute_unprepared("ALTER TABLE shipments RENAME COLUMN etd TO shipped_on")
            .await?;
        Ok(())
    }
}

/// One column per statement: SQLite alters one thing at a time.
async fn add_column(
    manager: &SchemaManager<'_>,
    table: impl IntoIden,
    column: ColumnDef,
) -> Result<(), DbErr> {
    let mut column = column;
    manager
        .alter_table(
            Table::alter()
                .table(table)
                .add_column(&mut column)
                .to_owned(),
        )
        .await
}

async fn reshape_shipments(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    db.execute_unprepared("ALTER TABLE shipments RENAME COLUMN shipped_on TO etd")
        .await?;
    for column in [
        string_len(Shipments::BookingNo, 40).default("").to_owned(),
        string_len(Shipments::PortOfLoading, 80)
            .default("")
            .to_owned(),
        string_len(Shipments::PortOfDischarge, 80)
            .default("")
            .to_owned(),
        date_null(Shipments::Atd).to_owned(),
        date_null(Shipments::Ata).to_owned(),
        string_len(Shipments::CustomsStatus, 16)
            .default("not_declared")
            .to_owned(),
        date_null(Shipments::CustomsOn).to_owned(),
        text_null(Shipments::CheckOverride).to_owned(),
        integer_null(Shipments::CheckOverrideBy).to_owned(),
        timestamp_with_time_zone_null(Shipments::CheckOverrideAt).to_owned(),
    ] {
        add_column(manager, Shipments::Table, column).await?;
    }
    // What was recorded before had left.
    db.execute_unprepared("UPDATE shipments SET atd = etd")
        .await?;
    Ok(())
}

async fn create_shipment_parts(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(ShipmentLines::Table)
                .col(pk_auto(ShipmentLines::Id))
                .col(integer(ShipmentLines::ShipmentId))
                .col(integer(ShipmentLines::OrderLineId))
                .col(big_integer(ShipmentLines::Quantity))
                .col(integer(ShipmentLines::Cartons).default(0))
                .col(big_integer(ShipmentLines::NetWeightG).default(0))
                .col(big_integer(ShipmentLines::GrossWeightG).default(0))
                .col(big_integer(ShipmentLines::VolumeCm3).default(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(ShipmentLines::Table, ShipmentLines::ShipmentId)
                        .to(Shipments::Table, Shipments::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ShipmentLines::Table, ShipmentLines::OrderLineId)
                        .to(OrderLines::Table, OrderLines::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("idx_shipment_lines_unique")
                .table(ShipmentLines::Table)
                .col(ShipmentLines::ShipmentId)
                .col(ShipmentLines::OrderLineId)
                .unique()
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("idx_shipment_lines_order_line")
                .table(ShipmentLines::Table)
                .col(ShipmentLines::OrderLineId)
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table(ShipmentContainers::Table)
                .col(pk_auto(ShipmentContainers::Id))
                .col(integer(ShipmentContainers::ShipmentId))
                .col(string_len(ShipmentContainers::ContainerNo, 11))
                .col(string_len(ShipmentContainers::SealNo, 20).default(""))
                .col(string_len(ShipmentContainers::Size, 8).default(""))
                .foreign_key(
                    ForeignKey::create()
                        .from(ShipmentContainers::Table, ShipmentContainers::ShipmentId)
                        .to(Shipments::Table, Shipments::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("idx_shipment_containers_shipment")
                .table(ShipmentContainers::Table)
                .col(ShipmentContainers::ShipmentId)
                .to_owned(),
        )
        .await?;
    let db = manager.get_connection();
    db.execute_unprepared(
        "INSERT INTO shipment_containers (shipment_id, container_no, seal_no, size) \
         SELECT id, container_no, '', '' FROM shipments WHERE container_no <> ''",
    )
    .await?;
    db.execute_unprepared(
        "INSERT INTO shipment_lines (shipment_id, order_line_id, quantity, cartons, \
         net_weight_g, gross_weight_g, volume_cm3) \
         SELECT s.id, l.id, l.quantity, 0, 0, 0, 0 FROM shipments s \
         JOIN order_lines l ON l.order_id = s.order_id \
         WHERE s.id = (SELECT MIN(f.id) FROM shipments f WHERE f.order_id = s.order_id)",
    )
    .await?;
    db.execute_unprepared("ALTER TABLE shipments DROP COLUMN container_no")
        .await?;
    Ok(())
}

async fn create_documents_and_files(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(Files::Table)
                .col(pk_auto(Files::Id))
                .col(string_len(Files::OwnerKind, 16))
                .col(integer(Files::OwnerId))
                .col(integer_null(Files::OrderId))
                .col(integer_null(Files::PurchaseOrderId))
                .col(integer_null(Files::CustomerCompanyId))
                .col(integer_null(Files::FactoryCompanyId))
                .col(boolean(Files::SharedWithCustomer).default(false))
                .col(boolean(Files::SharedWithFactory).default(false))
                .col(string_len(Files::Name, 160))
                .col(string_len(Files::ContentType, 100))
                .col(big_integer(Files::SizeBytes))
                .col(string_len(Files::Sha256, 64))
                .col(string_len(Files::StorageKey, 120))
                .col(integer_null(Files::UploadedBy))
                .col(timestamp_with_time_zone(Files::UploadedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Files::Table, Files::UploadedBy)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("idx_files_owner")
                .table(Files::Table)
                .col(Files::OwnerKind)
                .col(Files::OwnerId)
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("idx_files_order")
                .table(Files::Table)
                .col(Files::OrderId)
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table(TradeDocuments::Table)
                .col(pk_auto(TradeDocuments::Id))
                .col(integer(TradeDocuments::OrderId))
                .col(integer_null(TradeDocuments::ShipmentId))
                .col(string_len(TradeDocuments::Kind, 32))
                .col(string_len(TradeDocuments::State, 16))
                .col(string_len_null(TradeDocuments::Number, 40))
                .col(integer_null(TradeDocuments::FileId))
                .col(text_null(TradeDocuments::Figures))
                .col(integer_null(TradeDocuments::UpdatedBy))
                .col(timestamp_with_time_zone_null(TradeDocuments::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(TradeDocuments::Table, TradeDocuments::OrderId)
                        .to(Orders::Table, Orders::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(TradeDocuments::Table, TradeDocuments::ShipmentId)
                        .to(Shipments::Table, Shipments::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(TradeDocuments::Table, TradeDocuments::FileId)
                        .to(Files::Table, Files::Id),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("idx_trade_documents_order")
                .table(TradeDocuments::Table)
                .col(TradeDocuments::OrderId)
                .to_owned(),
        )
        .await?;
    // Numbers are the house's: never two documents with one number.
    manager
        .create_index(
            Index::create()
                .name("idx_trade_documents_number")
                .table(TradeDocuments::Table)
                .col(TradeDocuments::Number)
                .unique()
                .to_owned(),
        )
        .await
}

async fn create_money(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    add_column(
        manager,
        Instalments::Table,
        integer(Instalments::ReminderLevel).default(0).to_owned(),
    )
    .await?;
    manager
        .create_table(
            Table::create()
                .table(PaymentAllocations::Table)
                .col(pk_auto(PaymentAllocations::Id))
                .col(integer(PaymentAllocations::PaymentId))
                .col(integer(PaymentAllocations::InstalmentId))
                .col(big_integer(PaymentAllocations::AmountMinor))
                .foreign_key(
                    ForeignKey::create()
                        .from(PaymentAllocations::Table, PaymentAllocations::PaymentId)
                        .to(Payments::Table, Payments::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(PaymentAllocations::Table, PaymentAllocations::InstalmentId)
                        .to(Instalments::Table, Instalments::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("idx_payment_allocations_instalment")
                .table(PaymentAllocations::Table)
                .col(PaymentAllocations::InstalmentId)
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table(LettersOfCredit::Table)
                .col(pk_auto(LettersOfCredit::Id))
                .col(integer(LettersOfCredit::OrderId).unique_key())
                .col(string_len(LettersOfCredit::Number, 80))
                .col(string_len(LettersOfCredit::IssuingBank, 80))
                .col(string_len(LettersOfCredit::Currency, 3))
                .col(big_integer(LettersOfCredit::AmountMinor))
                .col(integer(LettersOfCredit::ToleranceBp))
                .col(date(LettersOfCredit::Expiry))
                .col(date(LettersOfCredit::LatestShipment))
                .col(integer(LettersOfCredit::PresentationDays))
                .col(boolean(LettersOfCredit::PartialShipments))
                .col(boolean(LettersOfCredit::Transhipment))
                .col(text(LettersOfCredit::GoodsDescription))
                .col(integer(LettersOfCredit::DaysToPort).default(3))
                .col(date_null(LettersOfCredit::PresentedOn))
                .col(integer(LettersOfCredit::RiskAlerted).default(0))
                .col(timestamp_with_time_zone(LettersOfCredit::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(LettersOfCredit::Table, LettersOfCredit::OrderId)
                        .to(Orders::Table, Orders::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
}

#[derive(DeriveIden)]
enum Shipments {
    Table,
    Id,
    BookingNo,
    PortOfLoading,
    PortOfDischarge,
    Atd,
    Ata,
    CustomsStatus,
    CustomsOn,
    CheckOverride,
    CheckOverrideBy,
    CheckOverrideAt,
}

#[derive(DeriveIden)]
enum OrderLines {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Payments {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Instalments {
    Table,
    Id,
    ReminderLevel,
}

#[derive(DeriveIden)]
enum ShipmentLines {
    Table,
    Id,
    ShipmentId,
    OrderLineId,
    Quantity,
    Cartons,
    NetWeightG,
    GrossWeightG,
    VolumeCm3,
}

#[derive(DeriveIden)]
enum ShipmentContainers {
    Table,
    Id,
    ShipmentId,
    ContainerNo,
    SealNo,
    Size,
}

#[derive(DeriveIden)]
enum Files {
    Table,
    Id,
    OwnerKind,
    OwnerId,
    OrderId,
    PurchaseOrderId,
    CustomerCompanyId,
    FactoryCompanyId,
    SharedWithCustomer,
    SharedWithFactory,
    Name,
    ContentType,
    SizeBytes,
    Sha256,
    StorageKey,
    UploadedBy,
    UploadedAt,
}

#[derive(DeriveIden)]
enum TradeDocuments {
    Table,
    Id,
    OrderId,
    ShipmentId,
    Kind,
    State,
    Number,
    FileId,
    Figures,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PaymentAllocations {
    Table,
    Id,
    PaymentId,
    InstalmentId,
    AmountMinor,
}

#[derive(DeriveIden)]
enum LettersOfCredit {
    Table,
    Id,
    OrderId,
    Number,
    IssuingBank,
    Currency,
    AmountMinor,
    ToleranceBp,
    Expiry,
    LatestShipment,
    PresentationDays,
    PartialShipments,
    Transhipment,
    GoodsDescription,
    DaysToPort,
    PresentedOn,
    RiskAlerted,
    UpdatedAt,
}
