//! 「これからの10年」: the fiscal years from today to 定年 as rows (age, management posts,
//! pay, what happens), the ways of working after 60 and the rules with their sources; the
//! selected row in full below. Every value is marked as the national rules' default
//! (［国］) or the city's (［市］).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::describe::next10::{
    city_values, event_title, event_when, event_whose, legend, management_line, option_conditions, option_period,
    option_title, pay_cell, posts_cell, retirement_line, rule_cite, rule_source, special_note, today_line, year_events,
};
use crate::engine::next_ten::{EventKind, NextTen};
use crate::i18n::Lang;
use crate::model::{Profile, fiscal_year_label};
use crate::text::{pad_right, truncate, width};
use crate::tui::state::{Doc, NextTenRow, State, next_ten, next10_rows};
use crate::tui::theme::Theme;
use crate::tui::view::{block, marked, scroll_offset, wrapped};

/// `text` cut to `columns`, marked "…" (or "..." with ASCII, since "…" is drawn two columns
/// wide by some CJK terminals).
fn clip(text: &str, columns: usize, ascii: bool) -> String {
    if !ascii || width(text) <= columns || columns < 3 {
        return truncate(text, columns);
    }
    let mut cut = truncate(text, columns - 2);
    cut.pop();
    cut.push_str("...");
    cut
}

/// A cell of the table: [`clip`]ped and padded to exactly `columns`.
fn cell(text: &str, columns: usize, ascii: bool) -> String {
    pad_right(&clip(text, columns, ascii), columns)
}

/// The widths of the year table's columns.
struct Columns {
    fy: usize,
    age: usize,
    /// Zero when 役職定年 does not concern the employee.
    posts: usize,
    pay: usize,
}

impl Columns {
    fn new(n: &NextTen, lang: Lang) -> Columns {
        let fy = n
            .years
            .iter()
            .map(|y| width(&fiscal_year_label(y.fy, lang)))
            .fold(width(lang.pick("年度", "FY")), usize::max)
            + 2;
        Columns {
            fy,
            age: 6,
            posts: if n.management.concerns_employee() { 8 } else { 0 },
            pay: 6,
        }
    }

    /// Columns before the events: where a row that is not a year puts its period.
    fn lead(&self) -> usize {
        self.fy + self.age + self.posts + self.pay
    }
}

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme) {
    let lang = state.lang();
    let n = next_ten(doc);
    let [top, bottom] = Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let title = match lang {
        Lang::Ja => format!(
            "これからの10年（{}・{}歳）  ［国］国の制度 ［市］市の定め",
            n.today, n.age
        ),
        Lang::En => format!(
            "Next ten years ({}, age {})  [national] default  [city] the city's",
            n.today, n.age
        ),
    };
    let outer = block(&title, theme);
    let inner = outer.inner(top);
    frame.render_widget(outer, top);
    let width_all = usize::from(inner.width);
    let columns = Columns::new(&n, lang);
    let ascii = theme.ascii;
    let mut lines = vec![
        Line::styled(clip(&summary(&n, lang), width_all, ascii), theme.accent),
        Line::styled(
            clip(
                &format!(
                    "  {}{}{}{}{}",
                    cell(lang.pick("年度", "FY"), columns.fy, ascii),
                    cell(lang.pick("年齢", "Age"), columns.age, ascii),
                    cell(lang.pick("管理職", "Mgmt"), columns.posts, ascii),
                    cell(lang.pick("給与", "Pay"), columns.pay, ascii),
                    lang.pick("できごと", "What happens"),
                ),
                width_all,
                ascii,
            ),
            theme.dim,
        ),
    ];
    let rows = next10_rows(&n);
    // Options and rules put their title where a year has its columns, widened to fit.
    let title_w = rows
        .iter()
        .filter(|r| !matches!(r, NextTenRow::Year(_)))
        .map(|r| width(&row_title(*r, lang)) + 2)
        .max()
        .unwrap_or(0)
        .min(width_all.saturating_sub(2 + PERIOD_WIDTH))
        .max(columns.lead());
    let selected = doc.selected.next10.index(&rows);
    let height = usize::from(inner.height).saturating_sub(lines.len());
    let offset = scroll_offset(selected, height);
    for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
        let text = clip(
            &row_text(&n, *row, &columns, title_w, ascii, lang),
            width_all.saturating_sub(2),
            ascii,
        );
        let style = match row {
            _ if i == selected => theme.selected,
            NextTenRow::Year(fy) if *fy == n.today.fiscal_year() => theme.accent,
            NextTenRow::Year(_) => theme.text,
            _ => theme.dim,
        };
        lines.push(Line::styled(marked(&text, i == selected, width_all, theme), style));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    let detail = block(lang.pick("選んだ行と根拠", "The selected row and its sources"), theme);
    let detail_inner = detail.inner(bottom);
    frame.render_widget(detail, bottom);
    // The rules in full where they fit (120×40), in a few words where they do not.
    let height = usize::from(detail_inner.height);
    let detail = |full| match rows.get(selected) {
        Some(row) => detail_lines(
            &doc.profile,
            &n,
            *row,
            usize::from(detail_inner.width),
            full,
            theme,
            lang,
        ),
        None => Vec::new(),
    };
    let full = detail(true);
    let lines = if full.len() <= height { full } else { detail(false) };
    frame.render_widget(Paragraph::new(fit(lines, height, theme)), detail_inner);
}

