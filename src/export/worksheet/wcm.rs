//! The Will-Can-Must worksheet: three boxes to write in (Will, Can, Must), blank, or
//! pre-filled from a plan with the participant's own words and, under Can and Must, what
//! the document and the self-assessment say, each line with its source (出典). Pure: the
//! sheet is rendered like the interview sheet (`to_html`, `to_markdown` …).

use crate::describe::wcm::{Pane, Section, sections};
use crate::engine::wcm::will_can_must;
use crate::export::{Sheet, Table};
use crate::i18n::Lang;
use crate::model::{Plan, Profile};

/// Empty rows to write on under each pane (a pre-filled pane keeps at least
/// [`ROOM_AFTER_WORDS`] of them after its words).
pub const BLANK_ROWS: usize = 6;
pub const ROOM_AFTER_WORDS: usize = 3;

/// An empty row to write on: a full-width space, so the printed row keeps a line's height.
const EMPTY: &str = "\u{3000}";

fn title(lang: Lang) -> String {
    lang.pick("Will-Can-Must ワークシート", "Will-Can-Must worksheet")
        .to_string()
}

/// A pane's box: its prompt as the column, the words one line a row, then room to write.
fn words_table(pane: Pane, words: Option<&str>, lang: Lang) -> Table {
    let mut rows: Vec<Vec<String>> = words
        .into_iter()
        .flat_map(str::lines)
        .filter(|l| !l.trim().is_empty())
        .map(|l| vec![l.to_string()])
        .collect();
    let room = BLANK_ROWS.saturating_sub(rows.len()).max(ROOM_AFTER_WORDS);
    rows.extend(std::iter::repeat_with(|| vec![EMPTY.to_string()]).take(room));
    Table {
        heading: pane.title(lang).to_string(),
        columns: vec![pane.prompt(lang).to_string()],
        rows,
    }
}

/// What Michi found under a pane, one table per section: each item with its source; the
/// section's note (why it is empty, who else is as strong) as a row of its own.
fn found_table(pane: Pane, section: &Section, lang: Lang) -> Table {
    let mut rows: Vec<Vec<String>> = section
        .items
        .iter()
        .map(|item| {
            let text = match &item.detail {
                Some(detail) => format!("{}\n{detail}", item.text),
                None => item.text.clone(),
            };
            vec![text, item.source.clone().unwrap_or_default()]
        })
        .collect();
    if let Some(note) = &section.note {
        rows.push(vec![note.clone(), String::new()]);
    }
    let pane = match pane {
        Pane::Will => "Will",
        Pane::Can => "Can",
        Pane::Must => "Must",
    };
    Table {
        heading: format!("{pane}: {}", section.heading),
        columns: vec![
            lang.pick("内容", "What").to_string(),
            lang.pick("出典", "Source").to_string(),
        ],
        rows,
    }
}

/// The blank worksheet: a header to fill in and three boxes of empty rows.
pub fn blank(lang: Lang) -> Sheet {
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    Sheet {
        title: title(lang),
        header: vec![
            (pick("氏名", "Name"), String::new()),
            (pick("職級", "Grade"), String::new()),
            (pick("目標の職級", "Target grade"), String::new()),
            (pick("記入日", "Date"), String::new()),
        ],
        tables: Pane::ALL.iter().map(|p| words_table(*p, None, lang)).collect(),
        self_report: None,
        signatures: false,
        legend: Vec::new(),
    }
}

/// The worksheet of `plan`: its words in each box with room to add, and under Can and Must
/// what the document and the self-assessment say, with their sources and the legend.
pub fn prefilled(profile: &Profile, plan: &Plan, lang: Lang) -> Sheet {
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    let wcm = will_can_must(profile, plan);
    let mut tables = Vec::new();
    for pane in Pane::ALL {
        tables.push(words_table(pane, pane.words(&plan.wcm), lang));
        for section in sections(profile, &wcm, pane, lang) {
            tables.push(found_table(pane, &section, lang));
        }
    }
    let mut legend = Vec::new();
    if wcm.can.ability_table {
        legend.push(pick(
            "Can・Must の能力と役割は文書と本人の自己評価から Michi が示したものです。本人の言葉は各欄の表にあります。",
            "The competencies and roles under Can and Must are shown by Michi from the document and the self-assessment; the participant's own words are in each box.",
        ));
    }
    legend.extend(crate::describe::scale_legend(profile, lang));
    Sheet {
        title: title(lang),
        header: vec![
            (pick("氏名", "Name"), plan.name.clone().unwrap_or_default()),
            (pick("自治体", "Municipality"), profile.name.clone()),
            (pick("職級", "Grade"), crate::describe::current_grade(profile, plan)),
            (
                pick("目標の職級", "Target grade"),
                crate::describe::grade_name(profile, &plan.target_grade).to_string(),
            ),
            (pick("記入日", "Date"), String::new()),
        ],
        tables,
        self_report: None,
        signatures: false,
        legend,
    }
}

#[cfg(test)]
mod tests;
