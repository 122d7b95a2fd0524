//! Companies: the trading house itself, its overseas customers and its supplier factories.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Companies::Table)
                    .col(pk_auto(Companies::Id))
                    .col(string_len(Companies::Kind, 16))
                    .col(string_len_uniq(Companies::Name, 200))
                    .col(string_len(Companies::Country, 2))
                    .col(string_len(Companies::City, 100))
                    .col(timestamp_with_time_zone(Companies::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_companies_kind")
                    .table(Companies::Table)
                    .col(Companies::Kind)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Companies::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Companies {
    Table,
    Id,
    Kind,
    Name,
    Country,
    City,
    CreatedAt,
}
