//! What the shell reports after carrying out an effect, and how the state takes it in.

use std::path::PathBuf;

use crate::model::Plan;
use crate::tui::state::{AfterClose, DraftEntry, Overlay, ReadOnly, Said, SavedEntry, Source, State, TeamRow};
use crate::tui::update::Effect;
use crate::tui::update::saving::finish_close;
use crate::tui::update::start::open_plan;

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A plan file was opened (`read_only` says why it may not be written).
    Opened {
        path: PathBuf,
        plan: Plan,
        read_only: Option<ReadOnly>,
    },
    OpenFailed {
        title: Said,
        body: Said,
    },
    /// The open plan was written to its file (`rewritten`: its layout could not be kept,
    /// so it was written anew and its comments are gone).
    Saved {
        plan: Plan,
        rewritten: bool,
    },
    /// The open plan was written to a new file, which is now its file.
    SavedNew {
        path: PathBuf,
        plan: Plan,
    },
    SaveFailed {
        reason: Said,
    },
    /// The file changed on disk since it was read; nothing was written.
    ChangedOnDisk,
    Reloaded {
        plan: Plan,
    },
    ReloadFailed {
        body: Said,
    },
    Diff {
        body: Said,
    },
    Scanned {
        saved: Vec<SavedEntry>,
        drafts: Vec<DraftEntry>,
    },
    Trashed {
        original: PathBuf,
        trashed: PathBuf,
    },
    Untrashed {
        original: PathBuf,
    },
    Renamed {
        to: PathBuf,
    },
    Duplicated {
        to: PathBuf,
    },
    /// The 面談シート was written.
    Exported {
        path: PathBuf,
    },
    /// A file operation on the start screen failed.
    FileFailed {
        reason: Said,
    },
    /// The plans of a team folder were read (`more`: the folder held more than were read).
    Team {
        dir: PathBuf,
        rows: Vec<TeamRow>,
        more: bool,
    },
    /// The two plans to compare were read (or why one could not be).
    CompareRead {
        first: Box<Result<Plan, Said>>,
        second: Box<Result<Plan, Said>>,
    },
    /// The roster report was read (or why it could not be).
    RosterRead(Box<Result<crate::tui::state::RosterScreen, Said>>),
    /// The posting history was read and joined to the roster (or why it could not be).
    HistoryRead(Box<Result<crate::tui::state::RosterHistory, Said>>),
}

fn shown(path: &std::path::Path) -> String {
    crate::text::escape_controls(&path.display().to_string())
}

