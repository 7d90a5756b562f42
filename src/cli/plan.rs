//! `michi plan analyze | new | check` and `michi grade diff`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::profile::write_table;
use crate::describe::{finding_text, note_text};
use crate::engine::{self, Analysis, PlanNote, TargetYearSource};
use crate::i18n::Lang;
use crate::model::{Date, Emphasis, Plan, Profile, fiscal_year_label};
use crate::store::fsio::{create_private_new, write_private_atomic};
use crate::store::profiles::user_profile_dir;
use crate::store::source::{FileKind, SourceError};
use crate::store::{Catalog, Diagnostic, Problems, load_plan_file};
use crate::text::{escape_controls, escape_line};

fn catalog(lang: Lang) -> Catalog {
    Catalog::load(user_profile_dir().as_deref(), lang)
}

/// The problems of a file on standard error, then a line counting them.
pub(crate) fn print_problems(path: &Path, problems: &Problems, lang: Lang) {
    crate::cli::to_stderr(&problems.render(lang));
    crate::cli::to_stderr(&format!("{}\n", problems.summary(&path.display().to_string(), lang)));
}

/// Parses `--today`.
pub fn parse_today(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date: write YYYY-MM-DD"))
}

pub fn analyze(
    path: &Path,
    today: Option<Date>,
    json: bool,
    per_year: usize,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let catalog = catalog(lang);
    let plan = match load_plan_file(path, &catalog, lang) {
        Ok(plan) => plan,
        Err(d) => {
            print_problems(path, &d, lang);
            return Ok(ExitCode::FAILURE);
        }
    };
    let Some(entry) = catalog.get(&plan.profile) else {
        return Ok(ExitCode::FAILURE);
    };
    let today = today.unwrap_or_else(crate::clock::today_in_japan);
    let analysis = engine::analyze(&entry.profile, &plan, today, per_year);
    if json {
        serde_json::to_writer_pretty(&mut *out, &AnalysisJson::new(&entry.profile, &plan, &analysis))
            .map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        write_report(out, &entry.profile, &plan, &analysis, lang)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn check(path: &Path, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    let catalog = catalog(lang);
    match load_plan_file(path, &catalog, lang) {
        Ok(plan) => {
            let profile = catalog.get(&plan.profile).map(|e| &e.profile);
            let grade = profile
                .and_then(|p| p.grade(&plan.grade))
                .map_or("", |(_, g)| g.name.as_str());
            let target = profile
                .and_then(|p| p.grade(&plan.target_grade))
                .map_or("", |(_, g)| g.name.as_str());
            let name = profile.map_or("", |p| p.name.as_str());
            writeln!(
                out,
                "ok: {} — {name}: {grade} → {target}",
                escape_controls(&path.display().to_string())
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(d) => {
            print_problems(path, &d, lang);
            Ok(ExitCode::FAILURE)
        }
    }
}

use crate::describe::{competency_name, family_name, grade_name};

fn level(l: Option<u8>) -> String {
    l.map_or_else(|| "-".to_string(), |l| l.to_string())
}

fn heading(out: &mut impl Write, text: &str) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "■ {text}")
}

/// The readable report, Japanese or English labels, columns aligned by display width.
pub fn write_report(out: &mut impl Write, p: &Profile, plan: &Plan, a: &Analysis, lang: Lang) -> io::Result<()> {
    let ja = lang == Lang::Ja;
    let fy = |y| fiscal_year_label(y, lang);
    // Loading refuses a line break in the name; escaped here all the same, since this line
    // heads the report and a forged one below it would read as Michi's.
    let who = plan.name.as_deref().map(escape_line).unwrap_or_default();
    writeln!(
        out,
        "{} {who} — {} {}  ({} {})",
        lang.pick("Michi キャリアパス分析", "Michi career-path analysis"),
        p.name,
        p.document.title,
        lang.pick("基準日", "as of"),
        a.today
    )?;
    writeln!(
        out,
        "{}: {} ({} {})  →  {}: {} ({} {}{})",
        lang.pick("現在", "Now"),
        grade_name(p, &plan.grade),
        plan.grade_since,
        lang.pick("から", "since"),
        lang.pick("目標", "Target"),
        grade_name(p, &plan.target_grade),
        fy(a.target_fy),
        lang.pick("まで", "by"),
        match a.target_fy_source {
            TargetYearSource::Plan => "",
            TargetYearSource::Typical => lang.pick("・標準的な年数による", ", typical path"),
            TargetYearSource::Default => lang.pick("・目安", ", a horizon"),
        }
    )?;

    heading(out, lang.pick("定年・役職定年", "Retirement"))?;
    let r = &a.retirement;
    let rows = [
        [
            lang.pick("定年年齢", "Retirement age").to_string(),
            format!("{}{}", r.age, lang.pick("歳", "")),
        ],
        [
            lang.pick("定年退職日", "Retirement date").to_string(),
            r.date.to_string(),
        ],
        [
            lang.pick("役職定年（管理監督職の上限）", "Management posts until (役職定年)")
                .to_string(),
            r.management_post_until.to_string(),
        ],
    ];
    write_table(
        out,
        &[lang.pick("項目", "Item"), lang.pick("日付・年齢", "Value")],
        &rows,
    )?;

    heading(out, lang.pick("昇任の見通し", "Trajectory"))?;
    writeln!(
        out,
        "{}",
        lang.pick(
            "最短は昇任・昇格モデルが許す最も早い年度で、約束ではありません。昇任は選考と欠員によります。",
            "The earliest year is what the promotion model allows, not a promise: promotion depends on selection and openings."
        )
    )?;
    let rows: Vec<[String; 4]> = a
        .trajectory
        .steps
        .iter()
        .map(|s| {
            let notes = crate::describe::step_notes(s, lang);
            [
                s.grade_name.clone(),
                fy(s.earliest_fy),
                fy(s.typical_fy),
                notes.join("・"),
            ]
        })
        .collect();
    if rows.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("（この職系の最上位の職級です）", "(this is the top of the ladder)")
        )?;
    } else {
        write_table(
            out,
            &[
                lang.pick("職級", "Grade"),
                lang.pick("最短", "Earliest"),
                lang.pick("標準", "Typical"),
                lang.pick("備考", "Notes"),
            ],
            &rows,
        )?;
    }
    for l in &a.trajectory.leave_counting {
        let kind = if ja { l.kind.label_ja() } else { l.kind.label_en() };
        let pct = (l.counted * 100.0).round();
        let basis = if l.assumed {
            lang.pick(
                "（プロファイルに定めがないため全期間算入と仮定）",
                " (the profile sets no rule: counted in full by assumption)",
            )
        } else {
            lang.pick("（プロファイルの定めによる）", " (as the profile sets)")
        };
        writeln!(
            out,
            "{}",
            if ja {
                format!("  {kind} {} 日: 在級年数に {pct}% 算入{basis}", l.days)
            } else {
                format!("  {kind}, {} days: {pct}% counted toward years in grade{basis}", l.days)
            }
        )?;
    }

    heading(
        out,
        &if ja {
            format!("目標 {} との能力の差", grade_name(p, &plan.target_grade))
        } else {
            format!("Competency gaps for {}", grade_name(p, &plan.target_grade))
        },
    )?;
    writeln!(out, "{}", crate::describe::readiness_text(&a.target, lang))?;
    // Competencies the grade does not ask for and that show no gap only add noise here.
    let (shown, folded): (Vec<_>, Vec<_>) =
        a.target.gaps.iter().partition(|g| {
            g.emphasis != Emphasis::Unmarked || g.required > p.scale.min || g.gap.is_some_and(|n| n > 0)
        });
    let rows: Vec<[String; 6]> = shown
        .iter()
        .map(|g| {
            [
                g.competency_name.clone(),
                g.emphasis.mark().to_string(),
                format!("{}{}", g.required, if g.illustrative { "*" } else { "" }),
                g.current
                    .map_or_else(|| lang.pick("未評価", "n/a").to_string(), |l| l.to_string()),
                level(g.supervisor),
                g.gap.map_or_else(|| "?".to_string(), |n| n.to_string()),
            ]
        })
        .collect();
    if !rows.is_empty() {
        write_table(
            out,
            &[
                lang.pick("能力", "Competency"),
                lang.pick("重点", "Mark"),
                lang.pick("必要", "Req."),
                lang.pick("本人", "Self"),
                lang.pick("上司", "Supv."),
                lang.pick("差", "Gap"),
            ],
            &rows,
        )?;
    }
    if !folded.is_empty() {
        let names: Vec<&str> = folded.iter().map(|g| g.competency_name.as_str()).collect();
        writeln!(
            out,
            "{}",
            if ja {
                format!(
                    "この職級で特に定めのない能力（{} 件）: {}",
                    folded.len(),
                    names.join("、")
                )
            } else {
                format!("Not set for this grade ({}): {}", folded.len(), names.join(", "))
            }
        )?;
    }
    writeln!(
        out,
        "{}",
        lang.pick(
            "◎ 特に求められる  ○ 求められる  * 段階の数値は例示（文書は数値を定めていません）",
            "◎ key  ○ expected  * numeric level is illustrative (the document gives no numbers)"
        )
    )?;

    heading(out, lang.pick("研修計画", "Training plan"))?;
    if a.trainings.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "（提案できる研修はありません: 差がないか、自己評価がまだです）",
                "(nothing to suggest: no gaps, or no self-assessment yet)"
            )
        )?;
    }
    let rows: Vec<[String; 3]> = a
        .trainings
        .iter()
        .map(|t| {
            let addresses: Vec<&str> = t.addresses.iter().map(|c| competency_name(p, c)).collect();
            let mut name = t.name.clone();
            if t.planned {
                name.push_str(lang.pick("（予定）", " (planned)"));
            }
            [fy(t.fy), name, addresses.join("、")]
        })
        .collect();
    if !rows.is_empty() {
        write_table(
            out,
            &[
                lang.pick("年度", "Year"),
                lang.pick("研修", "Training"),
                lang.pick("対象の能力", "Addresses"),
            ],
            &rows,
        )?;
    }

    heading(out, lang.pick("ジョブローテーション", "Job rotation"))?;
    let rot = &a.rotation;
    for rule in &rot.rules {
        let status = crate::describe::rule_status(rule.status, lang);
        writeln!(out, "{}: {}", lang.pick("規則", "Rule"), rule.text)?;
        writeln!(
            out,
            "  {}: {status}  ({} {} – {}{})",
            lang.pick("状況", "Status"),
            lang.pick("期間", "window"),
            rule.window_start,
            rule.window_end,
            if rule.illustrative {
                lang.pick("・期間や数は例示", ", figures illustrative")
            } else {
                ""
            }
        )?;
        if let Some(required) = rule.departments_required {
            writeln!(
                out,
                "  {}",
                if ja {
                    format!("経験した部署 {} / {required}", rule.departments_served)
                } else {
                    format!("departments served {} of {required}", rule.departments_served)
                }
            )?;
        }
    }
    let names = |ids: &[String]| ids.iter().map(|f| family_name(p, f)).collect::<Vec<_>>().join("、");
    writeln!(
        out,
        "{}: {}",
        lang.pick("経験した系統", "Families served"),
        names(&rot.covered)
    )?;
    if !rot.missing.is_empty() {
        writeln!(
            out,
            "{}: {}",
            lang.pick("未経験の系統", "Families missing"),
            names(&rot.missing)
        )?;
    }
    if let Some(f) = &rot.next_family {
        writeln!(
            out,
            "{}: {}",
            lang.pick("次の配属の候補", "Suggested next family"),
            family_name(p, f)
        )?;
    }
    for f in &rot.findings {
        writeln!(out, "  ・{}", finding_text(f, lang))?;
    }

    if !a.notes.is_empty() {
        heading(out, lang.pick("注意", "Notes"))?;
        for n in &a.notes {
            writeln!(out, "  ・{}", note_text(p, n, lang))?;
        }
    }
    Ok(())
}

