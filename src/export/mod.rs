//! The 面談シート (interview sheet) of a plan for one fiscal year, built once as plain
//! tables and rendered as HTML, Excel, CSV, Markdown or JSON. Pure: no files, no clock, no terminal.
//! The 自己申告 is left out unless asked for, and then marked 取扱注意; an anonymous sheet
//! leaves out the name and the free text written about the person.

mod csv;
mod html;
pub mod json;
mod markdown;
pub mod roster;
pub mod worksheet;
mod xlsx;

pub use self::csv::to_csv;
pub use self::html::to_html;
pub use self::markdown::to_markdown;
pub use self::xlsx::to_xlsx;

use serde::Serialize;

use crate::engine::Analysis;
use crate::i18n::Lang;
use crate::model::{FiscalYear, NoteAuthor, Plan, Profile, fiscal_year_label};

/// The file formats a sheet is written in, by the command line and the app alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Md,
    Csv,
    Xlsx,
    /// The sheet with the whole analysis and the interview record, for other tools.
    Json,
}

impl Format {
    pub const ALL: [Format; 5] = [Format::Html, Format::Xlsx, Format::Csv, Format::Md, Format::Json];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Format::Html => lang.pick("HTML（A4 で印刷）", "HTML (print on A4)"),
            Format::Md => lang.pick("Markdown（文書やメールに貼る）", "Markdown (paste into documents)"),
            Format::Csv => lang.pick("CSV（Excel 向け）", "CSV (for Excel)"),
            Format::Xlsx => lang.pick("Excel ブック", "Excel workbook"),
            Format::Json => lang.pick(
                "JSON（他のツール向け・分析と面談記録）",
                "JSON (for other tools: analysis and record)",
            ),
        }
    }

    /// The sheet of `plan` for `options` in this format.
    pub fn render(
        self,
        profile: &Profile,
        plan: &Plan,
        analysis: &Analysis,
        options: SheetOptions,
    ) -> Result<Vec<u8>, String> {
        let lang = options.lang;
        let sheet = sheet(profile, plan, analysis, options);
        match self {
            Format::Html => Ok(to_html(&sheet, lang).into_bytes()),
            Format::Md => Ok(to_markdown(&sheet).into_bytes()),
            Format::Csv => Ok(to_csv(&sheet)),
            Format::Xlsx => to_xlsx(&sheet, lang).map_err(|e| e.to_string()),
            Format::Json => Ok(json::to_json(profile, plan, analysis, &sheet, options).into_bytes()),
        }
    }
}

/// What goes into a sheet.
#[derive(Debug, Clone, Copy)]
pub struct SheetOptions {
    /// The fiscal year (年度) whose interviews and goals are shown.
    pub fy: FiscalYear,
    pub with_self_report: bool,
    pub anonymous: bool,
    pub lang: Lang,
}

/// One table of the sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub heading: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The sheet: a header of labelled values, then tables.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sheet {
    pub title: String,
    pub header: Vec<(String, String)>,
    pub tables: Vec<Table>,
    /// The 自己申告, only when asked for: confidential (取扱注意).
    pub self_report: Option<Table>,
    /// Legend lines for the marks the tables use.
    pub legend: Vec<String>,
    /// Signature and date boxes for the employee and the evaluator close the printed sheet
    /// (the interview sheet has them; a workshop's worksheet does not).
    #[serde(skip)]
    pub signatures: bool,
}

