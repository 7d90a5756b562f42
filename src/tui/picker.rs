//! A searchable list in a pop-up: the command palette (competencies, trainings, grades,
//! departments and commands), grade and series choices, and adding a completed training.
//! Fuzzy matching over Japanese names and their aliases (English, romaji).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::i18n::Lang;
use crate::tui::action::Command;
use crate::tui::forms::TextInput;
use crate::tui::keymap::{BINDINGS, Scope};
use crate::tui::state::{Doc, Field, State};

/// What choosing an item does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickTarget {
    Command(Command),
    Competency(String),
    Training(String),
    Grade(String),
    Department(String),
    /// A value for a series or grade field of the plan.
    SetField(Field, String),
    AddCompleted(String),
}

#[derive(Debug, Clone)]
pub struct PickItem {
    /// What kind of thing it is (能力, 研修, …).
    pub kind: String,
    pub label: String,
    /// Matched against the query with the label: aliases, ids.
    pub search: String,
    pub target: PickTarget,
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub title: String,
    pub query: TextInput,
    pub items: Vec<PickItem>,
    /// Indexes into `items` matching the query, best first.
    pub matches: Vec<usize>,
    pub selected: usize,
}

impl Picker {
    fn new(title: String, items: Vec<PickItem>) -> Picker {
        Picker {
            title,
            query: TextInput::new(""),
            matches: (0..items.len()).collect(),
            items,
            selected: 0,
        }
    }

    /// The command palette over the open plan's profile, plus the commands of the screen.
    pub fn palette(state: &State) -> Picker {
        let lang = state.lang();
        let mut items = Vec::new();
        if let Some(doc) = &state.doc {
            profile_items(doc, lang, &mut items);
        }
        let scopes: Vec<Scope> = match &state.doc {
            None => vec![Scope::Global, Scope::Start],
            Some(doc) => vec![Scope::Global, Scope::Plan, Scope::View(doc.view)],
        };
        let mut seen = Vec::new();
        for b in BINDINGS.iter().filter(|b| scopes.contains(&b.scope)) {
            let navigation = matches!(
                b.command,
                Command::Up
                    | Command::Down
                    | Command::PageUp
                    | Command::PageDown
                    | Command::Top
                    | Command::Bottom
                    | Command::Back
                    | Command::Palette
                    | Command::Left
                    | Command::Right
            );
            if navigation || seen.contains(&b.command) {
                continue;
            }
            seen.push(b.command);
            items.push(PickItem {
                kind: lang.pick("コマンド", "Command").into(),
                label: format!("{}  [{}]", b.describe(lang), b.keys),
                search: format!("{} {}", b.ja, b.en),
                target: PickTarget::Command(b.command),
            });
        }
        Picker::new(
            lang.pick(
                "検索（能力・研修・職級・部署・コマンド）",
                "Search (competencies, trainings, grades, departments, commands)",
            )
            .into(),
            items,
        )
    }

    /// Choosing a value for the series or a grade field.
    pub fn choice(doc: &Doc, field: Field, lang: Lang) -> Picker {
        let p = &doc.profile;
        let mut items = Vec::new();
        if field == Field::Series {
            for s in &p.job_series {
                items.push(PickItem {
                    kind: lang.pick("職系", "Series").into(),
                    label: s.name.clone(),
                    search: format!("{} {}", s.name, s.id),
                    target: PickTarget::SetField(field, s.id.clone()),
                });
            }
        } else if let Some(series) = doc.plan.series_id(p).and_then(|id| p.series(id)) {
            for g in &series.grades {
                items.push(PickItem {
                    kind: if g.management {
                        lang.pick("管理監督職", "Management post")
                    } else {
                        lang.pick("職級", "Grade")
                    }
                    .into(),
                    label: g.name.clone(),
                    search: format!("{} {} {}", g.name, g.aliases.join(" "), g.id),
                    target: PickTarget::SetField(field, g.id.clone()),
                });
            }
        }
        Picker::new(field.label(lang).to_string(), items)
    }

    /// Trainings not yet completed, to add as completed.
    pub fn trainings_to_add(doc: &Doc, lang: Lang) -> Picker {
        let items = doc
            .profile
            .trainings
            .iter()
            .filter(|t| !doc.plan.completed_trainings.contains(&t.id))
            .map(|t| PickItem {
                kind: if lang == Lang::Ja {
                    t.kind.label_ja()
                } else {
                    t.kind.label_en()
                }
                .into(),
                label: t.name.clone(),
                search: format!("{} {}", t.name, t.id),
                target: PickTarget::AddCompleted(t.id.clone()),
            })
            .collect();
        Picker::new(
            lang.pick("受講済みの研修を追加", "Add a completed training").into(),
            items,
        )
    }

    /// Matches the items against the query again.
    pub fn refilter(&mut self) {
        let query = self.query.text();
        let query = query.trim();
        if query.is_empty() {
            self.matches = (0..self.items.len()).collect();
        } else {
            let matcher = SkimMatcherV2::default().ignore_case();
            let mut scored: Vec<(i64, usize)> = self
                .items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let label = matcher.fuzzy_match(&item.label, query);
                    let search = matcher.fuzzy_match(&item.search, query);
                    label.max(search).map(|s| (s, i))
                })
                .collect();
            scored.sort_by_key(|&(score, i)| (std::cmp::Reverse(score), i));
            self.matches = scored.into_iter().map(|(_, i)| i).collect();
        }
        self.selected = 0;
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.matches.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn chosen(&self) -> Option<PickTarget> {
        self.matches
            .get(self.selected)
            .and_then(|&i| self.items.get(i))
            .map(|item| item.target.clone())
    }
}

fn profile_items(doc: &Doc, lang: Lang, items: &mut Vec<PickItem>) {
    let p = &doc.profile;
    for c in &p.competencies {
        items.push(PickItem {
            kind: lang.pick("能力", "Competency").into(),
            label: c.name.clone(),
            search: format!("{} {} {}", c.name, c.aliases.join(" "), c.id),
            target: PickTarget::Competency(c.id.clone()),
        });
    }
    for t in &p.trainings {
        items.push(PickItem {
            kind: lang.pick("研修", "Training").into(),
            label: t.name.clone(),
            search: format!("{} {} {}", t.name, t.id, t.kind.label_en()),
            target: PickTarget::Training(t.id.clone()),
        });
    }
    if let Some(series) = doc.plan.series_id(p).and_then(|id| p.series(id)) {
        for g in &series.grades {
            items.push(PickItem {
                kind: lang.pick("職級", "Grade").into(),
                label: g.name.clone(),
                search: format!("{} {} {}", g.name, g.aliases.join(" "), g.id),
                target: PickTarget::Grade(g.id.clone()),
            });
        }
    }
    if let Some(rotation) = &p.rotation {
        for d in &rotation.departments {
            items.push(PickItem {
                kind: lang.pick("部署", "Department").into(),
                label: d.name.clone(),
                search: format!("{} {}", d.name, d.id),
                target: PickTarget::Department(d.id.clone()),
            });
        }
    }
}
