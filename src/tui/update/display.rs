//! How the screens show things: the theme, the 和暦, and the details pane's scroll.

use crate::tui::action::Command;
use crate::tui::state::{Said, State};
use crate::tui::update::Effect;

/// `T`: the next theme, named in the message bar (a projector audience sees the change,
/// the facilitator reads which one it is).
pub fn cycle_theme(state: &mut State, fx: &mut Vec<Effect>) {
    state.ui.theme = state.ui.theme.next();
    fx.push(Effect::WriteSettings(state.ui));
    let kind = state.ui.theme;
    state.say(Said::each(|l| {
        format!("{}{}", l.pick("配色: ", "Theme: "), kind.label(l))
    }));
}

/// `W`: fiscal years with or without their 和暦.
pub fn toggle_wareki(state: &mut State, fx: &mut Vec<Effect>) {
    state.ui.wareki = !state.ui.wareki;
    fx.push(Effect::WriteSettings(state.ui));
    let example = state.today.fiscal_year();
    let shown = crate::model::fiscal_year_text(example, crate::i18n::Lang::Ja, state.ui.wareki);
    state.say(if state.ui.wareki {
        Said::new(
            format!("和暦を表示します（{shown}）"),
            format!("Japanese era years on ({shown}; shown in Japanese only)"),
        )
    } else {
        Said::new(
            format!("和暦を表示しません（{shown}）"),
            format!("Japanese era years off ({shown} in Japanese)"),
        )
    });
}

/// `J` / `K`: the details pane a line down or up, no further than its last line.
pub fn scroll_details(state: &mut State, command: Command) {
    let limit = crate::tui::view::detail_scroll_limit(state);
    let Some(doc) = &mut state.doc else { return };
    doc.detail_scroll = match command {
        Command::DetailsUp => doc.detail_scroll.min(limit).saturating_sub(1),
        _ => (doc.detail_scroll + 1).min(limit),
    };
}

/// What the details pane shows depends on: the view, its selection and its ordering.
type Shown = (
    crate::tui::action::View,
    crate::tui::state::Selections,
    crate::model::FiscalYear,
    crate::tui::state::GapSort,
    crate::tui::state::GapFilter,
);

fn shown(state: &State) -> Option<Shown> {
    state
        .doc
        .as_ref()
        .map(|d| (d.view, d.selected.clone(), d.interview_fy, d.gap_sort, d.gap_filter))
}

/// Runs `f`, and puts the details pane back at its top when what it shows changed.
pub fn keeping_detail_scroll(state: &mut State, f: impl FnOnce(&mut State)) {
    let before = shown(state);
    f(state);
    if shown(state) != before
        && let Some(doc) = &mut state.doc
    {
        doc.detail_scroll = 0;
    }
}
