//! The rules format 2 adds: a scale states its kind and invents no number per cell, a
//! proficiency scale states its targets in one table, trainings name their delivery
//! methods, rules quote their hedges, and measures have ids.

use super::*;
use crate::model::profile::{Audience, Emphasis, PROFILE_SCHEMA_V1, ScaleKind};

/// What a format 2 check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatRule {
    /// Competencies and no `[scale]` to read their levels on.
    ScaleMissing,
    /// Format 2 and no `scale.kind`.
    ScaleKindMissing,
    /// A descriptor scale with min, max, levels or targets.
    DescriptorsTakeNoNumbers,
    /// A proficiency scale without min or max.
    ProficiencyBounds,
    /// A number written on a requirement outside format 1.
    LevelPerCell,
    /// A format 1 requirement without a level.
    LevelMissing,
    /// A requirement on a descriptor scale without the document's text.
    DescriptorMissing,
    /// A grade with ◎/○ requirements and no target on a proficiency scale.
    TargetMissing { grade: String, emphasis: Emphasis },
    /// A target outside the proficiency scale.
    TargetOutside { level: u8, min: u8, max: u8 },
    /// A format 1 training without a kind.
    TrainingKindMissing,
    /// `all_grades = true` beside a list of grades.
    AllGradesWithList,
    /// A hedge word that the rule's text does not contain.
    HedgeNotInText { word: String },
}

impl FormatRule {
    pub fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            FormatRule::ScaleMissing => lang
                .pick(
                    "能力（[[competencies]]）がありますが、[scale] がありません",
                    "the profile has competencies but no [scale]",
                )
                .into(),
            FormatRule::ScaleKindMissing => lang.pick("scale.kind がありません", "scale.kind is missing").into(),
            FormatRule::DescriptorsTakeNoNumbers => lang
                .pick(
                    "記述の段階（descriptors）の尺度に数値（min・max・levels・targets）が書かれています",
                    "a descriptor scale carries numbers (min, max, levels or targets)",
                )
                .into(),
            FormatRule::ProficiencyBounds => lang
                .pick(
                    "習熟度の尺度に min と max がありません",
                    "a proficiency scale needs min and max",
                )
                .into(),
            FormatRule::LevelPerCell => lang
                .pick(
                    "要件ごとの数値（level）は形式 1 だけのものです",
                    "a number per requirement (level) belongs to format 1 only",
                )
                .into(),
            FormatRule::LevelMissing => lang
                .pick("要件に level がありません", "the requirement has no level")
                .into(),
            FormatRule::DescriptorMissing => lang
                .pick(
                    "要件に文書の記述（descriptor）がありません",
                    "the requirement has no descriptor",
                )
                .into(),
            FormatRule::TargetMissing { grade, emphasis } => {
                let mark = emphasis.mark();
                if ja {
                    format!("職級 `{grade}` の {mark} に必要な段階が scale.targets にありません")
                } else {
                    format!("scale.targets gives no level for {mark} items of grade `{grade}`")
                }
            }
            FormatRule::TargetOutside { level, min, max } => {
                if ja {
                    format!("段階 {level} は尺度（{min}〜{max}）の外です")
                } else {
                    format!("level {level} is outside the scale ({min}–{max})")
                }
            }
            FormatRule::TrainingKindMissing => lang.pick("研修に kind がありません", "the training has no kind").into(),
            FormatRule::AllGradesWithList => lang
                .pick(
                    "all_grades = true と grades の一覧が両方あります",
                    "all_grades = true is given beside a list of grades",
                )
                .into(),
            FormatRule::HedgeNotInText { word } => {
                if ja {
                    format!("「{word}」が規則の文（text）にありません")
                } else {
                    format!("「{word}」 does not occur in the rule's text")
                }
            }
        }
    }

    pub fn hint(&self, lang: Lang) -> String {
        match self {
            FormatRule::ScaleMissing => lang.pick(
                "[scale] と kind = \"descriptors\"（文書が職級ごとに記述を書く）か \"proficiency\" を書いてください。文書に能力表がなければ [[competencies]] を消してください",
                "add [scale] with kind = \"descriptors\" (the document describes each grade) or \"proficiency\"; if the document has no ability table, remove the [[competencies]]",
            ),
            FormatRule::ScaleKindMissing => lang.pick(
                "kind = \"descriptors\"（文書が職級ごとに記述を書く）か \"proficiency\"（◎/○ のみ、または記載なし）を書いてください",
                "write kind = \"descriptors\" (the document describes each grade) or \"proficiency\" (◎/○ only, or nothing usable)",
            ),
            FormatRule::DescriptorsTakeNoNumbers => lang.pick(
                "段階は記述の順で決まります。数値の行を消してください",
                "rungs follow the descriptions; remove the numeric keys",
            ),
            FormatRule::ProficiencyBounds => lang.pick("min = 1、max = 5 のように書いてください", "write e.g. min = 1 and max = 5"),
            FormatRule::LevelPerCell => lang.pick(
                "level を消し、必要な段階は scale.targets に職級ごとに書いてください（`michi profile migrate` が変換します）",
                "remove level and give each grade's level once in scale.targets (`michi profile migrate` converts a file)",
            ),
            FormatRule::LevelMissing => lang.pick("level = 3 のように書いてください", "write e.g. level = 3"),
            FormatRule::DescriptorMissing => lang.pick(
                "文書のその職級の記述を descriptor に書いてください",
                "copy the document's text for this grade into descriptor",
            ),
            FormatRule::TargetMissing { .. } => lang.pick(
                "[[scale.targets]] に grade・key・expected を書いてください",
                "add a [[scale.targets]] entry with grade, key and expected",
            ),
            FormatRule::TargetOutside { .. } => lang.pick("尺度の範囲の段階を書いてください", "use a level on the scale"),
            FormatRule::TrainingKindMissing => lang.pick(
                "kind を書くか、schema_version = 2 にして category を書いてください",
                "add kind, or move to schema_version = 2 and give the document's category",
            ),
            FormatRule::AllGradesWithList => lang.pick("どちらか一方にしてください", "keep one of the two"),
            FormatRule::HedgeNotInText { .. } => lang.pick(
                "hedges には text に書かれた語だけを挙げてください",
                "list in hedges only words the text contains",
            ),
        }
        .into()
    }
}

