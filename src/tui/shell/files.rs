//! Carrying out the effects that touch files: the open plan's file (with its lock), new
//! files, recovery drafts, the trash, the plans folder's listing, the settings and team
//! folders.

use std::path::{Path, PathBuf};

use crate::describe::team_summary;
use crate::i18n::Lang;
use crate::model::Plan;
use crate::store::data_dir;
use crate::store::plan_file::{Access, PlanFile, ReadOnlyReason, SaveError, Saved};
use crate::store::team::{TeamFile, first_problem, read_team_folder};
use crate::store::{parse_plan, plans};
use crate::tui::shell::{diff_lines, expand_home};
use crate::tui::state::{DraftEntry, PlanSummary, ReadOnly, Said, SavedEntry, State, TeamRow};
use crate::tui::update::{Effect, Outcome, SaveTarget};

/// The folders Michi keeps files in, and the open plan's file.
pub struct Files {
    pub plans_dir: Option<PathBuf>,
    pub drafts_dir: Option<PathBuf>,
    pub trash_dir: Option<PathBuf>,
    /// Where settings are saved (None: not saved, e.g. the file failed to load).
    pub settings_path: Option<PathBuf>,
    /// The open plan's file, holding its lock.
    open: Option<PlanFile>,
}

fn shown(path: &Path) -> String {
    crate::text::escape_controls(&path.display().to_string())
}

/// A one-line local time for a file's last change.
fn modified(path: &Path) -> Option<String> {
    let time = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    let secs = time.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    let secs = i64::try_from(secs).ok()? + 9 * 3600;
    let date = crate::model::Date::from_days_since_epoch(secs.div_euclid(86_400))?;
    let minutes = secs.rem_euclid(86_400) / 60;
    Some(format!("{date} {:02}:{:02}", minutes / 60, minutes % 60))
}

impl Files {
    /// The folders from the environment (`MICHI_DATA_DIR`, else the platform's data folder).
    pub fn from_environment(settings_path: Option<PathBuf>) -> Files {
        Files {
            drafts_dir: data_dir::drafts_dir(),
            trash_dir: data_dir::trash_dir(),
            plans_dir: plans::plans_dir(),
            settings_path,
            open: None,
        }
    }

    /// Folders under one data directory (tests).
    pub fn in_dir(data: &Path) -> Files {
        Files {
            plans_dir: Some(data.join("plans")),
            drafts_dir: Some(data.join("drafts")),
            trash_dir: Some(data.join("trash")),
            settings_path: None,
            open: None,
        }
    }

    /// At start: removes leftovers of interrupted saves, lists plans and drafts, and says
    /// when there are drafts to restore.
    pub fn start(&mut self, state: &mut State) {
        for dir in [&self.plans_dir, &self.drafts_dir].into_iter().flatten() {
            crate::store::fsio::remove_stale_temp_files(dir);
        }
        if let Some(Outcome::Scanned { saved, drafts }) = self.carry_out(state, Effect::Scan) {
            if !drafts.is_empty() {
                let n = drafts.len();
                state.warn(Said::each(|l| match l {
                    Lang::Ja => {
                        format!("保存されていない下書きが {n} 件あります。一覧の先頭で Enter で復元、x で捨てられます")
                    }
                    Lang::En => {
                        format!("{n} unsaved draft(s) found: Enter at the top of the list restores, x discards")
                    }
                }));
            }
            state.start.saved = saved;
            state.start.drafts = drafts;
        }
    }

    fn scan(&self, state: &State) -> Outcome {
        let saved = match &self.plans_dir {
            Some(dir) => plans::saved_plans(dir, &state.catalog, state.lang())
                .into_iter()
                .map(|s| SavedEntry {
                    modified: modified(&s.path),
                    summary: match s.plan {
                        Ok(plan) => Ok(summary(&plan, state)),
                        // In the current language only: a bad file can be large, so it is
                        // read once; `L` on the start screen lists the plans again.
                        Err(diagnostics) => Err(Said::same(diagnostics.render(state.lang()))),
                    },
                    path: s.path,
                })
                .collect(),
            None => Vec::new(),
        };
        let drafts = match &self.drafts_dir {
            Some(dir) => data_dir::list_drafts(dir)
                .into_iter()
                .map(|d| DraftEntry {
                    written: modified(&d.path),
                    origin: d.origin.unwrap_or(d.key),
                    plan: d.plan.map_err(|e| Said::each(|l| e.message(l))),
                    path: d.path,
                })
                .collect(),
            None => Vec::new(),
        };
        Outcome::Scanned { saved, drafts }
    }

