//! The complaint figures on the KPI page: how often goods shipped are
//! complained about, and how well the clocks were kept.

use serde::{Deserialize, Serialize};

use crate::domain::kpi::{Rate, percentile};

/// Complaints per 100 order lines shipped in the period (it may pass 100
/// when lines draw several complaints); `None` when nothing was shipped.
pub fn complaint_rate(complaints: u32, lines_shipped: u32) -> Option<f64> {
    (lines_shipped > 0).then(|| f64::from(complaints) * 100.0 / f64::from(lines_shipped))
}

/// How a clock was kept over many complaints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockResult {
    /// Clocks measured.
    pub count: u64,
    /// Of them, met within their target.
    pub met: u64,
    /// The median working minutes taken (the lower middle of an even
    /// count); `None` of no clocks.
    pub median_minutes: Option<i64>,
}

impl ClockResult {
    /// From `(target, actual)` pairs of settled clocks, both in working
    /// minutes; a clock is met when the actual is at most the target.
    pub fn of(results: &[(u32, i64)]) -> ClockResult {
        let actual: Vec<i64> = results.iter().map(|(_, actual)| *actual).collect();
        ClockResult {
            count: results.len() as u64,
            met: results
                .iter()
                .filter(|(target, actual)| *actual <= i64::from(*target))
                .count() as u64,
            median_minutes: percentile(&actual, 50),
        }
    }

    /// The share met, as the KPI page shows rates.
    pub fn rate(&self) -> Rate {
        Rate {
            hits: self.met,
            total: self.count,
        }
    }

    /// The share met in percent; `None` of no clocks.
    pub fn share_met(&self) -> Option<f64> {
        self.rate().percent()
    }
}

#[cfg(test)]
mod tests;
