//! The compare screen: who A and B are, then the comparison scrolled section by section —
//! in two columns from 100 columns, one side above the other below that (80×24) — or the
//! mapping report when B is A read under another city's profile.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::Lang;
use crate::text::truncate;
use crate::tui::state::{Compare, ComparePage, RowKind, State, TWO_COLUMNS_FROM, plain};
use crate::tui::theme::Theme;
use crate::tui::view::block;

pub fn draw(frame: &mut Frame, state: &State, compare: &Compare, area: Rect, theme: &Theme) {
    let lang = state.lang();
    let ascii = theme.ascii;
    let two_columns = frame.area().width >= TWO_COLUMNS_FROM;
    let title = match (&compare.mapping, compare.page) {
        (Some(m), ComparePage::Mapping) => match lang {
            Lang::Ja => format!("対応づけ: {} → {}（m・Esc で比較へ）", m.from_city, m.to_city),
            Lang::En => format!(
                "Mapping: {} → {} (m, Esc: back to the comparison)",
                m.from_city, m.to_city
            ),
        },
        (Some(m), ComparePage::Sides) => match lang {
            Lang::Ja => format!("比較: {}の計画を{}で読み替え（読み取り専用）", m.from_city, m.to_city),
            Lang::En => format!("Compare: {}'s plan under {} (read-only)", m.from_city, m.to_city),
        },
        (None, _) => lang
            .pick("比較: 2つの計画（読み取り専用）", "Compare: two plans (read-only)")
            .to_string(),
    };
    let title = plain(&truncate(&title, usize::from(area.width.saturating_sub(4))), ascii);
    let outer = block(&title, theme);
    let inner = outer.inner(area);
    let columns = usize::from(inner.width);
    let heading = compare.heading(lang, columns, two_columns, ascii);
    let rows = compare.rows(lang, columns, two_columns, ascii);
    let visible = usize::from(inner.height).saturating_sub(heading.len());
    let scroll = compare.scroll.min(rows.len().saturating_sub(visible));
    let shown_to = (scroll + visible).min(rows.len());
    let outer = if rows.len() > visible {
        outer.title_bottom(Line::styled(
            format!(" {}-{}/{} ", scroll + 1, shown_to, rows.len()),
            theme.dim,
        ))
    } else {
        outer
    };
    frame.render_widget(outer, area);

    let mut lines: Vec<Line> = heading.into_iter().map(|h| Line::styled(h, theme.accent)).collect();
    for row in rows.into_iter().skip(scroll).take(visible) {
        let text = truncate(&row.text, columns);
        lines.push(match row.kind {
            RowKind::Title => Line::styled(text, theme.title),
            RowKind::Note => Line::styled(text, theme.warn),
            RowKind::Text => Line::styled(text, theme.text),
            RowKind::SideStart => {
                let (label, rest) = text.split_at(text.char_indices().nth(2).map_or(text.len(), |(i, _)| i));
                Line::from(vec![
                    Span::styled(label.to_string(), theme.key),
                    Span::styled(rest.to_string(), theme.text),
                ])
            }
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