impl Profile {
    /// The checks of the scale's kind, its targets and the format's per-item rules.
    pub(super) fn check_format(&self, ck: &mut Checker, grades: &Known<'_>) {
        let rule = |r: FormatRule| ProblemKind::Format(r);
        // A profile with no ability table (文書に能力表なし) leaves `[scale]` out; one with
        // competencies and no scale has that one problem, not one per number it lacks.
        match (self.scale.is_unwritten(), self.competencies.is_empty()) {
            (true, true) => {}
            (true, false) => ck.push(path!["scale"], rule(FormatRule::ScaleMissing)),
            (false, _) => self.check_scale_format(ck, grades),
        }
        self.check_format_items(ck);
    }

    /// The scale's kind, bounds and targets, and what each requirement needs on it.
    fn check_scale_format(&self, ck: &mut Checker, grades: &Known<'_>) {
        let v1 = self.schema_version == PROFILE_SCHEMA_V1;
        let scale = &self.scale;
        let kind = scale.kind();
        let rule = |r: FormatRule| ProblemKind::Format(r);
        if !v1 && scale.kind.is_none() {
            ck.push(path!["scale"], rule(FormatRule::ScaleKindMissing));
        }
        if !v1 && scale.kind == Some(ScaleKind::Levels) {
            // Numbers per cell are format 1's; format 2 states them once or not at all.
            ck.push(path!["scale", "kind"], rule(FormatRule::LevelPerCell));
        }
        match kind {
            ScaleKind::Descriptors => {
                if scale.min.is_some() || scale.max.is_some() || !scale.levels.is_empty() || !scale.targets.is_empty() {
                    ck.push(path!["scale", "kind"], rule(FormatRule::DescriptorsTakeNoNumbers));
                }
            }
            ScaleKind::Proficiency | ScaleKind::Levels => {
                if scale.min.is_none() || scale.max.is_none() {
                    ck.push(path!["scale"], rule(FormatRule::ProficiencyBounds));
                }
            }
        }
        let (min, max) = (scale.min(), scale.max());
        let mut targets = HashMap::new();
        for (i, t) in scale.targets.iter().enumerate() {
            ck.reference(path!["scale", "targets", i, "grade"], Entity::Grade, &t.grade, grades);
            targets.entry(t.grade.as_str()).or_insert(t);
            for (key, level) in [("key", Some(t.key)), ("expected", t.expected)] {
                if let Some(level) = level.filter(|l| !(min..=max).contains(l)) {
                    ck.push(
                        path!["scale", "targets", i, key],
                        rule(FormatRule::TargetOutside { level, min, max }),
                    );
                }
            }
        }
        let mut missing_target = HashSet::new();
        for (i, r) in self.requirements.iter().enumerate() {
            match (kind, r.level) {
                (ScaleKind::Levels, None) => ck.push(path!["requirements", i], rule(FormatRule::LevelMissing)),
                (ScaleKind::Levels, Some(level)) => ck.level(path!["requirements", i, "level"], level, min, max),
                (_, Some(_)) => ck.push(path!["requirements", i, "level"], rule(FormatRule::LevelPerCell)),
                (_, None) => {}
            }
            if kind == ScaleKind::Descriptors && r.descriptor.as_deref().is_none_or(|d| d.trim().is_empty()) {
                ck.push(path!["requirements", i], rule(FormatRule::DescriptorMissing));
            }
            if kind == ScaleKind::Proficiency && r.emphasis != Emphasis::Unmarked {
                let target = targets.get(r.grade.as_str());
                let has = target.is_some_and(|t| r.emphasis == Emphasis::Key || t.expected.is_some());
                if !has && grades.contains(r.grade.as_str()) && missing_target.insert((r.grade.as_str(), r.emphasis)) {
                    ck.push(
                        path!["requirements", i, "grade"],
                        rule(FormatRule::TargetMissing {
                            grade: r.grade.clone(),
                            emphasis: r.emphasis,
                        }),
                    );
                }
            }
        }
    }

