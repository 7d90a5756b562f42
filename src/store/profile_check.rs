//! `michi profile check`: a profile read and checked, with the warnings about what will
//! make it analyse badly, each at its place in the file. Warnings never refuse a profile.

use std::path::Path;

use crate::i18n::Lang;
use crate::model::Profile;
use crate::store::diagnostic::{Diagnostic, LineIndex, Problems};
use crate::store::parse::locate;
use crate::store::profiles::parse_profile;
use crate::store::source::{decode, read_limited};

/// The word that marks a value still to be filled in (the starter profile of
/// `michi profile new` writes it): a line carrying it, outside a comment line, is warned
/// about until the officer replaces it with the document's words.
pub const PLACEHOLDER: &str = "未記入";

/// A profile that passed the check, and what to improve in it.
#[derive(Debug)]
pub struct Checked {
    pub profile: Profile,
    pub warnings: Problems,
}

/// Reads, parses and checks the profile at `path`, and warns about what will weaken its
/// analysis. Errors refuse it, as [`crate::store::load_profile_file`] does.
pub fn check_profile_file(path: &Path, lang: Lang) -> Result<Checked, Problems> {
    let file = path.display().to_string();
    let bytes =
        read_limited(path).map_err(|e| Problems::one(Diagnostic::file_level(&file, e.message(lang), e.hint(lang))))?;
    let profile = parse_profile(&file, &bytes, lang)?;
    let mut warnings = Problems::new();
    // The text decoded a moment ago, so this cannot fail; should it, there is no warning.
    if let Ok(text) = decode(&bytes) {
        if let Some(d) = placeholders(&file, &text, lang) {
            warnings.push(d.warning());
        }
        let advice = profile
            .advice()
            .into_iter()
            .map(|w| (w.path, w.advice.message(lang), w.advice.hint(lang)))
            .collect();
        for d in locate(&file, &text, advice) {
            warnings.push(d.warning());
        }
    }
    Ok(Checked { profile, warnings })
}

/// Lines listed in the placeholder warning at most.
const LINES_LISTED: usize = 20;

/// One warning for the lines holding [`PLACEHOLDER`] outside a comment line: at the first,
/// listing the others, so a fresh starter profile reads as one to-do list.
fn placeholders(file: &str, text: &str, lang: Lang) -> Option<Diagnostic> {
    let mut first = None;
    let mut numbers = Vec::new();
    let mut count = 0usize;
    let mut start = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let is_comment = line.trim_start().starts_with('#');
        if !is_comment && let Some(at) = line.find(PLACEHOLDER) {
            first.get_or_insert(start + at..start + at + PLACEHOLDER.len());
            count += 1;
            if numbers.len() < LINES_LISTED {
                numbers.push((index + 1).to_string());
            }
        }
        start += line.len();
    }
    let span = first?;
    if count > numbers.len() {
        numbers.push("…".to_string());
    }
    let lines = numbers.join(", ");
    let message = match (lang, count) {
        (Lang::Ja, 1) => "未記入の値があります".to_string(),
        (Lang::Ja, n) => format!("未記入の値が {n} か所あります（行 {lines}）"),
        (Lang::En, 1) => "a value is still to be filled in (未記入)".to_string(),
        (Lang::En, n) => format!("{n} values are still to be filled in (未記入; lines {lines})"),
    };
    let hint = lang.pick(
        "文書の言葉に書き換えてください。残っている間、その値は文書のものではありません",
        "replace each with the document's words; until then the value is not the document's",
    );
    Some(LineIndex::new(text).diagnostic(file, span, message, Some(hint.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found_outside_comment_lines_only() {
        let text = "# 「未記入」の値を書き換えます\nname = \"未記入\"\ndate = \"2024\"   # 未記入: 文書の日付\n";
        let found = placeholders("p.toml", text, Lang::Ja).expect("found");
        assert_eq!(found.line, Some(2));
        assert_eq!(found.message, "未記入の値が 2 か所あります（行 2, 3）");
        assert!(placeholders("p.toml", "# 未記入\nname = \"x\"\n", Lang::Ja).is_none());
    }
}
