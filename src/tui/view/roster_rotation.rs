//! The roster screen's rotation page (ローテーション): from a posting history opened with
//! `h` and joined to the roster by 職員番号, what the history gave, each rotation rule's
//! window with the staff inside it who have not yet served what it asks for, the staff past
//! the typical tenure in their current posting (years marked when they are an example), and
//! the history rows that could not be used. The figures are `michi roster --history`'s
//! `rotation` section; the wording is `describe::roster`'s, as the text report says it.
//! Without a history the page says what it needs and which key opens one.

use crate::describe::roster::{
    history_counts, history_problem_kind, past_tenure_heading, rule_standing, rule_window, tenure_not_checked,
};
use crate::i18n::Lang;
use crate::model::Profile;
use crate::store::roster::history::{RotationPerson, RotationSection};
use crate::tui::state::{RosterScreen, State};

use super::roster::Rows;

/// People drawn per list, and history problems drawn; the rest are counted (the JSON of
/// `michi roster --history` has them all).
const SHOWN: usize = 200;

pub(super) fn rotation(state: &State, roster: &RosterScreen, out: &mut Rows) {
    let lang = state.lang();
    let profile = state.catalog.get(&roster.profile).map(|e| &e.profile);
    match &roster.history {
        None => without_history(lang, profile, out),
        Some(history) => {
            let theme = out.theme;
            let file = history
                .path
                .file_name()
                .map(|n| crate::text::escape_controls(&n.to_string_lossy()))
                .unwrap_or_default();
            out.line(
                &match lang {
                    Lang::Ja => format!("配属履歴: {file}（h で別の履歴）"),
                    Lang::En => format!("Posting history: {file} (h: another one)"),
                },
                theme.title,
            );
            out.wrapped(&history_counts(&history.section, lang), theme.text);
            section(lang, &history.section, out);
        }
    }
}

/// What the page needs, the key that opens it, and what the profile will be checked for.
fn without_history(lang: Lang, profile: Option<&Profile>, out: &mut Rows) {
    let theme = out.theme;
    out.line(
        lang.pick("配属履歴がまだ開かれていません", "No posting history is open yet"),
        theme.title,
    );
    out.wrapped(
        lang.pick(
            "h で配属履歴のファイル（CSV・Excel）を開くと、職員番号でこの名簿と突き合わせ、ローテーション規則の期間内でまだ経験の足りない職員と、今の配属が標準の在任年数を超えている職員を表示します。",
            "h opens a posting history (CSV or Excel); joined to this roster by 職員番号, it shows the staff inside a rotation rule's window who have not yet served what it asks for, and the staff past the typical tenure in their current posting.",
        ),
        theme.text,
    );
    out.wrapped(
        lang.pick(
            "見出し: 職員番号・所属・開始日・終了日。1行に1つの配属で、今の配属は終了日が空欄。所属はプロファイルの所属の名前か ID。",
            "Headers: 職員番号, 所属, 開始日, 終了日. One posting a row; the current one has no 終了日. 所属 is a department of the profile, by name or id.",
        ),
        theme.dim,
    );
    out.blank();
    out.line(lang.pick("確かめる規則", "Rules checked"), theme.title);
    let rotation = profile.and_then(|p| p.rotation.as_ref());
    let rules = rotation.map(|r| r.windowed_rules()).unwrap_or_default();
    if rules.is_empty() {
        out.wrapped(
            lang.pick(
                "  プロファイルに期間のある規則（系統・所属の経験）がありません",
                "  The profile has no rule with a window (families or departments served)",
            ),
            theme.dim,
        );
    }
    for (rule, window) in rules {
        out.line(
            &match lang {
                Lang::Ja => format!("  {}（{}）", rule.id, rule_window(rule.from_year, window, lang)),
                Lang::En => format!("  {} ({})", rule.id, rule_window(rule.from_year, window, lang)),
            },
            theme.text,
        );
        out.lines.extend(crate::tui::view::hanging(
            "    ",
            &rule.text,
            out.columns,
            theme.dim,
            theme,
        ));
    }
    match rotation.and_then(|r| r.tenure()) {
        None => out.wrapped(tenure_not_checked(lang), theme.dim),
        Some(t) => {
            let example = if t.illustrative {
                lang.pick("（年数は例示）", " (illustrative years)")
            } else {
                ""
            };
            out.wrapped(
                &match lang {
                    Lang::Ja => format!("在任年数: {} 年を超える今の配属{example}", t.upper()),
                    Lang::En => format!("Tenure: current postings longer than {} years{example}", t.upper()),
                },
                theme.text,
            );
        }
    }
}

