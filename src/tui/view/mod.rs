//! Drawing: header, tabs, the current view, pop-ups, the message bar and key hints. Drawing
//! reads the state and never changes it; it hands back a [`HitMap`] of what it drew where,
//! so a mouse click looks things up instead of recomputing the layout.
//!
//! Conventions every screen follows, so that everything essential fits 80×24 and every
//! terminal draws it in line:
//!
//! - Symbols from `theme.glyphs`, text measured, cut, padded and wrapped through the theme
//!   (`theme.text`, `theme.width`, `theme.cut`, `theme.cell`, `theme.wrap`,
//!   `theme.marked`, `theme.keys`): see [`crate::tui::theme`]. [`cell`] and [`wrapped`]
//!   here are for text that is ASCII or Japanese already.
//! - Nothing that matters is cut: a long text wraps ([`hanging`] keeps a table's columns),
//!   a list scrolls by its selection, and a pane whose text can be longer than the pane is
//!   a details pane — [`Details`], drawn with [`draw_details`], scrolled by `J` / `K`
//!   through `doc.detail_scroll` (the view tells [`detail_scroll_limit`] how long it is).
//!   A row cut with the ellipsis shows in full in its view's details pane.
//! - Fiscal years through `state.fy(fy)`, which honours the 和暦 setting (`W`, `--no-wareki`).

mod compare;
mod details;
mod dialogs;
mod evaluation;
mod form;
mod gaps;
mod help;
mod interview;
mod palette;
mod path;
pub(crate) mod roles;
pub(crate) mod roster;
pub(crate) mod roster_plan;
mod roster_rotation;
mod roster_staff;
mod rotation;
mod situation;
mod start;
mod support;
mod team;
mod tour;
mod trainings;
pub(crate) mod workshop;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::i18n::Lang;
use crate::text::{pad_right, truncate, width, wrap};
use crate::tui::action::View;
use crate::tui::keymap::bindings_for;
use crate::tui::state::{Hit, MIN_HEIGHT, MIN_WIDTH, Overlay, Source, State};
use crate::tui::theme::Theme;
use crate::tui::update::scopes;

pub use details::{Details, detail_scroll_limit, details_area, draw_details};

/// Where things were drawn in the last frame.
#[derive(Debug, Clone, Default)]
pub struct HitMap {
    areas: Vec<(Rect, Hit)>,
}

impl HitMap {
    pub fn add(&mut self, area: Rect, hit: Hit) {
        self.areas.push((area, hit));
    }

    /// What is drawn at (`column`, `row`).
    pub fn at(&self, column: u16, row: u16) -> Option<&Hit> {
        let at = Position { x: column, y: row };
        self.areas.iter().rev().find(|(r, _)| r.contains(at)).map(|(_, h)| h)
    }
}

/// A cell of a hand-laid table: truncated with "…" and padded to exactly `columns`. For
/// text that may hold symbols, use [`Theme::cell`].
pub fn cell(text: &str, columns: usize) -> String {
    pad_right(&truncate(text, columns), columns)
}

/// A list row's text with the selection marker (`theme.glyphs.selected`) when selected,
/// so selection never rests on colour alone; as many spaces otherwise.
pub fn marked(text: &str, selected: bool, columns: usize, theme: &Theme) -> String {
    theme.marked(text, selected, columns)
}

/// `text` wrapped to `columns` after `prefix`, its following lines indented as far as the
/// prefix is wide: a table row whose last column wraps in place.
pub fn hanging(prefix: &str, text: &str, columns: usize, style: Style, theme: &Theme) -> Vec<Line<'static>> {
    let prefix = theme.text(prefix);
    let indent = width(&prefix);
    let room = columns.saturating_sub(indent);
    if room < 8 {
        // No room beside the prefix: the text goes below it.
        let mut lines = vec![Line::styled(theme.cut(&prefix, columns), style)];
        lines.extend(
            theme
                .wrap(text, columns.saturating_sub(2).max(2), style)
                .into_iter()
                .map(|l| {
                    Line::styled(
                        format!("  {}", l.spans.first().map_or("", |s| s.content.as_ref())),
                        style,
                    )
                }),
        );
        return lines;
    }
    theme
        .wrap(text, room, style)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let text = l.spans.first().map_or(String::new(), |s| s.content.to_string());
            let lead = if i == 0 { prefix.to_string() } else { " ".repeat(indent) };
            Line::styled(format!("{lead}{text}"), style)
        })
        .collect()
}

