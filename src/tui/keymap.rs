//! The key table. The app, the help overlay, the status bar and the palette's command list
//! are all generated from it, so they can never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Lang;
use crate::tui::action::{Action, View};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Start,
    /// Any plan view.
    Plan,
    View(View),
}

/// One key binding with its description.
pub struct Binding {
    pub scope: Scope,
    /// As shown to people.
    pub keys: &'static str,
    pub codes: &'static [(KeyCode, KeyModifiers)],
    pub action: Action,
    pub ja: &'static str,
    pub en: &'static str,
    /// Shown in the status bar of its scope.
    pub hint: bool,
}

impl Binding {
    pub fn describe(&self, lang: Lang) -> &'static str {
        lang.pick(self.ja, self.en)
    }
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

macro_rules! bind {
    ($scope:expr, $keys:literal, [$($code:expr),+], $action:expr, $ja:literal, $en:literal, $hint:literal) => {
        Binding { scope: $scope, keys: $keys, codes: &[$($code),+], action: $action, ja: $ja, en: $en, hint: $hint }
    };
}

use KeyCode::*;
use Scope::*;

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind!(Global, "q", [(Char('q'), NONE)], Action::Quit, "終了", "Quit", true),
    bind!(Global, "Ctrl-C", [(Char('c'), CTRL)], Action::Quit, "終了", "Quit", false),
    bind!(Global, "?", [(Char('?'), NONE), (Char('?'), SHIFT), (F(1), NONE)], Action::Help, "ヘルプ（キー一覧）", "Help (all keys)", true),
    bind!(Global, "/ Ctrl-P", [(Char('/'), NONE), (Char('p'), CTRL)], Action::Palette, "検索・コマンド", "Search and commands", true),
    bind!(Global, "Esc", [(Esc, NONE)], Action::Back, "戻る・閉じる", "Back / close", false),
    bind!(Global, "↑ k", [(Up, NONE), (Char('k'), NONE)], Action::Up, "上へ", "Up", false),
    bind!(Global, "↓ j", [(Down, NONE), (Char('j'), NONE)], Action::Down, "下へ", "Down", false),
    bind!(Global, "PgUp", [(PageUp, NONE)], Action::PageUp, "前のページ", "Page up", false),
    bind!(Global, "PgDn", [(PageDown, NONE)], Action::PageDown, "次のページ", "Page down", false),
    bind!(Global, "Home g", [(Home, NONE), (Char('g'), NONE)], Action::Top, "先頭へ", "To the top", false),
    bind!(Global, "End G", [(End, NONE), (Char('G'), NONE), (Char('G'), SHIFT)], Action::Bottom, "末尾へ", "To the end", false),
    bind!(Global, "Enter", [(Enter, NONE)], Action::Open, "開く・編集", "Open / edit", true),
    bind!(Global, "M", [(Char('M'), NONE), (Char('M'), SHIFT)], Action::ToggleMouse, "マウス操作の切替（オフで文字を選択できます）", "Toggle mouse capture (off lets you select text)", false),
    bind!(Global, "L", [(Char('L'), NONE), (Char('L'), SHIFT)], Action::ToggleLang, "表示言語の切替（日本語／English）", "Switch language (日本語 / English)", false),
    bind!(Global, "T", [(Char('T'), NONE), (Char('T'), SHIFT)], Action::CycleTheme, "配色の切替（標準／高コントラスト／モノクロ）", "Cycle theme (default / high contrast / monochrome)", false),
    bind!(Plan, "Tab", [(Tab, NONE)], Action::NextView, "次の画面", "Next view", true),
    bind!(Plan, "Shift-Tab", [(BackTab, NONE), (BackTab, SHIFT)], Action::PrevView, "前の画面", "Previous view", false),
    bind!(Plan, "1", [(Char('1'), NONE)], Action::Go(View::Situation), "現在の状況へ", "Go to My situation", false),
    bind!(Plan, "2", [(Char('2'), NONE)], Action::Go(View::Path), "昇任の道筋へ", "Go to Path", false),
    bind!(Plan, "3", [(Char('3'), NONE)], Action::Go(View::Gaps), "能力の差へ", "Go to Gaps", false),
    bind!(Plan, "4", [(Char('4'), NONE)], Action::Go(View::Trainings), "研修計画へ", "Go to Trainings", false),
    bind!(Plan, "5", [(Char('5'), NONE)], Action::Go(View::Rotation), "ローテーションへ", "Go to Rotation", false),
    bind!(Plan, "Ctrl-S", [(Char('s'), CTRL)], Action::Save, "保存", "Save", true),
    bind!(Plan, "F2", [(F(2), NONE)], Action::SaveAs, "名前を付けて保存", "Save as", false),
    bind!(Plan, "F10", [(F(10), NONE)], Action::StartScreen, "スタート画面へ", "Back to the start screen", false),
    bind!(Plan, "← h", [(Left, NONE), (Char('h'), NONE)], Action::Left, "左・値を戻す", "Left / previous value", false),
    bind!(Plan, "→ l", [(Right, NONE), (Char('l'), NONE)], Action::Right, "右・値を進める", "Right / next value", false),
    bind!(View(View::Situation), "+ -", [(Char('+'), NONE), (Char('+'), SHIFT), (Char('='), NONE)], Action::LevelUp, "本人評価を上げる（- で下げる）", "Raise self level (- lowers)", true),
    bind!(View(View::Situation), "-", [(Char('-'), NONE)], Action::LevelDown, "本人評価を下げる", "Lower self level", false),
    bind!(View(View::Situation), "> <", [(Char('>'), NONE), (Char('>'), SHIFT)], Action::SupervisorUp, "上司評価を上げる（< で下げる）", "Raise supervisor level (< lowers)", true),
    bind!(View(View::Situation), "<", [(Char('<'), NONE), (Char('<'), SHIFT)], Action::SupervisorDown, "上司評価を下げる", "Lower supervisor level", false),
    bind!(View(View::Situation), "e", [(Char('e'), NONE)], Action::EditEvidence, "根拠を書く", "Write evidence", true),
    bind!(View(View::Situation), "a", [(Char('a'), NONE)], Action::Add, "配属・休業・研修を追加", "Add a posting, leave or training", true),
    bind!(View(View::Situation), "x Del", [(Char('x'), NONE), (Delete, NONE)], Action::Delete, "選んだ行を削除", "Delete the selected row", true),
    bind!(View(View::Gaps), "+ -", [(Char('+'), NONE), (Char('+'), SHIFT), (Char('='), NONE)], Action::LevelUp, "本人評価を上げる（- で下げる）", "Raise self level (- lowers)", true),
    bind!(View(View::Gaps), "-", [(Char('-'), NONE)], Action::LevelDown, "本人評価を下げる", "Lower self level", false),
    bind!(View(View::Gaps), "s", [(Char('s'), NONE)], Action::SortNext, "並べ替え（重点／差／文書順）", "Sort (emphasis / gap / document order)", true),
    bind!(View(View::Gaps), "f", [(Char('f'), NONE)], Action::FilterNext, "絞り込み（すべて／差あり／◎のみ）", "Filter (all / with gap / key only)", true),
    bind!(View(View::Trainings), "p", [(Char('p'), NONE)], Action::MarkPlanned, "受講予定にする・外す", "Mark / unmark planned", true),
    bind!(View(View::Trainings), "d", [(Char('d'), NONE)], Action::MarkDone, "受講済みにする・外す", "Mark / unmark done", true),
];

