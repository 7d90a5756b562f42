//! The next-posting suggestion in words: what, why, a wish set aside and why.

use super::{rule_phrase, span};
use crate::describe::family_label;
use crate::engine::rotation::{NextPost, NextReason, Wish, WishBlock};
use crate::i18n::Lang;
use crate::model::Profile;
use crate::text::escape_controls;

/// Why a wish (or a family) does not suit, as the tail of a sentence about it.
fn block_words(profile: &Profile, why: &WishBlock, lang: Lang) -> String {
    match why {
        WishBlock::Unreachable { rule } => {
            let rule = rule_phrase(rule, lang);
            match lang {
                Lang::Ja => format!("{rule}を期間内に満たせなくなるため"),
                Lang::En => format!("it would leave too little time for {rule}"),
            }
        }
        WishBlock::OutsideField { rule, field } => {
            let span = span(rule, lang);
            match (field, lang) {
                (Some(f), Lang::Ja) => format!(
                    "{span}は一つの系統（{}）の中で異動する期間のため",
                    family_label(profile, f, lang)
                ),
                (Some(f), Lang::En) => format!(
                    "{span} keeps postings within one family ({})",
                    family_label(profile, f, lang)
                ),
                (None, Lang::Ja) => format!("{span}に経験する系統に当たらないため"),
                (None, Lang::En) => format!("it is not one of the families {span} keeps to"),
            }
        }
        WishBlock::FirstPosting { .. } => lang
            .pick(
                "最初の配属の規則が定める配属先ではないため",
                "the first-posting rule names other places",
            )
            .to_string(),
    }
}

/// The suggestion in lines: what, why, a wish set aside and why, and choices that name
/// nothing of the profile.
pub fn next_post_lines(profile: &Profile, next: &NextPost, lang: Lang) -> Vec<String> {
    let family = family_label(profile, &next.family, lang);
    let what = match (next.stay, next.same_family, lang) {
        (true, _, Lang::Ja) => format!("現在の配属を続ける（{family}）"),
        (true, _, Lang::En) => format!("stay in the current post ({family})"),
        (false, true, Lang::Ja) => format!("同じ系統（{family}）の中で異動"),
        (false, true, Lang::En) => format!("a move within the same family ({family})"),
        (false, false, _) => family,
    };
    let mut lines = vec![format!(
        "{}: {what}",
        lang.pick("次の配属の候補", "Suggested next posting")
    )];
    let reason = match &next.reason {
        NextReason::Wish { choice } => match lang {
            Lang::Ja => format!(
                "本人の希望（自己申告）「{}」で、規則も期間内に満たせます",
                escape_controls(choice)
            ),
            Lang::En => format!(
                "the employee's wish (self-report) 「{}」, which keeps the rules within reach",
                escape_controls(choice)
            ),
        },
        NextReason::StayAsWished => lang
            .pick(
                "本人が現職継続を希望しており、規則上も続けられます",
                "the employee wishes to stay, and the rules allow it",
            )
            .to_string(),
        NextReason::WithinFamily { rule } => {
            let span = span(rule, lang);
            match lang {
                Lang::Ja => format!("{span}は一つの系統の中で異動する期間のため、新しい系統は勧めません"),
                Lang::En => format!("{span} keeps postings within one family, so no new family is suggested"),
            }
        }
        NextReason::FirstPosting { .. } => lang
            .pick(
                "最初の配属の規則が定める配属先です",
                "a place the first-posting rule names",
            )
            .to_string(),
        NextReason::NeededByRule { rule } => {
            let rule = rule_phrase(rule, lang);
            match lang {
                Lang::Ja => {
                    format!("{rule}で、まだ経験していない系統です（規則を期間内に満たせる系統のうち、文書の順で最初）")
                }
                Lang::En => format!(
                    "{rule} still needs it (the first, in the document's order, of the families that keep the rules within reach)"
                ),
            }
        }
        NextReason::LeastRecent => lang
            .pick(
                "今は規則が求める系統がないため、経験していない・最も前に経験した系統です",
                "no rule needs a family now: the one never or least recently served",
            )
            .to_string(),
    };
    let date = match (next.waits_for_tenure, lang) {
        (false, _) => String::new(),
        (true, Lang::Ja) => format!("（在任年数に達する {} ごろの異動として）", next.move_from),
        (true, Lang::En) => format!(
            " (for a move around {}, when the posting reaches its tenure)",
            next.move_from
        ),
    };
    lines.push(format!("{}: {reason}{date}", lang.pick("理由", "Why")));
    if !next.keeps_rules {
        lines.push(
            lang.pick(
                "どの系統を選んでも、在任年数どおりには期間内に満たせない規則があります（下の注意を参照）",
                "whichever family is chosen, a rule cannot be met in its window at a full tenure each (see the notes below)",
            )
            .to_string(),
        );
    }
    if let Some(w) = &next.wish_not_followed {
        let why = block_words(profile, &w.why, lang);
        lines.push(match (&w.wish, lang) {
            (Wish::Stay, Lang::Ja) => format!("現職継続の希望は、{why}候補にしていません"),
            (Wish::Stay, Lang::En) => format!("the wish to stay is not followed: {why}"),
            (Wish::Choice { choice, family }, Lang::Ja) => format!(
                "希望「{}」（{}）は、{why}候補にしていません",
                escape_controls(choice),
                family_label(profile, family, lang)
            ),
            (Wish::Choice { choice, family }, Lang::En) => format!(
                "the wish 「{}」 ({}) is not followed: {why}",
                escape_controls(choice),
                family_label(profile, family, lang)
            ),
        });
    }
    if !next.unmatched_choices.is_empty() {
        let choices: Vec<String> = next.unmatched_choices.iter().map(|c| escape_controls(c)).collect();
        lines.push(match lang {
            Lang::Ja => format!("系統・部署に当たらない希望（参考）: {}", choices.join("、")),
            Lang::En => format!(
                "wishes that name no family or department (for reference): {}",
                choices.join(", ")
            ),
        });
    }
    lines
}
