//! Reading a roster file for the roster screen, as `michi roster FILE --profile ID` reads
//! it (default column names, no mapping file; encoding and separator detected). The read is
//! synchronous: it streams at about 700,000 rows a second, so a municipality's roster (a
//! few hundred to a few hundred thousand rows) holds the screen for well under a second.

use crate::i18n::Lang;
use crate::store::roster::{ReadOptions, RosterError, RosterMap, RosterOptions, read_roster};
use crate::tui::shell::expand_home;
use crate::tui::state::{RosterScreen, Said, State};
use crate::tui::update::Outcome;

/// The roster `file` (as typed) read against the profile `profile` (an id).
pub fn read(state: &State, file: &str, profile: &str) -> Outcome {
    let path = expand_home(file);
    let shown = crate::text::escape_controls(&path.display().to_string());
    let Some(entry) = state.catalog.get(profile) else {
        return Outcome::RosterRead(Box::new(Err(Said::each(|l| match l {
            Lang::Ja => format!("プロファイル {profile} は読み込まれていません"),
            Lang::En => format!("The profile {profile} is not loaded"),
        }))));
    };
    let map = RosterMap::default();
    let options = RosterOptions {
        read: ReadOptions::default(),
        today: state.base_today(),
        years: crate::engine::roster::DEFAULT_YEARS,
        anonymous: false,
    };
    let result = match read_roster(&path, &entry.profile, &map, &options) {
        Ok(run) => Ok(RosterScreen::new(path.clone(), entry.profile.name.clone(), run)),
        Err(RosterError::MissingColumns { missing, found }) => {
            let names: Vec<String> = missing
                .iter()
                .map(|c| crate::text::escape_controls(map.header(*c)))
                .collect();
            let found = crate::text::escape_controls(&found.join(", "));
            Err(Said::each(|l| match l {
                Lang::Ja => format!(
                    "{shown}: 必要な列 {} がありません。見出しは {found}。列名の違う名簿は michi roster --map で読めます（michi roster map-template）",
                    names.join("・")
                ),
                Lang::En => format!(
                    "{shown}: the columns {} are missing; the header has {found}. A roster with other column names reads with michi roster --map (michi roster map-template)",
                    names.join(", ")
                ),
            }))
        }
        Err(e @ (RosterError::Read(_) | RosterError::MissingHistoryColumns { .. })) => {
            let e = crate::text::escape_controls(&e.to_string());
            Err(Said::each(|l| match l {
                Lang::Ja => format!("{shown} を読めません: {e}"),
                Lang::En => format!("Cannot read {shown}: {e}"),
            }))
        }
    };
    Outcome::RosterRead(Box::new(result))
}
