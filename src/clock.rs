//! The one place Michi reads the clock. The engine never does: callers pass today's date.

use crate::model::Date;

/// Today in Japan (UTC+9), the municipalities' calendar, whatever the machine's time zone.
pub fn today_in_japan() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    let fallback = Date::fy_start(2026);
    Date::from_days_since_epoch((secs + 9 * 3600).div_euclid(86_400)).unwrap_or(fallback)
}
