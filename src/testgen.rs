//! Synthetic profiles and plans of any size, for the benchmarks and the tests that check
//! the engine stays correct and linear on inputs far larger than the bundled ones.
//!
//! A `k×` profile has about `k` times the entries of 入間's bundled profile (written
//! requirements, trainings, departments, families, promotion steps), and its grade ×
//! competency table is `k` times as large: series and competencies each grow by `√k`,
//! since every grade of every series is measured against every competency. Everything is
//! derived from indices, so the same shape always gives the same bytes.

use crate::model::Date;

/// The id of every generated profile (plans name it in `profile = …`).
pub const PROFILE_ID: &str = "synthetic";

/// How many of each thing a generated profile holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileShape {
    /// Job series, each with its own ladder and its own rotation rule.
    pub series: usize,
    /// Grades on each series' ladder (at least 3, so a plan can aim above its grade).
    pub grades_per_series: usize,
    /// Competencies, each measured at every grade (four in five cells written).
    pub competencies: usize,
    /// Trainings in the catalogue, each addressing three competencies.
    pub trainings: usize,
    /// Rotation departments, spread over the families in turn.
    pub departments: usize,
    /// Department families.
    pub families: usize,
    /// Where every series after the first joins the first one's ladder: its own grades
    /// stop below this rank and it shares the first series' grades from this rank up
    /// (`shares_from`). `None`: every series has a ladder of its own.
    pub shared_from_rank: Option<usize>,
}

impl ProfileShape {
    /// The shape of 入間's bundled profile: one ladder of 7 grades, 17 competencies (about
    /// 95 written requirements), 20 trainings, 7 departments in 3 families.
    pub const BASE: ProfileShape = ProfileShape {
        series: 1,
        grades_per_series: 7,
        competencies: 17,
        trainings: 20,
        departments: 7,
        families: 3,
        shared_from_rank: None,
    };

    /// `k` times the base: `√k` times the series and competencies (so `k` times the grade
    /// × competency table), `k` times the trainings, departments and families.
    pub fn scaled(k: usize) -> ProfileShape {
        let root = (k as f64).sqrt();
        let base = ProfileShape::BASE;
        ProfileShape {
            series: ((base.series as f64) * root).round().max(1.0) as usize,
            grades_per_series: base.grades_per_series,
            competencies: ((base.competencies as f64) * root).round().max(1.0) as usize,
            trainings: base.trainings * k.max(1),
            departments: base.departments * k.max(1),
            families: base.families * k.max(1),
            shared_from_rank: None,
        }
    }

    /// The same shape, with every series after the first sharing the first one's grades
    /// from `rank` up (kept between 1 and the top, so each ladder has grades of its own).
    pub fn sharing_from(self, rank: usize) -> ProfileShape {
        ProfileShape {
            shared_from_rank: Some(rank.clamp(1, self.ladder() - 1)),
            ..self
        }
    }

    /// Every grade of the profile (a shared grade counted once).
    pub fn grade_count(&self) -> usize {
        self.series * self.ladder() - self.series.saturating_sub(1) * (self.ladder() - self.own_grades())
    }

    fn ladder(&self) -> usize {
        self.grades_per_series.max(3)
    }

    /// How many grades each series after the first defines itself.
    fn own_grades(&self) -> usize {
        self.shared_from_rank.map_or(self.ladder(), |k| k.min(self.ladder()))
    }

    /// The grade at `rank` on `series`' ladder: its own, or the first series' where shared.
    fn grade_id(&self, series: usize, rank: usize) -> String {
        if series > 0 && rank >= self.own_grades() {
            format!("s0g{rank}")
        } else {
            format!("s{series}g{rank}")
        }
    }

    /// Whether the grade at `rank` on `series`' ladder is defined by that series.
    fn defines(&self, series: usize, rank: usize) -> bool {
        series == 0 || rank < self.own_grades()
    }
}

/// Whether the profile writes a requirement for this grade and competency: four in five,
/// as in the bundled tables, where some cells are left blank.
fn written(grade: usize, competency: usize) -> bool {
    !(grade + 2 * competency).is_multiple_of(5)
}

/// A quoted TOML string (the generator only writes plain text, so quoting is enough).
fn q(text: &str) -> String {
    format!("\"{text}\"")
}

