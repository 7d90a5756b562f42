//! How a plan was read across to another city's profile, in words: what was mapped and
//! how, then everything that could not be carried over.

use crate::engine::compare::{CompetencyMapping, GradeMapping, GradeRole, MappingReport, MatchKind, SeriesMatch};
use crate::i18n::Lang;

/// Names listed in one line at most; the rest are counted.
const LISTED: usize = 10;

fn list(names: &[String], lang: Lang) -> String {
    let shown = names.iter().take(LISTED).map(String::as_str).collect::<Vec<_>>();
    let more = names.len().saturating_sub(LISTED);
    let mut text = shown.join(lang.pick("、", ", "));
    match (more, lang) {
        (0, _) => {}
        (n, Lang::Ja) => text.push_str(&format!(" ほか {n} 件")),
        (n, Lang::En) => text.push_str(&format!(" and {n} more")),
    }
    text
}

fn how(kind: MatchKind, lang: Lang) -> &'static str {
    match kind {
        MatchKind::Name => lang.pick("同じ名前", "same name"),
        MatchKind::Alias => lang.pick("別名が一致", "shared alias"),
        MatchKind::Stem => lang.pick(
            "「能力」「力」を除いた名前が一致（Michi の判断）",
            "same name without 能力/力 (Michi's judgement)",
        ),
    }
}

/// 「下から2番目」 / "2nd from the bottom".
fn from_bottom(rank: usize, lang: Lang) -> String {
    let n = rank + 1;
    match lang {
        Lang::Ja => format!("下から{n}番目"),
        Lang::En => {
            let suffix = match (n % 10, n % 100) {
                (1, r) if r != 11 => "st",
                (2, r) if r != 12 => "nd",
                (3, r) if r != 13 => "rd",
                _ => "th",
            };
            format!("{n}{suffix} from the bottom")
        }
    }
}

fn grade_line(g: &GradeMapping, lang: Lang) -> String {
    let role = match g.role {
        GradeRole::Current => lang.pick("現在の職級", "Current grade"),
        GradeRole::Target => lang.pick("目標の職級", "Target grade"),
    };
    let here = from_bottom(g.from_rank, lang);
    match (g.clamped, lang) {
        (false, Lang::Ja) => format!("{role}: {}（{here}）→ {}", g.from_name, g.to_name),
        (false, Lang::En) => format!("{role}: {} ({here}) → {}", g.from_name, g.to_name),
        (true, Lang::Ja) => format!(
            "{role}: {}（{here}）→ {}（最上位。{here}の職級がないため）",
            g.from_name, g.to_name
        ),
        (true, Lang::En) => format!(
            "{role}: {} ({here}) → {} (the top: there is no grade {here})",
            g.from_name, g.to_name
        ),
    }
}

fn level_words(c: &CompetencyMapping, lang: Lang) -> String {
    let change =
        |who: &str, l: Option<crate::engine::compare::LevelChange>| l.map(|l| format!("{who} {}→{}", l.from, l.to));
    let parts: Vec<String> = [
        change(lang.pick("本人", "self"), c.self_level),
        change(lang.pick("上司", "supervisor"), c.supervisor_level),
    ]
    .into_iter()
    .flatten()
    .collect();
    let Some((lo, hi)) = c.to_range else {
        return String::new();
    };
    if parts.is_empty() {
        return String::new();
    }
    let (flo, fhi) = c.from_range;
    match lang {
        Lang::Ja => format!("  {}（段階 {flo}〜{fhi} → {lo}〜{hi}）", parts.join("・")),
        Lang::En => format!("  {} (levels {flo}-{fhi} → {lo}-{hi})", parts.join(", ")),
    }
}

/// A one-line account for the top of the compare screen: what maps, and how much did not.
pub fn mapping_summary(r: &MappingReport, lang: Lang) -> String {
    let mapped = r.competencies.iter().filter(|c| c.to.is_some()).count();
    let total = r.competencies.len();
    let lost = r.unmapped_competencies().count();
    let others = other_lines(r, lang).len();
    match lang {
        Lang::Ja => format!(
            "{} → {}に写した計画: 職級は下からの位置、能力 {mapped}/{total} 件が名前で対応、段階は相対位置で換算（Michi の仮定）。写せなかったもの: 能力 {lost} 件・ほか {others} 項目",
            r.from_city, r.to_city
        ),
        Lang::En => format!(
            "Plan read across {} → {}: grades by position from the bottom, {mapped} of {total} competencies matched by name, levels converted by relative position (Michi's assumption). Not carried over: {lost} competencies and {others} other item(s)",
            r.from_city, r.to_city
        ),
    }
}

