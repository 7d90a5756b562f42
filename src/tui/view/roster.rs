//! The roster screen (人事課の名簿レポート): the page tabs on the tab line, then a block
//! with who and what was read (two fixed lines) above the page, which scrolls. The pages
//! draw the figures `michi roster` prints: the retirement wave as bars by fiscal year (the
//! zero years of the age steps kept and said), the age pyramid as bars per band (all staff,
//! or one series and grade with `f`), 役職定年 by year × grade with the names, who gets the
//! information and 意思確認 this and next year, and the rows that could not be used.
//!
//! The page's rows are laid out by [`rows`] for drawing and scrolling alike, so both agree on
//! how many there are at a width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::engine::national::Rule;
use crate::engine::retirement_age_in_force;
use crate::engine::roster::ListedPerson;
use crate::i18n::Lang;
use crate::tui::state::{Hit, RosterPage, RosterScreen, State};
use crate::tui::theme::Theme;
use crate::tui::view::{HitMap, block, body_area};

/// Lines of the block above the scrolled part: the file and the counts.
const HEADING: usize = 2;

/// The screen's area: the tab line and the body below it.
fn screen_area(state: &State) -> Rect {
    let body = body_area(state);
    Rect {
        y: body.y.saturating_sub(1),
        height: body.height.saturating_add(1),
        ..body
    }
}

/// The page's width inside its block.
pub(crate) fn page_columns(state: &State) -> usize {
    usize::from(screen_area(state).width.saturating_sub(2))
}

/// Rows of the page the screen shows at once.
pub(crate) fn visible_rows(state: &State) -> usize {
    usize::from(screen_area(state).height).saturating_sub(1 + 2 + HEADING)
}

/// How far the page can scroll before its last row is at the bottom.
pub(crate) fn scroll_limit(state: &State) -> usize {
    let Some(roster) = &state.roster else { return 0 };
    rows(state, roster, page_columns(state), &state.theme())
        .lines
        .len()
        .saturating_sub(visible_rows(state))
}

