//! Everything a user can ask the app to do. Keys, mouse and the command palette all map to
//! these; `App::update` carries them out.

/// The main views, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Situation,
    Path,
    Gaps,
    Trainings,
    Rotation,
}

impl View {
    pub const ALL: [View; 5] = [View::Situation, View::Path, View::Gaps, View::Trainings, View::Rotation];

    pub fn title(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            View::Situation => lang.pick("現在の状況", "My situation"),
            View::Path => lang.pick("昇任の道筋", "Path"),
            View::Gaps => lang.pick("能力の差", "Gaps"),
            View::Trainings => lang.pick("研修計画", "Trainings"),
            View::Rotation => lang.pick("ローテーション", "Rotation"),
        }
    }

    pub fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
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
    ToggleMouse,
    ToggleLang,
    CycleTheme,
    /// Raise / lower the selected competency's self-assessed level.
    LevelUp,
    LevelDown,
    /// Raise / lower the supervisor's level (interview use).
    SupervisorUp,
    SupervisorDown,
    EditEvidence,
    SortNext,
    FilterNext,
    MarkPlanned,
    MarkDone,
    Add,
    Delete,
    StartScreen,
}
