//! The orders of one customer in given statuses, for the customer's first
//! page: it counts the orders still in work apart from the delivered ones,
//! and a large customer's book is mostly delivered. Without this index each
//! of the customer's orders was read to learn its status.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NAME: &str = "idx_orders_customer_status";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(NAME)
                    .table(Alias::new("orders"))
                    .col(Alias::new("customer_company_id"))
                    .col(Alias::new("status"))
                    .col(Alias::new("id"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(NAME)
                    .table(Alias::new("orders"))
                    .to_owned(),
            )
            .await
    }
}
