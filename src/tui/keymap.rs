//! The one key table. Every key of every mode — views, pop-ups, forms, the palette and the
//! dialogs — maps to a [`Command`] here, and the help overlay, the key hints and the
//! palette's command list are generated from it, so they can never disagree with the keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Lang;
use crate::tui::action::{Answer, Command, View};
use crate::tui::state::RosterPage;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// In every mode (Ctrl-C).
    Always,
    /// The start screen and the plan views (not inside pop-ups).
    Global,
    Start,
    /// Any plan view.
    Plan,
    View(View),
    Help,
    Message,
    /// Typing in any text field (palette, prompt, editor, form).
    Text,
    Picker,
    Prompt,
    Editor,
    Form,
    /// "Delete …?": y confirms, anything else cancels.
    Confirm,
    /// Closing or quitting with unsaved edits.
    Unsaved,
    /// The file changed on disk.
    Conflict,
    /// The team list (the plans of a folder).
    Team,
    /// Workshop mode (`michi workshop`): the start screen and the plan views.
    WorkshopMode,
    /// A guided tour under way: its keys win over the view's (`n` writes no note then).
    Tour,
    /// "Put this sample back as shipped?": y resets, anything else keeps it.
    ConfirmReset,
    /// The compare screen (two plans side by side).
    Compare,
    /// The roster screen (the HR office's report over a roster file).
    Roster,
}

impl Scope {
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Scope::Always | Scope::Global => lang.pick("どこでも", "Everywhere"),
            Scope::Start => lang.pick("スタート画面", "Start screen"),
            Scope::Plan => lang.pick("計画の画面", "Plan views"),
            Scope::View(v) => v.title(lang),
            Scope::Help => lang.pick("ヘルプ", "Help"),
            Scope::Message => lang.pick("お知らせ", "Messages"),
            Scope::Text => lang.pick("文字の入力", "Typing text"),
            Scope::Picker => lang.pick("検索・選択", "Search and pick"),
            Scope::Prompt => lang.pick("1行の入力", "One-line input"),
            Scope::Editor => lang.pick(
                "複数行の入力（根拠・本人の事情・所見・次の一歩）",
                "Multi-line input (evidence, constraints, comments, next steps)",
            ),
            Scope::Form => lang.pick(
                "入力フォーム（配属・休業等・面談・目標・記録メモ・書き出し）",
                "Forms (postings, leave, interviews, goals, notes, export)",
            ),
            Scope::Confirm => lang.pick("削除の確認", "Confirming a deletion"),
            Scope::Unsaved => lang.pick("未保存の変更の確認", "Unsaved changes"),
            Scope::Conflict => lang.pick("ファイルが他で変更されたとき", "When the file changed elsewhere"),
            Scope::Team => lang.pick("チームの計画一覧", "Team folder"),
            Scope::WorkshopMode => lang.pick("ワークショップ", "Workshop mode"),
            Scope::Tour => lang.pick(
                "ガイドツアー中（n と p は記録メモ・受講予定より優先）",
                "During a guided tour (n and p take over from notes and planning)",
            ),
            Scope::ConfirmReset => lang.pick("サンプルを元に戻す確認", "Resetting a sample"),
            Scope::Compare => lang.pick("比較", "Compare"),
            Scope::Roster => lang.pick("名簿レポート（人事課）", "Roster report (HR office)"),
        }
    }
}

/// A key pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode, KeyModifiers),
    /// Any printable character typed without Ctrl or Alt.
    AnyChar,
    /// Any key at all (a dialog's "anything else").
    AnyKey,
}

/// One key binding with its description.
pub struct Binding {
    pub scope: Scope,
    /// As shown to people.
    pub keys: &'static str,
    pub codes: &'static [Key],
    pub command: Command,
    pub ja: &'static str,
    pub en: &'static str,
    /// Shown in the key hints of its scope.
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
    ($scope:expr, $keys:literal, [$($code:expr),+], $command:expr, $ja:literal, $en:literal, $hint:literal) => {
        Binding { scope: $scope, keys: $keys, codes: &[$($code),+], command: $command, ja: $ja, en: $en, hint: $hint }
    };
}

