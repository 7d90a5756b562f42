//! The start screen: recovery drafts, saved plans (name, city, grade, last change), a new
//! plan per municipality, sample personas, and profiles that failed to load with the reason.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::Lang;
use crate::store::Origin as ProfileOrigin;
use crate::store::personas::{PERSONAS, as_of, description, persona};
use crate::text::escape_controls;
use crate::tui::state::{Hit, StartKey, State, start_rows};
use crate::tui::theme::Theme;
use crate::tui::view::{HitMap, block, hanging, row_rect, scroll_offset};

/// Section title shown above the first item of each kind.
fn section(state: &State, item: &StartKey) -> String {
    let lang = state.lang();
    let workshop = state.workshop.as_ref();
    let cohort = workshop.and_then(|w| w.cohort).map_or("", |c| c.label(lang));
    match item {
        StartKey::Tour => lang
            .pick(
                "ガイドツアー（n・p で進む・戻る、Esc で中断）",
                "Guided tour (n / p step it, Esc leaves it)",
            )
            .into(),
        StartKey::Persona(_) if state.start.first.contains(item) => match lang {
            Lang::Ja => format!("この回の人物像（{cohort}）"),
            Lang::En => format!("This session's personas ({cohort})"),
        },
        StartKey::Draft(_) => lang
            .pick(
                "復元できる下書き（Enter で開く、x で捨てる）",
                "Drafts to restore (Enter opens, x discards)",
            )
            .into(),
        StartKey::Saved(_) => lang
            .pick(
                "保存した計画（Enter 開く・r 名前の変更・c 複製・x 削除）",
                "Saved plans (Enter open, r rename, c duplicate, x delete)",
            )
            .into(),
        StartKey::New(_) => lang
            .pick(
                "新しい計画を作る（自治体を選ぶ）",
                "Start a new plan (choose a municipality)",
            )
            .into(),
        StartKey::Persona(_) if workshop.is_some_and(|w| w.cohort.is_some()) => {
            lang.pick("ほかの人物像", "Other personas").into()
        }
        StartKey::Persona(_) => lang.pick("サンプルの人物像を開く", "Open a sample persona").into(),
        StartKey::FailedProfile(_) => lang
            .pick("読み込めなかったプロファイル", "Profiles that failed to load")
            .into(),
    }
}

/// The tour's row: its title and length, and where it was left.
fn tour_row(state: &State) -> String {
    let lang = state.lang();
    let Some(w) = &state.workshop else { return String::new() };
    let Some(tour) = &w.tour else { return String::new() };
    let n = tour.steps.len();
    let from = if w.step > 0 {
        match lang {
            Lang::Ja => format!("（{}/{n} から再開）", w.step + 1),
            Lang::En => format!(" (resumes at {}/{n})", w.step + 1),
        }
    } else {
        String::new()
    };
    match lang {
        Lang::Ja => format!("{}（{n} 手順）— Enter または N で始める{from}", tour.title.get(lang)),
        Lang::En => format!("{} ({n} steps) — Enter or N starts it{from}", tour.title.get(lang)),
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
                let who = d
                    .plan
                    .as_ref()
                    .ok()
                    .and_then(|p| p.name.as_deref())
                    .map(|n| state.shown_name(n))
                    .unwrap_or_default();
                let when = d.written.clone().unwrap_or_default();
                // A persona's draft names the persona by its file stem: described in the
                // language of the moment.
                let origin = persona(&d.origin).map_or_else(
                    || escape_controls(&d.origin),
                    |(_, text)| description(text, lang).to_string(),
                );
                (format!("{origin} {who}  {when}"), theme.warn)
            }
            None => (file_name(path), theme.text),
        },
        StartKey::Saved(path) => match state.start.saved.iter().find(|s| s.path == *path) {
            Some(saved) => {
                let when = saved.modified.clone().unwrap_or_default();
                match &saved.summary {
                    Ok(s) => {
                        let who = s.name.as_deref().map_or_else(
                            || lang.pick("（氏名なし）", "(no name)").into(),
                            |n| state.shown_name(n),
                        );
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
            // A date fixed for the session that is not the persona's own: its description
            // is true as of its own date, and says so.
            let told = as_of(text).filter(|d| *d != state.today && state.doc.is_none() && state.today_is_set());
            let told = told.map_or_else(String::new, |d| match lang {
                Lang::Ja => format!("（{d} 時点）"),
                Lang::En => format!(" (as of {d})"),
            });
            (format!("{}{told}", description(text, lang)), theme.text)
        }
        StartKey::Tour => (tour_row(state), theme.accent),
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
    let title = match &state.workshop {
        Some(w) => {
            let cohort = w.cohort.map_or("", |c| c.label(lang));
            match lang {
                Lang::Ja => format!(
                    "ワークショップ（基準日 {}）{cohort} — Enter で開く、w で対象を変える",
                    w.date
                ),
                Lang::En => format!(
                    "Workshop (as of {}) {cohort} — Enter opens; w changes the cohort",
                    w.date
                ),
            }
        }
        None => lang
            .pick(
                "はじめに: 計画を選んでください（Enter で開く、t でチームのフォルダ）",
                "Start: choose a plan (Enter opens; t lists a team folder)",
            )
            .into(),
    };
    let outer = block(&title, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let columns = usize::from(inner.width);
    let rows = start_rows(&state.start, &state.catalog);
    let selected = state.start.selected.index(&rows);
    // Lines with the row each belongs to (None: a section title or a gap).
    let mut lines: Vec<(Option<usize>, Line<'static>)> = Vec::new();
    let mut last = String::new();
    let bullet = format!("{} ", theme.glyphs.bullet);
    for (i, key) in rows.iter().enumerate() {
        let title = section(state, key);
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
