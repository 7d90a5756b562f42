//! Workshop mode: choosing the cohort, the guided tour (`n` `p` step it, Esc leaves it and
//! `N` comes back to the same step), resetting the open sample, and anonymous names.

use crate::model::Plan;
use crate::store::personas::{name_of, persona};
use crate::store::tours::Cohort;
use crate::tui::action::{Command, View};
use crate::tui::picker::{PickItem, PickTarget, Picker};
use crate::tui::state::{
    Doc, Field, GapFilter, Overlay, ReadOnly, Said, SitRow, StartKey, State, Tour, TourItem, WorkshopMode, gap_rows,
    path_rows, situation_rows, training_rows,
};
use crate::tui::update::Effect;
use crate::tui::update::edit::apply_or_warn;
use crate::tui::update::start::open_persona;

pub fn command(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    match command {
        Command::Workshop => ask_cohort(state),
        Command::TourStart => start_tour(state, fx),
        Command::TourNext => step_by(state, 1, fx),
        Command::TourPrev => step_by(state, -1, fx),
        Command::TourLeave => leave_tour(state),
        Command::ResetSample => ask_reset(state),
        Command::ToggleAnonymous => toggle_anonymous(state),
        _ => {}
    }
}

/// The cohorts to choose from (and, in workshop mode, leaving it).
fn ask_cohort(state: &mut State) {
    let lang = state.lang();
    let kind = lang.pick("対象", "Cohort");
    let mut items: Vec<PickItem> = Cohort::ALL
        .into_iter()
        .map(|cohort| {
            let label = Tour::load(cohort).map_or_else(
                |_| cohort.label(lang).to_string(),
                |t| {
                    let (people, steps) = (t.personas.len(), t.steps.len());
                    match lang {
                        crate::i18n::Lang::Ja => format!("{}（{people}人・{steps}手順）", t.title.get(lang)),
                        crate::i18n::Lang::En => format!("{} ({people} personas, {steps} steps)", t.title.get(lang)),
                    }
                },
            );
            PickItem {
                kind: kind.into(),
                label,
                search: format!(
                    "{} {} {}",
                    cohort.id(),
                    cohort.label(crate::i18n::Lang::Ja),
                    cohort.label(crate::i18n::Lang::En)
                ),
                target: PickTarget::Cohort(Some(cohort)),
            }
        })
        .collect();
    if state.workshop.is_some() {
        items.push(PickItem {
            kind: lang.pick("終了", "Leave").into(),
            label: lang.pick("ワークショップを終える", "Leave workshop mode").into(),
            search: "leave end 終える".into(),
            target: PickTarget::Cohort(None),
        });
    }
    let title = lang.pick("ワークショップ: 対象を選ぶ", "Workshop: choose the cohort");
    state.overlay = Some(Overlay::Picker(Picker::new(title.into(), items)));
}

