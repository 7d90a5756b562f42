//! The start screen: open, rename, duplicate and delete plans; restore or discard drafts;
//! ask for a team folder.

use crate::model::Plan;
use crate::store::parse_plan;
use crate::store::personas::{PERSONAS, persona};
use crate::tui::action::Command;
use crate::tui::forms::{Prompt, PromptFor};
use crate::tui::state::{Doc, Overlay, Pending, Said, Source, StartKey, State, start_rows};
use crate::tui::update::Effect;

pub fn command(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    let rows = start_rows(&state.start, &state.catalog);
    let here = state.start.selected.index(&rows);
    let page = usize::from(state.size.1.saturating_sub(8)).max(1);
    let move_to = |state: &mut State, index: usize| state.start.selected.select(&rows, index);
    match command {
        Command::Quit => {
            state.quit = true;
            fx.push(Effect::Quit);
        }
        Command::Up => move_to(state, here.saturating_sub(1)),
        Command::Down => move_to(state, here + 1),
        Command::PageUp => move_to(state, here.saturating_sub(page)),
        Command::PageDown => move_to(state, here + page),
        Command::Top => move_to(state, 0),
        Command::Bottom => move_to(state, usize::MAX),
        Command::Open => {
            if let Some(key) = rows.get(here).cloned() {
                open(state, key, fx);
            }
        }
        Command::Rename | Command::Duplicate | Command::Delete => match rows.get(here).cloned() {
            Some(StartKey::Saved(path)) => match command {
                Command::Rename => {
                    let stem = path
                        .file_stem()
                        .map(|s| s.to_string_lossy().to_string())
                        .unwrap_or_default();
                    state.overlay = Some(Overlay::Prompt(Prompt::new(PromptFor::Rename(path), &stem)));
                }
                Command::Duplicate => fx.push(Effect::Duplicate(path)),
                _ => {
                    let name = file_name(&path);
                    state.overlay = Some(Overlay::Confirm {
                        pending: Pending::SavedPlan(path),
                        question: Said::each(|l| {
                            format!(
                                "{name} {}",
                                l.pick(
                                    "をごみ箱へ移しますか？（u で元に戻せます）",
                                    ": move it to the trash? (u brings it back)"
                                )
                            )
                        }),
                    });
                }
            },
            Some(StartKey::Draft(path)) if command == Command::Delete => {
                state.overlay = Some(Overlay::Confirm {
                    pending: Pending::Draft(path),
                    question: Said::new(
                        "この下書きを捨てますか？（ごみ箱へ移します。u で元に戻せます）",
                        "Discard this draft? (it goes to the trash; u brings it back)",
                    ),
                });
            }
            _ => state.say(Said::new(
                "名前の変更・複製・削除は保存した計画（と下書きの削除）に使えます",
                "Rename, duplicate and delete work on saved plans (and deleting drafts)",
            )),
        },
        Command::Compare => crate::tui::update::compare::choose_first(state),
        Command::Roster => crate::tui::update::roster::ask_file(state),
        Command::Team => {
            let folder = state.start.team_folder.clone().unwrap_or_default();
            state.overlay = Some(Overlay::Prompt(Prompt::new(PromptFor::TeamFolder, &folder)));
        }
        Command::Undo => match state.start.trashed.pop() {
            Some((original, trashed)) => fx.push(Effect::Untrash { original, trashed }),
            None => state.say(Said::new("元に戻す削除はありません", "No deletion to undo")),
        },
        _ => {}
    }
}

fn file_name(path: &std::path::Path) -> String {
    crate::text::escape_controls(
        &path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default(),
    )
}

/// Moves a saved plan or a draft to the trash (after `y`).
pub fn delete(pending: Pending, fx: &mut Vec<Effect>) {
    if let Pending::SavedPlan(path) | Pending::Draft(path) = pending {
        fx.push(Effect::Trash(path));
    }
}

/// A fresh key for a recovery draft of this session.
fn next_draft_key(state: &mut State, base: &str) -> String {
    state.drafts_made += 1;
    format!("{base}-{}-{}", state.session, state.drafts_made)
}

