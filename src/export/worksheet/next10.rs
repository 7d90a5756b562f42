//! The 「これからの10年」 worksheet (55歳からの10年): a table of the years to 定年 with room to
//! write one's plans, the ways of working after 60 with their conditions, and the national
//! rules with their sources. Blank, it runs from 55 to 65 with the national defaults noted
//! at the ages they fall on; filled in from a plan, it gives the employee's own dates.

use crate::describe::next10::{
    city_values, event_title, event_when, event_whose, legend, management_line, option_conditions, option_period,
    option_title, pay_cell, posts_cell, retirement_line, rule_cite, rules_used, special_note, year_events,
};
use crate::engine::Rule;
use crate::engine::national::{FULL_RETIREMENT_AGE, SIXTY};
use crate::engine::next_ten::{NextTen, OptionKind, next_ten_years};
use crate::export::{Sheet, Table};
use crate::i18n::Lang;
use crate::model::{Date, Plan, Profile, fiscal_year_label};

/// The first age of a blank sheet.
const FIRST_AGE: i32 = 55;

fn title(lang: Lang) -> String {
    lang.pick("これからの10年 ワークシート", "The next ten years: worksheet")
        .to_string()
}

/// The columns the participant writes in.
fn writing_columns(lang: Lang) -> [String; 2] {
    [
        lang.pick("やりたいこと・働き方", "What I want to do, how to work")
            .to_string(),
        lang.pick("そのために準備すること", "What to prepare").to_string(),
    ]
}

/// The rules' table: each law in full.
fn rules_table(rules: &[Rule], lang: Lang) -> Table {
    Table {
        heading: lang.pick("根拠（国の制度）", "The national rules").to_string(),
        columns: vec![
            lang.pick("制度", "Rule").to_string(),
            lang.pick("内容", "What it says").to_string(),
            lang.pick("根拠", "Source").to_string(),
        ],
        rows: rules
            .iter()
            .map(|rule| {
                vec![
                    rule.title(lang).to_string(),
                    rule.summary(lang).to_string(),
                    rule.source().to_string(),
                ]
            })
            .collect(),
    }
}

/// The blank sheet: ages 55 to 65, with what the national rules set at each for someone born
/// on or after 2 April 1967 (定年 65), and empty columns to write in.
pub fn blank(lang: Lang) -> Sheet {
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    let header = vec![
        (pick("氏名", "Name"), String::new()),
        (pick("生年月日", "Date of birth"), String::new()),
        (pick("記入日", "Date"), String::new()),
        (pick("現在の職級", "Grade"), String::new()),
        (pick("定年退職日", "Retirement date"), String::new()),
        (pick("役職定年", "役職定年"), String::new()),
    ];
    let at_age = |age: i32| -> String {
        match age {
            59 => pick(
                "情報提供・勤務の意思確認（60歳に達する年度の前年度）",
                "Information and intent check (the year before the one you reach 60)",
            ),
            SIXTY => pick(
                "60歳に達する。管理監督職はこの年度の末日まで（役職定年）",
                "Reach 60; management posts end with this fiscal year (役職定年)",
            ),
            61 => pick(
                "4月1日から給料月額が7割。役職定年の延長（条例で延長できる場合）はこの年度まで",
                "70% pay from 1 April; an extension of 役職定年 (where a 条例 allows) ends with this year",
            ),
            FULL_RETIREMENT_AGE => pick(
                "定年（65歳に達する年度の末日）",
                "Retirement (the end of the year you reach 65)",
            ),
            _ => String::new(),
        }
    };
    let [want, prepare] = writing_columns(lang);
    let years = Table {
        heading: pick("年ごとの計画（55歳〜65歳）", "Year by year (55 to 65)"),
        columns: vec![
            pick("年齢", "Age"),
            pick("年度", "Fiscal year"),
            pick("制度の上のできごと［国］", "What the rules set [national]"),
            want,
            prepare,
        ],
        rows: (FIRST_AGE..=FULL_RETIREMENT_AGE)
            .map(|age| {
                vec![
                    format!("{age}{}", lang.pick("歳", "")),
                    String::new(),
                    at_age(age),
                    String::new(),
                    String::new(),
                ]
            })
            .collect(),
    };
    let options = Table {
        heading: pick("60歳以後の選択肢", "Ways of working after 60"),
        columns: vec![
            pick("選択肢", "Option"),
            pick("条件", "Conditions"),
            pick("根拠", "Source"),
            pick("自分の考え", "My thoughts"),
        ],
        rows: [
            (OptionKind::FullTime, Rule::PayAfterSixty),
            (OptionKind::ShortTime, Rule::ShortTimeReemployment),
            (OptionKind::Leave, Rule::RetirementAllowance),
        ]
        .into_iter()
        .map(|(kind, rule)| {
            vec![
                option_title(kind, lang).to_string(),
                rule.summary(lang).to_string(),
                rule.cite().to_string(),
                String::new(),
            ]
        })
        .collect(),
    };
    let rules: Vec<Rule> = Rule::ALL
        .into_iter()
        .filter(|r| !matches!(r, Rule::SpecialRetirementAge | Rule::InterimReemployment))
        .collect();
    let mut notes = vec![
        lang.pick(
            "年ごとのできごとは1967年4月2日以降に生まれた人（定年65歳）の国の既定値です。それより前に生まれた人の定年は61〜64歳です。",
            "The events by age are the national defaults for those born on or after 2 April 1967 (retiring at 65); those born earlier retire at 61 to 64.",
        ),
    ];
    notes.extend(legend(lang));
    Sheet {
        title: title(lang),
        header,
        tables: vec![years, options, rules_table(&rules, lang)],
        self_report: None,
        signatures: false,
        legend: notes.into_iter().map(str::to_string).collect(),
    }
}

