//! The checks of ladders and posts: post classes and 役職定年, positions within a grade, and
//! grades shared by several series (`shares_from`).

use super::*;

/// What a check of ladders and posts found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostRule {
    /// `shares_from` names the series itself.
    ShareFromSelf,
    /// `shares_from` names a series that shares grades itself: the grades must be taken
    /// from the series that defines them.
    ShareChain { series: String },
    /// `shares_from.grade` is not one of the named series' own grades.
    ShareGradeElsewhere { grade: String, series: String },
    /// Sharing would add more grade places (or requirements on them) to the ladders than
    /// Michi follows.
    TooMuchShared,
    /// A grade's format 1 `management` says otherwise than its `management_limit` or its
    /// post class's.
    ManagementConflict {
        management: bool,
        limit: bool,
        /// The other setting is the post class's (else the grade's `management_limit`).
        from_class: bool,
    },
    /// A 特例定年 names neither a series nor a grade, or both.
    SpecialAgeTarget { both: bool },
    /// A 特例定年 outside the ages it may be written with.
    SpecialAgeRange { age: u8 },
    /// A second 特例定年 for the same series or grade.
    SpecialAgeTwice { id: String },
}

impl PostRule {
    pub fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let yes_no = |b: bool| if b { "true" } else { "false" };
        match self {
            PostRule::ShareFromSelf => lang
                .pick(
                    "shares_from が自分自身の職系を指しています",
                    "shares_from names the series itself",
                )
                .into(),
            PostRule::ShareChain { series } => {
                if ja {
                    format!("shares_from の職系 `{series}` も他の職系の職級を共有しています")
                } else {
                    format!("shares_from names `{series}`, which shares grades itself")
                }
            }
            PostRule::ShareGradeElsewhere { grade, series } => {
                if ja {
                    format!("職級 `{grade}` は職系 `{series}` が定める職級ではありません")
                } else {
                    format!("grade `{grade}` is not one of the grades `{series}` defines")
                }
            }
            PostRule::TooMuchShared => {
                use crate::model::index::{MAX_SHARED_GRADES, MAX_SHARED_REQUIREMENTS};
                if ja {
                    format!(
                        "職級の共有が多すぎます（共有で増える職級はすべての職系で {MAX_SHARED_GRADES}、その要件は {MAX_SHARED_REQUIREMENTS} まで）"
                    )
                } else {
                    format!(
                        "too much is shared: sharing may add at most {MAX_SHARED_GRADES} grade places to the ladders, with {MAX_SHARED_REQUIREMENTS} requirements on them"
                    )
                }
            }
            PostRule::ManagementConflict {
                management,
                limit,
                from_class,
            } => {
                let other = match (from_class, ja) {
                    (true, true) => "職の区分（post_class）の management_limit",
                    (false, true) => "management_limit",
                    (true, false) => "the post class's management_limit",
                    (false, false) => "management_limit",
                };
                if ja {
                    format!(
                        "management = {} が {other} = {} と食い違っています（役職定年が当たるかが決まりません）",
                        yes_no(*management),
                        yes_no(*limit)
                    )
                } else {
                    format!(
                        "management = {} contradicts {other} = {} (whether 役職定年 applies is left open)",
                        yes_no(*management),
                        yes_no(*limit)
                    )
                }
            }
            PostRule::SpecialAgeTarget { both: false } => lang
                .pick(
                    "特例定年に職系（series）も職級（grade）も書かれていません",
                    "the 特例定年 names neither a series nor a grade",
                )
                .into(),
            PostRule::SpecialAgeTarget { both: true } => lang
                .pick(
                    "特例定年に職系（series）と職級（grade）の両方が書かれています",
                    "the 特例定年 names both a series and a grade",
                )
                .into(),
            PostRule::SpecialAgeRange { age } => {
                let range = crate::model::SPECIAL_RETIREMENT_AGES;
                if ja {
                    format!(
                        "特例定年 {age} 歳は {}〜{} 歳の範囲にありません",
                        range.start(),
                        range.end()
                    )
                } else {
                    format!("a 特例定年 of {age} lies outside {}–{}", range.start(), range.end())
                }
            }
            PostRule::SpecialAgeTwice { id } => {
                if ja {
                    format!("`{id}` の特例定年が二度書かれています")
                } else {
                    format!("the 特例定年 of `{id}` is written twice")
                }
            }
        }
    }

    pub fn hint(&self, lang: Lang) -> String {
        match self {
            PostRule::ShareFromSelf => lang.pick(
                "職級を共有する相手の職系の ID を書いてください",
                "name the series whose grades this ladder continues with",
            ),
            PostRule::ShareChain { .. } => lang.pick(
                "職級を定めている職系（shares_from のない職系）を直接指定してください",
                "name the series that defines the grades (one without shares_from)",
            ),
            PostRule::ShareGradeElsewhere { .. } => lang.pick(
                "その職系の [[job_series.grades]] にある職級のうち、共有が始まる職級の ID を書いてください",
                "give the id of that series' own grade where the shared part begins",
            ),
            PostRule::TooMuchShared => lang.pick(
                "共有する職系や職級を減らしてください",
                "share fewer grades, or with fewer series",
            ),
            PostRule::ManagementConflict { .. } => lang.pick(
                "management を消し、役職定年の扱いは management_limit か post_classes で一度だけ書いてください",
                "remove management and say whether 役職定年 applies once, in management_limit or the post class",
            ),
            PostRule::SpecialAgeTarget { .. } => lang.pick(
                "series = \"職系のID\"（その職系のすべての職級）か grade = \"職級のID\"（その職級だけ）のどちらか一つを書いてください",
                "write one of series = \"series id\" (every grade of the series) or grade = \"grade id\" (that grade only)",
            ),
            PostRule::SpecialAgeRange { .. } => lang.pick(
                "条例が定める年齢を書いてください（例: age = 65）",
                "write the age the city's 条例 sets (e.g. age = 65)",
            ),
            PostRule::SpecialAgeTwice { .. } => lang.pick(
                "一つにまとめてください（職級の定めは、その職系の定めより優先します）",
                "keep one (a grade's entry wins over its series')",
            ),
        }
        .into()
    }
}

