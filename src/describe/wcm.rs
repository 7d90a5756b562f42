//! Will-Can-Must in words: what Michi fills in of Can and Must, section by section, each
//! item with the document's words behind it and each section with its sources (出典), or
//! the reason it is empty. Shared by the workshop view and the printed worksheet.

use crate::engine::wcm::{Can, Must, Strength, WillCanMust};
use crate::i18n::Lang;
use crate::model::{Profile, ScaleKind};

/// One line of a section: what is said, and the document's words that explain it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub text: String,
    /// A description from the document (a rung, a requirement).
    pub detail: Option<String>,
    /// Where it comes from (出典).
    pub source: Option<String>,
}

/// A part of a pane: a heading, its items (or why there are none), and where they come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub items: Vec<Item>,
    /// Said after the items: why there are none, or what else there is.
    pub note: Option<String>,
    /// Distinct sources of the items, in the order met.
    pub sources: Vec<String>,
}

/// The three panes of the worksheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Pane {
    #[default]
    Will,
    Can,
    Must,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Will, Pane::Can, Pane::Must];

    /// "Will" and what it asks, as a pane's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Pane::Will => lang.pick("Will やりたいこと", "Will: what I want to do"),
            Pane::Can => lang.pick("Can できること", "Can: what I can do"),
            Pane::Must => lang.pick("Must 求められること", "Must: what is expected of me"),
        }
    }

    /// The participant's own words in this pane.
    pub fn words(self, wcm: &crate::model::WillCanMust) -> Option<&str> {
        match self {
            Pane::Will => wcm.will.as_deref(),
            Pane::Can => wcm.can.as_deref(),
            Pane::Must => wcm.must.as_deref(),
        }
    }

    /// The participant's own words in this pane, to change.
    pub fn words_mut(self, wcm: &mut crate::model::WillCanMust) -> &mut Option<String> {
        match self {
            Pane::Will => &mut wcm.will,
            Pane::Can => &mut wcm.can,
            Pane::Must => &mut wcm.must,
        }
    }

    /// What the participant writes here, as a prompt beside an empty box.
    pub fn prompt(self, lang: Lang) -> &'static str {
        match self {
            Pane::Will => lang.pick(
                "やりたいこと・ありたい姿・大切にしたいこと",
                "What I want to do, who I want to be, what matters to me",
            ),
            Pane::Can => lang.pick(
                "できること・強み・経験（自己評価にないものも）",
                "What I can do: strengths and experience (beyond the self-assessment too)",
            ),
            Pane::Must => lang.pick(
                "求められていること・果たすべき役割（職場・家庭も）",
                "What is expected of me, at work and beyond",
            ),
        }
    }
}

fn push_source(sources: &mut Vec<String>, source: Option<&str>) {
    if let Some(source) = source.filter(|s| !s.is_empty())
        && !sources.iter().any(|s| s == source)
    {
        sources.push(source.to_string());
    }
}

/// A strength's level in the profile's terms: 「段3／全6段」 on a descriptor ladder,
/// 「4 指導*（1〜5）」 on a numeric scale (* where the scale is Michi's assumption).
fn strength_level(profile: &Profile, s: &Strength, lang: Lang) -> String {
    let number = crate::describe::level_number(profile, s.level, lang);
    let mark = if s.illustrative { "*" } else { "" };
    match (profile.scale.kind(), lang) {
        (ScaleKind::Descriptors, Lang::Ja) => format!("{number}／全{}段", s.top),
        (ScaleKind::Descriptors, Lang::En) => format!("{number} of {}", s.top),
        (_, _) => {
            let label = profile
                .scale
                .label(s.level)
                .map(|l| format!(" {l}"))
                .unwrap_or_default();
            match lang {
                Lang::Ja => format!("{number}{label}{mark}（{}〜{}）", s.min, s.top),
                Lang::En => format!("{number}{label}{mark} ({}-{})", s.min, s.top),
            }
        }
    }
}

