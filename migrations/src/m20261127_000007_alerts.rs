//! Slippage alerts: the slip level each PO line and customer line was last
//! alerted at (so an alert goes out once per level), whether an overdue alert
//! went out, HTML bodies and delivery leases on the outbox (so several
//! instances never send the same row at once), people's alert choices, and
//! the alerts waiting for a person's daily digest.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000002_accounts::Users;
use crate::m20261127_000004_orders::{OrderLines, Orders, PoLines};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        let columns: Vec<(DynIden, ColumnDef)> = vec![
            (
                PoLines::Table.into_iden(),
                integer(Alerts::AlertLevel).default(0).to_owned(),
            ),
            (
                OrderLines::Table.into_iden(),
                integer(Alerts::AlertLevel).default(0).to_owned(),
            ),
            (
                OrderLines::Table.into_iden(),
                boolean(Alerts::OverdueAlerted).default(false).to_owned(),
            ),
            (
                Outbox::Table.into_iden(),
                text_null(Outbox::BodyHtml).to_owned(),
            ),
            (
                Outbox::Table.into_iden(),
                timestamp_with_time_zone_null(Outbox::ClaimedUntil).to_owned(),
            ),
            (
                Users::Table.into_iden(),
                text_null(Alerts::AlertKinds).to_owned(),
            ),
            (
                Users::Table.into_iden(),
                boolean(Alerts::AlertDigest).default(false).to_owned(),
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
                    .table(DigestItems::Table)
                    .col(pk_auto(DigestItems::Id))
                    .col(integer(DigestItems::UserId))
                    .col(string_len_uniq(DigestItems::DedupeKey, 200))
                    .col(string_len(DigestItems::Kind, 64))
                    .col(string_len(DigestItems::Subject, 300))
                    .col(text(DigestItems::BodyText))
                    .col(timestamp_with_time_zone(DigestItems::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DigestItems::Table, DigestItems::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OrderMutes::Table)
                    .col(integer(OrderMutes::UserId))
                    .col(integer(OrderMutes::OrderId))
                    .primary_key(
                        Index::create()
                            .col(OrderMutes::UserId)
                            .col(OrderMutes::OrderId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OrderMutes::Table, OrderMutes::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OrderMutes::Table, OrderMutes::OrderId)
                            .to(Orders::Table, Orders::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OrderMutes::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(DigestItems::Table).to_owned())
            .await?;
        let columns: Vec<(DynIden, DynIden)> = vec![
            (Users::Table.into_iden(), Alerts::AlertDigest.into_iden()),
            (Users::Table.into_iden(), Alerts::AlertKinds.into_iden()),
            (Outbox::Table.into_iden(), Outbox::ClaimedUntil.into_iden()),
            (Outbox::Table.into_iden(), Outbox::BodyHtml.into_iden()),
            (
                OrderLines::Table.into_iden(),
                Alerts::OverdueAlerted.into_iden(),
            ),
            (
                OrderLines::Table.into_iden(),
                Alerts::AlertLevel.into_iden(),
            ),
            (PoLines::Table.into_iden(), Alerts::AlertLevel.into_iden()),
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
enum Alerts {
    AlertLevel,
    OverdueAlerted,
    AlertKinds,
    AlertDigest,
}

#[derive(DeriveIden)]
enum DigestItems {
    Table,
    Id,
    UserId,
    DedupeKey,
    Kind,
    Subject,
    BodyText,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    BodyHtml,
    ClaimedUntil,
}

#[derive(DeriveIden)]
enum OrderMutes {
    Table,
    UserId,
    OrderId,
}
