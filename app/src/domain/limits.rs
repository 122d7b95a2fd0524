//! Limits on what one request and one person may ask of the portal, so that
//! nobody (a script with a stolen session, a page stuck in a loop) can make
//! it work, hold or mail without bound: the length of search text, the
//! number of live streams one person keeps open, and how fast one person
//! may send writes, writes that mail other people most of all.
//!
//! The write allowance is a token bucket kept as one instant (the generic
//! cell rate algorithm): the moment by which every request taken so far is
//! paid back. It is pure arithmetic on milliseconds, so the server keeps one
//! per person in memory and the rules are tested here.

/// The longest search text a list or an export takes. Order and PO numbers
/// and products are far shorter; longer text only makes the database
/// compare more.
pub const MAX_SEARCH_CHARS: usize = 100;

/// Whether a search text (if any) is short enough to run.
pub fn search_fits(text: Option<&str>) -> bool {
    text.is_none_or(|text| text.chars().count() <= MAX_SEARCH_CHARS)
}

/// How many live-update streams one person may hold open at once. A tab
/// opens one or two; this leaves room for several tabs and for the streams
/// of a reloaded page that the server has not yet seen close, while one
/// person cannot hold an unbounded number of connections and subscriptions.
pub const MAX_LIVE_STREAMS_PER_PERSON: usize = 10;

/// Whether a person holding `open` streams may open another.
pub fn may_open_stream(open: usize) -> bool {
    open < MAX_LIVE_STREAMS_PER_PERSON
}

/// How fast requests of one kind may come: `burst` at once, then one more
/// every `every_ms` milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub burst: u32,
    pub every_ms: i64,
}

impl Rate {
    /// `per_minute` on average, and twice as many at once: a person catching
    /// up on a page of forms is not stopped, a loop is.
    pub fn per_minute(per_minute: u32) -> Self {
        let per_minute = per_minute.max(1);
        Self {
            burst: per_minute.saturating_mul(2),
            every_ms: (60_000 / i64::from(per_minute)).max(1),
        }
    }
}

/// One allowance of requests: the instant (in milliseconds) by which every
/// request taken so far is paid back; `None` when none is owed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bucket {
    paid_back_at: Option<i64>,
}

impl Bucket {
    /// The bucket after one more request at `now`, or how many milliseconds
    /// until one would be taken. A clock that went back counts as standing
    /// still.
    pub fn take(self, rate: Rate, now: i64) -> Result<Bucket, i64> {
        let every = rate.every_ms.max(1);
        let slack = every.saturating_mul(i64::from(rate.burst.max(1)) - 1);
        let owed_until = self.paid_back_at.map_or(now, |at| at.max(now));
        let allowed_from = owed_until.saturating_sub(slack);
        if now < allowed_from {
            return Err(allowed_from.saturating_sub(now));
        }
        Ok(Bucket {
            paid_back_at: Some(owed_until.saturating_add(every)),
        })
    }

    /// Whether the bucket is as full as a new one at `now`, so it can be
    /// forgotten.
    pub fn is_full(&self, now: i64) -> bool {
        self.paid_back_at.is_none_or(|at| at <= now)
    }
}

/// What a request to a server function is, for the write allowance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteKind {
    /// Changes something.
    Ordinary,
    /// Changes something and mails other people each time.
    Mail,
}

/// Server functions that only read: not counted.
const READS: &[&str] = &[
    "admin/audit-log",
    "admin/new-accounts",
    "admin/people",
    "alerts/choices",
    "areas/home",
    "auth/invitation",
    "auth/me",
    "changes/factory",
    "changes/get",
    "changes/inbox",
    "complaints/get",
    "complaints/list",
    "complaints/settings",
    "credit/get",
    "files/po-line",
    "inquiries/get",
    "inquiries/list",
    "inquiries/products",
    "mail/dead",
    "messages/get",
    "notifications/list",
    "notifications/unread",
    "orders/customers",
    "orders/get",
    "orders/glance",
    "orders/list",
    "orders/timeline",
    "portal/overview",
    "progress/line",
    "progress/lines",
    "quotations/get",
    "quotations/list",
    "quotations/mine",
    "rules/get",
    "sessions/list",
    "shipping/get",
    "two-factor/house-rule",
    "two-factor/status",
    "workspace/board",
    "workspace/kpis",
    "workspace/scorecard",
];

/// Server functions that mail other people on every call and that a
/// person can repeat at will (ask and withdraw, post, file, invite).
const MAIL_SENDING: &[&str] = &[
    "admin/invite",
    "auth/request-reset",
    "changes/acknowledge",
    "changes/answer",
    "changes/request",
    "changes/withdraw",
    "complaints/file",
    "complaints/step",
    "inquiries/create",
    "messages/post",
    "quotations/respond",
];