/// The sheet filled in from `plan`, from `today` to 定年.
pub fn filled(profile: &Profile, plan: &Plan, today: Date, lang: Lang) -> Sheet {
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    let n: NextTen = next_ten_years(profile, plan, today);
    let header = vec![
        (pick("氏名", "Name"), plan.name.clone().unwrap_or_default()),
        (pick("自治体", "Municipality"), profile.name.clone()),
        (pick("生年月日", "Date of birth"), plan.birth_date.to_string()),
        (
            pick("基準日", "As of"),
            match lang {
                Lang::Ja => format!("{}（{}歳）", n.today, n.age),
                Lang::En => format!("{} (age {})", n.today, n.age),
            },
        ),
        (
            pick("現在の職級", "Grade"),
            crate::describe::current_grade(profile, plan),
        ),
        (pick("定年", "Retirement"), retirement_line(&n, lang)),
        (pick("役職定年", "役職定年"), management_line(profile, &n, lang)),
    ];
    let [want, prepare] = writing_columns(lang);
    let years = Table {
        heading: pick("年ごとの計画", "Year by year"),
        columns: vec![
            pick("年度", "Fiscal year"),
            pick("年齢", "Age"),
            pick("管理職", "Management"),
            pick("給与", "Pay"),
            pick("できごと", "What happens"),
            want,
            prepare,
        ],
        rows: n
            .years
            .iter()
            .map(|y| {
                vec![
                    fiscal_year_label(y.fy, lang),
                    format!("{}{}", y.age, lang.pick("歳", "")),
                    if n.management.concerns_employee() {
                        posts_cell(y, lang).to_string()
                    } else {
                        String::new()
                    },
                    pay_cell(y),
                    year_events(&n, y, lang),
                    String::new(),
                    String::new(),
                ]
            })
            .collect(),
    };
    let dates = Table {
        heading: pick("主な日付", "Key dates"),
        columns: vec![
            pick("日付", "Date"),
            pick("できごと", "What happens"),
            pick("根拠", "Source"),
        ],
        rows: n
            .events
            .iter()
            .map(|e| {
                let cite = match (&n.special, e.kind) {
                    (Some(s), crate::engine::next_ten::EventKind::Retirement) => s.source.clone(),
                    _ => e.rule.cite().to_string(),
                };
                vec![
                    event_when(e, lang),
                    format!("{}{}", event_title(&n, e, lang), event_whose(&n, e).mark(lang)),
                    cite,
                ]
            })
            .collect(),
    };
    let options = Table {
        heading: pick("60歳以後の選択肢", "Ways of working after 60"),
        columns: vec![
            pick("選択肢", "Option"),
            pick("期間", "Period"),
            pick("条件", "Conditions"),
            pick("根拠", "Source"),
            pick("自分の考え", "My thoughts"),
        ],
        rows: n
            .options
            .iter()
            .map(|o| {
                vec![
                    option_title(o.kind, lang).to_string(),
                    option_period(o, lang),
                    option_conditions(&n, o, lang).join("\n"),
                    rule_cite(o.rule, lang),
                    String::new(),
                ]
            })
            .collect(),
    };
    let mut notes: Vec<String> = city_values(profile, &n, lang);
    notes.extend(special_note(&n, lang).map(str::to_string));
    notes.extend(legend(lang).into_iter().map(str::to_string));
    Sheet {
        title: title(lang),
        header,
        tables: vec![years, dates, options, rules_table(&rules_used(&n), lang)],
        self_report: None,
        signatures: false,
        legend: notes,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::export::{to_html, to_markdown};

    fn persona() -> (Profile, Plan) {
        let catalog = crate::store::Catalog::load(None, Lang::Ja);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/personas/ageo-shusa-born-1968.toml");
        let plan = crate::store::parse_plan(path, &std::fs::read(path).unwrap(), &catalog, Lang::Ja).unwrap();
        (catalog.get("ageo").unwrap().profile.clone(), plan)
    }

    #[test]
    fn the_blank_sheet_runs_from_55_to_65_with_room_to_write() {
        let sheet = blank(Lang::Ja);
        let years = &sheet.tables[0];
        assert_eq!(years.rows.len(), 11);
        assert_eq!(years.rows[0][0], "55歳");
        assert_eq!(years.rows[10][0], "65歳");
        assert!(years.rows.iter().all(|r| r[3].is_empty() && r[4].is_empty()));
        assert!(years.rows[5][2].contains("役職定年"));
        let md = to_markdown(&sheet);
        assert!(md.starts_with("# これからの10年 ワークシート\n"), "{md}");
        assert!(
            md.contains("| 60歳 |  | 60歳に達する。管理監督職はこの年度の末日まで（役職定年） |  |  |"),
            "{md}"
        );
        assert!(md.contains("地方公務員法第22条の4"), "{md}");
        let html = to_html(&sheet, Lang::Ja);
        assert!(html.contains("@page { size: A4"), "A4");
        assert!(html.contains("<td class=\"short\">65歳</td>"), "{html}");
        let en = to_markdown(&blank(Lang::En));
        assert!(en.contains("# The next ten years: worksheet"), "{en}");
    }

    #[test]
    fn the_filled_sheet_gives_the_employees_own_dates_and_sources() {
        let (profile, plan) = persona();
        let sheet = filled(&profile, &plan, Date::parse("2026-11-21").unwrap(), Lang::Ja);
        let md = to_markdown(&sheet);
        assert!(md.contains("- **氏名**: 上尾 誠"), "{md}");
        assert!(md.contains("- **定年**: 定年 65歳 2034-03-31［国］"), "{md}");
        assert!(
            md.contains("| 2029（令和11年度） | 61歳 | 延長時 | 70% | 給与7割・延長時の上限 |  |  |"),
            "{md}"
        );
        assert!(
            md.contains("| 2029-03-31 | 役職定年: 管理監督職はこの日まで［国］ | 地方公務員法第28条の2 |"),
            "{md}"
        );
        assert!(md.contains("定年前再任用短時間勤務"), "{md}");
        assert!(md.contains("> 役職定年の対象とする職級（課長級）［市］"), "{md}");
        let html = to_html(&sheet, Lang::Ja);
        assert!(html.contains("地方公務員法第28条の5第1項・第2項"), "{html}");
        // A condition of several lines keeps its breaks.
        assert!(html.contains("常勤で勤務します。<br>"), "{html}");
    }
}
