//! Two-factor sign-in: each person's authenticator secret (with when it was
//! confirmed and the last time step a code was accepted for, so a code is
//! never accepted twice), their single-use recovery codes (SHA-256 only),
//! and the short-lived sign-ins that passed the password and wait for the
//! second step (the browser holds the token, the table its SHA-256).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000002_accounts::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TwoFactorSecrets::Table)
                    .col(integer(TwoFactorSecrets::UserId).primary_key())
                    // Base32 of 20 random bytes.
                    .col(string_len(TwoFactorSecrets::Secret, 64))
                    .col(timestamp_with_time_zone(TwoFactorSecrets::CreatedAt))
                    // Null while being set up: codes count only once confirmed.
                    .col(timestamp_with_time_zone_null(TwoFactorSecrets::EnabledAt))
                    .col(big_integer_null(TwoFactorSecrets::LastStep))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TwoFactorSecrets::Table, TwoFactorSecrets::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RecoveryCodes::Table)
                    .col(pk_auto(RecoveryCodes::Id))
                    .col(integer(RecoveryCodes::UserId))
                    .col(string_len(RecoveryCodes::CodeHash, 64))
                    .col(timestamp_with_time_zone(RecoveryCodes::CreatedAt))
                    .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RecoveryCodes::Table, RecoveryCodes::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // A code is looked up by its person and its hash.
        manager
            .create_index(
                Index::create()
                    .name("idx_recovery_codes_user_hash")
                    .table(RecoveryCodes::Table)
                    .col(RecoveryCodes::UserId)
                    .col(RecoveryCodes::CodeHash)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TwoFactorChallenges::Table)
                    .col(pk_auto(TwoFactorChallenges::Id))
                    .col(string_len_uniq(TwoFactorChallenges::TokenHash, 64))
                    .col(integer(TwoFactorChallenges::UserId))
                    // `code` or `enrol`.
                    .col(string_len(TwoFactorChallenges::Step, 16))
                    // Where the sign-in leads once finished; a local path.
                    .col(string_len(TwoFactorChallenges::NextPath, 200))
                    .col(timestamp_with_time_zone(TwoFactorChallenges::CreatedAt))
                    .col(timestamp_with_time_zone(TwoFactorChallenges::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TwoFactorChallenges::Table, TwoFactorChallenges::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_two_factor_challenges_user")
                    .table(TwoFactorChallenges::Table)
                    .col(TwoFactorChallenges::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            TwoFactorChallenges::Table.into_iden(),
            RecoveryCodes::Table.into_iden(),
            TwoFactorSecrets::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum TwoFactorSecrets {
    Table,
    UserId,
    Secret,
    CreatedAt,
    EnabledAt,
    LastStep,
}

#[derive(DeriveIden)]
enum RecoveryCodes {
    Table,
    Id,
    UserId,
    CodeHash,
    CreatedAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum TwoFactorChallenges {
    Table,
    Id,
    TokenHash,
    UserId,
    Step,
    NextPath,
    CreatedAt,
    ExpiresAt,
}
