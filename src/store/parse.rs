//! Turning a TOML file into a checked model value, with every problem located in the file.
//! Shared by profiles and plans: decode, parse, refuse control characters, check the
//! document's structure against the format's shape, deserialize, validate, and map each
//! problem back to a line and column.
//!
//! A file is parsed once. The spanned document the parser builds is scanned for control
//! characters, walked against the format's shape ([`crate::store::shape_check`]), and then
//! handed to serde; a valid file is never parsed again. Only when
//! validation finds problems is the text parsed a second time, to find their places: that
//! costs nothing on the common path, where keeping every span alive through validation
//! would cost a clone of the whole document.

use std::any::TypeId;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Mutex, OnceLock};

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::i18n::Lang;
use crate::model::{FieldPath, Found, PathSeg, Problem};
use crate::store::diagnostic::{Diagnostic, LineIndex, MAX_SHOWN, Problems};
use crate::store::schema::{TableShape, shape_of};
use crate::store::shape_check::check_shape;
use crate::store::source::decode;
use crate::text::is_forbidden_char;

/// A parsed document kept for locating problems after deserialization.
struct Located<'a> {
    file: &'a str,
    lines: &'a LineIndex<'a>,
    root: Spanned<DeTable<'a>>,
}

impl Located<'_> {
    /// A diagnostic for a model problem found by validation, which causes `caused` others.
    fn problem(&self, problem: &Problem, caused: usize, lang: Lang) -> Diagnostic {
        self.lines.diagnostic(
            self.file,
            span_of(&self.root, &problem.path),
            problem.kind.message(lang),
            Some(hint(problem, caused, lang)),
        )
    }
}

/// The byte span of the value at `path`, or of the deepest part of it that exists.
fn span_of(root: &Spanned<DeTable<'_>>, path: &FieldPath) -> Range<usize> {
    let mut span = root.span();
    let mut table: Option<&DeTable<'_>> = Some(root.get_ref());
    let mut array: Option<&[Spanned<DeValue<'_>>]> = None;
    for seg in &path.0 {
        let next = match (seg, table, array) {
            (PathSeg::Key(key), Some(t), _) => t.get(key.as_ref()),
            (PathSeg::Index(i), _, Some(a)) => a.get(*i),
            _ => None,
        };
        let Some(value) = next else { break };
        span = value.span();
        table = value.get_ref().as_table();
        array = value.get_ref().as_array().map(|a| &a[..]);
    }
    span
}

/// Parses `bytes` as a TOML document of type `T`, then runs `validate` on it, asking it for
/// at most `limit` problems (it may also complete the value: a plan reads the names it
/// holds where ids belong). Returns the value, or the problems found: every structural
/// problem (keys missing, unknown or of the wrong type: the document is walked against
/// `T`'s shape before serde sees it), else every consistency problem; the first
/// [`MAX_SHOWN`] shown, the rest counted. Syntax errors stop at the first, as a compiler's do.
pub fn parse_toml<T: DeserializeOwned + 'static>(
    file: &str,
    bytes: &[u8],
    lang: Lang,
    validate: impl FnOnce(&mut T, usize) -> Found,
) -> Result<T, Problems> {
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(Problems::one(match e.position() {
                Some((line, column)) => {
                    Diagnostic::at_position(file, None, line, column, e.message(lang), e.hint(lang))
                }
                None => Diagnostic::file_level(file, e.message(lang), e.hint(lang)),
            }));
        }
    };
    let root = match DeTable::parse(&text) {
        Ok(root) => root,
        Err(e) => return Err(Problems::one(toml_error(file, &LineIndex::new(&text), &e, lang))),
    };
    let mut controls = Controls::default();
    controls.scan_table(root.get_ref());
    let (shaped, shaped_more) = match shape_for::<T>() {
        Some(shape) => check_shape(root.get_ref(), &text, shape),
        None => (Vec::new(), 0),
    };
    let mut problems = Problems::new();
    if !controls.found.is_empty() || !shaped.is_empty() {
        let lines = LineIndex::new(&text);
        let mut found: Vec<(Range<usize>, Diagnostic)> = Vec::with_capacity(controls.found.len() + shaped.len());
        for (span, c) in controls.found.drain(..) {
            let d = lines.diagnostic(file, span.clone(), control_message(c, lang), Some(control_hint(lang)));
            found.push((span, d));
        }
        for p in shaped.iter() {
            let told = p.kind.told(lang);
            let d = lines
                .diagnostic(file, p.span.clone(), told.message, Some(told.hint))
                .with_example(told.example);
            found.push((p.span.clone(), d));
        }
        found.sort_by_key(|(span, _)| span.start);
        for (_, d) in found {
            problems.push(d);
        }
    }
    problems.count_more(controls.more.saturating_add(shaped_more));
    if !shaped.is_empty() {
        // The model cannot be built: serde would only repeat the first of these.
        return Err(problems);
    }
    let deserialized = T::deserialize(toml::de::Deserializer::from(root));
    let mut value = match deserialized {
        Ok(value) => value,
        Err(e) => {
            problems.push(toml_error(file, &LineIndex::new(&text), &e, lang));
            return Err(problems);
        }
    };
    let room = MAX_SHOWN.saturating_sub(problems.total());
    let found = validate(&mut value, room);
    if found.problems.is_empty() && found.more == 0 && problems.is_empty() {
        return Ok(value);
    }
    // The value is not returned: let it go before the document is parsed again to locate
    // the problems, so the two never take memory at the same time.
    drop(value);
    if !found.problems.is_empty() {
        let lines = LineIndex::new(&text);
        match DeTable::parse(&text) {
            Ok(root) => {
                let located = Located {
                    file,
                    lines: &lines,
                    root,
                };
                for (i, p) in found.problems.iter().enumerate() {
                    problems.push(located.problem(p, found.caused_by(i), lang));
                }
            }
            // The text parsed a moment ago; should it not, the problems are still told.
            Err(_) => {
                for (i, p) in found.problems.iter().enumerate() {
                    let hint = hint(p, found.caused_by(i), lang);
                    problems.push(lines.diagnostic(file, 0..0, p.kind.message(lang), Some(hint)));
                }
            }
        }
    }
    problems.count_more(found.more);
    problems.count_follow_ons(found.follow_ons);
    Err(problems)
}

