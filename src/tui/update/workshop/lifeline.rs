//! The life-line page's keys: ← → (and ↑ ↓, the wheel) choose the year, + - change its
//! 充実度 within −5…+5, Enter writes its note, x clears its entry (asked first). Every change
//! is an ordinary edit: checked, undoable and saved.

use crate::i18n::Lang;
use crate::model::{FiscalYear, LIFELINE_MAX, LIFELINE_MIN, LifelineYear, Plan, fiscal_year_label};
use crate::tui::action::Command;
use crate::tui::forms::{Editor, EditorFor};
use crate::tui::state::{Doc, Overlay, Pending, Said, State};
use crate::tui::update::Effect;
use crate::tui::update::edit::{apply, apply_or_warn};

/// Handles a key of the life-line page; false when it is not one of its own.
pub fn command(state: &mut State, command: Command, fx: &mut Vec<Effect>) -> bool {
    match command {
        Command::Left | Command::Right => {
            if let Some(doc) = &mut state.doc {
                move_selection(doc, if command == Command::Right { 1 } else { -1 });
            }
        }
        Command::LevelUp | Command::LevelDown => {
            change_score(state, if command == Command::LevelUp { 1 } else { -1 }, fx);
        }
        Command::Open => open_note(state),
        Command::Delete => ask_clear(state),
        _ => return false,
    }
    true
}

/// Moves the selected year by `delta` years, staying within hire to retirement.
pub fn move_selection(doc: &mut Doc, delta: isize) {
    let (first, last) = crate::engine::service_years(&doc.plan);
    let step = i32::try_from(delta.clamp(-1000, 1000)).unwrap_or(0);
    doc.lifeline_fy = Some(doc.lifeline_year().saturating_add(step).clamp(first, last.max(first)));
}

/// A click on a year selects it.
pub fn select(doc: &mut Doc, fy: FiscalYear) {
    doc.lifeline_fy = Some(fy);
    let fy = doc.lifeline_year();
    doc.lifeline_fy = Some(fy);
}

/// The year's entry, made with 充実度 0 when it has none (kept in year order).
fn entry_mut(plan: &mut Plan, fy: FiscalYear) -> Option<&mut LifelineYear> {
    let at = match plan.lifeline.binary_search_by_key(&fy, |y| y.fy) {
        Ok(at) => at,
        Err(at) => {
            // Entries out of order (hand-written files) are found wherever they are.
            if let Some(found) = plan.lifeline.iter().position(|y| y.fy == fy) {
                found
            } else {
                plan.lifeline.insert(
                    at,
                    LifelineYear {
                        fy,
                        score: 0,
                        note: None,
                    },
                );
                at
            }
        }
    };
    plan.lifeline.get_mut(at)
}

fn entry(plan: &Plan, fy: FiscalYear) -> Option<&LifelineYear> {
    plan.lifeline.iter().find(|y| y.fy == fy)
}

/// `+` `-`: the selected year's 充実度 one up or down (a year with none starts at 0).
fn change_score(state: &mut State, delta: i8, fx: &mut Vec<Effect>) {
    let Some(doc) = &state.doc else { return };
    let fy = doc.lifeline_year();
    let now = entry(&doc.plan, fy).map_or(0, |y| y.score);
    let next = now.saturating_add(delta);
    if !(LIFELINE_MIN..=LIFELINE_MAX).contains(&next) {
        state.say(Said::new(
            "充実度は -5 から +5 までです",
            "The score runs from -5 to +5",
        ));
        return;
    }
    let score = crate::describe::score_text(next);
    apply_or_warn(
        state,
        Said::each(|l| format!("{} {} → {score}", l.pick("充実度", "score"), fiscal_year_label(fy, l))),
        |p, _| {
            let Some(year) = entry_mut(p, fy) else { return false };
            year.score = next;
            true
        },
        fx,
    );
}

/// Enter: the selected year's note in the multi-line editor.
fn open_note(state: &mut State) {
    let Some(doc) = &state.doc else { return };
    let fy = doc.lifeline_year();
    let text = entry(&doc.plan, fy).and_then(|y| y.note.clone()).unwrap_or_default();
    state.overlay = Some(Overlay::Editor(Editor::new(EditorFor::LifelineNote(fy), &text)));
}

/// The note written for `fy`: an empty one removes the note (the score stays); a note on a
/// year with no entry makes one with 充実度 0.
pub fn submit_note(state: &mut State, fy: FiscalYear, text: &str, fx: &mut Vec<Effect>) -> Result<(), Said> {
    let note = Some(text.trim().to_string()).filter(|t| !t.is_empty());
    let Some(doc) = &state.doc else { return Ok(()) };
    let existed = entry(&doc.plan, fy).is_some();
    if !existed && note.is_none() {
        return Ok(());
    }
    let changed = apply(
        state,
        Said::each(|l| {
            format!(
                "{} {}",
                l.pick("ライフラインのメモ", "life-line note"),
                fiscal_year_label(fy, l)
            )
        }),
        |p, _| {
            let Some(year) = entry_mut(p, fy) else { return false };
            year.note = note;
            true
        },
        fx,
    )?;
    if changed && !existed {
        state.say(Said::new(
            "メモを書きました（充実度は 0 で記入。+ - で変えられます）",
            "Note written (score set to 0; + - change it)",
        ));
    }
    Ok(())
}

/// `x`: asks before clearing the selected year's 充実度 and note.
fn ask_clear(state: &mut State) {
    let Some(doc) = &state.doc else { return };
    let fy = doc.lifeline_year();
    let Some(year) = entry(&doc.plan, fy) else {
        state.say(Said::new(
            "この年度には記入がありません",
            "Nothing is written for this year",
        ));
        return;
    };
    let score = crate::describe::score_text(year.score);
    let with_note = year.note.is_some();
    state.overlay = Some(Overlay::Confirm {
        pending: Pending::Lifeline(fy),
        question: Said::each(|l| match l {
            Lang::Ja => format!(
                "{}の充実度（{score}）{}を削除しますか？（u で元に戻せます）",
                fiscal_year_label(fy, l),
                if with_note { "とメモ" } else { "" }
            ),
            Lang::En => format!(
                "{}: delete the score ({score}){}? (u undoes)",
                fiscal_year_label(fy, l),
                if with_note { " and the note" } else { "" }
            ),
        }),
    });
}

/// `y` on the question: clears the year's entry.
pub fn clear(state: &mut State, fy: FiscalYear, fx: &mut Vec<Effect>) {
    let what = Said::each(|l| match l {
        Lang::Ja => format!("{}のライフラインの記入を削除", fiscal_year_label(fy, l)),
        Lang::En => format!("cleared the life-line entry of {}", fiscal_year_label(fy, l)),
    });
    let changed = apply_or_warn(
        state,
        what.clone(),
        |p, _| {
            let before = p.lifeline.len();
            p.lifeline.retain(|y| y.fy != fy);
            p.lifeline.len() != before
        },
        fx,
    );
    if changed {
        state.say(Said::each(|l| {
            format!("{}{}", what.get(l), l.pick("しました（u で元に戻す）", " (u undoes)"))
        }));
    }
}
