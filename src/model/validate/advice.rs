//! Warnings: what makes a valid profile analyse badly. None of them refuses the profile
//! (`profile check` still says ok); each says what the analysis will lack and what to add.

use super::*;

/// Something a profile lacks, or says in a way that will weaken the analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Advice {
    /// No `[[requirements]]`: no gaps and no readiness anywhere.
    NoRequirements,
    /// No `[[trainings]]`: no training suggestions.
    NoTrainings,
    /// No `[[promotion]]`: no years in grade, so no earliest or typical dates.
    NoPromotion,
    /// Grades of one series with no `roles`: nothing for the roles checklist.
    GradesWithoutRoles { series: String, grades: Vec<String> },
    /// Grades no chain of promotion steps reaches from the series' lowest grade.
    Unreachable { series: String, grades: Vec<String> },
    /// Entries of one list that name no source and are not marked as Michi's reading.
    SourceMissing { list: SourceList, count: usize },
}

/// A list whose entries may leave out `source`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceList {
    Scale,
    CompetencyGroups,
    Promotion,
    Tenure,
    Families,
    Rules,
    LeaveRules,
}

impl SourceList {
    fn name(self, lang: Lang) -> &'static str {
        match self {
            SourceList::Scale => lang.pick("尺度（[scale]）", "the scale ([scale])"),
            SourceList::CompetencyGroups => lang.pick("能力の区分（[[competency_groups]]）", "competency groups"),
            SourceList::Promotion => lang.pick("昇任ステップ（[[promotion]]）", "promotion steps"),
            SourceList::Tenure => lang.pick(
                "配属期間（[rotation] typical_tenure_years）",
                "the tenure ([rotation] typical_tenure_years)",
            ),
            SourceList::Families => lang.pick("部門系統（[[rotation.families]]）", "department families"),
            SourceList::Rules => lang.pick("ローテーション規則（[[rotation.rules]]）", "rotation rules"),
            SourceList::LeaveRules => lang.pick("休業の扱い（[[leave_rules]]）", "leave rules"),
        }
    }
}

/// A warning at a place in the profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: FieldPath,
    pub advice: Advice,
}

impl Profile {
    /// What will make this profile analyse badly, in document order of the checks. Meant
    /// for a profile that [`Profile::validate`] accepts.
    pub fn advice(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        let mut warn = |path: FieldPath, advice: Advice| out.push(Warning { path, advice });
        if self.requirements.is_empty() && !self.competencies.is_empty() {
            warn(FieldPath::default(), Advice::NoRequirements);
        }
        if self.promotion.is_empty() {
            warn(FieldPath::default(), Advice::NoPromotion);
        }
        for (i, series) in self.job_series.iter().enumerate() {
            let bare: Vec<String> = series
                .grades
                .iter()
                .filter(|g| g.roles.is_empty())
                .map(|g| g.name.clone())
                .collect();
            if !bare.is_empty() {
                warn(
                    path!["job_series", i],
                    Advice::GradesWithoutRoles {
                        series: series.name.clone(),
                        grades: bare,
                    },
                );
            }
            if self.promotion.is_empty() {
                continue;
            }
            let unreachable = self.unreachable_grades(series);
            if !unreachable.is_empty() {
                warn(
                    path!["job_series", i],
                    Advice::Unreachable {
                        series: series.name.clone(),
                        grades: unreachable,
                    },
                );
            }
        }
        if self.trainings.is_empty() {
            warn(FieldPath::default(), Advice::NoTrainings);
        }
        self.sources_missing(&mut warn);
        out
    }

    /// Names of the grades of `series` that no chain of promotion steps reaches from its
    /// lowest grade, in ladder order.
    fn unreachable_grades(&self, series: &crate::model::JobSeries) -> Vec<String> {
        let Some(lowest) = series.grades.first() else {
            return Vec::new();
        };
        let mut next: HashMap<&str, Vec<&str>> = HashMap::new();
        for step in &self.promotion {
            next.entry(step.from.as_str()).or_default().push(step.to.as_str());
        }
        let mut reached: HashSet<&str> = HashSet::from([lowest.id.as_str()]);
        let mut stack = vec![lowest.id.as_str()];
        while let Some(grade) = stack.pop() {
            for &to in next.get(grade).map(Vec::as_slice).unwrap_or_default() {
                if reached.insert(to) {
                    stack.push(to);
                }
            }
        }
        series
            .grades
            .iter()
            .filter(|g| !reached.contains(g.id.as_str()))
            .map(|g| g.name.clone())
            .collect()
    }

