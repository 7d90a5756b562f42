//! The roster report (`michi roster`) as tables, one per section, and rendered as CSV
//! (sections one after another, like the interview sheet's), an Excel workbook (one
//! worksheet per section) or one HTML file with SVG charts. Pure: no files, no clock.

mod html;
mod rotation;
mod succession_chart;
mod xlsx;

pub use html::to_html;
pub use xlsx::to_xlsx;

use crate::export::{Sheet, Table};
use crate::i18n::Lang;
use crate::store::roster::RosterRun;

/// One section of the report: a table, the worksheet it goes to, and from which column on
/// its cells are counts (written as numbers in the workbook).
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// A worksheet name: at most 31 characters, none of `[ ] : * ? / \`.
    pub sheet: String,
    pub table: Table,
    /// Columns from this one on hold counts (`table.columns.len()`: none).
    pub counts_from: usize,
}

/// The report as sections: summary, retirements, 役職定年 (counts, then the people),
/// turning 60, age pyramid, succession, training demand, and the rows not used; with
/// `--history`, the rotation section's after them ([`RosterTables::with_rotation`]).
pub struct RosterTables {
    pub title: String,
    pub sections: Vec<Section>,
}

impl RosterTables {
    pub fn new(run: &RosterRun, lang: Lang) -> RosterTables {
        let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
        let r = &run.report;
        let s = &r.summary;
        let mut sections = Vec::new();

        let mut summary = vec![
            vec![pick("プロファイル", "Profile"), s.profile.clone()],
            vec![pick("基準日", "As of"), s.as_of.to_string()],
            vec![pick("読んだ行", "Rows read"), s.read.to_string()],
            vec![pick("使った行", "Rows used"), s.used.to_string()],
            vec![pick("使えなかった行", "Rows not used"), s.skipped.to_string()],
            vec![
                pick("定年を過ぎた在職者", "On the roster past retirement age"),
                s.past_retirement.to_string(),
            ],
        ];
        if let Some(encoding) = run.encoding {
            summary.push(vec![pick("文字コード", "Encoding"), encoding.name().to_string()]);
        }
        for (kind, n) in &run.problem_counts {
            let label = crate::store::roster::RowReason::kind_label(kind, lang);
            summary.push(vec![
                format!("{}: {label} ({kind})", pick("使えなかった行", "Rows not used")),
                n.to_string(),
            ]);
        }
        for special in &r.retirements.special_ages {
            summary.push(vec![
                pick(
                    "特例定年（定年退職の数はこれによる）",
                    "特例定年 (the retirements follow it)",
                ),
                special.text(lang),
            ]);
        }
        let unlisted = r.management_limits.unlisted + r.turning_60.unlisted;
        if unlisted > 0 {
            summary.push(vec![
                pick("一覧に載せきれなかった人数", "People counted but not listed"),
                unlisted.to_string(),
            ]);
        }
        sections.push(Section {
            sheet: pick("概要", "Summary"),
            table: Table {
                heading: pick("概要", "Summary"),
                columns: vec![pick("項目", "Item"), pick("値", "Value")],
                rows: summary,
            },
            counts_from: 2,
        });

        let ret = &r.retirements;
        let mut columns = vec![pick("年度", "FY"), pick("定年", "Retirement age")];
        columns.extend(ret.series.iter().cloned());
        columns.push(pick("計", "Total"));
        let rows = ret
            .fiscal_years
            .iter()
            .zip(&ret.counts)
            .zip(&ret.age_in_force)
            .map(|((fy, counts), age)| {
                let mut row = vec![fy.to_string(), age.to_string()];
                row.extend(counts.iter().map(u64::to_string));
                row.push(counts.iter().sum::<u64>().to_string());
                row
            })
            .collect();
        sections.push(Section {
            sheet: pick("定年退職", "Retirements"),
            table: Table {
                heading: pick("定年退職（年度 × 職種）", "Retirements (fiscal year × series)"),
                columns,
                rows,
            },
            counts_from: 2,
        });

        let ml = &r.management_limits;
        let mut columns = vec![pick("年度", "FY")];
        columns.extend(ml.grades.iter().map(|[series, grade]| format!("{series} {grade}")));
        let rows = ml
            .fiscal_years
            .iter()
            .zip(&ml.table)
            .map(|(fy, counts)| {
                let mut row = vec![fy.to_string()];
                row.extend(counts.iter().map(u64::to_string));
                row
            })
            .collect();
        sections.push(Section {
            sheet: pick("役職定年", "Post limit"),
            table: Table {
                heading: pick("役職定年（年度 × 職級）", "Management post limit (fiscal year × grade)"),
                columns,
                rows,
            },
            counts_from: 1,
        });
        let person_columns = |date: &str| {
            vec![
                date.to_string(),
                pick("職員番号", "Staff no."),
                pick("氏名", "Name"),
                pick("職種", "Series"),
                pick("職級", "Grade"),
            ]
        };
        let person_row = |p: &crate::engine::roster::ListedPerson| {
            vec![
                p.date.to_string(),
                p.id.clone(),
                p.name.clone(),
                p.series.clone(),
                p.grade.clone(),
            ]
        };
        let columns = person_columns(lang.pick("役職定年の日", "Post limit date"));
        sections.push(Section {
            sheet: pick("役職定年の対象者", "Post limit people"),
            counts_from: columns.len(),
            table: Table {
                heading: pick("役職定年の対象者", "Who reaches the management post limit"),
                rows: ml.listed.iter().map(person_row).collect(),
                columns,
            },
        });

        let t = &r.turning_60;
        let mut columns = vec![pick("意思確認の年度", "Ask in")];
        columns.extend(person_columns(lang.pick("60歳の日", "Turns 60 on")));
        let rows = [
            (pick("今年度", "This FY"), &t.this_year),
            (pick("来年度", "Next FY"), &t.next_year),
        ]
        .into_iter()
        .flat_map(|(when, list)| {
            list.iter().map(move |p| {
                let mut row = vec![when.clone()];
                row.extend(person_row(p));
                row
            })
        })
        .collect();
        sections.push(Section {
            sheet: pick("60歳前の意思確認", "Turning 60"),
            counts_from: columns.len(),
            table: Table {
                heading: pick(
                    "60歳前年度の情報提供・意思確認",
                    "Information and intention before turning 60",
                ),
                rows,
                columns,
            },
        });

        let py = &r.age_pyramid;
        let mut columns = vec![pick("職種", "Series"), pick("職級", "Grade")];
        columns.extend(py.bands.iter().cloned());
        columns.push(pick("計", "Total"));
        let rows = py
            .rows
            .iter()
            .map(|c| {
                let mut row = vec![c.series.clone(), c.grade.clone()];
                row.extend(c.counts.iter().map(u64::to_string));
                row.push(c.total.to_string());
                row
            })
            .collect();
        sections.push(Section {
            sheet: pick("年齢構成", "Age pyramid"),
            table: Table {
                heading: pick("年齢構成（職種・職級 × 年齢）", "Age pyramid (series and grade × age)"),
                columns,
                rows,
            },
            counts_from: 2,
        });

        // 後継者: one row per management post and fiscal year.
        let columns = vec![
            pick("職種", "Series"),
            pick("職級", "Grade"),
            pick("年度", "FY"),
            pick("空席", "Vacant"),
            pick("有資格", "Eligible"),
            pick("発令日なし", "No grade date"),
            pick("年数不明", "Years unstated"),
            pick("下の職級の人数", "In the grade below"),
        ];
        let rows = r
            .succession
            .posts
            .iter()
            .flat_map(|post| {
                post.years.iter().map(move |y| {
                    vec![
                        post.series.clone(),
                        post.grade.clone(),
                        y.fy.to_string(),
                        y.vacancies.to_string(),
                        y.eligible.to_string(),
                        y.unknown_no_grade_since.to_string(),
                        y.unknown_no_min_years.to_string(),
                        y.below.to_string(),
                    ]
                })
            })
            .collect();
        sections.push(Section {
            sheet: pick("後継者", "Succession"),
            table: Table {
                heading: pick(
                    "後継者（役職定年・定年による空席と、昇任モデルの最低在級年数を満たす下の職級の人数。昇任は見込まない: Michi の仮定）",
                    "Succession (posts left by 役職定年 or retirement against the grade below meeting the model's minimum years; no promotion projected: Michi's assumption)",
                ),
                columns,
                rows,
            },
            counts_from: 3,
        });

        // 研修の対象者: one row per training, one count per fiscal year.
        let td = &r.training_demand;
        let mut columns = vec![pick("研修", "Training"), pick("対象の職級", "Target grades")];
        columns.extend(td.fiscal_years.iter().map(|fy| fy.to_string()));
        columns.push(pick("新任（今年度）", "New this FY"));
        columns.push(pick("発令日なし", "No grade date"));
        let rows = td
            .trainings
            .iter()
            .map(|t| {
                let audience = match t.audience {
                    "all_grades" => pick("全職員", "all staff"),
                    "unstated" => pick("定めなし（数えない）", "not stated (not counted)"),
                    _ => t.grades.join("・") + if t.grades_illustrative { " *" } else { "" },
                };
                let mut row = vec![t.name.clone(), audience];
                if t.audience != "unstated" {
                    row.extend(t.staff.iter().map(u64::to_string));
                    row.resize(2 + td.fiscal_years.len(), String::new());
                    row.push(t.entered_this_year.to_string());
                    row.push(t.no_grade_since.to_string());
                }
                // A training with no stated target has no counts: its cells stay empty.
                row.resize(4 + td.fiscal_years.len(), String::new());
                row
            })
            .collect();
        sections.push(Section {
            sheet: pick("研修の対象者", "Training demand"),
            table: Table {
                heading: pick(
                    "研修の対象者（年度ごとに対象の職級にいる人数。昇任は見込まない: Michi の仮定。* は Michi の読み）",
                    "Training demand (staff in the target grades each fiscal year; no promotion projected: Michi's assumption; * Michi's reading)",
                ),
                columns,
                rows,
            },
            counts_from: 2,
        });
        if td.plans.is_some() {
            sections.push(plan_demand(td, lang));
        }

        let columns = vec![
            pick("行", "Row"),
            pick("列", "Column"),
            pick("種類", "Kind"),
            pick("理由", "Reason"),
        ];
        let rows = run
            .problems
            .iter()
            .map(|p| {
                vec![
                    p.row.to_string(),
                    p.column.clone().unwrap_or_default(),
                    format!(
                        "{} ({})",
                        crate::store::roster::RowReason::kind_label(p.reason.kind(), lang),
                        p.reason.kind()
                    ),
                    p.reason.text(lang),
                ]
            })
            .collect();
        sections.push(Section {
            sheet: pick("使えなかった行", "Rows not used"),
            counts_from: columns.len(),
            table: Table {
                heading: pick("使えなかった行", "Rows not used"),
                columns,
                rows,
            },
        });

        RosterTables {
            title: match lang {
                Lang::Ja => format!("職員名簿レポート（{}・基準日 {}）", s.profile, s.as_of),
                Lang::En => format!("Roster report ({}, as of {})", s.profile, s.as_of),
            },
            sections,
        }
    }