const fn k(code: KeyCode) -> Key {
    Key::Code(code, NONE)
}

const fn ctrl(c: char) -> Key {
    Key::Code(KeyCode::Char(c), CTRL)
}

const fn ch(c: char) -> Key {
    Key::Code(KeyCode::Char(c), NONE)
}

use Command as C;
use KeyCode::*;
use Scope::*;

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind!(Always, "Ctrl-C", [ctrl('c')], C::Interrupt, "終了（未保存なら確認）", "Quit (asks when unsaved)", false),

    bind!(Global, "?", [ch('?'), Key::Code(Char('?'), SHIFT), k(F(1))], C::Help, "ヘルプ（キー一覧）", "Help (all keys)", true),
    bind!(Global, "/ Ctrl-P", [ch('/'), ctrl('p')], C::Palette, "検索・コマンド", "Search and commands", true),
    bind!(Global, "↑ k", [k(Up), ch('k')], C::Up, "上へ", "Up", false),
    bind!(Global, "↓ j", [k(Down), ch('j')], C::Down, "下へ", "Down", false),
    bind!(Global, "PgUp", [k(PageUp)], C::PageUp, "前のページ", "Page up", false),
    bind!(Global, "PgDn", [k(PageDown)], C::PageDown, "次のページ", "Page down", false),
    bind!(Global, "Home g", [k(Home), ch('g')], C::Top, "先頭へ", "To the top", false),
    bind!(Global, "End G", [k(End), ch('G'), Key::Code(Char('G'), SHIFT)], C::Bottom, "末尾へ", "To the end", false),
    bind!(Global, "M", [ch('M'), Key::Code(Char('M'), SHIFT)], C::ToggleMouse, "マウス操作の切替（オフで文字を選択できます）", "Toggle mouse capture (off lets you select text)", false),
    bind!(Global, "L", [ch('L'), Key::Code(Char('L'), SHIFT)], C::ToggleLang, "表示言語の切替（日本語／English）", "Switch language (日本語 / English)", false),
    bind!(Global, "T", [ch('T'), Key::Code(Char('T'), SHIFT)], C::CycleTheme, "配色の切替（標準／高コントラスト／モノクロ）", "Cycle theme (default / high contrast / monochrome)", false),
    bind!(Global, "W", [ch('W'), Key::Code(Char('W'), SHIFT)], C::ToggleWareki, "和暦の表示の切替（2026（令和8年度）／2026年度）", "Show or hide Japanese era years (和暦; Japanese only)", false),

    bind!(Start, "Enter", [k(Enter)], C::Open, "開く", "Open", true),
    bind!(Start, "r", [ch('r')], C::Rename, "保存した計画の名前を変える", "Rename a saved plan", true),
    bind!(Start, "c", [ch('c')], C::Duplicate, "保存した計画を複製", "Duplicate a saved plan", true),
    bind!(Start, "x Del", [ch('x'), k(Delete)], C::Delete, "計画・下書きを削除（ごみ箱へ、u で戻す）", "Delete a plan or draft (to the trash; u brings it back)", true),
    bind!(Start, "u Ctrl-Z", [ch('u'), ctrl('z')], C::Undo, "削除を元に戻す", "Undo the deletion", false),
    bind!(Start, "q", [ch('q')], C::Quit, "終了", "Quit", true),
    bind!(Start, "t", [ch('t')], C::Team, "チームのフォルダを一覧", "List a team folder", true),
    bind!(Start, "w", [ch('w')], C::Workshop, "ワークショップ（対象を選ぶ）", "Workshop mode (choose the cohort)", true),
    bind!(Start, "C", [ch('C'), Key::Code(Char('C'), SHIFT)], C::Compare, "2つの計画を比較（保存した計画・サンプル）", "Compare two plans (saved plans, samples)", true),
    bind!(Start, "H", [ch('H'), Key::Code(Char('H'), SHIFT)], C::Roster, "職員名簿のレポート（人事課: CSV・Excel を開く）", "Roster report (HR office: open a CSV or Excel roster)", true),

    bind!(Plan, "Tab", [k(Tab)], C::NextView, "次の画面", "Next view", true),
    bind!(Plan, "Shift-Tab", [k(BackTab), Key::Code(BackTab, SHIFT)], C::PrevView, "前の画面", "Previous view", false),
    bind!(Plan, "1", [ch('1')], C::Go(View::Situation), "現在の状況へ", "Go to My situation", false),
    bind!(Plan, "2", [ch('2')], C::Go(View::Path), "昇任の道筋へ", "Go to Path", false),
    bind!(Plan, "3", [ch('3')], C::Go(View::Gaps), "能力の差へ", "Go to Gaps", false),
    bind!(Plan, "4", [ch('4')], C::Go(View::Trainings), "研修計画へ", "Go to Trainings", false),
    bind!(Plan, "5", [ch('5')], C::Go(View::Rotation), "ローテーションへ", "Go to Rotation", false),
    bind!(Plan, "6", [ch('6')], C::Go(View::Roles), "役割の確認へ", "Go to Roles", false),
    bind!(Plan, "7", [ch('7')], C::Go(View::Support), "育成の仕組みへ", "Go to Support", false),
    bind!(Plan, "8", [ch('8')], C::Go(View::Interview), "面談記録へ", "Go to Interview", false),
    bind!(Plan, "9", [ch('9')], C::Go(View::Workshop), "ワークシートへ", "Go to Workshop", false),
    bind!(Plan, "X", [ch('X'), Key::Code(Char('X'), SHIFT)], C::Export, "面談シートを書き出す", "Export the interview sheet", true),
    bind!(Plan, "u Ctrl-Z", [ch('u'), ctrl('z')], C::Undo, "元に戻す", "Undo", true),
    bind!(Plan, "Ctrl-R Ctrl-Y", [ctrl('r'), ctrl('y')], C::Redo, "やり直す", "Redo", false),
    bind!(Plan, "Ctrl-S", [ctrl('s')], C::Save, "保存", "Save", true),
    bind!(Plan, "F2", [k(F(2))], C::SaveAs, "名前を付けて保存", "Save as", false),
    bind!(Plan, "q F10", [ch('q'), k(F(10))], C::ClosePlan, "計画を閉じてスタート画面へ", "Close the plan (back to the start screen)", true),
    bind!(Plan, "Esc", [k(Esc)], C::Back, "現在の状況へ戻る", "Back to My situation", false),
    bind!(Plan, "← h", [k(Left), ch('h')], C::Left, "左・値を戻す", "Left / previous value", false),
    bind!(Plan, "→ l", [k(Right), ch('l')], C::Right, "右・値を進める", "Right / next value", false),
    bind!(Plan, "C", [ch('C'), Key::Code(Char('C'), SHIFT)], C::Compare, "別の市のプロファイルで比較", "Compare under another city's profile", false),
    bind!(Plan, "J K", [ch('J'), Key::Code(Char('J'), SHIFT), Key::Code(Down, SHIFT), ch('K'), Key::Code(Char('K'), SHIFT), Key::Code(Up, SHIFT)], C::DetailsDown, "説明の欄を下・上へ送る（Shift-↓ Shift-↑ も）", "Scroll the details pane down / up (Shift-↓ Shift-↑ too)", false),

    bind!(View(View::Situation), "Enter", [k(Enter)], C::Open, "選んだ行を編集", "Edit the selected row", true),
    bind!(View(View::Situation), "+", [ch('+'), Key::Code(Char('+'), SHIFT), ch('=')], C::LevelUp, "本人評価を上げる", "Raise self level", true),
    bind!(View(View::Situation), "-", [ch('-')], C::LevelDown, "本人評価を下げる", "Lower self level", true),
    bind!(View(View::Situation), ">", [ch('>'), Key::Code(Char('>'), SHIFT)], C::SupervisorUp, "上司評価を上げる", "Raise supervisor level", false),
    bind!(View(View::Situation), "<", [ch('<'), Key::Code(Char('<'), SHIFT)], C::SupervisorDown, "上司評価を下げる", "Lower supervisor level", false),
    bind!(View(View::Situation), "v", [ch('v')], C::ChooseLevel, "本人評価を記述から選ぶ", "Choose the self level by its description", false),
    bind!(View(View::Situation), "e", [ch('e')], C::EditEvidence, "根拠を書く（複数行）", "Write evidence (several lines)", true),
    bind!(View(View::Situation), "a", [ch('a')], C::Add, "配属・休業・研修・事情を追加", "Add a posting, leave, training or constraint", true),
    bind!(View(View::Situation), "x Del", [ch('x'), k(Delete)], C::Delete, "選んだ行を削除（確認あり）", "Delete the selected row (asks first)", true),

    bind!(View(View::Path), "Enter", [k(Enter)], C::SetTarget, "選んだ職級を目標にする", "Make the selected grade the target", true),

    bind!(View(View::Gaps), "Enter e", [k(Enter), ch('e')], C::EditEvidence, "根拠を書く（複数行）", "Write evidence (several lines)", true),
    bind!(View(View::Gaps), "+", [ch('+'), Key::Code(Char('+'), SHIFT), ch('=')], C::LevelUp, "本人評価を上げる", "Raise self level", true),
    bind!(View(View::Gaps), "-", [ch('-')], C::LevelDown, "本人評価を下げる", "Lower self level", true),
    bind!(View(View::Gaps), "v", [ch('v')], C::ChooseLevel, "本人評価を記述から選ぶ", "Choose the self level by its description", true),
    bind!(View(View::Gaps), "s", [ch('s')], C::SortNext, "並べ替え（重点／差／文書順／本人と上司の差）", "Sort (emphasis / gap / document order / self vs supervisor)", true),
    bind!(View(View::Gaps), "n", [ch('n')], C::AddNote, "この能力の記録メモを書く", "Write a note on this competency", false),
    bind!(View(View::Gaps), "f", [ch('f')], C::FilterNext, "絞り込み（すべて／差あり／◎のみ）", "Filter (all / with gap / key only)", true),
    bind!(View(View::Gaps), ">", [ch('>'), Key::Code(Char('>'), SHIFT)], C::SupervisorUp, "上司評価を上げる", "Raise supervisor level", false),
    bind!(View(View::Gaps), "<", [ch('<'), Key::Code(Char('<'), SHIFT)], C::SupervisorDown, "上司評価を下げる", "Lower supervisor level", false),

    bind!(View(View::Trainings), "Enter p", [k(Enter), ch('p')], C::MarkPlanned, "受講予定にする・外す", "Mark / unmark planned", true),
    bind!(View(View::Trainings), "← →", [k(Left), k(Right)], C::Right, "受講予定の年度を1年前・後へ", "Move the planned year earlier / later", true),
    bind!(View(View::Trainings), "d", [ch('d')], C::MarkDone, "受講済みにする・外す", "Mark / unmark done", true),
    bind!(View(View::Trainings), "x Del", [ch('x'), k(Delete)], C::Delete, "受講済み・受講予定から外す（確認あり）", "Remove from done or planned (asks first)", false),

    bind!(View(View::Rotation), "Enter", [k(Enter)], C::Open, "選んだ配属を編集", "Edit the selected posting", true),

    bind!(View(View::Roles), "Space Enter", [ch(' '), k(Enter)], C::TickRole, "本人: できている・外す", "Self: I do this / undo", true),
    bind!(View(View::Roles), "c", [ch('c')], C::ConfirmRole, "上司: 確認した・外す", "Supervisor: confirmed / undo", true),

    bind!(View(View::Interview), "Enter", [k(Enter)], C::Open, "選んだ行を編集", "Edit the selected row", true),
    bind!(View(View::Interview), "a", [ch('a')], C::Add, "追加（面談の行で目標）", "Add (a goal, on an interview)", true),
    bind!(View(View::Interview), "n", [ch('n')], C::AddNote, "記録メモを書く", "Write a note", true),
    bind!(View(View::Interview), "Space", [ch(' ')], C::CycleGoalStatus, "目標の状況を進める", "Move a goal's status on", true),
    bind!(View(View::Interview), "t", [ch('t')], C::AgreeTrainings, "合意した研修を選ぶ（研修計画に入る）", "Choose agreed trainings (they join the plan)", true),
    bind!(View(View::Interview), "← →", [k(Left), k(Right)], C::Right, "前・次の年度", "Previous / next fiscal year", true),
    bind!(View(View::Interview), "s", [ch('s')], C::SortNext, "記録メモの並べ方（日付／能力／記入者）", "Order notes (date / competency / author)", false),
    bind!(View(View::Interview), "x Del", [ch('x'), k(Delete)], C::Delete, "面談・目標・メモを削除（確認あり）", "Delete an interview, goal or note (asks first)", false),

    bind!(View(View::Workshop), "[ ]", [ch('['), ch(']')], C::NextPage, "前・次のワークシート", "Previous / next worksheet", true),
    bind!(View(View::Workshop), "← →", [k(Left), k(Right)], C::Right, "ライフライン: 年度を選ぶ", "Life-line: choose year", false),
    bind!(View(View::Workshop), "+", [ch('+'), Key::Code(Char('+'), SHIFT), ch('=')], C::LevelUp, "ライフライン: 充実度を上げる", "Life-line: score up", false),
    bind!(View(View::Workshop), "-", [ch('-')], C::LevelDown, "ライフライン: 充実度を下げる", "Life-line: score down", false),
    bind!(View(View::Workshop), "Enter", [k(Enter)], C::Open, "選んだ欄・年に書く", "Write in the selected pane or year", true),
    bind!(View(View::Workshop), "x Del", [ch('x'), k(Delete)], C::Delete, "選んだ欄・年の記入を消す（確認あり、u で戻す）", "Clear the selected pane or year (asks first; u undoes)", true),

    bind!(Help, "↑ ↓", [k(Up), k(Down)], C::Down, "スクロール", "Scroll", false),
    bind!(Help, "PgUp PgDn", [k(PageUp), k(PageDown)], C::PageDown, "ページ送り", "Page", false),
    bind!(Help, "Esc ? q Enter", [k(Esc), ch('?'), Key::Code(Char('?'), SHIFT), ch('q'), k(Enter), k(F(1))], C::Back, "閉じる", "Close", true),

    bind!(Message, "↑ ↓", [k(Up), k(Down)], C::Down, "スクロール", "Scroll", false),
    bind!(Message, "Esc Enter q", [k(Esc), k(Enter), ch('q')], C::Back, "閉じる", "Close", true),

    bind!(Text, "(text)", [Key::AnyChar], C::Type('\0'), "入力（貼り付けもそのまま入ります）", "Type (a paste goes in as text)", false),
    bind!(Text, "BS", [k(Backspace)], C::Backspace, "1文字消す", "Delete back", false),
    bind!(Text, "Del", [k(Delete)], C::DeleteForward, "カーソルの文字を消す", "Delete forward", false),
    bind!(Text, "←", [k(Left)], C::CursorLeft, "カーソルを左へ・選択肢を戻す", "Cursor left / previous choice", false),
    bind!(Text, "→", [k(Right)], C::CursorRight, "カーソルを右へ・選択肢を進める", "Cursor right / next choice", false),
    bind!(Text, "Home Ctrl-A", [k(Home), ctrl('a')], C::LineStart, "行頭へ", "Line start", false),
    bind!(Text, "End Ctrl-E", [k(End), ctrl('e')], C::LineEnd, "行末へ", "Line end", false),
    bind!(Text, "Ctrl-U", [ctrl('u')], C::ClearLine, "行頭まで消す", "Delete to line start", false),
    bind!(Text, "Esc", [k(Esc)], C::Back, "取り消す", "Cancel", true),

    bind!(Picker, "Enter", [k(Enter)], C::Submit, "選ぶ", "Choose", true),
    bind!(Picker, "↑ ↓", [k(Up), k(Down)], C::Down, "候補を選ぶ", "Move in the list", true),
    bind!(Picker, "PgUp PgDn", [k(PageUp), k(PageDown)], C::PageDown, "候補のページ", "Page the list", false),

    bind!(Prompt, "Enter", [k(Enter)], C::Submit, "確定", "Confirm", true),

    bind!(Editor, "Enter", [k(Enter)], C::NewLine, "改行", "New line", true),
    bind!(Editor, "Ctrl-S", [ctrl('s')], C::Submit, "確定", "Confirm", true),
    bind!(Editor, "↑ ↓", [k(Up), k(Down)], C::Down, "上下の行へ", "Line up / down", false),

    bind!(Form, "Enter", [k(Enter)], C::Submit, "確定", "Confirm", true),
    bind!(Form, "Tab ↓", [k(Tab), k(Down)], C::NextField, "次の項目", "Next field", true),
    bind!(Form, "Shift-Tab ↑", [k(BackTab), Key::Code(BackTab, SHIFT), k(Up)], C::PrevField, "前の項目", "Previous field", false),

    bind!(Confirm, "y", [ch('y'), ch('Y'), Key::Code(Char('Y'), SHIFT)], C::Answer(Answer::Yes), "削除する", "Delete", true),
    bind!(Confirm, "(any other)", [Key::AnyKey], C::Answer(Answer::No), "取り消す", "Cancel", true),

    bind!(Unsaved, "s", [ch('s')], C::Answer(Answer::Save), "保存して閉じる", "Save and close", true),
    bind!(Unsaved, "n", [ch('n')], C::Answer(Answer::No), "保存せずに閉じる", "Close without saving", true),
    bind!(Unsaved, "Esc", [k(Esc)], C::Back, "キャンセル", "Cancel", true),

    bind!(Conflict, "r", [ch('r')], C::Answer(Answer::Reload), "ファイルを読み直す（自分の変更は u で戻せます）", "Reload the file (u brings my edits back)", true),
    bind!(Conflict, "a", [ch('a')], C::Answer(Answer::SaveMine), "自分の版を別名で保存", "Save mine under another name", true),
    bind!(Conflict, "d", [ch('d')], C::Answer(Answer::ShowDiff), "違いを見る", "Show what differs", true),
    bind!(Conflict, "Esc", [k(Esc)], C::Back, "後で決める（自動保存は止めたまま）", "Decide later (autosave stays paused)", true),

    bind!(Team, "Enter", [k(Enter)], C::Open, "選んだ計画を開く", "Open the selected plan", true),
    bind!(Team, "↑ ↓", [k(Up), k(Down)], C::Down, "計画を選ぶ", "Move in the list", true),
    bind!(Team, "PgUp PgDn", [k(PageUp), k(PageDown)], C::PageDown, "ページ送り", "Page", false),
    bind!(Team, "Home g", [k(Home), ch('g')], C::Top, "先頭へ", "To the top", false),
    bind!(Team, "End G", [k(End), ch('G'), Key::Code(Char('G'), SHIFT)], C::Bottom, "末尾へ", "To the end", false),
    bind!(Team, "Esc q", [k(Esc), ch('q')], C::Back, "閉じる", "Close", true),

    bind!(WorkshopMode, "N", [ch('N'), Key::Code(Char('N'), SHIFT)], C::TourStart, "ガイドツアー（開始・再開）", "Guided tour (start / resume)", true),
    bind!(WorkshopMode, "R", [ch('R'), Key::Code(Char('R'), SHIFT)], C::ResetSample, "開いているサンプルを元に戻す（確認あり、u で変更を戻せる）", "Reset the open sample (asks first; u brings the edits back)", false),
    bind!(WorkshopMode, "A", [ch('A'), Key::Code(Char('A'), SHIFT)], C::ToggleAnonymous, "氏名の匿名表示の切替（参加者A …）", "Anonymous names on or off (Participant A …)", false),

    bind!(Tour, "n", [ch('n')], C::TourNext, "次の手順", "Next step", true),
    bind!(Tour, "p", [ch('p')], C::TourPrev, "前の手順", "Previous step", true),
    bind!(Tour, "Esc", [k(Esc)], C::TourLeave, "ツアーを中断（N で同じ手順に戻る）", "Leave the tour (N comes back to the same step)", true),

    bind!(ConfirmReset, "y", [ch('y'), ch('Y'), Key::Code(Char('Y'), SHIFT)], C::Answer(Answer::Yes), "元に戻す（u で変更を取り戻せる）", "Reset (u brings the edits back)", true),
    bind!(ConfirmReset, "(any other)", [Key::AnyKey], C::Answer(Answer::No), "取り消す", "Cancel", true),
    bind!(Compare, "↑ ↓", [k(Up), k(Down)], C::Down, "スクロール", "Scroll", true),
    bind!(Compare, "PgUp PgDn", [k(PageUp), k(PageDown)], C::PageDown, "ページ送り", "Page", false),
    bind!(Compare, "m", [ch('m')], C::ShowMapping, "対応づけの詳細（写せなかったもの）", "Mapping report", true),
    bind!(Compare, "Esc q", [k(Esc), ch('q')], C::Back, "戻る", "Back", true),
    bind!(Roster, "← →", [k(Left), k(Right), k(Tab), k(BackTab), Key::Code(BackTab, SHIFT), ch('['), ch(']')], C::NextPage, "ページ（Tab [ ] も）", "Pages (Tab [ ] too)", true),
    bind!(Roster, "↑ ↓", [k(Up), k(Down)], C::Down, "スクロール", "Scroll", false),
    bind!(Roster, "PgUp PgDn", [k(PageUp), k(PageDown)], C::PageDown, "ページ送り", "Page", false),
    bind!(Roster, "1", [ch('1')], C::RosterGo(RosterPage::Retirements), "退職の波へ", "Go to Retirements", false),
    bind!(Roster, "2", [ch('2')], C::RosterGo(RosterPage::Pyramid), "年齢構成へ", "Go to Ages", false),
    bind!(Roster, "3", [ch('3')], C::RosterGo(RosterPage::ManagementLimits), "役職定年へ", "Go to Post limits", false),
    bind!(Roster, "4", [ch('4')], C::RosterGo(RosterPage::TurningSixty), "60歳の意思確認へ", "Go to Turning 60", false),
    bind!(Roster, "5", [ch('5')], C::RosterGo(RosterPage::Succession), "後継者へ", "Go to Succession", false),
    bind!(Roster, "6", [ch('6')], C::RosterGo(RosterPage::TrainingDemand), "研修の対象者へ", "Go to Training demand", false),
    bind!(Roster, "7", [ch('7')], C::RosterGo(RosterPage::Rotation), "ローテーションへ", "Go to Rotation", false),
    bind!(Roster, "8", [ch('8')], C::RosterGo(RosterPage::Problems), "使えなかった行へ", "Go to Rows not used", false),
    bind!(Roster, "f", [ch('f')], C::FilterNext, "内訳の切替", "Breakdown", true),
    bind!(Roster, "Esc q", [k(Esc), ch('q')], C::Back, "戻る", "Back", true),
    bind!(Roster, "h", [ch('h')], C::RosterHistory, "配属履歴を開く", "Open a posting history", true),
];

