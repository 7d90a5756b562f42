//! Deleting: every deletion asks first (`y` confirms, anything else cancels) and is an
//! ordinary edit, so `u` brings it back.

use crate::tui::action::View;
use crate::tui::state::{Overlay, Pending, Said, SitRow, State, situation_rows, training_rows};
use crate::tui::update::edit::apply_or_warn;
use crate::tui::update::views::training_name;
use crate::tui::update::{Effect, start};

/// `x`: asks before deleting the selected posting, leave, training or constraint.
pub fn ask_delete(state: &mut State) {
    let Some(doc) = &state.doc else { return };
    let (pending, what) = match doc.view {
        View::Situation => match doc.selected.situation.selected(&situation_rows(doc)).cloned() {
            Some(SitRow::Posting(i)) => {
                let name = doc
                    .analysis
                    .rotation
                    .postings
                    .get(i)
                    .map(|p| p.department_name.clone())
                    .unwrap_or_default();
                let from = doc
                    .plan
                    .assignments
                    .get(i)
                    .map(|a| a.from.to_string())
                    .unwrap_or_default();
                (
                    Pending::Posting(i),
                    Said::each(|l| format!("{} {name}（{from}～）", l.pick("配属", "the posting"))),
                )
            }
            Some(SitRow::Leave(i)) => {
                let leave = doc.plan.leaves.get(i);
                let from = leave.map(|l| l.from.to_string()).unwrap_or_default();
                let kind = leave.map(|l| l.kind);
                (
                    Pending::Leave(i),
                    Said::each(|l| {
                        let label = kind.map_or("", |k| {
                            if l == crate::i18n::Lang::Ja {
                                k.label_ja()
                            } else {
                                k.label_en()
                            }
                        });
                        format!("{label}（{from}～）")
                    }),
                )
            }
            Some(SitRow::Training(id)) => {
                let name = training_name(doc, &id);
                (
                    Pending::Completed(id),
                    Said::each(|l| format!("{} {name}", l.pick("受講済みの研修", "completed training"))),
                )
            }
            Some(SitRow::Constraint(i)) => {
                let text = doc.plan.constraints.get(i).cloned().unwrap_or_default();
                (
                    Pending::Constraint(i),
                    Said::each(|l| {
                        format!(
                            "{} 「{}」",
                            l.pick("本人の事情", "constraint"),
                            crate::text::truncate(&text, 30)
                        )
                    }),
                )
            }
            _ => {
                state.say(Said::new(
                    "削除できるのは配属・休業等・受講済みの研修・本人の事情の行です",
                    "Only postings, leave, completed trainings and constraints can be deleted",
                ));
                return;
            }
        },
        View::Trainings => {
            let rows: Vec<String> = training_rows(doc).into_iter().map(|(_, id)| id).collect();
            let Some(id) = doc.selected.trainings.selected(&rows).cloned() else {
                return;
            };
            let name = training_name(doc, &id);
            if doc.plan.completed_trainings.contains(&id) {
                (
                    Pending::Completed(id),
                    Said::each(|l| format!("{} {name}", l.pick("受講済みの研修", "completed training"))),
                )
            } else if doc.plan.planned_trainings.contains(&id) {
                (
                    Pending::Planned(id),
                    Said::each(|l| format!("{} {name}", l.pick("受講予定の研修", "planned training"))),
                )
            } else {
                return;
            }
        }
        View::Interview => match crate::tui::update::interview::pending_delete(doc) {
            Some(found) => found,
            None => {
                state.say(Said::new(
                    "削除できるのは面談・目標・記録メモの行です（所見や次の一歩は Enter で消せます）",
                    "Only interviews, goals and notes can be deleted (Enter edits comments and next steps)",
                ));
                return;
            }
        },
        _ => return,
    };
    state.overlay = Some(Overlay::Confirm {
        pending,
        question: Said::each(|l| {
            format!(
                "{}{}",
                what.get(l),
                l.pick(" を削除しますか？（u で元に戻せます）", ": delete it? (u undoes)")
            )
        }),
    });
}

pub fn delete(state: &mut State, pending: Pending, fx: &mut Vec<Effect>) {
    if state.doc.is_none() {
        start::delete(pending, fx);
        return;
    }
    if crate::tui::update::interview::delete(state, &pending, fx).is_some() {
        return;
    }
    if crate::tui::update::workshop::wcm::clear(state, &pending, fx).is_some() {
        return;
    }
    if let Pending::Lifeline(fy) = pending {
        crate::tui::update::workshop::lifeline::clear(state, fy, fx);
        return;
    }
    let Some(doc) = &state.doc else { return };
    let what = match &pending {
        Pending::Posting(i) => Said::each(|l| {
            let name = doc
                .analysis
                .rotation
                .postings
                .get(*i)
                .map(|p| p.department_name.clone())
                .unwrap_or_default();
            format!("{} {name}", l.pick("配属を削除", "deleted the posting"))
        }),
        Pending::Leave(_) => Said::new("休業等を削除", "deleted the leave"),
        Pending::Completed(id) | Pending::Planned(id) => {
            let name = training_name(doc, id);
            Said::each(|l| format!("{} {name}", l.pick("研修を外す", "removed the training")))
        }
        Pending::Constraint(_) => Said::new("本人の事情を削除", "deleted the constraint"),
        _ => return,
    };
    let changed = apply_or_warn(
        state,
        what.clone(),
        |p, _| match &pending {
            Pending::Posting(i) => {
                p.assignments.get(*i).is_some() && {
                    p.assignments.remove(*i);
                    true
                }
            }
            Pending::Leave(i) => {
                p.leaves.get(*i).is_some() && {
                    p.leaves.remove(*i);
                    true
                }
            }
            Pending::Completed(id) => {
                let before = p.completed_trainings.len();
                p.completed_trainings.retain(|t| t != id);
                p.completed_trainings.len() != before
            }
            Pending::Planned(id) => {
                let before = p.planned_trainings.len();
                p.planned_trainings.retain(|t| t != id);
                p.planned_trainings.len() != before
            }
            Pending::Constraint(i) => {
                p.constraints.get(*i).is_some() && {
                    p.constraints.remove(*i);
                    true
                }
            }
            _ => false,
        },
        fx,
    );
    if changed {
        state.say(Said::each(|l| {
            format!("{}{}", what.get(l), l.pick("しました（u で元に戻す）", " (u undoes)"))
        }));
    }
}
