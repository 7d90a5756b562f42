//! The projector: every persona on every view at 80×24.
//!
//! - Nothing is cut for good: each view is walked row by row through the real keys (↓),
//!   and at each row its details pane is scrolled to the end (J). Every text that matters
//!   — each note of the path, each rotation finding and rule, each descriptor, role,
//!   training, measure, competency and posting — must be seen whole in some pane on the
//!   way; and every row cut with "…" must be seen whole somewhere in its view too.
//! - `--ascii` draws no East-Asian-ambiguous character, before the last drawing step's
//!   safety net as well as after it.
//! - `--ambiguous-wide` fits 80 columns in a terminal that draws those characters two
//!   columns wide: every row, measured as such a terminal measures it.
#![allow(clippy::unwrap_used, clippy::panic, clippy::string_slice)]

mod tui_common;

use std::collections::BTreeMap;

use crossterm::event::KeyCode;
use michi::i18n::Lang;
use michi::store::personas::PERSONAS;
use michi::text::{is_ambiguous, width, width_cjk};
use michi::tui::action::{Action, Command, View};
use michi::tui::state::{State, training_rows};
use michi::tui::theme::GlyphMode;
use michi::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellDiffOption};
use tui_common::{open_persona, press, state};

const W: u16 = 80;
const H: u16 = 24;