/// Whether `pattern` matches `key`. Terminals report Shift with upper-case letters
/// inconsistently, so a plain pattern also matches the key with Shift.
fn matches(pattern: Key, key: &KeyEvent) -> bool {
    match pattern {
        Key::AnyKey => true,
        Key::AnyChar => matches!(key.code, KeyCode::Char(c) if !c.is_control()) && (key.modifiers - SHIFT).is_empty(),
        Key::Code(code, mods) => {
            code == key.code && (mods == key.modifiers || (key.modifiers == SHIFT && mods == NONE))
        }
    }
}

/// The command `key` triggers in `scopes` (later scopes are more specific and win; within a
/// scope the first binding wins, so `AnyKey` bindings go last).
pub fn command_for(key: &KeyEvent, scopes: &[Scope]) -> Option<Command> {
    for scope in scopes.iter().rev() {
        for b in BINDINGS.iter().filter(|b| b.scope == *scope) {
            if b.codes.iter().any(|p| matches(*p, key)) {
                return Some(match (b.command, key.code) {
                    (Command::Type(_), KeyCode::Char(c)) => Command::Type(c),
                    // One binding stands for both directions of a scroll or a list move.
                    (Command::Down, KeyCode::Up) => Command::Up,
                    (Command::PageDown, KeyCode::PageUp) => Command::PageUp,
                    (Command::Right, KeyCode::Left) => Command::Left,
                    (Command::NextPage, KeyCode::Char('[') | KeyCode::Left | KeyCode::BackTab) => Command::PrevPage,
                    (Command::DetailsDown, KeyCode::Char('K') | KeyCode::Up) => Command::DetailsUp,
                    (command, _) => command,
                });
            }
        }
    }
    None
}

