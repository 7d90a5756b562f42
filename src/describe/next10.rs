//! The next ten years in words (これからの10年): the dates, the ways of working after 60 with
//! their conditions, and whose each value is — the national rules' default (［国］) or the
//! city's, from its profile (［市］) — said the same way in the app, on the command line and
//! on the worksheet.

use crate::engine::Rule;
use crate::engine::next_ten::{
    AfterSixty, Event, EventKind, ManagementPosts, NextTen, OptionKind, PostYear, Service, Year,
};
use crate::i18n::Lang;
use crate::model::{Profile, fiscal_year_label};

/// Whose a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    /// The national rules' default (cities follow them by 条例).
    National,
    /// The city's, as its profile gives it; `example`: Michi's reading or an example.
    City { example: bool },
}

impl Whose {
    /// The mark shown after a value: ［国］, ［市］, ［市・例示］.
    pub fn mark(self, lang: Lang) -> &'static str {
        match self {
            Whose::National => lang.pick("［国］", " [national]"),
            Whose::City { example: false } => lang.pick("［市］", " [city]"),
            Whose::City { example: true } => lang.pick("［市・例示］", " [city, example]"),
        }
    }
}

/// The legend of the marks, and what Michi does not know.
pub fn legend(lang: Lang) -> Vec<&'static str> {
    vec![
        lang.pick(
            "［国］国の制度（法令）による既定値。市は条例でこれに倣います。",
            "[national] the national rules' default, which cities follow by 条例.",
        ),
        lang.pick(
            "［市］プロファイルが定める市の値（例示・Michi の読み取りはその旨を表示）。",
            "[city] the city's value from its profile (marked where it is an example or Michi's reading).",
        ),
        lang.pick(
            "勤務時間・給料の額・延長の事由などの細目は市の条例・規則によります。人事担当課に確認してください。",
            "Hours, amounts and the grounds for an extension are set by the city's 条例 and rules: ask the HR office.",
        ),
    ]
}

/// Whose the date of an event is.
pub fn event_whose(n: &NextTen, event: &Event) -> Whose {
    match (event.kind, &n.special) {
        (EventKind::Retirement, Some(special)) => Whose::City {
            example: special.illustrative,
        },
        _ => Whose::National,
    }
}

/// An event in a few words, for a column of the year table.
pub fn event_short(kind: EventKind, lang: Lang) -> &'static str {
    match kind {
        EventKind::InformationAndIntent => lang.pick("意思確認", "intent check"),
        EventKind::ReachesSixty => lang.pick("60歳", "turns 60"),
        EventKind::ManagementPostsEnd => lang.pick("役職定年", "役職定年"),
        EventKind::ManagementExtensionEnd => lang.pick("延長時の上限", "extension limit"),
        EventKind::PayReduced => lang.pick("給与7割", "pay 70%"),
        EventKind::Retirement => lang.pick("定年退職", "retirement"),
        EventKind::InterimReemploymentEnd => lang.pick("暫定再任用の上限", "interim ends"),
    }
}

/// An event as a heading: what happens.
pub fn event_title(n: &NextTen, event: &Event, lang: Lang) -> String {
    match (event.kind, lang) {
        (EventKind::InformationAndIntent, _) => lang
            .pick(
                "情報提供・勤務の意思確認（60歳以後の任用・給与・退職手当）",
                "Information and intent check (posts, pay and allowance after 60)",
            )
            .into(),
        (EventKind::ReachesSixty, _) => lang
            .pick(
                "60歳に達する日（誕生日の前日）",
                "Reaches 60 (the day before the birthday)",
            )
            .into(),
        (EventKind::ManagementPostsEnd, _) => lang
            .pick(
                "役職定年: 管理監督職はこの日まで",
                "役職定年: the last day in a management post",
            )
            .into(),
        (EventKind::ManagementExtensionEnd, _) => lang
            .pick(
                "役職定年の延長の上限（条例で延長できる場合・1年）",
                "Latest with a one-year extension (where the 条例 allows)",
            )
            .into(),
        (EventKind::PayReduced, _) => lang
            .pick(
                "給料月額が7割に（60歳後の最初の4月1日から）",
                "Pay at 70% (from the first 1 April after 60)",
            )
            .into(),
        (EventKind::Retirement, Lang::Ja) if n.special.is_some() => {
            format!("定年退職日（特例定年 {}歳）", n.retirement.age)
        }
        (EventKind::Retirement, Lang::Ja) => format!("定年退職日（{}歳）", n.retirement.age),
        (EventKind::Retirement, Lang::En) if n.special.is_some() => {
            format!("Retirement (special age {})", n.retirement.age)
        }
        (EventKind::Retirement, Lang::En) => format!("Retirement (at {})", n.retirement.age),
        (EventKind::InterimReemploymentEnd, _) => lang
            .pick(
                "暫定再任用の上限（65歳に達する年度の末日）",
                "Interim re-employment up to (end of the year one reaches 65)",
            )
            .into(),
    }
}

