//! The Will-Can-Must page: three panes, each with the participant's own words first and
//! then what the document and the self-assessment say (Can, Must), every part with its
//! source. Wide screens show all three (Will and Can side by side above Must); at 80×24 the
//! selected pane opens and the others keep one line each. PgUp PgDn scroll the selected one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::describe::wcm::{Section, sections};
use crate::engine::wcm::{WillCanMust, will_can_must};
use crate::i18n::Lang;
use crate::text::{truncate, width, wrap};
use crate::tui::state::{Doc, Hit, State, WcmPane};
use crate::tui::theme::Theme;
use crate::tui::view::{HitMap, block};

/// The smallest page on which all three panes are open at once.
const WIDE_COLUMNS: u16 = 100;
const WIDE_ROWS: u16 = 26;

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let wcm = will_can_must(&doc.profile, &doc.plan);
    let page = Page {
        doc,
        wcm: &wcm,
        theme,
        lang: state.lang(),
    };
    let wide = is_wide(area);
    for (pane, rect) in pane_rects(area, doc.wcm.pane) {
        hits.add(rect, Hit::WcmPane(pane));
        page.pane(frame, pane, rect, wide || pane == doc.wcm.pane);
    }
}

fn is_wide(area: Rect) -> bool {
    area.width >= WIDE_COLUMNS && area.height >= WIDE_ROWS
}

/// Where each pane goes: Will above Can on the left and Must (the longest) on the right
/// when there is room; else one above the other, the selected one taking the room and the
/// others keeping a border and one line.
fn pane_rects(area: Rect, selected: WcmPane) -> Vec<(WcmPane, Rect)> {
    if is_wide(area) {
        let [left, must] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
        let [will, can] = Layout::vertical([Constraint::Percentage(35), Constraint::Percentage(65)]).areas(left);
        return vec![(WcmPane::Will, will), (WcmPane::Can, can), (WcmPane::Must, must)];
    }
    let constraints = WcmPane::ALL.map(|p| {
        if p == selected {
            Constraint::Min(3)
        } else {
            Constraint::Length(3)
        }
    });
    let rects: [Rect; 3] = Layout::vertical(constraints).areas(area);
    WcmPane::ALL.into_iter().zip(rects).collect()
}

/// The selected pane's rows and the last row it can be scrolled to, on a screen of the
/// state's size: PgUp and PgDn turn exactly a pane's page and stop at its end.
pub(crate) fn paging(state: &State, doc: &Doc) -> (usize, usize) {
    let [_, area] = super::page_areas(crate::tui::view::body_area(state));
    let Some((pane, rect)) = pane_rects(area, doc.wcm.pane)
        .into_iter()
        .find(|(p, _)| *p == doc.wcm.pane)
    else {
        return (1, 0);
    };
    let theme = state.theme();
    let inner = block("", &theme).inner(rect);
    let wcm = will_can_must(&doc.profile, &doc.plan);
    let page = Page {
        doc,
        wcm: &wcm,
        theme: &theme,
        lang: state.lang(),
    };
    let height = usize::from(inner.height);
    let lines = page.lines(pane, usize::from(inner.width)).len();
    (height.max(1), lines.saturating_sub(height))
}

struct Page<'a> {
    doc: &'a Doc,
    wcm: &'a WillCanMust,
    theme: &'a Theme,
    lang: Lang,
}

