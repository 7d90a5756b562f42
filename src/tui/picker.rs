//! A searchable list in a pop-up: the command palette (competencies, trainings, grades,
//! departments and commands), grade and series choices, and adding a completed training.
//! Fuzzy matching over Japanese names and their aliases (English, romaji).
//!
//! The matcher is Michi's own: a case-folded subsequence match scored by runs, word starts
//! and position. Measured over 10,000 items with Japanese names (benches/tui.rs),
//! fuzzy-matcher took 1.6–7.8 ms per keystroke and nucleo-matcher 1.1–3.8 ms (its
//! Unicode path), against a 2 ms goal; this takes well under 1 ms, and a palette needs no
//! more than a good-enough order of short names.

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
    /// The self level of a competency (None: not assessed).
    SetLevel(String, Option<u8>),
    /// Agree on (or withdraw) a training at an interview (index into the plan's interviews).
    AgreeTraining(usize, String),
    /// Workshop mode for a cohort (None: leave workshop mode).
    Cohort(Option<crate::store::tours::Cohort>),
    /// The first plan to compare; the second is asked next.
    CompareFirst(crate::tui::state::CompareSource),
    /// Both plans to compare.
    CompareWith(crate::tui::state::CompareSource, crate::tui::state::CompareSource),
    /// Compare the open plan with itself under this profile (an id).
    CompareAs(String),
    /// Read the roster file (as typed) against this profile (an id).
    Roster(String, String),
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

