//! The user's interface settings (language, theme, borders, mouse), kept in
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
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Ja,
            theme: "default".into(),
            ascii: false,
            mouse: true,
        }
    }
}

pub fn settings_path() -> Option<PathBuf> {
    crate::store::profiles::config_dir().map(|d| d.join("settings.toml"))
}

/// The saved settings, or the defaults with a message when the file is broken (it is then
/// left alone: Michi never overwrites a file it could not read).
pub fn load(path: Option<&Path>) -> (Settings, Option<String>, bool) {
    let Some(path) = path else {
        return (Settings::default(), None, true);
    };
    match std::fs::read_to_string(path) {
        Ok(text) => match toml::from_str(&text) {
            Ok(s) => (s, None, true),
            Err(e) => (
                Settings::default(),
                Some(format!(
                    "{}: {}",
                    path.display(),
                    crate::text::escape_controls(e.message())
                )),
                false,
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Settings::default(), None, true),
        Err(e) => (Settings::default(), Some(format!("{}: {e}", path.display())), false),
    }
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
