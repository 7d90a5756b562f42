//! The app's state, split by screen. Selections remember the item (a competency id, a
//! training id, a posting), never only a row number, so lists that re-sort after an edit
//! keep the same thing selected. Nothing here touches the disk, the clock or the terminal.

mod compare;
mod doc;
mod interview;
mod lifeline;
mod lists;
mod next10;
mod roster;
mod said;
mod team;
mod tour;
mod wcm;
mod workshop;

pub use compare::{
    Compare, ComparePage, CompareRow, CompareSource, RowKind, TWO_COLUMNS_FROM, column_width, plain, visible_rows,
};
pub use doc::{Doc, Edit, HISTORY_LIMIT, History, ReadOnly, Selections, Source};
pub use interview::{IvRow, NoteOrder, interview_rows, interviews_of, side_label};
pub use lists::{
    Field, GapFilter, GapSort, Section, Selection, SitRow, StartKey, SupportEntry, TrainingRow, gap_rows, path_rows,
    role_rows, situation_rows, start_rows, support_entries, support_rows, training_rows,
};
pub use next10::{NextTenRow, next_ten, next10_rows};
pub use roster::{RosterHistory, RosterPage, RosterScreen};
pub use said::Said;
pub use team::{TeamList, TeamRow};
pub use tour::{Tour, TourItem, TourStep, WorkshopMode, page_id, view_id};
pub use wcm::{WcmPane, WcmState};
pub use workshop::WorkshopPage;

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::model::{Date, Plan};
use crate::store::Catalog;
use crate::tui::action::View;
use crate::tui::forms::{Editor, Form, Prompt};
use crate::tui::picker::Picker;
use crate::tui::theme::{GlyphMode, Theme, ThemeKind};

/// Smallest terminal the app lays itself out in: an 80×24 terminal inside tmux or screen
/// has 23 rows, so the minimum is below that.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 22;

/// A saved plan as listed on the start screen.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedEntry {
    pub path: PathBuf,
    /// Last change, as `YYYY-MM-DD HH:MM` (local to the file system).
    pub modified: Option<String>,
    pub summary: Result<PlanSummary, Said>,
}

/// What the start screen shows of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSummary {
    pub name: Option<String>,
    pub city: String,
    pub grade: String,
    pub sample: bool,
}

/// A recovery draft: edits to a plan that had no file of its own yet (new, or a sample).
#[derive(Debug, Clone, PartialEq)]
pub struct DraftEntry {
    pub path: PathBuf,
    /// What it was made from ("上越市の新しい計画", a sample's file name).
    pub origin: String,
    pub written: Option<String>,
    pub plan: Result<Plan, Said>,
}

/// The start screen's lists.
#[derive(Debug, Clone, Default)]
pub struct Start {
    pub saved: Vec<SavedEntry>,
    pub drafts: Vec<DraftEntry>,
    pub selected: Selection<StartKey>,
    /// Files moved to the trash this session, newest last (u brings the last one back).
    pub trashed: Vec<(PathBuf, PathBuf)>,
    /// The team folder last asked for this session, as typed (the prompt starts with it).
    pub team_folder: Option<String>,
    /// The plan last opened from the team list: selected again when the list comes back.
    pub team_opened: Option<PathBuf>,
    /// Rows listed first (workshop mode: the tour and the cohort's personas), and not again
    /// in their usual places.
    pub first: Vec<StartKey>,
    /// The roster file last asked for this session, as typed (the prompt starts with it).
    pub roster_file: Option<String>,
    /// The posting history last asked for this session, as typed (the prompt starts with it).
    pub roster_history: Option<String>,
}

/// Something drawn that a click can land on (from the last frame's hit map).
#[derive(Debug, Clone, PartialEq)]
pub enum Hit {
    Tab(View),
    Start(StartKey),
    Situation(SitRow),
    Path(String),
    Gap(String),
    Training(String),
    Rotation(usize),
    Role(u16),
    Support(usize),
    Interview(IvRow),
    /// A pane of the Will-Can-Must page.
    WcmPane(WcmPane),
    /// A year of the life-line chart.
    LifelineYear(crate::model::FiscalYear),
    /// A page tab of the roster screen.
    RosterPage(RosterPage),
    /// A management grade in the roster's succession overview (index into its posts).
    RosterPost(usize),
}

/// A deletion waiting for `y`.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Posting(usize),
    Leave(usize),
    Completed(String),
    Planned(String),
    Constraint(usize),
    /// An interview with its goals (index into the plan's interviews).
    Interview(usize),
    /// A goal (interview, goal).
    Goal(usize, usize),
    Note(usize),
    SavedPlan(PathBuf),
    Draft(PathBuf),
    /// The participant's own words in a Will-Can-Must pane.
    WcmWords(WcmPane),
    /// A life-line year's 充実度 and note.
    Lifeline(crate::model::FiscalYear),
}

/// What to do once the unsaved-changes question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterClose {
    StartScreen,
    Quit,
}

/// What covers the main screen.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Message {
        title: Said,
        body: Said,
        scroll: usize,
    },
    Picker(Picker),
    Prompt(Prompt),
    Editor(Editor),
    Form(Form),
    Confirm {
        pending: Pending,
        question: Said,
    },
    Unsaved {
        then: AfterClose,
    },
    Conflict,
    Team(TeamList),
    /// "Put this sample back as shipped?" (workshop mode's R): y resets, anything else keeps.
    ConfirmReset,
}

