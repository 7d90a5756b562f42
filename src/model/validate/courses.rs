//! The checks of courses: in the profile (ids, one default, the grade and families they
//! name, the courses rules and trainings name) and in a plan (the course, its field, and
//! whether it could be chosen by then).

use super::*;

impl Profile {
    pub(super) fn check_courses(&self, ck: &mut Checker, grades: &Known<'_>) {
        let courses = ck.unique_ids(
            Entity::Course,
            self.courses
                .iter()
                .enumerate()
                .map(|(i, c)| (path!["courses", i, "id"], c.id.as_str())),
        );
        let families: Known<'_> = self
            .rotation
            .iter()
            .flat_map(|r| r.families.iter().map(|f| f.id.as_str()))
            .collect();
        let mut defaults = 0;
        for (i, c) in self.courses.iter().enumerate() {
            ck.text(path!["courses", i, "name"], &c.name);
            if c.default {
                defaults += 1;
                if defaults > 1 {
                    ck.push(path!["courses", i, "default"], ProblemKind::SecondDefaultCourse);
                }
            }
            if let Some(grade) = &c.choose_from_grade {
                ck.reference(path!["courses", i, "choose_from_grade"], Entity::Grade, grade, grades);
            }
            ck.unique_ids(
                Entity::CourseField,
                c.fields
                    .iter()
                    .enumerate()
                    .map(|(j, f)| (path!["courses", i, "fields", j, "id"], f.id.as_str())),
            );
            for (j, f) in c.fields.iter().enumerate() {
                ck.text(path!["courses", i, "fields", j, "name"], &f.name);
                for (k, family) in f.families.iter().enumerate() {
                    ck.reference(
                        path!["courses", i, "fields", j, "families", k],
                        Entity::Family,
                        family,
                        &families,
                    );
                }
            }
        }
        for (i, rule) in self.rotation.iter().flat_map(|r| r.rules.iter()).enumerate() {
            for (j, c) in rule.courses.iter().enumerate() {
                ck.reference(path!["rotation", "rules", i, "courses", j], Entity::Course, c, &courses);
            }
        }
        for (i, t) in self.trainings.iter().enumerate() {
            for (j, c) in t.courses.iter().enumerate() {
                ck.reference(path!["trainings", i, "courses", j], Entity::Course, c, &courses);
            }
        }
    }
}

impl Plan {
    /// The plan's course against the profile's: it exists, its field is one of the
    /// course's, and it could be chosen when the plan says it was.
    pub(super) fn check_course(&self, profile: &Profile, ck: &mut Checker) {
        let Some(id) = &self.course else { return };
        let known: Known<'_> = profile.courses.iter().map(|c| c.id.as_str()).collect();
        let Some(course) = profile.course(id) else {
            ck.reference(path!["course"], Entity::Course, id, &known);
            return;
        };
        if let Some(field) = &self.course_field {
            let fields: Known<'_> = course.fields.iter().map(|f| f.id.as_str()).collect();
            ck.reference(path!["course_field"], Entity::CourseField, field, &fields);
        }
        let since = self.course_since.unwrap_or(self.grade_since);
        if let Some(years) = course.choose_after_years {
            let opens = self.hire_date.add_years(i32::from(years));
            if since < opens {
                ck.push(
                    path![if self.course_since.is_some() {
                        "course_since"
                    } else {
                        "course"
                    }],
                    ProblemKind::CourseNotOpen {
                        course: course.name.clone(),
                        after_years: years,
                    },
                );
            }
        }
        // A course opened from a grade up: the plan's current grade must have reached it
        // on the plan's ladder.
        if let Some(from) = &course.choose_from_grade
            && let Some(series) = self.series_id(profile).and_then(|s| profile.series(s))
            && let (Some(lowest), Some(now)) = (profile.rank(series, from), profile.rank(series, &self.grade))
            && now < lowest
        {
            ck.push(
                path!["course"],
                ProblemKind::CourseBelowGrade {
                    course: course.name.clone(),
                    grade: profile
                        .grade(from)
                        .map_or_else(|| from.clone(), |(_, g)| g.name.clone()),
                },
            );
        }
    }
}
