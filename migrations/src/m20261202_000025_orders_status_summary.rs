//! Open orders by status with the summary they keep of their lines
//! (migration 20), so the at-risk board finds the orders with a line
//! slipping or a commitment passed from this index alone, and looks at the
//! lines of those orders only.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NAME: &str = "idx_orders_status_summary";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(NAME)
                    .table(Alias::new("orders"))
                    .col(Alias::new("status"))
                    .col(Alias::new("earliest_committed"))
                    .col(Alias::new("most_slip"))
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
