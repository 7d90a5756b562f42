//! The life-line worksheet (ライフラインチャート): one row a year, the 充実度 as a row of
//! boxes from -5 to +5 to mark with ● (joined by a line, the marks draw the life-line turned
//! on its side), what happened, and a note. Blank, it lists the ages from 18 to 65 for the
//! participant to fill in; from a plan, the years from hire to retirement with their events
//! (expected promotions marked as such) and whatever scores and notes the plan holds.

use crate::engine::{LifeEvent, LifelineChart, Tense};
use crate::export::{Sheet, Table};
use crate::i18n::Lang;
use crate::model::{Date, LIFELINE_MAX, LIFELINE_MIN, Plan, Profile};

/// The ages a blank sheet lists: the youngest hire (高卒) to the highest retirement age the
/// national rules set (65, from FY2031).
const BLANK_AGES: std::ops::RangeInclusive<i32> = 18..=65;

/// The mark in a year's score box.
const MARK: &str = "●";

fn score_columns() -> impl Iterator<Item = String> {
    (LIFELINE_MIN..=LIFELINE_MAX).map(crate::describe::score_text)
}

fn columns(lang: Lang) -> Vec<String> {
    let mut columns = vec![
        lang.pick("年度", "FY").to_string(),
        lang.pick("年齢", "Age").to_string(),
    ];
    columns.extend(score_columns());
    // Headings longer than a short column's (12 characters) keep these two wide enough to
    // write in, on a blank sheet too.
    columns.push(
        lang.pick("出来事（仕事・家庭・学び）", "What happened (work, home, learning)")
            .to_string(),
    );
    columns.push(
        lang.pick("メモ（気持ち・支えになったもの）", "Note (feelings, what helped)")
            .to_string(),
    );
    columns
}

fn heading(lang: Lang) -> String {
    lang.pick("充実度（-5～+5）と出来事", "Fulfilment (-5 to +5) and what happened")
        .to_string()
}

/// How to fill the sheet in, and what its ages mean.
fn how_to(lang: Lang) -> Vec<String> {
    vec![
        lang.pick(
            "各年度の充実度（-5 とても低い ～ +5 とても高い）の欄に ● を付け、点を線で結ぶとライフラインになります。",
            "Mark each year's fulfilment (-5 very low to +5 very high) with ●; joining the marks draws the life-line.",
        )
        .to_string(),
        lang.pick(
            "山と谷の年に、何があったか・何が支えになったかを書きます。",
            "At the peaks and troughs, write what happened and what helped.",
        )
        .to_string(),
        lang.pick(
            "年齢は年度末の年齢です。",
            "Ages are as at the end of each fiscal year.",
        )
        .to_string(),
    ]
}

/// The worksheet with nothing filled in: the ages from 18 to 65, blank name and date fields.
pub fn blank(lang: Lang) -> Sheet {
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    let width = columns(lang).len();
    let rows = BLANK_AGES
        .map(|age| {
            let mut row = vec![String::new(); width];
            if let Some(cell) = row.get_mut(1) {
                *cell = age.to_string();
            }
            row
        })
        .collect();
    Sheet {
        title: pick("ライフラインチャート", "Life-line chart"),
        header: vec![
            (pick("氏名", "Name"), String::new()),
            (pick("所属", "Department"), String::new()),
            (pick("採用年度", "Hired (FY)"), String::new()),
            (pick("記入日", "Date"), String::new()),
        ],
        tables: vec![Table {
            heading: heading(lang),
            columns: columns(lang),
            rows,
        }],
        self_report: None,
        signatures: false,
        legend: how_to(lang),
    }
}