/// The full account: how each part was read across.
pub fn mapping_lines(r: &MappingReport, lang: Lang) -> Vec<String> {
    let mut lines = vec![match lang {
        Lang::Ja => format!(
            "{}の計画を{}のプロファイルで読み替えたものです（Michi による対応づけで、どちらの市の文書にもありません）。",
            r.from_city, r.to_city
        ),
        Lang::En => format!(
            "{}'s plan read under {}'s profile: Michi's mapping, which neither city's document makes.",
            r.from_city, r.to_city
        ),
    }];
    let series_how = match r.series.how {
        SeriesMatch::Name => lang.pick("同じ名前", "same name"),
        SeriesMatch::Alias => lang.pick("別名が一致", "shared alias"),
        SeriesMatch::First => lang.pick(
            "同じ名前の職系がないため最初の職系",
            "no series of that name: the first series",
        ),
    };
    lines.push(match lang {
        Lang::Ja => format!("職系: {} → {}（{series_how}）", r.series.from_name, r.series.to_name),
        Lang::En => format!("Series: {} → {} ({series_how})", r.series.from_name, r.series.to_name),
    });
    lines.push(match (r.from_ladder == r.to_ladder, lang) {
        (true, Lang::Ja) => format!("職級は下からの位置で対応（どちらも {} 職級）", r.from_ladder),
        (true, Lang::En) => format!(
            "Grades by position from the bottom (both ladders have {})",
            r.from_ladder
        ),
        (false, Lang::Ja) => format!(
            "職級は下からの位置で対応。職級の数が違います（{} {}・{} {}）",
            r.from_city, r.from_ladder, r.to_city, r.to_ladder
        ),
        (false, Lang::En) => format!(
            "Grades by position from the bottom; the ladders differ in length ({} {}, {} {})",
            r.from_city, r.from_ladder, r.to_city, r.to_ladder
        ),
    });
    lines.extend(r.grades.iter().map(|g| format!("  {}", grade_line(g, lang))));
    lines.push(
        lang.pick(
            "能力は名前で対応（同じ名前 → 別名 → 「能力」「力」を除いた名前の順）。段階はそれぞれの尺度の上の相対位置で換算します（Michi の仮定）。",
            "Competencies by name (the same name, then a shared alias, then the name without 能力/力); levels converted by their relative position on each scale (Michi's assumption).",
        )
        .into(),
    );
    for c in r.competencies.iter().filter(|c| c.to.is_some()) {
        let (Some(to), Some(kind)) = (&c.to_name, c.how) else {
            continue;
        };
        let evidence = if c.evidence_kept {
            lang.pick("・根拠も写す", ", evidence kept")
        } else {
            ""
        };
        let (open, close) = match lang {
            Lang::Ja => ("（", "）"),
            Lang::En => (" (", ")"),
        };
        lines.push(format!(
            "  {} → {to}{open}{}{evidence}{close}{}",
            c.from_name,
            how(kind, lang),
            level_words(c, lang)
        ));
    }
    if !r.unassessed.is_empty() {
        lines.push(match lang {
            Lang::Ja => format!(
                "{}の能力で対応するものがなく未評価（{} 件）: {}",
                r.to_city,
                r.unassessed.len(),
                list(&r.unassessed, lang)
            ),
            Lang::En => format!(
                "{}'s competencies nothing maps to, not yet assessed ({}): {}",
                r.to_city,
                r.unassessed.len(),
                list(&r.unassessed, lang)
            ),
        });
    }
    if !r.postings.is_empty() {
        let postings: Vec<String> = r
            .postings
            .iter()
            .map(|p| {
                let family = p
                    .family
                    .clone()
                    .unwrap_or_else(|| lang.pick("系統不明", "family unknown").into());
                let place = if p.department_matched {
                    lang.pick("同じ名前の部署・", "a department of that name, ")
                } else {
                    ""
                };
                match lang {
                    Lang::Ja => format!("{}（{place}{family}）", crate::text::escape_line(&p.department)),
                    Lang::En => format!("{} ({place}{family})", crate::text::escape_line(&p.department)),
                }
            })
            .collect();
        lines.push(match lang {
            Lang::Ja => format!("配属は部署名のまま（自由記述）: {}", list(&postings, lang)),
            Lang::En => format!(
                "Postings keep their department names (free text): {}",
                list(&postings, lang)
            ),
        });
    }
    lines.push(String::new());
    lines.push(lang.pick("写せなかったもの:", "Not carried over:").into());
    let lost = unmapped_lines(r, lang);
    if lost.is_empty() {
        lines.push(lang.pick("  （なし）", "  (nothing)").into());
    }
    lines.extend(lost.into_iter().map(|l| format!("  ・{l}")));
    lines
}

