//! The app's state and how actions change it. Drawing lives in `ui` and `screens`; every
//! domain figure comes from the engine (`engine::analyze`), recomputed after each edit.

use std::path::{Path, PathBuf};

use crate::engine::{self, Analysis};
use crate::i18n::Lang;
use crate::model::{Assignment, Date, Leave, LeaveKind, Plan, Profile, Track};
use crate::store::personas::PERSONAS;
use crate::store::plans::{SavedPlan, save_plan, saved_plans};
use crate::store::{Catalog, parse_plan};
use crate::tui::action::{Action, View};
use crate::tui::input::TextInput;
use crate::tui::keymap::Scope;
use crate::tui::picker::{PickTarget, Picker};
use crate::tui::theme::{Theme, ThemeKind};

/// Rows of the "My situation" editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    BirthDate,
    HireDate,
    Series,
    Grade,
    GradeSince,
    TargetGrade,
    TargetFy,
    Track,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Name,
        Field::BirthDate,
        Field::HireDate,
        Field::Series,
        Field::Grade,
        Field::GradeSince,
        Field::TargetGrade,
        Field::TargetFy,
        Field::Track,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Name => lang.pick("氏名", "Name"),
            Field::BirthDate => lang.pick("生年月日", "Birth date"),
            Field::HireDate => lang.pick("採用日", "Hire date"),
            Field::Series => lang.pick("職系", "Job series"),
            Field::Grade => lang.pick("現在の職級", "Current grade"),
            Field::GradeSince => lang.pick("職級の開始日", "In grade since"),
            Field::TargetGrade => lang.pick("目標の職級", "Target grade"),
            Field::TargetFy => lang.pick("目標年度", "Target year"),
            Field::Track => lang.pick("区分", "Track"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Header(Section),
    Field(Field),
    Competency(usize),
    Posting(usize),
    AddPosting,
    Leave(usize),
    AddLeave,
    Training(usize),
    AddTraining,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Basics,
    Assessment,
    Postings,
    Leaves,
    Trainings,
}

impl Section {
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Section::Basics => lang.pick("基本情報", "Basics"),
            Section::Assessment => lang.pick(
                "自己評価（← → で段階、> < で上司評価、e で根拠）",
                "Self-assessment (← → level, > < supervisor, e evidence)",
            ),
            Section::Postings => lang.pick("配属歴", "Postings"),
            Section::Leaves => lang.pick("休業等", "Leave"),
            Section::Trainings => lang.pick("受講済みの研修", "Trainings completed"),
        }
    }
}

/// Where an open plan came from, and so where it is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file: edits are saved to it as they are made.
    File(PathBuf),
    /// A sample persona or a new plan: saved on request into the plans directory.
    Unsaved { suggested_name: String },
}

/// An open plan with its profile and the engine's results for it.
#[derive(Debug, Clone)]
pub struct PlanDoc {
    pub plan: Plan,
    pub profile: Profile,
    pub origin: Origin,
    /// Edits not yet on disk.
    pub dirty: bool,
    pub analysis: Analysis,
}

/// Rows of the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartItem {
    Saved(usize),
    New(String),
    Persona(usize),
    FailedProfile(usize),
}

/// A form in an overlay (adding or editing a posting or a leave).
#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<FormField>,
    pub selected: usize,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Posting(Option<usize>),
    Leave(Option<usize>),
}

#[derive(Debug, Clone)]
pub struct FormField {
    pub label: &'static str,
    pub input: TextInput,
    /// When set, the value is one of these (id, label), chosen with ← →.
    pub choices: Vec<(String, String)>,
    pub choice: usize,
}

#[derive(Debug, Clone)]
pub enum Prompt {
    Field(Field),
    Evidence(String),
    SaveAs,
}

