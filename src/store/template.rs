//! The starter plan `michi plan new` writes: a valid plan with example values and comments
//! listing the profile's grades, competencies, trainings and departments to choose from.

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::model::{Date, Profile};

/// TOML string literal with the characters TOML requires escaped.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A starter plan for `profile`: the first series, its lowest grade, aiming at the first
/// management grade (or the top), with example dates relative to `today`.
pub fn starter_plan(profile: &Profile, today: Date, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let mut t = String::new();
    let c = |ja_text: &str, en_text: &str| if ja { ja_text.to_string() } else { en_text.to_string() };
    let _ = writeln!(
        t,
        "# {}",
        c(
            "Michi の計画ファイル（例の値を自分の値に書き換えてください）",
            "Michi plan (replace the example values with your own)"
        )
    );
    let _ = writeln!(
        t,
        "# {}: {} — {}",
        c("自治体", "Municipality"),
        profile.name,
        profile.document.title
    );
    let _ = writeln!(
        t,
        "# {}",
        c(
            "確認: michi plan check このファイル / 分析: michi plan analyze このファイル",
            "Check: michi plan check FILE / analyse: michi plan analyze FILE"
        )
    );
    let _ = writeln!(t, "schema_version = 1");
    let _ = writeln!(t, "profile = {}", toml_string(&profile.id));
    let Some(series) = profile.job_series.first() else {
        return t;
    };
    let _ = writeln!(t);
    let _ = writeln!(t, "# {}", c("職系:", "Job series:"));
    for s in &profile.job_series {
        let _ = writeln!(t, "#   {} = {}", s.id, s.name);
    }
    let _ = writeln!(t, "series = {}", toml_string(&series.id));
    let _ = writeln!(t, "name = {}", toml_string(&c("見本 太郎", "Sample Taro")));
    let birth = Date::new(today.year() - 25, 5, 10).unwrap_or_else(|| today.add_years(-25));
    let _ = writeln!(t, "birth_date = {birth}");
    let hire = Date::fy_start(today.fiscal_year() - 2);
    let _ = writeln!(t, "hire_date = {hire}");
    let _ = writeln!(t);
    let _ = writeln!(t, "# {}", c("職級（下位から）:", "Grades (lowest first):"));
    for g in profile.ladder(series).iter() {
        let mark = crate::describe::grade_post(profile, g, lang).map_or_else(String::new, |post| {
            if ja {
                format!("（{post}）")
            } else {
                format!(" ({post})")
            }
        });
        let _ = writeln!(t, "#   {} = {}{mark}", g.id, g.name);
    }
    let (lowest, target) = profile
        .default_grades(series)
        .map_or(("", ""), |(low, target)| (low.id.as_str(), target.id.as_str()));
    let _ = writeln!(t, "grade = {}", toml_string(lowest));
    let _ = writeln!(t, "grade_since = {hire}");
    let _ = writeln!(t, "target_grade = {}", toml_string(target));
    let _ = writeln!(
        t,
        "# target_fy = {}   # {}",
        today.fiscal_year() + 15,
        c(
            "目標とする年度（任意）",
            "fiscal year to reach the target by (optional)"
        )
    );
    let _ = writeln!(
        t,
        "track = \"generalist\"   # {}",
        c(
            "generalist または specialist（スペシャリスト）",
            "generalist or specialist"
        )
    );
    let _ = writeln!(t);
    let _ = writeln!(
        t,
        "# {}",
        c("受講済みの研修（ID を並べます）:", "Trainings completed (ids):")
    );
    for tr in &profile.trainings {
        let _ = writeln!(t, "#   {} = {}", tr.id, tr.name);
    }
    let _ = writeln!(t, "completed_trainings = []");
    let _ = writeln!(t, "planned_trainings = []");
    let _ = writeln!(t);
    let _ = writeln!(t, "[self_assessment]");
    if profile.competencies.is_empty() {
        let _ = writeln!(
            t,
            "# {}",
            c(
                "文書に能力表なし: 自己評価する能力はありません。準備の目安は役割の確認です（roles_self）",
                "The document has no ability table: nothing to self-assess; the roles checklist is the signal (roles_self)"
            )
        );
    } else if profile.scale.kind() == crate::model::ScaleKind::Descriptors {
        let _ = writeln!(
            t,
            "# {}",
            c(
                "段階: 文書が職級ごとに書く記述の順（段1 = いちばん下の職級の記述、0 = まだ段1に届かない）。記述は画面で v を押すと選べます",
                "Levels: rungs of the document's descriptions per grade (1 = the lowest grade's text, 0 = not yet rung 1); press v in the app to choose by the text"
            )
        );
    } else {
        let scale: Vec<String> = profile
            .scale
            .levels
            .iter()
            .map(|l| format!("{} {}", l.level, l.label))
            .collect();
        let _ = writeln!(t, "# {}: {}", c("段階", "Levels"), scale.join(" / "));
    }
    if !profile.competencies.is_empty() {
        let _ = writeln!(
            t,
            "# {}",
            c(
                "書いていない能力は「未評価」として扱います。",
                "Competencies left out count as not yet assessed."
            )
        );
    }
    for comp in &profile.competencies {
        let range = profile.level_range(&comp.id);
        if range.is_empty() || (*range.end() == 0 && profile.scale.kind() == crate::model::ScaleKind::Descriptors) {
            // No rung of it is described: nothing to assess on a level.
            continue;
        }
        let _ = writeln!(
            t,
            "# {} = {}   # {}（{}〜{}）",
            comp.id,
            range.start(),
            comp.name,
            range.start(),
            range.end()
        );
    }
    let _ = writeln!(t);
    let _ = writeln!(
        t,
        "[supervisor_assessment]   # {}",
        c(
            "評価面談で上司が記入（任意）",
            "filled in by the supervisor at interviews (optional)"
        )
    );
    let _ = writeln!(t);
    let _ = writeln!(
        t,
        "[evidence]   # {}",
        c(
            "能力 ID = \"その段階だと言える根拠\"（任意）",
            "competency id = \"what shows this level\" (optional)"
        )
    );
    let _ = writeln!(t);
    if let Some(rotation) = &profile.rotation {
        let _ = writeln!(
            t,
            "# {}",
            c(
                "配属歴（古い順）。department は次の ID か自由記述、family は系統 ID:",
                "Postings, oldest first. department: one of these ids or free text; family: a family id:"
            )
        );
        for f in &rotation.families {
            let _ = writeln!(t, "#   family {} = {}", f.id, f.name);
        }
        for d in &rotation.departments {
            let _ = writeln!(t, "#   department {} = {} ({})", d.id, d.name, d.family);
        }
        let department = rotation.departments.first();
        let _ = writeln!(t, "[[assignments]]");
        match department {
            Some(d) => {
                let _ = writeln!(t, "department = {}", toml_string(&d.id));
            }
            None => {
                let _ = writeln!(t, "department = {}", toml_string(&c("配属先", "department")));
                if let Some(f) = rotation.families.first() {
                    let _ = writeln!(t, "family = {}", toml_string(&f.id));
                }
            }
        }
        let _ = writeln!(t, "from = {hire}");
        let _ = writeln!(
            t,
            "# {}",
            c(
                "現在の配属では to を書きません",
                "leave out `to` on the current posting"
            )
        );
        let _ = writeln!(t);
    }
    let _ = writeln!(
        t,
        "# {}",
        c(
            "休業等（任意）: kind = childcare（育児休業）| nursing_care（介護）| sick（病気休職）| secondment（派遣）| other",
            "Leave (optional): kind = childcare | nursing_care | sick | secondment | other"
        )
    );
    let _ = writeln!(t, "# [[leaves]]");
    let _ = writeln!(t, "# kind = \"childcare\"");
    let _ = writeln!(t, "# from = 2030-04-01");
    let _ = writeln!(t, "# to = 2031-03-31");
    t
}
