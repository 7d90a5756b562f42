//! The team list: the plans of a folder as a table (name, grade, target, readiness by self
//! and by supervisor, the largest gap, the last interview, open goals), a file that did not
//! read shown with its problem in the warning colour. Columns are measured by display width;
//! on a narrow screen the headers shorten and the text columns narrow.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::i18n::Lang;
use crate::store::team::MAX_PLANS;
use crate::text::{escape_controls, pad_right, width};
use crate::tui::state::{State, TeamList, TeamRow};
use crate::tui::theme::Theme;
use crate::tui::view::{block, centered, clear_popup, scroll_offset};

/// Columns of the table, in order.
const COLUMNS: usize = 8;

/// Below this many columns inside the pop-up, the headers take their short forms.
const WIDE: usize = 100;

/// How a column is laid out: its header (full and short, Japanese and English), how narrow
/// it may become (text columns only) and how wide it may grow.
struct Column {
    ja: (&'static str, &'static str),
    en: (&'static str, &'static str),
    /// Narrowest a text column becomes to fit; `None` for a figure, never narrowed.
    min: Option<usize>,
    max: usize,
    right: bool,
}

#[rustfmt::skip]
const LAYOUT: [Column; COLUMNS] = [
    Column { ja: ("氏名", "氏名"), en: ("Name", "Name"), min: Some(8), max: 20, right: false },
    Column { ja: ("職級", "職級"), en: ("Grade", "Grade"), min: Some(6), max: 16, right: false },
    Column { ja: ("目標", "目標"), en: ("Target", "Target"), min: Some(6), max: 16, right: false },
    Column { ja: ("準備度(本人)", "準備度"), en: ("Ready (self)", "Ready"), min: None, max: 12, right: true },
    Column { ja: ("上司", "上司"), en: ("Supv.", "Supv."), min: None, max: 5, right: true },
    Column { ja: ("最大の差", "最大の差"), en: ("Largest gap", "Largest gap"), min: Some(8), max: 30, right: false },
    Column { ja: ("最後の面談", "面談"), en: ("Last interview", "Interview"), min: None, max: 14, right: false },
    Column { ja: ("未完の目標", "未完"), en: ("Open goals", "Open"), min: None, max: 10, right: true },
];

fn headers(lang: Lang, wide: bool) -> [&'static str; COLUMNS] {
    LAYOUT.each_ref().map(|c| {
        let (full, short) = match lang {
            Lang::Ja => c.ja,
            Lang::En => c.en,
        };
        if wide { full } else { short }
    })
}

/// A row's cells; `None` for a file that did not read (its problem spans the row).
fn cells(state: &State, row: &TeamRow) -> Option<[String; COLUMNS]> {
    let s = row.summary.as_ref().ok()?;
    let figure = |r: Option<u8>| r.map_or_else(|| "-".to_string(), |r| r.to_string());
    Some([
        s.name
            .as_deref()
            .map_or_else(|| row.file.clone(), |n| state.shown_name(n)),
        s.grade.clone(),
        s.target.clone(),
        figure(s.readiness),
        figure(s.supervisor_readiness),
        s.largest_gap.clone().unwrap_or_default(),
        s.last_interview.map(|d| d.to_string()).unwrap_or_default(),
        s.open_goals.to_string(),
    ])
}

/// Each column's width for `room` display columns (one space between columns): as wide as
/// its widest cell or header, within its bounds; the widest text column gives way first
/// until the row fits.
fn widths(headers: &[&str; COLUMNS], rows: &[[String; COLUMNS]], room: usize) -> [usize; COLUMNS] {
    let mut widths: [usize; COLUMNS] = std::array::from_fn(|i| {
        let widest = rows
            .iter()
            .filter_map(|r| r.get(i))
            .map(|c| width(c))
            .max()
            .unwrap_or(0);
        let header = headers.get(i).map_or(0, |h| width(h));
        let max = LAYOUT.get(i).map_or(0, |c| c.max);
        widest.max(header).min(max.max(header))
    });
    let total = |w: &[usize; COLUMNS]| w.iter().sum::<usize>() + COLUMNS - 1;
    while total(&widths) > room {
        let narrowest_allowed = |i: usize| LAYOUT.get(i).and_then(|c| c.min);
        let Some(i) = (0..COLUMNS)
            .filter(|&i| narrowest_allowed(i).is_some_and(|min| widths.get(i).is_some_and(|w| *w > min)))
            .max_by_key(|&i| widths.get(i).copied().unwrap_or(0))
        else {
            break;
        };
        if let Some(w) = widths.get_mut(i) {
            *w -= 1;
        }
    }
    widths
}

