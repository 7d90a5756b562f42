//! The training plan view's own commands: marking a training planned or done, and moving
//! a planned training's year.

use crate::model::{FiscalYear, TrainingMark};
use crate::tui::action::View;
use crate::tui::state::{Doc, Said, State, TrainingRow, training_rows};
use crate::tui::update::Effect;
use crate::tui::update::edit::apply_or_warn;
use crate::tui::update::views::training_name;

/// The training under the cursor in the trainings view, and the year its row stands in.
fn selected_training(doc: &Doc, today_fy: FiscalYear) -> Option<(String, FiscalYear)> {
    let rows = training_rows(doc);
    let keys: Vec<String> = rows.iter().map(|(_, id)| id.clone()).collect();
    let index = doc.selected.trainings.index(&keys);
    let (row, id) = rows.get(index)?;
    let fy = match row {
        TrainingRow::Suggested(i) => doc.analysis.trainings.get(*i).map_or(today_fy, |s| s.fy),
        _ => doc.plan.planned_years.get(id).copied().unwrap_or(today_fy),
    };
    Some((id.clone(), fy))
}

pub(super) fn mark_training(state: &mut State, done: bool, fx: &mut Vec<Effect>) {
    let today_fy = state.today.fiscal_year();
    let Some(doc) = &state.doc else { return };
    if doc.view != View::Trainings {
        return;
    }
    let Some((id, fy)) = selected_training(doc, today_fy) else {
        return;
    };
    let name = training_name(doc, &id);
    let mut result = None;
    let changed = apply_or_warn(
        state,
        Said::each(|l| {
            if done {
                format!("{name} {}", l.pick("受講済み", "done"))
            } else {
                format!("{name} {}", l.pick("受講予定", "planned"))
            }
        }),
        |p, _| {
            let mark = if done {
                p.toggle_completed(&id)
            } else {
                p.toggle_planned(&id)
            };
            if !done && mark == TrainingMark::Added {
                p.plan_training_for(&id, fy);
            }
            result = Some(mark);
            true
        },
        fx,
    );
    if changed {
        let added = result == Some(TrainingMark::Added);
        let wareki = state.ui.wareki;
        state.say(Said::each(|l| {
            let what = match (done, added) {
                (false, true) => format!(
                    "{}{}{}",
                    l.pick("を受講予定にしました（", ": planned for "),
                    crate::model::fiscal_year_text(fy, l, wareki),
                    l.pick("。← → で年度を変更）", "; ← → moves the year")
                ),
                (false, false) => l.pick("を受講予定から外しました", ": no longer planned").to_string(),
                (true, true) => l.pick("を受講済みにしました", ": marked done").to_string(),
                (true, false) => l.pick("を受講済みから外しました", ": no longer done").to_string(),
            };
            format!("{name}{what}{}", l.pick("（u で元に戻す）", " (u undoes)"))
        }));
    }
}

/// ← → in the trainings view: the selected planned training a year earlier or later.
pub(super) fn move_planned_year(state: &mut State, delta: i32, fx: &mut Vec<Effect>) {
    let today_fy = state.today.fiscal_year();
    let Some(doc) = &state.doc else { return };
    let Some((id, fy)) = selected_training(doc, today_fy) else {
        return;
    };
    if !doc.plan.planned_trainings.contains(&id) {
        state.say(Said::new(
            "受講予定の研修で年度を変えられます（まず p で受講予定に）",
            "Only a planned training has a year (p plans it first)",
        ));
        return;
    }
    let year = doc
        .plan
        .planned_years
        .get(&id)
        .copied()
        .unwrap_or(fy)
        .saturating_add(delta)
        .max(today_fy);
    let name = training_name(doc, &id);
    if apply_or_warn(
        state,
        Said::each(|l| format!("{name} {}", l.pick("の受講年度", "planned year"))),
        |p, _| {
            p.plan_training_for(&id, year);
            true
        },
        fx,
    ) {
        let wareki = state.ui.wareki;
        state.say(Said::each(|l| {
            format!("{name}: {}", crate::model::fiscal_year_text(year, l, wareki))
        }));
    }
}
