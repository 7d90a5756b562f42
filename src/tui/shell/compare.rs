//! Reading the two plans of a comparison: saved plan files (read only, never locked) and
//! the samples shipped with Michi.

use crate::i18n::Lang;
use crate::model::Plan;
use crate::store::personas::PERSONAS;
use crate::store::{load_plan_file, parse_plan};
use crate::tui::state::{CompareSource, Said, State};
use crate::tui::update::Outcome;

/// One plan read and checked against its profile, or its problems told in both languages.
fn read(state: &State, source: &CompareSource) -> Result<Plan, Said> {
    let in_lang = |lang: Lang| -> Result<Plan, String> {
        match source {
            CompareSource::Saved(path) => load_plan_file(path, &state.catalog, lang).map_err(|p| p.render(lang)),
            CompareSource::Persona(name) => {
                let (_, text) = PERSONAS
                    .iter()
                    .find(|(n, _)| n == name)
                    .ok_or_else(|| (*name).to_string())?;
                parse_plan(name, text.as_bytes(), &state.catalog, lang).map_err(|p| p.render(lang))
            }
        }
    };
    match in_lang(state.lang()) {
        Ok(plan) => Ok(plan),
        // A plan that does not read is rare: it is read again to tell its problems in the
        // other language too.
        Err(_) => Err(Said::each(|l| in_lang(l).err().unwrap_or_default())),
    }
}

/// Both plans of a comparison.
pub fn read_both(state: &State, first: &CompareSource, second: &CompareSource) -> Outcome {
    Outcome::CompareRead {
        first: Box::new(read(state, first)),
        second: Box::new(read(state, second)),
    }
}
