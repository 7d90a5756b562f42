//! The README's screen captures come from the same renderer as the app: each block after a
//! `<!-- screen: NAME -->` marker must equal what the app draws. After changing a screen,
//! `MICHI_UPDATE_README=1 cargo test --test readme_screens` writes the new captures.
#![allow(clippy::unwrap_used, clippy::panic, clippy::string_slice)]

mod tui_common;

use std::path::Path;

use crossterm::event::KeyCode;
use michi::i18n::Lang;
use michi::model::Date;
use michi::tui::action::{Action, Command, View};
use michi::tui::state::State;
use michi::tui::update::update;
use tui_common::{open_persona, press, screen, state};

const WIDTH: u16 = 100;
const HEIGHT: u16 = 32;

/// The state for a named capture.
fn capture(name: &str) -> State {
    let mut s = state(Lang::Ja);
    s.fix_today(Date::parse("2026-11-22").unwrap());
    if name == "start" {
        return s;
    }
    if name == "roster" || name == "roster-succession" || name == "roster-rotation" {
        // A fictitious 300-row roster for 上越市 with a few bad rows, read through the keys;
        // for the rotation page, the sample pair in assets/rosters.
        let dir = tempfile::tempdir().unwrap();
        let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rosters");
        let file = if name == "roster-rotation" {
            assets.join("joetsu.csv")
        } else {
            dir.path().join("joetsu-roster.csv")
        };
        if name != "roster-rotation" {
            let profile = &s.catalog.get("joetsu").unwrap().profile;
            let mut bytes = Vec::new();
            michi::store::roster::synth::write_roster(profile, s.today, 300, 3, 6, &mut bytes).unwrap();
            std::fs::write(&file, bytes).unwrap();
        }
        press(&mut s, KeyCode::Char('H'));
        for c in file.display().to_string().chars().chain("\njoetsu".chars()) {
            let code = if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) };
            press(&mut s, code);
        }
        let effects = press(&mut s, KeyCode::Enter);
        let mut files = michi::tui::shell::Files::in_dir(dir.path());
        for effect in effects {
            if let Some(outcome) = files.carry_out(&s, effect) {
                update(&mut s, Action::Done(Box::new(outcome)));
            }
        }
        assert!(s.roster.is_some(), "the roster was read");
        if name == "roster-rotation" {
            press(&mut s, KeyCode::Char('h'));
            for c in assets.join("joetsu-history.csv").display().to_string().chars() {
                press(&mut s, KeyCode::Char(c));
            }
            for effect in press(&mut s, KeyCode::Enter) {
                if let Some(outcome) = files.carry_out(&s, effect) {
                    update(&mut s, Action::Done(Box::new(outcome)));
                }
            }
        }
        if name == "roster-succession" {
            // 退職の波 → 年齢構成 → 役職定年 → 60歳の意思確認 → 後継者.
            for _ in 0..4 {
                press(&mut s, KeyCode::Right);
            }
        }
        s.status = None;
        return s;
    }
    if name == "tour" {
        // The 30s' guided tour at its third step (Gaps, 政策形成能力 selected).
        michi::tui::update::enter_workshop(&mut s, Some(michi::store::tours::Cohort::Thirties), false);
        for key in ['N', 'n', 'n'] {
            press(&mut s, KeyCode::Char(key));
        }
        return s;
    }
    // 上尾 reads levels as the rungs of its own descriptions; the others show 入間.
    let persona = if name == "gaps-ladder" || name == "next10" {
        "ageo-shusa-born-1968"
    } else {
        "iruma-shunin-to-kacho"
    };
    open_persona(&mut s, persona);
    s.status = None;
    if name == "compare" {
        // The same person under another city's profile, beside the original.
        update(&mut s, Action::Command(Command::Compare));
        for c in "joetsu".chars() {
            press(&mut s, KeyCode::Char(c));
        }
        press(&mut s, KeyCode::Enter);
        s.status = None;
        return s;
    }
    let view = match name {
        "situation" => View::Situation,
        "path" => View::Path,
        "gaps" | "gaps-ladder" => View::Gaps,
        "trainings" => View::Trainings,
        "rotation" => View::Rotation,
        "roles" => View::Roles,
        "support" => View::Support,
        "interview" => View::Interview,
        "wcm" => View::Workshop,
        "lifeline" => View::Workshop,
        "next10" => View::Workshop,
        other => panic!("unknown capture {other}"),
    };
    if name == "lifeline" {
        // A few years of the life-line written, the move to planning selected.
        use michi::model::LifelineYear;
        let doc = s.doc.as_mut().unwrap();
        let year = |fy, score, note: Option<&str>| LifelineYear {
            fy,
            score,
            note: note.map(str::to_string),
        };
        doc.plan.lifeline = vec![
            year(2011, 2, Some("税務部門に配属。窓口で市民対応を覚えた")),
            year(2013, 0, None),
            year(2016, -3, Some("福祉部門。相談件数が多く、余裕がなかった")),
            year(2019, 4, Some("企画部門へ。総合計画の策定に関わった")),
            year(2021, 3, Some("主任に昇任。後輩の指導を任された")),
            year(2024, 2, None),
        ];
        doc.lifeline_fy = Some(2019);
        let today = s.today;
        s.doc.as_mut().unwrap().reanalyze(today);
    }
    if view == View::Interview {
        tui_common::record_interview(&mut s);
        s.status = None;
        // The goal, so the lower pane shows it in full.
        press(&mut s, KeyCode::Home);
        for _ in 0..5 {
            press(&mut s, KeyCode::Down);
        }
        return s;
    }
    update(&mut s, Action::Command(Command::Go(view)));
    if name == "wcm" {
        // The Will-Can-Must page with the participant's words in Will and Can, Can selected.
        while s.doc.as_ref().unwrap().workshop_page != michi::tui::state::WorkshopPage::Wcm {
            press(&mut s, KeyCode::Char(']'));
        }
        let wcm = &mut s.doc.as_mut().unwrap().plan.wcm;
        wcm.will =
            Some("窓口の手続きをオンラインで完結できるようにしたい\n子育て中の職員が働きやすい職場にしたい".into());
        wcm.can = Some("税務・福祉・企画の3部門の経験".into());
        press(&mut s, KeyCode::Down);
        return s;
    }
    if name == "next10" {
        // The last page, one back from the first; the year of 60 and 役職定年.
        press(&mut s, KeyCode::Char('['));
        press(&mut s, KeyCode::Down);
        press(&mut s, KeyCode::Down);
    }
    if view == View::Situation {
        // A competency, so the details pane shows the document's descriptors.
        for _ in 0..14 {
            press(&mut s, KeyCode::Down);
        }
    }
    s
}

