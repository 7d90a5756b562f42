//! Levels in the profile's own terms: a rung of the document's descriptions, a number on
//! a scale the profile declares as its assumption, or 記載なし — with the legend that
//! explains the marks wherever they appear.

use crate::i18n::Lang;
use crate::model::{Emphasis, Profile, ScaleKind};

/// How one requirement reads in a table cell: 「◎4*」 on an assumed scale, 「段3」 on a
/// descriptor ladder, 「段3↑」 when carried up from a lower grade, 「記載なし」 when the
/// grade states nothing.
pub fn level_cell(
    profile: &Profile,
    level: Option<u8>,
    emphasis: Emphasis,
    illustrative: bool,
    derived: bool,
    lang: Lang,
) -> String {
    let Some(level) = level else {
        return lang.pick("記載なし", "not stated").to_string();
    };
    let mut cell = String::new();
    if profile.uses_marks() {
        cell.push_str(if emphasis == Emphasis::Unmarked {
            "・"
        } else {
            emphasis.mark()
        });
    }
    cell.push_str(&level_number(profile, level, lang));
    if illustrative {
        cell.push('*');
    }
    if derived {
        cell.push('↑');
    }
    cell
}

/// A bare level: 「段2」/「r2」 (rung 2) on a descriptor ladder, the number otherwise.
pub fn level_number(profile: &Profile, level: u8, lang: Lang) -> String {
    match profile.scale.kind() {
        ScaleKind::Descriptors => match lang {
            Lang::Ja => format!("段{level}"),
            Lang::En => format!("r{level}"),
        },
        _ => level.to_string(),
    }
}

/// A difference between two levels, signed: 「+2段」/「+2 rungs」 on a descriptor ladder
/// (a count of the document's descriptions, not a number it gives), 「+2」 otherwise, 「0」
/// when the two agree. ASCII signs: the minus sign is two columns wide in some terminals.
pub fn level_difference(profile: &Profile, difference: i16, lang: Lang) -> String {
    if difference == 0 {
        return "0".to_string();
    }
    let sign = if difference > 0 { "+" } else { "" };
    match (profile.scale.kind(), lang) {
        (ScaleKind::Descriptors, Lang::Ja) => format!("{sign}{difference}段"),
        (ScaleKind::Descriptors, Lang::En) if difference.abs() == 1 => format!("{sign}{difference} rung"),
        (ScaleKind::Descriptors, Lang::En) => format!("{sign}{difference} rungs"),
        _ => format!("{sign}{difference}"),
    }
}

/// One rung of a descriptor ladder in a line: 「段2（主任職の記述）: …」.
pub fn rung_text(profile: &Profile, rung: &crate::model::Rung<'_>, lang: Lang) -> String {
    let whose: Vec<&str> = rung
        .grades
        .iter()
        .map(|g| crate::describe::grade_name(profile, g))
        .collect();
    let level = rung.level;
    match lang {
        Lang::Ja => format!("段{level}（{}の記述）: {}", whose.join("・"), rung.descriptor),
        Lang::En => format!("rung {level} ({}'s description): {}", whose.join(", "), rung.descriptor),
    }
}

/// What a self-assessment level means, in a line: the description of the rung reached
/// (and whose it is) on a descriptor ladder, the scale's label otherwise.
pub fn level_meaning(profile: &Profile, series: &str, competency: &str, level: u8, lang: Lang) -> String {
    match profile.scale.kind() {
        ScaleKind::Descriptors if level == 0 => lang
            .pick("段0: まだ段1の記述に届かない", "rung 0: not yet at rung 1")
            .to_string(),
        ScaleKind::Descriptors => {
            let rungs = profile.rungs(series, competency);
            match rungs.iter().find(|r| r.level == level) {
                Some(rung) => rung_text(profile, rung, lang),
                None => level_number(profile, level, lang),
            }
        }
        _ => match profile.scale.label(level) {
            Some(label) => format!("{level} {label}"),
            None => level.to_string(),
        },
    }
}

/// The legend in a few words, for a pane title where a full legend has no room.
pub fn scale_legend_short(profile: &Profile, lang: Lang) -> Option<&'static str> {
    if profile.competencies.is_empty() {
        return None;
    }
    match profile.scale.kind() {
        ScaleKind::Descriptors => {
            Some(lang.pick("段 = 文書の記述の順", "r = rung: the document's descriptions in order"))
        }
        _ if profile.scale.illustrative => Some(lang.pick("* 段階は Michi の仮定", "* levels are Michi's assumption")),
        _ => None,
    }
}

/// The legend for the marks a level cell may carry, one line each; every screen and
/// report that shows levels prints it. None where the document has no ability table.
pub fn scale_legend(profile: &Profile, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if profile.competencies.is_empty() {
        return lines;
    }
    match profile.scale.kind() {
        ScaleKind::Descriptors => lines.push(
            lang.pick(
                "段: 文書が職級ごとに書く記述の順（段1 = いちばん下の職級の記述、段0 = まだ段1に届かない）。数値は文書のものではなく記述の順番です",
                "r1, r2 …: rungs, the order of the document's descriptions per grade (r1 = the lowest grade's text, r0 = not yet r1); a position, not a number the document gives",
            )
            .to_string(),
        ),
        ScaleKind::Proficiency | ScaleKind::Levels if profile.scale.illustrative => {
            let source = profile.scale.source.as_deref().unwrap_or("");
            lines.push(match lang {
                Lang::Ja => format!(
                    "*: Michi の仮定（文書に数値の段階はない）。尺度 {}〜{} と職級ごとの必要段階はプロファイルが定める例示で、人事担当が置き換えられます{}",
                    profile.scale.min(),
                    profile.scale.max(),
                    if source.is_empty() { String::new() } else { format!("（{source}）") }
                ),
                Lang::En => format!(
                    "*: Michi's assumption (the document gives no numbers): the {}–{} scale and each grade's level are the profile's example, for the HR office to replace",
                    profile.scale.min(),
                    profile.scale.max()
                ),
            });
        }
        _ => {}
    }
    if profile.uses_marks() && !profile.requirements.is_empty() {
        lines.push(
            lang.pick(
                "◎ 特に求められる ○ 求められる（文書の表記）",
                "◎ key, ○ expected (the document's marks)",
            )
            .to_string(),
        );
    }
    if let Some(q) = &profile.scale.accumulate {
        lines.push(match lang {
            Lang::Ja => format!("↑: 下位の職級の要件を引き継いだもの（{}「{}」）", q.source, q.text),
            Lang::En => format!("↑: carried up from a lower grade ({}: 「{}」)", q.source, q.text),
        });
    }
    lines.push(
        lang.pick(
            "記載なし: その職級の記述にない能力（要件なし）",
            "not stated: the grade does not list the ability (no requirement)",
        )
        .to_string(),
    );
    lines
}
