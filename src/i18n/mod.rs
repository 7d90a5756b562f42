//! Interface language and the words shown to people. Japanese first; English on request
//! (`--lang en`). Each submodule holds one family of words as ja/en pairs chosen by
//! [`Lang::pick`] or by `match` arms, so a missing translation does not compile.

pub mod dates;
pub mod fields;
pub mod input_checks;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// Picks the Japanese or the English text.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}
