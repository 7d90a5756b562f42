//! The checks of a plan against its profile.

use super::*;

impl crate::model::Plan {
    /// Every problem in the plan measured against its profile: unknown ids, dates out of
    /// order, overlapping postings, levels off the profile's scale.
    pub fn validate(&self, profile: &Profile) -> Vec<Problem> {
        self.validate_bounded(profile, usize::MAX).problems
    }

    /// The first `limit` problems of the plan, and a count of the rest.
    pub fn validate_bounded(&self, profile: &Profile, limit: usize) -> Found {
        use crate::model::PLAN_SCHEMA_VERSION;
        let mut ck = Checker::new(limit);
        if self.schema_version != PLAN_SCHEMA_VERSION {
            ck.push(
                path!["schema_version"],
                ProblemKind::UnsupportedSchemaVersion {
                    found: self.schema_version,
                },
            );
        }
        if let Some(name) = &self.name {
            ck.one_line(path!["name"], name);
        }
        let series_ids: Known<'_> = profile.job_series.iter().map(|s| s.id.as_str()).collect();
        if let Some(series) = &self.series {
            ck.reference(path!["series"], Entity::Series, series, &series_ids);
        }
        let series = self.series_id(profile).and_then(|id| profile.series(id));
        // Grades are checked against the plan's ladder; when the series itself is not
        // found (told above), against every grade, so one wrong series is one problem.
        let ladder: Known<'_> = match series {
            Some(s) => profile.ladder(s).iter().map(|g| g.id.as_str()).collect(),
            None => profile.grades().map(|(_, g)| g.id.as_str()).collect(),
        };
        let rank = |id: &str| series.and_then(|s| profile.rank(s, id));
        for (key, grade) in [("grade", &self.grade), ("target_grade", &self.target_grade)] {
            let here = path![key];
            if ladder.contains(grade.as_str()) {
                continue;
            }
            match (profile.grade(grade), series) {
                (Some(_), Some(s)) => ck.push(
                    here,
                    ProblemKind::GradeNotInSeries {
                        grade: grade.clone(),
                        series: s.id.clone(),
                    },
                ),
                _ => ck.reference(here, Entity::Grade, grade, &ladder),
            }
        }
        if let (Some(position), Some((_, grade))) = (&self.position, profile.grade(&self.grade)) {
            let positions: Known<'_> = grade.positions.iter().map(|p| p.id.as_str()).collect();
            ck.reference(path!["position"], Entity::Position, position, &positions);
        }
        if let (Some(current), Some(target)) = (rank(&self.grade), rank(&self.target_grade))
            && target < current
        {
            ck.push(
                path!["target_grade"],
                ProblemKind::TargetBelowCurrent {
                    target: self.target_grade.clone(),
                    current: self.grade.clone(),
                },
            );
        }
        if self.hire_date <= self.birth_date {
            ck.push(
                path!["hire_date"],
                ProblemKind::DateOrder {
                    earlier: DateField::BirthDate,
                    later: DateField::HireDate,
                },
            );
        }
        if self.grade_since < self.hire_date {
            ck.push(
                path!["grade_since"],
                ProblemKind::DateOrder {
                    earlier: DateField::HireDate,
                    later: DateField::GradeSince,
                },
            );
        }

        let trainings: Known<'_> = profile.trainings.iter().map(|t| t.id.as_str()).collect();
        for (key, list) in [
            ("completed_trainings", &self.completed_trainings),
            ("planned_trainings", &self.planned_trainings),
        ] {
            let mut seen = HashSet::new();
            for (i, t) in list.iter().enumerate() {
                ck.reference(path![key, i], Entity::Training, t, &trainings);
                if !seen.insert(t.as_str()) {
                    ck.push(path![key, i], ProblemKind::DuplicateEntry { id: t.clone() });
                }
            }
        }

        let planned: HashSet<&str> = self.planned_trainings.iter().map(String::as_str).collect();
        for id in self.planned_years.keys() {
            let here = path!["planned_years"].key(id.clone());
            if !trainings.contains(id.as_str()) {
                ck.reference(here, Entity::Training, id, &trainings);
            } else if !planned.contains(id.as_str()) {
                ck.push(here, ProblemKind::YearForUnplannedTraining { id: id.clone() });
            }
        }

