//! The checks of rotation rules as cities write them: tenures that are years, windows that
//! open before they close, keys that belong to the rule's kind, and rules that can be met
//! at all — "5 families × 3 years = 15 years" does not fit a 10-year window.

use super::*;
use crate::model::rotation::{Department, Rotation, RotationRule, TenureRange, years_text};

/// Joint checks (a first-posting rule or a within-family phase beside a rule that counts
/// families) compare rules pairwise; past this many rules only each rule alone is checked.
const MAX_RULES_COMPARED: usize = 256;

/// What a rotation check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RotationProblem {
    /// A tenure that is not a positive number of years.
    TenureNotPositive {
        value: String,
    },
    /// `tenure_range = [5, 3]`.
    TenureRangeBackwards {
        from: String,
        to: String,
    },
    /// `typical_tenure_years` outside `tenure_range`.
    TypicalOutsideRange {
        typical: String,
        from: String,
        to: String,
    },
    /// A rule that needs a window and has no `window_years`.
    WindowMissing,
    /// A key that means nothing for the rule's kind.
    KeyNotForKind {
        key: &'static str,
        kind: RotationRuleKind,
    },
    /// `from_year` at or after `window_years`: the window never opens.
    PhaseEmpty {
        from_year: u8,
        window_years: u8,
    },
    AtLeastZero,
    /// `at_least` above the number of families listed.
    AtLeastAboveListed {
        at_least: u8,
        listed: usize,
    },
    /// `distinct_families` asks for more families than the profile has.
    MoreFamiliesThanProfile {
        needed: u8,
        families: usize,
    },
    /// A first-posting rule naming no family and no department.
    FirstPostingWithoutPlaces,
    /// The rule cannot be met in its window at the profile's shortest tenure.
    Infeasible(Arithmetic),
}

/// The arithmetic that shows a rule cannot be met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arithmetic {
    /// Families or departments the rule needs.
    pub count: usize,
    /// Whether `count` counts families (else departments).
    pub families: bool,
    /// A first-posting rule sends the first posting outside the rule's families: one more
    /// posting to fit in.
    pub first_posting: bool,
    /// The shortest tenure, as written.
    pub tenure: String,
    /// Postings × tenure, as written.
    pub total: String,
    /// Years of service the window spans.
    pub from_year: u8,
    pub window_years: u8,
    /// A within-family phase opening at this year cuts the window short: only one family
    /// counts from then on. With the phase's name, when it has one.
    pub cut: Option<(u8, Option<String>)>,
}