fn open(state: &mut State, key: StartKey, fx: &mut Vec<Effect>) {
    let today = state.today;
    match key {
        StartKey::Saved(path) => fx.push(Effect::OpenFile(path)),
        StartKey::Draft(path) => {
            let Some(draft) = state.start.drafts.iter().find(|d| d.path == path).cloned() else {
                return;
            };
            match draft.plan {
                Ok(plan) => {
                    let key = path
                        .file_stem()
                        .map(|s| s.to_string_lossy().to_string())
                        .unwrap_or_default();
                    let source = Source::Unsaved {
                        origin: draft.origin.clone(),
                    };
                    if open_plan(state, plan, source, None, true, key) {
                        // A persona's draft is still that persona's (R puts it back).
                        if let Some(doc) = &mut state.doc {
                            doc.persona = persona(&draft.origin).map(|(name, _)| name);
                        }
                        state.say(Said::new(
                            "下書きを開きました。Ctrl-S で保存すると下書きは消えます",
                            "Draft restored. Saving it with Ctrl-S removes the draft",
                        ));
                    }
                }
                Err(problem) => {
                    state.overlay = Some(Overlay::Message {
                        title: Said::new("この下書きは開けません", "This draft cannot be opened"),
                        body: problem,
                        scroll: 0,
                    })
                }
            }
        }
        StartKey::New(id) => {
            let Some(entry) = state.catalog.get(&id) else { return };
            let city = entry.profile.name.clone();
            let Some(plan) = Plan::example_for(&entry.profile, today) else {
                return;
            };
            let key = next_draft_key(state, &id);
            let source = Source::Unsaved {
                origin: Said::each(|l| format!("{city} {}", l.pick("の新しい計画", "— new plan")))
                    .get(state.lang())
                    .to_string(),
            };
            if open_plan(state, plan, source, None, false, key) {
                state.say(Said::new(
                    "新しい計画です。例の値を自分の値に書き換え、Ctrl-S で保存してください（それまでは下書きに残ります）",
                    "A new plan: replace the example values, then save with Ctrl-S (a draft keeps it until then)",
                ));
            }
        }
        StartKey::Persona(name) => {
            open_persona(state, name);
        }
        StartKey::Tour => crate::tui::update::tour::start_tour(state, fx),
        StartKey::FailedProfile(path) => {
            if let Some(problem) = state.profile_problems.iter().find(|f| f.path == path) {
                state.overlay = Some(Overlay::Message {
                    title: Said::same(crate::text::escape_controls(&path.display().to_string())),
                    body: problem.all.clone(),
                    scroll: 0,
                });
            }
        }
    }
}

/// Opens a bundled persona (a sample: edits go to a draft until saved under a name) as of
/// its own date; false (with the reason) when it cannot be.
pub fn open_persona(state: &mut State, name: &'static str) -> bool {
    let Some((_, text)) = PERSONAS.iter().find(|(n, _)| *n == name) else {
        return false;
    };
    match parse_plan(name, text.as_bytes(), &state.catalog, state.lang()) {
        Ok(mut plan) => {
            plan.sample = false;
            let key = next_draft_key(state, name);
            // The file stem, so the draft list describes it in the language of the moment.
            let source = Source::Unsaved {
                origin: name.to_string(),
            };
            if !open_plan(state, plan, source, None, false, key) {
                return false;
            }
            if let Some(doc) = &mut state.doc {
                doc.persona = Some(name);
            }
            state.say(Said::new(
                "サンプルです。変更は下書きに残ります。Ctrl-S で名前を付けて保存できます",
                "A sample: edits are kept in a draft; Ctrl-S saves a copy under a name",
            ));
            true
        }
        Err(diagnostics) => {
            state.overlay = Some(Overlay::Message {
                title: Said::same(name),
                body: Said::each(|l| diagnostics.render(l)),
                scroll: 0,
            });
            false
        }
    }
}

/// Opens `plan` for editing; false (with a message) when its profile is not loaded.
pub fn open_plan(
    state: &mut State,
    plan: Plan,
    source: Source,
    on_disk: Option<Plan>,
    restored: bool,
    draft_key: String,
) -> bool {
    let Some(entry) = state.catalog.get(&plan.profile) else {
        let id = crate::text::escape_controls(&plan.profile);
        state.warn(Said::each(|l| {
            format!(
                "{}「{id}」{}",
                l.pick("この計画の自治体のプロファイル", "This plan's municipality profile “"),
                l.pick(
                    "が読み込まれていないため開けません",
                    "” is not loaded, so it cannot be opened"
                )
            )
        }));
        return false;
    };
    let profile = entry.profile.clone();
    let baseline = (!restored).then(|| plan.clone());
    state.today = state.today_for(&plan);
    state.doc = Some(Doc::new(
        plan,
        profile,
        source,
        on_disk,
        baseline,
        draft_key,
        state.today,
    ));
    state.status = None;
    true
}
