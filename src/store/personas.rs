//! The sample personas shipped inside the binary (assets/personas), for workshops and
//! first-time users.

/// File stem and TOML text of each persona.
pub const PERSONAS: &[(&str, &str)] = &[
    (
        "joetsu-shuji-second-year",
        include_str!("../../assets/personas/joetsu-shuji-second-year.toml"),
    ),
    (
        "iruma-shunin-to-kacho",
        include_str!("../../assets/personas/iruma-shunin-to-kacho.toml"),
    ),
    (
        "iruma-back-from-childcare",
        include_str!("../../assets/personas/iruma-back-from-childcare.toml"),
    ),
    (
        "kawagoe-hoiku-shunin",
        include_str!("../../assets/personas/kawagoe-hoiku-shunin.toml"),
    ),
    (
        "akishima-gino-to-ginocho",
        include_str!("../../assets/personas/akishima-gino-to-ginocho.toml"),
    ),
    (
        "ageo-shusa-born-1968",
        include_str!("../../assets/personas/ageo-shusa-born-1968.toml"),
    ),
];

/// A persona's one-line description: its first comment line in Japanese, its second in
/// English (the Japanese when there is no English line).
pub fn description(text: &str, lang: crate::i18n::Lang) -> &str {
    let mut comments = text.lines().map_while(|l| l.strip_prefix("# "));
    let ja = comments.next().unwrap_or("");
    match lang {
        crate::i18n::Lang::Ja => ja,
        crate::i18n::Lang::En => comments.next().unwrap_or(ja),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_persona_is_described_in_both_languages() {
        for (name, text) in PERSONAS {
            let (ja, en) = (description(text, Lang::Ja), description(text, Lang::En));
            assert!(!ja.is_empty() && !en.is_empty() && ja != en, "{name}");
            assert!(en.is_ascii() || en.contains(':'), "{name}: {en}");
        }
    }
}