    /// Carries out one effect; the result, when there is one to report.
    pub fn carry_out(&mut self, state: &State, effect: Effect) -> Option<Outcome> {
        match effect {
            Effect::OpenFile(path) => Some(self.open(state, &path)),
            Effect::Save { before, after } => Some(self.save(&before, &after)),
            Effect::SaveNew { target, plan } => Some(self.save_new(target, &plan)),
            Effect::Reload => Some(self.reload(state)),
            Effect::ShowDiff { before, mine } => Some(self.diff(&before, &mine)),
            Effect::CloseFile => {
                self.open = None;
                None
            }
            Effect::WriteDraft { key, origin, plan } => {
                let dir = self.drafts_dir.clone()?;
                match data_dir::write_draft(&dir, &key, &plan, &origin) {
                    Ok(_) => None,
                    Err(e) => Some(Outcome::FileFailed {
                        reason: Said::each(|l| {
                            format!(
                                "{}: {e}",
                                l.pick("下書きを保存できません", "cannot write the recovery draft")
                            )
                        }),
                    }),
                }
            }
            Effect::RemoveDraft { key } => {
                let dir = self.drafts_dir.as_ref()?;
                data_dir::remove_draft(dir, &key).err().map(|e| Outcome::FileFailed {
                    reason: Said::each(|l| format!("{}: {e}", l.pick("下書きを消せません", "cannot remove the draft"))),
                })
            }
            Effect::Scan => Some(self.scan(state)),
            Effect::Trash(path) => {
                let trash = self.trash_dir.clone()?;
                Some(match data_dir::move_to_trash(&trash, &path) {
                    Ok(trashed) => Outcome::Trashed {
                        original: path,
                        trashed,
                    },
                    Err(e) => file_failed("ごみ箱へ移せません", "cannot move it to the trash", &path, &e),
                })
            }
            Effect::Untrash { original, trashed } => Some(match data_dir::restore_from_trash(&trashed, &original) {
                Ok(()) => Outcome::Untrashed { original },
                Err(e) => file_failed("元に戻せません", "cannot restore", &original, &e),
            }),
            Effect::Rename { from, to } => Some(self.rename(&from, &to)),
            Effect::Duplicate(from) => Some(self.duplicate(&from)),
            Effect::Export { name, bytes } => Some(self.export(&name, &bytes)),
            Effect::WriteSettings(ui) => {
                let path = self.settings_path.as_ref()?;
                let settings = crate::store::settings::Settings {
                    lang: ui.lang,
                    theme: ui.theme.name().into(),
                    ascii: ui.ascii,
                    mouse: ui.mouse,
                    wareki: ui.wareki,
                    ambiguous_wide: ui.ambiguous_wide,
                };
                crate::store::settings::save(path, &settings)
                    .err()
                    .map(|e| Outcome::FileFailed {
                        reason: Said::each(|l| {
                            format!("{}: {e}", l.pick("設定を保存できません", "cannot save the settings"))
                        }),
                    })
            }
            Effect::SetMouse(_) | Effect::Quit => None,
            Effect::ReadTeam(typed) => Some(team(state, &typed)),
            Effect::ReadCompare { first, second } => {
                Some(crate::tui::shell::compare::read_both(state, &first, &second))
            }
            Effect::ReadRoster { file, profile } => Some(crate::tui::shell::roster::read(state, &file, &profile)),
            Effect::ReadHistory {
                history,
                roster,
                profile,
                as_of,
            } => Some(crate::tui::shell::roster::join_history(
                state, &history, &roster, &profile, as_of,
            )),
        }
    }

    fn open(&mut self, state: &State, path: &Path) -> Outcome {
        let failed = |body: Said| Outcome::OpenFailed {
            title: Said::each(|l| {
                format!(
                    "{} {}",
                    l.pick("計画を開けません:", "Cannot open the plan"),
                    shown(path)
                )
            }),
            body,
        };
        let (file, text) = match PlanFile::open(path) {
            Ok(opened) => opened,
            Err(e) => return failed(Said::each(|l| e.message(l))),
        };
        let name = path.display().to_string();
        match parse_plan(&name, text.as_bytes(), &state.catalog, state.lang()) {
            Ok(plan) => {
                let read_only = match file.access() {
                    Access::ReadWrite => None,
                    Access::ReadOnly(ReadOnlyReason::NoPermission) => Some(ReadOnly::NoPermission),
                    Access::ReadOnly(ReadOnlyReason::LockedElsewhere) => Some(ReadOnly::OpenElsewhere),
                    Access::ReadOnly(ReadOnlyReason::Sample) => Some(ReadOnly::Sample),
                };
                self.open = Some(file);
                Outcome::Opened {
                    path: path.to_path_buf(),
                    plan,
                    read_only,
                }
            }
            Err(_) => failed(Said::each(|l| {
                parse_plan(&name, text.as_bytes(), &state.catalog, l)
                    .err()
                    .map(|ds| ds.render(l))
                    .unwrap_or_default()
                    + l.pick(
                        "\nこのファイルは変更しません。直してから開き直してください（michi plan check で確認できます）。",
                        "\nThe file is left as it is. Fix it and open it again (michi plan check shows the problems).",
                    )
            })),
        }
    }

