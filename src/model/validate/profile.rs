//! The consistency checks of a profile.

use super::*;

impl Profile {
    /// Every consistency problem in the profile, in document order of the checks.
    pub fn validate(&self) -> Vec<Problem> {
        self.validate_bounded(usize::MAX).problems
    }

    /// The first `limit` consistency problems, and a count of the rest.
    pub fn validate_bounded(&self, limit: usize) -> Found {
        let mut ck = Checker::new(limit);
        if self.schema_version != PROFILE_SCHEMA_VERSION && self.schema_version != PROFILE_SCHEMA_V1 {
            ck.push(
                path!["schema_version"],
                ProblemKind::UnsupportedSchemaVersion {
                    found: self.schema_version,
                },
            );
        }
        ck.id(path!["id"], &self.id);
        ck.text(path!["name"], &self.name);
        ck.text(path!["name_romaji"], &self.name_romaji);
        ck.text(path!["document", "title"], &self.document.title);
        if let Some(date) = self.document.date.as_ref().filter(|d| !is_valid_partial_date(d)) {
            ck.push(
                path!["document", "date"],
                ProblemKind::InvalidDate { value: date.clone() },
            );
        }

        self.check_scale(&mut ck);

        let groups = ck.unique_ids(
            Entity::CompetencyGroup,
            self.competency_groups
                .iter()
                .enumerate()
                .map(|(i, g)| (path!["competency_groups", i, "id"], g.id.as_str())),
        );
        let competencies = ck.unique_ids(
            Entity::Competency,
            self.competencies
                .iter()
                .enumerate()
                .map(|(i, c)| (path!["competencies", i, "id"], c.id.as_str())),
        );
        for (i, c) in self.competencies.iter().enumerate() {
            ck.text(path!["competencies", i, "name"], &c.name);
            if let Some(group) = &c.group {
                ck.reference(
                    path!["competencies", i, "group"],
                    Entity::CompetencyGroup,
                    group,
                    &groups,
                );
            }
        }

        if self.job_series.is_empty() {
            ck.push(path!["job_series"], ProblemKind::NoSeries);
        }
        let series_ids = ck.unique_ids(
            Entity::Series,
            self.job_series
                .iter()
                .enumerate()
                .map(|(i, s)| (path!["job_series", i, "id"], s.id.as_str())),
        );
        for (i, s) in self.job_series.iter().enumerate() {
            ck.text(path!["job_series", i, "name"], &s.name);
            if s.grades.is_empty() && s.shares_from.is_none() {
                ck.push(
                    path!["job_series", i, "id"],
                    ProblemKind::EmptyLadder { series: s.id.clone() },
                );
            }
            for (j, g) in s.grades.iter().enumerate() {
                ck.text(path!["job_series", i, "grades", j, "name"], &g.name);
            }
        }
        let grades = ck.unique_ids(
            Entity::Grade,
            self.job_series.iter().enumerate().flat_map(|(i, s)| {
                s.grades
                    .iter()
                    .enumerate()
                    .map(move |(j, g)| (path!["job_series", i, "grades", j, "id"], g.id.as_str()))
            }),
        );

        self.check_posts(&mut ck, &series_ids);
        self.check_special_retirement_ages(&mut ck, &series_ids, &grades);
        self.check_requirements(&mut ck, &grades, &competencies);
        self.check_format(&mut ck, &grades);
        self.check_courses(&mut ck, &grades);
        self.check_promotion(&mut ck, &grades);
        self.check_rotation(&mut ck, &series_ids);
        self.check_optional_sections(&mut ck, &grades, &competencies);

        ck.unique_ids(
            Entity::Training,
            self.trainings
                .iter()
                .enumerate()
                .map(|(i, t)| (path!["trainings", i, "id"], t.id.as_str())),
        );
        for (i, t) in self.trainings.iter().enumerate() {
            ck.text(path!["trainings", i, "name"], &t.name);
            for (j, g) in t.grades.iter().enumerate() {
                ck.reference(path!["trainings", i, "grades", j], Entity::Grade, g, &grades);
            }
            for (j, c) in t.competencies.iter().enumerate() {
                ck.reference(
                    path!["trainings", i, "competencies", j],
                    Entity::Competency,
                    c,
                    &competencies,
                );
            }
        }
        self.check_one_line_names(&mut ck);
        let mut leave_kinds = HashSet::new();
        for (i, rule) in self.leave_rules.iter().enumerate() {
            if !(0.0..=1.0).contains(&rule.counted) {
                ck.push(
                    path!["leave_rules", i, "counted"],
                    ProblemKind::FractionOutOfRange {
                        value: rule.counted.to_string(),
                    },
                );
            }
            if !leave_kinds.insert(rule.kind) {
                ck.push(path!["leave_rules", i, "kind"], ProblemKind::DuplicateLeaveRule);
            }
        }
        ck.found()
    }

