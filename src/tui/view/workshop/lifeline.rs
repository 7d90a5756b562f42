//! The life-line page (ライフラインチャート): the 充実度 of each year from hire to retirement,
//! drawn in braille on a canvas (or with plain `*` marks in `--ascii`), the selected year
//! highlighted; beside it (or below, when the years need the width) the selected year's
//! events and note; under it the years written so far.
//!
//! Every year gets the same number of columns (one at 80 columns, two or three when there is
//! room); a career too long for the width shows a window of years around the selection.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::widgets::canvas::{Canvas, Painter, Shape};

use crate::engine::{LifeEvent, LifelineChart, LifelineRow, Tense};
use crate::i18n::Lang;
use crate::model::fiscal_year_label;
use crate::text::{truncate, wrap};
use crate::tui::state::{Doc, Hit, State};
use crate::tui::theme::Theme;
use crate::tui::view::{HitMap, cell, marked, row_rect, scroll_offset};

/// The score labels and the axis: "+5 ┤".
const LABEL_W: u16 = 4;
/// The narrowest details pane beside the chart.
const SIDE_MIN: u16 = 26;
/// Plot rows: one per score, or two per score when the screen is tall.
const SHORT_PLOT: u16 = 11;
const TALL_PLOT: u16 = 21;
/// Rows the page keeps under a tall plot.
const TALL_KEEPS: u16 = 10;

/// Where the years go across the plot.
#[derive(Debug, Clone, Copy)]
struct Columns {
    /// Index (into the chart's years) of the first year shown.
    first: usize,
    /// Years shown.
    shown: usize,
    /// Columns per year.
    per: u16,
}

impl Columns {
    fn new(years: usize, plot_cols: u16, selected: usize) -> Columns {
        let room = usize::from(plot_cols.max(1));
        let per = u16::try_from((room / years.max(1)).clamp(1, 3)).unwrap_or(1);
        let shown = years.min(room / usize::from(per));
        let first = selected.saturating_sub(shown / 2).min(years.saturating_sub(shown));
        Columns { first, shown, per }
    }

    fn width(self) -> u16 {
        u16::try_from(self.shown).unwrap_or(u16::MAX).saturating_mul(self.per)
    }

    /// The column a year's mark stands in (relative to the plot), for a year's index into
    /// the chart; negative or past the width for years outside the window.
    fn mark_col(self, index: usize) -> i64 {
        let rel = i64::try_from(index).unwrap_or(0) - i64::try_from(self.first).unwrap_or(0);
        rel * i64::from(self.per) + i64::from((self.per - 1) / 2)
    }

    /// The chart indices shown.
    fn indices(self) -> std::ops::Range<usize> {
        self.first..self.first + self.shown
    }
}

