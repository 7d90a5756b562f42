//! Assessing: a competency's self or supervisor level, and the roles checklist. A level
//! steps along the profile's scale (a descriptor ladder's rungs), and an ability the
//! document describes at no grade of the ladder takes none.

use crate::model::Assessor;
use crate::tui::state::{Doc, Said, State, role_rows};
use crate::tui::update::Effect;
use crate::tui::update::edit::apply_or_warn;
use crate::tui::update::views::competency_name;

pub(super) fn level(state: &mut State, id: &str, who: Assessor, delta: i16, fx: &mut Vec<Effect>) {
    let Some(doc) = &state.doc else { return };
    let name = competency_name(doc, id);
    if let Some(why) = no_ladder(doc, id) {
        state.say(why);
        return;
    }
    let id = id.to_string();
    apply_or_warn(
        state,
        Said::each(|l| {
            let whose = match who {
                Assessor::Own => l.pick("本人評価", "self level"),
                Assessor::Supervisor => l.pick("上司評価", "supervisor level"),
            };
            format!("{name} {whose}")
        }),
        |p, profile| p.step_level(profile, &id, who, delta),
        fx,
    );
    // The gap list re-sorts: the selection stays on the competency (it is kept by id).
}

/// Why a competency takes no level: the document describes no rung of it on the plan's
/// ladder (昭島's 行動規範). `None` when it can be assessed.
pub(super) fn no_ladder(doc: &Doc, id: &str) -> Option<Said> {
    let ladder = doc.profile.level_range_on(doc.plan.series_id(&doc.profile), id);
    if doc.profile.scale.kind() != crate::model::ScaleKind::Descriptors || *ladder.end() > 0 {
        return None;
    }
    let name = competency_name(doc, id);
    Some(Said::each(|l| match l {
        crate::i18n::Lang::Ja => {
            format!("文書は{name}を職級ごとに記述していないため、段階では評価しません（根拠は e で書けます）")
        }
        crate::i18n::Lang::En => {
            format!(
                "The document describes no levels of {name} on this ladder, so it takes no level (e writes evidence)"
            )
        }
    }))
}

/// Ticks or unticks the selected role of the target grade.
pub(super) fn tick_role(state: &mut State, who: Assessor, fx: &mut Vec<Effect>) {
    let Some(doc) = &state.doc else { return };
    let rows = role_rows(doc);
    let Some(number) = doc.selected.roles.selected(&rows).copied() else {
        state.say(Said::new(
            "目標の職級に、文書が挙げる役割はありません",
            "The document lists no roles for the target grade",
        ));
        return;
    };
    let grade = doc.plan.target_grade.clone();
    apply_or_warn(
        state,
        Said::each(|l| match who {
            Assessor::Own => format!("{} {number}", l.pick("役割（本人）", "role (self)")),
            Assessor::Supervisor => format!("{} {number}", l.pick("役割（上司）", "role (supervisor)")),
        }),
        |p, _| {
            p.toggle_role(&grade, number, who);
            true
        },
        fx,
    );
}
