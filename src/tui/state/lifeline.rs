//! The life-line page's selection: a fiscal year, kept within the years of service.

use crate::model::FiscalYear;
use crate::tui::state::Doc;

impl Doc {
    /// The life-line year selected: the one chosen, else this year, within hire to retirement.
    pub fn lifeline_year(&self) -> FiscalYear {
        let (first, last) = crate::engine::service_years(&self.plan);
        self.lifeline_fy
            .unwrap_or(self.analysis.today.fiscal_year())
            .clamp(first, last.max(first))
    }
}