    /// The sections as one CSV (UTF-8 with a BOM, CRLF, formulas neutralised): the title,
    /// then each section's heading row, its columns and rows, and a blank row.
    pub fn to_csv(&self) -> Vec<u8> {
        crate::export::to_csv(&Sheet {
            title: self.title.clone(),
            header: Vec::new(),
            tables: self.sections.iter().map(|s| s.table.clone()).collect(),
            self_report: None,
            legend: Vec::new(),
            signatures: false,
        })
    }
}

/// With `--plans`: per training, the plans that plan it and those Michi's training plan
/// suggests it to, by fiscal year (trainings no plan names are left out).
fn plan_demand(td: &crate::engine::roster::TrainingDemand, lang: Lang) -> Section {
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    let mut columns = vec![pick("研修", "Training"), pick("数えたもの", "Counted")];
    columns.extend(td.fiscal_years.iter().map(|fy| fy.to_string()));
    let mut rows = Vec::new();
    for t in &td.trainings {
        let (Some(planned), Some(suggested)) = (&t.planned, &t.suggested) else {
            continue;
        };
        if planned.iter().chain(suggested).all(|n| *n == 0) {
            continue;
        }
        for (what, counts) in [
            (pick("本人の計画", "Planned by the employee"), planned),
            (pick("Michi の提案", "Suggested by Michi"), suggested),
        ] {
            let mut row = vec![t.name.clone(), what];
            row.extend(counts.iter().map(u64::to_string));
            rows.push(row);
        }
    }
    let heading = match (&td.plans, lang) {
        (Some(p), Lang::Ja) => format!(
            "計画ファイルの研修（{} 件を使用・他のプロファイル {}・読めない {}）",
            p.used,
            p.other_profile,
            p.unread.len()
        ),
        (Some(p), Lang::En) => format!(
            "Trainings in the plan files ({} used, {} of another profile, {} unread)",
            p.used,
            p.other_profile,
            p.unread.len()
        ),
        (None, _) => String::new(),
    };
    Section {
        sheet: pick("計画と提案", "Planned and suggested"),
        table: Table { heading, columns, rows },
        counts_from: 2,
    }
}

#[cfg(test)]
mod tests;
