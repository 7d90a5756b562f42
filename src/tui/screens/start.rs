//! The start screen: saved plans, a new plan per municipality, sample personas, and
//! profiles that failed to load with the reason.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::Lang;
use crate::store::Origin as ProfileOrigin;
use crate::store::personas::{PERSONAS, description};
use crate::text::{escape_controls, truncate};
use crate::tui::app::{App, StartItem};
use crate::tui::theme::Theme;
use crate::tui::ui::{block, scroll_offset};

/// Section title shown above the first item of each kind.
fn section(item: &StartItem, lang: Lang) -> &'static str {
    match item {
        StartItem::Saved(_) => lang.pick("保存した計画を開く", "Open a saved plan"),
        StartItem::New(_) => lang.pick(
            "新しい計画を作る（自治体を選ぶ）",
            "Start a new plan (choose a municipality)",
        ),
        StartItem::Persona(_) => lang.pick("サンプルの人物像を開く", "Open a sample persona"),
        StartItem::FailedProfile(_) => lang.pick("読み込めなかったプロファイル", "Profiles that failed to load"),
    }
}

/// The list lines with the index of the item each belongs to (`None` for titles).
pub fn lines(app: &App, columns: usize, theme: &Theme) -> Vec<(Option<usize>, Line<'static>)> {
    let lang = app.lang;
    let items = app.start_items();
    let mut out = Vec::new();
    let mut last = "";
    for (i, item) in items.iter().enumerate() {
        let title = section(item, lang);
        if title != last {
            if !last.is_empty() {
                out.push((None, Line::from("")));
            }
            out.push((None, Line::styled(format!("■ {title}"), theme.title)));
            last = title;
        }
        let (text, style) = match item {
            StartItem::Saved(s) => {
                let saved = &app.saved[*s];
                let file = saved
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                match &saved.plan {
                    Ok(plan) => {
                        let profile = app.catalog.get(&plan.profile).map_or("", |e| e.profile.name.as_str());
                        let who = plan.name.as_deref().unwrap_or("");
                        (format!("{} — {profile} {who}", escape_controls(&file)), theme.text)
                    }
                    Err(d) => (
                        format!(
                            "{} — {} ({})",
                            escape_controls(&file),
                            lang.pick("問題があるため開けません", "has problems, not opened"),
                            d.first().map(|d| d.message.clone()).unwrap_or_default()
                        ),
                        theme.error,
                    ),
                }
            }
            StartItem::New(id) => {
                let entry = app.catalog.get(id);
                let (name, romaji, title) = entry.map_or(("", "", ""), |e| {
                    (
                        e.profile.name.as_str(),
                        e.profile.name_romaji.as_str(),
                        e.profile.document.title.as_str(),
                    )
                });
                let origin = match entry.map(|e| &e.origin) {
                    Some(ProfileOrigin::User(_)) => lang.pick("［ユーザー］", "[user]"),
                    _ => "",
                };
                (format!("{name} {romaji}{origin} — {title}"), theme.text)
            }
            StartItem::Persona(p) => (description(PERSONAS[*p].1).to_string(), theme.text),
            StartItem::FailedProfile(f) => {
                let failed = &app.catalog.failed[*f];
                let reason = failed
                    .diagnostics
                    .first()
                    .map(|d| format!("{} {}", d.location(), d.message))
                    .unwrap_or_default();
                (
                    format!("{} — {reason}", escape_controls(&failed.path.display().to_string())),
                    theme.error,
                )
            }
        };
        let marker = if i == app.start_selected { "▶ " } else { "  " };
        let style = if i == app.start_selected { theme.selected } else { style };
        out.push((
            Some(i),
            Line::from(vec![Span::styled(truncate(&format!("{marker}{text}"), columns), style)]),
        ));
    }
    out
}

/// Where the list is drawn (for mouse clicks too).
pub fn rows_area(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin::new(1, 1))
}

/// The first list line shown, so the selected item stays visible.
pub fn first_line(app: &App, lines: &[(Option<usize>, Line<'static>)], height: usize) -> usize {
    let selected_line = lines
        .iter()
        .position(|(i, _)| *i == Some(app.start_selected))
        .unwrap_or(0);
    scroll_offset(selected_line, height)
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let lang = app.lang;
    let title = lang.pick(
        "はじめに: 計画を選んでください（Enter で開く）",
        "Start: choose a plan (Enter opens)",
    );
    let outer = block(title, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let all = lines(app, usize::from(inner.width), theme);
    let height = usize::from(inner.height);
    let offset = first_line(app, &all, height);
    let visible: Vec<Line> = all.into_iter().skip(offset).take(height).map(|(_, l)| l).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}