/// The plot row of a score, +5 at the top and −5 at the bottom of `rows`.
fn row_of(score: i8, rows: u16) -> u16 {
    let from_top = f64::from(5 - score.clamp(-5, 5));
    (from_top * f64::from(rows.saturating_sub(1)) / 10.0).round() as u16
}

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let chart = crate::engine::lifeline(&doc.profile, &doc.plan, doc.analysis.today);
    let selected = doc.lifeline_year();
    let years = chart.years.len();
    if years == 0 || area.width <= LABEL_W + 1 || area.height < 6 {
        return;
    }
    let plot_h = if area.height >= TALL_PLOT + 2 + TALL_KEEPS {
        TALL_PLOT
    } else {
        SHORT_PLOT.min(area.height.saturating_sub(5)).max(1)
    };
    let full = area.width - LABEL_W - 1;
    let with_side = full.saturating_sub(SIDE_MIN + 2);
    let side = years <= usize::from(with_side);
    let selected_index = usize::try_from(selected - chart.first_fy).unwrap_or(0);
    let cols = Columns::new(years, if side { with_side } else { full }, selected_index);
    let top = Rect {
        height: plot_h + 2,
        ..area
    }
    .intersection(area);
    let plot = Rect {
        x: area.x + LABEL_W,
        width: cols.width(),
        height: plot_h,
        ..area
    }
    .intersection(area);

    draw_axes(frame, &chart, cols, selected_index, plot, theme);
    if theme.ascii {
        draw_ascii(frame, &chart, cols, selected_index, plot, theme);
    } else {
        draw_braille(frame, &chart, cols, selected_index, plot, theme);
    }
    // The selected year stands out by its colour and by its marks (`^` under it, `|` or a
    // dotted line through it).
    let mark = cols.mark_col(selected_index) - i64::from((cols.per - 1) / 2);
    if let Ok(x) = u16::try_from(mark) {
        let column = Rect {
            x: plot.x.saturating_add(x),
            width: cols.per,
            ..plot
        }
        .intersection(plot);
        frame.buffer_mut().set_style(column, theme.selected);
    }
    for (rel, index) in cols.indices().enumerate() {
        let Some(row) = chart.years.get(index) else { continue };
        let x = u16::try_from(rel).unwrap_or(u16::MAX).saturating_mul(cols.per);
        let rect = Rect {
            x: plot.x.saturating_add(x),
            width: cols.per,
            ..top
        }
        .intersection(top);
        hits.add(rect, Hit::LifelineYear(row.fy));
    }

    let Some(row) = chart.year(selected) else { return };
    let chart_right = plot.right();
    let below = Rect {
        y: top.bottom(),
        height: area.bottom().saturating_sub(top.bottom()),
        ..area
    };
    if side {
        let pane = Rect {
            x: chart_right + 2,
            width: area.right().saturating_sub(chart_right + 2),
            ..top
        }
        .intersection(area);
        draw_details(frame, doc, row, pane, theme, lang);
        draw_written(frame, doc, &chart, below, theme, lang, hits);
    } else {
        let details = details_lines(doc, row, usize::from(area.width), theme, lang);
        let rows = u16::try_from(details.len())
            .unwrap_or(u16::MAX)
            .min(if below.height <= 4 {
                below.height
            } else {
                below.height - 2
            });
        let pane = Rect { height: rows, ..below };
        draw_details(frame, doc, row, pane, theme, lang);
        let rest = Rect {
            y: pane.bottom(),
            height: below.bottom().saturating_sub(pane.bottom()),
            ..below
        };
        draw_written(frame, doc, &chart, rest, theme, lang, hits);
    }
}

/// The score labels left of the plot, the axis under it (ticks every fifth year, `o` under a
/// year with events, `^` under the selected one) and the years every five.
fn draw_axes(frame: &mut Frame, chart: &LifelineChart, cols: Columns, selected: usize, plot: Rect, theme: &Theme) {
    let (side, labelled, corner, base, tick) = if theme.ascii {
        ('|', '|', '+', '-', '+')
    } else {
        ('│', '┤', '└', '─', '┴')
    };
    let mut lines: Vec<Line> = (0..plot.height)
        .map(|r| match (-5..=5).rev().find(|s| row_of(*s, plot.height) == r) {
            Some(score) => Line::styled(
                format!("{:>2} {labelled}", crate::describe::score_text(score)),
                theme.dim,
            ),
            None => Line::styled(format!("   {side}"), theme.dim),
        })
        .collect();
    let w = usize::from(cols.width());
    let mut axis: Vec<(char, Style)> = vec![(base, theme.dim); w];
    let mut labels = vec![' '; w];
    let mut free_from = 0;
    for index in cols.indices() {
        let Some(row) = chart.years.get(index) else { continue };
        let Ok(at) = usize::try_from(cols.mark_col(index)) else {
            continue;
        };
        let Some(slot) = axis.get_mut(at) else { continue };
        *slot = if index == selected {
            ('^', theme.accent)
        } else if !row.events.is_empty() {
            ('o', theme.text)
        } else if row.fy % 5 == 0 {
            (tick, theme.dim)
        } else {
            (base, theme.dim)
        };
        let year = row.fy.to_string();
        if row.fy % 5 == 0 && at >= free_from && at + year.len() <= w {
            for (i, c) in year.chars().enumerate() {
                if let Some(l) = labels.get_mut(at + i) {
                    *l = c;
                }
            }
            free_from = at + year.len() + 1;
        }
    }
    let mut axis_line = vec![Span::styled(format!("   {corner}"), theme.dim)];
    axis_line.extend(axis.into_iter().map(|(c, style)| Span::styled(c.to_string(), style)));
    lines.push(Line::from(axis_line));
    lines.push(Line::styled(
        format!("    {}", labels.into_iter().collect::<String>()),
        theme.dim,
    ));
    let rect = Rect {
        x: plot.x.saturating_sub(LABEL_W),
        width: plot.width.saturating_add(LABEL_W),
        height: plot.height + 2,
        ..plot
    }
    .intersection(frame.area());
    frame.render_widget(Paragraph::new(lines), rect);
}