    /// Names and labels shown on one line in reports and screens, beyond those
    /// [`Checker::text`] already looks at: a line break in them could forge a report line.
    fn check_one_line_names(&self, ck: &mut Checker) {
        if let Some(prefecture) = &self.prefecture {
            ck.one_line(path!["prefecture"], prefecture);
        }
        for (i, g) in self.competency_groups.iter().enumerate() {
            ck.one_line(path!["competency_groups", i, "name"], &g.name);
        }
        for (i, c) in self.competencies.iter().enumerate() {
            for (j, alias) in c.aliases.iter().enumerate() {
                ck.one_line(path!["competencies", i, "aliases", j], alias);
            }
        }
        for (i, s) in self.job_series.iter().enumerate() {
            for (j, g) in s.grades.iter().enumerate() {
                for (k, alias) in g.aliases.iter().enumerate() {
                    ck.one_line(path!["job_series", i, "grades", j, "aliases", k], alias);
                }
                for (k, role) in g.roles.iter().enumerate() {
                    ck.one_line(path!["job_series", i, "grades", j, "roles", k], role);
                }
            }
        }
        if let Some(rotation) = &self.rotation {
            for (i, f) in rotation.families.iter().enumerate() {
                ck.one_line(path!["rotation", "families", i, "name"], &f.name);
            }
            for (i, d) in rotation.departments.iter().enumerate() {
                ck.one_line(path!["rotation", "departments", i, "name"], &d.name);
            }
            for (i, r) in rotation.rules.iter().enumerate() {
                ck.one_line(path!["rotation", "rules", i, "text"], &r.text);
            }
        }
    }

    fn check_scale(&self, ck: &mut Checker) {
        let Self { scale, .. } = self;
        if scale.kind() == ScaleKind::Descriptors || scale.is_unwritten() {
            return;
        }
        if scale.min() > scale.max() {
            ck.push(
                path!["scale", "min"],
                ProblemKind::ScaleBounds {
                    min: scale.min(),
                    max: scale.max(),
                },
            );
            return;
        }
        let mut seen = HashSet::new();
        for (i, l) in scale.levels.iter().enumerate() {
            if !scale.contains(l.level) {
                ck.push(
                    path!["scale", "levels", i, "level"],
                    ProblemKind::ScaleLevelOutside {
                        level: l.level,
                        min: scale.min(),
                        max: scale.max(),
                    },
                );
            } else if !seen.insert(l.level) {
                ck.push(
                    path!["scale", "levels", i, "level"],
                    ProblemKind::ScaleLevelDuplicate { level: l.level },
                );
            }
            ck.text(path!["scale", "levels", i, "label"], &l.label);
        }
        for level in scale.min()..=scale.max() {
            if !seen.contains(&level) {
                ck.push(path!["scale"], ProblemKind::ScaleLabelMissing { level });
            }
        }
    }

    fn check_requirements(&self, ck: &mut Checker, grades: &Known<'_>, competencies: &Known<'_>) {
        let mut seen = HashSet::new();
        for (i, r) in self.requirements.iter().enumerate() {
            ck.reference(path!["requirements", i, "grade"], Entity::Grade, &r.grade, grades);
            ck.reference(
                path!["requirements", i, "competency"],
                Entity::Competency,
                &r.competency,
                competencies,
            );
            if !seen.insert((r.grade.as_str(), r.competency.as_str())) {
                ck.push(
                    path!["requirements", i],
                    ProblemKind::DuplicateRequirement {
                        grade: r.grade.clone(),
                        competency: r.competency.clone(),
                    },
                );
            }
        }
    }

    fn check_promotion(&self, ck: &mut Checker, grades: &Known<'_>) {
        let mut seen = HashSet::new();
        let mut edges: Vec<(&str, &str, usize)> = Vec::new();
        for (i, step) in self.promotion.iter().enumerate() {
            ck.reference(path!["promotion", i, "from"], Entity::Grade, &step.from, grades);
            ck.reference(path!["promotion", i, "to"], Entity::Grade, &step.to, grades);
            if let (Some(min), Some(typical)) = (step.min_years, step.typical_years)
                && typical < min
            {
                ck.push(
                    path!["promotion", i, "typical_years"],
                    ProblemKind::TypicalBelowMinimum { min, typical },
                );
            }
            if !seen.insert((step.from.as_str(), step.to.as_str())) {
                ck.push(
                    path!["promotion", i],
                    ProblemKind::DuplicatePromotion {
                        from: step.from.clone(),
                        to: step.to.clone(),
                    },
                );
                continue;
            }
            if !grades.contains(&step.from) || !grades.contains(&step.to) {
                continue;
            }
            // A step runs up one ladder; with shared grades, the ladder of either grade's
            // series may be the one holding both.
            let ranks = self
                .common_series(&step.from, &step.to)
                .and_then(|s| Some((self.rank(s, &step.from)?, self.rank(s, &step.to)?)));
            let here = path!["promotion", i, "to"];
            let ids = [step.from.as_str(), step.to.as_str()];
            let Some((from_rank, to_rank)) = ranks else {
                edges.push((step.from.as_str(), step.to.as_str(), i));
                // A series whose `shares_from` could not be followed (told there) leaves
                // its steps into the shared grades crossing series: not told again.
                let unshared = |id: &str| {
                    self.grade(id)
                        .is_some_and(|(s, _)| s.shares_from.is_some() && self.ladder(s).shared.is_empty())
                };
                if unshared(&step.from) || unshared(&step.to) {
                    continue;
                }
                ck.push_unless_caused(
                    here,
                    ProblemKind::PromotionAcrossSeries {
                        from: step.from.clone(),
                        to: step.to.clone(),
                    },
                    grades,
                    &ids,
                );
                continue;
            };
            if from_rank == to_rank {
                ck.push_unless_caused(
                    here,
                    ProblemKind::PromotionToSelf {
                        grade: step.from.clone(),
                    },
                    grades,
                    &ids,
                );
            } else if to_rank < from_rank {
                ck.push_unless_caused(
                    here,
                    ProblemKind::PromotionBackwards {
                        from: step.from.clone(),
                        to: step.to.clone(),
                    },
                    grades,
                    &ids,
                );
            }
            if step.from != step.to {
                edges.push((step.from.as_str(), step.to.as_str(), i));
            }
        }
        if let Some((cycle, index)) = find_cycle(&edges) {
            let ids: Vec<&str> = cycle.iter().map(String::as_str).collect();
            ck.push_unless_caused(
                path!["promotion", index],
                ProblemKind::PromotionCycle { cycle: cycle.clone() },
                grades,
                &ids,
            );
        }
    }

