//! The compare screen: choosing what to compare (two plans from the start screen, or the
//! open plan under another city's profile), taking in the plans the shell read, and
//! scrolling. Nothing here edits a plan: a comparison is read-only.

use crate::engine::compare::{compare, map_plan};
use crate::engine::{DEFAULT_PER_YEAR, analyze};
use crate::i18n::Lang;
use crate::model::Plan;
use crate::store::personas::{PERSONAS, description};
use crate::tui::action::Command;
use crate::tui::picker::{PickItem, PickTarget, Picker};
use crate::tui::state::{Compare, ComparePage, CompareSource, Overlay, Said, State, TWO_COLUMNS_FROM, visible_rows};
use crate::tui::update::Effect;

/// A plan that can be compared, as the picker lists it.
fn source_item(state: &State, source: &CompareSource) -> Option<PickItem> {
    let lang = state.lang();
    match source {
        CompareSource::Saved(path) => {
            let entry = state.start.saved.iter().find(|s| s.path == *path)?;
            let summary = entry.summary.as_ref().ok()?;
            let file = crate::text::escape_controls(
                &path
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default(),
            );
            let who = summary
                .name
                .clone()
                .unwrap_or_else(|| lang.pick("（氏名なし）", "(no name)").into());
            Some(PickItem {
                kind: lang.pick("保存した計画", "Saved plan").into(),
                label: format!("{who} — {} {}", summary.city, summary.grade),
                search: file,
                target: PickTarget::CompareFirst(source.clone()),
            })
        }
        CompareSource::Persona(name) => {
            let (_, text) = PERSONAS.iter().find(|(n, _)| n == name)?;
            Some(PickItem {
                kind: lang.pick("サンプル", "Sample").into(),
                label: description(text, lang).to_string(),
                search: (*name).to_string(),
                target: PickTarget::CompareFirst(source.clone()),
            })
        }
    }
}

/// Every plan the start screen can compare: saved plans that read, then the samples.
fn sources(state: &State) -> Vec<CompareSource> {
    let saved = state
        .start
        .saved
        .iter()
        .filter(|s| s.summary.is_ok())
        .map(|s| CompareSource::Saved(s.path.clone()));
    let personas = PERSONAS.iter().map(|(name, _)| CompareSource::Persona(name));
    saved.chain(personas).collect()
}

/// `C` on the start screen: the first of the two plans to compare.
pub fn choose_first(state: &mut State) {
    let items = sources(state).iter().filter_map(|s| source_item(state, s)).collect();
    let title = state.lang().pick(
        "比較する1つ目の計画を選ぶ（1/2）",
        "Compare: choose the first plan (1 of 2)",
    );
    state.overlay = Some(Overlay::Picker(Picker::new(title.into(), items)));
}

/// The second plan, once the first is chosen: any other.
fn choose_second(state: &mut State, first: CompareSource) {
    let lang = state.lang();
    let first_label = source_item(state, &first).map(|i| i.label).unwrap_or_default();
    let items = sources(state)
        .iter()
        .filter(|s| **s != first)
        .filter_map(|s| source_item(state, s))
        .map(|item| PickItem {
            target: match item.target {
                PickTarget::CompareFirst(second) => PickTarget::CompareWith(first.clone(), second),
                other => other,
            },
            ..item
        })
        .collect();
    let title = match lang {
        Lang::Ja => format!("比較する2つ目の計画を選ぶ（2/2）— A: {first_label}"),
        Lang::En => format!("Compare: choose the second plan (2 of 2) — A: {first_label}"),
    };
    state.overlay = Some(Overlay::Picker(Picker::new(title, items)));
}

/// `C` on an open plan: the city whose profile to read the plan under.
pub fn choose_city(state: &mut State) {
    let Some(doc) = &state.doc else { return };
    let lang = state.lang();
    let items = state
        .catalog
        .entries
        .iter()
        .filter(|e| e.profile.id != doc.profile.id)
        .map(|e| PickItem::city(&e.profile, lang, PickTarget::CompareAs(e.profile.id.clone())))
        .collect();
    let title = match lang {
        Lang::Ja => format!("{}の計画を別の市のプロファイルで比較: 市を選ぶ", doc.profile.name),
        Lang::En => format!(
            "Compare {}'s plan under another city's profile: choose the city",
            doc.profile.name
        ),
    };
    state.overlay = Some(Overlay::Picker(Picker::new(title, items)));
}