/// A line for the message bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: Said,
    pub warning: bool,
}

/// Interface settings the user can change while the app runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ui {
    pub lang: Lang,
    pub theme: ThemeKind,
    pub ascii: bool,
    pub mouse: bool,
    /// Fiscal years with their 和暦 (「2026（令和8年度）」); off: 「2026年度」. English never
    /// shows the era.
    pub wareki: bool,
    /// The terminal draws East-Asian-ambiguous characters two columns wide (Tera Term,
    /// RLogin, Windows Terminal with CJK settings): symbols are laid out that wide.
    pub ambiguous_wide: bool,
}

impl Default for Ui {
    fn default() -> Ui {
        Ui {
            lang: Lang::Ja,
            theme: ThemeKind::Default,
            ascii: false,
            mouse: true,
            wareki: true,
            ambiguous_wide: false,
        }
    }
}

impl Ui {
    /// How ambiguous-width characters are drawn: ASCII wins over wide (ASCII has none).
    pub fn glyph_mode(&self) -> GlyphMode {
        match (self.ascii, self.ambiguous_wide) {
            (true, _) => GlyphMode::Ascii,
            (false, true) => GlyphMode::Wide,
            (false, false) => GlyphMode::Unicode,
        }
    }
}

pub struct State {
    pub ui: Ui,
    /// The terminal's size, as last reported.
    pub size: (u16, u16),
    /// The as-of date of every figure shown: the open plan's (a sample's `as_of`), else the
    /// session's.
    pub today: Date,
    /// Set by `--today`: shown in the header so a handout says which date it assumed, and
    /// used for every plan, samples included.
    pub today_fixed: bool,
    pub catalog: Catalog,
    pub start: Start,
    pub doc: Option<Doc>,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    /// The program is to end after this update (the shell stops drawing and exits).
    pub quit: bool,
    /// Close the plan (or quit) once the save under way is reported done.
    pub close_after_save: Option<AfterClose>,
    /// Distinguishes this session's recovery drafts from another's (set by the shell).
    pub session: String,
    /// Drafts started this session (numbers the next one).
    pub drafts_made: usize,
    /// Why each profile that failed to load failed, in both languages (its first problem,
    /// and all of them).
    pub profile_problems: Vec<ProfileProblem>,
    /// The session's date: today in Japan, or `--today`.
    pub session_today: Date,
    /// Workshop mode (`michi workshop`, or `w` on the start screen).
    pub workshop: Option<WorkshopMode>,
    /// The compare screen, when open (over the start screen or the open plan; read-only).
    pub compare: Option<Compare>,
    /// The roster screen, when open (over the start screen; read-only).
    pub roster: Option<RosterScreen>,
}

/// A profile that failed to load, told in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileProblem {
    pub path: PathBuf,
    pub first: Said,
    pub all: Said,
}

impl State {
    pub fn new(catalog: Catalog, ui: Ui, today: Date, today_fixed: bool) -> State {
        State {
            ui,
            size: (MIN_WIDTH, 24),
            today,
            today_fixed,
            catalog,
            start: Start::default(),
            doc: None,
            overlay: None,
            status: None,
            quit: false,
            close_after_save: None,
            session: String::from("0"),
            drafts_made: 0,
            profile_problems: Vec::new(),
            session_today: today,
            workshop: None,
            compare: None,
            roster: None,
        }
    }

    pub fn lang(&self) -> Lang {
        self.ui.lang
    }

    pub fn theme(&self) -> Theme {
        Theme::new(self.ui.theme, self.ui.glyph_mode())
    }

    /// A fiscal year as the screens show it: 「2026（令和8年度）」, 「2026年度」 with the
    /// 和暦 off, 「FY2026」 in English.
    pub fn fy(&self, fy: crate::model::FiscalYear) -> String {
        crate::model::fiscal_year_text(fy, self.lang(), self.ui.wareki)
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    pub fn say(&mut self, text: Said) {
        self.status = Some(Status { text, warning: false });
    }

    pub fn warn(&mut self, text: Said) {
        self.status = Some(Status { text, warning: true });
    }

    /// Fixes the as-of date for the whole session, as `--today` does.
    pub fn fix_today(&mut self, date: Date) {
        self.today = date;
        self.session_today = date;
        self.today_fixed = true;
    }

    /// The as-of date with no plan open: the workshop's, else the session's.
    pub fn base_today(&self) -> Date {
        self.workshop.as_ref().map_or(self.session_today, |w| w.date)
    }

    /// The as-of date of `plan`'s figures: a fixed date (`--today`, a workshop) wins;
    /// otherwise a sample's own `as_of`, so its description stays true; else the session's.
    pub fn today_for(&self, plan: &Plan) -> Date {
        if self.today_fixed || self.workshop.is_some() {
            self.base_today()
        } else {
            plan.as_of.unwrap_or(self.session_today)
        }
    }

    /// Whether the header says 基準日: the date was fixed, or is a sample's own.
    pub fn today_is_set(&self) -> bool {
        self.today_fixed
            || self.workshop.is_some()
            || self.doc.as_ref().is_some_and(|d| d.plan.as_of == Some(self.today))
    }

    /// A person's name as shown: a pseudonym in anonymous workshop display.
    pub fn shown_name(&self, name: &str) -> String {
        match &self.workshop {
            Some(w) if w.anonymous => w.pseudonym(name, self.lang()),
            _ => name.to_string(),
        }
    }
}
