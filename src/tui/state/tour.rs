//! Workshop mode (`michi workshop`): the cohort, the session's fixed as-of date, anonymous
//! display, and the cohort's guided tour with the step the facilitator is on.

use crate::i18n::Lang;
use crate::model::Date;
use crate::store::personas::{PERSONAS, as_of};
use crate::store::tours::{Cohort, tour_file};
use crate::tui::action::View;
use crate::tui::state::{Said, WorkshopPage};

/// A view's id in the tour files (`view = "gaps"`).
pub fn view_id(view: View) -> &'static str {
    match view {
        View::Situation => "situation",
        View::Path => "path",
        View::Gaps => "gaps",
        View::Trainings => "trainings",
        View::Rotation => "rotation",
        View::Roles => "roles",
        View::Support => "support",
        View::Interview => "interview",
        View::Workshop => "workshop",
    }
}

/// A worksheet page's id in the tour files (`page = "wcm"`).
pub fn page_id(page: WorkshopPage) -> &'static str {
    match page {
        WorkshopPage::Lifeline => "lifeline",
        WorkshopPage::Wcm => "wcm",
        WorkshopPage::NextTen => "next10",
    }
}

/// What a step selects, by the view it is shown in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TourItem {
    /// A competency (My situation, Gaps).
    Competency(String),
    /// A grade (Path).
    Grade(String),
    /// A training (Trainings).
    Training(String),
}

impl TourItem {
    pub fn id(&self) -> &str {
        match self {
            TourItem::Competency(id) | TourItem::Grade(id) | TourItem::Training(id) => id,
        }
    }
}

/// One step of a tour: open the persona, show the view (and page), select the item.
#[derive(Debug, Clone, PartialEq)]
pub struct TourStep {
    pub persona: &'static str,
    pub view: View,
    pub page: Option<WorkshopPage>,
    pub item: Option<TourItem>,
    pub narration: Said,
}

/// A cohort's guided tour.
#[derive(Debug, Clone, PartialEq)]
pub struct Tour {
    pub cohort: Cohort,
    pub title: Said,
    /// The cohort's personas, as the start screen lists them first.
    pub personas: Vec<&'static str>,
    /// The date the personas' stories are told as of (the same for all of them).
    pub as_of: Option<Date>,
    pub steps: Vec<TourStep>,
}

impl Tour {
    /// The cohort's tour from its bundled file, with views, pages and items resolved; the
    /// reason in plain words when the file is not right (a test keeps the bundled ones right).
    pub fn load(cohort: Cohort) -> Result<Tour, String> {
        let file = tour_file(cohort)?;
        let persona = |name: &str| PERSONAS.iter().find(|(n, _)| *n == name).map(|(n, _)| *n);
        let personas: Vec<&'static str> = file.personas.iter().filter_map(|n| persona(n)).collect();
        let mut dates = personas
            .iter()
            .filter_map(|n| PERSONAS.iter().find(|(p, _)| p == n))
            .map(|(_, text)| as_of(text));
        let as_of = dates.next().flatten();
        if dates.any(|d| d != as_of) {
            return Err(format!(
                "assets/tours/{}.toml: the personas are told as of different dates",
                cohort.id()
            ));
        }
        let mut steps = Vec::new();
        for (i, step) in file.steps.iter().enumerate() {
            let at = |what: String| format!("assets/tours/{}.toml: step {}: {what}", cohort.id(), i + 1);
            let view = View::ALL
                .into_iter()
                .find(|v| view_id(*v) == step.view)
                .ok_or_else(|| at(format!("no view {}", step.view)))?;
            let page = match (&step.page, view) {
                (None, _) => None,
                (Some(p), View::Workshop) => Some(
                    WorkshopPage::ALL
                        .into_iter()
                        .find(|w| page_id(*w) == p)
                        .ok_or_else(|| at(format!("no worksheet page {p}")))?,
                ),
                (Some(_), _) => return Err(at("a page belongs to view = \"workshop\"".into())),
            };
            let item = match (&step.select, view) {
                (None, _) => None,
                (Some(id), View::Situation | View::Gaps) => Some(TourItem::Competency(id.clone())),
                (Some(id), View::Path) => Some(TourItem::Grade(id.clone())),
                (Some(id), View::Trainings) => Some(TourItem::Training(id.clone())),
                (Some(_), _) => return Err(at(format!("nothing to select on the {} view", step.view))),
            };
            steps.push(TourStep {
                persona: persona(&step.persona).ok_or_else(|| at(format!("no persona {}", step.persona)))?,
                view,
                page,
                item,
                narration: Said::new(step.ja.clone(), step.en.clone()),
            });
        }
        Ok(Tour {
            cohort,
            title: Said::new(file.title_ja, file.title_en),
            personas,
            as_of,
            steps,
        })
    }
}

/// Workshop mode's state.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkshopMode {
    /// None until the facilitator chooses one (the start screen asks).
    pub cohort: Option<Cohort>,
    /// The session's as-of date, fixed: `--today`, else the date the cohort's personas are
    /// told as of.
    pub date: Date,
    /// Names are shown as pseudonyms (参加者A …).
    pub anonymous: bool,
    pub tour: Option<Tour>,
    /// The step the tour is on (kept when the facilitator leaves the tour).
    pub step: usize,
    /// The tour bar is up and `n` `p` step it.
    pub touring: bool,
    /// Each name shown, with its place in the order names were first shown: the pseudonym.
    pub pseudonyms: std::collections::HashMap<String, usize>,
}

impl WorkshopMode {
    pub fn new(date: Date, anonymous: bool) -> WorkshopMode {
        WorkshopMode {
            cohort: None,
            date,
            anonymous,
            tour: None,
            step: 0,
            touring: false,
            pseudonyms: std::collections::HashMap::new(),
        }
    }

    /// Remembers a name for its pseudonym.
    pub fn register(&mut self, name: &str) {
        if !self.pseudonyms.contains_key(name) {
            let next = self.pseudonyms.len();
            self.pseudonyms.insert(name.to_string(), next);
        }
    }

    /// The pseudonym of a name: 参加者A, B, … by the order names were first shown (a name
    /// not yet seen takes the next letter).
    pub fn pseudonym(&self, name: &str, lang: Lang) -> String {
        let index = self.pseudonyms.get(name).copied().unwrap_or(self.pseudonyms.len());
        let letter = char::from(b'A' + u8::try_from(index % 26).unwrap_or(0));
        let round = index / 26;
        let suffix = if round == 0 {
            String::new()
        } else {
            (round + 1).to_string()
        };
        format!("{}{letter}{suffix}", lang.pick("参加者", "Participant "))
    }

    /// The tour's current step.
    pub fn current(&self) -> Option<&TourStep> {
        self.tour.as_ref().and_then(|t| t.steps.get(self.step))
    }

    /// Whether `n` `p` step the tour (a tour is loaded and under way).
    pub fn touring(&self) -> bool {
        self.touring && self.tour.is_some()
    }
}
