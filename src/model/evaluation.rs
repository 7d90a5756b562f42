//! The personnel evaluation (人事評価) and the self-report (自己申告) as a city's document
//! describes them: what is evaluated and against which 行動基準 or 着眼点, the 評語 and
//! their definitions, when it happens and who evaluates; who files the self-report, when,
//! what it asks and who reads it. Every part is optional — a document that does not say
//! leaves it out, and Michi then says 「文書に記載なし」 — and every part carries its source.
//! The terminal app shows them in 育成の仕組み; the interview features read them.

use serde::{Deserialize, Serialize};

use crate::model::measures::Quote;

/// 人事評価: the evaluation system as the document describes it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// The document's name for it (人事評価制度).
    pub name: String,
    /// What it is, what it evaluates and what it is used for, in the document's words.
    #[serde(default)]
    pub text: Option<String>,
    pub source: String,
    /// The document says its ability table is what the evaluation rates (上尾: 「標準職務遂行
    /// 能力を…人事評価制度の評価項目として活用しています」).
    #[serde(default)]
    pub ability_table: Option<Quote>,
    /// Kinds of evaluation (業績評価, 能力評価, 意欲・態度評価), in the document's order.
    #[serde(default)]
    pub kinds: Vec<EvaluationKind>,
    /// The 評語 scales (S/A/B/C/D …).
    #[serde(default)]
    pub scales: Vec<RatingScale>,
    /// When it happens (期首, 中間, 期末 …), in the document's order.
    #[serde(default)]
    pub periods: Vec<EvaluationPeriod>,
    /// Who evaluates (1次評価者, 2次評価者, 調整者 …).
    #[serde(default)]
    pub evaluators: Vec<Evaluator>,
}

/// One kind of evaluation (業績評価, 能力評価, 意欲・態度評価).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluationKind {
    pub id: String,
    /// The document's name for it.
    pub name: String,
    /// What it rates, in the document's words.
    #[serde(default)]
    pub text: Option<String>,
    /// How the difficulty of goals (目標の難易度) is set or weighed, in the document's words.
    #[serde(default)]
    pub goal_difficulty: Option<Quote>,
    /// The document says its ability table is this kind's items (昭島: 能力評価).
    #[serde(default)]
    pub ability_table: Option<Quote>,
    /// The id of the 評語 scale it is rated on; where absent and the evaluation has a
    /// single scale, that one (see [`Evaluation::scale_of`]).
    #[serde(default)]
    pub scale: Option<String>,
    /// What the document calls the items (行動基準, 着眼点, 評価項目).
    #[serde(default)]
    pub items_heading: Option<String>,
    /// Its 行動基準 or 着眼点, in the document's order.
    #[serde(default)]
    pub items: Vec<EvaluationItem>,
    pub source: String,
}

/// One 行動基準 or 着眼点 of a kind of evaluation.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluationItem {
    /// For records that point at the item (an interview's notes); unique in the evaluation.
    #[serde(default)]
    pub id: Option<String>,
    /// The 評価要素 it belongs to (積極性, 企画力 …), as the document names it.
    #[serde(default)]
    pub element: Option<String>,
    /// The 行動基準 or 着眼点, as written.
    pub text: String,
    /// Grades it is written for; empty when the document does not tie it to grades.
    #[serde(default)]
    pub grades: Vec<String>,
    /// The competency of the profile it rates, where the document links them.
    #[serde(default)]
    pub competency: Option<String>,
    /// Where it stands, when not in the kind's source.
    #[serde(default)]
    pub source: Option<String>,
}

/// A 評語 scale: the marks a rating is given in, each with the document's definition.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RatingScale {
    pub id: String,
    /// The document's name for it (評語, 評価段階).
    pub name: String,
    /// In the document's order.
    pub ratings: Vec<Rating>,
    pub source: String,
}

/// One 評語 (S, A, B …).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// The mark as written.
    pub mark: String,
    /// The document's definition; absent when it gives only the mark.
    #[serde(default)]
    pub definition: Option<String>,
}