impl Page<'_> {
    /// Text as drawn: with `--ascii`, the document's marks and arrows in plain ASCII.
    fn plain(&self, text: &str) -> String {
        if !self.theme.ascii {
            return text.to_string();
        }
        text.chars()
            .map(|c| match c {
                '◎' => "@".to_string(),
                '○' => "o".to_string(),
                '↑' => "^".to_string(),
                '→' => "->".to_string(),
                '–' | '—' => "-".to_string(),
                c => c.to_string(),
            })
            .collect()
    }

    fn styled(
        &self,
        text: &str,
        columns: usize,
        indent: &str,
        first: &str,
        style: ratatui::style::Style,
    ) -> Vec<Line<'static>> {
        let text = self.plain(text);
        let room = columns.saturating_sub(width(indent)).max(1);
        wrap(&text, room)
            .into_iter()
            .enumerate()
            .map(|(i, l)| Line::styled(format!("{}{l}", if i == 0 { first } else { indent }), style))
            .collect()
    }

    fn pane(&self, frame: &mut Frame, pane: WcmPane, rect: Rect, open: bool) {
        let (lang, theme) = (self.lang, self.theme);
        let selected = pane == self.doc.wcm.pane;
        let marker = match (selected, theme.ascii) {
            (false, _) => "",
            (true, true) => "> ",
            (true, false) => "▶ ",
        };
        let mut outer = block(&format!("{marker}{}", pane.title(lang)), theme);
        if selected {
            outer = outer.border_style(theme.accent);
        }
        let inner = outer.inner(rect);
        let columns = usize::from(inner.width);
        let height = usize::from(inner.height);
        if !open {
            frame.render_widget(outer, rect);
            let line = Line::styled(truncate(&self.plain(&self.summary(pane)), columns), theme.dim);
            frame.render_widget(Paragraph::new(line), inner);
            return;
        }
        let lines = self.lines(pane, columns);
        let last_page = lines.len().saturating_sub(height);
        let scroll = if selected {
            self.doc.wcm.scroll.min(last_page)
        } else {
            0
        };
        let more = match (scroll > 0, scroll < last_page, selected) {
            (_, true, false) => Some(lang.pick(" 続きあり（選んで PgDn） ", " more: select, PgDn ")),
            (false, true, true) => Some(lang.pick(" PgDn 続き ", " PgDn more ")),
            (true, true, true) => Some(lang.pick(" PgUp 前・PgDn 続き ", " PgUp back, PgDn more ")),
            (true, false, true) => Some(lang.pick(" PgUp 前 ", " PgUp back ")),
            _ => None,
        };
        if let Some(more) = more {
            outer = outer.title_bottom(Line::styled(more, theme.dim).right_aligned());
        }
        frame.render_widget(outer, rect);
        let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
        frame.render_widget(Paragraph::new(shown), inner);
    }

    /// The participant's words, then Michi's sections, then the legend.
    fn lines(&self, pane: WcmPane, columns: usize) -> Vec<Line<'static>> {
        let (lang, theme) = (self.lang, self.theme);
        let mut lines = Vec::new();
        match pane.words(&self.doc.plan.wcm) {
            Some(words) => {
                lines.push(Line::styled(
                    truncate(lang.pick("本人の言葉:", "In my own words:"), columns),
                    theme.accent,
                ));
                for paragraph in words.lines() {
                    lines.extend(self.styled(paragraph, columns, "  ", "  ", theme.text));
                }
            }
            None => {
                let empty = match lang {
                    Lang::Ja => format!("本人の言葉: 未記入。Enter で書く（{}）", pane.prompt(lang)),
                    Lang::En => format!("In my own words: not yet; Enter writes ({})", pane.prompt(lang)),
                };
                lines.extend(self.styled(&empty, columns, "  ", "", theme.dim));
            }
        }
        let found = sections(&self.doc.profile, self.wcm, pane, lang);
        if found.is_empty() {
            return lines;
        }
        lines.push(Line::from(""));
        lines.extend(self.styled(
            lang.pick(
                "以下は文書と自己評価から Michi が示すもの:",
                "Shown by Michi from the document and the self-assessment:",
            ),
            columns,
            "",
            "",
            theme.dim,
        ));
        for section in &found {
            self.section(section, columns, &mut lines);
        }
        let legend = match pane {
            WcmPane::Must => crate::describe::scale_legend(&self.doc.profile, lang),
            _ => crate::describe::scale_legend_short(&self.doc.profile, lang)
                .map(str::to_string)
                .into_iter()
                .collect(),
        };
        if self.wcm.can.ability_table && !legend.is_empty() {
            lines.push(Line::from(""));
            for line in legend {
                lines.extend(self.styled(&line, columns, "", "", theme.dim));
            }
        }
        lines
    }

    fn section(&self, section: &Section, columns: usize, lines: &mut Vec<Line<'static>>) {
        let theme = self.theme;
        lines.extend(self.styled(&section.heading, columns, "", "", theme.accent));
        for item in &section.items {
            lines.extend(self.styled(&item.text, columns, "  ", "・", theme.text));
            if let Some(detail) = &item.detail {
                lines.extend(self.styled(detail, columns, "    ", "    ", theme.dim));
            }
        }
        if let Some(note) = &section.note {
            lines.extend(self.styled(note, columns, "  ", "  ", theme.dim));
        }
        for source in &section.sources {
            let text = format!("{} {source}", self.lang.pick("出典:", "Source:"));
            lines.extend(self.styled(&text, columns, "    ", "  ", theme.dim));
        }
        lines.push(Line::from(""));
    }

    /// One line for a closed pane: the participant's words, then what Michi found.
    fn summary(&self, pane: WcmPane) -> String {
        let lang = self.lang;
        let words = match pane.words(&self.doc.plan.wcm) {
            Some(words) => {
                let mut first = words.lines().next().unwrap_or("").to_string();
                if words.lines().nth(1).is_some() {
                    first.push_str(" …");
                }
                first
            }
            None => lang.pick("（未記入）", "(not written)").to_string(),
        };
        let found = match pane {
            // Will is the participant's alone: their words, or what to write.
            WcmPane::Will => match pane.words(&self.doc.plan.wcm) {
                Some(_) => return words,
                None => pane.prompt(lang).to_string(),
            },
            WcmPane::Can => {
                let can = &self.wcm.can;
                let names: Vec<&str> = can.strengths.iter().map(|s| s.competency_name.as_str()).collect();
                let mut text = match (names.is_empty(), lang) {
                    (true, Lang::Ja) => "強み: なし".to_string(),
                    (true, Lang::En) => "strengths: none".to_string(),
                    (false, Lang::Ja) => format!("強み: {}", names.join("、")),
                    (false, Lang::En) => format!("strengths: {}", names.join(", ")),
                };
                if !can.roles.is_empty() {
                    text.push_str(&match lang {
                        Lang::Ja => format!("・できている役割 {}", can.roles.len()),
                        Lang::En => format!("; roles done: {}", can.roles.len()),
                    });
                }
                text
            }
            WcmPane::Must => {
                let must = &self.wcm.must;
                let short = must.key.iter().filter(|g| g.gap.is_some_and(|n| n > 0)).count();
                let (key, n) = (if must.marked { "◎" } else { "" }, must.key.len());
                let target = &must.target_name;
                let mut text = match lang {
                    Lang::Ja => format!("{target} の要件{key} {n}件（差あり {short}）"),
                    Lang::En => format!("{target}: {n} {key} requirements ({short} with a gap)"),
                };
                if let Some(next) = &must.next {
                    let (name, roles) = (&next.grade_name, next.new_roles.len());
                    text.push_str(&match lang {
                        Lang::Ja => format!("・{name}の新しい役割 {roles}件"),
                        Lang::En => format!("; {roles} new roles at {name}"),
                    });
                }
                text
            }
        };
        format!("{words}｜{found}")
    }
}