/// The action `key` triggers in `scope` (more specific scopes win).
pub fn action_for(key: KeyEvent, scopes: &[Scope]) -> Option<Action> {
    // Terminals report Shift with upper-case letters inconsistently; match without it too.
    let plain = KeyModifiers::NONE;
    for scope in scopes.iter().rev() {
        for b in BINDINGS.iter().filter(|b| b.scope == *scope) {
            if b.codes.iter().any(|(code, mods)| {
                *code == key.code && (*mods == key.modifiers || (key.modifiers == SHIFT && *mods == plain))
            }) {
                return Some(b.action);
            }
        }
    }
    None
}

/// Bindings to list for a set of scopes, one per action and scope (aliases merged).
pub fn bindings_for(scopes: &[Scope]) -> impl Iterator<Item = &'static Binding> + '_ {
    BINDINGS.iter().filter(move |b| scopes.contains(&b.scope))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn view_bindings_win_over_global_ones_and_shift_is_tolerated() {
        let scopes = [Global, Plan, View(View::Gaps)];
        assert_eq!(action_for(key(Char('s'), NONE), &scopes), Some(Action::SortNext));
        assert_eq!(action_for(key(Char('s'), CTRL), &scopes), Some(Action::Save));
        assert_eq!(action_for(key(Char('?'), SHIFT), &scopes), Some(Action::Help));
        assert_eq!(action_for(key(Char('+'), SHIFT), &scopes), Some(Action::LevelUp));
        assert_eq!(action_for(key(Char('s'), NONE), &[Global, Start]), None);
    }

    #[test]
    fn every_binding_is_described_in_both_languages() {
        for b in BINDINGS {
            assert!(!b.ja.is_empty() && !b.en.is_empty() && !b.keys.is_empty());
        }
    }
}