/// `--ascii`: `*` at each score, the zero line `-` up to this year and `.` after it, `|`
/// through the selected year.
fn draw_ascii(frame: &mut Frame, chart: &LifelineChart, cols: Columns, selected: usize, plot: Rect, theme: &Theme) {
    let w = usize::from(plot.width);
    let h = plot.height;
    let zero = row_of(0, h);
    let mut grid: Vec<Vec<(char, Style)>> = vec![vec![(' ', theme.text); w]; usize::from(h)];
    for (rel, index) in cols.indices().enumerate() {
        let Some(row) = chart.years.get(index) else { continue };
        let line = if row.tense == Tense::Future { '.' } else { '-' };
        let from = rel * usize::from(cols.per);
        if let Some(cells) = grid.get_mut(usize::from(zero)) {
            for c in cells.iter_mut().skip(from).take(usize::from(cols.per)) {
                *c = (line, theme.dim);
            }
        }
        let Ok(at) = usize::try_from(cols.mark_col(index)) else {
            continue;
        };
        if index == selected {
            for cells in &mut grid {
                if let Some(c) = cells.get_mut(at) {
                    *c = ('|', theme.accent);
                }
            }
        }
        if let Some(score) = row.score
            && let Some(c) = grid.get_mut(usize::from(row_of(score, h))).and_then(|r| r.get_mut(at))
        {
            *c = ('*', theme.accent);
        }
    }
    let lines: Vec<Line> = grid
        .into_iter()
        .map(|cells| {
            Line::from(
                cells
                    .into_iter()
                    .map(|(c, style)| Span::styled(c.to_string(), style))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), plot);
}

/// Dots of one colour, in the canvas's own dot grid (x right, y down from the top).
struct Dots {
    dots: Vec<(i64, i64)>,
    color: Color,
}

impl Shape for Dots {
    fn draw(&self, painter: &mut Painter) {
        for &(x, y) in &self.dots {
            if let (Ok(x), Ok(y)) = (usize::try_from(x), usize::try_from(y)) {
                painter.paint(x, y, self.color);
            }
        }
    }
}

/// The dots of a straight line (Bresenham), ends included.
fn line_dots(from: (i64, i64), to: (i64, i64), dots: &mut Vec<(i64, i64)>) {
    let (mut x, mut y) = from;
    let (dx, dy) = ((to.0 - x).abs(), -(to.1 - y).abs());
    let (sx, sy) = (if x < to.0 { 1 } else { -1 }, if y < to.1 { 1 } else { -1 });
    let mut err = dx + dy;
    // A line spans at most the chart's dots; the bound keeps a bad input from looping.
    for _ in 0..=(dx - dy + 1).min(100_000) {
        dots.push((x, y));
        if (x, y) == to {
            break;
        }
        let e2 = 2 * err;
        if e2 >= dy {
            err += dy;
            x += sx;
        }
        if e2 <= dx {
            err += dx;
            y += sy;
        }
    }
}

/// Braille: the zero line (solid up to this year, dotted after), a dotted line through the
/// selected year, and the life-line joining the scored years with a blot at each.
fn draw_braille(frame: &mut Frame, chart: &LifelineChart, cols: Columns, selected: usize, plot: Rect, theme: &Theme) {
    let (w, h) = (i64::from(plot.width) * 2, i64::from(plot.height) * 4);
    if w == 0 || h == 0 {
        return;
    }
    let dot_y = |score: i8| i64::from(row_of(score, plot.height)) * 4 + 1;
    let dot_x = |index: usize| cols.mark_col(index) * 2;
    let color = |style: Style| style.fg.unwrap_or(Color::Reset);
    let mut zero = Vec::new();
    for (rel, index) in cols.indices().enumerate() {
        let Some(row) = chart.years.get(index) else { continue };
        let from = i64::try_from(rel).unwrap_or(0) * i64::from(cols.per) * 2;
        for x in from..from + i64::from(cols.per) * 2 {
            if row.tense != Tense::Future || x % 4 == 0 {
                zero.push((x, dot_y(0)));
            }
        }
    }
    let through: Vec<(i64, i64)> = (0..h).step_by(2).map(|y| (dot_x(selected), y)).collect();
    let mut life = Vec::new();
    let scored: Vec<(i64, i64)> = chart
        .years
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.score.map(|s| (dot_x(i), dot_y(s))))
        .collect();
    for pair in scored.windows(2) {
        if let [a, b] = pair {
            line_dots(*a, *b, &mut life);
        }
    }
    for &(x, y) in &scored {
        life.extend([(x, y), (x + 1, y), (x, y + 1), (x + 1, y + 1)]);
    }
    let keep = |dots: Vec<(i64, i64)>| -> Vec<(i64, i64)> {
        dots.into_iter()
            .filter(|(x, y)| (0..w).contains(x) && (0..h).contains(y))
            .collect()
    };
    let layers = [
        Dots {
            dots: keep(zero),
            color: color(theme.dim),
        },
        Dots {
            dots: keep(through),
            color: color(theme.accent),
        },
        Dots {
            dots: keep(life),
            color: color(theme.accent),
        },
    ];
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .background_color(theme.text.bg.unwrap_or(Color::Reset))
        .x_bounds([0.0, (w - 1) as f64])
        .y_bounds([0.0, (h - 1) as f64])
        .paint(|ctx| {
            for (i, layer) in layers.iter().enumerate() {
                if i > 0 {
                    ctx.layer();
                }
                ctx.draw(layer);
            }
        });
    frame.render_widget(canvas, plot);
}

