//! Drawing the app: header, tabs, the current screen, overlays, message and key hints.
//! Drawing reads the app and never changes it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::i18n::Lang;
use crate::text::{pad_right, truncate, width, wrap};
use crate::tui::action::View;
use crate::tui::app::{App, MIN_HEIGHT, MIN_WIDTH, Origin, Overlay, Prompt};
use crate::tui::keymap::bindings_for;
use crate::tui::screens;
use crate::tui::theme::Theme;

/// The regions of the screen, shared by drawing and mouse handling.
pub struct Regions {
    pub header: Rect,
    pub tabs: Rect,
    pub body: Rect,
    pub message: Rect,
    pub hints: Rect,
}

pub fn regions(area: Rect) -> Regions {
    let [header, tabs, body, message, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Regions {
        header,
        tabs,
        body,
        message,
        hints,
    }
}

/// Tab labels and the columns they occupy on the tab line (for mouse clicks).
pub fn tab_spans(lang: Lang) -> Vec<(View, String, u16, u16)> {
    let mut x = 1u16;
    View::ALL
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let label = format!(" {} {} ", i + 1, v.title(lang));
            let w = width(&label) as u16;
            let span = (*v, label, x, x + w);
            x += w + 1;
            span
        })
        .collect()
}

/// A cell of a hand-laid table: truncated with "…" and padded to exactly `columns`.
pub fn cell(text: &str, columns: usize) -> String {
    pad_right(&truncate(text, columns), columns)
}

/// A list row's text with the selection marker: "▶ " when selected (so selection never
/// rests on colour alone), two spaces otherwise.
pub fn marked(text: &str, selected: bool, columns: usize) -> String {
    truncate(&format!("{}{text}", if selected { "▶ " } else { "  " }), columns)
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
pub fn block<'a>(title: &'a str, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_set(theme.borders)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title))
}

/// Wrapped paragraph lines for a detail pane.
pub fn wrapped(text: &str, columns: usize, style: Style) -> Vec<Line<'static>> {
    wrap(text, columns)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let theme = app.theme();
    frame.render_widget(Block::default().style(theme.text), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, app, area);
        return;
    }
    let r = regions(area);
    draw_header(frame, app, r.header, &theme);
    match &app.doc {
        None => screens::start::draw(frame, app, r.body, &theme),
        Some(_) => {
            draw_tabs(frame, app, r.tabs, &theme);
            match app.view {
                View::Situation => screens::situation::draw(frame, app, r.body, &theme),
                View::Path => screens::path::draw(frame, app, r.body, &theme),
                View::Gaps => screens::gaps::draw(frame, app, r.body, &theme),
                View::Trainings => screens::trainings::draw(frame, app, r.body, &theme),
                View::Rotation => screens::rotation::draw(frame, app, r.body, &theme),
            }
        }
    }
    draw_message(frame, app, r.message, &theme);
    draw_hints(frame, app, r.hints, &theme);
    if let Some(overlay) = &app.overlay {
        draw_overlay(frame, app, overlay, area, &theme);
    }
}

