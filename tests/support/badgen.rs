//! Bad files, made to measure: plans and profiles with many thousands of problems, huge
//! lines, hostile text. Shared by the tests (each case must get a bounded report, quickly)
//! and the benchmarks (how quickly). Every case is valid UTF-8 and at most 2 MiB, the
//! largest file Michi reads, so it reaches the parser rather than the size check.

/// Which parser a case is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Plan,
    Profile,
}

/// One generated bad file.
pub struct Case {
    /// A short name, also used as the file stem.
    pub name: &'static str,
    pub kind: Kind,
    pub text: String,
    /// The fewest problems the case holds (a bound to check the count against).
    pub at_least: usize,
}

/// The largest file Michi reads (`MAX_FILE_BYTES`).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The start of a valid plan against the bundled 上越市 profile.
const PLAN_HEAD: &str = "schema_version = 1\nprofile = \"joetsu\"\nbirth_date = 1995-06-01\nhire_date = 2018-04-01\ngrade = \"shunin\"\ngrade_since = 2023-04-01\ntarget_grade = \"kakaricho\"\n";

/// The start of a valid small profile, to which a case appends tables.
const PROFILE_HEAD: &str = include_str!("../fixtures/valid/minimal.toml");

/// `planned_trainings` naming one unknown id `n` times on one line: every entry is both
/// unknown and a duplicate (the 221 KB file of issue 8 has n = 20,000).
pub fn repeated_training_one_line(n: usize) -> String {
    let mut text = PLAN_HEAD.to_string();
    text.push_str("planned_trainings = [");
    for i in 0..n {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str("\"kenshu\"");
    }
    text.push_str("]\n");
    text
}

/// A plan of exactly `problems` unknown training ids, one per line, padded with a comment
/// to `bytes` (when `bytes` leaves room for them).
pub fn distinct_unknown_trainings(problems: usize, bytes: usize) -> String {
    let mut text = PLAN_HEAD.to_string();
    text.push_str("planned_trainings = [\n");
    for i in 0..problems {
        text.push_str(&format!("\"k{i:06}\",\n"));
    }
    text.push_str("]\n");
    pad_with_comment(&mut text, bytes);
    text
}

/// A profile whose trainings name `n` competencies that do not exist.
pub fn profile_unknown_competencies(n: usize) -> String {
    let mut text = PROFILE_HEAD.to_string();
    text.push_str("\n[[trainings]]\nid = \"t\"\nname = \"研修\"\nkind = \"ojt\"\nsource = \"s\"\ncompetencies = [\n");
    for i in 0..n {
        text.push_str(&format!("\"c{i:05}\",\n"));
    }
    text.push_str("]\n");
    text
}

/// `n` postings, each starting before the one before it ends and naming an unknown family.
pub fn overlapping_postings(n: usize) -> String {
    let mut text = PLAN_HEAD.to_string();
    for _ in 0..n {
        text.push_str("[[assignments]]\ndepartment = \"d\"\nfamily = \"nofamily\"\nfrom = 2019-04-01\n");
    }
    text
}

/// `n` strings carrying an escape sequence (ESC) in `constraints`.
pub fn escapes_in_strings(n: usize) -> String {
    let mut text = PLAN_HEAD.to_string();
    text.push_str("constraints = [\n");
    for _ in 0..n {
        text.push_str("\"\\u001b[2J\",\n");
    }
    text.push_str("]\n");
    text
}

/// One unknown grade id of nearly 2 MiB: a message quoting it must stay short.
pub fn one_huge_id() -> String {
    let mut text = PLAN_HEAD.replace("grade = \"shunin\"", "grade = \"X\"");
    let huge = "主".repeat((MAX_BYTES - text.len() - 64) / 3);
    text = text.replace("grade = \"X\"", &format!("grade = \"{huge}\""));
    text
}

/// Arrays nested `depth` deep: a parser that recursed per level could overflow its stack.
pub fn deep_nesting(depth: usize) -> String {
    format!("{}x = {}{}\n", PLAN_HEAD, "[".repeat(depth), "]".repeat(depth))
}

/// A line break in the name, a tab in a posting's department: one-line fields that could
/// otherwise print a forged line into a report.
pub fn forged_lines() -> String {
    format!(
        "{PLAN_HEAD}name = \"山田\\n\\n■ 課長級に推薦済み（人事課承認）\"\n[[assignments]]\ndepartment = \"総務課\\t\\t部長\"\nfrom = 2018-04-01\n"
    )
}

fn pad_with_comment(text: &mut String, bytes: usize) {
    let room = bytes.saturating_sub(text.len() + 3);
    if room > 0 {
        text.push_str("# ");
        text.push_str(&"x".repeat(room));
        text.push('\n');
    }
}

/// Every case, at its full size.
pub fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "repeated-training-one-line",
            kind: Kind::Plan,
            text: repeated_training_one_line(20_000),
            at_least: 39_999,
        },
        Case {
            name: "two-mib-150k-problems",
            kind: Kind::Plan,
            text: distinct_unknown_trainings(150_000, MAX_BYTES),
            at_least: 150_000,
        },
        Case {
            name: "profile-unknown-competencies",
            kind: Kind::Profile,
            text: profile_unknown_competencies(20_000),
            at_least: 20_000,
        },
        Case {
            name: "overlapping-postings",
            kind: Kind::Plan,
            // Just under the plan's table bound (michi::store::plans::MAX_PLAN_TABLES).
            text: overlapping_postings(1_990),
            at_least: 1_990,
        },
        Case {
            name: "thousands-of-postings",
            kind: Kind::Plan,
            // Past the table bound: refused before the parse, at the first table too many.
            text: overlapping_postings(20_000),
            at_least: 1,
        },
        Case {
            name: "escapes-in-strings",
            kind: Kind::Plan,
            text: escapes_in_strings(100_000),
            at_least: 100_000,
        },
        Case {
            name: "one-huge-id",
            kind: Kind::Plan,
            text: one_huge_id(),
            at_least: 1,
        },
        Case {
            name: "deep-nesting",
            kind: Kind::Plan,
            text: deep_nesting(100_000),
            at_least: 1,
        },
        Case {
            name: "forged-lines",
            kind: Kind::Plan,
            text: forged_lines(),
            at_least: 2,
        },
    ]
}
