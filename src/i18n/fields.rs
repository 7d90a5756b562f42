//! The names of a plan's parts as the terminal app's screens show them (氏名, 生年月日, …).
//! Messages about a field use these same words, so a person can find the field a message
//! talks about on the screen.

use crate::i18n::Lang;

/// A part of a plan a person fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanField {
    /// 氏名
    Name,
    /// 生年月日
    BirthDate,
    /// 採用日
    HireDate,
    /// 職系
    Series,
    /// 現在の職級
    Grade,
    /// 役職: the position held within the current grade (主任主査).
    Position,
    /// 職級の開始日: since when the current grade is held.
    GradeSince,
    /// 目標の職級
    TargetGrade,
    /// 目標年度
    TargetFy,
    /// 区分: generalist or specialist.
    Track,
    /// 配属: one posting.
    Posting,
    /// 休業等: one period of leave.
    Leave,
    /// 受講済みの研修
    CompletedTrainings,
    /// 受講予定の研修
    PlannedTrainings,
    /// 本人評価: the employee's own levels.
    SelfAssessment,
    /// 上司評価: the supervisor's levels.
    SupervisorAssessment,
    /// 根拠: what shows a level.
    Evidence,
    /// 開始日 of a posting or a leave.
    Start,
    /// 終了日 of a posting or a leave.
    End,
    /// 部署 of a posting.
    Department,
    /// 系統: the department family of a posting.
    Family,
    /// 自己申告: transfer wishes and circumstances.
    SelfReport,
    /// 面談日.
    InterviewDate,
    /// A goal's 期限.
    GoalDue,
    /// The date of a 職務行動記録メモ.
    NoteDate,
    /// The course chosen (複線型人事).
    Course,
    /// The field within the course.
    CourseField,
    /// Since when the course is followed.
    CourseSince,
}

impl PlanField {
    /// The label, as written on the app's screens (sentence case in English).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PlanField::Name => lang.pick("氏名", "Name"),
            PlanField::BirthDate => lang.pick("生年月日", "Birth date"),
            PlanField::HireDate => lang.pick("採用日", "Hire date"),
            PlanField::Series => lang.pick("職系", "Job series"),
            PlanField::Grade => lang.pick("現在の職級", "Current grade"),
            PlanField::Position => lang.pick("役職", "Position"),
            PlanField::GradeSince => lang.pick("職級の開始日", "In grade since"),
            PlanField::TargetGrade => lang.pick("目標の職級", "Target grade"),
            PlanField::TargetFy => lang.pick("目標年度", "Target year"),
            PlanField::Track => lang.pick("区分", "Track"),
            PlanField::Posting => lang.pick("配属", "Posting"),
            PlanField::Leave => lang.pick("休業等", "Leave"),
            PlanField::CompletedTrainings => lang.pick("受講済みの研修", "Trainings completed"),
            PlanField::PlannedTrainings => lang.pick("受講予定の研修", "Trainings planned"),
            PlanField::SelfAssessment => lang.pick("本人評価", "Self-assessment"),
            PlanField::SupervisorAssessment => lang.pick("上司評価", "Supervisor's assessment"),
            PlanField::Evidence => lang.pick("根拠", "Evidence"),
            PlanField::Start => lang.pick("開始日", "From"),
            PlanField::End => lang.pick("終了日", "To"),
            PlanField::Department => lang.pick("部署", "Department"),
            PlanField::Family => lang.pick("系統", "Family"),
            PlanField::SelfReport => lang.pick("自己申告", "Self-report"),
            PlanField::InterviewDate => lang.pick("面談日", "Interview date"),
            PlanField::GoalDue => lang.pick("目標の期限", "Goal due"),
            PlanField::NoteDate => lang.pick("記録メモの日付", "Note date"),
            PlanField::Course => lang.pick("コース", "Course"),
            PlanField::CourseField => lang.pick("コースの分野", "Course field"),
            PlanField::CourseSince => lang.pick("コースの開始日", "Course since"),
        }
    }
}
