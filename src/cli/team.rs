//! `michi team DIR`: the plans in a folder at a glance, for a supervisor before the
//! interviews: name, grade, target, readiness both ways, the largest gap, the last interview
//! and the goals still open. A file that does not read is listed with its problem, never
//! fatal; the folder is read only to a bound.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::profile::write_table;
use crate::describe::team_summary;
use crate::i18n::Lang;
use crate::model::Date;
use crate::store::team::{MAX_PLANS, first_problem, read_team_folder};

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
    let catalog = crate::store::Catalog::load(crate::store::profiles::user_profile_dir().as_deref(), lang);
    let folder = match read_team_folder(dir, &catalog, lang) {
        Ok(folder) => folder,
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
    let more = folder.more;
    let members: Vec<Member> = folder
        .files
        .iter()
        .map(|team_file| {
            let file = team_file
                .path
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
            let plan = match &team_file.plan {
                Ok(plan) => plan,
                Err(problems) => return empty(first_problem(problems, lang)),
            };
            let Some(entry) = catalog.get(&plan.profile) else {
                return empty(String::new());
            };
            let row = team_summary(&entry.profile, plan);
            Member {
                file,
                name: row.name,
                grade: row.grade,
                target: row.target,
                readiness: row.readiness,
                supervisor_readiness: row.supervisor_readiness,
                largest_gap: row.largest_gap,
                last_interview: row.last_interview,
                open_goals: row.open_goals,
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
