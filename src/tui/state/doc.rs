//! An open plan: the plan, its profile, the engine's results, where it is kept, what was
//! last written, the undo history and each view's selection.

use std::path::PathBuf;

use crate::engine::{self, Analysis};
use crate::model::{Date, FiscalYear, Plan, Profile};
use crate::tui::action::View;
use crate::tui::state::interview::{IvRow, NoteOrder};
use crate::tui::state::lists::{GapFilter, GapSort, Selection, SitRow};
use crate::tui::state::said::Said;

/// Undo steps kept (the issue asks for at least 100).
pub const HISTORY_LIMIT: usize = 200;

/// Why a plan file is open read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnly {
    /// No write permission on the file (or its folder).
    NoPermission,
    /// Another Michi has it open.
    OpenElsewhere,
    /// A shipped sample (`sample = true`): it is never written to.
    Sample,
}

impl ReadOnly {
    pub fn said(self) -> Said {
        match self {
            ReadOnly::NoPermission => Said::new(
                "読み取り専用（書き込みの権限がありません。Ctrl-S で別名に保存できます）",
                "read-only (no write permission; Ctrl-S saves under another name)",
            ),
            ReadOnly::OpenElsewhere => Said::new(
                "読み取り専用（別の Michi がこの計画を開いています。Ctrl-S で別名に保存できます）",
                "read-only (another Michi has this plan open; Ctrl-S saves under another name)",
            ),
            ReadOnly::Sample => Said::new(
                "サンプル（元のファイルは変更しません。Ctrl-S で名前を付けて保存）",
                "sample (the file itself is never changed; Ctrl-S saves a copy)",
            ),
        }
    }
}

/// Where an open plan is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A plan file. Writable files save after every edit; read-only ones keep edits in a
    /// recovery draft until saved under another name.
    File { path: PathBuf, read_only: Option<ReadOnly> },
    /// A new plan or a built-in sample with no file yet: kept in a recovery draft after
    /// every edit until saved.
    Unsaved {
        /// What it was made from, for the draft list.
        origin: String,
    },
}

/// One step of the undo history.
#[derive(Debug, Clone)]
pub struct Edit {
    pub before: Plan,
    pub after: Plan,
    /// What the step did, for "元に戻しました: …".
    pub what: Said,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    pub undo: Vec<Edit>,
    pub redo: Vec<Edit>,
}

impl History {
    pub fn record(&mut self, edit: Edit) {
        self.undo.push(edit);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }
}

/// The selection of each view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selections {
    pub situation: Selection<SitRow>,
    pub path: Selection<String>,
    pub gaps: Selection<String>,
    pub trainings: Selection<String>,
    pub rotation: Selection<usize>,
    /// A role of the target grade, by its number (1 = the document's first).
    pub roles: Selection<u16>,
    /// An entry of the support view, by its position (ideals, then measures).
    pub support: Selection<usize>,
    pub interview: Selection<IvRow>,
    /// A row of the workshop's 「これからの10年」 page.
    pub next10: Selection<crate::tui::state::NextTenRow>,
}

#[derive(Debug, Clone)]
pub struct Doc {
    pub plan: Plan,
    pub profile: Profile,
    pub analysis: Analysis,
    pub source: Source,
    /// The plan as last read from or written to its file (None: never written).
    pub on_disk: Option<Plan>,
    /// The last state nothing would be lost in: as written, or a sample or new plan as
    /// opened (None: a restored draft, never saved).
    pub baseline: Option<Plan>,
    /// The file changed on disk since it was read: saving is paused until the user decides.
    pub conflict: bool,
    /// Key of this plan's recovery draft (its file stem in the drafts folder).
    pub draft_key: String,
    pub history: History,
    pub view: View,
    pub selected: Selections,
    pub gap_sort: GapSort,
    pub gap_filter: GapFilter,
    /// The fiscal year the Interview view shows (this year when opened).
    pub interview_fy: FiscalYear,
    pub note_order: NoteOrder,
    /// The workshop view's page.
    pub workshop_page: crate::tui::state::WorkshopPage,
    /// The Will-Can-Must page's pane and scroll.
    pub wcm: crate::tui::state::WcmState,
    /// The life-line page's selected fiscal year (None: this year).
    pub lifeline_fy: Option<FiscalYear>,
    /// The bundled persona this plan was opened from (its file stem), if any.
    pub persona: Option<&'static str>,
    /// Lines the current view's details pane is scrolled down (J / K); back to the top
    /// when the view or its selection changes.
    pub detail_scroll: usize,
}

impl Doc {
    pub fn new(
        plan: Plan,
        profile: Profile,
        source: Source,
        on_disk: Option<Plan>,
        baseline: Option<Plan>,
        draft_key: String,
        today: Date,
    ) -> Doc {
        let analysis = engine::analyze(&profile, &plan, today, engine::DEFAULT_PER_YEAR);
        let mut selected = Selections::default();
        selected.situation.key = Some(SitRow::Field(crate::tui::state::lists::Field::Name));
        Doc {
            plan,
            profile,
            analysis,
            source,
            on_disk,
            baseline,
            conflict: false,
            draft_key,
            history: History::default(),
            view: View::Situation,
            selected,
            gap_sort: GapSort::Emphasis,
            gap_filter: GapFilter::All,
            interview_fy: today.fiscal_year(),
            note_order: NoteOrder::Date,
            workshop_page: Default::default(),
            wcm: Default::default(),
            lifeline_fy: None,
            persona: None,
            detail_scroll: 0,
        }
    }

    /// Edits that would be lost without a save: not in the plan's own file, or made to a
    /// sample or new plan since it was opened.
    pub fn unsaved(&self) -> bool {
        self.baseline.as_ref() != Some(&self.plan)
    }

    /// Whether edits are written to the file as they are made.
    pub fn autosaves(&self) -> bool {
        matches!(self.source, Source::File { read_only: None, .. }) && !self.conflict
    }

    pub fn read_only(&self) -> Option<ReadOnly> {
        match self.source {
            Source::File { read_only, .. } => read_only,
            Source::Unsaved { .. } => None,
        }
    }

    /// Recomputes the engine's results after the plan changed.
    pub fn reanalyze(&mut self, today: Date) {
        self.analysis = engine::analyze(&self.profile, &self.plan, today, engine::DEFAULT_PER_YEAR);
    }
}
