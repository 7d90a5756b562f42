//! Reading a roster file for the roster screen, as `michi roster FILE --profile ID` reads
//! it (default column names, no mapping file; encoding and separator detected). The read is
//! synchronous: it streams at about 700,000 rows a second, so a municipality's roster (a
//! few hundred to a few hundred thousand rows) holds the screen for well under a second.
//! A posting history for the rotation page is read the same way, then the roster file is
//! streamed once more to join it, as `michi roster --history` does.

use crate::i18n::Lang;
use std::path::Path;

use crate::model::Date;
use crate::store::roster::history::{HISTORY_COLUMNS, read_history, rotation};
use crate::store::roster::{ReadOptions, RosterError, RosterMap, RosterOptions, read_roster};
use crate::tui::shell::expand_home;
use crate::tui::state::{RosterHistory, RosterScreen, Said, State};
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
        Ok(run) => Ok(RosterScreen::new(
            path.clone(),
            entry.profile.id.clone(),
            entry.profile.name.clone(),
            run,
        )),
        Err(RosterError::MissingColumns { missing, found }) => {
            let names: Vec<String> = missing
                .iter()
                .map(|c| crate::text::escape_controls(map.header(*c)))
                .collect();
            let headers = |l| crate::describe::roster::found_headers(&found, l);
            Err(Said::each(|l| match l {
                Lang::Ja => format!(
                    "{shown}: 必要な列 {} がありません。見出しは {}。列名の違う名簿は michi roster --map で読めます（michi roster map-template）",
                    names.join("・"),
                    headers(l)
                ),
                Lang::En => format!(
                    "{shown}: the columns {} are missing; the header has {}. A roster with other column names reads with michi roster --map (michi roster map-template)",
                    names.join(", "),
                    headers(l)
                ),
            }))
        }
        Err(e @ (RosterError::Read(_) | RosterError::MissingHistoryColumns { .. })) => Err(Said::each(|l| {
            let e = crate::describe::roster::roster_error(&e, l);
            match l {
                Lang::Ja => format!("{shown} を読めません: {e}"),
                Lang::En => format!("Cannot read {shown}: {e}"),
            }
        })),
    };
    Outcome::RosterRead(Box::new(result))
}

/// The posting history `file` (as typed) read against the profile `profile` (an id) and
/// joined to the roster at `roster` as of `as_of`.
pub fn join_history(state: &State, file: &str, roster: &Path, profile: &str, as_of: Date) -> Outcome {
    let path = expand_home(file);
    let shown = crate::text::escape_controls(&path.display().to_string());
    let Some(entry) = state.catalog.get(profile) else {
        return Outcome::HistoryRead(Box::new(Err(Said::each(|l| match l {
            Lang::Ja => format!("プロファイル {profile} は読み込まれていません"),
            Lang::En => format!("The profile {profile} is not loaded"),
        }))));
    };
    let map = RosterMap::default();
    let options = RosterOptions {
        read: ReadOptions::default(),
        today: as_of,
        years: crate::engine::roster::DEFAULT_YEARS,
        anonymous: false,
    };
    let result = read_history(&path, &entry.profile, &map, &options.read)
        .and_then(|read| rotation(roster, &entry.profile, &map, &options, read))
        .map(|section| RosterHistory {
            path: path.clone(),
            section,
        })
        .map_err(|e| match e {
            RosterError::MissingHistoryColumns { found } => {
                let trimmed: Vec<&str> = found.iter().map(|h| h.trim()).collect();
                // 終了日 may be left out (every posting then lasts).
                let missing: Vec<&str> = HISTORY_COLUMNS[..3]
                    .iter()
                    .copied()
                    .filter(|c| !trimmed.contains(c))
                    .collect();
                let missing = missing.join("・");
                Said::each(|l| {
                    let found = crate::describe::roster::found_headers(&found, l);
                    match l {
                        Lang::Ja => format!(
                            "{shown}: 配属履歴に必要な列 {missing} がありません。見出しは {found}。必要な見出し: 職員番号・所属・開始日（・終了日）"
                        ),
                        Lang::En => format!(
                            "{shown}: the posting history lacks the columns {missing}; the header has {found}. It needs 職員番号, 所属, 開始日 (and 終了日)"
                        ),
                    }
                })
            }
            // The roster's own columns were there when it was read; it changed since.
            e => Said::each(|l| {
                let e = crate::describe::roster::roster_error(&e, l);
                match l {
                    Lang::Ja => format!("{shown} を読めません: {e}"),
                    Lang::En => format!("Cannot read {shown}: {e}"),
                }
            }),
        });
    Outcome::HistoryRead(Box::new(result))
}
