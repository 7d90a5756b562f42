//! Text for people, held in both languages, so switching the language (`L`) changes every
//! message already on screen too, load problems included.

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Said {
    pub ja: String,
    pub en: String,
}

impl Said {
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Said {
        Said {
            ja: ja.into(),
            en: en.into(),
        }
    }

    /// Builds the text once per language.
    pub fn each(make: impl Fn(Lang) -> String) -> Said {
        Said {
            ja: make(Lang::Ja),
            en: make(Lang::En),
        }
    }

    /// The same words in both languages (a file name, text from a file).
    pub fn same(text: impl Into<String>) -> Said {
        let text = text.into();
        Said {
            ja: text.clone(),
            en: text,
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}