impl Profile {
    /// Post classes, each grade's class, positions and 役職定年 settings, and shared grades.
    pub(super) fn check_posts(&self, ck: &mut Checker, series_ids: &Known<'_>) {
        let rule = ProblemKind::Posts;
        let classes = ck.unique_ids(
            Entity::PostClass,
            self.post_classes
                .iter()
                .enumerate()
                .map(|(i, c)| (path!["post_classes", i, "id"], c.id.as_str())),
        );
        for (i, c) in self.post_classes.iter().enumerate() {
            ck.text(path!["post_classes", i, "name"], &c.name);
        }
        for (i, s) in self.job_series.iter().enumerate() {
            for (k, alias) in s.aliases.iter().enumerate() {
                ck.one_line(path!["job_series", i, "aliases", k], alias);
            }
            for (j, g) in s.grades.iter().enumerate() {
                let here = || path!["job_series", i, "grades", j];
                if let Some(class) = &g.post_class {
                    ck.reference(here().key("post_class"), Entity::PostClass, class, &classes);
                }
                let class_limit = self.grade_post_class(g).and_then(|c| c.management_limit);
                let stated = g
                    .management_limit
                    .map(|l| (l, false))
                    .or(class_limit.map(|l| (l, true)));
                if let (Some(management), Some((limit, from_class))) = (g.management, stated)
                    && management != limit
                {
                    ck.push(
                        here().key("management"),
                        rule(PostRule::ManagementConflict {
                            management,
                            limit,
                            from_class,
                        }),
                    );
                }
                ck.unique_ids(
                    Entity::Position,
                    g.positions
                        .iter()
                        .enumerate()
                        .map(|(k, p)| (here().key("positions").index(k).key("id"), p.id.as_str())),
                );
                for (k, p) in g.positions.iter().enumerate() {
                    ck.text(here().key("positions").index(k).key("name"), &p.name);
                    for (m, alias) in p.aliases.iter().enumerate() {
                        ck.one_line(here().key("positions").index(k).key("aliases").index(m), alias);
                    }
                }
            }
            let Some(share) = &s.shares_from else { continue };
            let at = || path!["job_series", i, "shares_from"];
            if share.series == s.id {
                ck.push(at().key("series"), rule(PostRule::ShareFromSelf));
                continue;
            }
            if !series_ids.contains(&share.series) {
                ck.reference(at().key("series"), Entity::Series, &share.series, series_ids);
                continue;
            }
            let Some(target) = self.series(&share.series) else {
                continue;
            };
            if target.shares_from.is_some() {
                ck.push(
                    at().key("series"),
                    rule(PostRule::ShareChain {
                        series: share.series.clone(),
                    }),
                );
            } else if self
                .grade(&share.grade)
                .is_none_or(|(defined_by, _)| defined_by.id != target.id)
            {
                ck.push(
                    at().key("grade"),
                    rule(PostRule::ShareGradeElsewhere {
                        grade: share.grade.clone(),
                        series: share.series.clone(),
                    }),
                );
            } else if self.ladder(s).shared.is_empty() {
                // A usable share that the index did not follow: past its bounds.
                ck.push(at(), rule(PostRule::TooMuchShared));
            }
        }
    }

    /// The 特例定年 entries: each names one series or one grade that exists, once, with an
    /// age from 60 to 70.
    pub(super) fn check_special_retirement_ages(&self, ck: &mut Checker, series_ids: &Known<'_>, grades: &Known<'_>) {
        let rule = ProblemKind::Posts;
        let mut seen = HashSet::new();
        for (i, special) in self.special_retirement_ages.iter().enumerate() {
            let here = || path!["special_retirement_ages", i];
            let (key, id) = match (&special.series, &special.grade) {
                (Some(series), None) => {
                    ck.reference(here().key("series"), Entity::Series, series, series_ids);
                    ("series", series)
                }
                (None, Some(grade)) => {
                    ck.reference(here().key("grade"), Entity::Grade, grade, grades);
                    ("grade", grade)
                }
                (both, _) => {
                    ck.push(here(), rule(PostRule::SpecialAgeTarget { both: both.is_some() }));
                    continue;
                }
            };
            if !seen.insert((key, id.as_str())) {
                ck.push(here().key(key), rule(PostRule::SpecialAgeTwice { id: id.clone() }));
            }
            if !crate::model::SPECIAL_RETIREMENT_AGES.contains(&special.age) {
                ck.push(here().key("age"), rule(PostRule::SpecialAgeRange { age: special.age }));
            }
            ck.text(here().key("source"), &special.source);
        }
    }
}
