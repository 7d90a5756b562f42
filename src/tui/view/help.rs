//! The help overlay, generated from the key table: every key of every mode, scrolled with
//! ↑ ↓ PgUp PgDn so it fits any size from the minimum up.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::keymap::{BINDINGS, Scope};
use crate::tui::state::State;
use crate::tui::theme::Theme;
use crate::tui::view::{block, centered, clear_popup};

/// Every line of the help text for `columns`.
pub fn lines(state: &State, columns: usize, theme: &Theme) -> Vec<Line<'static>> {
    let lang = state.lang();
    let mut lines = Vec::new();
    let mut last: Option<&str> = None;
    let key_w = 16.min(columns / 3);
    for b in BINDINGS {
        // Ctrl-C works everywhere: list it with the keys that work everywhere.
        let scope = if b.scope == Scope::Always {
            Scope::Global
        } else {
            b.scope
        };
        let title = scope.title(lang);
        if last != Some(title) {
            if last.is_some() {
                lines.push(Line::from(""));
            }
            lines.push(Line::styled(format!("{} {title}", theme.glyphs.bullet), theme.title));
            last = Some(title);
        }
        // A description wraps under itself, never cut: the key column stays clear.
        let room = columns.saturating_sub(key_w + 3).max(8);
        for (i, line) in crate::text::wrap(&theme.text(b.describe(lang)), room)
            .into_iter()
            .enumerate()
        {
            let keys = if i == 0 {
                theme.keys(b.keys).into_owned()
            } else {
                String::new()
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {} ", theme.cell(&keys, key_w)), theme.key),
                Span::raw(line),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.extend(theme.wrap(
        lang.pick(
            "数字キー 1〜5 は画面の切り替えだけに使います（段階は + - > < で変えます）。u で元に戻す操作は自動保存の後でも使え、元の内容をファイルに書き戻します。マウス: タブや行をクリックで選択、もう一度クリックで開く、ホイールで上下（説明の欄の上では欄を送る）。M でマウス操作をオフにすると文字を選択できます。",
            "Number keys 1–5 only switch views (levels change with + - > <). Undo (u) works after an autosave too and writes the earlier state back. Mouse: click a tab or row to select it, again to open it; the wheel moves the selection (over the details pane, it scrolls the pane). M turns mouse capture off so you can select text.",
        ),
        columns,
        theme.dim,
    ));
    lines
}

pub fn draw(frame: &mut Frame, state: &State, scroll: usize, area: Rect, theme: &Theme) {
    let lang = state.lang();
    let rect = centered(area, 100, area.height.saturating_sub(2));
    clear_popup(frame, rect);
    let outer = block(
        lang.pick(
            "ヘルプ: キー一覧（↑↓ PgUp PgDn でスクロール、Esc で閉じる）",
            "Help: keys (↑↓ PgUp PgDn scroll, Esc closes)",
        ),
        theme,
    );
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    let all = lines(state, usize::from(inner.width), theme);
    let height = usize::from(inner.height);
    let scroll = scroll.min(all.len().saturating_sub(height));
    let shown: Vec<Line> = all.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
