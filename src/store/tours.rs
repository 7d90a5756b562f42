//! The guided tours shipped inside the binary (assets/tours), one per workshop cohort: the
//! cohort's personas, then steps — which persona, which view (and worksheet page), what to
//! select, and a line or two of narration in Japanese and English.

use serde::Deserialize;

use crate::i18n::Lang;
use crate::model::{Date, Plan};
use crate::store::personas::{PERSONAS, age_on, service_year};

/// A workshop's audience (キャリアデザイン研修の対象).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Cohort {
    /// 採用3年目
    #[value(name = "3nenme")]
    ThirdYear,
    /// 30代
    #[value(name = "30dai")]
    Thirties,
    /// 40代
    #[value(name = "40dai")]
    Forties,
    /// 55歳
    #[value(name = "55sai")]
    FiftyFive,
}

impl Cohort {
    pub const ALL: [Cohort; 4] = [Cohort::ThirdYear, Cohort::Thirties, Cohort::Forties, Cohort::FiftyFive];

    /// The id used on the command line and in the tour files.
    pub fn id(self) -> &'static str {
        match self {
            Cohort::ThirdYear => "3nenme",
            Cohort::Thirties => "30dai",
            Cohort::Forties => "40dai",
            Cohort::FiftyFive => "55sai",
        }
    }

    pub fn from_id(id: &str) -> Option<Cohort> {
        Cohort::ALL.into_iter().find(|c| c.id() == id)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Cohort::ThirdYear => lang.pick("採用3年目", "3rd year since hire"),
            Cohort::Thirties => lang.pick("30代", "In their 30s"),
            Cohort::Forties => lang.pick("40代", "In their 40s"),
            Cohort::FiftyFive => lang.pick("55歳", "Aged 55"),
        }
    }

    /// Whether a plan's person belongs to the cohort on `on`.
    pub fn fits(self, plan: &Plan, on: Date) -> bool {
        let age = age_on(plan.birth_date, on);
        match self {
            Cohort::ThirdYear => service_year(plan.hire_date, on) == 3,
            Cohort::Thirties => (30..=39).contains(&age),
            Cohort::Forties => (40..=49).contains(&age),
            Cohort::FiftyFive => age == 55,
        }
    }

    /// The tour file's text.
    fn text(self) -> &'static str {
        match self {
            Cohort::ThirdYear => include_str!("../../assets/tours/3nenme.toml"),
            Cohort::Thirties => include_str!("../../assets/tours/30dai.toml"),
            Cohort::Forties => include_str!("../../assets/tours/40dai.toml"),
            Cohort::FiftyFive => include_str!("../../assets/tours/55sai.toml"),
        }
    }
}

/// The widest narration a step may have, in columns: two lines of the tour bar at 80
/// columns, after its "ツアー 3/8: " label.
pub const NARRATION_MAX: usize = 140;

/// A tour file as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TourFile {
    pub cohort: String,
    pub title_ja: String,
    pub title_en: String,
    /// The cohort's personas (file stems), in the order the start screen lists them.
    pub personas: Vec<String>,
    pub steps: Vec<TourStepFile>,
}

/// One step as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TourStepFile {
    /// A persona's file stem (one of the tour's `personas`).
    pub persona: String,
    /// situation | path | gaps | trainings | rotation | roles | support | interview | workshop
    pub view: String,
    /// The worksheet page when `view = "workshop"`: lifeline | wcm | next10.
    #[serde(default)]
    pub page: Option<String>,
    /// What to select: a competency id (situation, gaps), a grade id (path) or a training
    /// id (trainings).
    #[serde(default)]
    pub select: Option<String>,
    pub ja: String,
    pub en: String,
}

/// The cohort's tour as written, checked for what the store can check: the cohort, the
/// personas, and narration present, short and in both languages. Views, pages and items are
/// the app's to resolve.
pub fn tour_file(cohort: Cohort) -> Result<TourFile, String> {
    let file: TourFile =
        toml::from_str(cohort.text()).map_err(|e| format!("assets/tours/{}.toml: {e}", cohort.id()))?;
    let at = |what: String| format!("assets/tours/{}.toml: {what}", cohort.id());
    if file.cohort != cohort.id() {
        return Err(at(format!(
            "cohort = \"{}\", expected \"{}\"",
            file.cohort,
            cohort.id()
        )));
    }
    if file.personas.is_empty() || file.steps.is_empty() {
        return Err(at("no personas or no steps".into()));
    }
    for name in &file.personas {
        if !PERSONAS.iter().any(|(n, _)| n == name) {
            return Err(at(format!("no persona {name}")));
        }
    }
    for (i, step) in file.steps.iter().enumerate() {
        let n = i + 1;
        if !file.personas.contains(&step.persona) {
            return Err(at(format!(
                "step {n}: {} is not one of the tour's personas",
                step.persona
            )));
        }
        for text in [&step.ja, &step.en] {
            let columns = crate::text::width(text);
            if text.trim().is_empty() || columns > NARRATION_MAX || text.chars().any(char::is_control) {
                return Err(at(format!(
                    "step {n}: narration must be one or two lines ({columns} columns, at most {NARRATION_MAX})"
                )));
            }
        }
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Catalog, parse_plan};

    #[test]
    fn every_tour_file_reads_and_its_personas_fit_the_cohort_as_of_their_date() {
        let catalog = Catalog::load(None, Lang::Ja);
        for cohort in Cohort::ALL {
            let file = tour_file(cohort).unwrap_or_else(|e| panic!("{e}"));
            assert!(file.personas.len() >= 2, "{cohort:?}");
            for name in &file.personas {
                let (_, text) = PERSONAS.iter().find(|(n, _)| n == name).unwrap();
                let plan = parse_plan(name, text.as_bytes(), &catalog, Lang::Ja).unwrap();
                let date = plan.as_of.unwrap();
                assert!(cohort.fits(&plan, date), "{name} is not in {cohort:?} as of {date}");
            }
            assert_eq!(Cohort::from_id(cohort.id()), Some(cohort));
        }
    }
}
