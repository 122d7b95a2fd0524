//! What happens to an order after production: the shipments that carry it
//! (carrier, vessel, bill of lading, container, departure and arrival) and the
//! payments received against it.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000004_orders::Orders;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Shipments::Table)
                    .col(pk_auto(Shipments::Id))
                    .col(integer(Shipments::OrderId))
                    .col(date(Shipments::ShippedOn))
                    .col(string_len(Shipments::Carrier, 80))
                    .col(string_len(Shipments::Vessel, 80))
                    .col(string_len(Shipments::BlNumber, 40))
                    .col(string_len(Shipments::ContainerNo, 40))
                    .col(date_null(Shipments::Eta))
                    .col(timestamp_with_time_zone(Shipments::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Shipments::Table, Shipments::OrderId)
                            .to(Orders::Table, Orders::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_shipments_order")
                    .table(Shipments::Table)
                    .col(Shipments::OrderId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Payments::Table)
                    .col(pk_auto(Payments::Id))
                    .col(integer(Payments::OrderId))
                    .col(date(Payments::ReceivedOn))
                    .col(big_integer(Payments::AmountMinor))
                    .col(string_len(Payments::Reference, 80))
                    .col(timestamp_with_time_zone(Payments::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Payments::Table, Payments::OrderId)
                            .to(Orders::Table, Orders::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_payments_order")
                    .table(Payments::Table)
                    .col(Payments::OrderId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Payments::Table.into_iden(), Shipments::Table.into_iden()] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Shipments {
    Table,
    Id,
    OrderId,
    ShippedOn,
    Carrier,
    Vessel,
    BlNumber,
    ContainerNo,
    Eta,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Payments {
    Table,
    Id,
    OrderId,
    ReceivedOn,
    AmountMinor,
    Reference,
    CreatedAt,
}