/// The worksheet filled in from `plan` as of `today`: its years, events, scores and notes.
pub fn prefilled(profile: &Profile, plan: &Plan, today: Date, lang: Lang) -> Sheet {
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    let chart = crate::engine::lifeline(profile, plan, today);
    let department = plan
        .assignments
        .iter()
        .find(|a| a.to.is_none())
        .map(|a| crate::describe::department_name(profile, &a.department).to_string())
        .unwrap_or_default();
    let retirement = crate::engine::retirement(plan.birth_date);
    let header = vec![
        (pick("氏名", "Name"), plan.name.clone().unwrap_or_default()),
        (pick("所属", "Department"), department),
        (pick("職級", "Grade"), crate::describe::current_grade(profile, plan)),
        (pick("採用", "Hired"), plan.hire_date.to_string()),
        (
            pick("定年退職", "Retirement"),
            match lang {
                Lang::Ja => format!("{}（{}歳・地方公務員法）", retirement.date, retirement.age),
                Lang::En => format!("{} (at {}; 地方公務員法)", retirement.date, retirement.age),
            },
        ),
        (pick("作成日", "Prepared"), today.to_string()),
    ];
    let rows = chart
        .years
        .iter()
        .map(|row| {
            let mut cells = vec![row.fy.to_string(), row.age.to_string()];
            cells.extend((LIFELINE_MIN..=LIFELINE_MAX).map(|s| {
                if row.score == Some(s) {
                    MARK.to_string()
                } else {
                    String::new()
                }
            }));
            let mut events: Vec<String> = Vec::new();
            if row.tense == Tense::Current {
                events.push(pick("［今年度］", "[this year]"));
            }
            events.extend(row.events.iter().map(|e| crate::describe::life_event(profile, e, lang)));
            cells.push(events.join(lang.pick("、", "; ")));
            cells.push(row.note.clone().unwrap_or_default());
            cells
        })
        .collect();
    Sheet {
        title: pick("ライフラインチャート", "Life-line chart"),
        header,
        tables: vec![Table {
            heading: heading(lang),
            columns: columns(lang),
            rows,
        }],
        self_report: None,
        signatures: false,
        legend: legend(profile, &chart, lang),
    }
}