/// The `--json` contract of `plan analyze`.
#[derive(Serialize)]
struct AnalysisJson<'a> {
    today: Date,
    profile: &'a str,
    series: Option<&'a str>,
    grade: &'a str,
    target_grade: &'a str,
    target_fy: i32,
    target_fy_source: TargetYearSource,
    retirement: &'a engine::Retirement,
    trajectory: &'a [engine::TrajectoryStep],
    next_round_fy: i32,
    gaps: &'a [engine::Gap],
    readiness: Option<u8>,
    assessed: usize,
    key_total: usize,
    key_assessed: usize,
    next_grade: Option<&'a engine::GapReport>,
    trainings: &'a [engine::Suggestion],
    rotation: &'a engine::RotationReport,
    notes: &'a [PlanNote],
}

impl<'a> AnalysisJson<'a> {
    fn new(profile: &'a Profile, plan: &'a Plan, a: &'a Analysis) -> Self {
        AnalysisJson {
            today: a.today,
            profile: &profile.id,
            series: plan.series_id(profile),
            grade: &plan.grade,
            target_grade: &plan.target_grade,
            target_fy: a.target_fy,
            target_fy_source: a.target_fy_source,
            retirement: &a.retirement,
            trajectory: &a.trajectory.steps,
            next_round_fy: a.trajectory.next_round_fy,
            gaps: &a.target.gaps,
            readiness: a.target.readiness,
            assessed: a.target.assessed,
            key_total: a.target.key_total,
            key_assessed: a.target.key_assessed,
            next_grade: a.next.as_ref(),
            trainings: &a.trainings,
            rotation: &a.rotation,
            notes: &a.notes,
        }
    }
}

