//! Lists of tables inside a table of a list: an interview's `[[interviews.goals]]`.

use toml_edit::{ArrayOfTables, Item, Table};

use super::fields::{Entries, Scalar};
use super::{edit_tables, new_table};

/// Brings lists of tables inside a table (an interview's `[[interviews.goals]]`) from `old`
/// to `new` table by table, so their comments stay; a new list is written the same way.
/// Lists written inline by hand (`goals = [{ … }]`) are left to [`edit_entries`]. Returns
/// the keys done, and comment lines of removed tables that had nowhere to go.
pub(super) fn edit_nested_tables(
    table: &mut Table,
    old: &[(String, Scalar)],
    new: &[(String, Scalar)],
) -> (Vec<String>, Option<String>) {
    let mut handled = Vec::new();
    let mut orphans = String::new();
    for (key, value) in new {
        let Scalar::Tables(new_rows) = value else { continue };
        let old_rows = old.iter().find_map(|(k, v)| match v {
            Scalar::Tables(rows) if k == key => Some(rows.as_slice()),
            _ => None,
        });
        match table.get_mut(key) {
            Some(Item::ArrayOfTables(tables)) => {
                let (orphan, _) = edit_tables(tables, old_rows.unwrap_or_default(), new_rows);
                orphans.push_str(&orphan.unwrap_or_default());
            }
            None => {
                table.insert(key, Item::ArrayOfTables(new_tables(new_rows)));
            }
            Some(_) => continue,
        }
        handled.push(key.clone());
    }
    // A list emptied: the comments of its tables go where a removed key's would.
    for (key, value) in old {
        let Scalar::Tables(old_rows) = value else { continue };
        if new.iter().any(|(k, _)| k == key) {
            continue;
        }
        if let Some(Item::ArrayOfTables(tables)) = table.get_mut(key) {
            let (orphan, _) = edit_tables(tables, old_rows, &[]);
            orphans.push_str(&orphan.unwrap_or_default());
            table.remove(key);
            handled.push(key.clone());
        }
    }
    (handled, (!orphans.is_empty()).then_some(orphans))
}

pub(super) fn new_tables(rows: &[Entries]) -> ArrayOfTables {
    let mut tables = ArrayOfTables::new();
    for row in rows {
        tables.push(new_table(row));
    }
    tables
}
