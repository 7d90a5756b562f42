//! The user's interface settings (language, theme, borders, mouse, 和暦, ambiguous width), kept in
//! `settings.toml` in the config directory.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub lang: Lang,
    /// default | high-contrast | mono
    pub theme: String,
    pub ascii: bool,
    pub mouse: bool,
    /// Fiscal years with their 和暦 (Japanese only).
    pub wareki: bool,
    /// The terminal draws ambiguous-width characters two columns wide.
    pub ambiguous_wide: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Ja,
            theme: "default".into(),
            ascii: false,
            mouse: true,
            wareki: true,
            ambiguous_wide: false,
        }
    }
}

pub fn settings_path() -> Option<PathBuf> {
    crate::store::profiles::config_dir().map(|d| d.join("settings.toml"))
}

/// Parses settings. `file` names the file in messages.
pub fn parse_settings(file: &str, bytes: &[u8], lang: Lang) -> Result<Settings, crate::store::Problems> {
    crate::store::parse::parse_toml::<Settings>(file, bytes, lang, |_, _| crate::model::Found::default())
}

/// The saved settings, or the defaults with a message when the file is broken (it is then
/// left alone: Michi never overwrites a file it could not read). The file is read as plans
/// are: never a FIFO or a device (a start would hang), never more than the size limit.
pub fn load(path: Option<&Path>) -> (Settings, Option<String>, bool) {
    let Some(path) = path else {
        return (Settings::default(), None, true);
    };
    let file = path.display().to_string();
    // The language is in the file itself; its problems are told in the default one.
    let lang = Lang::default();
    let problems = match crate::store::source::read_limited(path) {
        Ok(bytes) => match parse_settings(&file, &bytes, lang) {
            Ok(settings) => return (settings, None, true),
            Err(problems) => problems,
        },
        Err(crate::store::source::SourceError::Unreadable { .. }) if !path.exists() => {
            return (Settings::default(), None, true);
        }
        Err(e) => crate::store::Problems::one(crate::store::Diagnostic::file_level(
            &file,
            e.message(lang),
            e.hint(lang),
        )),
    };
    let message = problems
        .first()
        .map(|d| format!("{}: {}", d.location(), d.message))
        .unwrap_or_default();
    (Settings::default(), Some(message), false)
}

pub fn save(path: &Path, settings: &Settings) -> std::io::Result<()> {
    if let Some(dir) = path.parent()
        && !dir.exists()
    {
        crate::store::fsio::create_private_dir(dir)?;
    }
    let text = toml::to_string(settings).map_err(std::io::Error::other)?;
    crate::store::fsio::write_private_atomic(path, text.as_bytes())
}
