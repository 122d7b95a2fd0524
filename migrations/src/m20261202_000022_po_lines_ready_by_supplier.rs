//! A factory's lines by the day they were ready, for its scorecard (on time
//! or late against the committed ready date, over the last 90 days). The
//! line keeps its factory (migration 21), so one factory's scorecard reads
//! its own ready lines of the period here instead of every factory's.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NAME: &str = "idx_po_lines_ready_by_supplier";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(NAME)
                    .table(Alias::new("po_lines"))
                    .col(Alias::new("supplier_company_id"))
                    .col(Alias::new("ready_on"))
                    .col(Alias::new("cancelled"))
                    .col(Alias::new("committed_ready_date"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(NAME)
                    .table(Alias::new("po_lines"))
                    .to_owned(),
            )
            .await
    }
}
