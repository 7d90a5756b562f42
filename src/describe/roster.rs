//! The roster report's succession, training-demand and rotation sections in words: how a
//! grade below's minimum years are known, Michi's no-promotion assumption, and what the
//! posting history gave. The command line's text report and the terminal app's roster
//! screen say them alike.

use crate::engine::roster::{GradeBelow, MinYearsBasis, SuccessionPost};
use crate::i18n::Lang;
use crate::store::roster::history::{RotationSection, RuleStanding};
use crate::store::roster::{Overrun, ReadError, RosterError};

/// A step's minimum years with how they are known; every value the document does not state
/// is marked (例示, the HR office's or Michi's assumption), and no years is said as such.
pub fn min_years_text(below: &GradeBelow, lang: Lang) -> String {
    match (below.min_years, below.basis, lang) {
        (Some(n), MinYearsBasis::Stated, Lang::Ja) => format!("在級{n}年"),
        (Some(n), MinYearsBasis::Stated, Lang::En) => format!("{n} years"),
        (Some(n), MinYearsBasis::Illustrative, Lang::Ja) => format!("在級{n}年・例示"),
        (Some(n), MinYearsBasis::Illustrative, Lang::En) => format!("{n} years, illustrative"),
        (Some(n), MinYearsBasis::AssumedByHrOffice, Lang::Ja) => format!("在級{n}年・人事担当課の仮定"),
        (Some(n), MinYearsBasis::AssumedByHrOffice, Lang::En) => {
            format!("{n} years, the HR office's assumption")
        }
        (Some(n), _, Lang::Ja) => format!("在級{n}年・Michi の仮定"),
        (Some(n), _, Lang::En) => format!("{n} years, Michi's assumption"),
        (None, _, _) => lang
            .pick(
                "在級年数の定めなし・有資格者は不明",
                "no years stated: eligibility unknown",
            )
            .to_string(),
    }
}

/// The grades whose steps lead into the post, each with its minimum years (or the words
/// for none).
pub fn grades_below_text(post: &SuccessionPost, lang: Lang) -> String {
    if post.grades_below.is_empty() {
        return lang
            .pick(
                "なし（この職級へ昇任する段階がありません）",
                "none (no promotion step leads here)",
            )
            .to_string();
    }
    post.grades_below
        .iter()
        .map(|b| match lang {
            Lang::Ja => format!("{}（{}）", b.grade, min_years_text(b, lang)),
            Lang::En => format!("{} ({})", b.grade, min_years_text(b, lang)),
        })
        .collect::<Vec<_>>()
        .join(lang.pick("・", ", "))
}

/// What the succession figures count: vacant and eligible.
pub fn succession_terms(lang: Lang) -> &'static str {
    lang.pick(
        "空席: その年度末に役職定年・定年で職級を離れる人。有資格: 下の職級で翌4月1日までに最低在級年数を満たし、なお役職定年前の人。",
        "Vacant: holders leaving the grade at the end of the year (post limit or retirement). Eligible: in the grade below with the minimum years by the next 1 April, and still before their own post limit.",
    )
}

/// Holders of a management grade past 役職定年 and still in post: the succession figures
/// leave them out (they are not projected).
pub fn past_limit_text(count: u64, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("役職定年を過ぎて在職中: {count} 人（見込みに入れていません）"),
        Lang::En => format!("Past the post limit and still in post: {count} (not projected)"),
    }
}

/// Michi's assumption behind the succession and training figures.
pub fn no_promotions(lang: Lang) -> &'static str {
    lang.pick(
        "前提（Michi の仮定）: 昇任は見込まず、職員は役職定年（管理職）または定年まで今の職級にとどまるものとします。",
        "Assumption (Michi's): no promotion is projected; staff stay in their grade until the management post limit (management grades) or retirement.",
    )
}

/// The rotation section's title.
pub fn rotation_title(lang: Lang) -> &'static str {
    lang.pick("ローテーション（配属履歴から）", "Rotation (from the posting history)")
}

/// What the posting history gave, item by item: its rows read, used and not, and the staff
/// without one.
pub fn history_count_items(section: &RotationSection, lang: Lang) -> Vec<String> {
    let h = &section.history;
    let g = crate::text::grouped;
    match lang {
        Lang::Ja => vec![
            format!("履歴の行 {}", g(h.read)),
            format!("使った行 {}", g(h.used)),
            format!("使えなかった行 {}", g(h.skipped)),
            format!("上限を超えた職員の行 {}", g(h.over_limit)),
            format!("履歴のない職員 {}", g(section.without_history)),
        ],
        Lang::En => vec![
            format!("history rows {},", g(h.read)),
            format!("used {},", g(h.used)),
            format!("not used {},", g(h.skipped)),
            format!("beyond the staff limit {};", g(h.over_limit)),
            format!("staff without history {}", g(section.without_history)),
        ],
    }
}

