//! The workshop view's pages (キャリアデザイン研修のワークシート).

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum WorkshopPage {
    /// ライフラインチャート: the years from hire to retirement, with a 充実度 for each.
    #[default]
    Lifeline,
    /// Will-Can-Must.
    Wcm,
    /// The next ten years (55歳からの10年): management years, 役職定年, 定年 and after.
    NextTen,
}

impl WorkshopPage {
    pub const ALL: [WorkshopPage; 3] = [WorkshopPage::Lifeline, WorkshopPage::Wcm, WorkshopPage::NextTen];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            WorkshopPage::Lifeline => lang.pick("ライフライン", "Life-line"),
            WorkshopPage::Wcm => "Will-Can-Must",
            WorkshopPage::NextTen => lang.pick("これからの10年", "Next ten years"),
        }
    }

    /// The page `step` pages on, wrapping around.
    pub fn step(self, step: isize) -> WorkshopPage {
        let n = WorkshopPage::ALL.len();
        let at = WorkshopPage::ALL.iter().position(|p| *p == self).unwrap_or(0);
        let next = (at + n).saturating_add_signed(step.rem_euclid(n as isize)) % n;
        WorkshopPage::ALL.get(next).copied().unwrap_or_default()
    }
}
