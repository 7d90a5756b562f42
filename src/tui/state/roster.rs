//! The roster screen (人事課の名簿レポート): the report `michi roster` prints, read from a
//! roster file chosen on the start screen, shown page by page. Read-only, like the compare
//! screen: nothing here writes a file.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::store::roster::RosterRun;
use crate::store::roster::history::RotationSection;

/// A page of the roster screen, in the order `Tab` / `→` turns them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RosterPage {
    /// 定年退職 by fiscal year (the retirement wave), as bars.
    Retirements,
    /// The age pyramid, for all staff or one series and grade.
    Pyramid,
    /// 役職定年 by fiscal year × grade, and who.
    ManagementLimits,
    /// 60歳前年度の情報提供・意思確認: this and next fiscal year's lists.
    TurningSixty,
    /// 後継者: per management grade, the vacancies by fiscal year against the staff eligible
    /// in the grades below; one grade at a time with `f`.
    Succession,
    /// 研修の対象者: per training, the staff in its target grades by fiscal year.
    TrainingDemand,
    /// ローテーション: from a posting history opened with `h`, per rotation rule the staff
    /// inside its window who have not yet served what it asks for, and the staff past the
    /// typical tenure.
    Rotation,
    /// The rows that could not be used, with their reasons.
    Problems,
}

impl RosterPage {
    pub const ALL: [RosterPage; 8] = [
        RosterPage::Retirements,
        RosterPage::Pyramid,
        RosterPage::ManagementLimits,
        RosterPage::TurningSixty,
        RosterPage::Succession,
        RosterPage::TrainingDemand,
        RosterPage::Rotation,
        RosterPage::Problems,
    ];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            RosterPage::Retirements => lang.pick("退職の波", "Retirements"),
            RosterPage::Pyramid => lang.pick("年齢構成", "Ages"),
            RosterPage::ManagementLimits => lang.pick("役職定年", "Post limits"),
            RosterPage::TurningSixty => lang.pick("60歳の意思確認", "Turning 60"),
            RosterPage::Succession => lang.pick("後継者", "Succession"),
            RosterPage::TrainingDemand => lang.pick("研修の対象者", "Training demand"),
            RosterPage::Rotation => lang.pick("ローテーション", "Rotation"),
            RosterPage::Problems => lang.pick("使えなかった行", "Rows not used"),
        }
    }

    /// The title on a tab when the full titles do not fit on the tab line (80 columns).
    pub fn short_title(self, lang: Lang) -> &'static str {
        match self {
            RosterPage::ManagementLimits => lang.pick("役職定年", "Limits"),
            RosterPage::TurningSixty => lang.pick("60歳確認", "Age 60"),
            RosterPage::TrainingDemand => lang.pick("研修対象", "Training"),
            RosterPage::Rotation => lang.pick("ローテ", "Rotation"),
            RosterPage::Problems => lang.pick("使えない行", "Bad rows"),
            page => page.title(lang),
        }
    }

    fn index(self) -> usize {
        RosterPage::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The page `step` pages on (wrapping round).
    pub fn turned(self, forward: bool) -> RosterPage {
        let n = RosterPage::ALL.len();
        let i = if forward {
            self.index() + 1
        } else {
            self.index() + n - 1
        };
        RosterPage::ALL[i % n]
    }
}

/// A posting history (配属履歴) read for the rotation page, joined to the roster.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterHistory {
    /// The history file, as read.
    pub path: PathBuf,
    pub section: RotationSection,
}

/// The roster screen's state: the report read, which page, where it is scrolled to.
#[derive(Debug, Clone)]
pub struct RosterScreen {
    /// The roster file, as read.
    pub path: PathBuf,
    /// The profile's id, which the posting history is read against.
    pub profile: String,
    /// The profile's name (自治体名).
    pub city: String,
    pub run: RosterRun,
    pub page: RosterPage,
    /// The first row shown of the page's scrolled part.
    pub scroll: usize,
    /// On the pyramid page: None shows all staff; Some(i) the i-th series and grade row of
    /// the report's pyramid.
    pub pyramid_row: Option<usize>,
    /// On the retirement page: the years broken down by series.
    pub by_series: bool,
    /// On the succession page: the i-th management grade of the report's succession.
    pub succession_post: usize,
    /// On the training-demand page: the first fiscal year shown across (an index into the
    /// report's years).
    pub training_year: usize,
    /// The posting history opened with `h` (None until one is read).
    pub history: Option<RosterHistory>,
}

impl RosterScreen {
    pub fn new(path: PathBuf, profile: String, city: String, run: RosterRun) -> RosterScreen {
        RosterScreen {
            path,
            profile,
            city,
            run,
            page: RosterPage::Retirements,
            scroll: 0,
            pyramid_row: None,
            by_series: false,
            succession_post: 0,
            training_year: 0,
            history: None,
        }
    }
}

/// The report's figures and lists decide equality (the run's encoding is how it was read).
impl PartialEq for RosterScreen {
    fn eq(&self, other: &RosterScreen) -> bool {
        self.path == other.path
            && self.profile == other.profile
            && self.city == other.city
            && self.run.report == other.run.report
            && self.run.problems == other.run.problems
            && self.run.problem_counts == other.run.problem_counts
            && self.run.encoding == other.run.encoding
            && self.page == other.page
            && self.scroll == other.scroll
            && self.pyramid_row == other.pyramid_row
            && self.by_series == other.by_series
            && self.succession_post == other.succession_post
            && self.training_year == other.training_year
            && self.history == other.history
    }
}