/// The selected year: its label, age, where it stands, its 充実度, events and note.
fn details_lines(doc: &Doc, row: &LifelineRow, columns: usize, theme: &Theme, lang: Lang) -> Vec<Line<'static>> {
    let bullet = lang.pick("・", "- ");
    let year = fiscal_year_label(row.fy, lang);
    let when = format!(
        "{}{}{}",
        crate::describe::age_text(row.age, lang),
        lang.pick("・", ", "),
        crate::describe::tense_label(row.tense, lang)
    );
    let score = match row.score {
        Some(s) => format!("{} {}", lang.pick("充実度", "Score"), crate::describe::score_text(s)),
        None => lang
            .pick("充実度 未記入（+ - で記入）", "Score: none (+ - sets it)")
            .to_string(),
    };
    // On one line where the pane is wide (under the chart), on three in the side pane.
    let mut lines = if crate::text::width(&format!("{year}  {when}  {score}")) <= columns {
        vec![Line::from(vec![
            Span::styled(year, theme.title),
            Span::styled(format!("  {when}  "), theme.dim),
            Span::styled(score, theme.accent),
        ])]
    } else {
        vec![
            Line::styled(truncate(&year, columns), theme.title),
            Line::styled(truncate(&when, columns), theme.dim),
            Line::styled(truncate(&score, columns), theme.accent),
        ]
    };
    for event in &row.events {
        let expected = matches!(event, LifeEvent::ExpectedPromotion { .. });
        let text = format!("{bullet}{}", crate::describe::life_event(&doc.profile, event, lang));
        let style = if expected { theme.dim } else { theme.text };
        lines.extend(wrap(&text, columns).into_iter().map(|l| Line::styled(l, style)));
    }
    match &row.note {
        Some(note) => {
            for (i, part) in note.lines().enumerate() {
                let text = if i == 0 {
                    format!("{} {part}", lang.pick("メモ:", "Note:"))
                } else {
                    part.to_string()
                };
                lines.extend(wrap(&text, columns).into_iter().map(|l| Line::styled(l, theme.text)));
            }
        }
        None => lines.push(Line::styled(
            truncate(
                lang.pick("メモ: なし（Enter で書く）", "Note: none (Enter: write)"),
                columns,
            ),
            theme.dim,
        )),
    }
    lines
}

