//! `michi profile list | check | export`.

use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::ProfileCommand;
use crate::i18n::Lang;
use crate::model::{
    CompetencyGroup, Course, DeliveryMethod, Document, Evaluation, Grade, Ideal, LeaveRule, ManagementLimit, Measure,
    PostClass, Profile, PromotionAssumption, PromotionStep, ResolvedRequirement, Rotation, Rung, Scale,
    SelfReportSystem, SharedGrades, Training,
};
use crate::store::profile_check::{Checked, check_profile_file};
use crate::store::profiles::user_profile_dir;
use crate::store::{BUNDLED, Catalog, Origin};
use crate::text::{escape_controls, pad_right, width};

pub fn run(cmd: ProfileCommand, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    match cmd {
        ProfileCommand::List { json } => list(lang, json, out),
        ProfileCommand::Check { files } => check(&files, lang, out),
        ProfileCommand::Export { id, json } => export(&id, json, lang, out),
        ProfileCommand::Migrate { file, in_place } => migrate(&file, in_place, lang, out),
        ProfileCommand::New {
            name,
            id,
            output,
            force,
        } => new_profile(&name, id.as_deref(), output.as_deref(), force, lang, out),
    }
}

/// `michi profile new`: the starter profile on standard output, or in a new file.
fn new_profile(
    name: &str,
    id: Option<&str>,
    output: Option<&std::path::Path>,
    force: bool,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let refuse = |message: String, hint: &str| {
        crate::cli::to_stderr(
            &crate::store::Diagnostic::file_level("michi profile new", message, hint.to_string()).render(lang),
        );
        Ok(ExitCode::FAILURE)
    };
    if name.trim().is_empty() || name.chars().any(char::is_control) {
        return refuse(
            lang.pick(
                "--name が空か、改行などを含んでいます",
                "--name is empty or holds a line break",
            )
            .to_string(),
            lang.pick(
                "市の名前を一行で書いてください（例: --name 見本市）",
                "give the name on one line, e.g. --name 見本市",
            ),
        );
    }
    if let Some(id) = id.filter(|id| !crate::model::validate::is_valid_id(id)) {
        return refuse(
            match lang {
                Lang::Ja => format!("ID `{}` は使えない形式です", escape_controls(id)),
                Lang::En => format!("`{}` is not a valid id", escape_controls(id)),
            },
            lang.pick(
                "英小文字で始め、英小文字・数字・_・- だけを使ってください（例: --id mihon）",
                "start with a lower-case letter and use only a-z, 0-9, _ and - (e.g. --id mihon)",
            ),
        );
    }
    let year = crate::clock::today_in_japan().year();
    let text = crate::store::profile_template::starter_profile(name, id, year, lang);
    let Some(path) = output else {
        out.write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    let keep = crate::store::fsio::Keep::Mode(0o644);
    if let Err(code) = crate::cli::output::write_new_file(path, &text, force, keep, lang) {
        return Ok(code);
    }
    let shown = escape_controls(&path.display().to_string());
    writeln!(
        out,
        "{}",
        match lang {
            Lang::Ja => format!(
                "プロファイルを作成しました: {shown}（文書から書き写したら michi profile check {shown} で確かめてください）"
            ),
            Lang::En => format!(
                "wrote a starter profile: {shown} (fill it in from the document, then run michi profile check {shown})"
            ),
        }
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `michi profile migrate`: the format 2 text on standard output (or in place, the old
/// file kept as a backup), and what changed in meaning on standard error.
fn migrate(path: &std::path::Path, in_place: bool, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    let name = escape_controls(&path.display().to_string());
    let bytes = match crate::store::source::read_limited(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            crate::cli::to_stderr(
                &crate::store::Diagnostic::file_level(&name, e.message(lang), e.hint(lang)).render(lang),
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let migrated = match crate::store::migrate::migrate_profile(&name, &bytes, lang) {
        Ok(m) => m,
        Err(problems) => {
            crate::cli::plan::print_problems(path, &problems, lang);
            return Ok(ExitCode::FAILURE);
        }
    };
    for change in &migrated.changes {
        eprintln!("{}: {change}", lang.pick("変更", "change"));
    }
    if !in_place {
        out.write_all(migrated.text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut backup = path.as_os_str().to_owned();
    backup.push(".format1.bak");
    let backup = std::path::PathBuf::from(backup);
    let written = std::fs::metadata(path).and_then(|metadata| {
        crate::store::fsio::write_atomic(&backup, &bytes, &crate::store::fsio::Keep::From(metadata.clone()))?;
        crate::store::fsio::write_atomic(
            path,
            migrated.text.as_bytes(),
            &crate::store::fsio::Keep::From(metadata),
        )
    });
    match written {
        Ok(()) => {
            writeln!(
                out,
                "{}",
                match lang {
                    Lang::Ja => format!(
                        "{name} を形式 2 に書き換えました（元のファイル: {}）",
                        escape_controls(&backup.display().to_string())
                    ),
                    Lang::En => format!(
                        "rewrote {name} as format 2 (the old file: {})",
                        escape_controls(&backup.display().to_string())
                    ),
                }
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!(
                "{}",
                match lang {
                    Lang::Ja => format!("エラー: {name} を書けませんでした: {e}"),
                    Lang::En => format!("error: could not write {name}: {e}"),
                }
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

fn load_catalog(lang: Lang) -> Catalog {
    Catalog::load(user_profile_dir().as_deref(), lang)
}

/// Warnings about user profiles set aside and bundled ones replaced, on standard error.
fn report_catalog_warnings(catalog: &Catalog, lang: Lang) {
    for notice in catalog.notices(lang) {
        eprintln!("{}: {notice}", lang.pick("お知らせ", "notice"));
    }
    for failed in &catalog.failed {
        let path = escape_controls(&failed.path.display().to_string());
        eprintln!(
            "{}",
            match lang {
                Lang::Ja => format!("警告: プロファイル {path} に問題があるため読み込みませんでした"),
                Lang::En => format!("warning: skipped the profile {path}: it has problems"),
            }
        );
        crate::cli::to_stderr(&failed.diagnostics.render(lang));
    }
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    name: &'a str,
    name_romaji: &'a str,
    /// `null` when the document bears no date.
    document_date: Option<&'a str>,
    origin: &'static str,
    path: Option<String>,
}

fn list(lang: Lang, json: bool, out: &mut impl Write) -> io::Result<ExitCode> {
    let catalog = load_catalog(lang);
    report_catalog_warnings(&catalog, lang);
    let rows: Vec<ListRow<'_>> = catalog
        .entries
        .iter()
        .map(|e| ListRow {
            id: &e.profile.id,
            name: &e.profile.name,
            name_romaji: &e.profile.name_romaji,
            document_date: e.profile.document.date.as_deref(),
            origin: match e.origin {
                Origin::Bundled => "bundled",
                Origin::User(_) => "user",
            },
            path: match &e.origin {
                Origin::User(p) => Some(p.display().to_string()),
                Origin::Bundled => None,
            },
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let header = [
        lang.pick("ID", "ID"),
        lang.pick("自治体", "Municipality"),
        lang.pick("文書の日付", "Document date"),
        lang.pick("由来", "Source"),
    ];
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|r| {
            let origin = match &r.path {
                None => lang.pick("同梱", "bundled").to_string(),
                Some(p) => format!("{} ({})", lang.pick("ユーザー", "user"), escape_controls(p)),
            };
            [
                r.id.to_string(),
                format!("{} {}", r.name, r.name_romaji),
                r.document_date.map_or_else(
                    || lang.pick("文書の日付の記載なし", "no date in the document").to_string(),
                    str::to_string,
                ),
                origin,
            ]
        })
        .collect();
    write_table(out, &header, &cells)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes rows as columns aligned by display width (full-width text counts double).
pub(crate) fn write_table<const N: usize>(
    out: &mut impl Write,
    header: &[&str; N],
    rows: &[[String; N]],
) -> io::Result<()> {
    let mut widths = header.map(width);
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: Vec<&str>| {
        let last = cells.len().saturating_sub(1);
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == last {
                    c.to_string()
                } else {
                    pad_right(c, widths[i])
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    for row in rows {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

/// `michi profile check`: ok and a summary per good file on standard output, then its
/// warnings (what will make it analyse badly) on standard error; the problems of a bad
/// file on standard error. Warnings do not fail the check.
fn check(files: &[std::path::PathBuf], lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    let mut failed = 0usize;
    for path in files {
        match check_profile_file(path, lang) {
            Ok(Checked { profile, warnings }) => {
                let shown = escape_controls(&path.display().to_string());
                writeln!(out, "ok: {shown} — {}", summary(&profile, lang))?;
                out.flush()?;
                if let Some(notice) =
                    crate::store::profiles::format1_notice(&profile, &path.display().to_string(), lang)
                {
                    eprintln!("{}: {notice}", lang.pick("お知らせ", "notice"));
                }
                if !warnings.is_empty() {
                    crate::cli::to_stderr(&warnings.render(lang));
                    let n = warnings.total();
                    crate::cli::to_stderr(&match lang {
                        Lang::Ja => format!("{shown}: 警告が {n} 件あります（チェックは通っています）\n"),
                        Lang::En if n == 1 => format!("{shown}: 1 warning (the check passed)\n"),
                        Lang::En => format!("{shown}: {n} warnings (the check passed)\n"),
                    });
                }
            }
            Err(problems) => {
                failed += 1;
                crate::cli::plan::print_problems(path, &problems, lang);
            }
        }
    }
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// One line saying what a profile holds.
fn summary(p: &Profile, lang: Lang) -> String {
    let grades = p.grades().count();
    let written = p.requirements.len();
    let rules = p.rotation.as_ref().map_or(0, |r| r.rules.len());
    match lang {
        Lang::Ja => format!(
            "{} ({}): 職系 {}, 職級 {grades}, 能力 {}, 要件 {written}, 昇任ステップ {}, 研修 {}, ローテーション規則 {rules}",
            p.name,
            p.id,
            p.job_series.len(),
            p.competencies.len(),
            p.promotion.len(),
            p.trainings.len()
        ),
        Lang::En => format!(
            "{} ({}): {} series, {grades} grades, {} competencies, {written} requirements, {} promotion steps, {} trainings, {rules} rotation rules",
            p.name_romaji,
            p.id,
            p.job_series.len(),
            p.competencies.len(),
            p.promotion.len(),
            p.trainings.len()
        ),
    }
}

fn export(id: &str, json: bool, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    let catalog = load_catalog(lang);
    report_catalog_warnings(&catalog, lang);
    let Some(entry) = crate::cli::find_profile(&catalog, id, lang) else {
        return Ok(ExitCode::FAILURE);
    };
    let id = entry.profile.id.as_str();
    if json {
        write_export_json(&entry.profile, out)?;
        return Ok(ExitCode::SUCCESS);
    }
    match &entry.origin {
        Origin::Bundled => {
            let file = format!("{id}.toml");
            let text = BUNDLED.iter().find(|(name, _)| *name == file).map(|(_, t)| *t);
            match text {
                Some(text) => out.write_all(text.as_bytes())?,
                // A bundled profile whose file name differs from its id: serialize instead.
                None => out.write_all(
                    toml::to_string_pretty(&entry.profile)
                        .map_err(io::Error::other)?
                        .as_bytes(),
                )?,
            }
        }
        Origin::User(path) => out.write_all(&std::fs::read(path)?)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes what `michi profile export --json` prints: the resolved profile as JSON, then a
/// newline.
pub fn write_export_json(profile: &Profile, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &ProfileExport::new(profile)).map_err(io::Error::from)?;
    writeln!(out)
}

/// The resolved profile as the `--json` contract describes it: every grade ×
/// competency requirement filled in, series named on requirements and promotion steps.
#[derive(Serialize)]
pub(crate) struct ProfileExport<'p> {
    schema_version: u32,
    id: &'p str,
    name: &'p str,
    name_romaji: &'p str,
    prefecture: Option<&'p str>,
    document: &'p Document,
    /// `null` when the profile writes no scale (its document has no ability table).
    scale: Option<&'p Scale>,
    /// Where the numbers come from: `descriptors` (rungs of the document's descriptions),
    /// `proficiency` or `levels` (numbers that are the profile's, `scale_assumed` when
    /// they are Michi's assumption rather than the document's); `null` with no ability table.
    scale_kind: Option<&'static str>,
    /// The document has an ability table (competencies); without one there are no gaps.
    ability_table: bool,
    scale_assumed: bool,
    /// The legend every screen shows, in Japanese.
    scale_legend: Vec<String>,
    /// Descriptor scales: each ability's ladder on each series.
    ladders: Vec<LadderExport<'p>>,
    competency_groups: &'p [CompetencyGroup],
    job_series: Vec<SeriesExport<'p>>,
    post_classes: &'p [PostClass],
    competencies: Vec<CompetencyExport<'p>>,
    requirements: Vec<ResolvedRequirement<'p>>,
    promotion: Vec<StepExport<'p>>,
    promotion_assumption: Option<&'p PromotionAssumption>,
    rotation: Option<&'p Rotation>,
    trainings: Vec<TrainingExport<'p>>,
    delivery_methods: &'p [DeliveryMethod],
    ideals: &'p [Ideal],
    measures: &'p [Measure],
    evaluation: Option<&'p Evaluation>,
    self_report: Option<&'p SelfReportSystem>,
    /// Courses staff may choose (複線型人事) and how leave counts, as written.
    courses: &'p [Course],
    leave_rules: &'p [LeaveRule],
}

#[derive(Serialize)]
struct LadderExport<'p> {
    series: &'p str,
    competency: &'p str,
    rungs: Vec<Rung<'p>>,
}

#[derive(Serialize)]
struct SeriesExport<'p> {
    id: &'p str,
    name: &'p str,
    aliases: &'p [String],
    description: Option<&'p str>,
    source: &'p str,
    illustrative: bool,
    /// The whole ladder, lowest first: the series' own grades, then the shared ones.
    grades: Vec<GradeExport<'p>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    shares_from: Option<&'p SharedGrades>,
}

#[derive(Serialize)]
struct GradeExport<'p> {
    #[serde(flatten)]
    grade: &'p Grade,
    /// The series that defines the grade, where it is shared from another series.
    #[serde(skip_serializing_if = "Option::is_none")]
    defined_by: Option<&'p str>,
    /// The name of the grade's post class.
    post_class_name: Option<&'p str>,
    /// Whether 役職定年 applies, and what says so (`grade`, `post_class`, `management`,
    /// `not_stated`).
    management_limit_resolved: ManagementLimit,
}

#[derive(Serialize)]
struct CompetencyExport<'p> {
    id: &'p str,
    name: &'p str,
    definition: &'p str,
    /// The group's name, as a reader expects to see it.
    group: Option<&'p str>,
    group_id: Option<&'p str>,
    aliases: &'p [String],
    source: &'p str,
}

#[derive(Serialize)]
struct StepExport<'p> {
    series: Option<&'p str>,
    #[serde(flatten)]
    step: &'p PromotionStep,
}

#[derive(Serialize)]
struct TrainingExport<'p> {
    #[serde(flatten)]
    training: &'p Training,
    kind_label: &'p str,
}

impl<'p> ProfileExport<'p> {
    pub(crate) fn new(p: &'p Profile) -> Self {
        let ladders = p
            .job_series
            .iter()
            .flat_map(|s| p.competencies.iter().map(move |c| (s, c)))
            .filter_map(|(s, c)| {
                let rungs = p.rungs(&s.id, &c.id);
                (!rungs.is_empty()).then_some(LadderExport {
                    series: &s.id,
                    competency: &c.id,
                    rungs,
                })
            })
            .collect();
        let ability_table = !p.competencies.is_empty();
        ProfileExport {
            schema_version: p.schema_version,
            scale_kind: (ability_table || !p.scale.is_unwritten()).then(|| p.scale.kind().as_str()),
            ability_table,
            scale_assumed: p.scale.kind() != crate::model::ScaleKind::Descriptors && p.scale.illustrative,
            scale_legend: crate::describe::scale_legend(p, Lang::Ja),
            ladders,
            delivery_methods: &p.delivery_methods,
            ideals: &p.ideals,
            measures: &p.measures,
            id: &p.id,
            name: &p.name,
            name_romaji: &p.name_romaji,
            prefecture: p.prefecture.as_deref(),
            document: &p.document,
            scale: (ability_table || !p.scale.is_unwritten()).then_some(&p.scale),
            competency_groups: &p.competency_groups,
            post_classes: &p.post_classes,
            job_series: p
                .job_series
                .iter()
                .map(|s| SeriesExport {
                    id: &s.id,
                    name: &s.name,
                    aliases: &s.aliases,
                    description: s.description.as_deref(),
                    source: &s.source,
                    illustrative: s.illustrative,
                    grades: p
                        .ladder(s)
                        .iter()
                        .map(|grade| GradeExport {
                            grade,
                            defined_by: p
                                .grade(&grade.id)
                                .map(|(defined_by, _)| defined_by.id.as_str())
                                .filter(|&d| d != s.id),
                            post_class_name: p.grade_post_class(grade).map(|c| c.name.as_str()),
                            management_limit_resolved: p.management_limit(grade),
                        })
                        .collect(),
                    shares_from: s.shares_from.as_ref(),
                })
                .collect(),
            competencies: p
                .competencies
                .iter()
                .map(|c| CompetencyExport {
                    id: &c.id,
                    name: &c.name,
                    definition: &c.definition,
                    group: c
                        .group
                        .as_deref()
                        .and_then(|g| p.competency_group(g))
                        .map(|g| g.name.as_str()),
                    group_id: c.group.as_deref(),
                    aliases: &c.aliases,
                    source: &c.source,
                })
                .collect(),
            requirements: p.resolved_requirements(),
            promotion: p
                .promotion
                .iter()
                .map(|step| StepExport {
                    series: p.step_series(step).map(|s| s.id.as_str()),
                    step,
                })
                .collect(),
            promotion_assumption: p.promotion_assumption.as_ref(),
            evaluation: p.evaluation.as_ref(),
            self_report: p.self_report.as_ref(),
            courses: &p.courses,
            leave_rules: &p.leave_rules,
            rotation: p.rotation.as_ref(),
            trainings: p
                .trainings
                .iter()
                .map(|training| TrainingExport {
                    training,
                    kind_label: training.category_label(true),
                })
                .collect(),
        }
    }
}