pub fn draw(frame: &mut Frame, state: &State, roster: &RosterScreen, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let tabs = Rect { height: 1, ..area };
    let body = Rect {
        y: area.y.saturating_add(1),
        height: area.height.saturating_sub(1),
        ..area
    };
    draw_tabs(frame, state, roster, tabs, theme, hits);

    let title = match lang {
        Lang::Ja => format!("名簿レポート: {}（読み取り専用）", roster.page.title(lang)),
        Lang::En => format!("Roster report: {} (read-only)", roster.page.title(lang)),
    };
    let outer = block(&theme.cut(&title, usize::from(body.width.saturating_sub(4))), theme);
    let inner = outer.inner(body);
    let columns = usize::from(inner.width);
    let Laid {
        lines: rows,
        hits: row_hits,
    } = rows(state, roster, columns, theme);
    let visible = usize::from(inner.height).saturating_sub(HEADING);
    let scroll = roster.scroll.min(rows.len().saturating_sub(visible));
    // The clickable rows on screen.
    for (index, hit) in row_hits {
        if let Some(shown) = index.checked_sub(scroll).filter(|i| *i < visible) {
            let rect = super::row_rect(inner, HEADING + shown);
            hits.add(rect, hit);
        }
    }
    let outer = if rows.len() > visible {
        let shown_to = (scroll + visible).min(rows.len());
        outer.title_bottom(Line::styled(
            format!(" {}-{}/{} ", scroll + 1, shown_to, rows.len()),
            theme.dim,
        ))
    } else {
        outer
    };
    frame.render_widget(outer, body);
    let mut lines: Vec<Line> = heading(state, roster, theme)
        .into_iter()
        .map(|h| Line::styled(theme.cut(&h, columns), theme.accent))
        .collect();
    lines.extend(rows.into_iter().skip(scroll).take(visible));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_tabs(frame: &mut Frame, state: &State, roster: &RosterScreen, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    // Numbered full titles when they fit on the line (a column apart, else side by side),
    // the short titles alone side by side else (80 columns); the block's title always names
    // the page in full. Each label is padded by a column either side (or bracketed).
    let full = |i: usize, page: RosterPage| format!("{} {}", i + 1, page.title(lang));
    let line_width = |label: &dyn Fn(usize, RosterPage) -> String, gap: usize| {
        RosterPage::ALL
            .iter()
            .enumerate()
            .map(|(i, p)| theme.width(&label(i, *p)) + 2 + gap)
            .sum::<usize>()
            + 1
    };
    let room = usize::from(area.width);
    let (fits, gap): (bool, u16) = if line_width(&full, 1) <= room {
        (true, 1)
    } else {
        (line_width(&full, 0) <= room, 0)
    };
    let mut spans = vec![Span::raw(" ")];
    let mut x = area.x.saturating_add(1);
    for (i, page) in RosterPage::ALL.iter().enumerate() {
        let active = *page == roster.page;
        let label = if fits {
            full(i, *page)
        } else {
            page.short_title(lang).to_string()
        };
        let label = if active {
            format!("[{label}]")
        } else {
            format!(" {label} ")
        };
        let w = u16::try_from(theme.width(&label)).unwrap_or(u16::MAX);
        let rect = Rect {
            x,
            width: w,
            height: 1,
            ..area
        };
        hits.add(rect.intersection(area), Hit::RosterPage(*page));
        x = x.saturating_add(w.saturating_add(gap));
        spans.push(Span::styled(label, if active { theme.tab_active } else { theme.dim }));
        spans.push(Span::raw(" ".repeat(usize::from(gap))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The file, the profile and the as-of date; the counts of rows.
fn heading(state: &State, roster: &RosterScreen, theme: &Theme) -> Vec<String> {
    let lang = state.lang();
    let s = &roster.run.report.summary;
    let g = crate::text::grouped;
    let file = roster
        .path
        .file_name()
        .map(|n| crate::text::escape_controls(&n.to_string_lossy()))
        .unwrap_or_default();
    let encoding = roster.run.encoding.map(|e| e.name()).unwrap_or("xlsx");
    let dot = theme.glyphs.divider;
    vec![
        match lang {
            Lang::Ja => format!("{file} {dot} {} {dot} 基準日 {} {dot} {encoding}", roster.city, s.as_of),
            Lang::En => format!("{file} {dot} {} {dot} as of {} {dot} {encoding}", roster.city, s.as_of),
        },
        match lang {
            Lang::Ja => format!(
                "読んだ行 {} {dot} 使った行 {} {dot} 使えなかった行 {} {dot} 定年を過ぎた在職者 {}",
                g(s.read),
                g(s.used),
                g(s.skipped),
                g(s.past_retirement)
            ),
            Lang::En => format!(
                "{} rows read {dot} {} used {dot} {} not used {dot} {} past retirement age",
                g(s.read),
                g(s.used),
                g(s.skipped),
                g(s.past_retirement)
            ),
        },
    ]
}

/// The page's rows at `columns`.
/// A page laid out: its lines, and the ones a click selects something on (by line).
pub(crate) struct Laid {
    pub(crate) lines: Vec<Line<'static>>,
    pub(crate) hits: Vec<(usize, Hit)>,
}

pub(crate) fn rows(state: &State, roster: &RosterScreen, columns: usize, theme: &Theme) -> Laid {
    let mut out = Rows {
        lines: Vec::new(),
        hits: Vec::new(),
        columns,
        theme,
    };
    match roster.page {
        RosterPage::Retirements => retirements(state, roster, &mut out),
        RosterPage::Pyramid => pyramid(state, roster, &mut out),
        RosterPage::ManagementLimits => management_limits(state, roster, &mut out),
        RosterPage::TurningSixty => turning_sixty(state, roster, &mut out),
        RosterPage::Succession => super::roster_plan::succession(state, roster, &mut out),
        RosterPage::TrainingDemand => super::roster_plan::training_demand(state, roster, &mut out),
        RosterPage::Rotation => super::roster_rotation::rotation(state, roster, &mut out),
        RosterPage::Problems => problems(state, roster, &mut out),
    }
    Laid {
        lines: out.lines,
        hits: out.hits,
    }
}

/// Rows being laid out, cut or wrapped to the block's width.
pub(super) struct Rows<'t> {
    pub(super) lines: Vec<Line<'static>>,
    /// Lines a click lands on, by index into `lines`.
    pub(super) hits: Vec<(usize, Hit)>,
    pub(super) columns: usize,
    pub(super) theme: &'t Theme,
}

impl Rows<'_> {
    pub(super) fn line(&mut self, text: &str, style: Style) {
        self.lines.push(Line::styled(self.theme.cut(text, self.columns), style));
    }

    pub(super) fn wrapped(&mut self, text: &str, style: Style) {
        let lines = self.theme.wrap(text, self.columns.max(1), style);
        self.lines.extend(lines);
    }

    /// Makes the next line pushed a target for clicks.
    pub(super) fn hit_next(&mut self, hit: Hit) {
        self.hits.push((self.lines.len(), hit));
    }

    pub(super) fn blank(&mut self) {
        self.lines.push(Line::from(""));
    }

    pub(super) fn spans(&mut self, spans: Vec<Span<'static>>) {
        self.lines.push(Line::from(spans));
    }

    /// A bar of `count` against `max` in `room` columns (at least one block for any count).
    pub(super) fn bar(&self, count: u64, max: u64, room: usize) -> String {
        self.bar_of(self.theme.glyphs.bar_have, count, max, room)
    }

    /// A bar as [`Rows::bar`], of `glyph`.
    pub(super) fn bar_of(&self, glyph: &str, count: u64, max: u64, room: usize) -> String {
        // A glyph laid out two columns wide (--ambiguous-wide) fits half as many times.
        let room = room / self.theme.width(glyph).max(1);
        if count == 0 || max == 0 || room == 0 {
            return String::new();
        }
        let room = room as u64;
        let n = (count * room).div_ceil(max).clamp(1, room);
        glyph.repeat(usize::try_from(n).unwrap_or(0))
    }
}

/// A count right-aligned in `w` columns.
pub(super) fn number(n: u64, w: usize) -> String {
    format!("{n:>w$}")
}

fn retirements(state: &State, roster: &RosterScreen, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    let ret = &roster.run.report.retirements;
    let fy_w = ret
        .fiscal_years
        .iter()
        .map(|fy| theme.width(&state.fy(*fy)))
        .max()
        .unwrap_or(4)
        .max(theme.width(lang.pick("年度", "FY")));
    let age_w = 4;
    let count_w = 6;
    let room = out.columns.saturating_sub(fy_w + 2 + age_w + count_w + 2);
    let totals: Vec<u64> = ret.counts.iter().map(|c| c.iter().sum()).collect();
    let max = if roster.by_series {
        ret.counts.iter().flatten().copied().max().unwrap_or(0)
    } else {
        totals.iter().copied().max().unwrap_or(0)
    };
    out.line(
        &format!(
            "{}  {}{}",
            theme.cell(lang.pick("年度", "FY"), fy_w),
            theme.cell(lang.pick("定年", "Age"), age_w),
            number_label(lang.pick("人数", "Staff"), count_w)
        ),
        theme.title,
    );
    for (i, fy) in ret.fiscal_years.iter().enumerate() {
        let total = totals.get(i).copied().unwrap_or(0);
        let age = ret.age_in_force.get(i).copied().unwrap_or(0);
        let head = format!(
            "{}  {}{}  ",
            theme.cell(&state.fy(*fy), fy_w),
            theme.cell(&format!("{age}"), age_w),
            number(total, count_w)
        );
        let stepped = total == 0 && age > retirement_age_in_force(fy - 1);
        if stepped {
            let note = lang.pick("定年退職なし（定年の引上げの年）", "none (the age steps up this year)");
            out.spans(vec![
                Span::styled(head, theme.text),
                Span::styled(theme.cut(note, room), theme.dim),
            ]);
        } else if roster.by_series {
            out.line(&head, theme.text);
        } else {
            out.spans(vec![
                Span::styled(head, theme.text),
                Span::styled(out.bar(total, max, room), theme.bar_current),
            ]);
        }
        if roster.by_series && total > 0 {
            let counts = ret.counts.get(i).map(Vec::as_slice).unwrap_or(&[]);
            for (series, n) in ret.series.iter().zip(counts).filter(|(_, n)| **n > 0) {
                let label = theme.cell(&format!("  {series}"), fy_w + 2 + age_w);
                out.spans(vec![
                    Span::styled(format!("{label}{}  ", number(*n, count_w)), theme.text),
                    Span::styled(out.bar(*n, max, room), theme.bar_current),
                ]);
            }
        }
    }
    out.blank();
    let how = if roster.by_series {
        lang.pick("職種別（f で合計）", "by series (f: totals)")
    } else {
        lang.pick("合計（f で職種別）", "totals (f: by series)")
    };
    out.line(how, theme.dim);
    out.wrapped(
        &format!("{}: {}", Rule::RetirementAge.title(lang), Rule::RetirementAge.source()),
        theme.dim,
    );
    for special in &roster.run.report.retirements.special_ages {
        let label = lang.pick(
            "特例定年（プロファイルの条例による）",
            "特例定年 (the profile's ordinance)",
        );
        out.wrapped(&format!("{label}: {}", special.text(lang)), theme.text);
    }
}

/// A column heading right-aligned in `w` columns.
pub(super) fn number_label(label: &str, w: usize) -> String {
    let pad = w.saturating_sub(crate::text::width(label));
    format!("{}{label}", " ".repeat(pad))
}

fn pyramid(state: &State, roster: &RosterScreen, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    let py = &roster.run.report.age_pyramid;
    let chosen = roster.pyramid_row.and_then(|i| py.rows.get(i));
    let counts: Vec<u64> = match chosen {
        Some(row) => row.counts.clone(),
        None => (0..py.bands.len())
            .map(|b| py.rows.iter().filter_map(|r| r.counts.get(b)).sum())
            .collect(),
    };
    let total: u64 = counts.iter().sum();
    let what = match (chosen, lang) {
        (Some(row), Lang::Ja) => format!(
            "{} {}（{}/{}、f で次の職級）: {total} 人",
            row.series,
            row.grade,
            roster.pyramid_row.unwrap_or(0) + 1,
            py.rows.len()
        ),
        (Some(row), Lang::En) => format!(
            "{} {} ({}/{}; f: next grade): {total} staff",
            row.series,
            row.grade,
            roster.pyramid_row.unwrap_or(0) + 1,
            py.rows.len()
        ),
        (None, Lang::Ja) => format!("全職員（f で職級ごと）: {total} 人"),
        (None, Lang::En) => format!("All staff (f: grade by grade): {total} staff"),
    };
    out.line(&what, theme.title);
    let band_w = py.bands.iter().map(|b| theme.width(b)).max().unwrap_or(6).max(6);
    let count_w = 6;
    let room = out.columns.saturating_sub(band_w + count_w + 3);
    let max = counts.iter().copied().max().unwrap_or(0);
    // The oldest band on top, as a pyramid stands.
    for (band, n) in py.bands.iter().zip(&counts).rev() {
        out.spans(vec![
            Span::styled(
                format!("{}{}  ", theme.cell(band, band_w), number(*n, count_w)),
                theme.text,
            ),
            Span::styled(out.bar(*n, max, room), theme.bar_current),
        ]);
    }
    out.blank();
    out.line(
        lang.pick("職種・職級ごとの人数", "Staff by series and grade"),
        theme.title,
    );
    let name_w = out.columns.saturating_sub(count_w + 4).min(40);
    for (i, row) in py.rows.iter().enumerate() {
        let text = format!(
            "{}{}",
            theme.cell(&format!("{} {}", row.series, row.grade), name_w),
            number(row.total, count_w)
        );
        let style = if Some(i) == roster.pyramid_row {
            theme.accent
        } else {
            theme.text
        };
        out.line(&theme.marked(&text, Some(i) == roster.pyramid_row, out.columns), style);
    }
}

fn management_limits(state: &State, roster: &RosterScreen, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    let ml = &roster.run.report.management_limits;
    if ml.grades.is_empty() {
        out.wrapped(
            lang.pick(
                "プロファイルに役職定年の対象となる職級がありません",
                "The profile names no grade the limit applies to",
            ),
            theme.text,
        );
    } else {
        let fy_w = ml
            .fiscal_years
            .iter()
            .map(|fy| theme.width(&state.fy(*fy)))
            .max()
            .unwrap_or(4);
        let n = ml.grades.len();
        let col_w = (out.columns.saturating_sub(fy_w) / n.max(1)).clamp(4, 20);
        // Grades of several series can share a name (課長): their series goes above them.
        let several = ml
            .grades
            .iter()
            .any(|[series, _]| ml.grades.first().is_some_and(|[s, _]| s != series));
        if several {
            let mut series_line = " ".repeat(fy_w);
            for [series, _] in &ml.grades {
                series_line.push_str(&number_label(&theme.cut(series, col_w - 1), col_w));
            }
            out.line(&series_line, theme.title);
        }
        let mut header = theme.cell(lang.pick("年度", "FY"), fy_w);
        for [_, grade] in &ml.grades {
            header.push_str(&number_label(&theme.cut(grade, col_w - 1), col_w));
        }
        out.line(&header, theme.title);
        for (fy, counts) in ml.fiscal_years.iter().zip(&ml.table) {
            let mut row = theme.cell(&state.fy(*fy), fy_w);
            for c in counts {
                row.push_str(&number(*c, col_w));
            }
            out.line(&row, theme.text);
        }
        out.blank();
        out.line(
            &match lang {
                Lang::Ja => format!(
                    "役職定年を迎える人（{} 人、日付順）",
                    ml.listed.len() as u64 + ml.unlisted
                ),
                Lang::En => format!(
                    "Who reaches the limit ({}, by date)",
                    ml.listed.len() as u64 + ml.unlisted
                ),
            },
            theme.title,
        );
        people(out, &ml.listed, ml.unlisted, lang);
    }
    out.blank();
    for rule in [Rule::ManagementPostAge, Rule::ManagementPostExtension] {
        out.wrapped(&format!("{}: {}", rule.title(lang), rule.source()), theme.dim);
    }
}

fn people(out: &mut Rows, list: &[ListedPerson], unlisted: u64, lang: Lang) {
    let theme = out.theme;
    if list.is_empty() {
        out.line(lang.pick("  該当者なし", "  nobody"), theme.dim);
    }
    for p in list {
        let text = format!(
            "  {}  {}  {}  {}",
            p.date,
            theme.cell(&p.id, 10),
            theme.cell(&format!("{} {}", p.series, p.grade), 24),
            p.name
        );
        out.line(&text, theme.text);
    }
    if unlisted > 0 {
        out.line(
            &match lang {
                Lang::Ja => format!("  ほか {unlisted} 人（一覧は michi roster --format json で）"),
                Lang::En => format!("  and {unlisted} more (all with michi roster --format json)"),
            },
            theme.dim,
        );
    }
}

fn turning_sixty(state: &State, roster: &RosterScreen, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    let t = &roster.run.report.turning_60;
    let first = roster.run.report.summary.first_fy;
    for (offset, list) in [(0, &t.this_year), (1, &t.next_year)] {
        let (when, sixty) = (state.fy(first + offset), state.fy(first + offset + 1));
        out.line(
            &match lang {
                Lang::Ja => format!("{when}に情報提供・意思確認（{sixty}に60歳）: {} 人", list.len()),
                Lang::En => format!("Informed and asked in {when} (60 in {sixty}): {}", list.len()),
            },
            theme.title,
        );
        people(out, list, 0, lang);
        out.blank();
    }
    if t.unlisted > 0 {
        out.line(
            &match lang {
                Lang::Ja => format!("ほか {} 人（一覧は michi roster --format json で）", t.unlisted),
                Lang::En => format!("and {} more (all with michi roster --format json)", t.unlisted),
            },
            theme.dim,
        );
    }
    let rule = Rule::InformationAndIntent;
    out.wrapped(&format!("{}: {}", rule.title(lang), rule.source()), theme.dim);
}

fn problems(state: &State, roster: &RosterScreen, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    let run = &roster.run;
    if run.problem_counts.is_empty() {
        out.line(
            lang.pick("使えなかった行はありません", "Every row was used"),
            theme.good,
        );
        return;
    }
    out.line(lang.pick("理由ごとの行数", "Rows by reason"), theme.title);
    for (kind, n) in &run.problem_counts {
        out.line(
            &format!(
                "  {}  {}",
                number(*n, 8),
                crate::store::roster::RowReason::kind_label(kind, lang)
            ),
            theme.text,
        );
    }
    out.blank();
    out.line(
        lang.pick(
            "行ごとの理由（行番号は見出しを1行目として）",
            "Row by row (the header is row 1)",
        ),
        theme.title,
    );
    for p in &run.problems {
        let column = p.column.as_deref().map(|c| format!("「{c}」")).unwrap_or_default();
        let prefix = match lang {
            Lang::Ja => format!("  行 {:>7} {column}: ", p.row),
            Lang::En => format!("  row {:>7} {column}: ", p.row),
        };
        let lines = crate::tui::view::hanging(&prefix, &p.reason.text(lang), out.columns, theme.text, theme);
        out.lines.extend(lines);
    }
    let listed = run.problems.len() as u64;
    if run.report.summary.skipped > listed {
        out.line(
            &match lang {
                Lang::Ja => format!(
                    "ほか {} 行（最初の {listed} 行を表示。すべての数は上の表のとおり）",
                    run.report.summary.skipped - listed
                ),
                Lang::En => format!(
                    "and {} more (the first {listed} listed; the counts above are for all)",
                    run.report.summary.skipped - listed
                ),
            },
            theme.dim,
        );
    }
}
