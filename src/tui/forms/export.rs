//! The export form (X): the same choices as `michi export` — the format, the fiscal year,
//! whether the confidential 自己申告 goes in, and an anonymous copy for handouts. The file
//! goes to the data folder's exports, never over another file.

use crate::export::{Format, SheetOptions};
use crate::i18n::Lang;
use crate::model::FiscalYear;
use crate::tui::forms::{Choice, FieldMut, FieldRef, FormError, TextInput};
use crate::tui::state::Said;

#[derive(Debug, Clone)]
pub struct ExportForm {
    pub format: Choice,
    pub fy: TextInput,
    pub self_report: Choice,
    pub anonymous: Choice,
}

fn yes_no(no: &str, yes: &str) -> Choice {
    Choice {
        options: vec![("no".into(), no.into()), ("yes".into(), yes.into())],
        selected: 0,
    }
}

impl ExportForm {
    pub const LEN: usize = 4;

    pub fn new(fy: FiscalYear, lang: Lang) -> ExportForm {
        ExportForm {
            format: Choice {
                options: Format::ALL
                    .iter()
                    .map(|f| (f.extension().to_string(), f.label(lang).to_string()))
                    .collect(),
                selected: 0,
            },
            fy: TextInput::new(&fy.to_string()),
            self_report: yes_no(
                lang.pick("含めない", "leave out"),
                lang.pick("含める（別ページ・取扱注意）", "include (own page, confidential)"),
            ),
            anonymous: yes_no(
                lang.pick("しない（氏名を載せる）", "no (with the name)"),
                lang.pick(
                    "する（氏名と個人的な記述を伏せる）",
                    "yes (name and personal text hidden)",
                ),
            ),
        }
    }

    pub fn field(&self, i: usize, lang: Lang) -> Option<(&'static str, FieldRef<'_>)> {
        Some(match i {
            0 => (lang.pick("形式", "Format"), FieldRef::Choice(&self.format)),
            1 => (lang.pick("年度", "Fiscal year"), FieldRef::Text(&self.fy)),
            2 => (
                lang.pick("自己申告", "Self-report"),
                FieldRef::Choice(&self.self_report),
            ),
            3 => (
                lang.pick("匿名（配布用）", "Anonymous (handout)"),
                FieldRef::Choice(&self.anonymous),
            ),
            _ => return None,
        })
    }

    pub fn field_mut(&mut self, i: usize) -> Option<FieldMut<'_>> {
        Some(match i {
            0 => FieldMut::Choice(&mut self.format),
            1 => FieldMut::Text(&mut self.fy),
            2 => FieldMut::Choice(&mut self.self_report),
            3 => FieldMut::Choice(&mut self.anonymous),
            _ => return None,
        })
    }

    pub fn format(&self) -> Format {
        Format::ALL.get(self.format.selected).copied().unwrap_or(Format::Html)
    }

    pub fn options(&self, lang: Lang) -> Result<SheetOptions, FormError> {
        let fy = crate::tui::forms::parse_fiscal_year(&self.fy.text())?
            .ok_or_else(|| FormError(Said::new("年度を入力してください", "enter the fiscal year")))?;
        Ok(SheetOptions {
            fy,
            with_self_report: self.self_report.selected == 1,
            anonymous: self.anonymous.selected == 1,
            lang,
        })
    }
}
