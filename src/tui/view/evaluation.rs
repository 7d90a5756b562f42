//! The 育成の仕組み view's details of the evaluation system (人事評価) and the self-report
//! (自己申告), in the document's words with their sources. What the document does not say
//! is shown as 「文書に記載なし」, never left blank or filled in.

use ratatui::text::Line;

use crate::i18n::Lang;
use crate::model::{Evaluation, EvaluationKind, Profile, Quote, RatingScale, SelfReportSystem};
use crate::tui::theme::Theme;

/// Lines of one detail pane, wrapped to its width.
struct Pane<'t> {
    lines: Vec<Line<'static>>,
    columns: usize,
    theme: &'t Theme,
    lang: Lang,
}

impl Pane<'_> {
    fn title(&mut self, text: &str) {
        self.lines.extend(self.theme.wrap(text, self.columns, self.theme.title));
    }

    fn text(&mut self, text: &str) {
        self.lines.extend(self.theme.wrap(text, self.columns, self.theme.text));
    }

    /// 「label value」, or 「label 文書に記載なし」 when the document does not say.
    fn fact(&mut self, label: (&str, &str), value: Option<&str>) {
        let label = self.lang.pick(label.0, label.1);
        match value {
            Some(value) => self.lines.extend(self.theme.wrap(
                &format!("{label} {value}"),
                self.columns,
                self.theme.accent,
            )),
            None => {
                let unstated = self.lang.pick("文書に記載なし", "not stated in the document");
                self.lines.extend(
                    self.theme
                        .wrap(&format!("{label} {unstated}"), self.columns, self.theme.dim),
                );
            }
        }
    }

    fn quote(&mut self, label: (&str, &str), quote: &Quote) {
        let text = format!("「{}」（{}）", quote.text, quote.source);
        self.fact(label, Some(&text));
    }

    fn source(&mut self, source: &str) {
        let label = self.lang.pick("出典:", "Source:");
        self.lines.extend(
            self.theme
                .wrap(&format!("{label} {source}"), self.columns, self.theme.dim),
        );
    }

    fn list(&mut self, items: &[String]) -> Option<String> {
        (!items.is_empty()).then(|| items.join(self.lang.pick("・", ", ")))
    }
}

/// The evaluation system as a whole: its words, what rates the ability table, its kinds,
/// 評語, periods and evaluators.
pub fn evaluation(evaluation: &Evaluation, columns: usize, theme: &Theme, lang: Lang) -> Vec<Line<'static>> {
    let mut pane = Pane {
        lines: Vec::new(),
        columns,
        theme,
        lang,
    };
    pane.title(&evaluation.name);
    if let Some(text) = &evaluation.text {
        pane.text(text);
    }
    if let Some(q) = &evaluation.ability_table {
        pane.quote(("能力表を評価項目に:", "Ability table as its items:"), q);
    }
    let kinds: Vec<String> = evaluation.kinds.iter().map(|k| k.name.clone()).collect();
    let kinds = pane.list(&kinds);
    pane.fact(("評価の種類:", "Kinds:"), kinds.as_deref());
    let scales: Vec<String> = evaluation.scales.iter().map(|s| marks(s, lang)).collect();
    let scales = pane.list(&scales);
    pane.fact(("評語:", "Ratings:"), scales.as_deref());
    let periods: Vec<String> = evaluation
        .periods
        .iter()
        .map(|p| match &p.timing {
            Some(t) => format!("{}（{t}）", p.name),
            None => p.name.clone(),
        })
        .collect();
    let periods = pane.list(&periods);
    pane.fact(("時期:", "When:"), periods.as_deref());
    for p in evaluation.periods.iter().filter(|p| p.text.is_some()) {
        let text = p.text.as_deref().unwrap_or_default();
        pane.text(&format!("・{}: {text}（{}）", p.name, p.source));
    }
    let evaluators: Vec<String> = evaluation
        .evaluators
        .iter()
        .map(|e| match &e.who {
            Some(who) => format!("{}（{who}）", e.name),
            None => e.name.clone(),
        })
        .collect();
    let evaluators = pane.list(&evaluators);
    pane.fact(("評価者:", "Evaluators:"), evaluators.as_deref());
    for e in evaluation.evaluators.iter().filter(|e| e.text.is_some()) {
        let text = e.text.as_deref().unwrap_or_default();
        pane.text(&format!("・{}: {text}（{}）", e.name, e.source));
    }
    pane.source(&evaluation.source);
    pane.lines
}

/// 「S・A・B・C・D」, with the scale's name where the document calls it other than 評語.
fn marks(scale: &RatingScale, lang: Lang) -> String {
    let marks: Vec<&str> = scale.ratings.iter().map(|r| r.mark.as_str()).collect();
    let marks = marks.join(lang.pick("・", "/"));
    if scale.name == "評語" {
        marks
    } else {
        format!("{marks}（{}）", scale.name)
    }
}