fn list<I: IntoIterator<Item = String>>(items: I) -> String {
    let quoted: Vec<String> = items.into_iter().map(|s| q(&s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// The TOML text of a valid profile of the given shape.
pub fn profile_toml(shape: &ProfileShape) -> String {
    let ladder = shape.ladder();
    let competencies = shape.competencies.max(1);
    let families = shape.families.max(1);
    let groups = shape.series.max(1) * 2;
    let mut out = String::new();
    out.push_str(&format!(
        "schema_version = 1\nid = {}\nname = \"合成市\"\nname_romaji = \"Synthetic\"\n\n",
        q(PROFILE_ID)
    ));
    out.push_str("[document]\ntitle = \"合成プロファイル\"\ndate = \"2024-04\"\n\n");
    out.push_str("[scale]\nmin = 1\nmax = 5\nillustrative = true\n");
    for level in 1..=5 {
        out.push_str(&format!("[[scale.levels]]\nlevel = {level}\nlabel = \"段階{level}\"\n"));
    }
    for g in 0..groups {
        out.push_str(&format!(
            "\n[[competency_groups]]\nid = \"grp{g}\"\nname = \"区分{g}\"\n"
        ));
    }
    for c in 0..competencies {
        out.push_str(&format!(
            "\n[[competencies]]\nid = \"c{c}\"\nname = \"能力{c}\"\ndefinition = \"能力{c}の定義\"\ngroup = \"grp{}\"\naliases = [\"Competency {c}\"]\nsource = \"合成 1\"\n",
            c % groups
        ));
    }
    for s in 0..shape.series {
        out.push_str(&format!(
            "\n[[job_series]]\nid = \"s{s}\"\nname = \"職系{s}\"\nsource = \"合成 2\"\n"
        ));
        if s > 0
            && let Some(k) = shape.shared_from_rank
        {
            out.push_str(&format!("shares_from = {{ series = \"s0\", grade = \"s0g{k}\" }}\n"));
        }
        for r in (0..ladder).filter(|&r| shape.defines(s, r)) {
            out.push_str(&format!(
                "\n[[job_series.grades]]\nid = {}\nname = \"職級{s}-{r}\"\nmanagement = {}\nroles = [\"役割{r}\", \"共通の役割\"]\nsource = \"合成 2\"\n",
                q(&shape.grade_id(s, r)),
                r + 3 >= ladder
            ));
        }
    }
    for s in 0..shape.series {
        for r in (0..ladder).filter(|&r| shape.defines(s, r)) {
            let grade = s * ladder + r;
            for c in (0..competencies).filter(|&c| written(grade, c)) {
                let emphasis = match (r + c) % 3 {
                    0 => "key",
                    1 => "expected",
                    _ => "unmarked",
                };
                let level = (1 + (r * 4) / (ladder - 1) + c % 2).min(5);
                out.push_str(&format!(
                    "\n[[requirements]]\ngrade = {}\ncompetency = \"c{c}\"\nemphasis = \"{emphasis}\"\nlevel = {level}\ndescriptor = \"職級{r}の能力{c}\"\nsource = \"合成 3\"\n",
                    q(&shape.grade_id(s, r))
                ));
            }
        }
    }
    for s in 0..shape.series {
        // A step between two shared grades is written once, by the first series.
        for r in (0..ladder - 1).filter(|&r| shape.defines(s, r)) {
            out.push_str(&format!(
                "\n[[promotion]]\nfrom = {}\nto = {}\nmin_years = {}\ntypical_years = {}\nexam = {}\n",
                q(&shape.grade_id(s, r)),
                q(&shape.grade_id(s, r + 1)),
                2 + r % 2,
                4 + r % 3,
                r == 2
            ));
        }
    }
    out.push_str("\n[rotation]\ntypical_tenure_years = 3\n");
    for f in 0..families {
        out.push_str(&format!("\n[[rotation.families]]\nid = \"f{f}\"\nname = \"系統{f}\"\n"));
    }
    for d in 0..shape.departments {
        let tenure = if d % 4 == 0 { "typical_tenure_years = 3\n" } else { "" };
        out.push_str(&format!(
            "\n[[rotation.departments]]\nid = \"d{d}\"\nname = \"部署{d}\"\nfamily = \"f{}\"\n{tenure}",
            d % families
        ));
    }
    for s in 0..shape.series {
        let covered = (0..3).map(|i| format!("f{}", (3 * s + i) % families));
        out.push_str(&format!(
            "\n[[rotation.rules]]\nid = \"cover{s}\"\nkind = \"cover_families\"\ntext = \"採用後10年で3系統を経験する\"\nwindow_years = 10\nfamilies = {}\nseries = [\"s{s}\"]\n",
            list(covered)
        ));
    }
    out.push_str(
        "\n[[rotation.rules]]\nid = \"three_departments\"\nkind = \"distinct_departments\"\ntext = \"採用後10年で3か所を経験する\"\nwindow_years = 10\nmin_departments = 3\nexempt_tracks = [\"specialist\"]\n",
    );
    const KINDS: [&str; 4] = ["hierarchical", "special", "specialized", "ojt"];
    for t in 0..shape.trainings {
        // One in three is open to every grade; the others to two neighbouring grades.
        let grades = if t % 3 == 0 {
            Vec::new()
        } else {
            let s = t % shape.series.max(1);
            let r = t % ladder;
            vec![shape.grade_id(s, r), shape.grade_id(s, (r + 1) % ladder)]
        };
        let addressed = [0, 3, 5].map(|i| format!("c{}", (t * 7 + i) % competencies));
        out.push_str(&format!(
            "\n[[trainings]]\nid = \"t{t}\"\nname = \"研修{t}\"\nkind = \"{}\"\ngrades = {}\ncompetencies = {}\nsource = \"合成 4\"\n",
            KINDS[t % KINDS.len()],
            list(grades),
            list(addressed)
        ));
    }
    out
}

/// The TOML text of a valid plan against [`profile_toml`]'s profile of the same shape,
/// with `postings` postings from the hire date to today (the last one open), an assessment
/// of every competency, completed and planned trainings, and a leave.
pub fn plan_toml(shape: &ProfileShape, postings: usize) -> String {
    let ladder = shape.ladder();
    let competencies = shape.competencies.max(1);
    let trainings = shape.trainings;
    let hire = Date::fy_start(2008);
    let mut out = format!(
        "schema_version = 1\nprofile = {}\nname = \"合成 太郎\"\nbirth_date = 1985-06-15\nhire_date = {hire}\ngrade = {}\ngrade_since = 2020-04-01\ntarget_grade = {}\ntrack = \"generalist\"\n",
        q(PROFILE_ID),
        q(&shape.grade_id(0, 1)),
        q(&shape.grade_id(0, ladder - 2)),
    );
    if trainings >= 4 {
        out.push_str("completed_trainings = [\"t0\"]\nplanned_trainings = [\"t1\", \"t3\"]\n");
        out.push_str("\n[planned_years]\nt3 = 2028\n");
    }
    out.push_str("\n[self_assessment]\n");
    for c in 0..competencies {
        out.push_str(&format!("c{c} = {}\n", 1 + c % 4));
    }
    out.push_str("\n[supervisor_assessment]\n");
    for c in (0..competencies).step_by(3) {
        out.push_str(&format!("c{c} = {}\n", 1 + (c + 1) % 4));
    }
    // Postings share the years from the hire date to 2026-11 evenly, oldest first.
    let span = (Date::fy_start(2026).days_since_epoch() - hire.days_since_epoch()) / postings.max(1) as i64;
    for p in 0..postings {
        let from = hire.days_since_epoch() + p as i64 * span.max(1);
        let from = Date::from_days_since_epoch(from).unwrap_or(hire);
        let to = Date::from_days_since_epoch(from.days_since_epoch() + span.max(1) - 1).unwrap_or(from);
        // Every seventh posting is outside the profile's departments, with its family given.
        let department = if p % 7 == 6 {
            format!(
                "department = \"出向先{p}\"\nfamily = \"f{}\"\n",
                p % shape.families.max(1)
            )
        } else {
            format!("department = \"d{}\"\n", p % shape.departments.max(1))
        };
        out.push_str(&format!("\n[[assignments]]\n{department}from = {from}\n"));
        if p + 1 < postings {
            out.push_str(&format!("to = {to}\n"));
        }
    }
    out.push_str("\n[[leaves]]\nkind = \"childcare\"\nfrom = 2016-04-01\nto = 2017-03-31\n");
    out
}
