//! Who may hear an alert: active people whose choices include its kind and
//! who have not muted the orders it concerns.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::domain::account::Role;
use crate::domain::slip::AlertKind;
use crate::ssr::entities::{company, order, order_mute, user};

/// The people alerts can go to, loaded once per assessment run.
pub struct Audience {
    users: Vec<user::Model>,
    companies: Vec<company::Model>,
    mutes: Vec<order_mute::Model>,
}

impl Audience {
    pub async fn load(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
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

    pub(super) fn staff(&self, kind: AlertKind, orders: &[i32]) -> Vec<&user::Model> {
        self.users
            .iter()
            .filter(|u| matches!(u.role, Role::Staff | Role::Admin))
            .filter(|u| self.wants(u, kind, orders))
            .collect()
    }

    pub(super) fn of_company(
        &self,
        company_id: i32,
        kind: AlertKind,
        orders: &[i32],
    ) -> Vec<&user::Model> {
        self.users
            .iter()
            .filter(|u| u.company_id == company_id)
            .filter(|u| self.wants(u, kind, orders))
            .collect()
    }

    /// Customers and the sales owner hear about their order.
    pub(super) fn of_order(&self, order: &order::Model, kind: AlertKind) -> Vec<&user::Model> {
        let mut list = self.of_company(order.customer_company_id, kind, &[order.id]);
        list.extend(
            self.staff(kind, &[order.id])
                .into_iter()
                .filter(|u| Some(u.id) == order.sales_owner_id),
        );
        list
    }

    pub(super) fn company_name(&self, id: i32) -> String {
        self.companies
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    }
}
