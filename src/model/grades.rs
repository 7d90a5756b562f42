//! Ladders and posts: job series (職種・職系), their grades (職級・職位), the positions a
//! grade holds (主任主査 within 主査級), the post classes a city sorts grades into (一般 /
//! 監督職 / 管理職) and whether 役職定年 applies to a grade.

use serde::{Deserialize, Serialize};

/// A job series (職種・職系): one ladder of grades.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct JobSeries {
    pub id: String,
    pub name: String,
    /// Other names the series goes by (search, and names accepted where its id is).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub description: Option<String>,
    pub source: String,
    /// The series is Michi's reading: the document names no such ladder.
    #[serde(default)]
    pub illustrative: bool,
    /// The series' own grades, lowest first. May be empty when the whole ladder is shared
    /// from another series ([`JobSeries::shares_from`]).
    #[serde(default)]
    pub grades: Vec<Grade>,
    /// The ladder continues with another series' grades, from one of them to its top
    /// (事務 and 技術 ladders merging at 副主幹): those grades, their requirements,
    /// promotion steps and roles are written once, in the series that defines them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares_from: Option<SharedGrades>,
}

/// Where a series' ladder joins another's: the grades of `series` from `grade` up.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SharedGrades {
    /// The series that defines the shared grades (it has its own ladder, shared by none).
    pub series: String,
    /// The lowest shared grade: it and every grade above it on `series`' ladder.
    pub grade: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A grade (職級・職位) on a ladder.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// Unique across every series of the profile.
    pub id: String,
    pub name: String,
    /// Other names (主事級, romaji, English): found by search and accepted where the id is.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Phase or growth stage (上尾's 能力開発期, 上越's stages).
    #[serde(default)]
    pub phase: Option<String>,
    /// Format 1's flag, still read: `true` is 管理監督職, subject to 役職定年. Where
    /// `management_limit` or a post class says it, this must agree (see
    /// [`crate::model::Profile::management_limit`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub management: Option<bool>,
    /// The post class (an id of `post_classes`) the grade belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_class: Option<String>,
    /// Whether 役職定年 applies to this grade, said of the grade itself; it overrides its
    /// post class's setting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub management_limit: Option<bool>,
    /// Positions held within the grade (主任主査 within 主査級), in the document's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<Position>,
    /// Role text, one entry per bullet, as the document writes it.
    #[serde(default)]
    pub roles: Vec<String>,
    /// What the document calls the role text (期待される役割, 基本的な職務行動, …).
    #[serde(default)]
    pub roles_heading: Option<String>,
    pub source: String,
    /// The grade is Michi's reading: the document names no such grade.
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// A position within a grade (主任主査 within 主査級): a title the grade's holders may
/// carry, with the grade's requirements, roles and promotion steps.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Unique within its grade.
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A class of posts as the city names it (一般, 監督職, 管理職 …).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PostClass {
    pub id: String,
    /// The city's word for the class.
    pub name: String,
    /// What the document says belongs to it (課長級以上 …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether 役職定年 applies to the grades of this class; absent: the document does
    /// not say (then it does not apply, unless the grade says so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub management_limit: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The class is Michi's reading, not the document's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
}

/// A 特例定年: a retirement age the city's 条例 sets for some posts instead of the national
/// one (地方公務員法第28条の6第3項; 医師 65, …), for one grade or a whole series.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialRetirementAge {
    /// The job series (an id of `job_series`) whose every grade has this age.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// The grade (an id of a grade) that has this age; it wins over its series' entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// The retirement age, from 60 to 70.
    pub age: u8,
    /// The 条例 (and article) that sets it.
    pub source: String,
    /// The age is an example, not the city's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
}

/// The ages a 特例定年 may be written with.
pub const SPECIAL_RETIREMENT_AGES: std::ops::RangeInclusive<u8> = 60..=70;

impl Grade {
    /// The position of this grade with the id `id`.
    pub fn position(&self, id: &str) -> Option<&Position> {
        // A grade holds a handful of positions: a scan is the look-up.
        self.positions.iter().find(|p| p.id == id)
    }
}

/// What says whether 役職定年 applies to a grade, in the order it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitBasis {
    /// The grade's own `management_limit`.
    Grade,
    /// The `management_limit` of the grade's post class.
    PostClass,
    /// Format 1's `management` flag (管理監督職).
    Management,
    /// Nothing says it: 役職定年 is not applied.
    NotStated,
}

/// Whether 役職定年 applies to a grade, and what says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ManagementLimit {
    pub applies: bool,
    pub basis: LimitBasis,
}

/// A series' ladder: its own grades, then the grades it shares from another series. Lowest
/// first; a rank is a position in this order.
#[derive(Debug, Clone, Copy)]
pub struct Ladder<'p> {
    pub own: &'p [Grade],
    pub shared: &'p [Grade],
}

impl<'p> Ladder<'p> {
    pub fn len(&self) -> usize {
        self.own.len() + self.shared.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The grade at `rank` (0 is the lowest).
    pub fn get(&self, rank: usize) -> Option<&'p Grade> {
        match rank.checked_sub(self.own.len()) {
            None => self.own.get(rank),
            Some(r) => self.shared.get(r),
        }
    }

    pub fn first(&self) -> Option<&'p Grade> {
        self.get(0)
    }

    pub fn last(&self) -> Option<&'p Grade> {
        self.len().checked_sub(1).and_then(|r| self.get(r))
    }

    /// The grades, lowest first.
    pub fn iter(self) -> impl DoubleEndedIterator<Item = &'p Grade> + 'p {
        self.own.iter().chain(self.shared.iter())
    }
}

impl crate::model::Profile {
    /// The post class with this id.
    pub fn post_class(&self, id: &str) -> Option<&PostClass> {
        let position = self.index().post_classes.get(id);
        position.and_then(|&i| self.post_classes.get(i)).filter(|c| c.id == id)
    }

    /// The post class a grade names, if it names one that exists.
    pub fn grade_post_class(&self, grade: &Grade) -> Option<&PostClass> {
        grade.post_class.as_deref().and_then(|id| self.post_class(id))
    }

    /// Whether 役職定年 applies to `grade`, read in this order: the grade's own
    /// `management_limit`; its post class's `management_limit`; format 1's `management`
    /// (管理監督職); else it does not apply, because nothing says it does.
    pub fn management_limit(&self, grade: &Grade) -> ManagementLimit {
        let stated = |applies, basis| ManagementLimit { applies, basis };
        if let Some(applies) = grade.management_limit {
            return stated(applies, LimitBasis::Grade);
        }
        if let Some(applies) = self.grade_post_class(grade).and_then(|c| c.management_limit) {
            return stated(applies, LimitBasis::PostClass);
        }
        match grade.management {
            Some(applies) => stated(applies, LimitBasis::Management),
            None => stated(false, LimitBasis::NotStated),
        }
    }

    /// A new plan's grades on `series`: its lowest, and the first grade 役職定年 applies to
    /// (the top when there is none); `None` for an empty ladder.
    pub fn default_grades<'p>(&'p self, series: &'p JobSeries) -> Option<(&'p Grade, &'p Grade)> {
        let ladder = self.ladder(series);
        let target = ladder
            .iter()
            .find(|g| self.management_limit(g).applies)
            .or(ladder.last())?;
        Some((ladder.first()?, target))
    }
}
