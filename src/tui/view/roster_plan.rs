//! The roster screen's planning pages: 後継者 (succession: one management grade at a time,
//! `f` for the next, its vacancies by fiscal year against the staff eligible in the grades
//! below, with the shortfall drawn and marked; then every grade's short years at a glance)
//! and 研修の対象者 (training demand: the staff in each training's target grades by fiscal
//! year, as many years across as the width allows, `f` for the later ones). The figures are
//! the report's, as `michi roster --format text` prints them; every value the document does
//! not state is marked, and Michi's no-promotion assumption is said on both pages.

use ratatui::text::Span;

use crate::describe::roster::{grades_below_text, no_promotions, past_limit_text};
use crate::engine::roster::{Cover, SuccessionPost, SuccessionYear, TrainingDemandRow};
use crate::i18n::Lang;
use crate::tui::state::{Hit, RosterScreen, State};

use super::roster::{Rows, number, number_label};

fn cover_mark(c: Cover, lang: Lang) -> &'static str {
    match c {
        Cover::Enough => "",
        Cover::Unknown => lang.pick("不足?", "short?"),
        Cover::Short => lang.pick("不足", "short"),
    }
}

pub(super) fn succession(state: &State, roster: &RosterScreen, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    let posts = &roster.run.report.succession.posts;
    let index = roster.succession_post.min(posts.len().saturating_sub(1));
    let Some(post) = posts.get(index) else {
        out.wrapped(
            lang.pick(
                "プロファイルに役職定年の対象となる職級がありません",
                "The profile names no grade the limit applies to",
            ),
            theme.text,
        );
        return;
    };
    out.line(
        &match lang {
            Lang::Ja => format!(
                "{} {}（{}/{}、f で次の職級）: {}",
                post.series,
                post.grade,
                index + 1,
                posts.len(),
                short_years(state, post)
            ),
            Lang::En => format!(
                "{} {} ({}/{}; f: next grade): {}",
                post.series,
                post.grade,
                index + 1,
                posts.len(),
                short_years(state, post)
            ),
        },
        theme.title,
    );
    let below = grades_below_text(post, lang);
    let below = match lang {
        Lang::Ja => format!("下の職級: {below}"),
        Lang::En => format!("From: {below}"),
    };
    out.lines
        .extend(crate::tui::view::hanging("", &below, out.columns, theme.text, theme));
    if post.past_limit > 0 {
        out.wrapped(&past_limit_text(post.past_limit, lang), theme.warn);
    }
    year_table(state, post, out);
    out.blank();
    let dot = theme.glyphs.divider;
    out.wrapped(
        &match lang {
            Lang::Ja => format!(
                "不足: 有資格が空席より少ない {dot} 不足?: 有資格は空席より少ないが、発令日なし・年数不明の人を数えれば足りるかもしれない"
            ),
            Lang::En => format!(
                "short: fewer eligible than vacancies {dot} short?: fewer eligible, but those with no date or no years might cover them"
            ),
        },
        theme.dim,
    );
    out.wrapped(crate::describe::roster::succession_terms(lang), theme.dim);
    out.wrapped(no_promotions(lang), theme.dim);
    out.blank();
    overview(state, posts, index, out);
}

