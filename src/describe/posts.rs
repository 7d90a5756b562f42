//! Grades and posts in words: a grade's post class and whether 役職定年 applies, said the
//! same way on the command line, in the terminal app and in the starter plan; a grade
//! with the position held in it.

use crate::i18n::Lang;
use crate::model::{Grade, LimitBasis, Plan, PostClass, Profile};

/// A post class and 役職定年 in a few words: 「管理職・役職定年の対象」, 「監督職」,
/// 「管理監督職・役職定年の対象」 (format 1's flag), 「役職定年の対象」; `None` when the grade
/// has no class and 役職定年 does not apply to it.
pub fn post_text(class: Option<&PostClass>, applies: bool, basis: LimitBasis, lang: Lang) -> Option<String> {
    let limit = lang.pick("役職定年の対象", "subject to 役職定年");
    let name = match class {
        Some(c) if c.illustrative => Some(format!(
            "{}{}",
            c.name,
            lang.pick("（Michi の読み取り）", " (Michi's reading)")
        )),
        Some(c) => Some(c.name.clone()),
        // Format 1's flag has one word for the class and the limit together.
        None if basis == LimitBasis::Management && applies => Some("管理監督職".to_string()),
        None => None,
    };
    match (name, applies) {
        (Some(name), true) => Some(format!("{name}{}{limit}", lang.pick("・", ", "))),
        (Some(name), false) => Some(name),
        (None, true) => Some(limit.to_string()),
        (None, false) => None,
    }
}

/// [`post_text`] for a grade of `profile`.
pub fn grade_post(profile: &Profile, grade: &Grade, lang: Lang) -> Option<String> {
    let limit = profile.management_limit(grade);
    post_text(profile.grade_post_class(grade), limit.applies, limit.basis, lang)
}

/// The plan's current grade as the document names it, with the position held in it:
/// 「主査（主任主査）」.
pub fn current_grade(profile: &Profile, plan: &Plan) -> String {
    let Some((_, grade)) = profile.grade(&plan.grade) else {
        return plan.grade.clone();
    };
    match plan.position.as_deref() {
        Some(id) => {
            let position = grade.position(id).map_or(id, |p| p.name.as_str());
            format!("{}（{position}）", grade.name)
        }
        None => grade.name.clone(),
    }
}