impl RotationProblem {
    pub fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            RotationProblem::TenureNotPositive { value } => {
                if ja {
                    format!("在任年数 {value} は年数として読めません（0 より大きい数が必要です）")
                } else {
                    format!("a tenure of {value} is not a number of years (it must be above 0)")
                }
            }
            RotationProblem::TenureRangeBackwards { from, to } => {
                if ja {
                    format!("在任年数の範囲 [{from}, {to}] は始まりが終わりより大きくなっています")
                } else {
                    format!("the tenure range [{from}, {to}] starts above its end")
                }
            }
            RotationProblem::TypicalOutsideRange { typical, from, to } => {
                if ja {
                    format!("標準の在任年数 {typical} 年が範囲 {from}〜{to} 年の外です")
                } else {
                    format!("the typical tenure {typical} years is outside the range {from}–{to} years")
                }
            }
            RotationProblem::WindowMissing => lang
                .pick(
                    "規則に期間の終わり（window_years）がありません",
                    "the rule has no window (window_years)",
                )
                .into(),
            RotationProblem::KeyNotForKind { key, kind } => {
                if ja {
                    format!("`{key}` は kind = \"{}\" の規則では使いません", kind_id(*kind))
                } else {
                    format!("`{key}` means nothing for a rule of kind \"{}\"", kind_id(*kind))
                }
            }
            RotationProblem::PhaseEmpty {
                from_year,
                window_years,
            } => {
                if ja {
                    format!(
                        "期間が始まる年（from_year = {from_year}）が終わる年（window_years = {window_years}）より前にありません"
                    )
                } else {
                    format!(
                        "the window opens (from_year = {from_year}) no earlier than it closes (window_years = {window_years})"
                    )
                }
            }
            RotationProblem::AtLeastZero => lang.pick("at_least が 0 です", "at_least is 0").into(),
            RotationProblem::AtLeastAboveListed { at_least, listed } => {
                if ja {
                    format!("at_least = {at_least} ですが、families には {listed} 系統しかありません")
                } else {
                    format!("at_least = {at_least}, but families lists only {listed}")
                }
            }
            RotationProblem::MoreFamiliesThanProfile { needed, families } => {
                if ja {
                    format!("異なる系統の部署を {needed} か所求めていますが、系統は {families} しかありません")
                } else {
                    format!("the rule asks for departments in {needed} different families; the profile has {families}")
                }
            }
            RotationProblem::FirstPostingWithoutPlaces => lang
                .pick(
                    "最初の配属の規則に families も departments もありません",
                    "a first_posting rule lists neither families nor departments",
                )
                .into(),
            RotationProblem::Infeasible(a) => a.message(lang),
        }
    }

    pub fn hint(&self, lang: Lang) -> String {
        match self {
            RotationProblem::TenureNotPositive { .. } => lang.pick(
                "3 や 3.3 のように年数を書くか、文書に書かれていなければ消してください",
                "write the years (3, 3.3), or remove the key when the document gives none",
            ),
            RotationProblem::TenureRangeBackwards { .. } => {
                lang.pick("tenure_range = [3, 5] のように短い方から書いてください", "write the shorter end first: tenure_range = [3, 5]")
            }
            RotationProblem::TypicalOutsideRange { .. } => lang.pick(
                "文書の数字を確かめ、どちらか一方にするか、範囲の中の値にしてください",
                "check the document's figures; keep one of the two, or a typical value inside the range",
            ),
            RotationProblem::WindowMissing => lang.pick(
                "window_years = 10 のように、採用から数えて期間が終わる年を書いてください",
                "write the year of service, counted from hire, when the window closes: window_years = 10",
            ),
            RotationProblem::KeyNotForKind { key, .. } => match *key {
                "at_least" => lang.pick("at_least は cover_families の規則に書きます", "at_least belongs to cover_families rules"),
                "distinct_families" => lang.pick(
                    "distinct_families は distinct_departments の規則に書きます",
                    "distinct_families belongs to distinct_departments rules",
                ),
                "departments" => lang.pick(
                    "departments は first_posting の規則に書きます",
                    "departments belongs to first_posting rules",
                ),
                _ => lang.pick(
                    "最初の配属の規則に期間はありません。この行を消してください",
                    "a first_posting rule has no window; remove the line",
                ),
            },
            RotationProblem::PhaseEmpty { .. } => lang.pick(
                "from_year（期間の始まり、勤続年数）を window_years（終わり）より小さくしてください",
                "make from_year (when the window opens) smaller than window_years (when it closes)",
            ),
            RotationProblem::AtLeastZero => lang.pick("1 以上にしてください", "use at least 1"),
            RotationProblem::AtLeastAboveListed { .. } | RotationProblem::MoreFamiliesThanProfile { .. } => lang.pick(
                "文書の数字を確かめ、系統を加えるか数を減らしてください",
                "check the document's figures: list more families or ask for fewer",
            ),
            RotationProblem::FirstPostingWithoutPlaces => lang.pick(
                "families = [\"citizen\"] のように、最初の配属先になる系統か部署を書いてください",
                "list the families (or departments) a first posting may be in: families = [\"citizen\"]",
            ),
            RotationProblem::Infeasible(_) => lang.pick(
                "文書の数字を確かめてください。写し間違いなら at_least・window_years・在任年数（tenure_range の下限か typical_tenure_years）を直してください。文書どおりなら、この規則は満たせません（人事担当課に確かめてください）",
                "check the document's figures: fix at_least, window_years or the tenure (tenure_range's lower end, or typical_tenure_years) if mistyped; if the document really says so, the rule cannot be met (ask the HR office)",
            ),
        }
        .into()
    }
}

impl Arithmetic {
    fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let (from, until) = (self.from_year, self.window_years);
        let span = until.saturating_sub(from);
        let years = match (from, ja) {
            (0, true) => format!("採用から{until}年"),
            (_, true) => format!("勤続{from}〜{until}年"),
            (0, false) => format!("the first {until} years of service"),
            (_, false) => format!("years {from}–{until} of service"),
        };
        let unit = match (self.families, ja, self.count == 1) {
            (true, true, _) => "系統",
            (false, true, _) => "部署",
            (true, false, true) => "family",
            (true, false, false) => "families",
            (false, false, true) => "department",
            (false, false, false) => "departments",
        };
        let (count, tenure, total) = (self.count, &self.tenure, &self.total);
        if let Some((cut, phase)) = &self.cut {
            let before = cut.saturating_sub(from);
            let phase = phase
                .as_deref()
                .map_or_else(String::new, |p| if ja { format!("（{p}）") } else { format!(" ({p})") });
            return if ja {
                format!(
                    "勤続{cut}年から一つの系統の中で異動する期間{phase}が始まるため、勤続{from}〜{cut}年の {before} 年に {count} {unit} × {tenure} 年 = {total} 年が必要です（{before} 年を超えます）"
                )
            } else {
                format!(
                    "{count} {unit} × {tenure} years = {total} years > the {before} years before the within-family phase{phase} opens at year {cut} (window: {years})"
                )
            };
        }
        if self.first_posting {
            let postings = count + 1;
            return if ja {
                format!(
                    "規則の系統外の最初の配属 1 か所 + {count} {unit} = {postings} か所 × {tenure} 年 = {total} 年が、期間の {span} 年（{years}）を超えます"
                )
            } else {
                format!(
                    "1 first posting outside the listed families + {count} {unit} = {postings} postings × {tenure} years = {total} years > window {span} years ({years})"
                )
            };
        }
        if ja {
            format!("{count} {unit} × {tenure} 年 = {total} 年が、期間の {span} 年（{years}）を超えます")
        } else {
            format!("{count} {unit} × {tenure} years = {total} years > window {span} years ({years})")
        }
    }
}