pub fn apply(state: &mut State, outcome: Outcome, fx: &mut Vec<Effect>) {
    match outcome {
        Outcome::Opened { path, plan, read_only } => {
            let read_only = if plan.sample { Some(ReadOnly::Sample) } else { read_only };
            let key = format!(
                "file-{}",
                path.file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default()
            );
            let source = Source::File {
                path: path.clone(),
                read_only,
            };
            let names_read = plan.names_read.clone();
            if open_plan(state, plan.clone(), source, Some(plan), false, key) {
                match read_only {
                    Some(reason) => state.warn(reason.said()),
                    None => state.say(Said::each(|l| {
                        format!(
                            "{}: {}{}",
                            l.pick("開きました", "Opened"),
                            shown(&path),
                            l.pick(
                                "（変更はすぐにこのファイルへ保存されます）",
                                " (edits save to this file as you go)"
                            )
                        )
                    })),
                }
                // Names the file wrote where ids belong: said, so nobody is surprised.
                if !names_read.is_empty() && read_only.is_none() {
                    state.say(Said::each(|l| {
                        let read: Vec<String> = names_read.iter().map(|n| n.notice(l)).collect();
                        read.join(l.pick("／", " / "))
                    }));
                }
            }
        }
        Outcome::OpenFailed { title, body } => {
            state.overlay = Some(Overlay::Message { title, body, scroll: 0 });
        }
        Outcome::Saved { plan, rewritten } => {
            if rewritten {
                state.warn(Said::new(
                    "ファイルの書き方を保てなかったため、全体を書き直して保存しました（コメントは失われました）",
                    "The file's layout could not be kept, so it was written anew (its comments are gone)",
                ));
            }
            if let Some(doc) = &mut state.doc {
                doc.on_disk = Some(plan.clone());
                doc.baseline = Some(plan);
                doc.conflict = false;
                if !doc.unsaved() {
                    fx.push(Effect::RemoveDraft {
                        key: doc.draft_key.clone(),
                    });
                }
            }
            after_save(state, fx);
        }
        Outcome::SavedNew { path, plan } => {
            if let Some(doc) = &mut state.doc {
                fx.push(Effect::RemoveDraft {
                    key: doc.draft_key.clone(),
                });
                doc.source = Source::File {
                    path: path.clone(),
                    read_only: None,
                };
                doc.on_disk = Some(plan.clone());
                doc.baseline = Some(plan);
                doc.conflict = false;
                doc.draft_key = format!(
                    "file-{}",
                    path.file_stem()
                        .map(|s| s.to_string_lossy().to_string())
                        .unwrap_or_default()
                );
                if doc.unsaved() {
                    crate::tui::update::edit::persist(doc, fx);
                }
            }
            state.say(Said::each(|l| {
                format!(
                    "{}: {}{}",
                    l.pick("保存しました", "Saved to"),
                    shown(&path),
                    l.pick(
                        "（以後の変更は自動で保存されます）",
                        " (further edits save automatically)"
                    )
                )
            }));
            after_save(state, fx);
        }
        Outcome::SaveFailed { reason } => {
            state.close_after_save = None;
            if let Some(doc) = &state.doc {
                fx.push(Effect::WriteDraft {
                    key: doc.draft_key.clone(),
                    origin: crate::tui::update::edit::draft_origin(doc),
                    plan: doc.plan.clone(),
                });
            }
            state.overlay = Some(Overlay::Message {
                title: Said::new(
                    "保存できませんでした（変更は下書きに残しています）",
                    "Could not save (edits are kept in a draft)",
                ),
                body: Said::each(|l| {
                    format!(
                        "{}\n\n{}",
                        reason.get(l),
                        l.pick(
                            "F2 で別の名前・場所に保存できます。",
                            "F2 saves under another name or place."
                        )
                    )
                }),
                scroll: 0,
            });
        }
        Outcome::ChangedOnDisk => {
            state.close_after_save = None;
            if let Some(doc) = &mut state.doc {
                doc.conflict = true;
                fx.push(Effect::WriteDraft {
                    key: doc.draft_key.clone(),
                    origin: crate::tui::update::edit::draft_origin(doc),
                    plan: doc.plan.clone(),
                });
            }
            state.overlay = Some(Overlay::Conflict);
        }
        Outcome::Reloaded { plan } => {
            let today = state.today;
            if let Some(doc) = &mut state.doc {
                let mine = std::mem::replace(&mut doc.plan, plan.clone());
                if mine != plan {
                    doc.history.record(crate::tui::state::Edit {
                        before: mine,
                        after: plan.clone(),
                        what: Said::new("ファイルを読み直す", "reload the file"),
                    });
                }
                doc.on_disk = Some(plan.clone());
                doc.baseline = Some(plan);
                doc.conflict = false;
                doc.reanalyze(today);
                fx.push(Effect::RemoveDraft {
                    key: doc.draft_key.clone(),
                });
            }
            state.say(Said::new(
                "ファイルを読み直しました（u で自分の変更に戻せます。戻すとファイルに保存されます）",
                "Reloaded the file (u brings your edits back, and saves them)",
            ));
        }
        Outcome::ReloadFailed { body } => {
            state.overlay = Some(Overlay::Message {
                title: Said::new("ファイルを読み直せません", "Cannot reload the file"),
                body,
                scroll: 0,
            });
        }
        Outcome::Diff { body } => {
            state.overlay = Some(Overlay::Message {
                title: Said::new(
                    "ファイルとの違い（- ファイル / + 自分の版）。Ctrl-S で選び直せます",
                    "Differences (- the file / + mine). Ctrl-S to decide",
                ),
                body,
                scroll: 0,
            });
        }
        Outcome::Scanned { saved, drafts } => {
            state.start.saved = saved;
            state.start.drafts = drafts;
        }
        Outcome::Trashed { original, trashed } => {
            state.say(Said::each(|l| {
                format!(
                    "{}: {}{}",
                    l.pick("ごみ箱へ移しました", "Moved to the trash"),
                    shown(&original),
                    l.pick("（u で元に戻す）", " (u brings it back)")
                )
            }));
            state.start.trashed.push((original, trashed));
            fx.push(Effect::Scan);
        }
        Outcome::Untrashed { original } => {
            state.say(Said::each(|l| {
                format!("{}: {}", l.pick("元に戻しました", "Restored"), shown(&original))
            }));
            fx.push(Effect::Scan);
        }
        Outcome::Exported { path } => {
            state.say(Said::each(|l| {
                format!(
                    "{}: {}",
                    l.pick("面談シートを書き出しました", "Wrote the interview sheet"),
                    shown(&path)
                )
            }));
        }
        Outcome::Renamed { to } => {
            state.say(Said::each(|l| {
                format!("{}: {}", l.pick("名前を変えました", "Renamed to"), shown(&to))
            }));
            state.start.selected.key = Some(crate::tui::state::StartKey::Saved(to));
            fx.push(Effect::Scan);
        }
        Outcome::Duplicated { to } => {
            state.say(Said::each(|l| {
                format!("{}: {}", l.pick("複製しました", "Duplicated as"), shown(&to))
            }));
            state.start.selected.key = Some(crate::tui::state::StartKey::Saved(to));
            fx.push(Effect::Scan);
        }
        Outcome::FileFailed { reason } => state.warn(reason),
        Outcome::Team { dir, rows, more } => crate::tui::update::team::show(state, dir, rows, more),
        Outcome::CompareRead { first, second } => crate::tui::update::compare::read(state, *first, *second),
        Outcome::RosterRead(result) => crate::tui::update::roster::read(state, *result),
        Outcome::HistoryRead(result) => crate::tui::update::roster::history_read(state, *result),
    }
}

fn after_save(state: &mut State, fx: &mut Vec<Effect>) {
    if let Some(then) = state.close_after_save.take() {
        finish_close(state, then, fx);
        if then == AfterClose::StartScreen {
            state.say(Said::new("保存して閉じました", "Saved and closed"));
        }
    }
}