/// 定年 and 役職定年 in one line.
fn summary(n: &NextTen, lang: Lang) -> String {
    let mut text = retirement_line(n, lang);
    if n.management.concerns_employee()
        && let Some(posts) = n.event(EventKind::ManagementPostsEnd)
    {
        text.push_str(&match lang {
            Lang::Ja => format!("  役職定年 {}", posts.date),
            Lang::En => format!("; 役職定年 {}", posts.date),
        });
    }
    if n.retired() {
        text.push_str(lang.pick("  （定年退職日を過ぎています）", " (past retirement)"));
    }
    text
}

/// Room for a period: `2028-08-11 to 2034-03-31`.
const PERIOD_WIDTH: usize = 24;

/// What a row that is not a year is called.
fn row_title(row: NextTenRow, lang: Lang) -> String {
    match row {
        NextTenRow::Year(fy) => fiscal_year_label(fy, lang),
        NextTenRow::Option(kind) => format!("{}{}", lang.pick("選択肢: ", "Option: "), option_title(kind, lang)),
        NextTenRow::Rule(rule) => format!("{}{}", lang.pick("根拠: ", "Rule: "), rule.title(lang)),
        NextTenRow::City => lang
            .pick("市の定め（プロファイルの値と出典）", "The city's values and sources")
            .into(),
    }
}

fn row_text(n: &NextTen, row: NextTenRow, columns: &Columns, title_w: usize, ascii: bool, lang: Lang) -> String {
    let cell = |text: &str, columns: usize| cell(text, columns, ascii);
    match row {
        NextTenRow::Year(fy) => {
            let Some(year) = n.years.iter().find(|y| y.fy == fy) else {
                return String::new();
            };
            format!(
                "{}{}{}{}{}",
                cell(&fiscal_year_label(fy, lang), columns.fy),
                cell(&format!("{}{}", year.age, lang.pick("歳", "")), columns.age),
                cell(posts_cell(year, lang), columns.posts),
                cell(&pay_cell(year), columns.pay),
                year_events(n, year, lang)
            )
        }
        NextTenRow::Option(kind) => {
            let period = n
                .options
                .iter()
                .find(|o| o.kind == kind)
                .map(|o| option_period(o, lang))
                .unwrap_or_default();
            format!("{}{period}", cell(&row_title(row, lang), title_w))
        }
        NextTenRow::Rule(rule) => format!("{}{}", cell(&row_title(row, lang), title_w), rule.cite()),
        NextTenRow::City => row_title(row, lang),
    }
}

