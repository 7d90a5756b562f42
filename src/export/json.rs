//! The JSON forms: `plan analyze --json` (the analysis) and `michi export --format json`
//! (the sheet, the analysis and the interview record). Other tools read them: their keys
//! are a contract, kept here in one place for the CLI and the app.

use serde::Serialize;

use crate::engine::{self, Analysis, PlanNote, TargetYearSource};
use crate::export::{Sheet, SheetOptions};
use crate::model::{Date, Plan, Profile};

/// The `--json` contract of `plan analyze`.
#[derive(Serialize)]
pub struct AnalysisJson<'a> {
    today: Date,
    profile: &'a str,
    series: Option<&'a str>,
    grade: &'a str,
    target_grade: &'a str,
    target_fy: i32,
    target_fy_source: TargetYearSource,
    retirement: &'a engine::Retirement,
    trajectory: &'a [engine::TrajectoryStep],
    next_round_fy: i32,
    gaps: &'a [engine::Gap],
    /// The document has an ability table; `false`: no gaps and no readiness (文書に能力表なし).
    ability_table: bool,
    readiness: Option<u8>,
    /// Readiness by the supervisor's levels, once the supervisor has assessed.
    supervisor_readiness: Option<u8>,
    assessed: usize,
    key_total: usize,
    key_assessed: usize,
    /// Self vs supervisor: each competency either side has assessed, the largest
    /// difference (supervisor minus self) first.
    disagreements: &'a [engine::Disagreement],
    next_grade: Option<&'a engine::GapReport>,
    trainings: &'a [engine::Suggestion],
    rotation: &'a engine::RotationReport,
    notes: &'a [PlanNote],
}

impl<'a> AnalysisJson<'a> {
    pub fn new(profile: &'a Profile, plan: &'a Plan, a: &'a Analysis) -> Self {
        AnalysisJson {
            today: a.today,
            profile: &profile.id,
            series: plan.series_id(profile),
            grade: &plan.grade,
            target_grade: &plan.target_grade,
            target_fy: a.target_fy,
            target_fy_source: a.target_fy_source,
            retirement: &a.retirement,
            trajectory: &a.trajectory.steps,
            next_round_fy: a.trajectory.next_round_fy,
            gaps: &a.target.gaps,
            ability_table: a.target.ability_table,
            readiness: a.target.readiness,
            supervisor_readiness: a.target.supervisor_readiness,
            assessed: a.target.assessed,
            key_total: a.target.key_total,
            key_assessed: a.target.key_assessed,
            disagreements: &a.disagreements,
            next_grade: a.next.as_ref(),
            trainings: &a.trainings,
            rotation: &a.rotation,
            notes: &a.notes,
        }
    }
}

/// The JSON export: the sheet, the whole analysis and the interview record.
#[derive(Serialize)]
struct ExportJson<'a> {
    sheet: &'a Sheet,
    analysis: AnalysisJson<'a>,
    name: Option<&'a str>,
    interviews: &'a [crate::model::Interview],
    notes: &'a [crate::model::Note],
    #[serde(skip_serializing_if = "Option::is_none")]
    self_report: Option<&'a crate::model::SelfReport>,
}

/// The JSON export of `sheet`: with `options.anonymous`, no name, interviews or notes; the
/// 自己申告 only with `options.with_self_report` (and never anonymous).
pub fn to_json(profile: &Profile, plan: &Plan, analysis: &Analysis, sheet: &Sheet, options: SheetOptions) -> String {
    let private = !options.anonymous;
    let json = ExportJson {
        sheet,
        analysis: AnalysisJson::new(profile, plan, analysis),
        name: plan.name.as_deref().filter(|_| private),
        interviews: if private { &plan.interviews } else { &[] },
        notes: if private { &plan.notes } else { &[] },
        self_report: (options.with_self_report && private).then_some(&plan.self_report),
    };
    // Serialising plain data into a string cannot fail; an empty object is the fallback.
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}
