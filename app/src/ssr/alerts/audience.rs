//! Who may hear an alert: active people whose choices include its kind and
//! who have not muted the orders it concerns.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use tokio::sync::Mutex;

use crate::domain::account::Role;
use crate::domain::slip::AlertKind;
use crate::ssr::entities::{company, order, order_mute, user};
use crate::ssr::repo::users;

/// The people alerts can go to, for one assessment run: everyone read at
/// once (`load`, for a run over many lines), or only those it comes to
/// (`when_needed`, for a factory's report): no one when it tells no one,
/// else the house's staff, the people of the companies concerned and the
/// mutes of the orders concerned, each read once when first needed.
pub struct Audience {
    people: Mutex<People>,
}

/// Who has been read so far.
#[derive(Default)]
struct People {
    /// Everyone was read: what is not here does not exist.
    everyone: bool,
    /// The active staff and admins, once read.
    staff: Option<Vec<user::Model>>,
    /// The active people of each company read.
    of_company: HashMap<i32, Vec<user::Model>>,
    /// The names of the companies read.
    names: HashMap<i32, String>,
    /// Who muted which order: (person, order), for the orders read.
    mutes: HashSet<(i32, i32)>,
    /// The orders whose mutes were read.
    muted_read: HashSet<i32>,
}

impl People {
    async fn read_everyone(&mut self, db: &impl ConnectionTrait) -> Result<(), DbErr> {
        let users = user::Entity::find()
            .filter(user::Column::Active.eq(true))
            .all(db)
            .await?;
        let companies = company::Entity::find().all(db).await?;
        let mutes = order_mute::Entity::find().all(db).await?;
        self.staff = Some(users.iter().filter(|u| is_staff(u)).cloned().collect());
        for person in users {
            self.of_company
                .entry(person.company_id)
                .or_default()
                .push(person);
        }
        self.names = companies.into_iter().map(|c| (c.id, c.name)).collect();
        self.mutes = mutes.into_iter().map(|m| (m.user_id, m.order_id)).collect();
        self.everyone = true;
        Ok(())
    }

    /// Reads the active staff and admins, unless read.
    async fn read_staff(&mut self, db: &impl ConnectionTrait) -> Result<(), DbErr> {
        if self.staff.is_none() {
            self.staff = Some(users::active_house(db).await?);
        }
        Ok(())
    }

    /// Reads the active people of `company_id`, unless read.
    async fn read_company(
        &mut self,
        db: &impl ConnectionTrait,
        company_id: i32,
    ) -> Result<(), DbErr> {
        if !self.everyone && !self.of_company.contains_key(&company_id) {
            let people = users::active_of_companies(db, &[company_id]).await?;
            self.of_company.insert(company_id, people);
        }
        Ok(())
    }

    /// Reads the name of company `id`, unless read.
    async fn read_name(&mut self, db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
        if !self.everyone && !self.names.contains_key(&id) {
            let name = company::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(|c| c.name)
                .unwrap_or_default();
            self.names.insert(id, name);
        }
        Ok(())
    }

    async fn read_mutes(&mut self, db: &impl ConnectionTrait, orders: &[i32]) -> Result<(), DbErr> {
        if self.everyone {
            return Ok(());
        }
        let unread: Vec<i32> = orders
            .iter()
            .copied()
            .filter(|o| !self.muted_read.contains(o))
            .collect();
        if unread.is_empty() {
            return Ok(());
        }
        let mutes = order_mute::Entity::find()
            .filter(order_mute::Column::OrderId.is_in(unread.iter().copied()))
            .all(db)
            .await?;
        self.mutes
            .extend(mutes.into_iter().map(|m| (m.user_id, m.order_id)));
        self.muted_read.extend(unread);
        Ok(())
    }

    /// Whether `person` chose `kind` and muted none of `orders` (whose
    /// mutes were read).
    fn wants(&self, person: &user::Model, kind: AlertKind, orders: &[i32]) -> bool {
        AlertKind::chosen(person.role, person.alert_kinds.as_deref()).contains(&kind)
            && !orders.iter().any(|o| self.mutes.contains(&(person.id, *o)))
    }

    /// Those of `people` who want to hear of `kind` about `orders`.
    fn wanting(&self, people: &[user::Model], kind: AlertKind, orders: &[i32]) -> Vec<user::Model> {
        people
            .iter()
            .filter(|u| self.wants(u, kind, orders))
            .cloned()
            .collect()
    }
}

fn is_staff(person: &user::Model) -> bool {
    matches!(person.role, Role::Staff | Role::Admin)
}

impl Audience {
    /// Reads everyone now.
    pub async fn load(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        let mut people = People::default();
        people.read_everyone(db).await?;
        Ok(Self {
            people: Mutex::new(people),
        })
    }

    /// Reads the people an alert goes to when first asked, through the
    /// connection given then.
    pub fn when_needed() -> Self {
        Self {
            people: Mutex::new(People::default()),
        }
    }

    pub(super) async fn staff(
        &self,
        db: &impl ConnectionTrait,
        kind: AlertKind,
        orders: &[i32],
    ) -> Result<Vec<user::Model>, DbErr> {
        let mut people = self.people.lock().await;
        people.read_mutes(db, orders).await?;
        people.read_staff(db).await?;
        let staff = people.staff.as_deref().unwrap_or_default();
        Ok(people.wanting(staff, kind, orders))
    }

    pub(super) async fn of_company(
        &self,
        db: &impl ConnectionTrait,
        company_id: i32,
        kind: AlertKind,
        orders: &[i32],
    ) -> Result<Vec<user::Model>, DbErr> {
        let mut people = self.people.lock().await;
        people.read_mutes(db, orders).await?;
        people.read_company(db, company_id).await?;
        let members = people.of_company.get(&company_id).map(Vec::as_slice);
        Ok(people.wanting(members.unwrap_or_default(), kind, orders))
    }

    /// Customers and the sales owner hear about their order.
    pub(super) async fn of_order(
        &self,
        db: &impl ConnectionTrait,
        order: &order::Model,
        kind: AlertKind,
    ) -> Result<Vec<user::Model>, DbErr> {
        let mut list = self
            .of_company(db, order.customer_company_id, kind, &[order.id])
            .await?;
        list.extend(
            self.staff(db, kind, &[order.id])
                .await?
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
        let mut people = self.people.lock().await;
        people.read_name(db, id).await?;
        Ok(people.names.get(&id).cloned().unwrap_or_default())
    }
}
