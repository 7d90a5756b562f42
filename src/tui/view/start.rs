//! The start screen: recovery drafts, saved plans (name, city, grade, last change), a new
//! plan per municipality, sample personas, and profiles that failed to load with the reason.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::Lang;
use crate::store::Origin as ProfileOrigin;
use crate::store::personas::{PERSONAS, description};
use crate::text::escape_controls;
use crate::tui::state::{Hit, StartKey, State, start_rows};
use crate::tui::theme::Theme;
use crate::tui::view::{HitMap, block, hanging, row_rect, scroll_offset};

/// Section title shown above the first item of each kind.
fn section(item: &StartKey, lang: Lang) -> &'static str {
    match item {
        StartKey::Draft(_) => lang.pick(
            "復元できる下書き（Enter で開く、x で捨てる）",
            "Drafts to restore (Enter opens, x discards)",
        ),
        StartKey::Saved(_) => lang.pick(
            "保存した計画（Enter 開く・r 名前の変更・c 複製・x 削除）",
            "Saved plans (Enter open, r rename, c duplicate, x delete)",
        ),
        StartKey::New(_) => lang.pick(
            "新しい計画を作る（自治体を選ぶ）",
            "Start a new plan (choose a municipality)",
        ),
        StartKey::Persona(_) => lang.pick("サンプルの人物像を開く", "Open a sample persona"),
        StartKey::FailedProfile(_) => lang.pick("読み込めなかったプロファイル", "Profiles that failed to load"),
    }
}

fn file_name(path: &std::path::Path) -> String {
    escape_controls(
        &path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default(),
    )
}

/// The text of one row.
fn row_text(state: &State, key: &StartKey, theme: &Theme) -> (String, ratatui::style::Style) {
    let lang = state.lang();
    match key {
        StartKey::Draft(path) => match state.start.drafts.iter().find(|d| d.path == *path) {
            Some(d) => {
                let who = d.plan.as_ref().ok().and_then(|p| p.name.clone()).unwrap_or_default();
                let when = d.written.clone().unwrap_or_default();
                (format!("{} {who}  {when}", escape_controls(&d.origin)), theme.warn)
            }
            None => (file_name(path), theme.text),
        },
        StartKey::Saved(path) => match state.start.saved.iter().find(|s| s.path == *path) {
            Some(saved) => {
                let when = saved.modified.clone().unwrap_or_default();
                match &saved.summary {
                    Ok(s) => {
                        let who = s
                            .name
                            .clone()
                            .unwrap_or_else(|| lang.pick("（氏名なし）", "(no name)").into());
                        let sample = if s.sample {
                            lang.pick(" ［サンプル］", " [sample]")
                        } else {
                            ""
                        };
                        (
                            format!(
                                "{who} {} {} {}{sample}  {when}  {}",
                                theme.glyphs.dash,
                                s.city,
                                s.grade,
                                file_name(path)
                            ),
                            theme.text,
                        )
                    }
                    Err(problem) => (
                        format!(
                            "{} {} {}: {}",
                            file_name(path),
                            theme.glyphs.dash,
                            lang.pick("問題があるため開けません", "has problems, not opened"),
                            problem.get(lang).lines().next().unwrap_or("")
                        ),
                        theme.error,
                    ),
                }
            }
            None => (file_name(path), theme.text),
        },
        StartKey::New(id) => {
            let entry = state.catalog.get(id);
            let header = || {
                crate::store::profiles::BUNDLED_HEADERS
                    .iter()
                    .find(|h| h.id == id.as_str())
            };
            let (name, romaji, title) = match (entry, header()) {
                (Some(e), _) => (
                    e.profile.name.as_str(),
                    e.profile.name_romaji.as_str(),
                    e.profile.document.title.as_str(),
                ),
                (None, Some(h)) => (h.name, h.name_romaji, h.title),
                (None, None) => ("", "", ""),
            };
            let origin = match entry.map(|e| &e.origin) {
                Some(ProfileOrigin::User(_)) => lang.pick("［ユーザー］", "[user]"),
                _ => "",
            };
            (
                format!("{name} {romaji}{origin} {} {title}", theme.glyphs.dash),
                theme.text,
            )
        }
        StartKey::Persona(name) => {
            let text = PERSONAS.iter().find(|(n, _)| n == name).map_or("", |(_, t)| t);
            (description(text, lang).to_string(), theme.text)
        }
        StartKey::FailedProfile(path) => {
            let reason = state
                .profile_problems
                .iter()
                .find(|f| f.path == *path)
                .map_or("", |f| f.first.get(lang));
            (
                format!(
                    "{} {} {reason}",
                    escape_controls(&path.display().to_string()),
                    theme.glyphs.dash
                ),
                theme.error,
            )
        }
    }
}

pub fn draw(frame: &mut Frame, state: &State, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let title = lang.pick(
        "はじめに: 計画を選んでください（Enter で開く、t でチームのフォルダ）",
        "Start: choose a plan (Enter opens; t lists a team folder)",
    );
    let outer = block(title, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let columns = usize::from(inner.width);
    let rows = start_rows(&state.start, &state.catalog);
    let selected = state.start.selected.index(&rows);
    // Lines with the row each belongs to (None: a section title or a gap).
    let mut lines: Vec<(Option<usize>, Line<'static>)> = Vec::new();
    let mut last = "";
    let bullet = format!("{} ", theme.glyphs.bullet);
    for (i, key) in rows.iter().enumerate() {
        let title = section(key, lang);
        if title != last {
            if !last.is_empty() {
                lines.push((None, Line::from("")));
            }
            lines.push((
                None,
                Line::styled(theme.cut(&format!("{bullet}{title}"), columns), theme.title),
            ));
            last = title;
        }
        let (text, style) = row_text(state, key, theme);
        if i == selected {
            // The selected row whole: a persona's description is longer than 80 columns.
            for line in hanging(theme.glyphs.selected, &text, columns, theme.selected, theme) {
                lines.push((Some(i), line));
            }
        } else {
            lines.push((
                Some(i),
                Line::from(vec![Span::styled(theme.marked(&text, false, columns), style)]),
            ));
        }
    }
    let height = usize::from(inner.height);
    let selected_line = lines.iter().rposition(|(i, _)| *i == Some(selected)).unwrap_or(0);
    let offset = scroll_offset(selected_line, height);
    let mut shown = Vec::new();
    for (n, (row, line)) in lines.into_iter().skip(offset).take(height).enumerate() {
        if let Some(key) = row.and_then(|i| rows.get(i)) {
            hits.add(row_rect(inner, n), Hit::Start(key.clone()));
        }
        shown.push(line);
    }
    frame.render_widget(Paragraph::new(shown), inner);
}
