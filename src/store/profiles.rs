//! Profiles on disk and in the binary: the five bundled municipalities, the user's own
//! profile directory, and the catalog that merges them (a user profile with a bundled id
//! replaces it; a broken user profile is set aside with its problems, never fatal).

use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::model::Profile;
use crate::store::diagnostic::{Diagnostic, Problems};
use crate::store::parse::parse_toml;
use crate::store::source::read_limited;
use crate::text::escape_controls;

/// The bundled profiles: file name and TOML text, compiled into the binary.
pub const BUNDLED: &[(&str, &str)] = &[
    ("ageo.toml", include_str!("../../profiles/ageo.toml")),
    ("iruma.toml", include_str!("../../profiles/iruma.toml")),
    ("kawagoe.toml", include_str!("../../profiles/kawagoe.toml")),
    ("akishima.toml", include_str!("../../profiles/akishima.toml")),
    ("joetsu.toml", include_str!("../../profiles/joetsu.toml")),
];

/// What the start screen shows of a bundled profile: enough to list it before the profile
/// itself is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileHeader {
    pub id: &'static str,
    pub name: &'static str,
    pub name_romaji: &'static str,
    /// The policy document's title.
    pub title: &'static str,
}

/// The bundled profiles' headers, taken from the TOML at build time (build.rs); the tests
/// check them against the loaded profiles.
pub const BUNDLED_HEADERS: &[ProfileHeader] = include!(concat!(env!("OUT_DIR"), "/bundled_headers.rs"));

/// The bundled profiles prepared at build time (build.rs): the same data as [`BUNDLED`], in
/// the same order, as JSON, which reads about six times faster than the TOML. Empty when the
/// TOML did not parse at build time.
const PREPARED: [&str; 5] = [
    include_str!(concat!(env!("OUT_DIR"), "/ageo.json")),
    include_str!(concat!(env!("OUT_DIR"), "/iruma.json")),
    include_str!(concat!(env!("OUT_DIR"), "/kawagoe.json")),
    include_str!(concat!(env!("OUT_DIR"), "/akishima.json")),
    include_str!(concat!(env!("OUT_DIR"), "/joetsu.json")),
];

/// A bundled profile, read from its prepared form. It is not validated again at every
/// start: the tests check every bundled profile (`every_bundled_profile_loads_without_problems`)
/// and that the prepared form is the same profile. Should the prepared form not read, the
/// TOML is parsed and checked, so a problem is still reported with its place.
fn load_bundled(name: &str, toml_text: &str, prepared: &str, lang: Lang) -> Result<Profile, Problems> {
    match serde_json::from_str::<Profile>(prepared) {
        Ok(profile) => Ok(profile),
        Err(_) => parse_profile(name, toml_text.as_bytes(), lang),
    }
}

/// Each bundled profile as its prepared form gives it, for the test that compares it with
/// the TOML.
#[doc(hidden)]
pub fn prepared_bundled() -> Vec<Option<Profile>> {
    PREPARED.iter().map(|json| serde_json::from_str(json).ok()).collect()
}

/// Parses and validates a profile. `file` names it in messages.
pub fn parse_profile(file: &str, bytes: &[u8], lang: Lang) -> Result<Profile, Problems> {
    parse_toml::<Profile>(file, bytes, lang, |profile, limit| profile.validate_bounded(limit))
}

/// Reads, parses and validates the profile at `path`.
pub fn load_profile_file(path: &Path, lang: Lang) -> Result<Profile, Problems> {
    let file = path.display().to_string();
    let bytes =
        read_limited(path).map_err(|e| Problems::one(Diagnostic::file_level(&file, e.message(lang), e.hint(lang))))?;
    parse_profile(&file, &bytes, lang)
}

/// The directory holding the user's own profiles: `$MICHI_CONFIG_DIR/profiles` when set,
/// else the platform's config directory (`~/.config/michi/profiles` on Linux).
pub fn user_profile_dir() -> Option<PathBuf> {
    config_dir().map(|d| d.join("profiles"))
}

/// Michi's configuration directory.
pub fn config_dir() -> Option<PathBuf> {
    match std::env::var_os("MICHI_CONFIG_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "michi").map(|d| d.config_dir().to_path_buf()),
    }
}

/// Where a profile came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    User(PathBuf),
}

/// A profile available to plan with.
#[derive(Debug, Clone)]
pub struct CatalogEntry {
    pub profile: Profile,
    pub origin: Origin,
    /// Set when this user profile replaces a bundled one with the same id.
    pub overrides_bundled: bool,
}

/// A user profile that could not be used, with the reasons.
#[derive(Debug, Clone)]
pub struct FailedProfile {
    pub path: PathBuf,
    pub diagnostics: Problems,
}

/// Every available profile, plus the user files set aside.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub entries: Vec<CatalogEntry>,
    pub failed: Vec<FailedProfile>,
}