/// The README's key table: every binding, with the scope it works in.
fn key_table() -> String {
    use michi::tui::keymap::{BINDINGS, Scope};
    let mut t = String::from("| 画面 / Scope | キー / Keys | 日本語 | English |\n|---|---|---|---|\n");
    for b in BINDINGS {
        let scope = if b.scope == Scope::Always {
            Scope::Global
        } else {
            b.scope
        };
        t.push_str(&format!(
            "| {} / {} | `{}` | {} | {} |\n",
            scope.title(Lang::Ja),
            scope.title(Lang::En),
            b.keys.replace('|', "\\|"),
            b.ja,
            b.en
        ));
    }
    t
}

#[test]
fn readme_screens_match_the_app() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let mut out = String::new();
    let mut rest = readme.as_str();
    let mut stale = Vec::new();
    let mut count = 0;
    while let Some(at) = rest.find("<!-- screen: ") {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let marker_end = after.find("-->").unwrap() + 3;
        let name = after["<!-- screen: ".len()..marker_end - 3].trim().to_string();
        out.push_str(&after[..marker_end]);
        let block = &after[marker_end..];
        let open = block.find("```text\n").unwrap();
        let body_start = open + "```text\n".len();
        let close = body_start + block[body_start..].find("\n```").unwrap();
        let current = &block[body_start..close];
        let mut s = capture(&name);
        let wanted = screen(&mut s, WIDTH, HEIGHT);
        if current != wanted {
            stale.push(name.clone());
        }
        out.push_str(&block[..body_start]);
        out.push_str(&wanted);
        rest = &block[close..];
        count += 1;
    }
    out.push_str(rest);
    assert!(count >= 6, "the README has {count} screen captures");
    // The key table, from the key table.
    let (start, end) = ("<!-- keys -->\n", "<!-- /keys -->");
    let from = out.find(start).expect("a <!-- keys --> marker") + start.len();
    let to = out.find(end).expect("a <!-- /keys --> marker");
    let table = key_table();
    if out[from..to] != table {
        stale.push("keys".into());
        out.replace_range(from..to, &table);
    }
    if std::env::var_os("MICHI_UPDATE_README").is_some() {
        std::fs::write(&path, out).unwrap();
        return;
    }
    assert!(
        stale.is_empty(),
        "README captures differ from the app: {stale:?}; run MICHI_UPDATE_README=1 cargo test --test readme_screens"
    );
}