/// Diagnostics at the places `items` name (a path, a message, a hint) in `text`, for
/// warnings about a file already read: the text is parsed again to find them. An empty
/// path is about the file as a whole.
pub(crate) fn locate(file: &str, text: &str, items: Vec<(FieldPath, String, String)>) -> Vec<Diagnostic> {
    let lines = LineIndex::new(text);
    let root = DeTable::parse(text).ok();
    items
        .into_iter()
        .map(|(path, message, hint)| match &root {
            Some(root) if !path.0.is_empty() => lines.diagnostic(file, span_of(root, &path), message, Some(hint)),
            _ => Diagnostic::file_level(file, message, hint),
        })
        .collect()
}

/// What to do about a consistency problem, with how many others it causes.
fn hint(problem: &Problem, caused: usize, lang: Lang) -> String {
    let hint = problem.kind.hint(lang);
    match (caused, lang) {
        (0, _) => hint,
        (n, Lang::Ja) => format!("{hint}。これを直すと、この誤りによるほかの {n} 件も解消します"),
        (n, Lang::En) => format!("{hint}; fixing this also settles the {n} other problems it causes"),
    }
}

/// The shape of `T`'s files, traced once per type and kept for the program's life.
fn shape_for<T: DeserializeOwned + 'static>() -> Option<&'static TableShape> {
    static SHAPES: OnceLock<Mutex<HashMap<TypeId, Option<&'static TableShape>>>> = OnceLock::new();
    let shapes = SHAPES.get_or_init(|| Mutex::new(HashMap::new()));
    let mut shapes = shapes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    *shapes
        .entry(TypeId::of::<T>())
        .or_insert_with(|| shape_of::<T>().map(|shape| &*Box::leak(Box::new(shape))))
}

/// Keys and strings holding a character that could drive the terminal: the first
/// [`MAX_SHOWN`] places, and a count of the rest.
#[derive(Default)]
struct Controls {
    found: Vec<(Range<usize>, char)>,
    more: usize,
}

impl Controls {
    fn scan_table(&mut self, table: &DeTable<'_>) {
        for (key, value) in table.iter() {
            self.check(key.get_ref(), key.span());
            self.scan_value(value);
        }
    }

    fn scan_value(&mut self, value: &Spanned<DeValue<'_>>) {
        match value.get_ref() {
            DeValue::String(s) => self.check(s, value.span()),
            DeValue::Array(items) => items.iter().for_each(|v| self.scan_value(v)),
            DeValue::Table(t) => self.scan_table(t),
            _ => {}
        }
    }

    fn check(&mut self, text: &str, span: Range<usize>) {
        if let Some(c) = text.chars().find(|&c| is_forbidden_char(c)) {
            if self.found.len() < MAX_SHOWN {
                self.found.push((span, c));
            } else {
                self.more += 1;
            }
        }
    }
}

fn control_message(c: char, lang: Lang) -> String {
    let code = format!("U+{:04X}", c as u32);
    match lang {
        Lang::Ja => format!("文字列に制御文字 {code} が含まれています"),
        Lang::En => format!("the text contains the control character {code}"),
    }
}

fn control_hint(lang: Lang) -> String {
    lang.pick(
        "端末を操作する文字（ESC・BEL・双方向制御など）は使えません。削除してください",
        "characters that drive a terminal (ESC, BEL, bidi controls, …) are not allowed: remove it",
    )
    .to_string()
}

/// A TOML syntax error, or a shape error serde still found, told in the interface
/// language with a useful hint.
fn toml_error(file: &str, lines: &LineIndex<'_>, error: &toml::de::Error, lang: Lang) -> Diagnostic {
    let (message, hint) = crate::store::toml_words::describe(error.message(), lang);
    match error.span() {
        Some(span) => lines.diagnostic(file, span, message, Some(hint)),
        None => Diagnostic::file_level(file, message, hint),
    }
}