/// [`history_count_items`] on one line.
pub fn history_counts(section: &RotationSection, lang: Lang) -> String {
    history_count_items(section, lang).join(lang.pick("・", " "))
}

/// A rule's window in years of service: 「採用から10年間」, 「採用11〜20年目」.
pub fn rule_window(from_year: u8, to_year: u8, lang: Lang) -> String {
    match (from_year, lang) {
        (0, Lang::Ja) => format!("採用から{to_year}年間"),
        (0, Lang::En) => format!("the first {to_year} years of service"),
        (from, Lang::Ja) => format!("採用{}〜{to_year}年目", u16::from(from) + 1),
        (from, Lang::En) => format!("years {}–{to_year} of service", u16::from(from) + 1),
    }
}

/// What a rule counts, for "have/need": families or departments.
pub fn rule_unit(kind: crate::model::RotationRuleKind, lang: Lang) -> &'static str {
    match kind {
        crate::model::RotationRuleKind::CoverFamilies => lang.pick("系統", " families"),
        crate::model::RotationRuleKind::DistinctDepartments => lang.pick("所属", " departments"),
        _ => "",
    }
}

/// A rule's window and how many inside it do not yet meet it.
pub fn rule_standing(rule: &RuleStanding, lang: Lang) -> String {
    let window = rule_window(rule.from_year, rule.window_years, lang);
    let g = crate::text::grouped;
    match lang {
        Lang::Ja => format!(
            "規則 {}（{window}）: 期間内 {} 人、まだ満たしていない {} 人",
            rule.rule,
            g(rule.in_window),
            g(rule.missing)
        ),
        Lang::En => format!(
            "rule {} ({window}): {} inside the window, {} not yet meeting it",
            rule.rule,
            g(rule.in_window),
            g(rule.missing)
        ),
    }
}

/// The tenure line when the profile gives no typical tenure.
pub fn tenure_not_checked(lang: Lang) -> &'static str {
    lang.pick(
        "在任年数: プロファイルに標準の在任年数がないため確かめていません",
        "Tenure: the profile gives no typical tenure, so it is not checked",
    )
}

/// How many are past the tenure in their current posting, the years marked when they are
/// an example.
pub fn past_tenure_heading(count: u64, illustrative: bool, lang: Lang) -> String {
    let example = if illustrative {
        lang.pick("（年数は例示）", " (illustrative years)")
    } else {
        ""
    };
    format!(
        "{} {count}{example}",
        lang.pick(
            "今の配属が在任年数を超えている職員:",
            "Staff past the tenure in their current posting:"
        )
    )
}

/// Why a history row was not used (the report's `kind`), in words.
pub fn history_problem_kind(kind: &str, lang: Lang) -> String {
    match kind {
        "missing" => lang.pick("空欄", "empty"),
        "bad_date" => lang.pick("日付として読めない", "not a date"),
        "unknown_department" => lang.pick("プロファイルにない所属", "not a department of the profile"),
        "end_before_start" => lang.pick("終了日が開始日より前", "ends before it starts"),
        other => other,
    }
    .to_string()
}

/// Header cells listed in a message about a file's header.
const HEADERS_SHOWN: usize = 20;
/// Display columns of one header cell in such a message.
const HEADER_COLUMNS: usize = 30;

/// The header cells a file has, for a message saying which columns are missing: at most
/// [`HEADERS_SHOWN`], each cut to [`HEADER_COLUMNS`] columns, control characters shown
/// escaped (a cell may hold a terminal's escape sequence), then how many more there are.
pub fn found_headers(found: &[String], lang: Lang) -> String {
    let mut shown: Vec<String> = found
        .iter()
        .take(HEADERS_SHOWN)
        .map(|h| crate::text::escape_controls(&crate::text::truncate(h, HEADER_COLUMNS)))
        .collect();
    if shown.is_empty() {
        shown.push(lang.pick("（空）", "(empty)").to_string());
    }
    let more = found.len().saturating_sub(HEADERS_SHOWN);
    let list = shown.join(", ");
    match (more, lang) {
        (0, _) => list,
        (n, Lang::Ja) => format!("{list} ほか {n} 列"),
        (n, Lang::En) => format!("{list} and {n} more"),
    }
}