impl PickItem {
    /// A city's profile as a choice: 「上越市 Joetsu — 上越市人材育成方針（改訂）」, found by its
    /// id too.
    pub fn city(profile: &crate::model::Profile, lang: crate::i18n::Lang, target: PickTarget) -> PickItem {
        PickItem {
            kind: lang.pick("自治体", "City").into(),
            label: format!("{} {} — {}", profile.name, profile.name_romaji, profile.document.title),
            search: profile.id.clone(),
            target,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub title: String,
    pub query: TextInput,
    pub items: Vec<PickItem>,
    /// What each item is matched on (its label and search words), prepared once.
    haystacks: Haystacks,
    /// Indexes into `items` matching the query, best first.
    pub matches: Vec<usize>,
    /// The query `matches` answers: a longer query narrows them instead of starting over.
    matched_query: String,
    pub selected: usize,
}

impl Picker {
    /// A picker over `items` (the palette builds its own; benchmarks and tests make any).
    pub fn new(title: String, items: Vec<PickItem>) -> Picker {
        let haystacks = Haystacks::new(&items);
        Picker {
            title,
            query: TextInput::new(""),
            matches: (0..items.len()).collect(),
            matched_query: String::new(),
            haystacks,
            items,
            selected: 0,
        }
    }

    /// The command palette over the open plan's profile, plus the commands of the screen.
    pub fn palette(state: &State) -> Picker {
        let lang = state.lang();
        let mut items = Vec::new();
        if let (Some(doc), None) = (&state.doc, &state.compare) {
            profile_items(doc, lang, &mut items);
        }
        let scopes: Vec<Scope> = crate::tui::update::scopes(state)
            .into_iter()
            .filter(|s| *s != Scope::Always)
            .collect();
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
        if field == Field::CourseField {
            let course = doc.plan.course_id(p).and_then(|c| p.course(c));
            items.push(PickItem {
                kind: lang.pick("分野", "Field").into(),
                label: lang.pick("（選ばない）", "(none)").into(),
                search: "none なし".into(),
                target: PickTarget::SetField(field, String::new()),
            });
            for f in course.map_or(&[][..], |c| c.fields.as_slice()) {
                items.push(PickItem {
                    kind: lang.pick("分野", "Field").into(),
                    label: f.name.clone(),
                    search: format!("{} {}", f.name, f.id),
                    target: PickTarget::SetField(field, f.id.clone()),
                });
            }
        } else if field == Field::Series {
            for s in &p.job_series {
                items.push(PickItem {
                    kind: lang.pick("職系", "Series").into(),
                    label: s.name.clone(),
                    search: format!("{} {}", s.name, s.id),
                    target: PickTarget::SetField(field, s.id.clone()),
                });
            }
        } else if let Some(series) = doc.plan.series_id(p).and_then(|id| p.series(id)) {
            for g in p.ladder(series).iter() {
                // The post class as everywhere else: 「課長（管理職・役職定年の対象）」.
                let post = crate::describe::grade_post(p, g, lang);
                items.push(PickItem {
                    kind: lang.pick("職級", "Grade").into(),
                    label: match &post {
                        Some(post) if lang == Lang::Ja => format!("{}（{post}）", g.name),
                        Some(post) => format!("{} ({post})", g.name),
                        None => g.name.clone(),
                    },
                    search: format!(
                        "{} {} {} {}",
                        g.name,
                        g.aliases.join(" "),
                        g.id,
                        post.unwrap_or_default()
                    ),
                    target: PickTarget::SetField(field, g.id.clone()),
                });
            }
        }
        Picker::new(field.label(lang).to_string(), items)
    }

    /// The levels a competency's self-assessment may take, each with what it means: on a
    /// descriptor ladder the document's description of each rung and whose it is, else the
    /// scale's labels. The current level is preselected.
    pub fn levels(doc: &Doc, competency: &str, lang: Lang) -> Picker {
        let p = &doc.profile;
        let series = doc.plan.series_id(p);
        let range = p.level_range_on(series, competency);
        let mut items = vec![PickItem {
            kind: lang.pick("未評価", "Unrated").into(),
            label: lang.pick("まだ評価しない", "Not assessed yet").into(),
            search: "unrated 未評価".into(),
            target: PickTarget::SetLevel(competency.to_string(), None),
        }];
        for level in range {
            let meaning = crate::describe::level_meaning(p, series.unwrap_or(""), competency, level, lang);
            items.push(PickItem {
                kind: crate::describe::level_number(p, level, lang),
                search: meaning.clone(),
                label: meaning,
                target: PickTarget::SetLevel(competency.to_string(), Some(level)),
            });
        }
        let current = doc.plan.self_assessment.get(competency).copied();
        let name = p.competency(competency).map_or(competency, |c| c.name.as_str());
        let mut picker = Picker::new(
            match lang {
                Lang::Ja => format!("{name}: 今の自分に当てはまる記述"),
                Lang::En => format!("{name}: the description that fits you now"),
            },
            items,
        );
        picker.selected = current.map_or(0, |l| {
            usize::from(l.saturating_sub(*p.level_range_on(series, competency).start())) + 1
        });
        picker
    }

    /// Trainings not yet completed, to add as completed.
    pub fn trainings_to_add(doc: &Doc, lang: Lang) -> Picker {
        let items = doc
            .profile
            .trainings
            .iter()
            .filter(|t| !doc.plan.completed_trainings.contains(&t.id))
            .map(|t| PickItem {
                kind: t.category_label(lang == Lang::Ja).into(),
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

    /// Matches the items against the query again. A query that extends the last one only
    /// looks at the last matches (a fuzzy match of the longer query is a match of the
    /// shorter one); the order is by score, then by the items' order.
    pub fn refilter(&mut self) {
        let query = self.query.text();
        let query = query.trim();
        if query.is_empty() {
            self.matches = (0..self.items.len()).collect();
        } else {
            let narrowing = !self.matched_query.is_empty() && query.starts_with(self.matched_query.as_str());
            let candidates = if narrowing {
                std::mem::take(&mut self.matches)
            } else {
                (0..self.items.len()).collect()
            };
            let words: Vec<Vec<char>> = query.split_whitespace().map(fold).collect();
            let needed = char_mask(query);
            let mut scored: Vec<(u32, usize)> = candidates
                .into_iter()
                .filter_map(|i| {
                    let (text, mask) = self.haystacks.get(i)?;
                    // Cheap first: every character of the query must occur in the item.
                    if mask & needed != needed {
                        return None;
                    }
                    words
                        .iter()
                        .try_fold(0u32, |total, word| score(word, text).map(|s| total + s))
                        .map(|s| (s, i))
                })
                .collect();
            scored.sort_unstable_by_key(|&(score, i)| (std::cmp::Reverse(score), i));
            self.matches = scored.into_iter().map(|(_, i)| i).collect();
        }
        self.matched_query = query.to_string();
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

/// The items' text prepared for matching, case-folded, in one flat buffer (not an
/// allocation per item), with each item's range and a mask of the characters it holds.
#[derive(Debug, Clone, Default)]
struct Haystacks {
    text: Vec<char>,
    items: Vec<(usize, usize, u128)>,
}

impl Haystacks {
    fn new(items: &[PickItem]) -> Haystacks {
        let mut h = Haystacks {
            items: Vec::with_capacity(items.len()),
            ..Haystacks::default()
        };
        for item in items {
            let start = h.text.len();
            let chars = item
                .label
                .chars()
                .chain(std::iter::once(' '))
                .chain(item.search.chars());
            let mut mask = 0;
            for c in chars.map(fold_char) {
                mask |= char_bit(c);
                h.text.push(c);
            }
            h.items.push((start, h.text.len(), mask));
        }
        h
    }

    /// Item `i`'s folded characters and mask.
    fn get(&self, i: usize) -> Option<(&[char], u128)> {
        let &(start, end, mask) = self.items.get(i)?;
        Some((self.text.get(start..end)?, mask))
    }
}

/// A character as compared: lower case (ASCII and other scripts with case).
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if c.is_uppercase() {
        c.to_lowercase().next().unwrap_or(c)
    } else {
        c
    }
}

fn fold(word: &str) -> Vec<char> {
    word.chars().map(fold_char).collect()
}

/// A bit standing for a (folded) character, for a quick "can it match" test.
fn char_bit(c: char) -> u128 {
    1 << (u32::from(c).wrapping_mul(2_654_435_761) >> 25)
}

fn char_mask(query: &str) -> u128 {
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(fold_char)
        .fold(0, |m, c| m | char_bit(c))
}

/// Start positions tried per word: enough to find a run after a few stray first letters,
/// few enough that a keystroke stays cheap.
const STARTS_TRIED: usize = 8;

/// How well `word` matches `text` as a subsequence (None: it does not). Each matched
/// character scores; more when it continues a run or starts a word, less after a gap, and
/// more the earlier the match begins, so a match in the name (which comes first) beats one
/// in the aliases. The best of a few starting points is kept.
fn score(word: &[char], text: &[char]) -> Option<u32> {
    let first = *word.first()?;
    text.iter()
        .enumerate()
        .filter(|(_, c)| **c == first)
        .take(STARTS_TRIED)
        .filter_map(|(start, _)| score_from(word, text, start))
        .max()
}

fn score_from(word: &[char], text: &[char], start: usize) -> Option<u32> {
    let mut want = word.iter().peekable();
    let mut total: i64 = 64_i64.saturating_sub(i64::try_from(start).unwrap_or(i64::MAX)).max(0);
    let mut last: Option<usize> = None;
    for (at, &c) in text.iter().enumerate().skip(start) {
        let Some(&&next) = want.peek() else { break };
        if c != next {
            continue;
        }
        let previous = at.checked_sub(1).and_then(|p| text.get(p));
        let starts_word = previous.is_none_or(|p| !p.is_alphanumeric() || p.is_ascii() != c.is_ascii());
        total += 16;
        match last {
            Some(l) if l + 1 == at => total += 24,
            Some(l) => total -= i64::try_from((at - l).min(12)).unwrap_or(12) * 2,
            None => {}
        }
        if starts_word {
            total += 12;
        }
        last = Some(at);
        want.next();
    }
    want.peek().is_none().then(|| u32::try_from(total.max(1)).unwrap_or(1))
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
            search: format!("{} {} {}", t.name, t.id, t.category_label(false)),
            target: PickTarget::Training(t.id.clone()),
        });
    }
    if let Some(series) = doc.plan.series_id(p).and_then(|id| p.series(id)) {
        for g in p.ladder(series).iter() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, search: &str) -> PickItem {
        PickItem {
            kind: String::new(),
            label: label.into(),
            search: search.into(),
            target: PickTarget::Competency(label.into()),
        }
    }

    fn labels(p: &Picker) -> Vec<&str> {
        p.matches.iter().map(|&i| p.items[i].label.as_str()).collect()
    }

    fn search(p: &mut Picker, query: &str) {
        p.query = TextInput::new(query);
        p.refilter();
    }

    #[test]
    fn japanese_romaji_and_english_find_the_same_item_and_a_name_beats_an_alias() {
        let mut p = Picker::new(
            String::new(),
            vec![
                item("企画立案能力", "kikaku planning"),
                item("交渉・調整能力", "kosho_chosei negotiation"),
                item("危機管理能力", "kiki_kanri crisis"),
            ],
        );
        for query in ["交渉", "kosho", "Negotiation", "KOSHO"] {
            search(&mut p, query);
            assert_eq!(labels(&p).first(), Some(&"交渉・調整能力"), "{query}");
        }
        search(&mut p, "kik");
        assert_eq!(
            labels(&p),
            ["企画立案能力", "危機管理能力"],
            "consecutive and earlier first"
        );
        search(&mut p, "能力 crisis");
        assert_eq!(labels(&p), ["危機管理能力"], "every word must match");
        search(&mut p, "zzz");
        assert!(p.matches.is_empty());
    }

    #[test]
    fn a_longer_query_narrows_and_a_shorter_one_widens_again() {
        let mut p = Picker::new(
            String::new(),
            vec![item("税務", "zeimu tax"), item("福祉", "fukushi welfare")],
        );
        search(&mut p, "z");
        assert_eq!(labels(&p), ["税務"]);
        search(&mut p, "ze");
        assert_eq!(labels(&p), ["税務"]);
        search(&mut p, "");
        assert_eq!(labels(&p).len(), 2);
        search(&mut p, "w");
        assert_eq!(labels(&p), ["福祉"]);
    }
}
