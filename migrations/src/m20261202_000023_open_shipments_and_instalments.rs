//! What a customer's first page looks for among shipments and instalments is
//! what is still open: shipments not arrived, instalments not paid in full.
//! These partial indexes hold only those, so the page reads a handful of
//! entries however long the customer's history (the indexes by order made
//! it walk every order the customer ever placed).
//!
//! Nothing reads `idx_order_lines_unconfirmed` (migration 19) since the order
//! keeps its lines' summary (migration 20), so it is dropped here.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const SHIPMENTS: &str = "idx_shipments_under_way";
const INSTALMENTS: &str = "idx_instalments_owed";
const UNCONFIRMED: &str = "idx_order_lines_unconfirmed";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(SHIPMENTS)
                    .table(Alias::new("shipments"))
                    .col(Alias::new("order_id"))
                    .and_where(Expr::col(Alias::new("ata")).is_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(INSTALMENTS)
                    .table(Alias::new("instalments"))
                    .col(Alias::new("due_date"))
                    .col(Alias::new("order_id"))
                    .and_where(Expr::col(Alias::new("due_date")).is_not_null())
                    .and_where(
                        Expr::col(Alias::new("paid_minor"))
                            .lt(Expr::col(Alias::new("amount_minor"))),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name(UNCONFIRMED)
                    .table(Alias::new("order_lines"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(UNCONFIRMED)
                    .table(Alias::new("order_lines"))
                    .col(Alias::new("order_id"))
                    .and_where(Expr::col(Alias::new("committed_date")).is_null())
                    .to_owned(),
            )
            .await?;
        for (name, table) in [(INSTALMENTS, "instalments"), (SHIPMENTS, "shipments")] {
            manager
                .drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