    fn save(&mut self, before: &Option<Plan>, after: &Plan) -> Outcome {
        let Some(file) = &mut self.open else {
            return Outcome::SaveFailed {
                reason: Said::new("保存先のファイルがありません", "there is no file to save to"),
            };
        };
        let before = before.clone().unwrap_or_else(|| after.clone());
        match file.save(&before, after) {
            Ok(saved) => Outcome::Saved {
                plan: after.clone(),
                rewritten: saved == Saved::Rewritten,
            },
            Err(SaveError::Changed { .. }) => Outcome::ChangedOnDisk,
            Err(e) => Outcome::SaveFailed {
                reason: Said::each(|l| e.message(l)),
            },
        }
    }

    fn save_new(&mut self, target: SaveTarget, plan: &Plan) -> Outcome {
        let path = match target {
            SaveTarget::PlansDir { stem } => match &self.plans_dir {
                Some(dir) => data_dir::unique_plan_path(dir, &stem),
                None => {
                    return Outcome::SaveFailed {
                        reason: Said::new(
                            "計画を保存するフォルダが分かりません。F2 でパスを指定してください",
                            "no plans folder is known: give a path with F2",
                        ),
                    };
                }
            },
            SaveTarget::Typed(typed) => {
                // Plans are .toml files (the start screen lists those): a bare name gets it.
                let mut path = expand_home(&typed);
                if path.extension().is_none() {
                    path.set_extension("toml");
                }
                path
            }
        };
        let plan = plan.savable_copy();
        match PlanFile::save_as_new(&path, &plan) {
            Ok(file) => {
                self.open = Some(file);
                Outcome::SavedNew { path, plan }
            }
            Err(e) => Outcome::SaveFailed {
                reason: Said::each(|l| format!("{}: {}", shown(&path), e.message(l))),
            },
        }
    }

    fn reload(&mut self, state: &State) -> Outcome {
        let Some(file) = &mut self.open else {
            return Outcome::ReloadFailed {
                body: Said::new("開いているファイルがありません", "no file is open"),
            };
        };
        let text = match file.reload() {
            Ok(text) => text,
            Err(e) => {
                return Outcome::ReloadFailed {
                    body: Said::each(|l| e.message(l)),
                };
            }
        };
        match parse_plan("plan", text.as_bytes(), &state.catalog, state.lang()) {
            Ok(plan) => Outcome::Reloaded { plan },
            Err(_) => Outcome::ReloadFailed {
                body: Said::each(|l| {
                    parse_plan("plan", text.as_bytes(), &state.catalog, l)
                        .err()
                        .map(|ds| ds.render(l))
                        .unwrap_or_default()
                }),
            },
        }
    }

    fn diff(&mut self, before: &Option<Plan>, mine: &Plan) -> Outcome {
        let Some(file) = &self.open else {
            return Outcome::Diff {
                body: Said::same(String::new()),
            };
        };
        match file.disk_text() {
            Ok(disk) => {
                let mine_text = file.text_for(before.as_ref().unwrap_or(mine), mine);
                Outcome::Diff {
                    body: Said::same(diff_lines(&disk, &mine_text)),
                }
            }
            Err(e) => Outcome::ReloadFailed {
                body: Said::each(|l| e.message(l)),
            },
        }
    }