/// Workshop mode for `cohort` (None: no cohort yet), with names shown anonymously when
/// asked. The as-of date is fixed for the session: `--today`, else the date the cohort's
/// personas are told as of.
pub fn enter(state: &mut State, cohort: Option<Cohort>, anonymous: bool) {
    let loaded = cohort.map(Tour::load);
    let (tour, problem) = match loaded {
        Some(Ok(tour)) => (Some(tour), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let date = match &tour {
        Some(t) if !state.today_fixed => t.as_of.unwrap_or(state.session_today),
        _ => state.session_today,
    };
    let anonymous = anonymous || state.workshop.as_ref().is_some_and(|w| w.anonymous);
    let mut mode = WorkshopMode::new(date, anonymous);
    mode.cohort = cohort;
    // The cohort's personas take the first pseudonyms (参加者A, B …) in the order listed.
    for name in tour.iter().flat_map(|t| t.personas.iter()) {
        if let Some(real) = persona(name).and_then(|(_, text)| name_of(text)) {
            mode.register(real);
        }
    }
    state.start.first = tour
        .iter()
        .flat_map(|t| std::iter::once(StartKey::Tour).chain(t.personas.iter().map(|p| StartKey::Persona(p))))
        .collect();
    state.start.selected.key = state.start.first.first().cloned();
    mode.tour = tour;
    state.workshop = Some(mode);
    if state.doc.is_none() {
        state.today = date;
    }
    match (problem, cohort) {
        (Some(e), _) => state.warn(Said::same(e)),
        (None, Some(cohort)) => state.say(Said::each(|l| match l {
            crate::i18n::Lang::Ja => format!(
                "ワークショップ: {}（基準日 {date}）。N でガイドツアー、Enter で人物像を開く",
                cohort.label(l)
            ),
            crate::i18n::Lang::En => format!(
                "Workshop: {} (as of {date}). N starts the guided tour; Enter opens a persona",
                cohort.label(l)
            ),
        })),
        (None, None) => {}
    }
}

/// Leaves workshop mode: the start screen lists as usual and the session's date is back.
fn leave(state: &mut State) {
    state.workshop = None;
    state.start.first.clear();
    if state.doc.is_none() {
        state.today = state.base_today();
    }
    state.say(Said::new("ワークショップを終えました", "Left workshop mode"));
}

/// A cohort chosen in the picker.
pub fn choose_cohort(state: &mut State, cohort: Option<Cohort>) {
    match cohort {
        Some(cohort) => enter(state, Some(cohort), false),
        None => leave(state),
    }
}

/// `N` (or Enter on the tour's row): starts the tour, or comes back to the step it was left on.
pub fn start_tour(state: &mut State, fx: &mut Vec<Effect>) {
    match &mut state.workshop {
        None => state.say(Said::new(
            "ガイドツアーはワークショップで使えます（スタート画面の w）",
            "Guided tours are for workshop mode (w on the start screen)",
        )),
        Some(w) if w.tour.is_none() => ask_cohort(state),
        Some(w) => {
            w.touring = true;
            show_step(state, fx);
        }
    }
}

fn step_by(state: &mut State, delta: isize, fx: &mut Vec<Effect>) {
    let Some(w) = &mut state.workshop else { return };
    let Some(tour) = &w.tour else { return };
    let last = tour.steps.len().saturating_sub(1);
    if delta > 0 && w.step >= last {
        w.touring = false;
        w.step = 0;
        state.say(Said::new(
            "ガイドツアーはここまでです（N でもう一度始められます）",
            "That was the last step of the tour (N starts it again)",
        ));
        return;
    }
    if delta < 0 && w.step == 0 {
        state.say(Said::new(
            "ツアーの最初の手順です",
            "This is the first step of the tour",
        ));
        return;
    }
    w.step = w.step.saturating_add_signed(delta).min(last);
    show_step(state, fx);
}

fn leave_tour(state: &mut State) {
    let Some(w) = &mut state.workshop else { return };
    w.touring = false;
    let (at, of) = (w.step + 1, w.tour.as_ref().map_or(0, |t| t.steps.len()));
    state.say(Said::each(|l| {
        format!(
            "{} {at}/{of}{}",
            l.pick("ツアーを中断しました:", "Left the tour at step"),
            l.pick("。N でこの手順に戻ります", ". N comes back to it")
        )
    }));
}

/// Shows the tour's current step: its persona opened (a sample, as of its date), the view
/// and page, the item selected. A persona opened before is kept with its edits; another one
/// is closed first (its edits are in its recovery draft already).
fn show_step(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(step) = state.workshop.as_ref().and_then(WorkshopMode::current).cloned() else {
        return;
    };
    state.overlay = None;
    let mut kept = false;
    if state.doc.as_ref().is_none_or(|d| d.persona != Some(step.persona)) {
        if let Some(doc) = state.doc.take() {
            kept = doc.unsaved();
            state.today = state.base_today();
            fx.push(Effect::CloseFile);
            fx.push(Effect::Scan);
        }
        if !open_persona(state, step.persona) {
            if let Some(w) = &mut state.workshop {
                w.touring = false;
            }
            return;
        }
    }
    state.status = None;
    let Some(doc) = &mut state.doc else { return };
    doc.view = step.view;
    if let Some(page) = step.page {
        doc.workshop_page = page;
    }
    if let Some(item) = &step.item
        && !select(doc, item)
    {
        let id = item.id().to_string();
        state.warn(Said::each(|l| {
            format!(
                "{} {id} {}",
                l.pick("この手順の項目", "This step's item"),
                l.pick("がこの画面にありません", "is not on this view")
            )
        }));
    }
    if kept {
        state.say(Said::new(
            "前の人物像への変更は下書きに残しています（スタート画面で復元できます）",
            "Edits to the previous persona are kept in a draft (the start screen restores it)",
        ));
    }
}

/// Selects a step's item on the doc's view; false when the view does not list it.
fn select(doc: &mut Doc, item: &TourItem) -> bool {
    match (doc.view, item) {
        (View::Situation, TourItem::Competency(id)) => {
            let rows = situation_rows(doc);
            let key = SitRow::Competency(id.clone());
            rows.contains(&key) && {
                doc.selected.situation.select_key(&rows, key);
                true
            }
        }
        (View::Gaps, TourItem::Competency(id)) => {
            if !gap_rows(doc).contains(id) {
                doc.gap_filter = GapFilter::All;
            }
            let rows = gap_rows(doc);
            rows.contains(id) && {
                doc.selected.gaps.select_key(&rows, id.clone());
                true
            }
        }
        (View::Path, TourItem::Grade(id)) => {
            let rows = path_rows(doc);
            rows.contains(id) && {
                doc.selected.path.select_key(&rows, id.clone());
                true
            }
        }
        (View::Trainings, TourItem::Training(id)) => {
            let rows: Vec<String> = training_rows(doc).into_iter().map(|(_, id)| id).collect();
            rows.contains(id) && {
                doc.selected.trainings.select_key(&rows, id.clone());
                true
            }
        }
        _ => false,
    }
}

/// The open sample as its file has it: a bundled persona read again, or a sample file as
/// it was read. None for anything that is not a sample.
fn original(state: &State) -> Option<Plan> {
    let doc = state.doc.as_ref()?;
    match doc.persona {
        Some(name) => {
            let (_, text) = persona(name)?;
            let mut plan = crate::store::parse_plan(name, text.as_bytes(), &state.catalog, state.lang()).ok()?;
            plan.sample = false;
            Some(plan)
        }
        None if doc.read_only() == Some(ReadOnly::Sample) => doc.on_disk.clone(),
        None => None,
    }
}

/// `R`: asks before putting the open sample back as its file has it.
fn ask_reset(state: &mut State) {
    if state.doc.is_none() {
        state.say(Said::new("サンプルを開いてから使えます", "Open a sample first"));
        return;
    }
    match original(state) {
        None => state.say(Said::new(
            "元に戻せるのはサンプル（同梱の人物像）だけです",
            "Only a sample (a bundled persona) can be reset",
        )),
        Some(plan) if state.doc.as_ref().is_some_and(|d| d.plan == plan) => {
            state.say(Said::new("このサンプルは元のままです", "This sample is as shipped"));
        }
        Some(_) => {
            state.overlay = Some(Overlay::ConfirmReset);
        }
    }
}

/// After `y`: the sample as shipped, as one undoable step.
pub fn reset(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(plan) = original(state) else { return };
    let what = Said::new("サンプルを元に戻す", "reset the sample");
    if apply_or_warn(state, what, |p, _| std::mem::replace(p, plan) != *p, fx) {
        state.say(Said::new(
            "サンプルを元に戻しました（u でこの間の変更を取り戻せます）",
            "The sample is back as shipped (u brings the edits back)",
        ));
    }
}

fn toggle_anonymous(state: &mut State) {
    let Some(w) = &mut state.workshop else { return };
    w.anonymous = !w.anonymous;
    let on = w.anonymous;
    state.say(if on {
        Said::new(
            "氏名を匿名で表示します（参加者A …）",
            "Names are shown anonymously (Participant A …)",
        )
    } else {
        Said::new("氏名を表示します", "Names are shown")
    });
}

/// In anonymous display the name is not opened for editing (the field would show it).
pub fn name_hidden(state: &mut State, command: Command) -> bool {
    let hidden = command == Command::Open
        && state.workshop.as_ref().is_some_and(|w| w.anonymous)
        && state.doc.as_ref().is_some_and(|d| {
            d.view == View::Situation
                && d.selected.situation.selected(&situation_rows(d)) == Some(&SitRow::Field(Field::Name))
        });
    if hidden {
        state.say(Said::new(
            "匿名表示中は氏名を編集しません（A で表示を切り替え）",
            "The name is not edited in anonymous display (A switches it)",
        ));
    }
    hidden
}

/// Gives every name on screen its pseudonym in the order first shown (anonymous display).
pub fn remember_names(state: &mut State) {
    let Some(w) = &mut state.workshop else { return };
    if !w.anonymous {
        return;
    }
    let doc = state.doc.as_ref().and_then(|d| d.plan.name.as_deref());
    let saved = state
        .start
        .saved
        .iter()
        .filter_map(|s| s.summary.as_ref().ok()?.name.as_deref());
    let drafts = state
        .start
        .drafts
        .iter()
        .filter_map(|d| d.plan.as_ref().ok()?.name.as_deref());
    let team = match &state.overlay {
        Some(Overlay::Team(list)) => list.rows.as_slice(),
        _ => &[],
    };
    let team = team.iter().filter_map(|r| r.summary.as_ref().ok()?.name.as_deref());
    for name in doc.into_iter().chain(saved).chain(drafts).chain(team) {
        w.register(name);
    }
}