/// One row per fiscal year: the counts as the text report prints them, the cover mark, and
/// the eligible staff as a bar with the vacancies they do not cover after it.
fn year_table(state: &State, post: &SuccessionPost, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    let headers = [
        lang.pick("空席", "Vacant"),
        lang.pick("有資格", "Eligible"),
        lang.pick("発令日なし", "No date"),
        lang.pick("年数不明", "No years"),
        lang.pick("下の職級", "Below"),
        lang.pick("倍率", "Ratio"),
    ];
    let widths: Vec<usize> = headers.iter().map(|h| theme.width(h).max(4) + 1).collect();
    let mark_w = [Cover::Unknown, Cover::Short]
        .iter()
        .map(|c| theme.width(cover_mark(*c, lang)))
        .max()
        .unwrap_or(0)
        + 2;
    let counts_w: usize = widths.iter().sum::<usize>() + mark_w;
    // The fiscal year with its 和暦 when the bars keep room beside it; the plain year else.
    let long_fy_w = post
        .years
        .iter()
        .map(|y| theme.width(&state.fy(y.fy)))
        .max()
        .unwrap_or(4);
    let long = out.columns >= long_fy_w + 1 + counts_w + 20;
    let fy_text = |y: &SuccessionYear| if long { state.fy(y.fy) } else { y.fy.to_string() };
    let fy_w = if long { long_fy_w } else { 4 }.max(theme.width(lang.pick("年度", "FY")));
    let room = out.columns.saturating_sub(fy_w + counts_w);
    let max = post
        .years
        .iter()
        .map(|y| y.eligible.max(y.vacancies))
        .max()
        .unwrap_or(0);
    // Paired bars on one scale: the vacancies, then the eligible staff.
    let half = room / 2;
    let mut header = theme.cell(lang.pick("年度", "FY"), fy_w);
    for (h, w) in headers.iter().zip(&widths) {
        header.push_str(&number_label(h, *w));
    }
    header.push_str(&" ".repeat(mark_w));
    if half >= 4 {
        let (missing, have) = (theme.glyphs.bar_missing, theme.glyphs.bar_have);
        header.push_str(&theme.cell(&format!("{missing}{}", lang.pick("空席", "vacant")), half));
        header.push_str(&format!("{have}{}", lang.pick("有資格", "eligible")));
    }
    out.line(&header, theme.title);
    for y in &post.years {
        let ratio = y
            .eligible_per_vacancy
            .map_or_else(|| "-".to_string(), |r| format!("{r:.1}"));
        let mut text = theme.cell(&fy_text(y), fy_w);
        for (n, w) in [
            y.vacancies,
            y.eligible,
            y.unknown_no_grade_since,
            y.unknown_no_min_years,
            y.below,
        ]
        .iter()
        .zip(&widths)
        {
            text.push_str(&number(*n, *w));
        }
        text.push_str(&number_label(&ratio, widths.get(5).copied().unwrap_or(5)));
        let c = y.cover();
        let mark = format!("  {}", theme.cell(cover_mark(c, lang), mark_w - 2));
        let vacant = out.bar_of(theme.glyphs.bar_missing, y.vacancies, max, half.saturating_sub(1));
        let vacant = theme.cell(&vacant, half);
        out.spans(vec![
            Span::styled(text, theme.text),
            Span::styled(mark, if c == Cover::Enough { theme.text } else { theme.warn }),
            Span::styled(vacant, theme.warn),
            Span::styled(out.bar(y.eligible, max, half), theme.bar_current),
        ]);
    }
}

/// The years a post runs short (and may run short), in words.
fn short_years(state: &State, post: &SuccessionPost) -> String {
    let lang = state.lang();
    let short: Vec<_> = post.years.iter().filter(|y| y.cover() == Cover::Short).collect();
    let unknown = post.years.iter().filter(|y| y.cover() == Cover::Unknown).count();
    let mut said = match (short.first(), lang) {
        (None, Lang::Ja) => "不足なし".to_string(),
        (None, Lang::En) => "never short".to_string(),
        (Some(first), Lang::Ja) => format!("不足 {} 年度（最初 {}）", short.len(), state.fy(first.fy)),
        (Some(first), Lang::En) => format!(
            "short in {} year{} (first {})",
            short.len(),
            if short.len() == 1 { "" } else { "s" },
            state.fy(first.fy)
        ),
    };
    if unknown > 0 {
        said.push_str(&match lang {
            Lang::Ja => format!("・不足? {unknown} 年度"),
            Lang::En => format!("; short? in {unknown}"),
        });
    }
    said
}

/// Every management grade with its short years, the one shown marked.
fn overview(state: &State, posts: &[SuccessionPost], shown: usize, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    out.line(
        lang.pick("職級ごとの不足（f で選ぶ）", "Short years by grade (f: choose)"),
        theme.title,
    );
    let name_w = posts
        .iter()
        .map(|p| theme.width(&format!("{} {}", p.series, p.grade)))
        .max()
        .unwrap_or(0)
        .min(out.columns / 2);
    for (i, post) in posts.iter().enumerate() {
        let said = short_years(state, post);
        let short = post.years.iter().any(|y| y.cover() == Cover::Short);
        let text = format!(
            "{}  {said}",
            theme.cell(&format!("{} {}", post.series, post.grade), name_w)
        );
        let style = if i == shown {
            theme.accent
        } else if short {
            theme.warn
        } else {
            theme.text
        };
        out.hit_next(Hit::RosterPost(i));
        out.line(&theme.marked(&text, i == shown, out.columns), style);
    }
}

/// The training name column's width at `columns`.
fn name_width(columns: usize) -> usize {
    if columns >= 110 { 32 } else { 24 }
}

/// A fiscal year's column: a count up to five digits and a space.
const YEAR_W: usize = 6;

/// The new entrants' and no-grade-date columns' widths.
fn tail_widths(lang: Lang) -> [usize; 2] {
    [
        crate::text::width(lang.pick("新任", "New")).max(5) + 1,
        crate::text::width(lang.pick("発令日なし", "No date")).max(5) + 2,
    ]
}

/// Fiscal years the training-demand page shows across at `columns`.
pub(crate) fn years_across(columns: usize, lang: Lang) -> usize {
    let [new_w, no_date_w] = tail_widths(lang);
    (columns.saturating_sub(name_width(columns) + new_w + no_date_w) / YEAR_W).max(1)
}