/// How to read and fill the sheet, where its dates come from, and the trainings the plan
/// gives no year for.
fn legend(profile: &Profile, chart: &LifelineChart, lang: Lang) -> Vec<String> {
    let mut legend = how_to(lang);
    let events = || chart.years.iter().flat_map(|r| &r.events);
    if events().any(|e| matches!(e, LifeEvent::ExpectedPromotion { .. })) {
        legend.push(
            lang.pick(
                "「見込み」の昇任は、昇任・昇格モデルの標準の在級年数で数えた年度です。約束ではありません（選考・試験・欠員によります）。",
                "Expected promotions are counted with the promotion model's typical years in grade: not a promise (selection, exams and openings decide).",
            )
            .to_string(),
        );
    }
    if events().any(|e| {
        matches!(
            e,
            LifeEvent::ExpectedPromotion {
                assumed_by: Some(_),
                ..
            }
        )
    }) && let Some(assumption) = crate::describe::promotion_assumption_legend(profile, lang)
    {
        legend.push(assumption);
    }
    legend.push(
        lang.pick(
            "定年退職と役職定年は地方公務員法（2021年改正）の定めによります。",
            "Retirement and the end of management posts follow 地方公務員法 (as amended in 2021).",
        )
        .to_string(),
    );
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| crate::describe::training_name(profile, id))
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "))
    };
    if !chart.completed_undated.is_empty() {
        legend.push(format!(
            "{}{}",
            lang.pick(
                "受講済みの研修（年度の記録なし）: ",
                "Trainings completed (no year recorded): "
            ),
            names(&chart.completed_undated)
        ));
    }
    if !chart.planned_undated.is_empty() {
        legend.push(format!(
            "{}{}",
            lang.pick("受講予定の研修（年度未定）: ", "Trainings planned (no year set): "),
            names(&chart.planned_undated)
        ));
    }
    legend
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;
    use crate::model::LifelineYear;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn iruma() -> (Profile, Plan) {
        let catalog = crate::store::Catalog::load(None, Lang::Ja);
        let (file, text) = crate::store::personas::PERSONAS
            .iter()
            .find(|(name, _)| *name == "iruma-shunin-to-kacho")
            .unwrap();
        let plan = crate::store::parse_plan(file, text.as_bytes(), &catalog, Lang::Ja).unwrap();
        (catalog.get("iruma").unwrap().profile.clone(), plan)
    }

    fn row<'s>(sheet: &'s Sheet, first: &str) -> &'s [String] {
        sheet.tables[0].rows.iter().find(|r| r[0] == first).unwrap()
    }

    #[test]
    fn a_blank_sheet_lists_the_ages_with_every_box_empty() {
        let sheet = blank(Lang::Ja);
        assert_eq!(sheet.title, "ライフラインチャート");
        assert!(sheet.header.iter().all(|(_, value)| value.is_empty()));
        let table = &sheet.tables[0];
        assert_eq!(table.columns.len(), 2 + 11 + 2);
        assert_eq!(table.columns[2], "-5");
        assert_eq!(table.columns[7], "0");
        assert_eq!(table.columns[12], "+5");
        assert_eq!(table.rows.len(), 48);
        assert_eq!((table.rows[0][1].as_str(), table.rows[47][1].as_str()), ("18", "65"));
        for r in &table.rows {
            assert_eq!(r.len(), table.columns.len());
            assert!(r[0].is_empty() && r[2..].iter().all(String::is_empty));
        }
        let en = blank(Lang::En);
        assert_eq!(en.title, "Life-line chart");
        assert_eq!(
            en.tables[0].columns.last().map(String::as_str),
            Some("Note (feelings, what helped)")
        );
        // The columns to write in are not drawn narrow.
        let html = crate::export::to_html(&sheet, Lang::Ja);
        assert!(
            html.contains(
                "<th class=\"write\">出来事（仕事・家庭・学び）</th><th class=\"write\">メモ（気持ち・支えになったもの）</th>"
            ),
            "{html}"
        );
    }

    #[test]
    fn a_prefilled_sheet_marks_the_scores_and_tells_the_years() {
        let (profile, mut plan) = iruma();
        plan.lifeline = vec![
            LifelineYear {
                fy: 2011,
                score: 2,
                note: Some("初めての窓口".into()),
            },
            LifelineYear {
                fy: 2016,
                score: -5,
                note: None,
            },
        ];
        let sheet = prefilled(&profile, &plan, d("2026-11-21"), Lang::Ja);
        let table = &sheet.tables[0];
        assert_eq!(table.rows.len(), 43, "FY2011 to FY2053");
        let first = row(&sheet, "2011");
        assert_eq!(first[1], "23");
        let marked: Vec<&str> = table.columns[2..13]
            .iter()
            .zip(&first[2..13])
            .filter(|(_, c)| !c.is_empty())
            .map(|(h, _)| h.as_str())
            .collect();
        assert_eq!(marked, ["+2"]);
        assert!(
            first[13].contains("採用") && first[13].contains("税務部門に配属"),
            "{}",
            first[13]
        );
        assert_eq!(first[14], "初めての窓口");
        assert_eq!(row(&sheet, "2016")[2], MARK, "-5 is the first box");
        assert!(row(&sheet, "2026")[13].starts_with("［今年度］"));
        assert!(row(&sheet, "2053")[13].contains("定年退職 65歳"));
        assert!(table.rows.iter().any(|r| r[13].contains("見込み")));
        assert!(sheet.legend.iter().any(|l| l.contains("約束ではありません")));
        assert!(sheet.legend.iter().any(|l| l.contains("地方公務員法")));
        assert!(sheet.legend.iter().any(|l| l.contains("年度の記録なし")));
        let header: Vec<&str> = sheet.header.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(header, ["氏名", "所属", "職級", "採用", "定年退職", "作成日"]);
        assert_eq!(sheet.header[0].1, "入間 健");
        assert!(sheet.header[4].1.contains("2054-03-31"));
    }

    #[test]
    fn html_and_markdown_escape_what_the_participant_wrote() {
        let (profile, mut plan) = iruma();
        plan.name = Some("<b>入間</b> & 健".into());
        plan.lifeline = vec![LifelineYear {
            fy: 2019,
            score: 4,
            note: Some("<script>alert('x')</script>\n[link](http://example.com)".into()),
        }];
        let sheet = prefilled(&profile, &plan, d("2026-11-21"), Lang::Ja);
        let html = crate::export::to_html(&sheet, Lang::Ja);
        assert!(!html.contains("<script>") && !html.contains("<b>入間"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>[link]"));
        assert!(html.contains("&lt;b&gt;入間&lt;/b&gt; &amp; 健"));
        assert!(html.contains("@page { size: A4"));
        assert!(!html.contains("src=") && !html.contains("<link"), "nothing is fetched");
        assert!(html.contains("<th class=\"short\">+5</th>"));
        let md = crate::export::to_markdown(&sheet);
        assert!(md.contains("\\<script\\>"), "{md}");
        assert!(md.contains("\\[link\\]\\(http://example.com\\)"), "{md}");
        assert!(md.starts_with("# ライフラインチャート\n"));
        let blank_html = crate::export::to_html(&blank(Lang::En), Lang::En);
        assert!(blank_html.contains("<h1>Life-line chart</h1>"));
        assert!(blank_html.contains("<td class=\"short\">65</td>"));
    }
}