/// A time of the evaluation year (期首, 中間, 期末, 評価期間).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluationPeriod {
    /// The document's name for it.
    pub name: String,
    /// When, as the document says (4月, 10月1日～3月31日).
    #[serde(default)]
    pub timing: Option<String>,
    /// What happens then (目標設定の面談, 自己評価 …), in the document's words.
    #[serde(default)]
    pub text: Option<String>,
    pub source: String,
}

/// An evaluator's role (1次評価者, 2次評価者, 調整者).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluator {
    /// The document's name for the role.
    pub name: String,
    /// Who holds it, as the document says (直近上位の職にある者, 課長).
    #[serde(default)]
    pub who: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    pub source: String,
}

impl Evaluation {
    /// The kind with this id.
    pub fn kind(&self, id: &str) -> Option<&EvaluationKind> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// The 評語 scale a kind is rated on: the one it names, else the evaluation's only scale.
    pub fn scale_of(&self, kind: &EvaluationKind) -> Option<&RatingScale> {
        match &kind.scale {
            Some(id) => self.scales.iter().find(|s| &s.id == id),
            None if self.scales.len() == 1 => self.scales.first(),
            None => None,
        }
    }
}

/// 自己申告: the self-report as the document describes it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SelfReportSystem {
    /// The document's name for it (自己申告書, 意向調査書, 自己申告制度).
    pub name: String,
    /// What it is for, in the document's words.
    #[serde(default)]
    pub text: Option<String>,
    pub source: String,
    /// Who files it, as the document says.
    #[serde(default)]
    pub who: Option<String>,
    /// How often and when, as the document says (年1回, 毎年11月).
    #[serde(default)]
    pub timing: Option<String>,
    /// What it asks, in the document's order.
    #[serde(default)]
    pub topics: Vec<SelfReportTopic>,
    /// Who reads what is filed, as the document says; absent when it does not say.
    #[serde(default)]
    pub disclosure: Option<Disclosure>,
}

/// One thing the self-report asks (異動希望, 健康状態, 資格, 家庭の事情 …).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SelfReportTopic {
    pub id: String,
    /// The document's words for it.
    pub name: String,
    /// A normalised kind for the features that use it (a transfer wish, …).
    #[serde(default)]
    pub kind: Option<TopicKind>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// What a self-report topic is about; the document's own word stays in the topic's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicKind {
    /// 異動希望, 配属の希望.
    TransferWish,
    /// キャリアデザイン, 将来の希望.
    CareerDesign,
    /// 適性.
    Aptitude,
    /// 能力, 職務の状況.
    Abilities,
    /// 資格, 免許.
    Qualifications,
    /// 健康状態.
    Health,
    /// 家庭の事情.
    Family,
    Other,
}

impl TopicKind {
    pub fn label_ja(self) -> &'static str {
        match self {
            TopicKind::TransferWish => "異動希望",
            TopicKind::CareerDesign => "キャリアデザイン",
            TopicKind::Aptitude => "適性",
            TopicKind::Abilities => "能力",
            TopicKind::Qualifications => "資格",
            TopicKind::Health => "健康",
            TopicKind::Family => "家庭の事情",
            TopicKind::Other => "その他",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            TopicKind::TransferWish => "Transfer wish",
            TopicKind::CareerDesign => "Career design",
            TopicKind::Aptitude => "Aptitude",
            TopicKind::Abilities => "Abilities",
            TopicKind::Qualifications => "Qualifications",
            TopicKind::Health => "Health",
            TopicKind::Family => "Family circumstances",
            TopicKind::Other => "Other",
        }
    }
}

/// Who reads a self-report, as the document says it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Disclosure {
    /// The supervisor sees what is filed (or, `false`, it goes to the HR office only).
    pub supervisor_sees: bool,
    /// The document's words that say so.
    pub text: String,
    pub source: String,
}