pub(super) fn training_demand(state: &State, roster: &RosterScreen, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    let t = &roster.run.report.training_demand;
    let years = t.fiscal_years.len();
    let across = years_across(out.columns, lang);
    let first = roster.training_year.min(years.saturating_sub(1));
    let shown: Vec<usize> = (first..years).take(across).collect();
    let fy = |i: usize| t.fiscal_years.get(i).map(ToString::to_string).unwrap_or_default();
    if let (Some(&a), Some(&b)) = (shown.first(), shown.last())
        && years > shown.len()
    {
        let (all_a, all_b) = (fy(0), fy(years - 1));
        out.wrapped(
            &match lang {
                Lang::Ja => format!(
                    "{}〜{}年度を表示（全 {all_a}〜{all_b}年度、f で次の年度）",
                    fy(a),
                    fy(b)
                ),
                Lang::En => format!("FY{}-{} shown (of FY{all_a}-{all_b}; f: next years)", fy(a), fy(b)),
            },
            theme.title,
        );
    }
    let counted: Vec<&TrainingDemandRow> = t.trainings.iter().filter(|r| r.audience != "unstated").collect();
    let name_w = name_width(out.columns).min(out.columns);
    let [new_w, no_date_w] = tail_widths(lang);
    if counted.is_empty() {
        out.wrapped(
            lang.pick(
                "対象の職級を定めた研修がありません",
                "No training names its target grades",
            ),
            theme.text,
        );
    } else {
        let mut header = theme.cell(lang.pick("研修", "Training"), name_w);
        for &i in &shown {
            header.push_str(&number_label(&fy(i), YEAR_W));
        }
        header.push_str(&number_label(lang.pick("新任", "New"), new_w));
        header.push_str(&number_label(lang.pick("発令日なし", "No date"), no_date_w));
        out.line(&header, theme.title);
        for row in counted {
            training_row(row, &shown, [name_w, new_w, no_date_w], lang, out);
        }
    }
    out.blank();
    out.wrapped(
        lang.pick(
            "年度ごとの、対象の職級にいる人数。新任・発令日なし: 今年度の対象者のうち、今年度その職級に就いた人（職級発令日から）・職級発令日のない人。*: 対象職級は Michi の読み取り（文書の言葉ではありません）。",
            "Staff in the target grades, by fiscal year. New, No date: of this year's staff, those who entered the grade this fiscal year (from the grade date), and those with no grade date. *: the target grades are Michi's reading, not the document's.",
        ),
        theme.dim,
    );
    out.wrapped(no_promotions(lang), theme.dim);
    let unstated: Vec<&str> = t
        .trainings
        .iter()
        .filter(|r| r.audience == "unstated")
        .map(|r| r.name.as_str())
        .collect();
    if !unstated.is_empty() {
        let names = unstated.join(lang.pick("、", ", "));
        out.wrapped(
            &match lang {
                Lang::Ja => format!(
                    "対象職級の定めのない研修 {} 件は数えていません: {names}",
                    unstated.len()
                ),
                Lang::En => format!(
                    "{} trainings name no target grades and are not counted: {names}",
                    unstated.len()
                ),
            },
            theme.text,
        );
    }
    out.wrapped(
        lang.pick(
            "職員の計画ファイルで計画・提案された研修の数は michi roster --plans で出力します。",
            "How many plan a training or are suggested it: michi roster --plans (from employees' plan files).",
        ),
        theme.dim,
    );
}

/// A training's counts beside its name (wrapped in the name column), then its target grades.
fn training_row(
    row: &TrainingDemandRow,
    shown: &[usize],
    [name_w, new_w, no_date_w]: [usize; 3],
    lang: Lang,
    out: &mut Rows,
) {
    let theme = out.theme;
    let mark = if row.grades_illustrative { "*" } else { "" };
    let name = crate::text::wrap(
        &theme.text(&format!("{}{mark}", row.name)),
        name_w.saturating_sub(1).max(1),
    );
    let mut counts = String::new();
    for &i in shown {
        counts.push_str(&number(row.staff.get(i).copied().unwrap_or(0), YEAR_W));
    }
    counts.push_str(&number(row.entered_this_year, new_w));
    counts.push_str(&number(row.no_grade_since, no_date_w));
    for (k, part) in name.iter().enumerate() {
        let text = if k == 0 {
            format!("{}{counts}", theme.cell(part, name_w))
        } else {
            part.clone()
        };
        out.line(&text, theme.text);
    }
    let grades = if row.audience == "all_grades" {
        lang.pick("全職級", "every grade").to_string()
    } else {
        row.grades.join(lang.pick("・", ", "))
    };
    let grades = match lang {
        Lang::Ja => format!("対象: {grades}{mark}"),
        Lang::En => format!("For: {grades}{mark}"),
    };
    out.lines
        .extend(crate::tui::view::hanging("  ", &grades, out.columns, theme.dim, theme));
}