/// Bindings for a set of scopes, in table order.
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
    fn view_bindings_win_over_wider_ones_and_shift_is_tolerated() {
        let scopes = [Always, Global, Plan, View(View::Gaps)];
        assert_eq!(command_for(&key(Char('s'), NONE), &scopes), Some(C::SortNext));
        assert_eq!(command_for(&key(Char('s'), CTRL), &scopes), Some(C::Save));
        assert_eq!(command_for(&key(Char('?'), SHIFT), &scopes), Some(C::Help));
        assert_eq!(command_for(&key(Char('+'), SHIFT), &scopes), Some(C::LevelUp));
        assert_eq!(command_for(&key(Char('s'), NONE), &[Always, Global, Start]), None);
    }

    #[test]
    fn text_fields_take_every_character_and_ctrl_c_still_works() {
        let scopes = [Always, Text, Prompt];
        for c in ['q', '?', '-', 'x', '主', 'G'] {
            assert_eq!(command_for(&key(Char(c), NONE), &scopes), Some(C::Type(c)));
        }
        assert_eq!(command_for(&key(Char('c'), CTRL), &scopes), Some(C::Interrupt));
        assert_eq!(command_for(&key(Enter, NONE), &scopes), Some(C::Submit));
        assert_eq!(command_for(&key(Char('['), KeyModifiers::ALT), &scopes), None);
    }

    #[test]
    fn a_delete_dialog_cancels_on_anything_but_y() {
        let scopes = [Always, Confirm];
        assert_eq!(
            command_for(&key(Char('y'), NONE), &scopes),
            Some(C::Answer(Answer::Yes))
        );
        for code in [Char('n'), Char('x'), Enter, Esc, Up] {
            assert_eq!(command_for(&key(code, NONE), &scopes), Some(C::Answer(Answer::No)));
        }
    }

    #[test]
    fn every_binding_is_described_in_both_languages_and_any_key_comes_last() {
        for b in BINDINGS {
            assert!(!b.ja.is_empty() && !b.en.is_empty() && !b.keys.is_empty());
        }
        for (i, b) in BINDINGS.iter().enumerate() {
            if b.codes.contains(&Key::AnyKey) {
                assert!(BINDINGS.iter().skip(i + 1).all(|later| later.scope != b.scope));
            }
        }
    }
}
