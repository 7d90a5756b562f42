//! What a user can ask the app to do. Keys map to [`Command`]s through the one key table
//! (`keymap`); pastes, clicks, resizes and the results of the shell's work arrive as other
//! [`Action`]s. `update` is the only place either changes the state.

use std::path::PathBuf;

use crate::tui::state::Hit;
use crate::tui::update::Outcome;

/// The main views, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Situation,
    Path,
    Gaps,
    Trainings,
    Rotation,
    /// The target grade's roles as a checklist.
    Roles,
    /// 目指す職員像 and the career-support measures the document describes.
    Support,
    /// The interview record (面談記録): interviews, goals and the notes of the period.
    Interview,
    /// The career-design workshop's worksheets, one page each (life-line, Will-Can-Must,
    /// the next ten years).
    Workshop,
}

impl View {
    pub const ALL: [View; 9] = [
        View::Situation,
        View::Path,
        View::Gaps,
        View::Trainings,
        View::Rotation,
        View::Roles,
        View::Support,
        View::Interview,
        View::Workshop,
    ];

    pub fn title(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            View::Situation => lang.pick("現在の状況", "My situation"),
            View::Path => lang.pick("昇任の道筋", "Path"),
            View::Gaps => lang.pick("能力の差", "Gaps"),
            View::Trainings => lang.pick("研修計画", "Trainings"),
            View::Rotation => lang.pick("ローテーション", "Rotation"),
            View::Roles => lang.pick("役割の確認", "Roles"),
            View::Support => lang.pick("育成の仕組み", "Support"),
            View::Interview => lang.pick("面談", "Interview"),
            View::Workshop => lang.pick("ワークシート", "Workshop"),
        }
    }

    /// The title on a tab line too narrow for [`View::title`] (80 columns).
    pub fn short_title(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            View::Situation => lang.pick("状況", "Me"),
            View::Path => lang.pick("道筋", "Path"),
            View::Gaps => lang.pick("能力", "Gaps"),
            View::Trainings => lang.pick("研修", "Train"),
            View::Rotation => lang.pick("異動", "Rotate"),
            View::Roles => lang.pick("役割", "Roles"),
            View::Support => lang.pick("支援", "Support"),
            View::Interview => lang.pick("面談", "Talk"),
            View::Workshop => lang.pick("演習", "Work"),
        }
    }

    pub fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

/// An answer in a dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    Yes,
    No,
    /// Save, then go on (closing a plan).
    Save,
    /// Read the file again from disk (a conflict).
    Reload,
    /// Keep my version under another name (a conflict).
    SaveMine,
    /// Show what differs between my version and the file (a conflict).
    ShowDiff,
    /// Restore a recovery draft.
    Restore,
    /// Throw a recovery draft away.
    Discard,
}

/// What a key asks for. Every key of every mode maps to one of these through the key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Quit the program (start screen); on a plan, close it first.
    Quit,
    /// Ctrl-C: quit from anywhere, asking first when something is unsaved.
    Interrupt,
    Help,
    Palette,
    Back,
    Open,
    NextView,
    PrevView,
    Go(View),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Save,
    SaveAs,
    ClosePlan,
    Undo,
    Redo,
    ToggleMouse,
    ToggleLang,
    CycleTheme,
    LevelUp,
    LevelDown,
    SupervisorUp,
    SupervisorDown,
    EditEvidence,
    SortNext,
    FilterNext,
    MarkPlanned,
    MarkDone,
    /// Choose the selected competency's self level from its descriptions (a picker).
    ChooseLevel,
    /// Write the plan's 面談シート to the data folder (a picker of formats).
    Export,
    /// Tick or untick the selected role as carried out (the employee's view).
    TickRole,
    /// Tick or untick the selected role as confirmed by the supervisor.
    ConfirmRole,
    /// The selected goal's status, in turn (planned → in progress → done → dropped).
    CycleGoalStatus,
    /// Write a note of the period (職務行動記録メモ).
    AddNote,
    /// Choose the trainings agreed at the selected interview (they join the training plan).
    AgreeTrainings,
    /// The workshop view's next or previous page.
    NextPage,
    PrevPage,
    SetTarget,
    Add,
    Delete,
    Rename,
    Duplicate,
    Answer(Answer),
    /// Typing into the focused text field.
    Type(char),
    Backspace,
    DeleteForward,
    CursorLeft,
    CursorRight,
    LineStart,
    LineEnd,
    ClearLine,
    NewLine,
    Submit,
    NextField,
    PrevField,
    /// List the plans of a folder (the team list; asks for the folder first).
    Team,
    /// Workshop mode: choose the cohort (a picker), or leave the mode.
    Workshop,
    /// Start the cohort's guided tour, or resume it at the step it was left on.
    TourStart,
    TourNext,
    TourPrev,
    /// Leave the tour; the step is kept for `TourStart`.
    TourLeave,
    /// Put the open sample back as its file has it (asks first; undoable).
    ResetSample,
    /// Show names as pseudonyms (参加者A …), or as they are.
    ToggleAnonymous,
    /// Compare two plans (start screen: pick them), or the open plan under another city's
    /// profile (pick the city).
    Compare,
    /// On the compare screen: the mapping report (what was mapped, what could not be).
    ShowMapping,
    /// Show or hide the 和暦 beside fiscal years.
    ToggleWareki,
    /// Scroll the current view's details pane (the lower or right pane) down or up a line.
    DetailsDown,
    DetailsUp,
    /// Open a roster file for the HR office's report (asks for the file, then the profile).
    Roster,
    /// On the roster screen: read a posting history (配属履歴) for the rotation page (asks
    /// for the file).
    RosterHistory,
    /// A page of the roster screen by its number (`1`–`8`, as its tab shows it).
    RosterGo(crate::tui::state::RosterPage),
}

/// Everything that reaches `update`.
#[derive(Debug, Clone)]
pub enum Action {
    Command(Command),
    /// Bracketed paste: text for the focused field, never keys.
    Paste(String),
    /// A click on something drawn (looked up in the hit map of the last frame).
    Click(Hit),
    /// The mouse wheel: rows to move (negative is up).
    Scroll(i8),
    Resize(u16, u16),
    /// SIGTERM or SIGHUP: leave now (drafts are already written).
    Terminate,
    /// The shell's report on an effect.
    Done(Box<Outcome>),
    /// A plan file given on the command line.
    OpenPath(PathBuf),
}

impl From<Command> for Action {
    fn from(c: Command) -> Action {
        Action::Command(c)
    }
}
