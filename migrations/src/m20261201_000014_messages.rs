//! Messages: one conversation per order (between its customer's people and
//! the house) and one per purchase order (between the house and its
//! factory). A message belongs to exactly one thread: `thread_kind` names
//! which, and only that thread's id is set, so the two are never mixed.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000002_accounts::Users;
use crate::m20261127_000004_orders::{Orders, PurchaseOrders};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Messages::Table)
                    .col(pk_auto(Messages::Id))
                    .col(string_len(Messages::ThreadKind, 16))
                    .col(integer_null(Messages::OrderId))
                    .col(integer_null(Messages::PurchaseOrderId))
                    .col(integer(Messages::AuthorUserId))
                    .col(string_len(Messages::Side, 16))
                    .col(text(Messages::Body))
                    .col(timestamp_with_time_zone(Messages::CreatedAt))
                    .check(Expr::cust(
                        "(thread_kind = 'order' AND order_id IS NOT NULL \
                         AND purchase_order_id IS NULL) \
                         OR (thread_kind = 'purchase_order' AND purchase_order_id IS NOT NULL \
                         AND order_id IS NULL)",
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Messages::Table, Messages::OrderId)
                            .to(Orders::Table, Orders::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Messages::Table, Messages::PurchaseOrderId)
                            .to(PurchaseOrders::Table, PurchaseOrders::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Messages::Table, Messages::AuthorUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_messages_order", Messages::OrderId),
            ("idx_messages_purchase_order", Messages::PurchaseOrderId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Messages::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Messages::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Messages {
    Table,
    Id,
    ThreadKind,
    OrderId,
    PurchaseOrderId,
    AuthorUserId,
    Side,
    Body,
    CreatedAt,
}