/// An event's date, or its period (the intent check's fiscal year).
pub fn event_when(event: &Event, lang: Lang) -> String {
    match event.until {
        Some(_) => fiscal_year_label(event.date.fiscal_year(), lang),
        None => event.date.to_string(),
    }
}

/// A way of working after 60, in a few words.
pub fn option_title(kind: OptionKind, lang: Lang) -> &'static str {
    match kind {
        OptionKind::FullTime => lang.pick("定年まで常勤（給与7割）", "Full-time to retirement (70% pay)"),
        OptionKind::ShortTime => lang.pick("定年前再任用短時間勤務", "Short-time re-employment before retirement"),
        OptionKind::Leave => lang.pick("定年前に退職", "Leave before retirement"),
        OptionKind::Interim => lang.pick("定年後の暫定再任用", "Interim re-employment after retirement"),
    }
}

/// The period an option is open.
pub fn option_period(option: &AfterSixty, lang: Lang) -> String {
    format!("{}{}{}", option.from, lang.pick("〜", " to "), option.until)
}

/// The conditions of an option, one sentence each.
pub fn option_conditions(n: &NextTen, option: &AfterSixty, lang: Lang) -> Vec<String> {
    let ja = lang == Lang::Ja;
    let r = &n.retirement;
    let pay_from = n.event(EventKind::PayReduced).map(|e| e.date);
    let mut lines = Vec::new();
    match option.kind {
        OptionKind::FullTime => {
            lines.push(if ja {
                format!("定年退職日（{}）まで常勤で勤務します。", r.date)
            } else {
                format!("Work full-time until retirement ({}).", r.date)
            });
            if let Some(from) = pay_from {
                lines.push(if ja {
                    format!("{from} から給料月額は7割になります（市の給与条例による）。")
                } else {
                    format!("From {from} the monthly salary is 70% of what it was (the city's pay 条例).")
                });
            }
            if n.management.concerns_employee()
                && let Some(posts) = n.event(EventKind::ManagementPostsEnd)
            {
                lines.push(if ja {
                    format!(
                        "管理監督職は役職定年（{}）まで（条例で延長できる場合を除く）。",
                        posts.date
                    )
                } else {
                    format!(
                        "Management posts end with 役職定年 ({}), unless a 条例 allows an extension.",
                        posts.date
                    )
                });
            }
        }
        OptionKind::ShortTime => {
            lines.push(if ja {
                format!(
                    "60歳に達した日（{}）以後に退職し、選考で短時間勤務の職に採用されます。",
                    option.from
                )
            } else {
                format!(
                    "Leave on or after reaching 60 ({}) and be taken on, by selection, in a short-time post.",
                    option.from
                )
            });
            lines.push(if ja {
                format!(
                    "任期は定年退職日に当たる日（{}）まで。勤務時間と給与は市の条例によります。",
                    option.until
                )
            } else {
                format!(
                    "Up to the day retirement would have been ({}); hours and pay are the city's.",
                    option.until
                )
            });
        }
        OptionKind::Leave => {
            lines.push(if ja {
                format!("{} 以後、定年前に退職できます。", option.from)
            } else {
                format!("Leave any time from {} before retirement.", option.from)
            });
            lines.push(
                lang.pick(
                    "退職手当は当分の間、定年退職と同じく計算されます（市の退職手当条例）。",
                    "For the time being the allowance is reckoned as at retirement (the city's 条例).",
                )
                .into(),
            );
        }
        OptionKind::Interim => {
            lines.push(if ja {
                format!(
                    "定年退職（{}）の後、{}（65歳に達する年度の末日）まで再任用されることがあります（選考・市の条例）。",
                    r.date, option.until
                )
            } else {
                format!(
                    "After retirement ({}), re-employment is possible up to {} (the end of the year one reaches 65), by selection under the city's 条例.",
                    r.date, option.until
                )
            });
        }
    }
    lines
}