/// A choice from one of the pickers above.
pub fn pick(state: &mut State, target: PickTarget, fx: &mut Vec<Effect>) {
    match target {
        PickTarget::CompareFirst(first) => choose_second(state, first),
        PickTarget::CompareWith(first, second) => fx.push(Effect::ReadCompare { first, second }),
        PickTarget::CompareAs(id) => compare_as(state, &id),
        _ => {}
    }
}

/// The open plan and the same plan read across to profile `id`, side by side.
fn compare_as(state: &mut State, id: &str) {
    let Some(doc) = &state.doc else { return };
    let Some(entry) = state.catalog.get(id) else { return };
    let to = &entry.profile;
    let mapped = match map_plan(&doc.plan, &doc.profile, to) {
        Ok(mapped) => mapped,
        Err(e) => {
            let city = to.name.clone();
            state.warn(Said::each(|l| match l {
                Lang::Ja => format!("{city}のプロファイルに写せません（{e}）"),
                Lang::En => format!("Cannot read the plan across to {city} ({e})"),
            }));
            return;
        }
    };
    let today = state.today;
    let b = analyze(to, &mapped.plan, today, DEFAULT_PER_YEAR);
    let comparison = compare((&doc.profile, &doc.plan, &doc.analysis), (to, &mapped.plan, &b));
    let (from_city, to_city) = (doc.profile.name.clone(), to.name.clone());
    state.compare = Some(Compare::new(comparison, Some(mapped.report)));
    state.say(Said::each(|l| match l {
        Lang::Ja => {
            format!("{from_city}の計画を{to_city}のプロファイルで読み替えて比較しています（m で対応づけ、Esc で戻る）")
        }
        Lang::En => format!("{from_city}'s plan read under {to_city}'s profile (m: the mapping; Esc: back)"),
    }));
}

/// The two plans the shell read: compared, or why one could not be.
pub fn read(state: &mut State, first: Result<Plan, Said>, second: Result<Plan, Said>) {
    let (first, second) = match (first, second) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(problem), _) | (_, Err(problem)) => {
            state.overlay = Some(Overlay::Message {
                title: Said::new("比較する計画を読めません", "Cannot read a plan to compare"),
                body: problem,
                scroll: 0,
            });
            return;
        }
    };
    let profile = |plan: &Plan| state.catalog.get(&plan.profile).map(|e| &e.profile);
    let (Some(pa), Some(pb)) = (profile(&first), profile(&second)) else {
        state.warn(Said::new(
            "比較する計画の自治体のプロファイルが読み込まれていません",
            "A plan's municipality profile is not loaded",
        ));
        return;
    };
    let a = analyze(pa, &first, state.today, DEFAULT_PER_YEAR);
    let b = analyze(pb, &second, state.today, DEFAULT_PER_YEAR);
    let comparison = compare((pa, &first, &a), (pb, &second, &b));
    state.compare = Some(Compare::new(comparison, None));
    state.say(Said::new(
        "2つの計画を比較しています（Esc で戻る）",
        "Comparing two plans (Esc: back)",
    ));
}

/// A command while the compare screen is open.
pub fn command(state: &mut State, command: Command) {
    let lang = state.lang();
    let (size, ascii) = (state.size, state.ui.ascii);
    let Some(compare) = &mut state.compare else { return };
    let two_columns = size.0 >= TWO_COLUMNS_FROM;
    let columns = usize::from(size.0.saturating_sub(2));
    let heading = compare.heading(lang, columns, two_columns, ascii).len();
    let visible = visible_rows(size, heading).max(1);
    let last = compare
        .rows(lang, columns, two_columns, ascii)
        .len()
        .saturating_sub(visible);
    let scroll = compare.scroll;
    compare.scroll = crate::tui::update::scrolled(scroll, command, visible, last);
    match command {
        Command::ShowMapping if compare.mapping.is_none() => state.say(Said::new(
            "2つの計画の比較には対応づけはありません（計画を開いて C で別の市と比較したときに使えます）",
            "Two plans have no mapping (open a plan and press C to compare it under another city)",
        )),
        Command::ShowMapping => {
            compare.page = match compare.page {
                ComparePage::Sides => ComparePage::Mapping,
                ComparePage::Mapping => ComparePage::Sides,
            };
            compare.scroll = 0;
        }
        Command::Back | Command::Quit if compare.page == ComparePage::Mapping => {
            compare.page = ComparePage::Sides;
            compare.scroll = 0;
        }
        Command::Back | Command::Quit => {
            state.compare = None;
            state.status = None;
        }
        _ => {}
    }
}