fn strength_item(profile: &Profile, s: &Strength, lang: Lang) -> Item {
    let mut text = format!("{} {}", s.competency_name, strength_level(profile, s, lang));
    if let Some(level) = s.supervisor {
        let number = crate::describe::level_number(profile, level, lang);
        text.push_str(&match lang {
            Lang::Ja => format!("・上司 {number}"),
            Lang::En => format!(", supervisor {number}"),
        });
    }
    if s.required_here.is_none() {
        text.push_str(lang.pick("（現在の職級の要件: 記載なし）", " (not stated for the current grade)"));
    }
    // The rung's description on a descriptor ladder; a numeric scale's label is in the text.
    Item {
        text,
        detail: s.descriptor.clone(),
        source: s.source.clone(),
    }
}

/// Can: the strongest self-assessed competencies, then the roles ticked.
pub fn can_sections(profile: &Profile, can: &Can, lang: Lang) -> Vec<Section> {
    let mut sources = Vec::new();
    for s in &can.strengths {
        push_source(&mut sources, s.source.as_deref());
    }
    let note = if !can.ability_table {
        Some(
            lang.pick(
                "文書に能力表がないため、能力の強みは示しません（役割のチェックが目安です）。",
                "The document has no ability table, so no strengths are shown (the roles are the signal).",
            )
            .to_string(),
        )
    } else if can.assessed == 0 {
        Some(
            lang.pick(
                "自己評価がまだありません（1 現在の状況・3 能力の差で + - を押して評価）。",
                "Nothing is self-assessed yet (+ and - on 1 My situation or 3 Gaps).",
            )
            .to_string(),
        )
    } else if can.strengths.is_empty() {
        Some(
            lang.pick(
                "自己評価はどれも尺度のいちばん下の段階です。",
                "Every self-assessment is at the bottom of its scale.",
            )
            .to_string(),
        )
    } else if !can.tied_beyond.is_empty() {
        Some(match lang {
            Lang::Ja => format!("ほかに同じ水準: {}", can.tied_beyond.join("、")),
            Lang::En => format!("Just as strong: {}", can.tied_beyond.join(", ")),
        })
    } else {
        None
    };
    let strengths = Section {
        heading: lang
            .pick(
                "自己評価の高い能力（各能力の段階の幅で比べて）",
                "Strongest self-assessed competencies (each on its own scale)",
            )
            .to_string(),
        items: can.strengths.iter().map(|s| strength_item(profile, s, lang)).collect(),
        note,
        sources,
    };
    let mut sources = Vec::new();
    for r in &can.roles {
        push_source(&mut sources, Some(&r.source));
    }
    let roles = Section {
        heading: lang
            .pick("できている役割（本人のチェック）", "Roles I already carry out (ticked)")
            .to_string(),
        items: can
            .roles
            .iter()
            .map(|r| Item {
                text: format!(
                    "{} {}. {}{}",
                    r.grade_name,
                    r.number,
                    r.text,
                    if r.supervisor {
                        lang.pick("（上司も確認）", " (supervisor confirmed)")
                    } else {
                        ""
                    }
                ),
                detail: None,
                source: Some(r.source.clone()),
            })
            .collect(),
        note: can.roles.is_empty().then(|| {
            if can.roles_listed {
                lang.pick(
                    "チェックした役割はまだありません（6 役割の確認で Space）。",
                    "No role ticked yet (Space on 6 Roles).",
                )
            } else {
                lang.pick(
                    "文書は現在・目標の職級の役割を挙げていません。",
                    "The document lists no roles for the current or the target grade.",
                )
            }
            .to_string()
        }),
        sources,
    };
    vec![strengths, roles]
}

