//! Writing a plan back to TOML in the same layout people write by hand: bare dates, one
//! table per section, postings and leave as arrays of tables. Comments in a hand-edited
//! file are not kept (a header says the file is written by Michi).

use std::fmt::Write as _;

use crate::model::{Plan, SelfReport};
use crate::store::template::toml_string;

fn string_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| toml_string(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A TOML key: bare when it may be, quoted otherwise.
fn key(k: &str) -> String {
    if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        k.to_string()
    } else {
        toml_string(k)
    }
}

/// The plan as TOML text.
pub fn plan_to_toml(plan: &Plan) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# Michi plan file, written by Michi. Check it with `michi plan check FILE`."
    );
    let _ = writeln!(t, "schema_version = {}", plan.schema_version);
    if plan.sample {
        let _ = writeln!(t, "sample = true");
    }
    if let Some(as_of) = plan.as_of {
        let _ = writeln!(t, "as_of = {as_of}");
    }
    let _ = writeln!(t, "profile = {}", toml_string(&plan.profile));
    if let Some(series) = &plan.series {
        let _ = writeln!(t, "series = {}", toml_string(series));
    }
    if let Some(name) = &plan.name {
        let _ = writeln!(t, "name = {}", toml_string(name));
    }
    let _ = writeln!(t, "birth_date = {}", plan.birth_date);
    let _ = writeln!(t, "hire_date = {}", plan.hire_date);
    let _ = writeln!(t, "grade = {}", toml_string(&plan.grade));
    if let Some(position) = &plan.position {
        let _ = writeln!(t, "position = {}", toml_string(position));
    }
    let _ = writeln!(t, "grade_since = {}", plan.grade_since);
    let _ = writeln!(t, "target_grade = {}", toml_string(&plan.target_grade));
    if let Some(fy) = plan.target_fy {
        let _ = writeln!(t, "target_fy = {fy}");
    }
    let _ = writeln!(t, "track = \"{}\"", plan.track.id());
    if let Some(course) = &plan.course {
        let _ = writeln!(t, "course = {}", toml_string(course));
    }
    if let Some(field) = &plan.course_field {
        let _ = writeln!(t, "course_field = {}", toml_string(field));
    }
    if let Some(since) = plan.course_since {
        let _ = writeln!(t, "course_since = {since}");
    }
    let _ = writeln!(t, "completed_trainings = {}", string_list(&plan.completed_trainings));
    let _ = writeln!(t, "planned_trainings = {}", string_list(&plan.planned_trainings));
    if !plan.constraints.is_empty() {
        let _ = writeln!(t, "constraints = {}", string_list(&plan.constraints));
    }
    if !plan.planned_years.is_empty() {
        let _ = writeln!(t, "\n[planned_years]");
        for (training, fy) in &plan.planned_years {
            let _ = writeln!(t, "{} = {fy}", key(training));
        }
    }
    for (table, levels) in [
        ("self_assessment", &plan.self_assessment),
        ("supervisor_assessment", &plan.supervisor_assessment),
    ] {
        let _ = writeln!(t, "\n[{table}]");
        for (competency, level) in levels {
            let _ = writeln!(t, "{} = {level}", key(competency));
        }
    }
    let _ = writeln!(t, "\n[evidence]");
    for (competency, text) in &plan.evidence {
        let _ = writeln!(t, "{} = {}", key(competency), toml_string(text));
    }
    for (table, roles) in [
        ("roles_self", &plan.roles_self),
        ("roles_supervisor", &plan.roles_supervisor),
    ] {
        if roles.is_empty() {
            continue;
        }
        let _ = writeln!(t, "\n[{table}]");
        for (grade, numbers) in roles {
            let numbers: Vec<String> = numbers.iter().map(u16::to_string).collect();
            let _ = writeln!(t, "{} = [{}]", key(grade), numbers.join(", "));
        }
    }
    for a in &plan.assignments {
        let _ = writeln!(t, "\n[[assignments]]");
        let _ = writeln!(t, "department = {}", toml_string(&a.department));
        if let Some(family) = &a.family {
            let _ = writeln!(t, "family = {}", toml_string(family));
        }
        let _ = writeln!(t, "from = {}", a.from);
        if let Some(to) = a.to {
            let _ = writeln!(t, "to = {to}");
        }
    }
    for l in &plan.leaves {
        let _ = writeln!(t, "\n[[leaves]]");
        let _ = writeln!(t, "kind = \"{}\"", l.kind.id());
        let _ = writeln!(t, "from = {}", l.from);
        if let Some(to) = l.to {
            let _ = writeln!(t, "to = {to}");
        }
        if let Some(note) = &l.note {
            let _ = writeln!(t, "note = {}", toml_string(note));
        }
    }
    write_self_report(&mut t, &plan.self_report);
    write_interviews(&mut t, plan);
    write_workshop(&mut t, plan);
    t
}

