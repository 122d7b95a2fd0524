//! The clocks on a complaint: how long the house may take for its first
//! answer and for a remedy, counted in working time, where each clock
//! stands, and the reminders it sends: one when it is due soon (to the
//! complaint's owner), one when it is overdue (to the sales manager as
//! well). Each is sent once; one passed over while nobody looked (the due
//! soon of a clock found already overdue) is not sent afterwards.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::hours::{WorkingHours, add_working, working_minutes_between};

/// A clock is due soon when less than this share (in percent) of its
/// target is left…
pub const DUE_SOON_PERCENT: i64 = 20;

/// …or less than this many minutes, whichever is more.
pub const DUE_SOON_MINUTES: i64 = 15;

/// How long the house may take, in working minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockTargets {
    /// From the complaint to its first answer.
    pub first_answer_minutes: u32,
    /// From the complaint to a remedy.
    pub remedy_minutes: u32,
}

impl ClockTargets {
    /// An hour for the first answer, 24 hours for the remedy (of working
    /// time, like every target).
    pub const DEFAULT: ClockTargets = ClockTargets {
        first_answer_minutes: 60,
        remedy_minutes: 24 * 60,
    };
}

impl Default for ClockTargets {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// The longest target the house may set, in working minutes: 720 hours,
/// far beyond any promise worth making, yet a clock that still runs out.
pub const MAX_TARGET_MINUTES: u32 = 720 * 60;

/// What is wrong with a target on the settings form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetError {
    /// Neither whole hours ("4") nor hours and minutes ("1:30").
    BadFormat,
    /// No time at all: the clock would be overdue the moment it started.
    Zero,
    /// More than [`MAX_TARGET_MINUTES`].
    TooLong,
    /// A remedy due before the first answer: proposing one answers the
    /// complaint too, so the first answer can never be the later promise.
    RemedyBeforeFirstAnswer,
}

impl TargetError {
    /// The message-catalogue key. `TooLong` takes `$hours` (the most
    /// allowed, [`MAX_TARGET_MINUTES`] in hours).
    pub fn key(self) -> &'static str {
        match self {
            Self::BadFormat => "complaint-target-bad-format",
            Self::Zero => "complaint-target-zero",
            Self::TooLong => "complaint-target-too-long",
            Self::RemedyBeforeFirstAnswer => "complaint-target-remedy-before-answer",
        }
    }
}

/// A target as typed, in working minutes: whole hours ("4") or hours and
/// minutes ("1:30"), from one minute to [`MAX_TARGET_MINUTES`].
pub fn parse_target(raw: &str) -> Result<u32, TargetError> {
    let text = raw.trim();
    let (hours, minutes) = text.split_once(':').unwrap_or((text, "00"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    // Four digits of hours hold every allowed target and cannot overflow.
    if !digits(hours) || hours.len() > 4 || !digits(minutes) || minutes.len() != 2 {
        return Err(TargetError::BadFormat);
    }
    let hours: u32 = hours.parse().map_err(|_| TargetError::BadFormat)?;
    let minutes: u32 = minutes.parse().map_err(|_| TargetError::BadFormat)?;
    if minutes >= 60 {
        return Err(TargetError::BadFormat);
    }
    match hours * 60 + minutes {
        0 => Err(TargetError::Zero),
        total if total > MAX_TARGET_MINUTES => Err(TargetError::TooLong),
        total => Ok(total),
    }
}

/// A target as the settings form shows it: "4" for whole hours, "1:30"
/// otherwise; [`parse_target`] reads it back.
pub fn format_target(minutes: u32) -> String {
    match minutes % 60 {
        0 => (minutes / 60).to_string(),
        rest => format!("{}:{rest:02}", minutes / 60),
    }
}

impl ClockTargets {
    /// Both targets from the settings form, or every problem against its
    /// field (`first_answer`, `remedy`): each as [`parse_target`] takes it,
    /// and the remedy no sooner than the first answer.
    pub fn parse(
        first_answer: &str,
        remedy: &str,
    ) -> Result<ClockTargets, Vec<(&'static str, TargetError)>> {
        let first = parse_target(first_answer);
        let second = parse_target(remedy);
        let mut errors = Vec::new();
        if let Err(error) = first {
            errors.push(("first_answer", error));
        }
        if let Err(error) = second {
            errors.push(("remedy", error));
        }
        match (first, second) {
            (Ok(first_answer_minutes), Ok(remedy_minutes)) => {
                if remedy_minutes < first_answer_minutes {
                    Err(vec![("remedy", TargetError::RemedyBeforeFirstAnswer)])
                } else {
                    Ok(ClockTargets {
                        first_answer_minutes,
                        remedy_minutes,
                    })
                }
            }
            _ => Err(errors),
        }
    }
}

/// Which clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    FirstAnswer,
    Remedy,
}

impl ClockKind {
    pub const ALL: [ClockKind; 2] = [Self::FirstAnswer, Self::Remedy];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::FirstAnswer => "first_answer",
            Self::Remedy => "remedy",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim())
    }

    /// The message-catalogue key of the clock's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::FirstAnswer => "complaint-clock-first_answer",
            Self::Remedy => "complaint-clock-remedy",
        }
    }

    /// This clock's target, in working minutes.
    pub fn target(self, targets: &ClockTargets) -> u32 {
        match self {
            Self::FirstAnswer => targets.first_answer_minutes,
            Self::Remedy => targets.remedy_minutes,
        }
    }
}

/// One clock on a complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    #[serde(with = "crate::compact_dates")]
    pub due: DateTime<Utc>,
    /// The target it was started with, in working minutes (for due soon).
    pub target_minutes: u32,
    /// When what it waited for happened; a stopped clock is settled.
    #[serde(with = "crate::compact_dates")]
    pub stopped_at: Option<DateTime<Utc>>,
}