/// Must: the target grade's key requirements, then the roles the next grade adds.
pub fn must_sections(profile: &Profile, must: &Must, lang: Lang) -> Vec<Section> {
    let target = &must.target_name;
    let heading = match (must.marked, lang) {
        (true, Lang::Ja) => format!("目標 {target} で特に求められる能力（◎）"),
        (true, Lang::En) => format!("Key requirements of {target} (◎)"),
        (false, Lang::Ja) => format!("目標 {target} に求められる能力（文書の記述）"),
        (false, Lang::En) => format!("Abilities the document describes for {target}"),
    };
    let number = |l: u8| crate::describe::level_number(profile, l, lang);
    let mut sources = Vec::new();
    let items = must
        .key
        .iter()
        .map(|g| {
            push_source(&mut sources, g.source.as_deref());
            let required = crate::describe::level_cell(
                profile,
                Some(g.required),
                g.emphasis,
                g.illustrative,
                g.derived_from.is_some(),
                lang,
            );
            let current = g
                .current
                .map_or_else(|| lang.pick("未評価", "unrated").to_string(), number);
            let gap = match g.gap {
                Some(0) => lang.pick("差なし", "met").to_string(),
                Some(n) => match lang {
                    Lang::Ja => format!("差 {n}"),
                    Lang::En => format!("gap {n}"),
                },
                None => lang.pick("差 ?", "gap ?").to_string(),
            };
            let text = match lang {
                Lang::Ja => format!("{} 必要 {required}・本人 {current}・{gap}", g.competency_name),
                Lang::En => format!("{}: required {required}, self {current}, {gap}", g.competency_name),
            };
            let carried = match (&g.derived_from, lang) {
                (Some(from), Lang::Ja) => format!("（{from} の要件を引き継ぎ）"),
                (Some(from), Lang::En) => format!(" (carried up from {from})"),
                (None, _) => String::new(),
            };
            let detail = g
                .target_descriptor
                .as_ref()
                .map(|d| format!("{d}{carried}"))
                .or_else(|| (!carried.is_empty()).then(|| carried.trim().to_string()));
            Item {
                text,
                detail,
                source: g.source.clone(),
            }
        })
        .collect::<Vec<_>>();
    let note = if !must.ability_table {
        Some(
            lang.pick(
                "文書に能力表がないため、能力の要件は示しません（役割が目安です）。",
                "The document has no ability table, so no requirements are shown (the roles are the signal).",
            )
            .to_string(),
        )
    } else if !must.stated {
        Some(match lang {
            Lang::Ja => format!("文書は {target} に求める能力の段階を示していません。"),
            Lang::En => format!("The document states no ability levels for {target}."),
        })
    } else if items.is_empty() {
        Some(match lang {
            Lang::Ja => format!("文書は {target} に特に求める能力（◎）を挙げていません。"),
            Lang::En => format!("The document marks no key ability (◎) for {target}."),
        })
    } else {
        None
    };
    let key = Section {
        heading,
        items,
        note,
        sources,
    };
    let next = match &must.next {
        Some(next) => {
            let what = next.heading.as_deref().unwrap_or(lang.pick("役割", "roles"));
            Section {
                heading: match lang {
                    Lang::Ja => format!("次の職級 {} で新たに加わる{what}", next.grade_name),
                    Lang::En => format!("New at the next grade, {} ({what})", next.grade_name),
                },
                items: next
                    .new_roles
                    .iter()
                    .map(|r| Item {
                        text: format!("{}. {}", r.number, r.text),
                        detail: None,
                        source: Some(next.source.clone()),
                    })
                    .collect(),
                note: if !next.roles_listed {
                    Some(match lang {
                        Lang::Ja => format!("文書は {} の役割を挙げていません。", next.grade_name),
                        Lang::En => format!("The document lists no roles for {}.", next.grade_name),
                    })
                } else if next.new_roles.is_empty() {
                    Some(match lang {
                        Lang::Ja => format!("{} の役割は現在の職級と同じです。", next.grade_name),
                        Lang::En => format!("{}'s roles are the current grade's.", next.grade_name),
                    })
                } else {
                    None
                },
                sources: next.roles_listed.then(|| next.source.clone()).into_iter().collect(),
            }
        }
        None => Section {
            heading: lang.pick("次の職級で加わる役割", "New at the next grade").to_string(),
            items: Vec::new(),
            note: Some(
                lang.pick(
                    "現在の職級が、この職系の最上位です。",
                    "The current grade is the top of this ladder.",
                )
                .to_string(),
            ),
            sources: Vec::new(),
        },
    };
    vec![key, next]
}

/// The sections of a pane (Will has none: it is the participant's alone).
pub fn sections(profile: &Profile, wcm: &WillCanMust, pane: Pane, lang: Lang) -> Vec<Section> {
    match pane {
        Pane::Will => Vec::new(),
        Pane::Can => can_sections(profile, &wcm.can, lang),
        Pane::Must => must_sections(profile, &wcm.must, lang),
    }
}
