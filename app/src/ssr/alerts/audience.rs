//! Who may hear an alert: active people whose choices include its kind and
//! who have not muted the orders it concerns.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use tokio::sync::OnceCell;

use crate::domain::account::Role;
use crate::domain::slip::AlertKind;
use crate::ssr::entities::{company, order, order_mute, user};

/// The people alerts can go to, read once per assessment run: at once
/// (`load`), or when someone is first to be told (`when_needed`), so that a
/// run that tells no one (most of a factory's progress reports) reads no
/// one.
pub struct Audience {
    people: OnceCell<People>,
}

/// Every active person, every company and every mute.
struct People {
    users: Vec<user::Model>,
    companies: Vec<company::Model>,
    mutes: Vec<order_mute::Model>,
}

impl People {
    async fn read(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        Ok(Self {
            users: user::Entity::find()
                .filter(user::Column::Active.eq(true))
                .all(db)
                .await?,
            companies: company::Entity::find().all(db).await?,
            mutes: order_mute::Entity::find().all(db).await?,
        })
    }

    fn wants(&self, person: &user::Model, kind: AlertKind, orders: &[i32]) -> bool {
        let role = person.role;
        AlertKind::chosen(role, person.alert_kinds.as_deref()).contains(&kind)
            && !orders.iter().any(|o| {
                self.mutes
                    .iter()
                    .any(|m| m.user_id == person.id && m.order_id == *o)
            })
    }

    fn staff(&self, kind: AlertKind, orders: &[i32]) -> Vec<&user::Model> {
        self.users
            .iter()
            .filter(|u| matches!(u.role, Role::Staff | Role::Admin))
            .filter(|u| self.wants(u, kind, orders))
            .collect()
    }

    fn of_company(&self, company_id: i32, kind: AlertKind, orders: &[i32]) -> Vec<&user::Model> {
        self.users
            .iter()
            .filter(|u| u.company_id == company_id)
            .filter(|u| self.wants(u, kind, orders))
            .collect()
    }
}

impl Audience {
    /// Reads everyone now.
    pub async fn load(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        let audience = Self::when_needed();
        audience.people(db).await?;
        Ok(audience)
    }

    /// Reads everyone when first asked who is to be told, through the
    /// connection given then.
    pub fn when_needed() -> Self {
        Self {
            people: OnceCell::new(),
        }
    }

    async fn people(&self, db: &impl ConnectionTrait) -> Result<&People, DbErr> {
        self.people.get_or_try_init(|| People::read(db)).await
    }

    pub(super) async fn staff(
        &self,
        db: &impl ConnectionTrait,
        kind: AlertKind,
        orders: &[i32],
    ) -> Result<Vec<&user::Model>, DbErr> {
        Ok(self.people(db).await?.staff(kind, orders))
    }

    pub(super) async fn of_company(
        &self,
        db: &impl ConnectionTrait,
        company_id: i32,
        kind: AlertKind,
        orders: &[i32],
    ) -> Result<Vec<&user::Model>, DbErr> {
        Ok(self.people(db).await?.of_company(company_id, kind, orders))
    }

    /// Customers and the sales owner hear about their order.
    pub(super) async fn of_order(
        &self,
        db: &impl ConnectionTrait,
        order: &order::Model,
        kind: AlertKind,
    ) -> Result<Vec<&user::Model>, DbErr> {
        let people = self.people(db).await?;
        let mut list = people.of_company(order.customer_company_id, kind, &[order.id]);
        list.extend(
            people
                .staff(kind, &[order.id])
                .into_iter()
                .filter(|u| Some(u.id) == order.sales_owner_id),
        );
        Ok(list)
    }

    pub(super) async fn company_name(
        &self,
        db: &impl ConnectionTrait,
        id: i32,
    ) -> Result<String, DbErr> {
        Ok(self
            .people(db)
            .await?
            .companies
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default())
    }
}
