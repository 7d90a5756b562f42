//! The starter profile `michi profile new` writes: format 2, every section with a comment
//! saying what to copy from the document, and placeholders marked 「未記入」 that
//! `michi profile check` warns about until they are replaced — so nothing in it can pass
//! for the city's own words. As written it passes the check, with those warnings.

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::model::PROFILE_SCHEMA_VERSION;
use crate::store::profile_check::PLACEHOLDER;
use crate::store::template::toml_string;

/// A starter profile for the municipality `name`, with the profile id `id` (a placeholder
/// id, warned about, when `None`). `year` stands in for the document's date until the
/// officer writes it.
pub fn starter_profile(name: &str, id: Option<&str>, year: i32, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let c = |ja_text: &str, en_text: &str| if ja { ja_text.to_string() } else { en_text.to_string() };
    // A placeholder value: the marker, then what to write there.
    let todo =
        |what_ja: &str, what_en: &str| toml_string(&format!("{PLACEHOLDER}（{}）", if ja { what_ja } else { what_en }));
    let mut t = String::new();
    let mut line = |s: String| {
        t.push_str(&s);
        t.push('\n');
    };
    line(format!("# {}: {name}", c("Michi のプロファイル", "Michi profile")));
    line(format!(
        "# {}",
        c(
            "人材育成基本方針を横に置き、各欄を文書から書き写してください。書き方: docs/profile-format.md",
            "Copy each part from the human-resource development policy beside you. Format: docs/profile-format.md"
        )
    ));
    line(format!(
        "# {}",
        c(
            "「未記入」の値は仮のものです。文書の言葉に書き換えるまで michi profile check が警告します。",
            "Values marked 「未記入」 (not yet filled in) are placeholders: michi profile check warns until you replace them."
        )
    ));
    line(format!(
        "# {}",
        c(
            "文書が書いていないことは、書かずに残します（Michi は「記載なし」と示します）。",
            "Leave out what the document does not say (Michi shows it as not stated)."
        )
    ));
    line(format!("# {}: michi profile check FILE", c("確認", "Check")));
    line(format!("schema_version = {PROFILE_SCHEMA_VERSION}"));
    match id {
        Some(id) => line(format!("id = {}", toml_string(id))),
        None => line(format!(
            "id = \"my_city\"   # {PLACEHOLDER}: {}",
            c(
                "英小文字のプロファイル ID（例: iruma）",
                "a lower-case profile id (e.g. iruma)"
            )
        )),
    }
    line(format!("name = {}", toml_string(name)));
    line(format!(
        "name_romaji = {}   # {}",
        todo("ローマ字の市名", "the name in romaji"),
        c("例: Iruma", "e.g. Iruma")
    ));
    line(format!("# prefecture = \"{}\"", c("埼玉県", "埼玉県")));
    line(String::new());
    line(format!(
        "# {}",
        c(
            "文書の題名と日付（表紙・奥付から）",
            "The document's title and date (from its cover)"
        )
    ));
    line("[document]".into());
    line(format!("title = {}", todo("文書の題名", "the document's title")));
    line(format!(
        "date = \"{year}\"   # {PLACEHOLDER}: {}",
        c(
            "文書の日付（YYYY、YYYY-MM または YYYY-MM-DD）",
            "the document's date (YYYY, YYYY-MM or YYYY-MM-DD)"
        )
    ));
    line(format!(
        "# notes = [\"{}\"]",
        c(
            "文書にない事柄や、どう読み取ったかの注記",
            "what the document lacks, or how it was read"
        )
    ));
    line(String::new());
    line(format!(
        "# {}",
        c(
            "能力の段階: 文書が職級ごとに能力の記述を書いていれば descriptors、◎/○ だけなら proficiency（§6）",
            "Levels: descriptors if the document describes each ability per grade, proficiency if it only marks ◎/○ (§6)"
        )
    ));
    line("[scale]".into());
    line("kind = \"descriptors\"".into());
    line(String::new());
    line(format!(
        "# {}",
        c(
            "文書が挙げる能力・資質・評価項目を、一つごとに [[competencies]] で",
            "Each ability, quality or evaluation item the document names, one [[competencies]] each"
        )
    ));
    line("[[competencies]]".into());
    line("id = \"competency_1\"".into());
    line(format!("name = {}", todo("能力の名前", "the ability's name")));
    line(format!(
        "definition = {}",
        todo(
            "文書の定義。定義がなければ \"\"",
            "the document's definition, or \"\" if none"
        )
    ));
    line(format!("source = {}", todo("章・見出し", "section and heading")));
    line(String::new());
    line(format!(
        "# {}",
        c(
            "職系（一般行政職など）と、その職級を下位から順に [[job_series.grades]] で",
            "A job series (e.g. 一般行政職) and its grades, lowest first, one [[job_series.grades]] each"
        )
    ));
    line("[[job_series]]".into());
    line("id = \"general\"".into());
    line(format!("name = {}", todo("職系の名前", "the series' name")));
    line(format!("source = {}", todo("章・見出し", "section and heading")));
    for (i, (name_ja, name_en)) in [
        ("いちばん下の職級", "the lowest grade"),
        ("その一つ上の職級", "the grade above it"),
    ]
    .into_iter()
    .enumerate()
    {
        line(String::new());
        line("[[job_series.grades]]".into());
        line(format!("id = \"grade_{}\"", i + 1));
        line(format!("name = {}", todo(name_ja, name_en)));
        line(format!(
            "management = false   # {}",
            c(
                "管理監督職（役職定年の対象）なら true",
                "true for a management post (subject to 役職定年)"
            )
        ));
        line(format!(
            "roles = [{}]",
            todo(
                "文書がこの職級に挙げる役割を一つずつ",
                "each role the document lists for this grade"
            )
        ));
        line(format!("source = {}", todo("章・見出し", "section and heading")));
    }
    let example = |t: &mut String, heading: String, lines: &[&str]| {
        let _ = writeln!(t);
        let _ = writeln!(t, "# {heading}");
        for l in lines {
            let _ = writeln!(t, "# {l}");
        }
    };
    example(
        &mut t,
        c(
            "職級ごとに求める能力: 文書の表の一マスごとに（descriptors では文書の記述を descriptor に）",
            "What each grade asks of each ability: one per cell of the document's table (descriptors: its text in descriptor)",
        ),
        &[
            "[[requirements]]",
            "grade = \"grade_1\"",
            "competency = \"competency_1\"",
            "descriptor = \"…\"",
            "source = \"…\"",
        ],
    );
    example(
        &mut t,
        c(
            "昇任・昇格のモデル: 文書が在級年数を定めているときだけ",
            "Promotion: only where the document states years in grade",
        ),
        &[
            "[[promotion]]",
            "from = \"grade_1\"",
            "to = \"grade_2\"",
            "min_years = 4",
            "typical_years = 6",
            "source = \"…\"",
        ],
    );
    example(
        &mut t,
        c(
            "ジョブローテーション: 文書が配属の方針を書いていれば（§11）",
            "Job rotation: where the document states a policy (§11)",
        ),
        &["[rotation]", "statement = { text = \"…\", source = \"…\" }"],
    );
    example(
        &mut t,
        c(
            "研修: 文書の研修体系から一つごとに",
            "Trainings: one per entry of the document's catalogue",
        ),
        &[
            "[[trainings]]",
            "id = \"new_hire\"",
            "name = \"…\"",
            "category = \"…\"",
            "grades = [\"grade_1\"]",
            "source = \"…\"",
        ],
    );
    example(
        &mut t,
        c("目指す職員像", "The employee the city aims for (目指す職員像)"),
        &["[[ideals]]", "name = \"…\"", "source = \"…\""],
    );
    example(
        &mut t,
        c(
            "育成の取組（面談・自己申告・メンターなど）",
            "Career-support measures (interviews, self-report, mentors …)",
        ),
        &[
            "[[measures]]",
            "id = \"interview\"",
            "kind = \"interview\"",
            "name = \"…\"",
            "text = \"…\"",
            "source = \"…\"",
        ],
    );
    t
}