/// `michi grade diff --profile ID FROM TO`.
pub fn grade_diff(
    profile_id: &str,
    from: &str,
    to: &str,
    json: bool,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let catalog = catalog(lang);
    let Some(entry) = catalog.get(profile_id) else {
        crate::cli::report_unknown_profile(&catalog, profile_id, lang);
        return Ok(ExitCode::FAILURE);
    };
    let p = &entry.profile;
    let Some(diff) = engine::grade_diff(p, from, to) else {
        let missing = if p.grade(from).is_none() { from } else { to };
        let grades: Vec<String> = p.grades().map(|(_, g)| format!("{} ({})", g.id, g.name)).collect();
        eprint!(
            "{}",
            Diagnostic::file_level(
                profile_id,
                match lang {
                    Lang::Ja => format!("職級 `{missing}` はありません"),
                    Lang::En => format!("no grade `{missing}` in this profile"),
                },
                match lang {
                    Lang::Ja => format!("使える職級: {}", grades.join(", ")),
                    Lang::En => format!("grades: {}", grades.join(", ")),
                },
            )
            .render(lang)
        );
        return Ok(ExitCode::FAILURE);
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &diff).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{}",
        match lang {
            Lang::Ja => format!("{} と {} の違い（{}）", diff.from_name, diff.to_name, p.name),
            Lang::En => format!(
                "What {} asks that {} does not ({})",
                diff.to_name, diff.from_name, p.name_romaji
            ),
        }
    )?;
    let mark = |e: Emphasis, l: u8| format!("{}{l}", if e == Emphasis::Unmarked { "・" } else { e.mark() });
    let rows: Vec<[String; 3]> = diff
        .changes
        .iter()
        .map(|r| {
            [
                r.competency_name.clone(),
                mark(r.from_emphasis, r.from_level),
                mark(r.to_emphasis, r.to_level),
            ]
        })
        .collect();
    if rows.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("（要件の違いはありません）", "(no difference in requirements)")
        )?;
    } else {
        write_table(
            out,
            &[lang.pick("能力", "Competency"), &diff.from_name, &diff.to_name],
            &rows,
        )?;
    }
    for r in diff
        .changes
        .iter()
        .filter(|r| r.to_descriptor.is_some() && r.to_descriptor != r.from_descriptor)
    {
        writeln!(out)?;
        writeln!(out, "【{}】", r.competency_name)?;
        if let Some(d) = &r.from_descriptor {
            writeln!(out, "  {}: {}", diff.from_name, d.replace('\n', " "))?;
        }
        if let Some(d) = &r.to_descriptor {
            writeln!(out, "  {}: {}", diff.to_name, d.replace('\n', " "))?;
        }
    }
    if !diff.new_roles.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            match lang {
                Lang::Ja => format!("{} で新たに求められる役割:", diff.to_name),
                Lang::En => format!("Roles new at {}:", diff.to_name),
            }
        )?;
        for role in &diff.new_roles {
            writeln!(out, "  ・{role}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `michi plan new`: a starter plan with comments, to stdout or a new private file.
pub fn new_plan(
    profile_id: &str,
    output: Option<&PathBuf>,
    force: bool,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let catalog = catalog(lang);
    let Some(entry) = catalog.get(profile_id) else {
        crate::cli::report_unknown_profile(&catalog, profile_id, lang);
        return Ok(ExitCode::FAILURE);
    };
    let text = crate::store::template::starter_plan(&entry.profile, crate::clock::today_in_japan(), lang);
    match output {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            let shown = path.display().to_string();
            let refuse = |message: String, hint: &str| {
                eprint!(
                    "{}",
                    Diagnostic::file_level(&shown, message, hint.to_string()).render(lang)
                );
                Ok(ExitCode::FAILURE)
            };
            let already_exists = || {
                refuse(
                    lang.pick("ファイルが既にあります", "the file already exists")
                        .to_string(),
                    lang.pick(
                        "別の名前を指定するか、--force で上書きしてください",
                        "choose another name, or pass --force to replace it",
                    ),
                )
            };
            let written = match std::fs::metadata(path) {
                // Never replaced, even with --force: a FIFO, a device or a folder is not a
                // plan, and writing there could hang or destroy something else.
                Ok(metadata) if !metadata.is_file() => {
                    let kind = FileKind::of(metadata.file_type()).unwrap_or(FileKind::Other);
                    return refuse(
                        SourceError::NotAFile { kind }.message(lang),
                        lang.pick("通常のファイルの名前を指定してください", "name a regular file"),
                    );
                }
                Ok(_) if !force => {
                    return already_exists();
                }
                // Replacing through a symbolic link writes the file it points to, so the
                // link stays.
                Ok(_) => std::fs::canonicalize(path).and_then(|target| write_private_atomic(&target, text.as_bytes())),
                Err(_) if force => write_private_atomic(path, text.as_bytes()),
                // Created only where nothing is, not even a dangling link.
                Err(_) => create_private_new(path, text.as_bytes()),
            };
            if let Err(e) = written {
                if e.kind() == io::ErrorKind::AlreadyExists {
                    return already_exists();
                }
                return refuse(
                    match lang {
                        Lang::Ja => format!("書き込めません: {e}"),
                        Lang::En => format!("cannot write: {e}"),
                    },
                    lang.pick(
                        "フォルダがあるか、書き込み権限があるか確認してください",
                        "check that the folder exists and you may write there",
                    ),
                );
            }
            writeln!(
                out,
                "{}",
                match lang {
                    Lang::Ja => format!("計画を作成しました: {}", path.display()),
                    Lang::En => format!("wrote a new plan: {}", path.display()),
                }
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
