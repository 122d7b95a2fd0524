//! Sales orders and their lines (with the three dates), purchase orders to the
//! factories and their lines, the links from PO lines to the customer lines
//! they fill, and the order timeline.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_companies::Companies;
use crate::m20261127_000002_accounts::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Orders::Table)
                    .col(pk_auto(Orders::Id))
                    .col(string_len_uniq(Orders::Number, 32))
                    .col(integer(Orders::CustomerCompanyId))
                    .col(integer_null(Orders::SalesOwnerId))
                    .col(string_len(Orders::Currency, 3))
                    .col(string_len(Orders::Incoterm, 3))
                    .col(string_len(Orders::PaymentTerms, 100))
                    .col(text(Orders::ShipTo))
                    .col(string_len(Orders::Status, 16))
                    .col(integer(Orders::Version).default(1))
                    .col(timestamp_with_time_zone(Orders::CreatedAt))
                    .col(timestamp_with_time_zone(Orders::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Orders::Table, Orders::CustomerCompanyId)
                            .to(Companies::Table, Companies::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Orders::Table, Orders::SalesOwnerId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_orders_customer")
                    .table(Orders::Table)
                    .col(Orders::CustomerCompanyId)
                    .col(Orders::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_orders_status")
                    .table(Orders::Table)
                    .col(Orders::Status)
                    .col(Orders::Id)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OrderLines::Table)
                    .col(pk_auto(OrderLines::Id))
                    .col(integer(OrderLines::OrderId))
                    .col(integer(OrderLines::LineNo))
                    .col(string_len(OrderLines::ProductCode, 40))
                    .col(text(OrderLines::Description))
                    .col(string_len(OrderLines::HsCode, 12))
                    .col(big_integer(OrderLines::Quantity))
                    .col(string_len(OrderLines::Unit, 12))
                    .col(big_integer(OrderLines::UnitPriceMinor))
                    .col(date(OrderLines::RequestedDate))
                    .col(date_null(OrderLines::CommittedDate))
                    .col(date_null(OrderLines::ForecastDate))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OrderLines::Table, OrderLines::OrderId)
                            .to(Orders::Table, Orders::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_order_lines_order")
                    .table(OrderLines::Table)
                    .col(OrderLines::OrderId)
                    .col(OrderLines::LineNo)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PurchaseOrders::Table)
                    .col(pk_auto(PurchaseOrders::Id))
                    .col(string_len_uniq(PurchaseOrders::Number, 32))
                    .col(integer(PurchaseOrders::SupplierCompanyId))
                    .col(string_len(PurchaseOrders::Status, 16))
                    .col(integer(PurchaseOrders::Version).default(1))
                    .col(timestamp_with_time_zone(PurchaseOrders::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PurchaseOrders::Table, PurchaseOrders::SupplierCompanyId)
                            .to(Companies::Table, Companies::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_purchase_orders_supplier")
                    .table(PurchaseOrders::Table)
                    .col(PurchaseOrders::SupplierCompanyId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PoLines::Table)
                    .col(pk_auto(PoLines::Id))
                    .col(integer(PoLines::PurchaseOrderId))
                    .col(integer(PoLines::LineNo))
                    .col(string_len(PoLines::ProductCode, 40))
                    .col(text(PoLines::Description))
                    .col(big_integer(PoLines::Quantity))
                    .col(big_integer(PoLines::QuantityDone).default(0))
                    .col(date(PoLines::CommittedReadyDate))
                    .col(date_null(PoLines::ForecastReadyDate))
                    .col(string_len(PoLines::Milestone, 24))
                    .col(timestamp_with_time_zone_null(PoLines::LastProgressAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PoLines::Table, PoLines::PurchaseOrderId)
                            .to(PurchaseOrders::Table, PurchaseOrders::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_index(
                Index::create()
                    .name("idx_po_lines_purchase_order")
                    .table(PoLines::Table)
                    .col(PoLines::PurchaseOrderId)
                    .col(PoLines::LineNo)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_orders_sales_owner")
                    .table(Orders::Table)
                    .col(Orders::SalesOwnerId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PoLineLinks::Table)
                    .col(integer(PoLineLinks::PoLineId))
                    .col(integer(PoLineLinks::OrderLineId))
                    .primary_key(
                        Index::create()
                            .col(PoLineLinks::PoLineId)
                            .col(PoLineLinks::OrderLineId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PoLineLinks::Table, PoLineLinks::PoLineId)
                            .to(PoLines::Table, PoLines::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PoLineLinks::Table, PoLineLinks::OrderLineId)
                            .to(OrderLines::Table, OrderLines::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_po_line_links_order_line")
                    .table(PoLineLinks::Table)
                    .col(PoLineLinks::OrderLineId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OrderEvents::Table)
                    .col(pk_auto(OrderEvents::Id))
                    .col(integer(OrderEvents::OrderId))
                    .col(timestamp_with_time_zone(OrderEvents::At))
                    .col(integer_null(OrderEvents::ActorUserId))
                    .col(string_len(OrderEvents::Kind, 32))
                    .col(text(OrderEvents::Summary))
                    .col(text_null(OrderEvents::Before))
                    .col(text_null(OrderEvents::After))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OrderEvents::Table, OrderEvents::OrderId)
                            .to(Orders::Table, Orders::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_order_events_order")
                    .table(OrderEvents::Table)
                    .col(OrderEvents::OrderId)
                    .col(OrderEvents::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            OrderEvents::Table.into_iden(),
            PoLineLinks::Table.into_iden(),
            PoLines::Table.into_iden(),
            PurchaseOrders::Table.into_iden(),
            OrderLines::Table.into_iden(),
            Orders::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub(crate) enum Orders {
    Table,
    Id,
    Number,
    CustomerCompanyId,
    SalesOwnerId,
    Currency,
    Incoterm,
    PaymentTerms,
    ShipTo,
    Status,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub(crate) enum OrderLines {
    Table,
    Id,
    OrderId,
    LineNo,
    ProductCode,
    Description,
    HsCode,
    Quantity,
    Unit,
    UnitPriceMinor,
    RequestedDate,
    CommittedDate,
    ForecastDate,
}

#[derive(DeriveIden)]
pub(crate) enum PurchaseOrders {
    Table,
    Id,
    Number,
    SupplierCompanyId,
    Status,
    Version,
    CreatedAt,
}

#[derive(DeriveIden)]
pub(crate) enum PoLines {
    Table,
    Id,
    PurchaseOrderId,
    LineNo,
    ProductCode,
    Description,
    Quantity,
    QuantityDone,
    CommittedReadyDate,
    ForecastReadyDate,
    Milestone,
    LastProgressAt,
    /// Added by the progress migration.
    Version,
}

#[derive(DeriveIden)]
enum PoLineLinks {
    Table,
    PoLineId,
    OrderLineId,
}

#[derive(DeriveIden)]
enum OrderEvents {
    Table,
    Id,
    OrderId,
    At,
    ActorUserId,
    Kind,
    Summary,
    Before,
    After,
}
