//! What a policy says beyond ladders and tables: the employee it aims for (目指す職員像),
//! the career-support measures it promises (面談, 自己申告, メンター, 公募 …) and the ways it
//! delivers training (集合研修, オンライン研修 …). Each is carried in the document's words
//! with its source, for the terminal app's 育成の仕組み view and the interview features.

use serde::{Deserialize, Serialize};

/// A sentence quoted from the document, with where it stands.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    pub source: String,
}

/// One 目指す職員像 (the employee the city wants), as the document names and explains it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ideal {
    pub name: String,
    /// The document's explanation; absent when it gives only the name.
    #[serde(default)]
    pub text: Option<String>,
    pub source: String,
}

/// What kind of career-support measure a document describes: a normalised kind for the
/// features that use it (the interview mode reads `interview` and `self_report`); the
/// document's own name stays in [`Measure::name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    /// 面談 (人事評価の面談, 育成面談, 期首・期末面談).
    Interview,
    /// 自己申告, 意向調査.
    SelfReport,
    /// キャリアデザインシート, キャリアデザイン研修 as a planning measure.
    CareerDesign,
    /// キャリアパスの明示.
    CareerPath,
    /// メンター, サポーター, 相談役.
    Mentor,
    /// ロールモデル.
    RoleModel,
    /// 公募 (庁内公募, 公募制の研修・異動).
    OpenRecruitment,
    /// 派遣, 人材交流.
    Exchange,
    /// 人事評価 and its feedback.
    Evaluation,
    Other,
}

impl MeasureKind {
    pub fn label_ja(self) -> &'static str {
        match self {
            MeasureKind::Interview => "面談",
            MeasureKind::SelfReport => "自己申告・意向調査",
            MeasureKind::CareerDesign => "キャリアデザイン",
            MeasureKind::CareerPath => "キャリアパス",
            MeasureKind::Mentor => "メンター・サポーター",
            MeasureKind::RoleModel => "ロールモデル",
            MeasureKind::OpenRecruitment => "公募",
            MeasureKind::Exchange => "派遣・人材交流",
            MeasureKind::Evaluation => "人事評価",
            MeasureKind::Other => "その他",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            MeasureKind::Interview => "Interviews",
            MeasureKind::SelfReport => "Self-report",
            MeasureKind::CareerDesign => "Career design",
            MeasureKind::CareerPath => "Career paths",
            MeasureKind::Mentor => "Mentors and supporters",
            MeasureKind::RoleModel => "Role models",
            MeasureKind::OpenRecruitment => "Open recruitment",
            MeasureKind::Exchange => "Secondment and exchange",
            MeasureKind::Evaluation => "Evaluation",
            MeasureKind::Other => "Other",
        }
    }
}

/// A career-support measure the document describes (or plans: `status`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub kind: MeasureKind,
    /// The document's name for it (育成面談, 自己申告書, 新規採用職員サポーター制度 …).
    pub name: String,
    /// The document's words.
    pub text: String,
    /// When it happens, as the document says (期首・期末, 毎年 …); absent when it does not say.
    #[serde(default)]
    pub timing: Option<String>,
    /// Who it is for or who takes part, as the document says.
    #[serde(default)]
    pub who: Option<String>,
    /// How far along the document says it is (実施中, 検討, 拡充 …); absent when it does not say.
    #[serde(default)]
    pub status: Option<String>,
    pub source: String,
}

/// A way of delivering training (集合研修, オンライン研修, 公募制による研修): an attribute of
/// trainings, not a training of its own.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DeliveryMethod {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub text: Option<String>,
    pub source: String,
}
