//! The terminal app's costs: drawing each view into a TestBackend at 120×40 and 200×60 (a
//! full frame, and a redraw with nothing changed), and the search palette per keystroke at
//! real size and over 10,000 items. Run with `cargo bench --bench tui`.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use michi::i18n::Lang;
use michi::model::Date;
use michi::store::Catalog;
use michi::tui::action::{Action, Command, View};
use michi::tui::picker::{PickItem, PickTarget, Picker};
use michi::tui::state::{StartKey, State, Ui, start_rows};
use michi::tui::theme::ThemeKind;
use michi::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn state_with_persona() -> State {
    let ui = Ui {
        lang: Lang::Ja,
        theme: ThemeKind::Default,
        ascii: false,
        mouse: true,
        ..Default::default()
    };
    let mut s = State::new(
        Catalog::load(None, Lang::Ja),
        ui,
        Date::parse("2026-11-21").unwrap(),
        false,
    );
    let rows = start_rows(&s.start, &s.catalog);
    let key = StartKey::Persona("iruma-shunin-to-kacho");
    s.start.selected.select_key(&rows, key);
    update(&mut s, Action::Command(Command::Open));
    s
}

/// Draws the state once; `full` first clears the backend's previous buffer, so the whole
/// frame is written rather than the difference.
fn frame(terminal: &mut Terminal<TestBackend>, s: &State, full: bool) {
    if full {
        terminal.clear().unwrap();
    }
    terminal
        .draw(|f| {
            black_box(michi::tui::view::draw(f, s));
        })
        .unwrap();
}

fn views(c: &mut Criterion) {
    let mut s = state_with_persona();
    for (w, h) in [(120, 40), (200, 60)] {
        s.size = (w, h);
        for view in View::ALL {
            update(&mut s, Action::Command(Command::Go(view)));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            c.bench_function(&format!("draw {view:?} {w}x{h}"), |b| {
                b.iter(|| frame(&mut terminal, &s, true))
            });
            c.bench_function(&format!("redraw unchanged {view:?} {w}x{h}"), |b| {
                b.iter(|| frame(&mut terminal, &s, false))
            });
        }
    }
}

/// A 10× synthetic profile and a plan on it with 1,000 postings, open in the app.
fn state_with_large_plan() -> State {
    use michi::store::{CatalogEntry, Origin, parse_plan, parse_profile};
    use michi::testgen::{ProfileShape, plan_toml, profile_toml};
    use michi::tui::state::{Doc, Source};
    let shape = ProfileShape::scaled(10);
    let profile = parse_profile("synthetic.toml", profile_toml(&shape).as_bytes(), Lang::Ja).unwrap();
    let mut catalog = Catalog::load(None, Lang::Ja);
    catalog.entries.push(CatalogEntry {
        profile: profile.clone(),
        origin: Origin::Bundled,
        overrides_bundled: false,
    });
    let plan = parse_plan("plan.toml", plan_toml(&shape, 1_000).as_bytes(), &catalog, Lang::Ja).unwrap();
    let ui = Ui {
        lang: Lang::Ja,
        theme: ThemeKind::Default,
        ascii: false,
        mouse: true,
        ..Default::default()
    };
    let today = Date::parse("2026-11-21").unwrap();
    let mut s = State::new(catalog, ui, today, false);
    let source = Source::Unsaved {
        origin: "synthetic".into(),
    };
    s.doc = Some(Doc::new(
        plan.clone(),
        profile,
        source,
        None,
        Some(plan),
        "bench".into(),
        today,
    ));
    s
}

fn large(c: &mut Criterion) {
    let mut s = state_with_large_plan();
    s.size = (120, 40);
    for view in View::ALL {
        update(&mut s, Action::Command(Command::Go(view)));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        c.bench_function(&format!("draw {view:?} 120x40, 10x profile, 1,000 postings"), |b| {
            b.iter(|| frame(&mut terminal, &s, true))
        });
    }
}

/// 10,000 items with Japanese names and romaji aliases, like a very large profile's.
fn many_items() -> Vec<PickItem> {
    let kanji = [
        "企画", "調整", "管理", "育成", "窓口", "税務", "福祉", "危機", "情報", "政策",
    ];
    let romaji = [
        "kikaku",
        "chosei",
        "kanri",
        "ikusei",
        "madoguchi",
        "zeimu",
        "fukushi",
        "kiki",
        "joho",
        "seisaku",
    ];
    (0..10_000)
        .map(|i| {
            let a = i % 10;
            let b = (i / 10) % 10;
            let label = format!("{}{}能力{i}", kanji[a], kanji[b]);
            PickItem {
                kind: "能力".into(),
                search: format!("{label} {}_{}_{i} ability {i}", romaji[a], romaji[b]),
                label,
                target: PickTarget::Competency(format!("c{i}")),
            }
        })
        .collect()
}

/// Every keystroke of typing (and deleting) a set of queries over 10,000 items, timed one
/// by one: the palette's goal is a 99th percentile, which criterion's means do not show.
fn keystroke_percentiles() {
    let queries = [
        "kikaku",
        "企画調整",
        "zeimu fuk",
        "ability 99",
        "madoguchi_kiki",
        "情報管理能力12",
        "seisaku",
    ];
    let mut times = Vec::new();
    for _ in 0..20 {
        for query in queries {
            let mut p = Picker::new("検索".into(), many_items());
            for c in query.chars() {
                p.query.insert_char(c);
                let start = std::time::Instant::now();
                p.refilter();
                times.push(start.elapsed());
            }
            for _ in query.chars() {
                p.query.backspace();
                let start = std::time::Instant::now();
                p.refilter();
                times.push(start.elapsed());
            }
        }
    }
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    println!(
        "palette keystrokes over 10,000 items ({} timed): median {:?}, 99th percentile {:?}, max {:?}",
        times.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

fn palette(c: &mut Criterion) {
    keystroke_percentiles();
    let s = state_with_persona();
    c.bench_function("palette open (persona)", |b| b.iter(|| black_box(Picker::palette(&s))));
    c.bench_function("palette open (10,000 items)", |b| {
        b.iter_batched(
            many_items,
            |items| black_box(Picker::new("検索".into(), items)),
            criterion::BatchSize::LargeInput,
        )
    });
    for query in ["k", "ki", "kik", "企", "企画", "zeimu_fu"] {
        c.bench_function(&format!("palette keystroke to {query:?} (10,000 items)"), |b| {
            b.iter_batched(
                || {
                    let mut p = Picker::new("検索".into(), many_items());
                    let mut chars: Vec<char> = query.chars().collect();
                    let last = chars.pop().unwrap();
                    for c in chars {
                        p.query.insert_char(c);
                        p.refilter();
                    }
                    (p, last)
                },
                |(mut p, last)| {
                    p.query.insert_char(last);
                    p.refilter();
                    black_box(p.matches.len())
                },
                criterion::BatchSize::LargeInput,
            )
        });
    }
}

criterion_group!(benches, views, large, palette);
criterion_main!(benches);