/// The first row to show so that `selected` stays visible in `height` rows.
pub fn scroll_offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        selected.saturating_sub(height - 1)
    }
}

/// A bordered block in the theme's style.
pub fn block<'a>(title: &str, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_set(theme.borders)
        .border_style(theme.border)
        .title(Span::styled(format!(" {} ", theme.text(title)), theme.title))
}

/// Wrapped paragraph lines.
pub fn wrapped(text: &str, columns: usize, style: Style) -> Vec<Line<'static>> {
    wrap(text, columns)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// A row rectangle of a list drawn in `area`, `index` rows down.
pub fn row_rect(area: Rect, index: usize) -> Rect {
    Rect {
        y: area.y.saturating_add(u16::try_from(index).unwrap_or(u16::MAX)),
        height: 1,
        ..area
    }
    .intersection(area)
}

/// Clears a pop-up's area. A wide character whose second half lies under the pop-up's left
/// edge (or whose first half lies under its right edge) is blanked too: a terminal would
/// otherwise draw the whole character over the border.
pub fn clear_popup(frame: &mut Frame, area: Rect) {
    let area = area.intersection(frame.area());
    frame.render_widget(Clear, area);
    let buf: &mut Buffer = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        if let Some(x) = area.left().checked_sub(1)
            && let Some(cell) = buf.cell_mut((x, y))
            && width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
        if let Some(cell) = buf.cell_mut((area.right(), y))
            && cell.symbol().is_empty()
        {
            cell.set_symbol(" ");
        }
    }
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The regions of the screen.
struct Regions {
    header: Rect,
    tabs: Rect,
    body: Rect,
    /// The guided tour's bar (no rows when no tour is under way).
    tour: Rect,
    message: Rect,
    hints: Rect,
}

fn regions(area: Rect, message_lines: u16, tour_lines: u16) -> Regions {
    let [header, tabs, body, tour, message, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(tour_lines),
        Constraint::Length(message_lines),
        Constraint::Length(1),
    ])
    .areas(area);
    Regions {
        header,
        tabs,
        body,
        tour,
        message,
        hints,
    }
}

/// Tab labels and the columns they occupy on the tab line: the full titles when they fit
/// in `columns`, else the short ones (80 columns), spaced apart when there is room, else
/// side by side (the current tab stays marked by its brackets).
fn tab_spans(lang: Lang, columns: u16) -> (Vec<(View, String, u16, u16)>, u16) {
    let width_of = |short: bool, gap: usize| -> usize {
        1 + View::ALL
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let title = if short { v.short_title(lang) } else { v.title(lang) };
                width(&format!(" {} {title} ", i + 1)) + gap
            })
            .sum::<usize>()
    };
    let fits = |short: bool, gap: usize| width_of(short, gap) <= usize::from(columns);
    let (short, gap) = if fits(false, 1) {
        (false, 1)
    } else if fits(true, 1) {
        (true, 1)
    } else {
        (true, 0)
    };
    let mut x = 1u16;
    let spans = View::ALL
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let title = if short { v.short_title(lang) } else { v.title(lang) };
            let label = format!(" {} {title} ", i + 1);
            let w = u16::try_from(width(&label)).unwrap_or(u16::MAX);
            let span = (*v, label, x, x.saturating_add(w));
            x = x.saturating_add(w + gap);
            span
        })
        .collect();
    (spans, gap)
}