/// Why a roster or posting-history file cannot be read, in `lang`: in English the store's
/// own words; in Japanese each reason Michi gives, with a library's or the system's words
/// kept in brackets. Text from the file is shown escaped.
pub fn read_error(e: &ReadError, lang: Lang) -> String {
    use crate::text::grouped;
    let said = match (e, lang) {
        (e, Lang::En) => e.to_string(),
        (ReadError::Io(io), Lang::Ja) => match io.kind() {
            std::io::ErrorKind::NotFound => "ファイルがありません".to_string(),
            std::io::ErrorKind::PermissionDenied => "読む権限がありません".to_string(),
            _ => format!("読み込みに失敗しました（{io}）"),
        },
        (ReadError::Csv(c), Lang::Ja) => format!("CSV として読めません（{c}）"),
        (ReadError::RowTooLong(r), Lang::Ja) => format!(
            "{} 行目から始まる行が 1 MiB を超えています（名簿の行としてはありえない長さです）。その行の引用符（\"）が閉じられているか確かめ、直すか書き出し直してください",
            grouped(r.line)
        ),
        (ReadError::Overrun { part, overrun }, Lang::Ja) => match overrun {
            Overrun::LongText => format!(
                "ブックの {part} に 1 MiB を超える文字列かタグがあります（Excel のセルは 32,767 文字まで）。壊れたファイルかもしれません。Excel で開いて保存し直すか、CSV で保存してください"
            ),
            Overrun::LargePart { mb } => format!(
                "ブックの {part} が展開すると {} MB を超えます（まとめて保持する部分の上限）。CSV で保存し直してください",
                grouped(*mb)
            ),
        },
        (ReadError::BeyondSheet { row, column }, Lang::Ja) => format!(
            "シートの最終行・最終列より外にセルがあります（{} 行目・{} 列目。Excel のシートは 1,048,576 行・16,384 列まで）。ファイルが壊れていないか確かめてください",
            grouped(*row),
            grouped(*column)
        ),
        (ReadError::Workbook(w), Lang::Ja) => format!("Excel のブックとして読めません（{w}）"),
        (ReadError::NoSheet(name), Lang::Ja) => format!("ブックに「{name}」というシートがありません"),
        (ReadError::Empty, Lang::Ja) => "ファイルが空です（見出しの行がありません）".to_string(),
        (ReadError::NotRead(ext), Lang::Ja) => format!(
            "{ext} のファイルは読みません（小さなファイルでもマシンのメモリを超える大きさを求めることがあり、前もって測れないため）。Excel のブック（.xlsx）か CSV で保存し直してください"
        ),
        (ReadError::TooManyCells(n), Lang::Ja) => format!(
            ".ods のファイルは一度に読むため {} セル（10 列で 200,000 行）までです。このファイルは {} セル以上になります。Excel のブック（.xlsx）か CSV で保存し直してください（どちらも行ごとに読むので大きさの上限はありません）",
            grouped(crate::store::roster::ODS_MAX_CELLS),
            grouped(*n)
        ),
    };
    crate::text::escape_controls(&said)
}