/// `[[lifeline]]` years and `[wcm]`, the workshop's parts of a plan.
fn write_workshop(t: &mut String, plan: &Plan) {
    for y in &plan.lifeline {
        let _ = writeln!(t, "\n[[lifeline]]");
        let _ = writeln!(t, "fy = {}", y.fy);
        let _ = writeln!(t, "score = {}", y.score);
        if let Some(note) = &y.note {
            let _ = writeln!(t, "note = {}", toml_string(note));
        }
    }
    if !plan.wcm.is_empty() {
        let _ = writeln!(t, "\n[wcm]");
        for (key, value) in [
            ("will", &plan.wcm.will),
            ("can", &plan.wcm.can),
            ("must", &plan.wcm.must),
        ] {
            if let Some(value) = value {
                let _ = writeln!(t, "{key} = {}", toml_string(value));
            }
        }
    }
}

/// `[[interviews]]` with their `[[interviews.goals]]`, then `[[notes]]`.
fn write_interviews(t: &mut String, plan: &Plan) {
    let opt = |t: &mut String, key: &str, value: &Option<String>| {
        if let Some(value) = value {
            let _ = writeln!(t, "{key} = {}", toml_string(value));
        }
    };
    for i in &plan.interviews {
        let _ = writeln!(t, "\n[[interviews]]");
        let _ = writeln!(t, "fy = {}", i.fy);
        let _ = writeln!(t, "kind = \"{}\"", i.kind.id());
        let _ = writeln!(t, "date = {}", i.date);
        opt(t, "evaluator", &i.evaluator);
        opt(t, "second_evaluator", &i.second_evaluator);
        opt(t, "self_comment", &i.self_comment);
        opt(t, "supervisor_comment", &i.supervisor_comment);
        if !i.agreed_next_steps.is_empty() {
            let _ = writeln!(t, "agreed_next_steps = {}", string_list(&i.agreed_next_steps));
        }
        if !i.agreed_trainings.is_empty() {
            let _ = writeln!(t, "agreed_trainings = {}", string_list(&i.agreed_trainings));
        }
        for g in &i.goals {
            let _ = writeln!(t, "\n[[interviews.goals]]");
            let _ = writeln!(t, "title = {}", toml_string(&g.title));
            opt(t, "measure", &g.measure);
            if let Some(due) = g.due {
                let _ = writeln!(t, "due = {due}");
            }
            opt(t, "difficulty", &g.difficulty);
            if let Some(weight) = g.weight {
                let _ = writeln!(t, "weight = {weight}");
            }
            let _ = writeln!(t, "status = \"{}\"", g.status.id());
            opt(t, "result", &g.result);
        }
    }
    for n in &plan.notes {
        let _ = writeln!(t, "\n[[notes]]");
        let _ = writeln!(t, "date = {}", n.date);
        let _ = writeln!(t, "author = \"{}\"", n.author.id());
        if let Some(c) = &n.competency {
            let _ = writeln!(t, "competency = {}", toml_string(c));
        }
        let _ = writeln!(t, "text = {}", toml_string(&n.text));
    }
}