/// What covers the main screen.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help,
    Picker(Picker),
    Prompt {
        prompt: Prompt,
        input: TextInput,
        error: Option<String>,
    },
    Form(Form),
    ConfirmQuit,
    Message {
        title: String,
        body: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapSort {
    Emphasis,
    Gap,
    Document,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapFilter {
    All,
    WithGap,
    KeyOnly,
}

/// Smallest terminal the app lays itself out in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub struct App {
    pub lang: Lang,
    pub theme_kind: ThemeKind,
    pub ascii: bool,
    pub mouse: bool,
    pub today: Date,
    pub catalog: Catalog,
    pub plans_dir: Option<PathBuf>,
    pub saved: Vec<SavedPlan>,
    pub start_selected: usize,
    pub doc: Option<PlanDoc>,
    pub view: View,
    /// Selected row per view.
    pub situation_row: usize,
    pub path_row: usize,
    pub gaps_row: usize,
    pub trainings_row: usize,
    pub rotation_row: usize,
    pub gap_sort: GapSort,
    pub gap_filter: GapFilter,
    pub overlay: Option<Overlay>,
    pub status: Option<(String, bool)>,
    pub size: (u16, u16),
    pub should_quit: bool,
    /// Settings changed and to be written by the shell.
    pub settings_changed: bool,
}

impl App {
    /// The app over `catalog`, saving plans into `plans_dir` (see `store::plans::plans_dir`).
    pub fn new(
        catalog: Catalog,
        lang: Lang,
        theme_kind: ThemeKind,
        ascii: bool,
        mouse: bool,
        today: Date,
        plans_dir: Option<PathBuf>,
    ) -> App {
        let mut app = App {
            lang,
            theme_kind,
            ascii,
            mouse,
            today,
            catalog,
            plans_dir,
            saved: Vec::new(),
            start_selected: 0,
            doc: None,
            view: View::Situation,
            situation_row: 1,
            path_row: 0,
            gaps_row: 0,
            trainings_row: 0,
            rotation_row: 0,
            gap_sort: GapSort::Emphasis,
            gap_filter: GapFilter::All,
            overlay: None,
            status: None,
            size: (MIN_WIDTH, MIN_HEIGHT),
            should_quit: false,
            settings_changed: false,
        };
        app.rescan_saved();
        app
    }

    pub fn theme(&self) -> Theme {
        Theme::new(self.theme_kind, self.ascii)
    }

    fn say(&mut self, message: impl Into<String>) {
        self.status = Some((message.into(), false));
    }

    fn warn(&mut self, message: impl Into<String>) {
        self.status = Some((message.into(), true));
    }

    /// Reads the plans directory again.
    pub fn rescan_saved(&mut self) {
        self.saved = match &self.plans_dir {
            Some(dir) => saved_plans(dir, &self.catalog, self.lang),
            None => Vec::new(),
        };
    }

    pub fn start_items(&self) -> Vec<StartItem> {
        let mut items: Vec<StartItem> = (0..self.saved.len()).map(StartItem::Saved).collect();
        items.extend(
            self.catalog
                .entries
                .iter()
                .map(|e| StartItem::New(e.profile.id.clone())),
        );
        items.extend((0..PERSONAS.len()).map(StartItem::Persona));
        items.extend((0..self.catalog.failed.len()).map(StartItem::FailedProfile));
        items
    }

    /// Opens a plan file given on the command line; a broken one is shown with its problems
    /// on the start screen and never opened for editing (so never overwritten).
    pub fn open_path(&mut self, path: &Path) {
        match crate::store::load_plan_file(path, &self.catalog, self.lang) {
            Ok(plan) => self.open_plan(plan, Origin::File(path.to_path_buf())),
            Err(diagnostics) => {
                let body = diagnostics.iter().map(|d| d.render(self.lang)).collect::<String>();
                self.overlay = Some(Overlay::Message {
                    title: match self.lang {
                        Lang::Ja => format!(
                            "計画を開けません: {}",
                            crate::text::escape_controls(&path.display().to_string())
                        ),
                        Lang::En => format!(
                            "Cannot open the plan {}",
                            crate::text::escape_controls(&path.display().to_string())
                        ),
                    },
                    body,
                });
            }
        }
    }

    pub fn open_plan(&mut self, plan: Plan, origin: Origin) {
        let Some(entry) = self.catalog.get(&plan.profile) else {
            return;
        };
        let profile = entry.profile.clone();
        let analysis = engine::analyze(&profile, &plan, self.today, engine::DEFAULT_PER_YEAR);
        self.doc = Some(PlanDoc {
            plan,
            profile,
            origin,
            dirty: false,
            analysis,
        });
        self.view = View::Situation;
        self.situation_row = 1;
        self.path_row = 0;
        self.gaps_row = 0;
        self.trainings_row = 0;
        self.rotation_row = 0;
        self.status = None;
    }

    /// A new plan for a profile, with example values to replace.
    fn new_plan(&self, profile: &Profile) -> Option<Plan> {
        let series = profile.job_series.first()?;
        let lowest = series.grades.first()?;
        let target = series.grades.iter().find(|g| g.management).or(series.grades.last())?;
        let hire = Date::fy_start(self.today.fiscal_year());
        Some(Plan {
            schema_version: crate::model::PLAN_SCHEMA_VERSION,
            sample: false,
            profile: profile.id.clone(),
            series: Some(series.id.clone()),
            name: None,
            birth_date: Date::new(self.today.year() - 23, 4, 2).unwrap_or(hire),
            hire_date: hire,
            grade: lowest.id.clone(),
            grade_since: hire,
            target_grade: target.id.clone(),
            target_fy: None,
            track: Track::Generalist,
            completed_trainings: vec![],
            planned_trainings: vec![],
            self_assessment: Default::default(),
            supervisor_assessment: Default::default(),
            evidence: Default::default(),
            assignments: vec![],
            leaves: vec![],
            constraints: vec![],
        })
    }

    /// Scopes for the key table, most general first.
    pub fn scopes(&self) -> Vec<Scope> {
        match &self.doc {
            None => vec![Scope::Global, Scope::Start],
            Some(_) => vec![Scope::Global, Scope::Plan, Scope::View(self.view)],
        }
    }

    /// Rows of the situation editor for the open plan.
    pub fn situation_rows(&self) -> Vec<Row> {
        let Some(doc) = &self.doc else { return vec![] };
        let mut rows = vec![Row::Header(Section::Basics)];
        rows.extend(Field::ALL.iter().map(|f| Row::Field(*f)));
        rows.push(Row::Header(Section::Assessment));
        rows.extend((0..doc.profile.competencies.len()).map(Row::Competency));
        rows.push(Row::Header(Section::Postings));
        rows.extend((0..doc.plan.assignments.len()).map(Row::Posting));
        rows.push(Row::AddPosting);
        rows.push(Row::Header(Section::Leaves));
        rows.extend((0..doc.plan.leaves.len()).map(Row::Leave));
        rows.push(Row::AddLeave);
        rows.push(Row::Header(Section::Trainings));
        rows.extend((0..doc.plan.completed_trainings.len()).map(Row::Training));
        rows.push(Row::AddTraining);
        rows
    }

    /// Gap rows in display order (indexes into the analysis' target gaps).
    pub fn gap_rows(&self) -> Vec<usize> {
        let Some(doc) = &self.doc else { return vec![] };
        let gaps = &doc.analysis.target.gaps;
        let mut rows: Vec<usize> = (0..gaps.len())
            .filter(|&i| match self.gap_filter {
                GapFilter::All => true,
                GapFilter::WithGap => gaps[i].gap.is_none_or(|g| g > 0),
                GapFilter::KeyOnly => gaps[i].emphasis == crate::model::Emphasis::Key,
            })
            .collect();
        match self.gap_sort {
            GapSort::Emphasis => {}
            GapSort::Gap => rows.sort_by_key(|&i| std::cmp::Reverse(gaps[i].gap.unwrap_or(0))),
            GapSort::Document => rows.sort_by_key(|&i| {
                doc.profile
                    .competencies
                    .iter()
                    .position(|c| c.id == gaps[i].competency)
                    .unwrap_or(usize::MAX)
            }),
        }
        rows
    }

    /// Training rows: suggestions in year order, then completed ones.
    pub fn training_rows(&self) -> Vec<TrainingRow> {
        let Some(doc) = &self.doc else { return vec![] };
        let mut rows: Vec<TrainingRow> = (0..doc.analysis.trainings.len()).map(TrainingRow::Suggested).collect();
        rows.extend((0..doc.plan.completed_trainings.len()).map(TrainingRow::Done));
        rows
    }

    fn row_count(&self) -> usize {
        match (&self.doc, self.view) {
            (None, _) => self.start_items().len(),
            (Some(_), View::Situation) => self.situation_rows().len(),
            (Some(doc), View::Path) => doc.analysis.trajectory.steps.len() + 1,
            (Some(_), View::Gaps) => self.gap_rows().len(),
            (Some(_), View::Trainings) => self.training_rows().len(),
            (Some(doc), View::Rotation) => doc.analysis.rotation.postings.len(),
        }
    }

    fn selected_mut(&mut self) -> &mut usize {
        match (&self.doc, self.view) {
            (None, _) => &mut self.start_selected,
            (Some(_), View::Situation) => &mut self.situation_row,
            (Some(_), View::Path) => &mut self.path_row,
            (Some(_), View::Gaps) => &mut self.gaps_row,
            (Some(_), View::Trainings) => &mut self.trainings_row,
            (Some(_), View::Rotation) => &mut self.rotation_row,
        }
    }

    /// Moves the selection by `delta` rows, skipping section headers in the editor.
    fn move_selection(&mut self, delta: isize) {
        let count = self.row_count();
        if count == 0 {
            return;
        }
        let rows = if self.doc.is_some() && self.view == View::Situation {
            self.situation_rows()
        } else {
            vec![]
        };
        let is_header = |i: usize| matches!(rows.get(i), Some(Row::Header(_)));
        let current = *self.selected_mut();
        let mut next = (current as isize + delta).clamp(0, count as isize - 1) as usize;
        let step: isize = if delta < 0 { -1 } else { 1 };
        while is_header(next) {
            let candidate = next as isize + step;
            if candidate < 0 || candidate >= count as isize {
                next = current;
                break;
            }
            next = candidate as usize;
        }
        *self.selected_mut() = next;
    }

    fn page(&self) -> isize {
        (self.size.1.saturating_sub(8) as isize).max(1)
    }

    /// Keeps selections inside their lists after the lists change.
    fn clamp_selections(&mut self) {
        for view in View::ALL {
            let saved = self.view;
            self.view = view;
            let count = self.row_count();
            let sel = self.selected_mut();
            *sel = (*sel).min(count.saturating_sub(1));
            self.view = saved;
        }
    }

    /// Applies `change` to a copy of the plan; keeps it only if the plan stays valid against
    /// its profile, then recomputes the analysis and saves (files) or marks unsaved.
    fn edit(&mut self, change: impl FnOnce(&mut Plan)) -> bool {
        let Some(doc) = &mut self.doc else { return false };
        let mut plan = doc.plan.clone();
        change(&mut plan);
        if plan == doc.plan {
            return false;
        }
        let problems = plan.validate(&doc.profile);
        if let Some(p) = problems.first() {
            let message = format!("{} — {}", p.kind.message(self.lang), p.kind.hint(self.lang));
            self.warn(message);
            return false;
        }
        doc.plan = plan;
        doc.analysis = engine::analyze(&doc.profile, &doc.plan, self.today, engine::DEFAULT_PER_YEAR);
        doc.dirty = true;
        self.status = None;
        if matches!(doc.origin, Origin::File(_)) {
            self.save();
        }
        self.clamp_selections();
        true
    }

    /// Saves the open plan: to its file, or (persona, new plan) into the plans directory
    /// under a name not yet taken. On failure the plan stays open and "save as" is offered.
    pub fn save(&mut self) {
        let lang = self.lang;
        let Some(doc) = &mut self.doc else { return };
        let path = match &doc.origin {
            Origin::File(path) => path.clone(),
            Origin::Unsaved { suggested_name } => match &self.plans_dir {
                Some(dir) => unique_path(dir, suggested_name),
                None => {
                    self.offer_save_as(
                        lang.pick("保存先のフォルダが分かりません", "no plans directory is known")
                            .to_string(),
                    );
                    return;
                }
            },
        };
        match save_plan(&path, &doc.plan) {
            Ok(()) => {
                doc.dirty = false;
                let was_new = !matches!(doc.origin, Origin::File(_));
                doc.origin = Origin::File(path.clone());
                if was_new {
                    let shown = crate::text::escape_controls(&path.display().to_string());
                    self.say(match lang {
                        Lang::Ja => format!("保存しました: {shown}（以後の変更は自動で保存されます）"),
                        Lang::En => format!("Saved to {shown} (further edits save automatically)"),
                    });
                    self.rescan_saved();
                }
            }
            Err(e) => {
                let shown = crate::text::escape_controls(&path.display().to_string());
                self.offer_save_as(match lang {
                    Lang::Ja => format!("{shown} に保存できません: {e}"),
                    Lang::En => format!("cannot save to {shown}: {e}"),
                });
            }
        }
    }

    fn offer_save_as(&mut self, reason: String) {
        let suggestion = std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_else(std::env::temp_dir)
            .join("michi-plan.toml");
        self.overlay = Some(Overlay::Prompt {
            prompt: Prompt::SaveAs,
            input: TextInput::new(&suggestion.display().to_string()),
            error: Some(reason),
        });
    }

    fn save_as(&mut self, path: &str) -> Result<(), String> {
        let path = PathBuf::from(path.trim());
        if path.as_os_str().is_empty() {
            return Err(self.lang.pick("パスを入力してください", "enter a path").to_string());
        }
        if path.exists() {
            return Err(self
                .lang
                .pick(
                    "そのファイルは既にあります。別の名前にしてください",
                    "that file exists: choose another name",
                )
                .to_string());
        }
        let lang = self.lang;
        let Some(doc) = &mut self.doc else { return Ok(()) };
        save_plan(&path, &doc.plan).map_err(|e| match lang {
            Lang::Ja => format!("保存できません: {e}"),
            Lang::En => format!("cannot save: {e}"),
        })?;
        doc.origin = Origin::File(path.clone());
        doc.dirty = false;
        self.say(match lang {
            Lang::Ja => format!(
                "保存しました: {}",
                crate::text::escape_controls(&path.display().to_string())
            ),
            Lang::En => format!("Saved to {}", crate::text::escape_controls(&path.display().to_string())),
        });
        Ok(())
    }

    /// Called when the process is told to stop (SIGTERM, SIGHUP): plans with a file are
    /// already saved after every edit; nothing else may be written without asking.
    pub fn on_terminate(&mut self) {
        self.should_quit = true;
    }

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        if self.overlay.is_some() {
            self.update_overlay(action);
            return;
        }
        match action {
            Action::Quit => self.request_quit(),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Palette => self.overlay = Some(Overlay::Picker(Picker::palette(self))),
            Action::Back if self.doc.is_some() => self.view = View::Situation,
            Action::StartScreen => self.close_plan(),
            Action::NextView | Action::PrevView if self.doc.is_some() => {
                let i = self.view.index() as isize + if action == Action::NextView { 1 } else { -1 };
                self.view = View::ALL[i.rem_euclid(View::ALL.len() as isize) as usize];
            }
            Action::Go(view) if self.doc.is_some() => self.view = view,
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            Action::PageUp => self.move_selection(-self.page()),
            Action::PageDown => self.move_selection(self.page()),
            Action::Top => {
                // The editor's first row is a section header; its first field is row 1.
                let first = usize::from(self.doc.is_some() && self.view == View::Situation);
                *self.selected_mut() = first;
            }
            Action::Bottom => {
                let count = self.row_count();
                *self.selected_mut() = count.saturating_sub(1);
            }
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.settings_changed = true;
                self.say(if self.mouse {
                    self.lang.pick("マウス操作: オン", "Mouse: on")
                } else {
                    self.lang.pick(
                        "マウス操作: オフ（文字を選択できます）",
                        "Mouse: off (text can be selected)",
                    )
                });
            }
            Action::ToggleLang => {
                self.lang = if self.lang == Lang::Ja { Lang::En } else { Lang::Ja };
                self.settings_changed = true;
            }
            Action::CycleTheme => {
                self.theme_kind = self.theme_kind.next();
                self.settings_changed = true;
            }
            Action::Save => self.save(),
            Action::SaveAs if self.doc.is_some() => self.offer_save_as(String::new()),
            Action::Open => self.open_selected(),
            _ if self.doc.is_some() => self.update_view(action),
            _ => {}
        }
    }

    fn request_quit(&mut self) {
        if self.doc.as_ref().is_some_and(|d| d.dirty) {
            self.overlay = Some(Overlay::ConfirmQuit);
        } else {
            self.should_quit = true;
        }
    }

    fn close_plan(&mut self) {
        if self.doc.as_ref().is_some_and(|d| d.dirty) {
            self.overlay = Some(Overlay::ConfirmQuit);
            return;
        }
        self.doc = None;
        self.rescan_saved();
    }

    fn open_selected(&mut self) {
        if self.doc.is_none() {
            self.open_start_item();
            return;
        }
        if self.view != View::Situation {
            return;
        }
        let rows = self.situation_rows();
        match rows.get(self.situation_row).copied() {
            Some(Row::Field(field)) => self.edit_field(field),
            Some(Row::Competency(_)) => self.update_view(Action::EditEvidence),
            Some(Row::Posting(i)) => self.overlay = Some(Overlay::Form(self.posting_form(Some(i)))),
            Some(Row::AddPosting) => self.overlay = Some(Overlay::Form(self.posting_form(None))),
            Some(Row::Leave(i)) => self.overlay = Some(Overlay::Form(self.leave_form(Some(i)))),
            Some(Row::AddLeave) => self.overlay = Some(Overlay::Form(self.leave_form(None))),
            Some(Row::AddTraining) => self.overlay = Some(Overlay::Picker(Picker::trainings_to_add(self))),
            Some(Row::Training(_) | Row::Header(_)) | None => {}
        }
    }

    fn open_start_item(&mut self) {
        let items = self.start_items();
        let Some(item) = items.get(self.start_selected).cloned() else {
            return;
        };
        match item {
            StartItem::Saved(i) => match &self.saved[i].plan {
                Ok(plan) => {
                    let plan = plan.clone();
                    let path = self.saved[i].path.clone();
                    self.open_plan(plan, Origin::File(path));
                }
                Err(diagnostics) => {
                    self.overlay = Some(Overlay::Message {
                        title: self
                            .lang
                            .pick(
                                "この計画には問題があるため開けません（ファイルは変更しません）",
                                "This plan has problems and is not opened (the file is left as it is)",
                            )
                            .to_string(),
                        body: diagnostics.iter().map(|d| d.render(self.lang)).collect(),
                    })
                }
            },
            StartItem::New(id) => {
                let Some(profile) = self.catalog.get(&id).map(|e| e.profile.clone()) else {
                    return;
                };
                if let Some(plan) = self.new_plan(&profile) {
                    self.open_plan(
                        plan,
                        Origin::Unsaved {
                            suggested_name: format!("{id}-plan"),
                        },
                    );
                    self.say(self.lang.pick(
                        "新しい計画です。例の値を自分の値に書き換え、Ctrl-S で保存してください",
                        "A new plan: replace the example values, then save with Ctrl-S",
                    ));
                }
            }
            StartItem::Persona(i) => {
                let (name, text) = PERSONAS[i];
                match parse_plan(name, text.as_bytes(), &self.catalog, self.lang) {
                    Ok(plan) => self.open_plan(
                        plan,
                        Origin::Unsaved {
                            suggested_name: name.to_string(),
                        },
                    ),
                    Err(d) => {
                        self.overlay = Some(Overlay::Message {
                            title: name.to_string(),
                            body: d.iter().map(|d| d.render(self.lang)).collect(),
                        })
                    }
                }
            }
            StartItem::FailedProfile(i) => {
                let failed = &self.catalog.failed[i];
                self.overlay = Some(Overlay::Message {
                    title: crate::text::escape_controls(&failed.path.display().to_string()),
                    body: failed.diagnostics.iter().map(|d| d.render(self.lang)).collect(),
                });
            }
        }
    }

    fn edit_field(&mut self, field: Field) {
        let Some(doc) = &self.doc else { return };
        let plan = &doc.plan;
        match field {
            Field::Series | Field::Grade | Field::TargetGrade => {
                self.overlay = Some(Overlay::Picker(Picker::choice(self, field)));
            }
            Field::Track => self.cycle_field(field, 1),
            _ => {
                let value = match field {
                    Field::Name => plan.name.clone().unwrap_or_default(),
                    Field::BirthDate => plan.birth_date.to_string(),
                    Field::HireDate => plan.hire_date.to_string(),
                    Field::GradeSince => plan.grade_since.to_string(),
                    Field::TargetFy => plan.target_fy.map(|y| y.to_string()).unwrap_or_default(),
                    _ => String::new(),
                };
                self.overlay = Some(Overlay::Prompt {
                    prompt: Prompt::Field(field),
                    input: TextInput::new(&value),
                    error: None,
                });
            }
        }
    }

    /// ← → on a choice field: the previous or next value.
    fn cycle_field(&mut self, field: Field, delta: isize) {
        let Some(doc) = &self.doc else { return };
        let profile = doc.profile.clone();
        let series_id = doc.plan.series_id(&profile).unwrap_or_default().to_string();
        let ladder: Vec<String> = profile
            .series(&series_id)
            .map(|s| s.grades.iter().map(|g| g.id.clone()).collect())
            .unwrap_or_default();
        let step = |list: &[String], current: &str| -> Option<String> {
            let i = list.iter().position(|x| x == current)? as isize + delta;
            list.get(i.clamp(0, list.len() as isize - 1) as usize).cloned()
        };
        match field {
            Field::Track => {
                self.edit(|p| {
                    p.track = match p.track {
                        Track::Generalist => Track::Specialist,
                        Track::Specialist => Track::Generalist,
                    }
                });
            }
            Field::Grade => {
                if let Some(g) = step(&ladder, &doc.plan.grade.clone()) {
                    self.edit(|p| p.grade = g);
                }
            }
            Field::TargetGrade => {
                if let Some(g) = step(&ladder, &doc.plan.target_grade.clone()) {
                    self.edit(|p| p.target_grade = g);
                }
            }
            Field::Series => {
                let all: Vec<String> = profile.job_series.iter().map(|s| s.id.clone()).collect();
                if let Some(s) = step(&all, &series_id) {
                    self.set_series(&s);
                }
            }
            Field::TargetFy => {
                let fy = doc.plan.target_fy.unwrap_or(self.today.fiscal_year());
                self.edit(|p| p.target_fy = Some(fy + delta as i32));
            }
            _ => {}
        }
    }

    /// Changing series moves the grades to the new ladder's lowest and highest-wanted.
    fn set_series(&mut self, series: &str) {
        let Some(doc) = &self.doc else { return };
        let Some(s) = doc.profile.series(series) else { return };
        let (Some(low), Some(target)) = (
            s.grades.first(),
            s.grades.iter().find(|g| g.management).or(s.grades.last()),
        ) else {
            return;
        };
        let (series, low, target) = (s.id.clone(), low.id.clone(), target.id.clone());
        self.edit(|p| {
            p.series = Some(series);
            p.grade = low;
            p.target_grade = target;
        });
    }

    fn selected_competency(&self) -> Option<String> {
        let doc = self.doc.as_ref()?;
        match self.view {
            View::Situation => match self.situation_rows().get(self.situation_row) {
                Some(Row::Competency(i)) => doc.profile.competencies.get(*i).map(|c| c.id.clone()),
                _ => None,
            },
            View::Gaps => {
                let rows = self.gap_rows();
                rows.get(self.gaps_row)
                    .and_then(|&i| doc.analysis.target.gaps.get(i))
                    .map(|g| g.competency.clone())
            }
            _ => None,
        }
    }

    fn change_level(&mut self, supervisor: bool, delta: i16) {
        let Some(doc) = &self.doc else { return };
        let Some(competency) = self.selected_competency() else {
            return;
        };
        let (min, max) = (doc.profile.scale.min, doc.profile.scale.max);
        // Gaps are re-sorted after an edit: keep the same competency selected.
        let keep = self.view == View::Gaps;
        self.edit(|p| {
            let map = if supervisor {
                &mut p.supervisor_assessment
            } else {
                &mut p.self_assessment
            };
            match map.get(&competency).copied() {
                // Lowering below the scale's minimum clears the assessment ("not assessed").
                Some(level) if delta < 0 && level <= min => {
                    map.remove(&competency);
                }
                Some(level) => {
                    map.insert(
                        competency.clone(),
                        (i16::from(level) + delta).clamp(i16::from(min), i16::from(max)) as u8,
                    );
                }
                None if delta > 0 => {
                    map.insert(competency.clone(), min);
                }
                None => {}
            }
        });
        if keep && let Some(doc) = &self.doc {
            let gaps = &doc.analysis.target.gaps;
            if let Some(pos) = self.gap_rows().iter().position(|&i| gaps[i].competency == competency) {
                self.gaps_row = pos;
            }
        }
    }

    fn update_view(&mut self, action: Action) {
        match (self.view, action) {
            (View::Situation | View::Gaps, Action::LevelUp) => self.change_level(false, 1),
            (View::Situation | View::Gaps, Action::LevelDown) => self.change_level(false, -1),
            (View::Situation, Action::SupervisorUp) => self.change_level(true, 1),
            (View::Situation, Action::SupervisorDown) => self.change_level(true, -1),
            (View::Situation, Action::Left | Action::Right) => {
                let delta = if action == Action::Right { 1 } else { -1 };
                match self.situation_rows().get(self.situation_row).copied() {
                    Some(Row::Competency(_)) => self.change_level(false, delta as i16),
                    Some(Row::Field(f)) => self.cycle_field(f, delta),
                    _ => {}
                }
            }
            (View::Situation, Action::EditEvidence) => {
                if let (Some(c), Some(doc)) = (self.selected_competency(), &self.doc) {
                    let value = doc.plan.evidence.get(&c).cloned().unwrap_or_default();
                    self.overlay = Some(Overlay::Prompt {
                        prompt: Prompt::Evidence(c),
                        input: TextInput::new(&value),
                        error: None,
                    });
                }
            }
            (View::Situation, Action::Add) => {
                let rows = self.situation_rows();
                let overlay = match rows.get(self.situation_row) {
                    Some(Row::Leave(_) | Row::AddLeave) => Overlay::Form(self.leave_form(None)),
                    Some(Row::Training(_) | Row::AddTraining) => Overlay::Picker(Picker::trainings_to_add(self)),
                    _ => Overlay::Form(self.posting_form(None)),
                };
                self.overlay = Some(overlay);
            }
            (View::Situation, Action::Delete) => match self.situation_rows().get(self.situation_row).copied() {
                Some(Row::Posting(i)) => {
                    self.edit(|p| {
                        p.assignments.remove(i);
                    });
                }
                Some(Row::Leave(i)) => {
                    self.edit(|p| {
                        p.leaves.remove(i);
                    });
                }
                Some(Row::Training(i)) => {
                    self.edit(|p| {
                        p.completed_trainings.remove(i);
                    });
                }
                _ => {}
            },
            (View::Gaps, Action::SortNext) => {
                self.gap_sort = match self.gap_sort {
                    GapSort::Emphasis => GapSort::Gap,
                    GapSort::Gap => GapSort::Document,
                    GapSort::Document => GapSort::Emphasis,
                };
                self.gaps_row = 0;
            }
            (View::Gaps, Action::FilterNext) => {
                self.gap_filter = match self.gap_filter {
                    GapFilter::All => GapFilter::WithGap,
                    GapFilter::WithGap => GapFilter::KeyOnly,
                    GapFilter::KeyOnly => GapFilter::All,
                };
                self.gaps_row = 0;
            }
            (View::Trainings, Action::MarkPlanned | Action::MarkDone) => self.mark_training(action == Action::MarkDone),
            _ => {}
        }
    }

    fn mark_training(&mut self, done: bool) {
        let Some(doc) = &self.doc else { return };
        let rows = self.training_rows();
        let id = match rows.get(self.trainings_row) {
            Some(TrainingRow::Suggested(i)) => doc.analysis.trainings.get(*i).map(|s| s.id.clone()),
            Some(TrainingRow::Done(i)) => doc.plan.completed_trainings.get(*i).cloned(),
            None => None,
        };
        let Some(id) = id else { return };
        self.edit(|p| {
            let list = if done {
                &mut p.completed_trainings
            } else {
                &mut p.planned_trainings
            };
            if let Some(pos) = list.iter().position(|t| *t == id) {
                list.remove(pos);
            } else {
                list.push(id.clone());
                if done {
                    p.planned_trainings.retain(|t| *t != id);
                }
            }
        });
    }

    fn posting_form(&self, index: Option<usize>) -> Form {
        let lang = self.lang;
        let doc = self.doc.as_ref();
        let existing = index.and_then(|i| doc.and_then(|d| d.plan.assignments.get(i)));
        let rotation = doc.and_then(|d| d.profile.rotation.as_ref());
        let mut departments: Vec<(String, String)> = vec![(
            String::new(),
            lang.pick("（自由記述: 下の欄に入力）", "(free text: type below)")
                .to_string(),
        )];
        departments.extend(
            rotation
                .iter()
                .flat_map(|r| r.departments.iter().map(|d| (d.id.clone(), d.name.clone()))),
        );
        let mut families: Vec<(String, String)> = vec![(
            String::new(),
            lang.pick("（部署から判定）", "(from the department)").to_string(),
        )];
        families.extend(
            rotation
                .iter()
                .flat_map(|r| r.families.iter().map(|f| (f.id.clone(), f.name.clone()))),
        );
        let dept_choice = existing
            .and_then(|a| departments.iter().position(|(id, _)| *id == a.department))
            .unwrap_or(0);
        let free_text = existing
            .filter(|_| dept_choice == 0)
            .map(|a| a.department.clone())
            .unwrap_or_default();
        let family_choice = existing
            .and_then(|a| a.family.as_ref())
            .and_then(|f| families.iter().position(|(id, _)| id == f))
            .unwrap_or(0);
        let from = existing
            .map(|a| a.from.to_string())
            .unwrap_or_else(|| Date::fy_start(self.today.fiscal_year()).to_string());
        let to = existing.and_then(|a| a.to).map(|d| d.to_string()).unwrap_or_default();
        Form {
            kind: FormKind::Posting(index),
            fields: vec![
                FormField {
                    label: lang.pick("部署", "Department"),
                    input: TextInput::new(""),
                    choices: departments,
                    choice: dept_choice,
                },
                FormField {
                    label: lang.pick("部署名（自由記述）", "Department (free text)"),
                    input: TextInput::new(&free_text),
                    choices: vec![],
                    choice: 0,
                },
                FormField {
                    label: lang.pick("系統", "Family"),
                    input: TextInput::new(""),
                    choices: families,
                    choice: family_choice,
                },
                FormField {
                    label: lang.pick("開始日", "From"),
                    input: TextInput::new(&from),
                    choices: vec![],
                    choice: 0,
                },
                FormField {
                    label: lang.pick("終了日（空欄=現在）", "To (empty = current)"),
                    input: TextInput::new(&to),
                    choices: vec![],
                    choice: 0,
                },
            ],
            selected: 0,
            error: None,
        }
    }

    fn leave_form(&self, index: Option<usize>) -> Form {
        let lang = self.lang;
        let existing = index.and_then(|i| self.doc.as_ref().and_then(|d| d.plan.leaves.get(i)));
        let kinds = LeaveKind::ALL;
        let choices: Vec<(String, String)> = kinds
            .iter()
            .map(|k| {
                (
                    format!("{k:?}"),
                    if lang == Lang::Ja { k.label_ja() } else { k.label_en() }.to_string(),
                )
            })
            .collect();
        let choice = existing
            .and_then(|l| kinds.iter().position(|k| *k == l.kind))
            .unwrap_or(0);
        Form {
            kind: FormKind::Leave(index),
            fields: vec![
                FormField {
                    label: lang.pick("種類", "Kind"),
                    input: TextInput::new(""),
                    choices,
                    choice,
                },
                FormField {
                    label: lang.pick("開始日", "From"),
                    input: TextInput::new(&existing.map(|l| l.from.to_string()).unwrap_or_default()),
                    choices: vec![],
                    choice: 0,
                },
                FormField {
                    label: lang.pick("終了日（空欄=継続中）", "To (empty = ongoing)"),
                    input: TextInput::new(&existing.and_then(|l| l.to).map(|d| d.to_string()).unwrap_or_default()),
                    choices: vec![],
                    choice: 0,
                },
                FormField {
                    label: lang.pick("メモ", "Note"),
                    input: TextInput::new(&existing.and_then(|l| l.note.clone()).unwrap_or_default()),
                    choices: vec![],
                    choice: 0,
                },
            ],
            selected: 0,
            error: None,
        }
    }

    fn parse_date(&self, s: &str) -> Result<Date, String> {
        Date::parse(s.trim()).ok_or_else(|| match self.lang {
            Lang::Ja => format!(
                "「{}」は日付ではありません（YYYY-MM-DD）",
                crate::text::escape_controls(s)
            ),
            Lang::En => format!("`{}` is not a date (YYYY-MM-DD)", crate::text::escape_controls(s)),
        })
    }

    fn parse_optional_date(&self, s: &str) -> Result<Option<Date>, String> {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            self.parse_date(s).map(Some)
        }
    }

    /// Commits a form; an error keeps the form open with the message.
    fn commit_form(&mut self, form: &Form) -> Result<(), String> {
        let f = &form.fields;
        match form.kind {
            FormKind::Posting(index) => {
                let chosen = f[0]
                    .choices
                    .get(f[0].choice)
                    .map(|(id, _)| id.clone())
                    .unwrap_or_default();
                let department = if chosen.is_empty() {
                    f[1].input.text().trim().to_string()
                } else {
                    chosen
                };
                if department.is_empty() {
                    return Err(self
                        .lang
                        .pick("部署を選ぶか入力してください", "choose or type a department")
                        .to_string());
                }
                let family = f[2]
                    .choices
                    .get(f[2].choice)
                    .map(|(id, _)| id.clone())
                    .filter(|id| !id.is_empty());
                let posting = Assignment {
                    department,
                    family,
                    from: self.parse_date(f[3].input.text())?,
                    to: self.parse_optional_date(f[4].input.text())?,
                };
                self.try_edit(|p| match index {
                    Some(i) => p.assignments[i] = posting,
                    None => {
                        p.assignments.push(posting);
                        p.assignments.sort_by_key(|a| a.from);
                    }
                })
            }
            FormKind::Leave(index) => {
                let kinds = LeaveKind::ALL;
                let note = Some(f[3].input.text().trim().to_string()).filter(|n| !n.is_empty());
                let leave = Leave {
                    kind: kinds.get(f[0].choice).copied().unwrap_or(LeaveKind::Other),
                    from: self.parse_date(f[1].input.text())?,
                    to: self.parse_optional_date(f[2].input.text())?,
                    note,
                };
                self.try_edit(|p| match index {
                    Some(i) => p.leaves[i] = leave,
                    None => p.leaves.push(leave),
                })
            }
        }
    }

    /// Like `edit`, but returns the validation message instead of showing it.
    fn try_edit(&mut self, change: impl FnOnce(&mut Plan)) -> Result<(), String> {
        let Some(doc) = &self.doc else { return Ok(()) };
        let mut plan = doc.plan.clone();
        change(&mut plan);
        if let Some(p) = plan.validate(&doc.profile).first() {
            return Err(format!("{} — {}", p.kind.message(self.lang), p.kind.hint(self.lang)));
        }
        self.edit(|p| *p = plan);
        Ok(())
    }

    fn commit_prompt(&mut self, prompt: &Prompt, text: &str) -> Result<(), String> {
        match prompt {
            Prompt::SaveAs => self.save_as(text),
            Prompt::Evidence(c) => {
                let c = c.clone();
                let value = text.trim().to_string();
                self.try_edit(|p| {
                    if value.is_empty() {
                        p.evidence.remove(&c);
                    } else {
                        p.evidence.insert(c, value);
                    }
                })
            }
            Prompt::Field(field) => {
                let field = *field;
                let value = text.trim().to_string();
                match field {
                    Field::Name => self.try_edit(|p| p.name = Some(value).filter(|v| !v.is_empty())),
                    Field::BirthDate => {
                        let d = self.parse_date(&value)?;
                        self.try_edit(|p| p.birth_date = d)
                    }
                    Field::HireDate => {
                        let d = self.parse_date(&value)?;
                        self.try_edit(|p| p.hire_date = d)
                    }
                    Field::GradeSince => {
                        let d = self.parse_date(&value)?;
                        self.try_edit(|p| p.grade_since = d)
                    }
                    Field::TargetFy => {
                        let fy = if value.is_empty() {
                            None
                        } else {
                            Some(
                                value
                                    .parse::<i32>()
                                    .ok()
                                    .filter(|y| (1950..=2100).contains(y))
                                    .ok_or_else(|| {
                                        self.lang
                                            .pick(
                                                "西暦の年度を入力してください（例: 2032）",
                                                "enter a fiscal year, e.g. 2032",
                                            )
                                            .to_string()
                                    })?,
                            )
                        };
                        self.try_edit(|p| p.target_fy = fy)
                    }
                    _ => Ok(()),
                }
            }
        }
    }

    fn update_overlay(&mut self, action: Action) {
        let Some(overlay) = self.overlay.take() else { return };
        match overlay {
            Overlay::Help | Overlay::Message { .. } => {
                if !matches!(action, Action::Back | Action::Open | Action::Quit | Action::Help) {
                    self.overlay = Some(overlay);
                }
            }
            Overlay::ConfirmQuit => {
                // Handled through `confirm_quit` from raw keys; Esc closes.
                if action != Action::Back {
                    self.overlay = Some(Overlay::ConfirmQuit);
                }
            }
            other => self.overlay = Some(other),
        }
    }

    /// The answer to "quit without saving?": save and quit, quit, or stay.
    pub fn confirm_quit(&mut self, answer: char) {
        match answer {
            's' => {
                self.overlay = None;
                self.save();
                if self.doc.as_ref().is_some_and(|d| !d.dirty) {
                    self.should_quit = true;
                }
            }
            'y' => {
                self.overlay = None;
                self.should_quit = true;
            }
            _ => self.overlay = None,
        }
    }

    /// Text typed into a prompt, form or picker; Enter commits, Esc cancels.
    pub fn overlay_key(&mut self, key: crossterm::event::KeyEvent) {
        use crossterm::event::KeyCode;
        let Some(overlay) = self.overlay.take() else { return };
        match overlay {
            Overlay::Prompt {
                prompt,
                mut input,
                error,
            } => match key.code {
                KeyCode::Esc => {}
                KeyCode::Enter => {
                    let text = input.text().to_string();
                    if let Err(e) = self.commit_prompt(&prompt, &text) {
                        self.overlay = Some(Overlay::Prompt {
                            prompt,
                            input,
                            error: Some(e),
                        });
                    }
                }
                _ => {
                    input.key(key);
                    self.overlay = Some(Overlay::Prompt { prompt, input, error });
                }
            },
            Overlay::Form(mut form) => match key.code {
                KeyCode::Esc => {}
                KeyCode::Up | KeyCode::BackTab => {
                    form.selected = form.selected.saturating_sub(1);
                    self.overlay = Some(Overlay::Form(form));
                }
                KeyCode::Down | KeyCode::Tab => {
                    form.selected = (form.selected + 1).min(form.fields.len().saturating_sub(1));
                    self.overlay = Some(Overlay::Form(form));
                }
                KeyCode::Enter => {
                    if let Err(e) = self.commit_form(&form) {
                        form.error = Some(e);
                        self.overlay = Some(Overlay::Form(form));
                    }
                }
                KeyCode::Left | KeyCode::Right if !form.fields[form.selected].choices.is_empty() => {
                    let field = &mut form.fields[form.selected];
                    let n = field.choices.len();
                    field.choice = if key.code == KeyCode::Right {
                        (field.choice + 1) % n
                    } else {
                        (field.choice + n - 1) % n
                    };
                    self.overlay = Some(Overlay::Form(form));
                }
                _ => {
                    if form.fields[form.selected].choices.is_empty() {
                        form.fields[form.selected].input.key(key);
                    }
                    self.overlay = Some(Overlay::Form(form));
                }
            },
            Overlay::Picker(mut picker) => match key.code {
                KeyCode::Esc => {}
                KeyCode::Enter => {
                    if let Some(target) = picker.chosen() {
                        self.pick(target);
                    }
                }
                KeyCode::Up => {
                    picker.up();
                    self.overlay = Some(Overlay::Picker(picker));
                }
                KeyCode::Down => {
                    picker.down();
                    self.overlay = Some(Overlay::Picker(picker));
                }
                _ => {
                    picker.key(key);
                    self.overlay = Some(Overlay::Picker(picker));
                }
            },
            other => self.overlay = Some(other),
        }
    }

    /// Carries out a palette or picker choice.
    fn pick(&mut self, target: PickTarget) {
        match target {
            PickTarget::Command(action) => self.update(action),
            PickTarget::Competency(id) => {
                if self.doc.is_none() {
                    return;
                }
                self.gap_filter = GapFilter::All;
                self.view = View::Gaps;
                let doc = self.doc.as_ref();
                let gaps = doc.map(|d| &d.analysis.target.gaps);
                if let Some(pos) = gaps.and_then(|g| self.gap_rows().iter().position(|&i| g[i].competency == id)) {
                    self.gaps_row = pos;
                }
            }
            PickTarget::Training(id) => {
                self.view = View::Trainings;
                let Some(doc) = &self.doc else { return };
                let rows = self.training_rows();
                let pos = rows.iter().position(|r| match r {
                    TrainingRow::Suggested(i) => doc.analysis.trainings[*i].id == id,
                    TrainingRow::Done(i) => doc.plan.completed_trainings[*i] == id,
                });
                match pos {
                    Some(p) => self.trainings_row = p,
                    None => {
                        let name = doc.profile.training(&id).map_or(id.clone(), |t| t.name.clone());
                        self.say(match self.lang {
                            Lang::Ja => format!(
                                "「{name}」は今の計画では提案されていません（対象の職級・能力の差を確認してください）"
                            ),
                            Lang::En => {
                                format!("“{name}” is not suggested for this plan (check its grades and your gaps)")
                            }
                        });
                    }
                }
            }
            PickTarget::Grade(id) => {
                self.view = View::Path;
                if let Some(doc) = &self.doc {
                    if let Some(pos) = doc.analysis.trajectory.steps.iter().position(|s| s.grade == id) {
                        self.path_row = pos + 1;
                    } else {
                        self.path_row = 0;
                    }
                }
            }
            PickTarget::Department(id) => {
                self.view = View::Rotation;
                if let Some(doc) = &self.doc
                    && let Some(pos) = doc.analysis.rotation.postings.iter().position(|p| p.department == id)
                {
                    self.rotation_row = pos;
                }
            }
            PickTarget::SetGrade(field, id) => match field {
                Field::Grade => {
                    self.edit(|p| p.grade = id);
                }
                Field::TargetGrade => {
                    self.edit(|p| p.target_grade = id);
                }
                Field::Series => self.set_series(&id),
                _ => {}
            },
            PickTarget::AddTraining(id) => {
                self.edit(|p| {
                    if !p.completed_trainings.contains(&id) {
                        p.completed_trainings.push(id.clone());
                    }
                    p.planned_trainings.retain(|t| *t != id);
                });
            }
        }
    }
}

/// A row of the training view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainingRow {
    Suggested(usize),
    Done(usize),
}

/// `dir/name.toml`, or `dir/name-2.toml` … when taken.
fn unique_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(format!("{name}.toml"));
    if !first.exists() {
        return first;
    }
    (2..10_000)
        .map(|n| dir.join(format!("{name}-{n}.toml")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}