/// Where the current view is drawn on a screen of the state's size (what `draw` would
/// give the view), for an update that pages by the room a view has.
pub(crate) fn body_area(state: &State) -> Rect {
    let area = Rect::new(0, 0, state.size.0, state.size.1);
    let message = message_lines(state, usize::from(area.width));
    let tour = tour::lines(state, usize::from(area.width), &state.theme());
    regions(
        area,
        u16::try_from(message.len().clamp(1, 3)).unwrap_or(1),
        u16::try_from(tour.len()).unwrap_or(0),
    )
    .body
}

/// Draws the whole screen without the last step of [`draw`]: what the screens themselves
/// put in each cell (tests check that no ambiguous-width character is left to that step).
#[doc(hidden)]
pub fn draw_unsettled(frame: &mut Frame, state: &State) -> HitMap {
    let mut hits = HitMap::default();
    let area = frame.area();
    let theme = state.theme();
    frame.render_widget(Block::default().style(theme.text), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, state, area);
        return hits;
    }
    let message = message_lines(state, usize::from(area.width));
    let tour = tour::lines(state, usize::from(area.width), &theme);
    let r = regions(
        area,
        u16::try_from(message.len().clamp(1, 3)).unwrap_or(1),
        u16::try_from(tour.len()).unwrap_or(0),
    );
    draw_header(frame, state, r.header, &theme);
    match (&state.compare, &state.doc) {
        // Over the tab line too: the compare screen is not one of the plan's views.
        (Some(c), _) => compare::draw(frame, state, c, r.tabs.union(r.body), &theme),
        (None, None) if let Some(roster) = &state.roster => {
            roster::draw(frame, state, roster, r.tabs.union(r.body), &theme, &mut hits);
        }
        (None, None) => start::draw(frame, state, r.body, &theme, &mut hits),
        (None, Some(doc)) => {
            draw_tabs(frame, state, doc.view, r.tabs, &theme, &mut hits);
            match doc.view {
                View::Situation => situation::draw(frame, state, doc, r.body, &theme, &mut hits),
                View::Path => path::draw(frame, state, doc, r.body, &theme, &mut hits),
                View::Gaps => gaps::draw(frame, state, doc, r.body, &theme, &mut hits),
                View::Trainings => trainings::draw(frame, state, doc, r.body, &theme, &mut hits),
                View::Rotation => rotation::draw(frame, state, doc, r.body, &theme, &mut hits),
                View::Roles => roles::draw(frame, state, doc, r.body, &theme, &mut hits),
                View::Support => support::draw(frame, state, doc, r.body, &theme, &mut hits),
                View::Interview => interview::draw(frame, state, doc, r.body, &theme, &mut hits),
                View::Workshop => workshop::draw(frame, state, doc, r.body, &theme, &mut hits),
            }
        }
    }
    frame.render_widget(Paragraph::new(tour), r.tour);
    frame.render_widget(Paragraph::new(message), r.message);
    draw_hints(frame, state, r.hints, &theme);
    if let Some(overlay) = &state.overlay {
        draw_overlay(frame, state, overlay, area, &theme);
    }
    hits
}

/// Draws the whole screen and returns where things are; the last step fits every
/// ambiguous-width character to the terminal ([`crate::tui::theme::glyphs::settle`]).
pub fn draw(frame: &mut Frame, state: &State) -> HitMap {
    let hits = draw_unsettled(frame, state);
    crate::tui::theme::glyphs::settle(frame.buffer_mut(), state.ui.glyph_mode());
    hits
}

