//! Change requests: what a customer asked to change on an order (the items,
//! old → new, as JSON written by the change rules), the order version it was
//! asked against, the house's decision or counter-proposal, and the customer's
//! answer. Factory lines get the changes they must acknowledge, and can be
//! cancelled; orders count their revisions.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000002_accounts::Users;
use crate::m20261127_000004_orders::{Orders, PoLines};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        let columns: Vec<(DynIden, ColumnDef)> = vec![
            (
                Orders::Table.into_iden(),
                integer(Changes::Revision).default(0).to_owned(),
            ),
            (
                PoLines::Table.into_iden(),
                boolean(Changes::Cancelled).default(false).to_owned(),
            ),
        ];
        for (table, column) in columns {
            manager
                .alter_table(Table::alter().table(table).add_column(column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(ChangeRequests::Table)
                    .col(pk_auto(ChangeRequests::Id))
                    .col(integer(ChangeRequests::OrderId))
                    .col(integer(ChangeRequests::RequestedBy))
                    .col(integer(ChangeRequests::BaseVersion))
                    .col(string_len(ChangeRequests::Status, 16))
                    .col(text(ChangeRequests::Items))
                    .col(text(ChangeRequests::Note))
                    .col(text_null(ChangeRequests::CounterItems))
                    .col(text_null(ChangeRequests::Answer))
                    .col(integer_null(ChangeRequests::DecidedBy))
                    .col(timestamp_with_time_zone(ChangeRequests::CreatedAt))
                    .col(timestamp_with_time_zone_null(ChangeRequests::DecidedAt))
                    .col(timestamp_with_time_zone_null(ChangeRequests::ClosedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ChangeRequests::Table, ChangeRequests::OrderId)
                            .to(Orders::Table, Orders::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ChangeRequests::Table, ChangeRequests::RequestedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ChangeRequests::Table, ChangeRequests::DecidedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_change_requests_status_created")
                    .table(ChangeRequests::Table)
                    .col(ChangeRequests::Status)
                    .col(ChangeRequests::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_change_requests_order")
                    .table(ChangeRequests::Table)
                    .col(ChangeRequests::OrderId)
                    .to_owned(),
            )
            .await?;
        // One request waiting per order: two sent at once cannot both stay.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX idx_change_requests_one_pending ON change_requests (order_id) \
                 WHERE status IN ('open', 'countered')",
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PoLineChanges::Table)
                    .col(pk_auto(PoLineChanges::Id))
                    .col(integer(PoLineChanges::PoLineId))
                    .col(integer(PoLineChanges::ChangeRequestId))
                    .col(text(PoLineChanges::Detail))
                    .col(timestamp_with_time_zone(PoLineChanges::CreatedAt))
                    .col(timestamp_with_time_zone_null(PoLineChanges::AcknowledgedAt))
                    .col(integer_null(PoLineChanges::AcknowledgedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PoLineChanges::Table, PoLineChanges::PoLineId)
                            .to(PoLines::Table, PoLines::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PoLineChanges::Table, PoLineChanges::ChangeRequestId)
                            .to(ChangeRequests::Table, ChangeRequests::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PoLineChanges::Table, PoLineChanges::AcknowledgedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_po_line_changes_line")
                    .table(PoLineChanges::Table)
                    .col(PoLineChanges::PoLineId)
                    .col(PoLineChanges::AcknowledgedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PoLineChanges::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ChangeRequests::Table).to_owned())
            .await?;
        let columns: Vec<(DynIden, DynIden)> = vec![
            (PoLines::Table.into_iden(), Changes::Cancelled.into_iden()),
            (Orders::Table.into_iden(), Changes::Revision.into_iden()),
        ];
        for (table, column) in columns {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Changes {
    Revision,
    Cancelled,
}

#[derive(DeriveIden)]
enum ChangeRequests {
    Table,
    Id,
    OrderId,
    RequestedBy,
    BaseVersion,
    Status,
    Items,
    Note,
    CounterItems,
    Answer,
    DecidedBy,
    CreatedAt,
    DecidedAt,
    ClosedAt,
}

#[derive(DeriveIden)]
enum PoLineChanges {
    Table,
    Id,
    PoLineId,
    ChangeRequestId,
    Detail,
    CreatedAt,
    AcknowledgedAt,
    AcknowledgedBy,
}
