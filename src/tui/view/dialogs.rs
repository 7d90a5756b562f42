//! Small pop-ups: one-line prompts, the multi-line editor, messages and the dialogs. Each
//! clears its area first, so borders stay whole next to wide characters.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::forms::{Editor, EditorFor, Prompt, PromptFor};
use crate::tui::keymap::{Scope, bindings_for};
use crate::tui::state::{AfterClose, Said, State};
use crate::tui::theme::Theme;
use crate::tui::view::{block, centered, clear_popup};

/// The keys of a dialog's scopes, as "key description" spans (from the key table).
fn key_line(state: &State, scopes: &[Scope], theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for b in bindings_for(scopes).filter(|b| b.hint) {
        spans.push(Span::styled(theme.keys(b.keys).into_owned(), theme.key));
        spans.push(Span::styled(
            format!(" {}   ", theme.text(b.describe(state.lang()))),
            theme.text,
        ));
    }
    Line::from(spans)
}

/// Wrapped lines of a key line, for narrow pop-ups.
fn key_lines(state: &State, scopes: &[Scope], columns: usize, theme: &Theme) -> Vec<Line<'static>> {
    let text: String = bindings_for(scopes)
        .filter(|b| b.hint)
        .map(|b| format!("{} {}   ", theme.keys(b.keys), b.describe(state.lang())))
        .collect();
    if theme.width(&text) <= columns {
        vec![key_line(state, scopes, theme)]
    } else {
        theme.wrap(text.trim_end(), columns, theme.key)
    }
}

/// What a prompt's text should look like, shown under it (a field without an example keeps
/// its blank line; other prompts have none).
fn prompt_hint(target: &PromptFor, lang: crate::i18n::Lang) -> Option<&'static str> {
    use crate::tui::state::Field;
    match target {
        PromptFor::Field(Field::BirthDate | Field::HireDate | Field::GradeSince | Field::CourseSince) => {
            Some(lang.pick(
                "例: 1990-02-03、1990/2/3、19900203、平成2年2月3日、H2.2.3",
                "e.g. 1990-02-03, 1990/2/3, 19900203, 平成2年2月3日, H2.2.3",
            ))
        }
        PromptFor::Field(Field::TargetFy) => {
            Some(lang.pick("例: 2032、令和14年度（空欄で指定なし）", "e.g. 2032 (empty: none)"))
        }
        PromptFor::Field(_) => Some(""),
        PromptFor::RosterFile => Some(lang.pick(
            "見出し: 職員番号・氏名・生年月日・採用年月日・職種・職級（・職級発令日）。次に自治体を選びます",
            "Headers: 職員番号 氏名 生年月日 採用年月日 職種 職級 (職級発令日). The city is chosen next",
        )),
        PromptFor::RosterHistory => Some(lang.pick(
            "見出し: 職員番号・所属・開始日（・終了日）。1行に1つの配属、今の配属は終了日が空欄",
            "Headers: 職員番号 所属 開始日 (終了日). One posting a row; the current one has no 終了日",
        )),
        PromptFor::TeamFolder => Some(lang.pick(
            "フォルダ内の計画ファイル（.toml）を一覧します。例: ~/team",
            "Lists the plan files (.toml) in the folder. e.g. ~/team",
        )),
        _ => None,
    }
}