/// Builds the sheet of `plan` for `options.fy`.
pub fn sheet(profile: &Profile, plan: &Plan, analysis: &Analysis, options: SheetOptions) -> Sheet {
    let lang = options.lang;
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    let withheld = pick("（省略）", "(withheld)");
    let private = |text: &str| {
        if options.anonymous {
            withheld.clone()
        } else {
            text.to_string()
        }
    };
    let interviews: Vec<&crate::model::Interview> = plan.interviews.iter().filter(|i| i.fy == options.fy).collect();
    let last = interviews.last();
    let department = plan
        .assignments
        .iter()
        .find(|a| a.to.is_none())
        .map(|a| {
            profile
                .department(&a.department)
                .map_or(a.department.clone(), |d| d.name.clone())
        })
        .unwrap_or_default();
    let name = if options.anonymous {
        pick("（匿名）", "(anonymous)")
    } else {
        plan.name.clone().unwrap_or_default()
    };
    let header = vec![
        (pick("年度", "Fiscal year"), fiscal_year_label(options.fy, lang)),
        (pick("所属", "Department"), department),
        (pick("職級", "Grade"), crate::describe::current_grade(profile, plan)),
        (pick("氏名", "Name"), name),
        (
            pick("面談日", "Interview date"),
            last.map(|i| format!("{}（{}）", i.date, i.kind.label(lang)))
                .unwrap_or_default(),
        ),
        (
            pick("評価者", "Evaluator"),
            last.and_then(|i| i.evaluator.as_deref())
                .map(&private)
                .unwrap_or_default(),
        ),
        (
            pick("目標の職級", "Target grade"),
            crate::describe::grade_name(profile, &plan.target_grade).to_string(),
        ),
    ];

    // Competencies: the target grade's requirement and description, both views, the gap,
    // and what shows it (the evidence and the period's notes).
    let who = |n: &crate::model::Note| match n.author {
        NoteAuthor::Own => pick("本人", "self"),
        NoteAuthor::Supervisor => pick("上司", "supervisor"),
    };
    let in_year = |d: crate::model::Date| d.fiscal_year() == options.fy;
    let mut notes_by: std::collections::HashMap<&str, Vec<&crate::model::Note>> = std::collections::HashMap::new();
    let mut other_notes: Vec<&crate::model::Note> = Vec::new();
    for n in plan.notes.iter().filter(|n| in_year(n.date)) {
        match n.competency.as_deref() {
            Some(c) => notes_by.entry(c).or_default().push(n),
            None => other_notes.push(n),
        }
    }
    let number = |l: u8| crate::describe::level_number(profile, l, lang);
    let competencies = Table {
        heading: pick("能力", "Competencies"),
        columns: [
            ("能力", "Competency"),
            ("必要", "Required"),
            ("目標の職級の記述", "Target grade's description"),
            ("本人", "Self"),
            ("上司", "Supervisor"),
            ("差", "Gap"),
            ("根拠", "Evidence"),
        ]
        .iter()
        .map(|(ja, en)| pick(ja, en))
        .collect(),
        rows: analysis
            .target
            .gaps
            .iter()
            .map(|g| {
                let mut evidence: Vec<String> = plan
                    .evidence
                    .get(&g.competency)
                    .map(|e| private(e))
                    .into_iter()
                    .collect();
                evidence.extend(
                    notes_by
                        .remove(g.competency.as_str())
                        .unwrap_or_default()
                        .into_iter()
                        .map(|n| format!("{} {}: {}", n.date, who(n), private(&n.text))),
                );
                vec![
                    g.competency_name.clone(),
                    crate::describe::level_cell(
                        profile,
                        Some(g.required),
                        g.emphasis,
                        g.illustrative,
                        g.derived_from.is_some(),
                        lang,
                    ),
                    g.target_descriptor.clone().unwrap_or_default(),
                    g.current.map(number).unwrap_or_else(|| pick("未評価", "unrated")),
                    g.supervisor.map(number).unwrap_or_else(|| "—".to_string()),
                    g.gap.map_or_else(|| "?".to_string(), |n| n.to_string()),
                    evidence.join(" / "),
                ]
            })
            .collect(),
    };
    // Notes on no competency, or on one the target grade does not list: their own table,
    // so no note of the period is left off the sheet.
    other_notes.extend(notes_by.into_values().flatten());
    other_notes.sort_by_key(|n| n.date);
    let notes = Table {
        heading: pick("記録メモ（能力の表にないもの）", "Notes (not in the competency table)"),
        columns: [
            ("日付", "Date"),
            ("記入者", "Written by"),
            ("能力", "Competency"),
            ("内容", "Text"),
        ]
        .iter()
        .map(|(ja, en)| pick(ja, en))
        .collect(),
        rows: other_notes
            .iter()
            .map(|n| {
                vec![
                    n.date.to_string(),
                    who(n),
                    n.competency
                        .as_deref()
                        .map(|c| crate::describe::competency_name(profile, c).to_string())
                        .unwrap_or_default(),
                    private(&n.text),
                ]
            })
            .collect(),
    };
    let goals = Table {
        heading: pick("目標", "Goals"),
        columns: [
            ("目標", "Goal"),
            ("達成基準", "Measure"),
            ("期限", "Due"),
            ("難易度", "Difficulty"),
            ("ウェイト", "Weight"),
            ("状況", "Status"),
            ("達成状況", "Result"),
        ]
        .iter()
        .map(|(ja, en)| pick(ja, en))
        .collect(),
        rows: interviews
            .iter()
            .flat_map(|i| &i.goals)
            .map(|g| {
                vec![
                    g.title.clone(),
                    g.measure.clone().unwrap_or_default(),
                    g.due.map(|d| d.to_string()).unwrap_or_default(),
                    g.difficulty.clone().unwrap_or_default(),
                    g.weight.map(|w| format!("{w}%")).unwrap_or_default(),
                    goal_status(g.status, lang),
                    g.result.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    };
    let next_fy = options.fy + 1;
    let trainings = Table {
        heading: pick("研修計画", "Training plan"),
        columns: [
            ("年度", "Fiscal year"),
            ("研修", "Training"),
            ("対象の能力", "Addresses"),
        ]
        .iter()
        .map(|(ja, en)| pick(ja, en))
        .collect(),
        rows: analysis
            .trainings
            .iter()
            .filter(|s| s.fy <= next_fy)
            .map(|s| {
                vec![
                    fiscal_year_label(s.fy, lang),
                    s.name.clone(),
                    s.addresses
                        .iter()
                        .map(|c| crate::describe::competency_name(profile, c).to_string())
                        .collect::<Vec<_>>()
                        .join("・"),
                ]
            })
            .collect(),
    };
    let comments = Table {
        heading: pick("所見と合意", "Comments and agreement"),
        columns: vec![pick("面談", "Interview"), pick("項目", "Item"), pick("内容", "Text")],
        rows: interviews
            .iter()
            .flat_map(|i| {
                let at = format!("{} {}", i.date, i.kind.label(lang));
                let mut rows = Vec::new();
                if let Some(c) = &i.self_comment {
                    rows.push(vec![at.clone(), pick("本人の所見", "Self"), private(c)]);
                }
                if let Some(c) = &i.supervisor_comment {
                    rows.push(vec![at.clone(), pick("上司の所見・助言", "Supervisor"), private(c)]);
                }
                for step in &i.agreed_next_steps {
                    rows.push(vec![
                        at.clone(),
                        pick("合意した次のステップ", "Agreed next step"),
                        step.clone(),
                    ]);
                }
                for t in &i.agreed_trainings {
                    rows.push(vec![
                        at.clone(),
                        pick("合意した研修", "Agreed training"),
                        crate::describe::training_name(profile, t).to_string(),
                    ]);
                }
                rows
            })
            .collect(),
    };
    let self_report = (options.with_self_report && !plan.self_report.is_empty()).then(|| {
        let r = &plan.self_report;
        let mut rows = Vec::new();
        if let Some(w) = r.transfer_wish {
            rows.push(vec![pick("異動希望", "Transfer wish"), w.id().to_string()]);
        }
        if !r.choices.is_empty() {
            rows.push(vec![pick("希望先", "Choices"), r.choices.join("・")]);
        }
        for (label, value) in [
            (pick("理由", "Reasons"), &r.reasons),
            (pick("健康状態", "Health"), &r.health),
            (pick("家庭の事情など", "Circumstances"), &r.circumstances),
        ] {
            if let Some(v) = value {
                rows.push(vec![label, private(v)]);
            }
        }
        if !r.qualifications.is_empty() {
            rows.push(vec![pick("資格・免許", "Qualifications"), r.qualifications.join("・")]);
        }
        Table {
            heading: pick("自己申告（取扱注意）", "Self-report (confidential)"),
            columns: vec![pick("項目", "Item"), pick("内容", "Text")],
            rows,
        }
    });
    // The notes' table only when it has any (the others always, empty or not).
    let mut tables = vec![competencies, goals, trainings, comments];
    if !notes.rows.is_empty() {
        tables.push(notes);
    }
    Sheet {
        title: pick("面談シート", "Interview sheet"),
        header,
        tables,
        self_report,
        legend: crate::describe::scale_legend(profile, lang),
        signatures: true,
    }
}

fn goal_status(status: crate::model::GoalStatus, lang: Lang) -> String {
    use crate::model::GoalStatus;
    match status {
        GoalStatus::Planned => lang.pick("予定", "planned"),
        GoalStatus::InProgress => lang.pick("取組中", "in progress"),
        GoalStatus::Done => lang.pick("達成", "done"),
        GoalStatus::Dropped => lang.pick("取りやめ", "dropped"),
    }
    .to_string()
}
