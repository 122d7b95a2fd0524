//! Supplier progress: the append-only history of what a factory reported on a
//! purchase-order line, and a version on PO lines so two updates of the same
//! line cannot overwrite each other unseen.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000002_accounts::Users;
use crate::m20261127_000004_orders::PoLines;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(PoLines::Table)
                    .add_column(integer(PoLines::Version).default(1))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProgressUpdates::Table)
                    .col(pk_auto(ProgressUpdates::Id))
                    .col(integer(ProgressUpdates::PoLineId))
                    .col(timestamp_with_time_zone(ProgressUpdates::At))
                    .col(integer_null(ProgressUpdates::UserId))
                    .col(string_len(ProgressUpdates::Milestone, 24))
                    .col(big_integer(ProgressUpdates::QuantityDone))
                    .col(big_integer_null(ProgressUpdates::LotQuantity))
                    .col(date_null(ProgressUpdates::ForecastReadyDate))
                    .col(text_null(ProgressUpdates::Reason))
                    .col(text_null(ProgressUpdates::Note))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProgressUpdates::Table, ProgressUpdates::PoLineId)
                            .to(PoLines::Table, PoLines::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProgressUpdates::Table, ProgressUpdates::UserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_progress_updates_line")
                    .table(ProgressUpdates::Table)
                    .col(ProgressUpdates::PoLineId)
                    .col(ProgressUpdates::Id)
                    .to_owned(),
            )
            .await?;
        // The supplier list and the staleness scan walk PO lines by readiness.
        manager
            .create_index(
                Index::create()
                    .name("idx_po_lines_committed_ready")
                    .table(PoLines::Table)
                    .col(PoLines::CommittedReadyDate)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_po_lines_committed_ready")
                    .table(PoLines::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(ProgressUpdates::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(PoLines::Table)
                    .drop_column(PoLines::Version)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum ProgressUpdates {
    Table,
    Id,
    PoLineId,
    At,
    UserId,
    Milestone,
    QuantityDone,
    LotQuantity,
    ForecastReadyDate,
    Reason,
    Note,
}
