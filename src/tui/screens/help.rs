//! The help overlay, generated from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::text::truncate;
use crate::tui::app::App;
use crate::tui::keymap::{BINDINGS, Scope};
use crate::tui::theme::Theme;
use crate::tui::ui::{block, cell};

fn scope_title(scope: Scope, lang: crate::i18n::Lang) -> String {
    match scope {
        Scope::Global => lang.pick("どこでも", "Everywhere").to_string(),
        Scope::Start => lang.pick("スタート画面", "Start screen").to_string(),
        Scope::Plan => lang.pick("計画の画面", "Plan views").to_string(),
        Scope::View(v) => v.title(lang).to_string(),
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let lang = app.lang;
    frame.render_widget(Clear, area);
    let outer = block(
        lang.pick("ヘルプ: キー一覧（Esc で閉じる）", "Help: keys (Esc closes)"),
        theme,
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let columns = usize::from(inner.width);
    let mut lines = Vec::new();
    let mut last: Option<Scope> = None;
    for b in BINDINGS {
        if last != Some(b.scope) {
            lines.push(Line::styled(scope_title(b.scope, lang), theme.title));
            last = Some(b.scope);
        }
        lines.push(Line::from(vec![
            Span::styled(format!("  {}", cell(b.keys, 12)), theme.key),
            Span::raw(truncate(b.describe(lang), columns.saturating_sub(14))),
        ]));
    }
    lines.push(Line::styled(
        lang.pick(
            "マウス: タブをクリックで画面を切替、ホイールで上下。M でマウス操作をオフにすると文字を選択できます。",
            "Mouse: click a tab to switch views, wheel scrolls. M turns mouse capture off so you can select text.",
        ),
        theme.dim,
    ));
    // Two columns when there is room, else one scrolled list.
    let height = usize::from(inner.height);
    if lines.len() > height && columns >= 90 {
        let half = lines.len().div_ceil(2);
        let right: Vec<Line> = lines.split_off(half);
        let [l, r] = ratatui::layout::Layout::horizontal([ratatui::layout::Constraint::Percentage(50); 2]).areas(inner);
        frame.render_widget(Paragraph::new(lines), l);
        frame.render_widget(Paragraph::new(right), r);
    } else {
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