impl Catalog {
    /// The bundled profiles, then the user's from `user_dir` (if given and present).
    pub fn load(user_dir: Option<&Path>, lang: Lang) -> Catalog {
        let mut catalog = Catalog::default();
        let loaded = BUNDLED
            .iter()
            .zip(PREPARED)
            .map(|((name, text), prepared)| (*name, load_bundled(name, text, prepared, lang)));
        for (name, result) in loaded {
            match result {
                Ok(profile) => catalog.entries.push(CatalogEntry {
                    profile,
                    origin: Origin::Bundled,
                    overrides_bundled: false,
                }),
                Err(diagnostics) => catalog.failed.push(FailedProfile {
                    path: PathBuf::from(name),
                    diagnostics,
                }),
            }
        }
        if let Some(dir) = user_dir {
            catalog.add_user_dir(dir, lang);
        }
        catalog
    }

    fn add_user_dir(&mut self, dir: &Path, lang: Lang) {
        // A missing directory simply means no user profiles. Every profile there is read:
        // dropping some past a count would tell a plan that its profile does not exist.
        // Each file is bounded by the size limit, and its problems by the report's bound.
        let paths = crate::store::fsio::toml_files(dir, usize::MAX);
        for path in paths {
            match load_profile_file(&path, lang) {
                Ok(profile) => self.add_user(profile, path, lang),
                Err(diagnostics) => self.failed.push(FailedProfile { path, diagnostics }),
            }
        }
    }

    fn add_user(&mut self, profile: Profile, path: PathBuf, lang: Lang) {
        match self.entries.iter_mut().position(|e| e.profile.id == profile.id) {
            Some(i) if self.entries[i].origin == Origin::Bundled => {
                self.entries[i] = CatalogEntry {
                    profile,
                    origin: Origin::User(path),
                    overrides_bundled: true,
                };
            }
            Some(i) => {
                let other = match &self.entries[i].origin {
                    Origin::User(p) => p.display().to_string(),
                    Origin::Bundled => String::new(),
                };
                let file = path.display().to_string();
                let message = match lang {
                    Lang::Ja => format!("ID `{}` は {other} でも使われています", profile.id),
                    Lang::En => format!("the id `{}` is already used by {other}", profile.id),
                };
                let hint = lang
                    .pick("どちらかの id を変えてください", "give one of them another id")
                    .to_string();
                self.failed.push(FailedProfile {
                    path,
                    diagnostics: Problems::one(Diagnostic::file_level(&file, message, hint)),
                });
            }
            None => self.entries.push(CatalogEntry {
                profile,
                origin: Origin::User(path),
                overrides_bundled: false,
            }),
        }
    }

    pub fn get(&self, id: &str) -> Option<&CatalogEntry> {
        self.entries.iter().find(|e| e.profile.id == id)
    }

    /// The profile `word` names: its id, else the municipality's name (上越市) or its name
    /// in romaji (Joetsu, in any case).
    pub fn read(&self, word: &str) -> crate::model::Reading<&CatalogEntry> {
        use crate::model::Reading;
        if let Some(entry) = self.get(word) {
            return Reading::Id(entry);
        }
        let mut found: Vec<&CatalogEntry> = self
            .entries
            .iter()
            .filter(|e| e.profile.name == word || e.profile.name_romaji.eq_ignore_ascii_case(word))
            .collect();
        match found.len() {
            0 => Reading::Unknown,
            1 => found.pop().map_or(Reading::Unknown, Reading::Name),
            _ => Reading::Ambiguous(found),
        }
    }

    /// Notices to show next to the list: user profiles replacing bundled ones, and user
    /// profiles in format 1.
    pub fn notices(&self, lang: Lang) -> Vec<String> {
        let format1 = self.entries.iter().filter_map(|e| match &e.origin {
            Origin::User(path) => format1_notice(&e.profile, &path.display().to_string(), lang),
            Origin::Bundled => None,
        });
        self.entries
            .iter()
            .filter(|e| e.overrides_bundled)
            .filter_map(|e| match &e.origin {
                Origin::User(path) => {
                    let path = escape_controls(&path.display().to_string());
                    Some(match lang {
                        Lang::Ja => format!(
                            "ユーザーのプロファイル {path} が同梱の `{}` を置き換えています",
                            e.profile.id
                        ),
                        Lang::En => format!("your profile {path} replaces the bundled `{}`", e.profile.id),
                    })
                }
                Origin::Bundled => None,
            })
            .chain(format1)
            .collect()
    }
}

/// What a format 1 profile means, and the command that moves it to format 2; `None` for
/// format 2.
pub fn format1_notice(profile: &Profile, path: &str, lang: Lang) -> Option<String> {
    (profile.schema_version == crate::model::PROFILE_SCHEMA_V1).then(|| {
        let path = escape_controls(path);
        match lang {
            Lang::Ja => format!(
                "{path} は形式 1 です: 要件ごとの数値をそのまま使い、記載のない能力は最低段階として読みます。`michi profile migrate {path}` で形式 2 に移せます"
            ),
            Lang::En => format!(
                "{path} is format 1: its numbers per requirement are used as written and an unlisted ability reads as the lowest level; `michi profile migrate {path}` moves it to format 2"
            ),
        }
    })
}