/// Server functions that write only through a unit of work, which says
/// itself what it wrote when it commits (`ssr::work`), or write only what no
/// kept page or read shows (throttles, the audit log): the request-level
/// rule that drops every kept page after a write leaves them alone. Each
/// names the parts of the book it touches: a factory's progress reports,
/// messages, and every step on one order (its creation and moves, the
/// desk's edits, purchase orders and payments, its shipments and
/// documents, its change requests and complaints, its files shared), an
/// inquiry and every step of a quotation (its customer's whole view);
/// marking notifications read, a language or zone chosen and a session
/// ended name the person's own part; a sign-in names only the person whose
/// session it ended, if any; a reset link asked for and the secret a
/// waiting sign-in sets up name nothing. A person's alert choices and
/// two-factor steps name their own part (a new secret not yet confirmed
/// nothing), muting an order names the order (its page shows the mute), and
/// a dead letter sent again names no part. An administrator's
/// deactivation names the person it is about and their company (whose
/// first pages count its people on the portal), a staff level the person;
/// an invitation names the company it adds someone to, its acceptance the
/// invitee and their company. The house's settings (approval rules and
/// credit policy, complaint clocks and causes, a customer's credit score)
/// name no part, as nothing kept of a customer or factory shows them; the
/// house's two-factor rule names the people whose sessions it ended.
const ANNOUNCE_THEIR_WRITES: &[&str] = &[
    "admin/deactivate",
    "admin/invite",
    "admin/staff-level",
    "alerts/choose",
    "alerts/mute",
    "auth/accept-invitation",
    "auth/change-password",
    "auth/locale",
    "auth/login",
    "auth/logout",
    "auth/request-reset",
    "auth/reset",
    "auth/time-zone",
    "auth/two-factor",
    "auth/two-factor-step",
    "changes/acknowledge",
    "changes/answer",
    "changes/decide",
    "changes/request",
    "changes/withdraw",
    "complaints/add-root-cause",
    "complaints/file",
    "complaints/save-settings",
    "complaints/step",
    "credit/set",
    "files/share",
    "inquiries/create",
    "mail/retry",
    "messages/post",
    "notifications/open",
    "notifications/read-all",
    "orders/create",
    "orders/move",
    "orders/pay",
    "orders/place-po",
    "orders/update",
    "progress/bulk",
    "progress/post",
    "quotations/decide",
    "quotations/respond",
    "quotations/revise",
    "quotations/save",
    "quotations/send",
    "quotations/start",
    "quotations/submit",
    "quotations/withdraw",
    "rules/set",
    "sessions/end",
    "sessions/end-others",
    "shipping/arrive",
    "shipping/customs",
    "shipping/depart",
    "shipping/document",
    "shipping/generate",
    "shipping/lc",
    "shipping/plan",
    "shipping/presented",
    "shipping/update",
    "two-factor/confirm",
    "two-factor/disable",
    "two-factor/recovery-codes",
    "two-factor/set-house-rule",
    "two-factor/start",
];

/// Whether the server function at `endpoint` announces its own writes (see
/// [`ANNOUNCE_THEIR_WRITES`]); anything not listed may write unannounced.
pub fn announces_its_writes(endpoint: &str) -> bool {
    ANNOUNCE_THEIR_WRITES.contains(&endpoint)
}

/// What a call of the server function at `endpoint` (its path after
/// `/api/`) counts as; `None` for a read. Anything not known as a read
/// counts as a write, so a new server function is limited from the start.
pub fn write_kind(endpoint: &str) -> Option<WriteKind> {
    if MAIL_SENDING.contains(&endpoint) {
        Some(WriteKind::Mail)
    } else if READS.contains(&endpoint) {
        None
    } else {
        Some(WriteKind::Ordinary)
    }
}

/// How fast one person may write: every write takes from `writes`, a
/// mail-sending one from `mail` as well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteRates {
    pub writes: Rate,
    pub mail: Rate,
}

impl WriteRates {
    /// Twenty mail-sending writes at once, then one a minute: a lively
    /// conversation goes on, a loop that mails the house every time stops.
    pub const MAIL: Rate = Rate {
        burst: 20,
        every_ms: 60_000,
    };

    /// `writes_per_minute` writes on average (twice as many at once), and
    /// `MAIL` for mail-sending ones.
    pub fn per_minute(writes_per_minute: u32) -> Self {
        Self {
            writes: Rate::per_minute(writes_per_minute),
            mail: Self::MAIL,
        }
    }
}

/// One person's write allowances.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Allowance {
    writes: Bucket,
    mail: Bucket,
}

impl Allowance {
    /// The allowance after one write of `kind` at `now`, or how many
    /// milliseconds until it would be taken. A refused write takes nothing.
    pub fn take(self, kind: WriteKind, rates: WriteRates, now: i64) -> Result<Allowance, i64> {
        let writes = self.writes.take(rates.writes, now);
        let mail = match kind {
            WriteKind::Mail => self.mail.take(rates.mail, now).map(Some),
            WriteKind::Ordinary => Ok(None),
        };
        match (writes, mail) {
            (Ok(writes), Ok(mail)) => Ok(Allowance {
                writes,
                mail: mail.unwrap_or(self.mail),
            }),
            (Err(first), Err(second)) => Err(first.max(second)),
            (Err(wait), _) | (_, Err(wait)) => Err(wait),
        }
    }

    /// Whether both allowances are full at `now`, so they can be forgotten.
    pub fn is_full(&self, now: i64) -> bool {
        self.writes.is_full(now) && self.mail.is_full(now)
    }
}

/// A wait in whole seconds, as `Retry-After` gives it: rounded up, and at
/// least one.
pub fn retry_after_seconds(wait_ms: i64) -> u64 {
    u64::try_from(wait_ms.max(1)).unwrap_or(1).div_ceil(1000)
}

#[cfg(test)]
mod tests;