/// The selected row in full.
fn detail_lines(
    profile: &Profile,
    n: &NextTen,
    row: NextTenRow,
    columns: usize,
    full: bool,
    theme: &Theme,
    lang: Lang,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let line = |text: String, style: Style| Line::styled(clip(&text, columns, theme.ascii), style);
    match row {
        NextTenRow::Year(fy) => {
            let Some(year) = n.years.iter().find(|y| y.fy == fy) else {
                return lines;
            };
            lines.push(line(
                format!(
                    "{} {}{}",
                    fiscal_year_label(fy, lang),
                    year.age,
                    lang.pick("歳（年度末）", " (by the year's end)")
                ),
                theme.title,
            ));
            let events: Vec<_> = n.events.iter().filter(|e| e.date.fiscal_year() == fy).collect();
            if year.current {
                lines.extend(wrapped(&today_line(n, lang), columns, theme.text));
                if n.management.concerns_employee() && n.event(EventKind::ManagementPostsEnd).is_some() {
                    lines.extend(wrapped(&management_line(profile, n, lang), columns, theme.accent));
                }
                if full {
                    // The whole time line at a glance.
                    lines.push(line(lang.pick("主な日付", "Key dates").to_string(), theme.title));
                    for e in &n.events {
                        lines.push(line(
                            format!(
                                "  {} {}{}",
                                event_when(e, lang),
                                event_title(n, e, lang),
                                event_whose(n, e).mark(lang)
                            ),
                            if e.past { theme.dim } else { theme.text },
                        ));
                    }
                }
            } else if events.is_empty() {
                lines.extend(wrapped(&year_events(n, year, lang), columns, theme.dim));
            }
            for e in events {
                let past = if e.past { lang.pick("（済）", " (past)") } else { "" };
                lines.push(line(
                    format!(
                        "{} {}{}{past}",
                        e.date,
                        event_title(n, e, lang),
                        event_whose(n, e).mark(lang)
                    ),
                    if e.past { theme.dim } else { theme.text },
                ));
                match (&n.special, e.kind) {
                    (Some(s), EventKind::Retirement) => lines.push(line(format!("  {}", s.source), theme.dim)),
                    _ if full => {
                        lines.extend(wrapped(&format!("  {}", e.rule.summary(lang)), columns, theme.text));
                        lines.extend(wrapped(&format!("  {}", rule_source(e.rule, lang)), columns, theme.dim));
                    }
                    _ => lines.push(line(format!("  {}", e.rule.cite()), theme.dim)),
                }
                if e.kind == EventKind::ManagementPostsEnd {
                    lines.extend(wrapped(
                        &format!("  {}", management_line(profile, n, lang)),
                        columns,
                        theme.accent,
                    ));
                }
            }
        }
        NextTenRow::Option(kind) => {
            let Some(option) = n.options.iter().find(|o| o.kind == kind) else {
                return lines;
            };
            lines.push(line(
                format!("{}  {}", option_title(kind, lang), option_period(option, lang)),
                theme.title,
            ));
            for condition in option_conditions(n, option, lang) {
                lines.extend(wrapped(&condition, columns, theme.text));
            }
            if full {
                lines.extend(wrapped(&rule_source(option.rule, lang), columns, theme.dim));
            } else {
                lines.extend(wrapped(&rule_cite(option.rule, lang), columns, theme.dim));
            }
        }
        NextTenRow::Rule(rule) => {
            lines.push(line(rule.title(lang).to_string(), theme.title));
            lines.extend(wrapped(rule.summary(lang), columns, theme.text));
            let source = if full {
                rule_source(rule, lang)
            } else {
                rule_cite(rule, lang)
            };
            lines.extend(wrapped(&source, columns, theme.dim));
        }
        NextTenRow::City => {
            lines.extend(wrapped(&management_line(profile, n, lang), columns, theme.text));
            for value in city_values(profile, n, lang) {
                lines.extend(wrapped(&value, columns, theme.text));
            }
            if let Some(note) = special_note(n, lang) {
                lines.extend(wrapped(note, columns, theme.warn));
            }
            for text in legend(lang) {
                lines.extend(wrapped(text, columns, theme.dim));
            }
        }
    }
    lines
}

/// At most `height` lines; the last one says more is cut.
fn fit(mut lines: Vec<Line<'static>>, height: usize, theme: &Theme) -> Vec<Line<'static>> {
    if lines.len() > height && height > 0 {
        lines.truncate(height - 1);
        lines.push(Line::styled(if theme.ascii { "..." } else { "…" }, theme.dim));
    }
    lines
}