pub fn prompt(frame: &mut Frame, state: &State, prompt: &Prompt, area: Rect, theme: &Theme) {
    let lang = state.lang();
    let rect = centered(area, 76, 8);
    clear_popup(frame, rect);
    let title = match &prompt.target {
        PromptFor::Field(field) => field.label(lang).to_string(),
        PromptFor::SaveAs => lang
            .pick("名前を付けて保存（名前、またはパス）", "Save as (a name, or a path)")
            .to_string(),
        PromptFor::Rename(_) => lang.pick("名前の変更", "Rename").to_string(),
        PromptFor::TeamFolder => lang
            .pick(
                "チームの計画を一覧するフォルダ（パス、~ 可）",
                "The team's folder of plans (a path; ~ allowed)",
            )
            .to_string(),
        PromptFor::RosterFile => lang
            .pick(
                "職員名簿のファイル（CSV・Excel、パス、~ 可）",
                "The roster file (CSV or Excel; a path; ~ allowed)",
            )
            .to_string(),
        PromptFor::RosterHistory => lang
            .pick(
                "配属履歴のファイル（CSV・Excel、パス、~ 可）",
                "The posting history (CSV or Excel; a path; ~ allowed)",
            )
            .to_string(),
    };
    let outer = block(&title, theme);
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    let columns = usize::from(inner.width);
    let (shown, cursor) = prompt.input.visible(columns.saturating_sub(2));
    let mut lines = vec![Line::from(format!(" {shown}")), Line::from("")];
    if let Some(e) = &prompt.error {
        lines.extend(theme.wrap(e.get(lang), columns, theme.error));
    } else if let Some(hint) = prompt_hint(&prompt.target, lang) {
        lines.extend(theme.wrap(hint, columns, theme.dim));
    }
    lines.push(Line::styled(
        lang.pick(" Enter 確定  Esc 取消", " Enter confirms  Esc cancels"),
        theme.dim,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
    frame.set_cursor_position(Position {
        x: inner
            .x
            .saturating_add(1)
            .saturating_add(u16::try_from(cursor).unwrap_or(0)),
        y: inner.y,
    });
}

pub fn editor(frame: &mut Frame, state: &State, editor: &Editor, area: Rect, theme: &Theme) {
    let lang = state.lang();
    let rect = centered(area, 80, area.height.saturating_sub(4).min(16));
    clear_popup(frame, rect);
    let title = match &editor.target {
        EditorFor::Evidence(id) => {
            let name = state
                .doc
                .as_ref()
                .and_then(|d| d.profile.competency(id))
                .map_or(id.as_str(), |c| c.name.as_str());
            format!("{}: {name}", lang.pick("根拠", "Evidence"))
        }
        EditorFor::Constraint(_) => lang.pick("本人の事情", "Personal constraint").to_string(),
        EditorFor::Comment(_, side) => match side {
            crate::model::NoteAuthor::Own => lang.pick("本人の所見", "Own comment"),
            crate::model::NoteAuthor::Supervisor => lang.pick("上司の所見・助言", "Supervisor's comment and advice"),
        }
        .to_string(),
        EditorFor::NextSteps(_) => lang
            .pick("合意した次の一歩（1行に1つ）", "Agreed next steps (one per line)")
            .to_string(),
        EditorFor::Wcm(pane) => format!("{}: {}", pane.title(lang), lang.pick("本人の言葉", "in my own words")),
        EditorFor::LifelineNote(fy) => format!(
            "{}: {}",
            lang.pick("ライフラインのメモ", "Life-line note"),
            crate::model::fiscal_year_label(*fy, lang)
        ),
    };
    let outer = block(&title, theme);
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    let columns = usize::from(inner.width);
    let footer = key_lines(state, &[Scope::Editor, Scope::Text], columns, theme);
    let error = editor
        .error
        .as_ref()
        .map(|e| theme.wrap(e.get(lang), columns, theme.error))
        .unwrap_or_default();
    let text_height = usize::from(inner.height)
        .saturating_sub(footer.len() + error.len() + 1)
        .max(1);
    let (lines, (row, col)) = editor.input.layout(columns.saturating_sub(1));
    let first = row.saturating_sub(text_height - 1);
    let mut shown: Vec<Line> = lines
        .into_iter()
        .skip(first)
        .take(text_height)
        .map(|l| Line::styled(l, theme.text))
        .collect();
    while shown.len() < text_height {
        shown.push(Line::from(""));
    }
    shown.push(Line::from(""));
    shown.extend(error);
    shown.extend(footer);
    frame.render_widget(Paragraph::new(shown), inner);
    frame.set_cursor_position(Position {
        x: inner.x.saturating_add(u16::try_from(col).unwrap_or(0)),
        y: inner.y.saturating_add(u16::try_from(row - first).unwrap_or(0)),
    });
}

#[allow(clippy::too_many_arguments)]
pub fn message(frame: &mut Frame, state: &State, title: &Said, body: &Said, scroll: usize, area: Rect, theme: &Theme) {
    let lang = state.lang();
    let rect = centered(area, 96, area.height.saturating_sub(2));
    clear_popup(frame, rect);
    let outer = block(title.get(lang), theme);
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    let columns = usize::from(inner.width);
    let lines: Vec<Line> = body
        .get(lang)
        .lines()
        .flat_map(|l| theme.wrap(l, columns, theme.text))
        .collect();
    let height = usize::from(inner.height).saturating_sub(1);
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let more = lines.len() > scroll + height;
    let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    while shown.len() < height {
        shown.push(Line::from(""));
    }
    shown.push(Line::styled(
        if more {
            match lang {
                crate::i18n::Lang::Ja => format!("{} 続きあり　Esc / Enter で閉じる", theme.glyphs.down),
                crate::i18n::Lang::En => format!("{} more below   Esc / Enter closes", theme.glyphs.down),
            }
        } else {
            lang.pick("Esc / Enter で閉じる", "Esc / Enter closes").to_string()
        },
        theme.dim,
    ));
    frame.render_widget(Paragraph::new(shown), inner);
}

fn dialog(frame: &mut Frame, state: &State, title: &str, text: &str, scope: Scope, area: Rect, theme: &Theme) {
    let width = 72u16.min(area.width);
    let columns = usize::from(width.saturating_sub(2));
    let mut lines = theme.wrap(text, columns, theme.text);
    lines.push(Line::from(""));
    lines.extend(key_lines(state, &[scope], columns, theme));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, width, height);
    clear_popup(frame, rect);
    frame.render_widget(Paragraph::new(lines).block(block(title, theme)), rect);
}

pub fn confirm(frame: &mut Frame, state: &State, question: &Said, area: Rect, theme: &Theme) {
    let title = state.lang().pick("削除の確認", "Delete?");
    dialog(
        frame,
        state,
        title,
        question.get(state.lang()),
        Scope::Confirm,
        area,
        theme,
    );
}

pub fn confirm_reset(frame: &mut Frame, state: &State, area: Rect, theme: &Theme) {
    let lang = state.lang();
    let title = lang.pick("サンプルを元に戻す", "Reset the sample");
    let text = lang.pick(
        "このサンプルへの変更を捨てて、配布されたときの内容に戻しますか？ 戻した後も u で変更を取り戻せます。",
        "Discard the edits to this sample and put it back as shipped? Afterwards u still brings the edits back.",
    );
    dialog(frame, state, title, text, Scope::ConfirmReset, area, theme);
}

pub fn unsaved(frame: &mut Frame, state: &State, then: AfterClose, area: Rect, theme: &Theme) {
    let lang = state.lang();
    let title = match then {
        AfterClose::StartScreen => lang.pick("計画を閉じる", "Close the plan"),
        AfterClose::Quit => lang.pick("終了の確認", "Quit?"),
    };
    let text = lang.pick(
        "保存していない変更があります。どうしますか？",
        "There are unsaved changes. What should happen to them?",
    );
    dialog(frame, state, title, text, Scope::Unsaved, area, theme);
}

pub fn conflict(frame: &mut Frame, state: &State, area: Rect, theme: &Theme) {
    let lang = state.lang();
    let text = lang.pick(
        "この計画のファイルは、開いた後に他のプログラム（別の Michi やエディタ）で変更されています。上書きはしません。あなたの変更は下書きに残しています。",
        "This plan's file was changed by another program (another Michi or an editor) after it was opened. It will not be overwritten; your edits are kept in a draft.",
    );
    dialog(
        frame,
        state,
        lang.pick("ファイルが他で変更されています", "The file changed elsewhere"),
        text,
        Scope::Conflict,
        area,
        theme,
    );
}
