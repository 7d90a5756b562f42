//! The rows of the workshop's 「これからの10年」 page: the fiscal years from today to 定年,
//! the ways of working after 60, the rules with their sources, and the city's values.

use crate::engine::Rule;
use crate::engine::next_ten::{NextTen, OptionKind, next_ten_years};
use crate::model::FiscalYear;
use crate::tui::state::Doc;

/// A row of the page, by what it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NextTenRow {
    Year(FiscalYear),
    Option(OptionKind),
    /// A national rule the time line rests on.
    Rule(Rule),
    /// The city's values (which grades 役職定年 applies to, a 特例定年) and the legend.
    City,
}

/// The time line of the open plan, from the analysis' date.
pub fn next_ten(doc: &Doc) -> NextTen {
    next_ten_years(&doc.profile, &doc.plan, doc.analysis.today)
}

/// The page's rows, in the order shown.
pub fn next10_rows(n: &NextTen) -> Vec<NextTenRow> {
    n.years
        .iter()
        .map(|y| NextTenRow::Year(y.fy))
        .chain(n.options.iter().map(|o| NextTenRow::Option(o.kind)))
        .chain(crate::describe::next10::rules_used(n).into_iter().map(NextTenRow::Rule))
        .chain(std::iter::once(NextTenRow::City))
        .collect()
}