        let competencies: Known<'_> = profile.competencies.iter().map(|c| c.id.as_str()).collect();
        for (key, levels) in [
            ("self_assessment", &self.self_assessment),
            ("supervisor_assessment", &self.supervisor_assessment),
        ] {
            for (competency, &level) in levels {
                ck.reference_key(key, competency, &competencies);
                let range = profile.level_range_on(self.series_id(profile), competency);
                if !range.contains(&level) {
                    ck.push(
                        path![key].key(competency.clone()),
                        ProblemKind::LevelOutsideScale {
                            level,
                            min: *range.start(),
                            max: *range.end(),
                        },
                    );
                }
            }
        }
        for (competency, evidence) in &self.evidence {
            ck.reference_key("evidence", competency, &competencies);
            ck.lines(path!["evidence"].key(competency.clone()), evidence);
        }
        self.check_course(profile, &mut ck);
        self.check_interviews(profile, &mut ck);
        self.check_workshop(profile, &mut ck);
        for (table, roles) in [
            ("roles_self", &self.roles_self),
            ("roles_supervisor", &self.roles_supervisor),
        ] {
            for (grade, numbers) in roles {
                let path = path![table].key(grade.clone());
                let Some((_, g)) = profile.grade(grade) else {
                    ck.reference(path, Entity::Grade, grade, &ladder);
                    continue;
                };
                for (i, &number) in numbers.iter().enumerate() {
                    if number == 0 || usize::from(number) > g.roles.len() {
                        ck.push(
                            path![table].key(grade.clone()).index(i),
                            ProblemKind::RoleNumber {
                                number,
                                count: g.roles.len(),
                            },
                        );
                    }
                }
            }
        }
        for (i, constraint) in self.constraints.iter().enumerate() {
            ck.lines(path!["constraints", i], constraint);
        }
        // 自己申告: choices name a family or department when they can (matched by the
        // suggestion), and are free text otherwise.
        let report = &self.self_report;
        for (key, list) in [("choices", &report.choices), ("qualifications", &report.qualifications)] {
            let mut seen = HashSet::new();
            for (i, item) in list.iter().enumerate() {
                ck.text(path!["self_report", key, i], item);
                if !seen.insert(item.trim()) {
                    ck.push(
                        path!["self_report", key, i],
                        ProblemKind::DuplicateEntry { id: item.clone() },
                    );
                }
            }
        }
        for (key, text) in [
            ("reasons", &report.reasons),
            ("health", &report.health),
            ("circumstances", &report.circumstances),
        ] {
            if let Some(text) = text {
                ck.lines(path!["self_report", key], text);
            }
        }

        let families: Known<'_> = profile
            .rotation
            .iter()
            .flat_map(|r| r.families.iter().map(|f| f.id.as_str()))
            .collect();
        let mut previous: Option<&crate::model::Assignment> = None;
        for (i, a) in self.assignments.iter().enumerate() {
            ck.one_line(path!["assignments", i, "department"], &a.department);
            if let Some(family) = &a.family {
                ck.reference(path!["assignments", i, "family"], Entity::Family, family, &families);
            }
            if let Some(to) = a.to
                && to < a.from
            {
                ck.push(
                    path!["assignments", i, "to"],
                    ProblemKind::DateOrder {
                        earlier: DateField::From,
                        later: DateField::To,
                    },
                );
            }
            if a.from < self.hire_date {
                ck.push(
                    path!["assignments", i, "from"],
                    ProblemKind::DateOrder {
                        earlier: DateField::HireDate,
                        later: DateField::From,
                    },
                );
            }
            if let Some(prev) = previous {
                match prev.to {
                    Some(end) if end < a.from => {}
                    _ => ck.push(
                        path!["assignments", i, "from"],
                        ProblemKind::OverlappingPostings {
                            previous_from: prev.from.to_string(),
                        },
                    ),
                }
            }
            previous = Some(a);
        }
        for (i, leave) in self.leaves.iter().enumerate() {
            if let Some(note) = &leave.note {
                ck.one_line(path!["leaves", i, "note"], note);
            }
            if let Some(to) = leave.to
                && to < leave.from
            {
                ck.push(
                    path!["leaves", i, "to"],
                    ProblemKind::DateOrder {
                        earlier: DateField::From,
                        later: DateField::To,
                    },
                );
            }
        }
        ck.found()
    }
}
