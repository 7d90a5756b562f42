//! The rotation section (`--history`) as tables, with the wording of the text output
//! (`cli::roster::rotation`): the history read, its rows not used, each rule's standing and
//! the people missing it, and the staff past the typical tenure.

use super::{RosterTables, Section};
use crate::export::Table;
use crate::i18n::Lang;
use crate::store::roster::history::{RotationPerson, RotationSection};

impl RosterTables {
    /// The tables with the rotation section's appended (the lists as bounded as the
    /// section's own: at most `MAX_ROTATION_LISTED` people per list and
    /// `MAX_HISTORY_PROBLEMS` history rows).
    pub fn with_rotation(mut self, section: &RotationSection, lang: Lang) -> RosterTables {
        self.sections.extend(sections(section, lang));
        self
    }
}

fn sections(section: &RotationSection, lang: Lang) -> Vec<Section> {
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    let h = &section.history;
    let mut summary = vec![
        vec![pick("履歴の行", "History rows"), h.read.to_string()],
        vec![pick("使った行", "Used"), h.used.to_string()],
        vec![pick("使えなかった行", "Not used"), h.skipped.to_string()],
        vec![
            pick("上限を超えた職員の行", "Beyond the staff limit"),
            h.over_limit.to_string(),
        ],
        vec![
            pick("履歴のない職員", "Staff without history"),
            section.without_history.to_string(),
        ],
    ];
    summary.push(match section.past_tenure {
        None => vec![
            pick("在任年数", "Tenure"),
            pick(
                "プロファイルに標準の在任年数がないため確かめていません",
                "the profile gives no typical tenure, so it is not checked",
            ),
        ],
        Some(n) => vec![tenure_heading(section, lang), n.to_string()],
    });
    if section.unlisted > 0 {
        summary.push(vec![
            pick("一覧に載せきれなかった人数", "People counted but not listed"),
            section.unlisted.to_string(),
        ]);
    }

    let rules = section
        .rules
        .iter()
        .map(|rule| {
            vec![
                rule.rule.clone(),
                crate::describe::roster::rule_window(rule.from_year, rule.window_years, lang),
                rule.text.clone(),
                rule.in_window.to_string(),
                rule.missing.to_string(),
            ]
        })
        .collect();

    // The rules' lists name no department today: their column is left out while it is empty.
    let rule_departments = section
        .rules
        .iter()
        .flat_map(|r| &r.listed)
        .any(|p| p.department.is_some());
    let person = |rule: Option<&str>, p: &RotationPerson, department: bool| {
        let mut row: Vec<String> = rule.map(str::to_string).into_iter().collect();
        row.extend([p.id.clone(), p.name.clone()]);
        if department {
            row.push(p.department.clone().unwrap_or_default());
        }
        row.extend([p.have.to_string(), p.need.to_string()]);
        row
    };
    let people = section
        .rules
        .iter()
        .flat_map(|rule| {
            rule.listed
                .iter()
                .map(|p| person(Some(&rule.rule), p, rule_departments))
        })
        .collect();
    let tenure_rows = section
        .past_tenure_listed
        .iter()
        .map(|p| person(None, p, true))
        .collect();
    let problems = h
        .problems
        .iter()
        .map(|p| {
            vec![
                p.row.to_string(),
                p.column.clone(),
                format!(
                    "{} ({})",
                    crate::describe::roster::history_problem_kind(p.kind, lang),
                    p.kind
                ),
                p.value.clone(),
            ]
        })
        .collect();

    let staff = || {
        vec![
            pick("職員番号", "Staff no."),
            pick("氏名", "Name"),
            pick("所属", "Department"),
        ]
    };
    let mut rule_columns = vec![pick("規則", "Rule")];
    rule_columns.extend(staff().into_iter().take(if rule_departments { 3 } else { 2 }));
    rule_columns.extend([pick("経験した数", "Have"), pick("求める数", "Need")]);
    let mut tenure_columns = staff();
    tenure_columns.extend([
        pick("在任年数", "Years in post"),
        pick("在任年数の上限", "Tenure limit"),
    ]);
    let table = |heading: String, columns: Vec<String>, rows: Vec<Vec<String>>| Table { heading, columns, rows };
    vec![
        Section {
            sheet: pick("ローテーション", "Rotation"),
            table: table(
                pick("ローテーション（配属履歴から）", "Rotation (from the posting history)"),
                vec![pick("項目", "Item"), pick("値", "Value")],
                summary,
            ),
            counts_from: 1,
        },
        Section {
            sheet: pick("ローテーションの規則", "Rotation rules"),
            table: table(
                pick(
                    "ローテーションの規則（期間内の人数と、まだ満たしていない人数）",
                    "Rotation rules (staff inside the window, and those not yet meeting the rule)",
                ),
                vec![
                    pick("規則", "Rule"),
                    pick("期間", "Window"),
                    pick("文書の記述", "In the document's words"),
                    pick("期間内", "Inside the window"),
                    pick("まだ満たしていない", "Not yet meeting it"),
                ],
                rules,
            ),
            counts_from: 3,
        },
        Section {
            sheet: pick("規則をまだ満たしていない職員", "Rotation rule people"),
            counts_from: rule_columns.len() - 2,
            table: table(
                pick(
                    "ローテーションの規則をまだ満たしていない職員",
                    "Staff not yet meeting a rotation rule",
                ),
                rule_columns,
                people,
            ),
        },
        Section {
            sheet: pick("在任年数を超えた職員", "Past tenure"),
            counts_from: 3,
            table: table(
                match section.past_tenure {
                    None => match lang {
                        Lang::Ja => "在任年数: プロファイルに標準の在任年数がないため確かめていません".to_string(),
                        Lang::En => "Tenure: the profile gives no typical tenure, so it is not checked".to_string(),
                    },
                    Some(_) => tenure_heading(section, lang),
                },
                tenure_columns,
                tenure_rows,
            ),
        },
        Section {
            sheet: pick("配属履歴の使えなかった行", "History rows not used"),
            table: table(
                pick("配属履歴の使えなかった行", "History rows not used"),
                vec![
                    pick("行", "Row"),
                    pick("列", "Column"),
                    pick("種類", "Kind"),
                    pick("値", "Value"),
                ],
                problems,
            ),
            counts_from: 4,
        },
    ]
}

/// "Staff past the tenure in their current posting", marked when the years are an example.
fn tenure_heading(section: &RotationSection, lang: Lang) -> String {
    let example = if section.tenure_illustrative {
        lang.pick("（年数は例示）", " (illustrative years)")
    } else {
        ""
    };
    format!(
        "{}{example}",
        lang.pick(
            "今の配属が在任年数を超えている職員",
            "Staff past the tenure in their current posting"
        )
    )
}