fn draw_too_small(frame: &mut Frame, app: &App, area: Rect) {
    let text = match app.lang {
        Lang::Ja => format!(
            "画面を {MIN_WIDTH}×{MIN_HEIGHT} 以上に広げてください（現在 {}×{}）。q で終了",
            area.width, area.height
        ),
        Lang::En => format!(
            "Please enlarge the window to at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{}). q quits",
            area.width, area.height
        ),
    };
    let lines: Vec<Line> = wrap(&text, usize::from(area.width.max(1)))
        .into_iter()
        .map(Line::from)
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_header(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let mut spans = vec![Span::styled(" Michi 道 ", theme.title)];
    if let Some(doc) = &app.doc {
        let who = doc
            .plan
            .name
            .as_deref()
            .unwrap_or(app.lang.pick("（氏名未入力）", "(no name)"));
        spans.push(Span::styled(format!("│ {} — {} ", doc.profile.name, who), theme.text));
        let state = match (&doc.origin, doc.dirty) {
            (Origin::File(_), false) => app.lang.pick("保存済み", "saved"),
            (Origin::File(_), true) => app.lang.pick("未保存の変更あり", "unsaved changes"),
            (Origin::Unsaved { .. }, _) => app.lang.pick("未保存（Ctrl-S で保存）", "not saved (Ctrl-S saves)"),
        };
        spans.push(Span::styled(
            format!("│ {state} "),
            if doc.dirty { theme.warn } else { theme.dim },
        ));
    } else {
        spans.push(Span::styled(
            app.lang.pick("│ キャリアパス計画", "│ career-path planner"),
            theme.dim,
        ));
    }
    let right = format!("{} ", app.today);
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let pad = usize::from(area.width).saturating_sub(used + width(&right));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(right, theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_tabs(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let mut spans = vec![Span::raw(" ")];
    for (view, label, _, _) in tab_spans(app.lang) {
        let style = if view == app.view { theme.tab_active } else { theme.dim };
        let label = if view == app.view {
            format!("[{}]", label.trim())
        } else {
            format!(" {} ", label.trim())
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_message(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    if let Some((message, warning)) = &app.status {
        let style = if *warning { theme.warn } else { theme.accent };
        let mark = if *warning { "! " } else { "» " };
        let text = truncate(&format!("{mark}{message}"), usize::from(area.width));
        frame.render_widget(Paragraph::new(Line::styled(text, style)), area);
    }
}

fn draw_hints(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let scopes = app.scopes();
    let mut spans = Vec::new();
    let mut used = 0;
    // Most specific first: the current screen's keys matter most.
    let mut hints: Vec<_> = bindings_for(&scopes).filter(|b| b.hint).collect();
    hints.sort_by_key(|b| std::cmp::Reverse(scopes.iter().position(|s| *s == b.scope)));
    for b in hints {
        let text = format!("{} {}", b.keys, b.describe(app.lang));
        let w = width(&text) + 2;
        if used + w > usize::from(area.width) {
            break;
        }
        spans.push(Span::styled(b.keys, theme.key));
        spans.push(Span::styled(format!(" {}  ", b.describe(app.lang)), theme.dim));
        used += w;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A centred rectangle of at most `w`×`h` inside `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn draw_overlay(frame: &mut Frame, app: &App, overlay: &Overlay, area: Rect, theme: &Theme) {
    let lang = app.lang;
    match overlay {
        Overlay::Help => screens::help::draw(frame, app, centered(area, 100, area.height.saturating_sub(2)), theme),
        Overlay::Picker(picker) => screens::palette::draw(frame, app, picker, centered(area, 90, 20), theme),
        Overlay::Form(form) => screens::form::draw(frame, app, form, centered(area, 76, 14), theme),
        Overlay::ConfirmQuit => {
            let rect = centered(area, 64, 7);
            frame.render_widget(Clear, rect);
            let lines = vec![
                Line::from(lang.pick("保存していない変更があります。", "There are unsaved changes.")),
                Line::from(""),
                Line::from(vec![
                    Span::styled("s", theme.key),
                    Span::raw(lang.pick(" 保存して終了   ", " save and quit   ")),
                    Span::styled("y", theme.key),
                    Span::raw(lang.pick(" 保存せずに終了   ", " quit without saving   ")),
                    Span::styled("Esc", theme.key),
                    Span::raw(lang.pick(" 戻る", " go back")),
                ]),
            ];
            frame.render_widget(
                Paragraph::new(lines).block(block(lang.pick("終了の確認", "Quit?"), theme)),
                rect,
            );
        }
        Overlay::Message { title, body } => {
            let rect = centered(area, 96, area.height.saturating_sub(4));
            frame.render_widget(Clear, rect);
            let inner_w = usize::from(rect.width.saturating_sub(2));
            let mut lines: Vec<Line> = body.lines().flat_map(|l| wrapped(l, inner_w, theme.text)).collect();
            lines.push(Line::from(""));
            lines.push(Line::styled(
                lang.pick("Esc / Enter で閉じる", "Esc / Enter closes"),
                theme.dim,
            ));
            frame.render_widget(Paragraph::new(lines).block(block(title, theme)), rect);
        }
        Overlay::Prompt { prompt, input, error } => {
            let rect = centered(area, 76, 7);
            frame.render_widget(Clear, rect);
            let title = match prompt {
                Prompt::Field(field) => field.label(lang).to_string(),
                Prompt::Evidence(c) => {
                    let name = app
                        .doc
                        .as_ref()
                        .and_then(|d| d.profile.competency(c))
                        .map_or(c.as_str(), |c| c.name.as_str());
                    match lang {
                        Lang::Ja => format!("根拠: {name}"),
                        Lang::En => format!("Evidence: {name}"),
                    }
                }
                Prompt::SaveAs => lang.pick("名前を付けて保存（パス）", "Save as (path)").to_string(),
            };
            let inner_w = usize::from(rect.width.saturating_sub(4));
            let (shown, cursor) = input.visible(inner_w);
            let mut lines = vec![Line::from(""), Line::from(format!(" {shown}"))];
            if let Some(e) = error {
                lines.push(Line::styled(format!(" {}", truncate(e, inner_w)), theme.error));
            }
            lines.push(Line::styled(
                lang.pick(" Enter 確定  Esc 取消", " Enter confirms  Esc cancels"),
                theme.dim,
            ));
            frame.render_widget(Paragraph::new(lines).block(block(&title, theme)), rect);
            frame.set_cursor_position(Position {
                x: rect.x + 2 + cursor as u16,
                y: rect.y + 2,
            });
        }
    }
}