    /// Delivery methods, measures, ideals and hedges.
    fn check_format_items(&self, ck: &mut Checker) {
        let v1 = self.schema_version == PROFILE_SCHEMA_V1;
        let rule = |r: FormatRule| ProblemKind::Format(r);
        let methods = ck.unique_ids(
            Entity::DeliveryMethod,
            self.delivery_methods
                .iter()
                .enumerate()
                .map(|(i, m)| (path!["delivery_methods", i, "id"], m.id.as_str())),
        );
        for (i, t) in self.trainings.iter().enumerate() {
            if v1 && t.kind.is_none() {
                ck.push(path!["trainings", i], rule(FormatRule::TrainingKindMissing));
            }
            if t.all_grades && t.audience() == Audience::Listed {
                ck.push(path!["trainings", i, "all_grades"], rule(FormatRule::AllGradesWithList));
            }
            for (j, m) in t.delivery.iter().enumerate() {
                ck.reference(
                    path!["trainings", i, "delivery", j],
                    Entity::DeliveryMethod,
                    m,
                    &methods,
                );
            }
        }
        ck.unique_ids(
            Entity::Measure,
            self.measures
                .iter()
                .enumerate()
                .map(|(i, m)| (path!["measures", i, "id"], m.id.as_str())),
        );
        for (i, m) in self.measures.iter().enumerate() {
            ck.text(path!["measures", i, "name"], &m.name);
            ck.text(path!["measures", i, "text"], &m.text);
        }
        for (i, ideal) in self.ideals.iter().enumerate() {
            ck.text(path!["ideals", i, "name"], &ideal.name);
        }
        if let Some(rotation) = &self.rotation {
            for (i, r) in rotation.rules.iter().enumerate() {
                for (j, word) in r.hedges.iter().enumerate() {
                    if !r.text.contains(word.as_str()) {
                        ck.push(
                            path!["rotation", "rules", i, "hedges", j],
                            rule(FormatRule::HedgeNotInText { word: word.clone() }),
                        );
                    }
                }
            }
        }
    }
}