/// `[self_report]`, when anything is stated.
fn write_self_report(t: &mut String, report: &SelfReport) {
    if report.is_empty() {
        return;
    }
    let _ = writeln!(t, "\n[self_report]");
    if let Some(wish) = report.transfer_wish {
        let _ = writeln!(t, "transfer_wish = \"{}\"", wish.id());
    }
    if !report.choices.is_empty() {
        let _ = writeln!(t, "choices = {}", string_list(&report.choices));
    }
    for (key, value) in [("reasons", &report.reasons), ("health", &report.health)] {
        if let Some(value) = value {
            let _ = writeln!(t, "{key} = {}", toml_string(value));
        }
    }
    if !report.qualifications.is_empty() {
        let _ = writeln!(t, "qualifications = {}", string_list(&report.qualifications));
    }
    if let Some(value) = &report.circumstances {
        let _ = writeln!(t, "circumstances = {}", toml_string(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assignment, Date, Leave, LeaveKind};

    fn sample() -> Plan {
        let d = |s| Date::parse(s).unwrap();
        Plan {
            schema_version: 1,
            sample: false,
            as_of: Some(d("2026-11-22")),
            profile: "iruma".into(),
            series: Some("ippan".into()),
            name: Some("入間 \"健\" \\ テスト\n二行目".into()),
            birth_date: d("1988-09-20"),
            hire_date: d("2011-04-01"),
            grade: "shunin".into(),
            position: Some("shunin_a".into()),
            grade_since: d("2021-04-01"),
            target_grade: "kacho".into(),
            target_fy: Some(2034),
            track: crate::model::Track::Specialist,
            course: None,
            course_field: None,
            course_since: None,
            completed_trainings: vec!["kaisobetsu".into()],
            planned_trainings: vec!["coaching".into()],
            planned_years: [("coaching".to_string(), 2027)].into(),
            self_assessment: [("kosho_chosei".to_string(), 3)].into(),
            supervisor_assessment: [("kosho_chosei".to_string(), 2)].into(),
            evidence: [("kikaku_ritsuan".to_string(), "オンライン予約を企画\t導入".to_string())].into(),
            roles_self: [("kakaricho".to_string(), vec![1, 3])].into(),
            roles_supervisor: Default::default(),
            assignments: vec![
                Assignment {
                    department: "zeimu".into(),
                    family: None,
                    from: d("2011-04-01"),
                    to: Some(d("2015-03-31")),
                },
                Assignment {
                    department: "自由 記述".into(),
                    family: Some("kanri".into()),
                    from: d("2015-04-01"),
                    to: None,
                },
            ],
            leaves: vec![Leave {
                kind: LeaveKind::NursingCare,
                from: d("2020-01-01"),
                to: None,
                note: Some("父".into()),
            }],
            constraints: vec!["通勤 1 時間以内".into()],
            self_report: SelfReport {
                transfer_wish: Some(crate::model::TransferWish::Move),
                choices: vec!["企画部門".into(), "福祉 \"系\"".into()],
                reasons: Some("政策の仕事を\n経験したい".into()),
                health: None,
                qualifications: vec!["社会福祉士".into()],
                circumstances: Some("介護".into()),
            },
            interviews: vec![crate::model::Interview {
                fy: 2026,
                kind: crate::model::InterviewKind::Start,
                date: Date::parse("2026-05-12").unwrap(),
                evaluator: Some("上越 太郎".into()),
                second_evaluator: None,
                self_comment: Some("窓口の改善に\n取り組みたい".into()),
                supervisor_comment: None,
                agreed_next_steps: vec!["研修を受ける".into()],
                agreed_trainings: vec!["kadaibetsu".into()],
                goals: vec![crate::model::Goal {
                    title: "窓口の待ち時間を短縮する".into(),
                    measure: Some("平均待ち時間 20分→10分".into()),
                    due: Date::parse("2027-03-31"),
                    difficulty: Some("B".into()),
                    weight: Some(30),
                    status: crate::model::GoalStatus::InProgress,
                    result: None,
                }],
            }],
            notes: vec![crate::model::Note {
                date: Date::parse("2026-06-01").unwrap(),
                author: crate::model::NoteAuthor::Supervisor,
                competency: Some("kikaku_ritsuan".into()),
                text: "\"改善案\" を\t出した".into(),
            }],
            lifeline: vec![crate::model::LifelineYear {
                fy: 2015,
                score: -3,
                note: Some("初めての\n異動".into()),
            }],
            wcm: crate::model::WillCanMust {
                will: Some("政策の\"企画\"".into()),
                can: None,
                must: Some("係長として".into()),
            },
            names_read: Vec::new(),
        }
    }

    #[test]
    fn a_written_plan_reads_back_identical() {
        let plan = sample();
        let text = plan_to_toml(&plan);
        let back: Plan = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(back, plan);
        assert!(text.contains("birth_date = 1988-09-20"), "dates are bare TOML dates");
    }
}