fn draw_too_small(frame: &mut Frame, state: &State, area: Rect) {
    let text = match state.lang() {
        Lang::Ja => format!(
            "画面を {MIN_WIDTH}×{MIN_HEIGHT} 以上に広げてください（現在 {}×{}）。q で終了",
            area.width, area.height
        ),
        Lang::En => format!(
            "Please enlarge the window to at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{}). q quits",
            area.width, area.height
        ),
    };
    let lines = state
        .theme()
        .wrap(&text, usize::from(area.width.max(1)), ratatui::style::Style::new());
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_header(frame: &mut Frame, state: &State, area: Rect, theme: &Theme) {
    let lang = state.lang();
    let mut spans = vec![Span::styled(" Michi 道 ", theme.title)];
    if let Some(doc) = &state.doc {
        let who = doc.plan.name.as_deref().map_or_else(
            || lang.pick("（氏名未入力）", "(no name)").to_string(),
            |n| state.shown_name(n),
        );
        let g = theme.glyphs;
        spans.push(Span::styled(
            format!("{} {} {} {} ", g.divider, doc.profile.name, g.dash, theme.text(&who)),
            theme.text,
        ));
        let (text, warn) = match (&doc.source, doc.unsaved(), doc.conflict) {
            (_, _, true) => (
                lang.pick("他で変更あり（Ctrl-S で選ぶ）", "changed elsewhere (Ctrl-S)"),
                true,
            ),
            (Source::File { read_only: Some(_), .. }, _, _) => (
                lang.pick("読み取り専用（下書きに保存）", "read-only (draft kept)"),
                true,
            ),
            (Source::File { .. }, false, _) => (lang.pick("保存済み", "saved"), false),
            (Source::File { .. }, true, _) => (lang.pick("未保存の変更あり", "unsaved changes"), true),
            // A persona in a workshop: what matters is whether it was changed.
            (Source::Unsaved { .. }, edited, _) if doc.persona.is_some() && state.workshop.is_some() => {
                if edited {
                    (lang.pick("変更あり", "edited"), true)
                } else {
                    (lang.pick("サンプル", "sample"), false)
                }
            }
            (Source::Unsaved { .. }, _, _) => (
                lang.pick("未保存（下書き・Ctrl-S で保存）", "not saved (draft; Ctrl-S)"),
                true,
            ),
        };
        spans.push(Span::styled(
            format!("{} {text} ", theme.glyphs.divider),
            if warn { theme.warn } else { theme.dim },
        ));
    } else {
        spans.push(Span::styled(
            format!(
                "{} {}",
                theme.glyphs.divider,
                lang.pick("キャリアパス計画", "career-path planner")
            ),
            theme.dim,
        ));
    }
    let right = if state.workshop.is_some() {
        format!(
            "{}{} ",
            lang.pick("ワークショップ 基準日 ", "workshop, as of "),
            state.today
        )
    } else if state.today_is_set() {
        format!("{}{} ", lang.pick("基準日 ", "as of "), state.today)
    } else {
        format!("{} ", state.today)
    };
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = usize::from(area.width).saturating_sub(width(&right));
    if used > room {
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        spans = vec![Span::styled(theme.cut(&text, room), theme.text)];
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(room.saturating_sub(used))));
    spans.push(Span::styled(right, theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_tabs(frame: &mut Frame, state: &State, current: View, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let mut spans = vec![Span::raw(" ")];
    let (tabs, gap) = tab_spans(state.lang(), area.width);
    for (view, label, from, to) in tabs {
        let active = view == current;
        let style = if active { theme.tab_active } else { theme.dim };
        let label = if active {
            format!("[{}]", label.trim())
        } else {
            format!(" {} ", label.trim())
        };
        spans.push(Span::styled(label, style));
        if gap > 0 {
            spans.push(Span::raw(" "));
        }
        let rect = Rect {
            x: area.x.saturating_add(from),
            width: to.saturating_sub(from),
            height: 1,
            ..area
        };
        hits.add(rect.intersection(area), Hit::Tab(view));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The message bar's lines: wrapped, never cut (at most three lines; a longer message
/// says where the rest is).
fn message_lines(state: &State, columns: usize) -> Vec<Line<'static>> {
    let theme = state.theme();
    let Some(status) = &state.status else {
        return vec![Line::from("")];
    };
    let style = if status.warning { theme.warn } else { theme.accent };
    let mark = if status.warning { "! " } else { "» " };
    let text = theme
        .text(&format!("{mark}{}", status.text.get(state.lang())))
        .into_owned();
    let mut lines = wrap(&text, columns);
    if lines.len() > 3 {
        lines.truncate(3);
        if let Some(last) = lines.last_mut() {
            *last = theme.cut(last, columns.saturating_sub(2)) + theme.glyphs.ellipsis;
        }
    }
    lines.into_iter().map(|l| Line::styled(l, style)).collect()
}

fn draw_hints(frame: &mut Frame, state: &State, area: Rect, theme: &Theme) {
    let lang = state.lang();
    let scopes = scopes(state);
    // Most specific first: the current mode's keys matter most. Help always has its place
    // at the end, since it lists every key the line has no room for.
    // A key a more specific scope takes (a tour's n and p) is not offered for its old use.
    let rank = |scope| scopes.iter().position(|s| *s == scope);
    let shadowed = |b: &crate::tui::keymap::Binding| {
        bindings_for(&scopes).any(|c| {
            rank(c.scope) > rank(b.scope) && c.command != b.command && c.codes.iter().any(|k| b.codes.contains(k))
        })
    };
    let mut hints: Vec<_> = bindings_for(&scopes).filter(|b| b.hint && !shadowed(b)).collect();
    hints.sort_by_key(|b| std::cmp::Reverse(scopes.iter().position(|s| *s == b.scope)));
    let help = hints
        .iter()
        .position(|b| b.command == crate::tui::action::Command::Help)
        .map(|i| hints.remove(i));
    let text = |b: &crate::tui::keymap::Binding| format!("{} {}", theme.keys(b.keys), theme.text(b.describe(lang)));
    let reserved = help.map_or(0, |b| width(&text(b)) + 2);
    let mut spans = Vec::new();
    let mut used = 0;
    for b in hints {
        let w = width(&text(b)) + 2;
        if used + w + reserved > usize::from(area.width) {
            continue;
        }
        spans.push(Span::styled(theme.keys(b.keys).into_owned(), theme.key));
        spans.push(Span::styled(format!(" {}  ", theme.text(b.describe(lang))), theme.dim));
        used += w;
    }
    if let Some(b) = help {
        spans.push(Span::styled(theme.keys(b.keys).into_owned(), theme.key));
        spans.push(Span::styled(format!(" {}", theme.text(b.describe(lang))), theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_overlay(frame: &mut Frame, state: &State, overlay: &Overlay, area: Rect, theme: &Theme) {
    match overlay {
        Overlay::Help { scroll } => help::draw(frame, state, *scroll, area, theme),
        Overlay::Picker(picker) => palette::draw(frame, state, picker, centered(area, 90, 20), theme),
        Overlay::Form(form) => {
            // Fields, a blank line, two for an error and the key line, and the border.
            let rows = u16::try_from(form.field_count() + 6).unwrap_or(12).max(12);
            form::draw(frame, state, form, centered(area, 76, rows), theme)
        }
        Overlay::Prompt(prompt) => dialogs::prompt(frame, state, prompt, area, theme),
        Overlay::Editor(editor) => dialogs::editor(frame, state, editor, area, theme),
        Overlay::Message { title, body, scroll } => dialogs::message(frame, state, title, body, *scroll, area, theme),
        Overlay::Confirm { question, .. } => dialogs::confirm(frame, state, question, area, theme),
        Overlay::Unsaved { then } => dialogs::unsaved(frame, state, *then, area, theme),
        Overlay::Conflict => dialogs::conflict(frame, state, area, theme),
        Overlay::Team(list) => team::draw(frame, state, list, area, theme),
        Overlay::ConfirmReset => dialogs::confirm_reset(frame, state, area, theme),
    }
}