/// One kind of evaluation with its 評語 and its 行動基準 or 着眼点.
pub fn kind(
    profile: &Profile,
    evaluation: &Evaluation,
    kind: &EvaluationKind,
    columns: usize,
    theme: &Theme,
    lang: Lang,
) -> Vec<Line<'static>> {
    let mut pane = Pane {
        lines: Vec::new(),
        columns,
        theme,
        lang,
    };
    pane.title(&kind.name);
    if let Some(text) = &kind.text {
        pane.text(text);
    }
    if let Some(q) = &kind.goal_difficulty {
        pane.quote(("目標の難易度:", "Goal difficulty:"), q);
    }
    if let Some(q) = &kind.ability_table {
        pane.quote(("能力表を評価項目に:", "Ability table as its items:"), q);
    }
    let scale = evaluation.scale_of(kind).map(|s| marks(s, lang));
    pane.fact(("評語:", "Ratings:"), scale.as_deref());
    let heading = kind
        .items_heading
        .as_deref()
        .unwrap_or(lang.pick("行動基準・着眼点", "Behaviour standards"));
    if kind.items.is_empty() {
        // Items that are the ability table are the requirements, shown in views 1 and 3.
        if kind.ability_table.is_none() {
            let label = format!("{heading}:");
            pane.fact((&label, &label), None);
        }
    } else {
        let count = kind.items.len();
        let heading = match lang {
            Lang::Ja => format!("{heading}（{count}件）:"),
            Lang::En => format!("{heading} ({count}):"),
        };
        pane.lines.extend(theme.wrap(&heading, columns, theme.accent));
    }
    for item in &kind.items {
        let mut text = String::from("・");
        if let Some(element) = &item.element {
            text.push_str(&format!("【{element}】"));
        }
        text.push_str(&item.text);
        if !item.grades.is_empty() {
            let names: Vec<&str> = item
                .grades
                .iter()
                .map(|g| crate::describe::grade_name(profile, g))
                .collect();
            text.push_str(&format!("（{}）", names.join("・")));
        }
        if let Some(c) = &item.competency {
            text.push_str(&format!(" → {}", crate::describe::competency_name(profile, c)));
        }
        pane.text(&text);
    }
    pane.source(&kind.source);
    pane.lines
}

/// A 評語 scale, each rating with the document's definition.
pub fn rating_scale(scale: &RatingScale, columns: usize, theme: &Theme, lang: Lang) -> Vec<Line<'static>> {
    let mut pane = Pane {
        lines: Vec::new(),
        columns,
        theme,
        lang,
    };
    pane.title(&scale.name);
    for r in &scale.ratings {
        let definition = r
            .definition
            .as_deref()
            .unwrap_or(lang.pick("（定義の記載なし）", "(no definition given)"));
        pane.text(&format!("{}: {definition}", r.mark));
    }
    pane.source(&scale.source);
    pane.lines
}

/// The self-report: who files it, when, what it asks and who reads it.
pub fn self_report(report: &SelfReportSystem, columns: usize, theme: &Theme, lang: Lang) -> Vec<Line<'static>> {
    let mut pane = Pane {
        lines: Vec::new(),
        columns,
        theme,
        lang,
    };
    pane.title(&report.name);
    if let Some(text) = &report.text {
        pane.text(text);
    }
    pane.fact(("提出する人:", "Filed by:"), report.who.as_deref());
    pane.fact(("時期:", "When:"), report.timing.as_deref());
    let topics: Vec<String> = report
        .topics
        .iter()
        .map(|t| match t.kind {
            Some(kind) if lang == Lang::En => format!("{} ({})", t.name, kind.label_en()),
            _ => t.name.clone(),
        })
        .collect();
    let topics = pane.list(&topics);
    pane.fact(("尋ねる事項:", "What it asks:"), topics.as_deref());
    for t in report.topics.iter().filter(|t| t.text.is_some()) {
        let text = t.text.as_deref().unwrap_or_default();
        pane.text(&format!("・{}: {text}", t.name));
    }
    match &report.disclosure {
        Some(d) => {
            let sees = if d.supervisor_sees {
                lang.pick("見る", "yes")
            } else {
                lang.pick("見ない（人事担当のみ）", "no (the HR office only)")
            };
            let text = format!("{sees} — 「{}」（{}）", d.text, d.source);
            pane.fact(("上司が見るか:", "Seen by the supervisor:"), Some(&text));
        }
        None => pane.fact(("上司が見るか:", "Seen by the supervisor:"), None),
    }
    pane.source(&report.source);
    pane.lines
}