    fn rename(&mut self, from: &Path, to: &str) -> Outcome {
        let Some(dir) = from.parent() else {
            return file_failed(
                "名前を変えられません",
                "cannot rename",
                from,
                &std::io::Error::other("no folder"),
            );
        };
        let stem = data_dir::plan_file_stem(to.trim().trim_end_matches(".toml"), None);
        let target = dir.join(format!("{stem}.toml"));
        if target.exists() {
            return Outcome::FileFailed {
                reason: Said::each(|l| {
                    format!(
                        "{}: {}",
                        l.pick("その名前のファイルは既にあります", "a file with that name exists"),
                        shown(&target)
                    )
                }),
            };
        }
        match std::fs::rename(from, &target) {
            Ok(()) => Outcome::Renamed { to: target },
            Err(e) => file_failed("名前を変えられません", "cannot rename", from, &e),
        }
    }

    /// Writes an exported sheet to the exports folder under a free name, private (0600).
    fn export(&mut self, name: &str, bytes: &[u8]) -> Outcome {
        let Some(dir) = data_dir::exports_dir() else {
            return Outcome::FileFailed {
                reason: Said::new(
                    "書き出す場所（データフォルダ）が見つかりません",
                    "no data folder to write to",
                ),
            };
        };
        let (stem, extension) = name.rsplit_once('.').unwrap_or((name, "txt"));
        let result = std::fs::create_dir_all(&dir).and_then(|()| {
            let target = data_dir::unique_file_path(&dir, stem, extension);
            crate::store::fsio::create_private_new(&target, bytes).map(|()| target)
        });
        match result {
            Ok(path) => Outcome::Exported { path },
            Err(e) => file_failed("書き出せません", "cannot export to", &dir, &e),
        }
    }

    fn duplicate(&mut self, from: &Path) -> Outcome {
        let (Some(dir), Some(stem)) = (from.parent(), from.file_stem()) else {
            return file_failed(
                "複製できません",
                "cannot duplicate",
                from,
                &std::io::Error::other("no file name"),
            );
        };
        let target = data_dir::unique_plan_path(dir, &format!("{}-copy", stem.to_string_lossy()));
        let result = crate::store::source::read_limited(from)
            .map_err(|e| std::io::Error::other(e.message(Lang::En)))
            .and_then(|bytes| crate::store::fsio::create_private_new(&target, &bytes));
        match result {
            Ok(()) => Outcome::Duplicated { to: target },
            Err(e) => file_failed("複製できません", "cannot duplicate", from, &e),
        }
    }
}

fn summary(plan: &Plan, state: &State) -> PlanSummary {
    let profile = state.catalog.get(&plan.profile).map(|e| &e.profile);
    PlanSummary {
        name: plan.name.clone(),
        city: profile.map_or(plan.profile.clone(), |p| p.name.clone()),
        grade: profile
            .and_then(|p| p.grade(&plan.grade))
            .map_or(plan.grade.clone(), |(_, g)| g.name.clone()),
        sample: plan.sample,
    }
}

/// The plans of a team folder, as typed (`~` is the home folder), each summed up in a row.
fn team(state: &State, typed: &str) -> Outcome {
    let dir = expand_home(typed);
    let lang = state.lang();
    match read_team_folder(&dir, &state.catalog, lang) {
        Ok(folder) => Outcome::Team {
            rows: folder.files.into_iter().map(|f| team_row(state, f)).collect(),
            dir,
            more: folder.more,
        },
        Err(e) => file_failed("チームのフォルダを読めません", "cannot read the team folder", &dir, &e),
    }
}

fn team_row(state: &State, file: TeamFile) -> TeamRow {
    let summary = match &file.plan {
        Ok(plan) => match state.catalog.get(&plan.profile) {
            Some(entry) => Ok(team_summary(&entry.profile, plan)),
            None => Err(Said::new(
                "この計画の自治体のプロファイルが読み込まれていません",
                "this plan's municipality profile is not loaded",
            )),
        },
        Err(problems) => {
            // A broken file is rare: it is read again to tell its problem in the other
            // language too, so `L` switches it like everything else.
            let lang = state.lang();
            let here = first_problem(problems, lang);
            let other = match lang {
                Lang::Ja => Lang::En,
                Lang::En => Lang::Ja,
            };
            let there = crate::store::load_plan_file(&file.path, &state.catalog, other)
                .err()
                .map_or_else(|| here.clone(), |p| first_problem(&p, other));
            Err(match lang {
                Lang::Ja => Said::new(here, there),
                Lang::En => Said::new(there, here),
            })
        }
    };
    TeamRow {
        file: file.file_name(),
        path: file.path,
        summary,
    }
}

fn file_failed(ja: &str, en: &str, path: &Path, e: &std::io::Error) -> Outcome {
    Outcome::FileFailed {
        reason: Said::each(|l| format!("{} {}: {e}", l.pick(ja, en), shown(path))),
    }
}