/// A table line from its cells: each cut and padded to its column, figures to the right.
fn table_line(texts: &[String; COLUMNS], widths: &[usize; COLUMNS], theme: &Theme) -> String {
    let mut parts = Vec::with_capacity(COLUMNS);
    for ((text, w), column) in texts.iter().zip(widths).zip(&LAYOUT) {
        let cut = theme.cut(text, *w);
        parts.push(if column.right {
            format!("{}{cut}", " ".repeat(w.saturating_sub(width(&cut))))
        } else {
            pad_right(&cut, *w)
        });
    }
    parts.join(" ")
}

pub fn draw(frame: &mut Frame, state: &State, list: &TeamList, area: Rect, theme: &Theme) {
    let lang = state.lang();
    let footer_lines = 1 + usize::from(list.more);
    // Borders, the header, the rows and the footer: no taller than the list needs.
    let wanted = list.rows.len().saturating_add(3 + footer_lines).max(6);
    let rect_height = u16::try_from(wanted)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2));
    let rect = centered(area, 116, rect_height);
    clear_popup(frame, rect);
    let folder = escape_controls(&list.dir.display().to_string());
    let count = match lang {
        Lang::Ja => format!("{} 件", list.rows.len()),
        Lang::En => format!("{} files", list.rows.len()),
    };
    let title = format!("{}: {folder} ({count})", lang.pick("チームの計画", "Team plans"));
    let outer = block(&theme.cut(&title, usize::from(rect.width.saturating_sub(4))), theme);
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);

    let columns = usize::from(inner.width);
    let marker_w = 2;
    let room = columns.saturating_sub(marker_w);
    let headers = headers(lang, columns >= WIDE);
    let all: Vec<Option<[String; COLUMNS]>> = list.rows.iter().map(|row| cells(state, row)).collect();
    // A file that did not read takes the name column with its file name.
    let measured: Vec<[String; COLUMNS]> = list
        .rows
        .iter()
        .zip(&all)
        .map(|(row, texts)| {
            texts
                .clone()
                .unwrap_or_else(|| std::array::from_fn(|i| if i == 0 { row.file.clone() } else { String::new() }))
        })
        .collect();
    let widths = widths(&headers, &measured, room);
    let header_texts = headers.map(String::from);

    let mut footer = Vec::new();
    // The selected plan's file: two plans of one person differ here when their rows do not.
    if let Some(row) = list.rows.get(list.selected) {
        let file = format!("{}: {}", lang.pick("ファイル", "File"), escape_controls(&row.file));
        footer.push(Line::styled(theme.cut(&file, columns), theme.dim));
    }
    if list.more {
        footer.push(Line::styled(
            match lang {
                Lang::Ja => format!("（最初の {MAX_PLANS} 件だけを表示しています）"),
                Lang::En => format!("(the first {MAX_PLANS} files only)"),
            },
            theme.warn,
        ));
    }

    let mut lines = vec![Line::styled(
        format!("{}{}", " ".repeat(marker_w), table_line(&header_texts, &widths, theme)),
        theme.title,
    )];
    let height = usize::from(inner.height).saturating_sub(1 + footer.len());
    let offset = scroll_offset(list.selected, height);
    for (i, (row, texts)) in list.rows.iter().zip(&all).enumerate().skip(offset).take(height) {
        let selected = i == list.selected;
        let (text, style) = match texts {
            Some(texts) => (table_line(texts, &widths, theme), theme.text),
            None => {
                let name_w = widths.first().copied().unwrap_or(0);
                let problem = row.summary.as_ref().err().map_or("", |p| p.get(lang));
                (
                    format!(
                        "{} {}",
                        theme.cell(&row.file, name_w),
                        theme.cut(problem, room.saturating_sub(name_w + 1))
                    ),
                    theme.warn,
                )
            }
        };
        let style = if selected { theme.selected } else { style };
        lines.push(Line::styled(theme.marked(&text, selected, columns), style));
    }
    while lines.len() < height + 1 {
        lines.push(Line::from(""));
    }
    lines.extend(footer);
    frame.render_widget(Paragraph::new(lines), inner);
}