/// What the chart's marks mean, in the glyphs drawn.
fn legend(theme: &Theme, lang: Lang) -> Vec<String> {
    let (past, ahead) = if theme.ascii {
        ("--", ". .")
    } else {
        ("⠒⠒", "⠂ ⠂")
    };
    vec![
        lang.pick("^ 選んだ年度  o 出来事", "^ selected  o events").to_string(),
        match lang {
            Lang::Ja => format!("{past} これまで  {ahead} これから"),
            Lang::En => format!("{past} past  {ahead} ahead"),
        },
    ]
}

/// The details, with the legend at the foot of the pane when there is room for both.
fn draw_details(frame: &mut Frame, doc: &Doc, row: &LifelineRow, area: Rect, theme: &Theme, lang: Lang) {
    let columns = usize::from(area.width);
    let mut lines = details_lines(doc, row, columns, theme, lang);
    let room = usize::from(area.height);
    let legend = legend(theme, lang);
    if lines.len() + 1 + legend.len() <= room {
        lines.resize(room - legend.len(), Line::from(""));
        lines.extend(legend.iter().map(|l| Line::styled(truncate(l, columns), theme.dim)));
    }
    if lines.len() > room && room > 0 {
        lines.truncate(room);
        if let Some(last) = lines.last_mut() {
            *last = Line::styled(truncate(&format!("{last}…"), columns), theme.dim);
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The years written so far, one a line, around the selected year; or how to begin.
fn draw_written(
    frame: &mut Frame,
    doc: &Doc,
    chart: &LifelineChart,
    area: Rect,
    theme: &Theme,
    lang: Lang,
    hits: &mut HitMap,
) {
    let selected = doc.lifeline_year();
    if area.height == 0 {
        return;
    }
    let columns = usize::from(area.width);
    let written: Vec<&LifelineRow> = chart.years.iter().filter(|r| r.score.is_some()).collect();
    if written.is_empty() {
        let arrows = if theme.ascii { "<- ->" } else { "← →" };
        let text = match lang {
            Lang::Ja => format!(
                "まだ記入がありません。{arrows} で年度を選び、+ - で充実度（-5～+5）、Enter でその年のメモを書きます。"
            ),
            Lang::En => {
                format!(
                    "Nothing written yet. {arrows} choose a year, + - set its score (-5 to +5), Enter writes its note."
                )
            }
        };
        let lines: Vec<Line> = wrap(&text, columns)
            .into_iter()
            .map(|l| Line::styled(l, theme.dim))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    if area.height < 2 {
        // A title with no row under it says nothing.
        return;
    }
    // The page's own keys: the hint line has room only for the view's shared ones.
    let keys = if theme.ascii {
        lang.pick(
            "Left/Right 年度  + - 充実度  Enter メモ",
            "Left/Right year  + - score  Enter note",
        )
    } else {
        lang.pick("← → 年度  + - 充実度  Enter メモ", "← → year  + - score  Enter note")
    };
    let title = match lang {
        Lang::Ja => format!("記入した年度（{}）   {keys}", written.len()),
        Lang::En => format!("Years written ({})   {keys}", written.len()),
    };
    let mut lines = vec![Line::styled(truncate(&title, columns), theme.dim)];
    let height = usize::from(area.height).saturating_sub(1);
    let at = written.iter().position(|r| r.fy >= selected).unwrap_or(written.len());
    let offset = scroll_offset(at.min(written.len().saturating_sub(1)), height);
    let label_w = if lang == Lang::Ja { 19 } else { 7 };
    for r in written.iter().skip(offset).take(height) {
        // The note's first line, else what happened that year.
        let about = match r.note.as_deref().and_then(|n| n.lines().next()) {
            Some(line) => line.to_string(),
            None => r
                .events
                .iter()
                .map(|e| crate::describe::life_event(&doc.profile, e, lang))
                .collect::<Vec<_>>()
                .join(lang.pick("・", "; ")),
        };
        let text = format!(
            "{} {} {about}",
            cell(&fiscal_year_label(r.fy, lang), label_w),
            cell(&crate::describe::score_text(r.score.unwrap_or(0)), 2),
        );
        let is_selected = r.fy == selected;
        let style = if is_selected { theme.selected } else { theme.text };
        lines.push(Line::styled(marked(&text, is_selected, columns, theme), style));
        hits.add(row_rect(area, lines.len() - 1), Hit::LifelineYear(r.fy));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