/// The id of a rule's kind as written in the file.
fn kind_id(kind: RotationRuleKind) -> &'static str {
    match kind {
        RotationRuleKind::CoverFamilies => "cover_families",
        RotationRuleKind::DistinctDepartments => "distinct_departments",
        RotationRuleKind::WithinFamily => "within_family",
        RotationRuleKind::FirstPosting => "first_posting",
    }
}

/// Whether two rules can apply to the same plan: their series (and courses) meet.
fn may_meet(a: &RotationRule, b: &RotationRule) -> bool {
    let meet = |x: &[String], y: &[String]| x.is_empty() || y.is_empty() || x.iter().any(|v| y.contains(v));
    meet(&a.series, &b.series) && meet(&a.courses, &b.courses)
}

fn positive(value: f64) -> bool {
    value.is_finite() && value > 0.0
}

impl Profile {
    /// The checks of tenures and of the rules' keys, windows and arithmetic.
    pub(super) fn check_rotation_rules(&self, ck: &mut Checker, rotation: &Rotation, departments: &Known<'_>) {
        let rule = |p: RotationProblem| ProblemKind::Rotation(p);
        check_tenure(
            ck,
            path!["rotation"],
            rotation.typical_tenure_years,
            rotation.tenure_range,
        );
        for (i, d) in rotation.departments.iter().enumerate() {
            let Department {
                typical_tenure_years,
                tenure_range,
                ..
            } = d;
            check_tenure(
                ck,
                path!["rotation", "departments", i],
                *typical_tenure_years,
                *tenure_range,
            );
        }
        let tenure = rotation.tenure().map(|t| t.lower()).filter(|t| positive(*t));
        let compare_pairs = rotation.rules.len() <= MAX_RULES_COMPARED;
        for (i, r) in rotation.rules.iter().enumerate() {
            let here = |key: &'static str| path!["rotation", "rules", i, key];
            let kind = r.kind;
            let misplaced = [
                (
                    "at_least",
                    r.at_least.is_some() && kind != RotationRuleKind::CoverFamilies,
                ),
                (
                    "distinct_families",
                    r.distinct_families && kind != RotationRuleKind::DistinctDepartments,
                ),
                (
                    "departments",
                    !r.departments.is_empty() && kind != RotationRuleKind::FirstPosting,
                ),
                (
                    "window_years",
                    r.window_years.is_some() && kind == RotationRuleKind::FirstPosting,
                ),
                ("from_year", r.from_year > 0 && kind == RotationRuleKind::FirstPosting),
            ];
            for (key, wrong) in misplaced {
                if wrong {
                    ck.push(here(key), rule(RotationProblem::KeyNotForKind { key, kind }));
                }
            }
            for (j, d) in r.departments.iter().enumerate() {
                ck.reference(
                    path!["rotation", "rules", i, "departments", j],
                    Entity::Department,
                    d,
                    departments,
                );
            }
            if kind == RotationRuleKind::FirstPosting {
                if r.families.is_empty() && r.departments.is_empty() {
                    ck.push(here("kind"), rule(RotationProblem::FirstPostingWithoutPlaces));
                }
                continue;
            }
            let Some(window_years) = r.window_years else {
                ck.push(here("kind"), rule(RotationProblem::WindowMissing));
                continue;
            };
            if window_years > 0 && r.from_year >= window_years {
                ck.push(
                    here("from_year"),
                    rule(RotationProblem::PhaseEmpty {
                        from_year: r.from_year,
                        window_years,
                    }),
                );
                continue;
            }
            match r.at_least {
                Some(0) => ck.push(here("at_least"), rule(RotationProblem::AtLeastZero)),
                Some(at_least)
                    if kind == RotationRuleKind::CoverFamilies
                        && usize::from(at_least) > r.families.len()
                        && !r.families.is_empty() =>
                {
                    ck.push(
                        here("at_least"),
                        rule(RotationProblem::AtLeastAboveListed {
                            at_least,
                            listed: r.families.len(),
                        }),
                    );
                    continue;
                }
                _ => {}
            }
            if kind == RotationRuleKind::DistinctDepartments
                && r.distinct_families
                && let Some(needed) = r.min_departments
                && usize::from(needed) > rotation.families.len()
            {
                ck.push(
                    here("min_departments"),
                    rule(RotationProblem::MoreFamiliesThanProfile {
                        needed,
                        families: rotation.families.len(),
                    }),
                );
                continue;
            }
            let (Some(tenure), Some(count)) = (tenure, r.needed().filter(|n| *n > 0)) else {
                continue;
            };
            let counts_families = kind == RotationRuleKind::CoverFamilies || r.distinct_families;
            let arithmetic = |postings: usize, first_posting: bool, cut: Option<(u8, Option<String>)>| Arithmetic {
                count: if cut.is_some() { postings } else { count },
                families: kind == RotationRuleKind::CoverFamilies || r.distinct_families,
                first_posting,
                tenure: years_text(tenure),
                total: years_text(postings as f64 * tenure),
                from_year: r.from_year,
                window_years,
                cut,
            };
            let span = f64::from(window_years - r.from_year);
            let fits = |postings: usize, years: f64| postings as f64 * tenure <= years + 1e-9;
            if !fits(count, span) {
                ck.push(
                    here("window_years"),
                    rule(RotationProblem::Infeasible(arithmetic(count, false, None))),
                );
                continue;
            }
            if !compare_pairs {
                continue;
            }
            // A first posting that must lie outside the rule's families takes a tenure of
            // the window before the families can be served.
            let listed: HashSet<&str> = r.families.iter().map(String::as_str).collect();
            let first_outside = kind == RotationRuleKind::CoverFamilies
                && r.from_year == 0
                && rotation.rules.iter().any(|other| {
                    other.kind == RotationRuleKind::FirstPosting
                        && may_meet(r, other)
                        && first_posting_outside(self, other, &listed)
                });
            if first_outside && !fits(count + 1, span) {
                ck.push(
                    here("window_years"),
                    rule(RotationProblem::Infeasible(arithmetic(count + 1, true, None))),
                );
                continue;
            }
            // A within-family phase that opens inside the window leaves one family for the
            // rest of it: the others must fit before the phase opens.
            if counts_families
                && let Some(cut) = rotation
                    .rules
                    .iter()
                    .filter(|other| {
                        other.kind == RotationRuleKind::WithinFamily
                            && other.from_year > r.from_year
                            && other.from_year < window_years
                            && may_meet(r, other)
                    })
                    .min_by_key(|other| other.from_year)
                && !fits(count - 1, f64::from(cut.from_year - r.from_year))
            {
                ck.push(
                    here("window_years"),
                    rule(RotationProblem::Infeasible(arithmetic(
                        count - 1,
                        false,
                        Some((cut.from_year, cut.phase.clone())),
                    ))),
                );
            }
        }
    }
}

