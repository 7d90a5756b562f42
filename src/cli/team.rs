//! `michi team DIR`: the plans in a folder at a glance, for a supervisor before the
//! interviews: name, grade, target, readiness both ways, the largest gap, the last interview
//! and the goals still open. A file that does not read is listed with its problem, never
//! fatal; the folder is read only to a bound.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::profile::write_table;
use crate::engine;
use crate::i18n::Lang;
use crate::model::{Date, GoalStatus};
use crate::store::load_plan_file;

/// Most plan files read from one folder.
const MAX_PLANS: usize = 2_000;

#[derive(Serialize)]
struct Member {
    file: String,
    name: Option<String>,
    grade: String,
    target: String,
    readiness: Option<u8>,
    supervisor_readiness: Option<u8>,
    largest_gap: Option<String>,
    last_interview: Option<Date>,
    open_goals: usize,
    /// Why the file could not be read (the other fields are then empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<String>,
}

pub fn run(dir: &Path, json: bool, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!(
                "{}",
                match lang {
                    Lang::Ja => format!("エラー: フォルダ {} を読めません: {e}", dir.display()),
                    Lang::En => format!("error: cannot read the folder {}: {e}", dir.display()),
                }
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .take(MAX_PLANS + 1)
        .collect();
    let more = files.len() > MAX_PLANS;
    files.truncate(MAX_PLANS);
    files.sort();
    let catalog = crate::store::Catalog::load(crate::store::profiles::user_profile_dir().as_deref(), lang);
    let members: Vec<Member> = files
        .iter()
        .map(|path| {
            let file = path
                .file_name()
                .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
            let empty = |problem: String| Member {
                file: file.clone(),
                name: None,
                grade: String::new(),
                target: String::new(),
                readiness: None,
                supervisor_readiness: None,
                largest_gap: None,
                last_interview: None,
                open_goals: 0,
                problem: Some(problem),
            };
            let plan = match load_plan_file(path, &catalog, lang) {
                Ok(plan) => plan,
                Err(problems) => {
                    return empty(problems.render(lang).lines().next().unwrap_or_default().to_string());
                }
            };
            let Some(entry) = catalog.get(&plan.profile) else {
                return empty(String::new());
            };
            let p = &entry.profile;
            let target = engine::gaps(p, &plan, &plan.target_grade);
            let largest = target
                .gaps
                .iter()
                .filter(|g| g.gap.is_some_and(|n| n > 0))
                .max_by_key(|g| g.gap)
                .map(|g| format!("{}（{}）", g.competency_name, g.gap.unwrap_or(0)));
            Member {
                file,
                name: plan.name.clone(),
                grade: crate::describe::current_grade(p, &plan),
                target: crate::describe::grade_name(p, &plan.target_grade).to_string(),
                readiness: target.readiness,
                supervisor_readiness: target.supervisor_readiness,
                largest_gap: largest,
                last_interview: plan.interviews.iter().map(|i| i.date).max(),
                open_goals: plan
                    .interviews
                    .iter()
                    .flat_map(|i| &i.goals)
                    .filter(|g| matches!(g.status, GoalStatus::Planned | GoalStatus::InProgress))
                    .count(),
                problem: None,
            }
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &members).map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        let figure = |r: Option<u8>| r.map_or_else(|| "—".to_string(), |r| r.to_string());
        let rows: Vec<[String; 8]> = members
            .iter()
            .map(|m| {
                [
                    m.name.clone().unwrap_or_else(|| m.file.clone()),
                    m.grade.clone(),
                    m.target.clone(),
                    figure(m.readiness),
                    figure(m.supervisor_readiness),
                    m.largest_gap.clone().unwrap_or_default(),
                    m.last_interview.map(|d| d.to_string()).unwrap_or_default(),
                    match &m.problem {
                        Some(p) => p.clone(),
                        None => m.open_goals.to_string(),
                    },
                ]
            })
            .collect();
        write_table(
            out,
            &[
                lang.pick("氏名", "Name"),
                lang.pick("職級", "Grade"),
                lang.pick("目標", "Target"),
                lang.pick("準備度", "Ready"),
                lang.pick("上司", "Supv."),
                lang.pick("最大の差", "Largest gap"),
                lang.pick("最後の面談", "Last interview"),
                lang.pick("未完の目標", "Open goals"),
            ],
            &rows,
        )?;
        if more {
            writeln!(
                out,
                "{}",
                match lang {
                    Lang::Ja => format!("（最初の {MAX_PLANS} 件だけを表示しています）"),
                    Lang::En => format!("(the first {MAX_PLANS} files only)"),
                }
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