/// Why a roster report could not be made, in `lang` (the missing-columns cases are told
/// with the columns where they are met; here in the store's words).
pub fn roster_error(e: &RosterError, lang: Lang) -> String {
    match e {
        RosterError::Read(read) => read_error(read, lang),
        other => crate::text::escape_controls(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rules_window_is_said_in_years_of_service() {
        assert_eq!(rule_window(0, 10, Lang::Ja), "採用から10年間");
        assert_eq!(rule_window(10, 20, Lang::Ja), "採用11〜20年目");
        assert_eq!(rule_window(0, 10, Lang::En), "the first 10 years of service");
        assert_eq!(rule_window(10, 20, Lang::En), "years 11–20 of service");
    }

    fn below(min_years: Option<u8>, basis: MinYearsBasis) -> GradeBelow {
        GradeBelow {
            grade: "係長".into(),
            min_years,
            basis,
        }
    }

    #[test]
    fn every_value_the_document_does_not_state_is_marked() {
        let ja = |b| min_years_text(&b, Lang::Ja);
        assert_eq!(ja(below(Some(4), MinYearsBasis::Stated)), "在級4年");
        assert_eq!(ja(below(Some(4), MinYearsBasis::Illustrative)), "在級4年・例示");
        assert_eq!(
            ja(below(Some(4), MinYearsBasis::AssumedByHrOffice)),
            "在級4年・人事担当課の仮定"
        );
        assert_eq!(
            ja(below(Some(4), MinYearsBasis::AssumedByMichi)),
            "在級4年・Michi の仮定"
        );
        assert_eq!(
            min_years_text(&below(None, MinYearsBasis::None), Lang::En),
            "no years stated: eligibility unknown"
        );
    }

    #[test]
    fn the_tenure_heading_marks_illustrative_years_and_history_faults_are_worded() {
        assert_eq!(
            past_tenure_heading(2, true, Lang::Ja),
            "今の配属が在任年数を超えている職員: 2（年数は例示）"
        );
        assert_eq!(
            past_tenure_heading(0, false, Lang::En),
            "Staff past the tenure in their current posting: 0"
        );
        for kind in ["missing", "bad_date", "unknown_department", "end_before_start"] {
            assert_ne!(history_problem_kind(kind, Lang::Ja), kind);
            assert_ne!(history_problem_kind(kind, Lang::En), kind);
        }
        assert_eq!(history_problem_kind("other", Lang::En), "other");
    }

    #[test]
    fn a_post_no_step_leads_to_says_so() {
        let mut post = SuccessionPost {
            series: "一般行政職".into(),
            grade: "課長".into(),
            grades_below: Vec::new(),
            past_limit: 0,
            years: Vec::new(),
        };
        assert_eq!(
            grades_below_text(&post, Lang::En),
            "none (no promotion step leads here)"
        );
        post.grades_below = vec![
            below(Some(3), MinYearsBasis::Illustrative),
            below(None, MinYearsBasis::None),
        ];
        assert_eq!(
            grades_below_text(&post, Lang::Ja),
            "係長（在級3年・例示）・係長（在級年数の定めなし・有資格者は不明）"
        );
    }

    #[test]
    fn a_header_in_a_message_is_short_and_shows_no_control_character() {
        let found: Vec<String> = ["職員番号".to_string(), format!("\u{1b}[2J{}", "長".repeat(100))]
            .into_iter()
            .chain((0..30).map(|i| format!("列{i}")))
            .collect();
        let said = found_headers(&found, Lang::Ja);
        assert!(said.starts_with("職員番号, "), "{said}");
        assert!(!said.contains('\u{1b}'), "{said}");
        assert!(said.ends_with("ほか 12 列"), "{said}");
        assert!(crate::text::width(&said) < 20 * 32 + 20, "{said}");
        assert_eq!(found_headers(&[], Lang::En), "(empty)");
    }

    #[test]
    fn every_reason_a_file_cannot_be_read_is_said_in_japanese_with_file_text_escaped() {
        let reasons = [
            ReadError::Io(std::io::Error::from(std::io::ErrorKind::NotFound)),
            ReadError::Workbook("zip: \u{1b}[2J".into()),
            ReadError::NoSheet("名簿\u{202e}".into()),
            ReadError::Empty,
            ReadError::NotRead(".xls"),
            ReadError::TooManyCells(3_000_000),
            ReadError::BeyondSheet { row: 2, column: 20_000 },
            ReadError::Overrun {
                part: "xl/sharedStrings.xml".into(),
                overrun: Overrun::LongText,
            },
            ReadError::Overrun {
                part: "xl/styles.xml".into(),
                overrun: Overrun::LargePart { mb: 256 },
            },
        ];
        let said: Vec<String> = reasons.iter().map(|e| read_error(e, Lang::Ja)).collect();
        assert_eq!(said[0], "ファイルがありません");
        assert!(
            said[2].contains("「名簿\\u{202e}」というシートがありません"),
            "{}",
            said[2]
        );
        assert!(said[5].contains("3,000,000 セル以上"), "{}", said[5]);
        assert!(said[6].contains("20,000 列目"), "{}", said[6]);
        assert!(said[8].contains("256 MB を超えます"), "{}", said[8]);
        for s in &said {
            assert!(!s.contains('\u{1b}') && !s.contains('\u{202e}'), "{s}");
            assert!(!s.is_ascii(), "in Japanese: {s}");
        }
        // In English, the store's own words.
        assert_eq!(read_error(&reasons[3], Lang::En), "the file is empty (no header row)");
    }
}