    /// One warning per list whose entries leave out `source` without being marked as
    /// Michi's reading (`illustrative`): the format promises every value names its source.
    fn sources_missing(&self, warn: &mut impl FnMut(FieldPath, Advice)) {
        let mut list = |list: SourceList, missing: &mut dyn Iterator<Item = FieldPath>| {
            let mut missing = missing.peekable();
            if let Some(first) = missing.next() {
                let count = 1 + missing.count();
                warn(first, Advice::SourceMissing { list, count });
            }
        };
        let scale = &self.scale;
        // A profile with no ability table needs no scale, nor its source.
        let scale_missing = !self.competencies.is_empty()
            && scale.source.is_none()
            && !scale.illustrative
            && scale.kind() != ScaleKind::Descriptors;
        list(
            SourceList::Scale,
            &mut scale_missing.then(|| path!["scale"]).into_iter(),
        );
        list(
            SourceList::CompetencyGroups,
            &mut self
                .competency_groups
                .iter()
                .enumerate()
                .filter(|(_, g)| g.source.is_none())
                .map(|(i, _)| path!["competency_groups", i]),
        );
        list(
            SourceList::Promotion,
            &mut self
                .promotion
                .iter()
                .enumerate()
                .filter(|(_, s)| s.source.is_none() && !s.illustrative)
                .map(|(i, _)| path!["promotion", i]),
        );
        if let Some(rotation) = &self.rotation {
            let tenure_missing =
                rotation.typical_tenure_years.is_some() && !rotation.tenure_illustrative && rotation.source.is_none();
            list(
                SourceList::Tenure,
                &mut tenure_missing
                    .then(|| path!["rotation", "typical_tenure_years"])
                    .into_iter(),
            );
            list(
                SourceList::Families,
                &mut rotation
                    .families
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.source.is_none() && !f.illustrative)
                    .map(|(i, _)| path!["rotation", "families", i]),
            );
            list(
                SourceList::Rules,
                &mut rotation
                    .rules
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.source.is_none() && !r.illustrative)
                    .map(|(i, _)| path!["rotation", "rules", i]),
            );
        }
        list(
            SourceList::LeaveRules,
            &mut self
                .leave_rules
                .iter()
                .enumerate()
                .filter(|(_, r)| r.source.is_none() && !r.illustrative)
                .map(|(i, _)| path!["leave_rules", i]),
        );
    }
}

impl Advice {
    /// What the analysis will lack, in one line.
    pub fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let sep = lang.pick("、", ", ");
        match self {
            Advice::NoRequirements => lang
                .pick(
                    "要件（[[requirements]]）がありません。能力の差も準備度も示されません",
                    "no requirements ([[requirements]]): no gaps and no readiness will be shown",
                )
                .to_string(),
            Advice::NoTrainings => lang
                .pick(
                    "研修（[[trainings]]）がありません。研修の提案は出ません",
                    "no trainings ([[trainings]]): no training will be suggested",
                )
                .to_string(),
            Advice::NoPromotion => lang
                .pick(
                    "昇任ステップ（[[promotion]]）がありません。昇任の見込み時期は示されません",
                    "no promotion steps ([[promotion]]): no promotion dates will be estimated",
                )
                .to_string(),
            Advice::GradesWithoutRoles { series, grades } if ja => format!(
                "職系「{series}」の職級 {} 件（{}）に役割（roles）がありません。役割のチェックリストは空になります",
                grades.len(),
                grades.join(sep)
            ),
            Advice::GradesWithoutRoles { series, grades } => format!(
                "{} grade(s) of the {series} series have no roles ({}): their roles checklist is empty",
                grades.len(),
                grades.join(sep)
            ),
            Advice::Unreachable { series, grades } if ja => format!(
                "職系「{series}」の {} には、最下位の職級から昇任ステップでたどり着けません",
                grades.join(sep)
            ),
            Advice::Unreachable { series, grades } => format!(
                "no chain of promotion steps reaches {} from the lowest grade of the {series} series",
                grades.join(sep)
            ),
            Advice::SourceMissing { list, count } if ja => {
                format!("{}の {count} 件に出典（source）がありません", list.name(lang))
            }
            Advice::SourceMissing { list, count } => {
                format!("{count} of {} name no source", list.name(lang))
            }
        }
    }

    /// What to do.
    pub fn hint(&self, lang: Lang) -> String {
        match self {
            Advice::NoRequirements => lang.pick(
                "文書が職級ごとに求める能力を [[requirements]] に書いてください。文書に能力表がなければ、このままで構いません",
                "write what the document asks of each grade in [[requirements]]; if it has no ability table, leave it so",
            ),
            Advice::NoTrainings => lang.pick(
                "文書の研修体系を [[trainings]] に書いてください",
                "copy the document's training catalogue into [[trainings]]",
            ),
            Advice::NoPromotion => lang.pick(
                "文書が在級年数を定めていれば [[promotion]] に書いてください。定めがなければ、このままで構いません",
                "if the document states years in grade, write them in [[promotion]]; if not, leave it so",
            ),
            Advice::GradesWithoutRoles { .. } => lang.pick(
                "文書が職級ごとに挙げる役割・職務を roles = [\"…\"] に一つずつ書いてください。文書に挙げていなければ、このままで構いません",
                "copy the roles or duties the document lists per grade into roles = [\"…\"]; if it lists none, leave it so",
            ),
            Advice::Unreachable { .. } => lang.pick(
                "[[promotion]] に、下の職級からその職級への from・to を書いてください",
                "add a [[promotion]] step with from and to leading to those grades",
            ),
            Advice::SourceMissing { .. } => lang.pick(
                "文書の章・見出しを source に書いてください。文書にない値なら illustrative = true を付けます",
                "give the document's section in source; a value the document does not give gets illustrative = true",
            ),
        }
        .to_string()
    }
}
