//! The columns of a roster and the mapping file (`--map`) that renames them and turns a
//! personnel system's codes (給料表の級, 所属コード, 職種コード) into the profile's ids.

use std::collections::HashMap;

use serde::Deserialize;

/// A column Michi reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Name,
    Birth,
    Hire,
    Series,
    Grade,
    GradeSince,
    Department,
    DepartmentSince,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Id,
        Column::Name,
        Column::Birth,
        Column::Hire,
        Column::Series,
        Column::Grade,
        Column::GradeSince,
        Column::Department,
        Column::DepartmentSince,
    ];

    /// The key of the column in a mapping file's `[columns]`.
    pub fn key(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Name => "name",
            Column::Birth => "birth_date",
            Column::Hire => "hire_date",
            Column::Series => "series",
            Column::Grade => "grade",
            Column::GradeSince => "grade_since",
            Column::Department => "department",
            Column::DepartmentSince => "department_since",
        }
    }

    /// The header a 人事給与 export uses by default.
    pub fn default_header(self) -> &'static str {
        match self {
            Column::Id => "職員番号",
            Column::Name => "氏名",
            Column::Birth => "生年月日",
            Column::Hire => "採用年月日",
            Column::Series => "職種",
            Column::Grade => "職級",
            Column::GradeSince => "職級発令日",
            Column::Department => "所属",
            Column::DepartmentSince => "所属発令日",
        }
    }

    /// Whether a report cannot be made without it.
    pub fn required(self) -> bool {
        matches!(
            self,
            Column::Id | Column::Name | Column::Birth | Column::Hire | Column::Grade
        )
    }
}

/// A mapping file: `[columns]` (Michi's key = your header), and code tables `[series]`,
/// `[grades]`, `[departments]` (your code = the profile's id or name).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterMap {
    #[serde(default)]
    pub columns: HashMap<String, String>,
    #[serde(default)]
    pub series: HashMap<String, String>,
    #[serde(default)]
    pub grades: HashMap<String, String>,
    #[serde(default)]
    pub departments: HashMap<String, String>,
}

impl RosterMap {
    /// The header naming `column`: the mapping's, else the default.
    pub fn header(&self, column: Column) -> &str {
        self.columns
            .get(column.key())
            .map_or(column.default_header(), String::as_str)
    }

    /// Keys of `[columns]` that are no column of Michi's (a misspelling).
    pub fn unknown_columns(&self) -> Vec<&str> {
        let mut unknown: Vec<&str> = self
            .columns
            .keys()
            .map(String::as_str)
            .filter(|k| !Column::ALL.iter().any(|c| c.key() == *k))
            .collect();
        unknown.sort_unstable();
        unknown
    }
}

/// Where each column is in a file's header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    positions: HashMap<Column, usize>,
}

impl Layout {
    /// Finds the columns in `header`; `Err` lists the required ones missing.
    pub fn find(header: &[String], map: &RosterMap) -> Result<Layout, Vec<Column>> {
        let mut positions = HashMap::new();
        for column in Column::ALL {
            let wanted = map.header(column);
            let at = header
                .iter()
                .position(|h| h == wanted)
                .or_else(|| header.iter().position(|h| h == column.key()));
            if let Some(at) = at {
                positions.insert(column, at);
            }
        }
        let missing: Vec<Column> = Column::ALL
            .into_iter()
            .filter(|c| c.required() && !positions.contains_key(c))
            .collect();
        if missing.is_empty() {
            Ok(Layout { positions })
        } else {
            Err(missing)
        }
    }

    /// The cell of `column` in `cells`, trimmed; None when the column is absent or the
    /// cell is empty.
    pub fn get<'c>(&self, cells: &[&'c str], column: Column) -> Option<&'c str> {
        let at = *self.positions.get(&column)?;
        cells.get(at).map(|c| c.trim()).filter(|c| !c.is_empty())
    }

    pub fn has(&self, column: Column) -> bool {
        self.positions.contains_key(&column)
    }
}

/// A mapping file to start from, for `profile`: every column with its default header, and
/// the code tables with the profile's ids listed as comments.
pub fn template(profile: &crate::model::Profile) -> String {
    let mut t = String::new();
    t.push_str("# Michi roster mapping (michi roster FILE --profile ");
    t.push_str(&profile.id);
    t.push_str(" --map THIS_FILE)\n");
    t.push_str("# [columns]: Michi's key = the header in your export. Required: id, name, birth_date,\n");
    t.push_str("# hire_date, grade. Dates may be 2026-04-01, 2026/4/1, 20260401 or 和暦 (R8.4.1).\n\n[columns]\n");
    for c in Column::ALL {
        t.push_str(&format!("{} = \"{}\"\n", c.key(), c.default_header()));
    }
    t.push_str("\n# [series]: your 職種 code = the profile's series id. The profile's series:\n");
    for s in &profile.job_series {
        t.push_str(&format!("#   {} = {}\n", s.id, s.name));
    }
    t.push_str("[series]\n# \"01\" = \"");
    t.push_str(profile.job_series.first().map_or("", |s| s.id.as_str()));
    t.push_str("\"\n\n# [grades]: your code (給料表の級 …) = the profile's grade id. The profile's grades:\n");
    for s in &profile.job_series {
        for g in profile.ladder(s).iter() {
            t.push_str(&format!("#   {} = {}（{}）\n", g.id, g.name, s.name));
        }
    }
    t.push_str("[grades]\n# \"3\" = \"");
    t.push_str(
        profile
            .job_series
            .first()
            .and_then(|s| profile.ladder(s).first())
            .map_or("", |g| g.id.as_str()),
    );
    t.push_str("\"\n\n# [departments]: your 所属コード = the profile's department id or name.\n[departments]\n");
    t
}
