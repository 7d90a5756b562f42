//! The roster screen (人事課の名簿レポート): the page tabs on the tab line, then a block
//! with who and what was read (two fixed lines) above the page, which scrolls. The pages
//! are laid out in [`super::roster_staff`] (the staff as they stand: retirements, ages,
//! 役職定年, turning 60, rows not used), [`super::roster_plan`] (succession, training
//! demand) and [`super::roster_rotation`].
//!
//! The page's rows are laid out by [`rows`] for drawing and scrolling alike, so both agree on
//! how many there are at a width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

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
        RosterPage::Retirements => super::roster_staff::retirements(state, roster, &mut out),
        RosterPage::Pyramid => super::roster_staff::pyramid(state, roster, &mut out),
        RosterPage::ManagementLimits => super::roster_staff::management_limits(state, roster, &mut out),
        RosterPage::TurningSixty => super::roster_staff::turning_sixty(state, roster, &mut out),
        RosterPage::Succession => super::roster_plan::succession(state, roster, &mut out),
        RosterPage::TrainingDemand => super::roster_plan::training_demand(state, roster, &mut out),
        RosterPage::Rotation => super::roster_rotation::rotation(state, roster, &mut out),
        RosterPage::Problems => super::roster_staff::problems(state, roster, &mut out),
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

/// A column heading right-aligned in `w` columns.
pub(super) fn number_label(label: &str, w: usize) -> String {
    let pad = w.saturating_sub(crate::text::width(label));
    format!("{}{label}", " ".repeat(pad))
}