/// The rules, the tenure and the history's problem rows.
fn section(lang: Lang, section: &RotationSection, out: &mut Rows) {
    let theme = out.theme;
    if section.rules.is_empty() {
        out.blank();
        out.wrapped(
            lang.pick(
                "プロファイルに期間のある規則（系統・所属の経験）がありません",
                "The profile has no rule with a window (families or departments served)",
            ),
            theme.dim,
        );
    }
    for standing in &section.rules {
        out.blank();
        out.wrapped(&rule_standing(standing, lang), theme.title);
        out.lines.extend(crate::tui::view::hanging(
            "  ",
            &standing.text,
            out.columns,
            theme.dim,
            theme,
        ));
        people(
            out,
            &standing.listed,
            standing.missing,
            lang.pick("経験/求める数", "have/need"),
            "",
            lang,
        );
    }
    out.blank();
    match section.past_tenure {
        None => out.wrapped(tenure_not_checked(lang), theme.title),
        Some(n) => {
            out.wrapped(&past_tenure_heading(n, section.tenure_illustrative, lang), theme.title);
            let unit = match (section.tenure_illustrative, lang) {
                (true, Lang::Ja) => "年・例示",
                (true, Lang::En) => " years, illustrative",
                (false, _) => lang.pick("年", " years"),
            };
            people(
                out,
                &section.past_tenure_listed,
                n,
                lang.pick("在任/上限", "years/tenure"),
                unit,
                lang,
            );
        }
    }
    let problems = &section.history.problems;
    if section.history.skipped > 0 {
        out.blank();
        out.line(
            &match lang {
                Lang::Ja => format!("配属履歴の使えなかった行（{}）", section.history.skipped),
                Lang::En => format!("History rows not used ({})", section.history.skipped),
            },
            theme.title,
        );
        for p in problems.iter().take(SHOWN) {
            let prefix = match lang {
                Lang::Ja => format!("  行 {:>7}「{}」: ", p.row, p.column),
                Lang::En => format!("  row {:>7} {}: ", p.row, p.column),
            };
            let reason = history_problem_kind(p.kind, lang);
            let text = if p.value.is_empty() {
                reason
            } else {
                format!("{reason} {}", p.value)
            };
            out.lines.extend(crate::tui::view::hanging(
                &prefix,
                &text,
                out.columns,
                theme.text,
                theme,
            ));
        }
        let shown = problems.len().min(SHOWN) as u64;
        more(out, section.history.skipped.saturating_sub(shown), lang);
    }
}

/// A list of people with a heading row; `count` is how many the list stands for.
fn people(out: &mut Rows, list: &[RotationPerson], count: u64, figures: &str, unit: &str, lang: Lang) {
    let theme = out.theme;
    if list.is_empty() {
        out.line(lang.pick("  該当者なし", "  nobody"), theme.dim);
        return;
    }
    let id_w = list
        .iter()
        .take(SHOWN)
        .map(|p| theme.width(&p.id))
        .max()
        .unwrap_or(0)
        .clamp(theme.width(lang.pick("職員番号", "Staff no.")), 14);
    let name_w = list
        .iter()
        .take(SHOWN)
        .map(|p| theme.width(&p.name))
        .max()
        .unwrap_or(0)
        .clamp(theme.width(lang.pick("氏名", "Name")), 20);
    let have_need = |p: &RotationPerson| format!("{}/{}{unit}", p.have, p.need);
    let figures_w = list
        .iter()
        .take(SHOWN)
        .map(|p| theme.width(&have_need(p)))
        .max()
        .unwrap_or(0)
        .max(theme.width(figures));
    out.line(
        &format!(
            "  {}  {}  {}",
            theme.cell(lang.pick("職員番号", "Staff no."), id_w),
            theme.cell(lang.pick("氏名", "Name"), name_w),
            figures,
        ),
        theme.dim,
    );
    for p in list.iter().take(SHOWN) {
        let department = p.department.as_deref().map(|d| format!("  {d}")).unwrap_or_default();
        out.line(
            &format!(
                "  {}  {}  {}{department}",
                theme.cell(&p.id, id_w),
                theme.cell(&p.name, name_w),
                theme.cell(&have_need(p), figures_w),
            ),
            theme.text,
        );
    }
    more(out, count.saturating_sub(list.len().min(SHOWN) as u64), lang);
}

/// The ones not drawn, counted.
fn more(out: &mut Rows, n: u64, lang: Lang) {
    if n > 0 {
        out.line(
            &match lang {
                Lang::Ja => format!("  ほか {n} 件（一覧は michi roster --history FILE --format json で）"),
                Lang::En => format!("  and {n} more (all with michi roster --history FILE --format json)"),
            },
            out.theme.dim,
        );
    }
}