/// A rule's source, marked as the national rules'.
pub fn rule_source(rule: Rule, lang: Lang) -> String {
    format!(
        "{}{}: {}",
        lang.pick("根拠", "Source"),
        Whose::National.mark(lang),
        rule.source()
    )
}

/// A rule's law in a few words, marked as the national rules'.
pub fn rule_cite(rule: Rule, lang: Lang) -> String {
    format!(
        "{}{}: {}",
        lang.pick("根拠", "Source"),
        Whose::National.mark(lang),
        rule.cite()
    )
}

/// Where today stands: the age, and the fiscal years left to 定年 (this one included).
pub fn today_line(n: &NextTen, lang: Lang) -> String {
    let left = n.retirement.last_fiscal_year() - n.today.fiscal_year() + 1;
    match lang {
        Lang::Ja if n.retired() => format!(
            "基準日 {}（{}歳）。定年退職日（{}）を過ぎています。",
            n.today, n.age, n.retirement.date
        ),
        Lang::En if n.retired() => format!(
            "As of {} (age {}): past retirement ({}).",
            n.today, n.age, n.retirement.date
        ),
        Lang::Ja => format!(
            "基準日 {}（{}歳）。定年退職日（{}）まで、この年度を含めて{left}年度。",
            n.today, n.age, n.retirement.date
        ),
        Lang::En => format!(
            "As of {} (age {}): {left} fiscal years to retirement ({}), this one included.",
            n.today, n.age, n.retirement.date
        ),
    }
}

/// 定年 in one line: its age and date, and whose.
pub fn retirement_line(n: &NextTen, lang: Lang) -> String {
    let r = &n.retirement;
    match (&n.special, lang) {
        (Some(s), Lang::Ja) => format!(
            "定年 特例定年 {}歳 {}{}（{}）",
            r.age,
            r.date,
            Whose::City {
                example: s.illustrative
            }
            .mark(lang),
            s.source
        ),
        (Some(s), Lang::En) => format!(
            "Retirement: special age {} on {}{} ({})",
            r.age,
            r.date,
            Whose::City {
                example: s.illustrative
            }
            .mark(lang),
            s.source
        ),
        (None, Lang::Ja) => format!("定年 {}歳 {}{}", r.age, r.date, Whose::National.mark(lang)),
        (None, Lang::En) => format!("Retirement at {} on {}{}", r.age, r.date, Whose::National.mark(lang)),
    }
}

/// Whose the list of grades 役職定年 applies to is.
fn posts_whose(said_by: &crate::engine::next_ten::CityValue) -> Whose {
    Whose::City {
        example: said_by.illustrative,
    }
}

/// What 役職定年 means for the employee, in one line.
pub fn management_line(profile: &Profile, n: &NextTen, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let until = n.retirement.management_post_until;
    let grade_of = |id: &str| crate::describe::grade_name(profile, id).to_string();
    match &n.management {
        _ if !n.reformed => lang
            .pick(
                "役職定年はありません（60歳定年の世代）",
                "No 役職定年 (retirement at 60)",
            )
            .into(),
        ManagementPosts::Current {
            grade,
            fiscal_years_left,
            said_by,
            ..
        } => {
            let whose = posts_whose(said_by).mark(lang);
            if ja {
                format!(
                    "管理職として残り{fiscal_years_left}年度（役職定年 {until}）。{}が対象{whose}",
                    grade_of(grade)
                )
            } else {
                format!(
                    "{fiscal_years_left} fiscal years left in management (役職定年 {until}); {} is subject{whose}",
                    grade_of(grade)
                )
            }
        }
        ManagementPosts::Target { grade, said_by, .. } => {
            let whose = posts_whose(said_by).mark(lang);
            if ja {
                format!(
                    "目標の{}は役職定年の対象{whose}: 就いても {until} まで",
                    grade_of(grade)
                )
            } else {
                format!(
                    "The target {} is subject to 役職定年{whose}: held at most until {until}",
                    grade_of(grade)
                )
            }
        }
        ManagementPosts::Ladder => lang
            .pick(
                "役職定年は管理監督職の職級に当たり、現在・目標の職級は対象外です",
                "役職定年 applies to management grades; neither the current nor the target grade is one",
            )
            .into(),
        ManagementPosts::NotSubject => lang
            .pick(
                "この職系に役職定年の対象の職級はありません",
                "No grade of this ladder is subject to 役職定年",
            )
            .into(),
    }
}