/// Everything that could not be carried over, one item a line.
pub fn unmapped_lines(r: &MappingReport, lang: Lang) -> Vec<String> {
    let mut lines = competency_lines(r, lang);
    lines.extend(other_lines(r, lang));
    lines
}

/// The competencies (and levels) that could not be carried over.
fn competency_lines(r: &MappingReport, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    // Those with no match at all in one line, every name given: it is what was lost.
    let missing: Vec<&str> = r
        .unmapped_competencies()
        .filter(|c| c.candidates.is_empty() && c.taken_by.is_none())
        .map(|c| c.from_name.as_str())
        .collect();
    if !missing.is_empty() {
        lines.push(match lang {
            Lang::Ja => format!(
                "能力 {} 件（{}に同じ名前・別名の能力なし）: {}",
                missing.len(),
                r.to_city,
                missing.join("、")
            ),
            Lang::En => format!(
                "{} competencies ({} has none of that name or alias): {}",
                missing.len(),
                r.to_city,
                missing.join(", ")
            ),
        });
    }
    for c in r.unmapped_competencies() {
        let why = if !c.candidates.is_empty() {
            match lang {
                Lang::Ja => format!("候補が複数あり決められません（{}）", list(&c.candidates, lang)),
                Lang::En => format!("several candidates, none chosen ({})", list(&c.candidates, lang)),
            }
        } else if let Some(holder) = &c.taken_by {
            match lang {
                Lang::Ja => format!("対応する能力は {holder} に使われています"),
                Lang::En => format!("its match is already taken by {holder}"),
            }
        } else {
            continue;
        };
        lines.push(match lang {
            Lang::Ja => format!("能力 {}: {why}", c.from_name),
            Lang::En => format!("competency {}: {why}", c.from_name),
        });
    }
    for c in r.competencies.iter().filter(|c| c.level_lost) {
        lines.push(match lang {
            Lang::Ja => format!("能力 {} の段階: 尺度が1段階だけのため換算できません", c.from_name),
            Lang::En => format!("the level of {}: a one-level scale cannot be converted", c.from_name),
        });
    }
    lines
}

/// Everything else that could not be carried over: the position, trainings, roles, the
/// course, interviews and notes.
fn other_lines(r: &MappingReport, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(position) = &r.position_dropped {
        lines.push(match lang {
            Lang::Ja => format!("職級の中の役職「{position}」"),
            Lang::En => format!("the position 「{position}」 within the grade"),
        });
    }
    if !r.trainings_dropped.is_empty() {
        lines.push(match lang {
            Lang::Ja => format!(
                "受講済み・予定の研修 {} 件（研修の体系が別のため）: {}",
                r.trainings_dropped.len(),
                list(&r.trainings_dropped, lang)
            ),
            Lang::En => format!(
                "{} completed or planned training(s) (another catalogue): {}",
                r.trainings_dropped.len(),
                list(&r.trainings_dropped, lang)
            ),
        });
    }
    if r.roles_dropped > 0 {
        lines.push(match lang {
            Lang::Ja => format!("役割の確認のチェック {} 件（職級の役割が別のため）", r.roles_dropped),
            Lang::En => format!("{} roles checklist tick(s) (the grades' roles differ)", r.roles_dropped),
        });
    }
    if let Some(course) = &r.course_dropped {
        lines.push(match lang {
            Lang::Ja => format!("コース「{course}」"),
            Lang::En => format!("the course 「{course}」"),
        });
    }
    if r.interviews_dropped > 0 || r.notes_dropped > 0 {
        lines.push(match lang {
            Lang::Ja => format!(
                "面談記録 {} 件・記録メモ {} 件（元の市での記録のため）",
                r.interviews_dropped, r.notes_dropped
            ),
            Lang::En => format!(
                "{} interview(s) and {} note(s) (the record of the first city)",
                r.interviews_dropped, r.notes_dropped
            ),
        });
    }
    lines
}
