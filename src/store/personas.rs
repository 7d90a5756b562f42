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

/// The first comment line of a persona: its one-line description.
pub fn description(text: &str) -> &str {
    text.lines().next().and_then(|l| l.strip_prefix("# ")).unwrap_or("")
}
