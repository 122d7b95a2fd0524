//! The lines that have no committed date yet, by order. The customer's first
//! page asks of each delivered order whether any of its lines lacks a
//! commitment; almost every line has one, so this index holds few entries
//! and answers "none" without reading the order's lines.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NAME: &str = "idx_order_lines_unconfirmed";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(NAME)
                    .table(Alias::new("order_lines"))
                    .col(Alias::new("order_id"))
                    .and_where(Expr::col(Alias::new("committed_date")).is_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(NAME)
                    .table(Alias::new("order_lines"))
                    .to_owned(),
            )
            .await
    }
}
