//! Complaints about goods delivered: what a complaint is about and what the
//! customer asks for, the state machine of its handling between the house,
//! the customer and the factory, the checks on the complaint form, the
//! clocks on the house's answers (counted in its working hours) with their
//! reminders, and the complaint figures for the KPI page.

mod clock;
mod form;
mod hours;
mod kinds;
mod measures;
mod status;

pub use clock::{
    Clock, ClockKind, ClockNotice, ClockState, ClockTargets, DUE_SOON_MINUTES, DUE_SOON_PERCENT,
    MAX_TARGET_MINUTES, NoticeAudience, TargetError, clock_state, format_target, notice_due,
    parse_target,
};
pub use form::{
    ComplaintDraft, ComplaintFieldError, ComplaintFieldErrors, ComplaintForm,
    MAX_CAUSE_LABEL_CHARS, MAX_DESCRIPTION_CHARS, MIN_DESCRIPTION_CHARS, cause_label,
    cause_label_taken, new_complaint,
};
pub use hours::{
    MAX_OFFSET_MINUTES, MINUTES_PER_DAY, WEEKDAY_CODES, WEEKDAY_KEYS, WorkingHours,
    WorkingHoursError, add_working, format_offset, format_time, parse_offset, parse_time,
    working_minutes_between,
};
pub use kinds::{CUSTOM_CAUSE_PREFIX, ComplaintCategory, Remedy, RootCause, RootCauseRef};
pub use measures::{ClockResult, complaint_rate};
pub use status::{ComplaintError, ComplaintState, ComplaintStatus, Side, Step};