impl Clock {
    /// A clock started at `started`, due `target_minutes` of working time
    /// later.
    pub fn start(started: DateTime<Utc>, target_minutes: u32, hours: &WorkingHours) -> Clock {
        Clock {
            due: add_working(started, target_minutes, hours),
            target_minutes,
            stopped_at: None,
        }
    }

    /// The clock stopped at `at`; a clock stopped already keeps its first
    /// stop.
    pub fn stop(self, at: DateTime<Utc>) -> Clock {
        Clock {
            stopped_at: self.stopped_at.or(Some(at)),
            ..self
        }
    }
}

/// Where a clock stands. Minutes are working minutes, whole ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ClockState {
    Running {
        minutes_left: i64,
    },
    /// Less than [`DUE_SOON_PERCENT`] of the target or
    /// [`DUE_SOON_MINUTES`], whichever is more, is left.
    DueSoon {
        minutes_left: i64,
    },
    /// Past its due time, by `minutes_over` of working time (0 when it fell
    /// due after the house closed).
    Overdue {
        minutes_over: i64,
    },
    /// Stopped by its due time.
    MetOnTime,
    /// Stopped after its due time.
    MetLate,
}

impl ClockState {
    /// The message-catalogue key. `Running`, `DueSoon` and `Overdue` take
    /// `$hours` and `$minutes` (from [`ClockState::hours_and_minutes`]).
    pub fn key(&self) -> &'static str {
        match self {
            Self::Running { .. } => "complaint-clock-running",
            Self::DueSoon { .. } => "complaint-clock-due-soon",
            Self::Overdue { .. } => "complaint-clock-overdue",
            Self::MetOnTime => "complaint-clock-met-on-time",
            Self::MetLate => "complaint-clock-met-late",
        }
    }

    /// The time left or over, as whole hours and the minutes beyond them.
    pub fn hours_and_minutes(&self) -> Option<(i64, i64)> {
        match *self {
            Self::Running { minutes_left: m }
            | Self::DueSoon { minutes_left: m }
            | Self::Overdue { minutes_over: m } => Some((m.div_euclid(60), m.rem_euclid(60))),
            Self::MetOnTime | Self::MetLate => None,
        }
    }

    /// The clock was stopped.
    pub fn is_settled(&self) -> bool {
        matches!(self, Self::MetOnTime | Self::MetLate)
    }
}

/// Where `clock` stands at `now`: settled by its stop if it was stopped
/// (on time when stopped at its due time at the latest), else overdue once
/// `now` is past the due time, else due soon or running by the working
/// time left.
pub fn clock_state(clock: &Clock, now: DateTime<Utc>, hours: &WorkingHours) -> ClockState {
    if let Some(stopped) = clock.stopped_at {
        return if stopped <= clock.due {
            ClockState::MetOnTime
        } else {
            ClockState::MetLate
        };
    }
    if now > clock.due {
        return ClockState::Overdue {
            minutes_over: working_minutes_between(clock.due, now, hours),
        };
    }
    let minutes_left = working_minutes_between(now, clock.due, hours);
    let target = i64::from(clock.target_minutes);
    if minutes_left < DUE_SOON_MINUTES
        || minutes_left.saturating_mul(100) < target * DUE_SOON_PERCENT
    {
        ClockState::DueSoon { minutes_left }
    } else {
        ClockState::Running { minutes_left }
    }
}

/// The reminder a clock has reached. Stored as its number (0 to 2).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ClockNotice {
    #[default]
    None = 0,
    /// Due soon: the complaint's owner is reminded.
    Reminder = 1,
    /// Overdue: the owner and the sales manager are told.
    Breach = 2,
}

/// Who receives a notice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeAudience {
    pub owner: bool,
    pub sales_manager: bool,
}

impl ClockNotice {
    pub const ALL: [ClockNotice; 3] = [Self::None, Self::Reminder, Self::Breach];

    pub fn as_i32(self) -> i32 {
        self as i32
    }

    pub fn from_i32(raw: i32) -> Option<ClockNotice> {
        Self::ALL.into_iter().find(|n| n.as_i32() == raw)
    }

    /// The notice a clock in `state` has reached: a reminder once due soon,
    /// a breach once overdue, nothing for a running or stopped clock.
    pub fn reached(state: ClockState) -> ClockNotice {
        match state {
            ClockState::DueSoon { .. } => Self::Reminder,
            ClockState::Overdue { .. } => Self::Breach,
            ClockState::Running { .. } | ClockState::MetOnTime | ClockState::MetLate => Self::None,
        }
    }

    /// The message-catalogue key of the notice's text; it takes `$number`
    /// (the complaint's number). `None` has no text.
    pub fn key(self) -> Option<&'static str> {
        match self {
            Self::None => None,
            Self::Reminder => Some("complaint-notice-reminder"),
            Self::Breach => Some("complaint-notice-breach"),
        }
    }

    /// Who is told: the owner from the reminder on, the sales manager of a
    /// breach.
    pub fn audience(self) -> NoticeAudience {
        NoticeAudience {
            owner: self >= Self::Reminder,
            sales_manager: self >= Self::Breach,
        }
    }
}

/// The notice to send for a clock in `state`, if any: the highest reached,
/// when it is above the notice `already_sent`. Recording the notice
/// returned as sent means it is never returned again; a stopped clock
/// sends nothing.
pub fn notice_due(state: ClockState, already_sent: ClockNotice) -> Option<ClockNotice> {
    let reached = ClockNotice::reached(state);
    (reached > already_sent).then_some(reached)
}

#[cfg(test)]
mod tests;