/// The frame for the state, with the last drawing step or without it.
fn frame(state: &mut State, width: u16, height: u16, settled: bool) -> Buffer {
    state.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| {
            if settled {
                michi::tui::view::draw(f, state);
            } else {
                michi::tui::view::draw_unsettled(f, state);
            }
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

fn opened(persona: &'static str, lang: Lang) -> State {
    let mut s = state(lang);
    open_persona(&mut s, persona);
    s.status = None;
    if persona == "joetsu-shuji-second-year" {
        // An interview, a goal and a note: no persona ships with a record.
        tui_common::record_interview(&mut s);
        s.status = None;
    }
    s
}

fn go(state: &mut State, view: View) {
    update(state, Action::Command(Command::Go(view)));
    press(state, KeyCode::Home);
}

/// Each row of the current view in turn (↓ until the selection stops), and at each row its
/// details pane from the top to the end (J until nothing moves): `visit` sees every frame.
fn walk(state: &mut State, width: u16, height: u16, settled: bool, mut visit: impl FnMut(&Buffer, bool)) {
    for _ in 0..400 {
        let mut last = frame(state, width, height, settled);
        visit(&last, true);
        for _ in 0..300 {
            press(state, KeyCode::Char('J'));
            let next = frame(state, width, height, settled);
            if next == last {
                break;
            }
            visit(&next, false);
            last = next;
        }
        let before = state.doc.as_ref().map(|d| d.selected.clone());
        press(state, KeyCode::Down);
        if state.doc.as_ref().map(|d| d.selected.clone()) == before {
            break;
        }
    }
}

/// A row of the frame as the cells show it (a wide character once).
fn row(buf: &Buffer, y: u16, from: u16, to: u16) -> String {
    let mut text = String::new();
    let mut x = from;
    while x < to {
        let symbol = buf[(x, y)].symbol();
        text.push_str(symbol);
        x += u16::try_from(width(symbol).max(1)).unwrap();
    }
    text
}

/// Each pane's rows: the text between two vertical border cells, keyed by the pane's
/// columns and first row (a run of rows with the same borders).
fn panes(buf: &Buffer) -> BTreeMap<(u16, u16, u16), Vec<String>> {
    let mut panes: BTreeMap<(u16, u16, u16), Vec<String>> = BTreeMap::new();
    let mut open: BTreeMap<(u16, u16), u16> = BTreeMap::new();
    for y in 0..buf.area.height {
        let borders: Vec<u16> = (0..buf.area.width)
            .filter(|&x| matches!(buf[(x, y)].symbol(), "│" | "┃" | "|"))
            .collect();
        let spans: Vec<(u16, u16)> = borders.windows(2).map(|w| (w[0] + 1, w[1])).collect();
        open.retain(|k, _| spans.contains(k));
        for (from, to) in spans {
            let first = *open.entry((from, to)).or_insert(y);
            panes.entry((from, to, first)).or_default().push(row(buf, y, from, to));
        }
    }
    panes
}

/// `old` then what `new` adds past their overlap (a pane scrolled by J).
fn merge(old: &mut Vec<String>, new: &[String]) {
    let k = (0..=old.len().min(new.len()))
        .rev()
        .find(|&k| old[old.len() - k..] == new[..k])
        .unwrap_or(0);
    old.extend_from_slice(&new[k..]);
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What the walk saw: each pane's text over one row's scrolling, squeezed, and every cut
/// fragment (the last cell of a row, before its "…").
#[derive(Default)]
struct Seen {
    texts: Vec<String>,
    cut: Vec<String>,
}

fn see_view(state: &mut State) -> Seen {
    let mut seen = Seen::default();
    let mut current: BTreeMap<(u16, u16, u16), Vec<String>> = BTreeMap::new();
    let flush = |current: &mut BTreeMap<(u16, u16, u16), Vec<String>>, seen: &mut Seen| {
        for rows in std::mem::take(current).into_values() {
            seen.texts.push(squeeze(&rows.concat()));
        }
    };
    let mut cuts = Vec::new();
    walk(state, W, H, true, |buf, first| {
        let found = panes(buf);
        for rows in found.values() {
            for r in rows {
                // Each cell cut with "…": from the column gap before it to the "…".
                for (i, _) in r.match_indices('…') {
                    // A cut ends its cell; 「r1, r2 …: rungs」 is the text's own.
                    if r[i + '…'.len_utf8()..].chars().next().is_some_and(|c| c != ' ') {
                        continue;
                    }
                    let before = &r[..i];
                    let cell = before.rsplit("  ").next().unwrap_or(before);
                    // A row's marks (selection, bullet) are not part of its text.
                    let fragment = squeeze(cell.trim_start_matches(['▶', ' ', '・']));
                    if fragment.chars().count() >= 2 {
                        cuts.push(fragment);
                    }
                }
            }
        }
        if first {
            flush(&mut current, &mut seen);
            current = found;
        } else {
            for (key, rows) in found {
                match current.get_mut(&key) {
                    Some(old) => merge(old, &rows),
                    None => {
                        current.insert(key, rows);
                    }
                }
            }
        }
    });
    flush(&mut current, &mut seen);
    seen.cut = cuts;
    seen
}

/// The texts of a view that must be seen whole.
fn needles(state: &State, view: View) -> Vec<String> {
    let lang = state.lang();
    let doc = state.doc.as_ref().unwrap();
    let p = &doc.profile;
    let a = &doc.analysis;
    let mut n: Vec<String> = Vec::new();
    match view {
        View::Situation => {
            for c in &p.competencies {
                n.push(c.name.clone());
                n.push(c.definition.clone());
            }
            n.extend(a.rotation.postings.iter().map(|x| x.department_name.clone()));
            n.extend(doc.plan.constraints.iter().cloned());
        }
        View::Path => {
            for s in &a.trajectory.steps {
                n.extend(michi::describe::step_notes(p, s, lang));
                n.extend(s.conditions.iter().cloned());
                let series = doc.plan.series_id(p);
                if let Some(diff) = michi::engine::grade_diff(p, series, &doc.plan.grade, &s.grade) {
                    n.extend(diff.changes.iter().filter_map(|c| c.to_descriptor.clone()));
                    n.extend(diff.new_roles.iter().cloned());
                }
            }
        }
        View::Gaps => {
            for g in &a.target.gaps {
                n.push(g.competency_name.clone());
                n.extend(g.current_descriptor.clone());
                n.extend(g.target_descriptor.clone());
                n.extend(g.source.clone());
            }
            n.extend(a.target.not_stated.iter().map(|x| x.competency_name.clone()));
        }
        View::Trainings => {
            for (_, id) in training_rows(doc) {
                let t = p.training(&id).unwrap();
                n.push(t.name.clone());
                n.extend(t.description.clone());
                n.push(t.source.clone());
            }
        }
        View::Rotation => {
            let r = &a.rotation;
            n.extend(r.findings.iter().map(|f| michi::describe::finding_text(f, lang)));
            for rule in &r.rules {
                n.push(michi::describe::rule_window(rule, lang));
                n.extend(michi::describe::rule_progress(p, rule, lang));
                n.extend(michi::describe::rule_strength(rule, lang));
                n.push(rule.text.clone());
            }
            if let Some(next) = &r.next {
                n.extend(michi::describe::next_post_lines(p, next, lang));
            }
            n.extend(r.statement.iter().map(|s| s.text.clone()));
            n.extend(r.postings.iter().map(|x| x.department_name.clone()));
        }
        View::Roles => n.extend(a.roles.roles.iter().map(|r| r.text.clone())),
        View::Support => {
            for i in &p.ideals {
                n.push(i.name.clone());
                n.extend(i.text.clone());
            }
            for m in &p.measures {
                n.push(m.name.clone());
                n.push(m.text.clone());
                n.extend(m.timing.clone());
                n.extend(m.who.clone());
            }
        }
        View::Interview => {
            let fy = doc.interview_fy;
            for iv in doc.plan.interviews.iter().filter(|iv| iv.date.fiscal_year() == fy) {
                n.extend(iv.goals.iter().map(|g| g.title.clone()));
                n.extend(iv.self_comment.clone());
                n.extend(iv.supervisor_comment.clone());
            }
            n.extend(
                doc.plan
                    .notes
                    .iter()
                    .filter(|x| x.date.fiscal_year() == fy)
                    .map(|x| x.text.clone()),
            );
        }
        View::Workshop => {}
    }
    n.retain(|t| !t.trim().is_empty());
    n
}

#[test]
fn no_row_is_cut_at_80x24_for_any_persona_on_any_view() {
    let mut missing = Vec::new();
    for lang in [Lang::Ja, Lang::En] {
        for (persona, _) in PERSONAS {
            for view in View::ALL {
                let mut s = opened(persona, lang);
                go(&mut s, view);
                let wanted = needles(&s, view);
                let seen = see_view(&mut s);
                for needle in wanted {
                    let squeezed = squeeze(&needle);
                    if !seen.texts.iter().any(|t| t.contains(&squeezed)) {
                        missing.push(format!("{lang:?} {persona} {view:?}: never whole: {needle}"));
                    }
                }
                for fragment in &seen.cut {
                    let whole = seen.texts.iter().any(|t| {
                        t.match_indices(fragment.as_str())
                            .any(|(i, m)| t[i + m.len()..].chars().next().is_some_and(|c| c != '…'))
                    });
                    if !whole {
                        missing.push(format!("{lang:?} {persona} {view:?}: cut and never whole: {fragment}…"));
                    }
                }
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "{} texts:\n{}", missing.len(), missing.join("\n"));
}

#[test]
fn the_help_overlay_shows_every_key_whole_at_80x24() {
    for lang in [Lang::Ja, Lang::En] {
        let mut s = opened("iruma-shunin-to-kacho", lang);
        press(&mut s, KeyCode::Char('?'));
        let mut text: Vec<String> = Vec::new();
        let mut last = None;
        for _ in 0..300 {
            let buf = frame(&mut s, W, H, true);
            if last.as_ref() == Some(&buf) {
                break;
            }
            for rows in panes(&buf).into_values() {
                merge(&mut text, &rows);
            }
            last = Some(buf);
            press(&mut s, KeyCode::Down);
        }
        let all = squeeze(&text.concat());
        for b in michi::tui::keymap::BINDINGS {
            let description = squeeze(b.describe(lang));
            assert!(all.contains(&description), "{lang:?}: {}", b.describe(lang));
        }
    }
}

/// Every view of every persona, the start screen and the help overlay, in `lang` with the
/// state changed by `set`: each frame met on the walk, without the last drawing step.
fn every_frame(lang: Lang, set: fn(&mut State), mut f: impl FnMut(&str, &Buffer)) {
    let mut start = state(lang);
    set(&mut start);
    f("start", &frame(&mut start, W, H, false));
    for (persona, _) in PERSONAS {
        for view in View::ALL {
            let mut s = opened(persona, lang);
            set(&mut s);
            go(&mut s, view);
            let name = format!("{persona} {view:?}");
            walk(&mut s, W, H, false, |buf, _| f(&name, buf));
        }
        let mut s = opened(persona, lang);
        set(&mut s);
        press(&mut s, KeyCode::Char('?'));
        f(&format!("{persona} help"), &frame(&mut s, W, H, false));
    }
}

fn settled(buf: &Buffer, mode: GlyphMode) -> Buffer {
    let mut buf = buf.clone();
    michi::tui::theme::glyphs::settle(&mut buf, mode);
    buf
}

fn ascii(s: &mut State) {
    s.ui.ascii = true;
}

fn wide(s: &mut State) {
    s.ui.ambiguous_wide = true;
}

#[test]
fn ascii_draws_no_ambiguous_width_character_anywhere() {
    for lang in [Lang::Ja, Lang::En] {
        let mut found = BTreeMap::new();
        every_frame(lang, ascii, |name, buf| {
            // What the screens draw themselves, and what reaches the terminal.
            for buf in [buf, &settled(buf, GlyphMode::Ascii)] {
                for cell in buf.content() {
                    for c in cell.symbol().chars() {
                        if is_ambiguous(c) || c == michi::text::WIDE_TAIL || c == '✓' {
                            found.entry(c).or_insert_with(|| name.to_string());
                        }
                    }
                }
            }
        });
        assert!(
            found.is_empty(),
            "{lang:?}: {:?}",
            found
                .iter()
                .map(|(c, at)| format!("{c} U+{:04X} in {at}", *c as u32))
                .collect::<Vec<_>>()
        );
    }
}

/// Columns a row takes in a terminal that draws ambiguous characters two columns wide,
/// as the terminal receives it: a cell given two columns takes two, any other cell what
/// the terminal makes of its character.
fn terminal_width(buf: &Buffer, y: u16) -> usize {
    let mut used = 0;
    let mut x = 0;
    while x < buf.area.width {
        let cell = &buf[(x, y)];
        match cell.diff_option {
            CellDiffOption::ForcedWidth(w) => {
                used += usize::from(w.get());
                x += w.get();
            }
            _ => {
                let w = width(cell.symbol()).max(1);
                used += width_cjk(cell.symbol()).max(1);
                x += u16::try_from(w).unwrap();
            }
        }
    }
    used
}

#[test]
fn ambiguous_wide_rows_fit_80_columns_in_a_cjk_terminal() {
    for lang in [Lang::Ja, Lang::En] {
        let mut wrong = BTreeMap::new();
        let mut glyphs_kept = 0;
        every_frame(lang, wide, |name, unsettled| {
            // The screens give every ambiguous character its second column themselves.
            for y in 0..unsettled.area.height {
                for x in 0..unsettled.area.width {
                    let alone = unsettled[(x, y)].symbol().chars().any(is_ambiguous)
                        && (x + 1 == unsettled.area.width
                            || !unsettled[(x + 1, y)].symbol().starts_with(michi::text::WIDE_TAIL));
                    if alone {
                        wrong
                            .entry(format!("{name}: one column"))
                            .or_insert(format!("row {y}: {}", row(unsettled, y, 0, W)));
                    }
                }
            }
            let buf = settled(unsettled, GlyphMode::Wide);
            glyphs_kept += buf
                .content()
                .iter()
                .filter(|c| matches!(c.diff_option, CellDiffOption::ForcedWidth(_)))
                .count();
            for y in 0..buf.area.height {
                let w = terminal_width(&buf, y);
                if w != usize::from(W) {
                    wrong
                        .entry(name.to_string())
                        .or_insert(format!("row {y}: {w} columns: {}", row(&buf, y, 0, W)));
                }
            }
        });
        assert!(wrong.is_empty(), "{lang:?}: {wrong:#?}");
        assert!(glyphs_kept > 0, "the symbols are drawn, two columns wide");
    }
}