/// Whether every place a first-posting rule allows lies outside `families`.
fn first_posting_outside(profile: &Profile, first: &RotationRule, families: &HashSet<&str>) -> bool {
    let department_family = |id: &String| profile.department(id).map(|d| d.family.as_str());
    let mut places = first
        .families
        .iter()
        .map(|f| Some(f.as_str()))
        .chain(first.departments.iter().map(department_family));
    !families.is_empty() && places.all(|f| f.is_some_and(|f| !families.contains(f)))
}

/// A tenure (typical years and range) at `at`: positive years, a range from low to high,
/// the typical years inside the range.
fn check_tenure(ck: &mut Checker, at: FieldPath, typical: Option<f64>, range: Option<TenureRange>) {
    let bad = |value: f64| {
        ProblemKind::Rotation(RotationProblem::TenureNotPositive {
            value: format!("{value}"),
        })
    };
    if let Some(t) = typical.filter(|t| !positive(*t)) {
        ck.push(at.clone().key("typical_tenure_years"), bad(t));
    }
    let Some(TenureRange(from, to)) = range else {
        return;
    };
    if let Some(v) = [from, to].into_iter().find(|v| !positive(*v)) {
        ck.push(at.key("tenure_range"), bad(v));
        return;
    }
    if from > to {
        ck.push(
            at.key("tenure_range"),
            ProblemKind::Rotation(RotationProblem::TenureRangeBackwards {
                from: years_text(from),
                to: years_text(to),
            }),
        );
        return;
    }
    if let Some(t) = typical.filter(|t| positive(*t) && (*t < from - 1e-9 || *t > to + 1e-9)) {
        ck.push(
            at.key("typical_tenure_years"),
            ProblemKind::Rotation(RotationProblem::TypicalOutsideRange {
                typical: years_text(t),
                from: years_text(from),
                to: years_text(to),
            }),
        );
    }
}