    fn check_rotation(&self, ck: &mut Checker, series: &Known<'_>) {
        let Some(rotation) = &self.rotation else {
            return;
        };
        let families = ck.unique_ids(
            Entity::Family,
            rotation
                .families
                .iter()
                .enumerate()
                .map(|(i, f)| (path!["rotation", "families", i, "id"], f.id.as_str())),
        );
        let departments = ck.unique_ids(
            Entity::Department,
            rotation
                .departments
                .iter()
                .enumerate()
                .map(|(i, d)| (path!["rotation", "departments", i, "id"], d.id.as_str())),
        );
        for (i, d) in rotation.departments.iter().enumerate() {
            ck.reference(
                path!["rotation", "departments", i, "family"],
                Entity::Family,
                &d.family,
                &families,
            );
        }
        ck.unique_ids(
            Entity::Rule,
            rotation
                .rules
                .iter()
                .enumerate()
                .map(|(i, r)| (path!["rotation", "rules", i, "id"], r.id.as_str())),
        );
        for (i, rule) in rotation.rules.iter().enumerate() {
            if rule.window_years == Some(0) {
                ck.push(path!["rotation", "rules", i, "window_years"], ProblemKind::ZeroYears);
            }
            for (j, f) in rule.families.iter().enumerate() {
                ck.reference(
                    path!["rotation", "rules", i, "families", j],
                    Entity::Family,
                    f,
                    &families,
                );
            }
            for (j, s) in rule.series.iter().enumerate() {
                ck.reference(path!["rotation", "rules", i, "series", j], Entity::Series, s, series);
            }
            match rule.kind {
                RotationRuleKind::CoverFamilies if rule.families.is_empty() => {
                    ck.push(path!["rotation", "rules", i, "kind"], ProblemKind::RuleWithoutFamilies);
                }
                RotationRuleKind::DistinctDepartments if rule.min_departments.unwrap_or(0) == 0 => {
                    ck.push(
                        path!["rotation", "rules", i, "kind"],
                        ProblemKind::RuleWithoutDepartmentCount,
                    );
                }
                _ => {}
            }
        }
        self.check_rotation_rules(ck, rotation, &departments);
    }
}

/// A cycle in the promotion graph, as the grade ids along it (first repeated at the end),
/// with the index of the step that closes it.
pub(super) fn find_cycle<'a>(edges: &[(&'a str, &'a str, usize)]) -> Option<(Vec<String>, usize)> {
    let mut adjacency: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
    for &(from, to, index) in edges {
        adjacency.entry(from).or_default().push((to, index));
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Active,
        Done,
    }
    let mut marks: HashMap<&str, Mark> = HashMap::new();
    let mut starts: Vec<&str> = edges.iter().map(|e| e.0).collect();
    starts.sort_unstable();
    starts.dedup();
    // Iterative depth-first search: a hostile profile may chain thousands of steps.
    for start in starts {
        if marks.contains_key(start) {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        marks.insert(start, Mark::Active);
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let outgoing = adjacency.get(node).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(&(to, index)) = outgoing.get(*next) {
                *next += 1;
                match marks.get(to) {
                    Some(Mark::Active) => {
                        let from_pos = stack.iter().position(|(n, _)| *n == to).unwrap_or(0);
                        let mut cycle: Vec<String> = stack[from_pos..].iter().map(|(n, _)| n.to_string()).collect();
                        cycle.push(to.to_string());
                        return Some((cycle, index));
                    }
                    Some(Mark::Done) => {}
                    None => {
                        marks.insert(to, Mark::Active);
                        stack.push((to, 0));
                    }
                }
            } else {
                marks.insert(node, Mark::Done);
                stack.pop();
            }
        }
    }
    None
}