/// Where a 特例定年 applies: the rules tied to 60 may be the city's own.
pub fn special_note(n: &NextTen, lang: Lang) -> Option<&'static str> {
    n.special.as_ref().map(|_| {
        lang.pick(
            "特例定年の職では、60歳を境にした制度（役職定年・7割措置・意思確認）の扱いが市の条例で異なることがあります。",
            "For posts with a special retirement age, the city's 条例 may treat the rules tied to 60 (役職定年, 70% pay, the intent check) differently.",
        )
    })
}

/// The management-post cell of a year: 可 up to 役職定年, 延長時 in the year a 条例's
/// extension could add.
pub fn posts_cell(year: &Year, lang: Lang) -> &'static str {
    match year.posts {
        PostYear::Yes => lang.pick("可", "yes"),
        PostYear::Extension => lang.pick("延長時", "if ext."),
        PostYear::No => "",
    }
}

/// The pay cell of a year: 100% or 70% in service, blank after 定年.
pub fn pay_cell(year: &Year) -> String {
    match (year.service, year.pay_percent) {
        (Service::Interim, _) => String::new(),
        (Service::Regular, Some(percent)) => format!("{percent}%"),
        (Service::Regular, None) => "100%".into(),
    }
}

/// The events of a year in a few words; after 定年, that 暫定再任用 is possible.
pub fn year_events(n: &NextTen, year: &Year, lang: Lang) -> String {
    let mut words: Vec<String> = year
        .events
        .iter()
        .map(|&kind| {
            let past = n.event(kind).is_some_and(|e| e.past);
            let mut word = event_short(kind, lang).to_string();
            if past {
                word.push_str(lang.pick("（済）", " (past)"));
            }
            word
        })
        .collect();
    if year.service == Service::Interim && words.is_empty() {
        words.push(lang.pick("暫定再任用の期間", "interim re-employment").into());
    }
    if year.current {
        words.insert(0, lang.pick("今年度", "this year").into());
    }
    words.join(lang.pick("・", ", "))
}

/// The rules the time line rests on, in the order of [`Rule::ALL`].
pub fn rules_used(n: &NextTen) -> Vec<Rule> {
    Rule::ALL
        .into_iter()
        .filter(|rule| n.events.iter().any(|e| e.rule == *rule) || n.options.iter().any(|o| o.rule == *rule))
        .collect()
}

/// The city's values the time line uses, one line each, with their sources.
pub fn city_values(profile: &Profile, n: &NextTen, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(s) = &n.special {
        let whose = Whose::City {
            example: s.illustrative,
        }
        .mark(lang);
        lines.push(match lang {
            Lang::Ja => format!("特例定年 {}歳{whose}: {}", s.age, s.source),
            Lang::En => format!("Special retirement age {}{whose}: {}", s.age, s.source),
        });
    }
    let posts = match &n.management {
        ManagementPosts::Current { grade, said_by, .. } | ManagementPosts::Target { grade, said_by, .. } => {
            Some((grade, said_by))
        }
        _ => None,
    };
    if let Some((grade, said_by)) = posts {
        let whose = posts_whose(said_by).mark(lang);
        let name = crate::describe::grade_name(profile, grade);
        let source = said_by
            .source
            .as_deref()
            .unwrap_or(lang.pick("出典なし", "no source given"));
        lines.push(match lang {
            Lang::Ja => format!("役職定年の対象とする職級（{name}）{whose}。職級の出典: {source}"),
            Lang::En => format!("Grades subject to 役職定年 ({name}){whose}; the grade's source: {source}"),
        });
    }
    lines
}
