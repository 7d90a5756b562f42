//! `michi plan next10 PLAN [--today] [--json]`: the next ten years as the workshop page
//! shows them — the years to 定年, the key dates, the options after 60 with their
//! conditions, and the national rules and the city's values with their sources.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::profile::write_table;
use crate::describe::next10::{
    city_values, event_title, event_when, event_whose, legend, management_line, option_conditions, option_period,
    option_title, pay_cell, posts_cell, retirement_line, rule_cite, rules_used, special_note, today_line, year_events,
};
use crate::engine::Rule;
use crate::engine::next_ten::{NextTen, next_ten_years};
use crate::i18n::Lang;
use crate::model::{Date, Plan, Profile, fiscal_year_label};
use crate::store::load_plan_file;
use crate::text::escape_line;

/// A national rule in the JSON: its id (as events and options name it), name and law.
#[derive(Serialize)]
struct RuleJson {
    id: Rule,
    title: &'static str,
    source: &'static str,
    summary: &'static str,
}

/// The JSON of `plan next10`: the time line, and the rules it rests on.
#[derive(Serialize)]
struct Next10Json<'a> {
    profile: &'a str,
    #[serde(flatten)]
    next_ten: &'a NextTen,
    rules: Vec<RuleJson>,
}

pub fn next10(path: &Path, today: Option<Date>, json: bool, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    let catalog = crate::cli::plan::catalog(lang);
    let plan = match load_plan_file(path, &catalog, lang) {
        Ok(plan) => plan,
        Err(d) => {
            crate::cli::plan::print_problems(path, &d, lang);
            return Ok(ExitCode::FAILURE);
        }
    };
    let Some(entry) = catalog.get(&plan.profile) else {
        return Ok(ExitCode::FAILURE);
    };
    crate::cli::plan::print_names_read(&plan, lang);
    let today = today.unwrap_or_else(crate::clock::today_in_japan);
    let n = next_ten_years(&entry.profile, &plan, today);
    if json {
        let rules = rules_used(&n)
            .into_iter()
            .map(|rule| RuleJson {
                id: rule,
                title: rule.title(lang),
                source: rule.source(),
                summary: rule.summary(lang),
            })
            .collect();
        let body = Next10Json {
            profile: &entry.profile.id,
            next_ten: &n,
            rules,
        };
        serde_json::to_writer_pretty(&mut *out, &body).map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        write_next10(out, &entry.profile, &plan, &n, lang)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn heading(out: &mut impl Write, text: &str) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "■ {text}")
}

/// The readable report.
pub fn write_next10(out: &mut impl Write, p: &Profile, plan: &Plan, n: &NextTen, lang: Lang) -> io::Result<()> {
    let who = plan.name.as_deref().map(escape_line).unwrap_or_default();
    writeln!(
        out,
        "{} {who} — {}  ({} {})",
        lang.pick("Michi これからの10年", "Michi: the next ten years"),
        p.name,
        lang.pick("基準日", "as of"),
        n.today
    )?;
    writeln!(out, "{}", today_line(n, lang))?;
    writeln!(out, "{}", retirement_line(n, lang))?;
    writeln!(out, "{}", management_line(p, n, lang))?;
    if let Some(note) = special_note(n, lang) {
        writeln!(out, "{note}")?;
    }

    heading(out, lang.pick("年ごとの見通し", "Year by year"))?;
    let rows: Vec<[String; 5]> = n
        .years
        .iter()
        .map(|y| {
            [
                fiscal_year_label(y.fy, lang),
                format!("{}{}", y.age, lang.pick("歳", "")),
                if n.management.concerns_employee() {
                    posts_cell(y, lang).to_string()
                } else {
                    String::new()
                },
                pay_cell(y),
                year_events(n, y, lang),
            ]
        })
        .collect();
    if rows.is_empty() {
        writeln!(out, "{}", lang.pick("（残りの年度はありません）", "(no years left)"))?;
    } else {
        write_table(
            out,
            &[
                lang.pick("年度", "FY"),
                lang.pick("年齢", "Age"),
                lang.pick("管理職", "Mgmt"),
                lang.pick("給与", "Pay"),
                lang.pick("できごと", "What happens"),
            ],
            &rows,
        )?;
    }

    heading(out, lang.pick("主な日付", "Key dates"))?;
    let rows: Vec<[String; 3]> = n
        .events
        .iter()
        .map(|e| {
            let past = if e.past { lang.pick("（済）", " (past)") } else { "" };
            let cite = match (&n.special, e.kind) {
                (Some(s), crate::engine::next_ten::EventKind::Retirement) => s.source.clone(),
                _ => e.rule.cite().to_string(),
            };
            [
                event_when(e, lang),
                format!("{}{}{past}", event_title(n, e, lang), event_whose(n, e).mark(lang)),
                cite,
            ]
        })
        .collect();
    write_table(
        out,
        &[
            lang.pick("日付", "Date"),
            lang.pick("できごと", "What happens"),
            lang.pick("根拠", "Source"),
        ],
        &rows,
    )?;

    if !n.options.is_empty() {
        heading(out, lang.pick("60歳以後の選択肢", "Ways of working after 60"))?;
        for option in &n.options {
            writeln!(
                out,
                "- {}  {}",
                option_title(option.kind, lang),
                option_period(option, lang)
            )?;
            for line in option_conditions(n, option, lang) {
                writeln!(out, "  {line}")?;
            }
            writeln!(out, "  {}", rule_cite(option.rule, lang))?;
        }
    }

    heading(out, lang.pick("根拠（国の制度）", "The national rules"))?;
    for rule in rules_used(n) {
        writeln!(out, "- {}: {}", rule.title(lang), rule.source())?;
    }
    let city = city_values(p, n, lang);
    if !city.is_empty() {
        heading(out, lang.pick("市の定め", "The city's values"))?;
        for line in city {
            writeln!(out, "- {line}")?;
        }
    }
    writeln!(out)?;
    for line in legend(lang) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
