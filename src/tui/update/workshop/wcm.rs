//! The Will-Can-Must page: ↑↓ choose a pane, PgUp PgDn turn its pages (as many rows as it
//! shows, on a screen of the state's size), Enter writes the participant's own words in
//! it, x clears them (asks first; u brings them back). Every change is an ordinary edit:
//! checked, undoable and saved.

use crate::i18n::Lang;
use crate::tui::action::Command;
use crate::tui::forms::{Editor, EditorFor};
use crate::tui::state::{Doc, Overlay, Pending, Said, State, WcmPane};
use crate::tui::update::Effect;
use crate::tui::update::edit::{apply, apply_or_warn};

/// Handles a command on the page; false when it is not one of the page's own.
pub fn command(state: &mut State, command: Command) -> bool {
    let (page, last) = match &state.doc {
        Some(doc) if matches!(command, Command::PageUp | Command::PageDown) => {
            crate::tui::view::workshop::wcm::paging(state, doc)
        }
        _ => (1, 0),
    };
    let Some(doc) = &mut state.doc else { return false };
    match command {
        Command::Up => move_selection(doc, -1),
        Command::Down => move_selection(doc, 1),
        Command::Top => move_selection(doc, isize::MIN / 2),
        Command::Bottom => move_selection(doc, isize::MAX / 2),
        Command::PageUp => doc.wcm.scroll = doc.wcm.scroll.min(last).saturating_sub(page),
        Command::PageDown => doc.wcm.scroll = doc.wcm.scroll.saturating_add(page).min(last),
        Command::Open => open(state),
        Command::Delete => ask_clear(state),
        _ => return false,
    }
    true
}

/// Selects the pane `delta` panes on (no wrapping), scrolled to its top.
pub fn move_selection(doc: &mut Doc, delta: isize) {
    let here = WcmPane::ALL.iter().position(|p| *p == doc.wcm.pane).unwrap_or(0);
    let next = here.saturating_add_signed(delta).min(WcmPane::ALL.len() - 1);
    let pane = WcmPane::ALL.get(next).copied().unwrap_or_default();
    if pane != doc.wcm.pane {
        doc.wcm.pane = pane;
        doc.wcm.scroll = 0;
    }
}

/// Selects a pane (a click), scrolled to its top.
pub fn select(doc: &mut Doc, pane: WcmPane) {
    if pane != doc.wcm.pane {
        doc.wcm.pane = pane;
        doc.wcm.scroll = 0;
    }
}

/// "Will（本人の言葉）": what an edit of a pane's words is called in undo messages.
fn what(pane: WcmPane) -> Said {
    Said::each(|l| {
        let name = pane_name(pane);
        match l {
            Lang::Ja => format!("{name}（本人の言葉）"),
            Lang::En => format!("{name} (own words)"),
        }
    })
}

fn pane_name(pane: WcmPane) -> &'static str {
    match pane {
        WcmPane::Will => "Will",
        WcmPane::Can => "Can",
        WcmPane::Must => "Must",
    }
}

/// Enter: the multi-line editor for the selected pane's words.
fn open(state: &mut State) {
    let Some(doc) = &state.doc else { return };
    let pane = doc.wcm.pane;
    let text = pane.words(&doc.plan.wcm).unwrap_or("").to_string();
    state.overlay = Some(Overlay::Editor(Editor::new(EditorFor::Wcm(pane), &text)));
}

/// The editor's text becomes the pane's words; an empty text removes them.
pub fn submit(state: &mut State, pane: WcmPane, text: &str, fx: &mut Vec<Effect>) -> Result<(), Said> {
    let value = text.trim().to_string();
    apply(
        state,
        what(pane),
        |p, _| {
            *pane.words_mut(&mut p.wcm) = (!value.is_empty()).then_some(value);
            true
        },
        fx,
    )
    .map(|_| ())
}

/// `x`: asks before clearing the selected pane's words.
fn ask_clear(state: &mut State) {
    let Some(doc) = &state.doc else { return };
    let pane = doc.wcm.pane;
    let Some(words) = pane.words(&doc.plan.wcm) else {
        state.say(Said::each(|l| match l {
            Lang::Ja => format!("{} に本人の言葉はまだありません（Enter で書く）", pane_name(pane)),
            Lang::En => format!("{} has no words of yours yet (Enter writes them)", pane_name(pane)),
        }));
        return;
    };
    let first = crate::text::truncate(words.lines().next().unwrap_or(""), 30);
    state.overlay = Some(Overlay::Confirm {
        pending: Pending::WcmWords(pane),
        question: Said::each(|l| match l {
            Lang::Ja => format!(
                "{}の本人の言葉「{first}」を消しますか？（u で元に戻せます）",
                pane_name(pane)
            ),
            Lang::En => format!("Clear your words in {} (\"{first}\")? (u undoes)", pane_name(pane)),
        }),
    });
}

/// Carries out a confirmed clearing; `None` when `pending` is not this page's.
pub fn clear(state: &mut State, pending: &Pending, fx: &mut Vec<Effect>) -> Option<bool> {
    let Pending::WcmWords(pane) = *pending else { return None };
    let changed = apply_or_warn(
        state,
        what(pane),
        |p, _| pane.words_mut(&mut p.wcm).take().is_some(),
        fx,
    );
    if changed {
        state.say(Said::each(|l| match l {
            Lang::Ja => format!("{}の本人の言葉を消しました（u で元に戻す）", pane_name(pane)),
            Lang::En => format!("Cleared your words in {} (u undoes)", pane_name(pane)),
        }));
    }
    Some(changed)
}
