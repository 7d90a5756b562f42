//! What each problem is, and what to do about it, in Japanese and English.

use super::*;

impl ProblemKind {
    /// What is wrong, in one line.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let ja = lang == Lang::Ja;
        match self {
            Format(rule) => rule.message(lang),
            Evaluation(rule) => rule.message(lang),
            Rotation(problem) => problem.message(lang),
            Posts(rule) => rule.message(lang),
            AmbiguousName {
                entity,
                name,
                candidates,
            } => {
                if ja {
                    format!(
                        "「{name}」という{}が複数あります: {}",
                        entity.name(lang),
                        candidates.join("、")
                    )
                } else {
                    format!(
                        "more than one {} goes by 「{name}」: {}",
                        entity.name(lang),
                        candidates.join(", ")
                    )
                }
            }
            UnsupportedSchemaVersion { found } => {
                if ja {
                    format!("schema_version {found} には対応していません（対応: {PROFILE_SCHEMA_VERSION}）")
                } else {
                    format!("schema_version {found} is not supported (this Michi reads {PROFILE_SCHEMA_VERSION})")
                }
            }
            InvalidId { value } => {
                if ja {
                    format!("ID `{value}` は使えない形式です")
                } else {
                    format!("`{value}` is not a valid id")
                }
            }
            EmptyText => lang.pick("空の文字列です", "this text is empty").to_string(),
            InvalidDate { value } => {
                if ja {
                    format!("日付 `{value}` を読めません")
                } else {
                    format!("cannot read the date `{value}`")
                }
            }
            DuplicateId { entity, id } => {
                if ja {
                    format!("{}のID `{id}` が重複しています", entity.name(lang))
                } else {
                    format!("duplicate {} id `{id}`", entity.name(lang))
                }
            }
            UnknownReference { entity, id, .. } => {
                if ja {
                    format!("{} `{id}` は定義されていません", entity.name(lang))
                } else {
                    format!("no {} with id `{id}` is defined", entity.name(lang))
                }
            }
            NoSeries => lang
                .pick(
                    "職系（[[job_series]]）が一つもありません",
                    "the profile defines no job series ([[job_series]])",
                )
                .to_string(),
            EmptyLadder { series } => {
                if ja {
                    format!("職系 `{series}` に職級が一つもありません")
                } else {
                    format!("job series `{series}` has no grades")
                }
            }
            ScaleBounds { min, max } => {
                if ja {
                    format!("尺度の最小値 {min} が最大値 {max} より大きくなっています")
                } else {
                    format!("the scale's min {min} is above its max {max}")
                }
            }
            ScaleLabelMissing { level } => {
                if ja {
                    format!("段階 {level} のラベルがありません")
                } else {
                    format!("level {level} has no label")
                }
            }
            ScaleLevelOutside { level, min, max } | LevelOutsideScale { level, min, max } => {
                if ja {
                    format!("段階 {level} は尺度 {min}～{max} の範囲外です")
                } else {
                    format!("level {level} is outside the scale {min}–{max}")
                }
            }
            ScaleLevelDuplicate { level } => {
                if ja {
                    format!("段階 {level} が二度定義されています")
                } else {
                    format!("level {level} is defined twice")
                }
            }
            DuplicateRequirement { grade, competency } => {
                if ja {
                    format!("職級 `{grade}` × 能力 `{competency}` の要件が重複しています")
                } else {
                    format!("a second requirement for grade `{grade}` × competency `{competency}`")
                }
            }
            PromotionToSelf { grade } => {
                if ja {
                    format!("昇任ステップが同じ職級 `{grade}` に戻っています")
                } else {
                    format!("promotion step from `{grade}` to itself")
                }
            }
            PromotionBackwards { from, to } => {
                if ja {
                    format!("昇任ステップ `{from}` → `{to}` が職級の順序を逆行しています")
                } else {
                    format!("promotion step `{from}` → `{to}` goes down the ladder")
                }
            }
            PromotionAcrossSeries { from, to } => {
                if ja {
                    format!("昇任ステップ `{from}` → `{to}` が別の職系にまたがっています")
                } else {
                    format!("promotion step `{from}` → `{to}` crosses job series")
                }
            }
            PromotionCycle { cycle } => {
                let chain = cycle.join(" → ");
                if ja {
                    format!("昇任ステップが循環しています: {chain}")
                } else {
                    format!("promotion steps form a cycle: {chain}")
                }
            }
            DuplicatePromotion { from, to } => {
                if ja {
                    format!("昇任ステップ `{from}` → `{to}` が重複しています")
                } else {
                    format!("promotion step `{from}` → `{to}` is defined twice")
                }
            }
            TypicalBelowMinimum { min, typical } => {
                if ja {
                    format!("標準年数 {typical} が最短年数 {min} より短くなっています")
                } else {
                    format!("typical_years {typical} is below min_years {min}")
                }
            }
            RuleWithoutFamilies => lang
                .pick(
                    "cover_families の規則に families がありません",
                    "a cover_families rule lists no families",
                )
                .to_string(),
            RuleWithoutDepartmentCount => lang
                .pick(
                    "distinct_departments の規則に min_departments がありません",
                    "a distinct_departments rule has no min_departments",
                )
                .to_string(),
            ZeroYears => lang.pick("年数が 0 です", "the number of years is 0").to_string(),
            FractionOutOfRange { value } => {
                if ja {
                    format!("割合 {value} は 0～1 の範囲外です")
                } else {
                    format!("the fraction {value} is outside 0–1")
                }
            }
            DuplicateLeaveRule => lang
                .pick(
                    "同じ種類の休業の規則が二つあります",
                    "a second rule for the same kind of leave",
                )
                .to_string(),
            SecondDefaultCourse => lang
                .pick(
                    "default = true のコースが二つあります",
                    "a second course with default = true",
                )
                .to_string(),
            GoalWeights { total } => {
                if ja {
                    format!("目標のウェイトの合計が {total}% で、100% を超えています")
                } else {
                    format!("the goals weigh {total}% together, over 100%")
                }
            }
            GoalAfterRetirement { retires } => {
                if ja {
                    format!("期限が定年退職日（{retires}）より後です")
                } else {
                    format!("due after the retirement date ({retires})")
                }
            }
            CourseBelowGrade { course, grade } => {
                if ja {
                    format!("{course}は{grade}以上で選べるコースです")
                } else {
                    format!("{course} can be chosen only from {grade} up")
                }
            }
            CourseNotOpen { course, after_years } => {
                if ja {
                    format!("{course}は採用から{after_years}年を過ぎてから選べるコースです")
                } else {
                    format!("{course} can be chosen only after {after_years} years of service")
                }
            }
            LifelineScore { score } => {
                if ja {
                    format!("充実度 {score} は −5〜+5 の外です")
                } else {
                    format!("the score {score} is outside −5 to +5")
                }
            }
            LifelineYearOutside { fy, first, last } => {
                if ja {
                    format!("{fy}年度は在職期間（{first}〜{last}年度）の外です")
                } else {
                    format!("FY{fy} is outside the years of service (FY{first}–FY{last})")
                }
            }
            RoleNumber { number, count } => {
                if ja {
                    format!("役割 {number} はありません（この職級の役割は {count} 件）")
                } else {
                    format!("there is no role {number} (this grade lists {count})")
                }
            }
            UnknownProfile { id, .. } => {
                if ja {
                    format!("プロファイル `{id}` はありません")
                } else {
                    format!("no profile with id `{id}`")
                }
            }
            GradeNotInSeries { grade, series } => {
                if ja {
                    format!("職級 `{grade}` は職系 `{series}` にありません")
                } else {
                    format!("grade `{grade}` is not on the `{series}` ladder")
                }
            }
            TargetBelowCurrent { target, current } => {
                if ja {
                    format!("目標の職級 `{target}` が現在の職級 `{current}` より下位です")
                } else {
                    format!("the target grade `{target}` is below the current grade `{current}`")
                }
            }
            DateOrder { earlier, later } => {
                if ja {
                    format!(
                        "`{}`（{}）が `{}`（{}）より前の日付です",
                        later.key(),
                        later.field().label(lang),
                        earlier.key(),
                        earlier.field().label(lang)
                    )
                } else {
                    format!("`{}` comes before `{}`", later.key(), earlier.key())
                }
            }
            OverlappingPostings { previous_from } => {
                if ja {
                    format!("この配属が前の配属（{previous_from} から）と重なっています")
                } else {
                    format!("this posting overlaps the previous one (from {previous_from})")
                }
            }
            DuplicateEntry { id } => {
                if ja {
                    format!("`{id}` が二度書かれています")
                } else {
                    format!("`{id}` is listed twice")
                }
            }
            YearForUnplannedTraining { id } => {
                if ja {
                    format!("`{id}` の年度がありますが、`planned_trainings` にありません")
                } else {
                    format!("`{id}` has a year but is not in `planned_trainings`")
                }
            }
            BreakInOneLineText { found } => {
                let what = match found {
                    '\t' => lang.pick("タブ", "a tab"),
                    _ => lang.pick("改行", "a line break"),
                };
                if ja {
                    format!("一行で書く欄に{what}が含まれています")
                } else {
                    format!("this field is one line, but it holds {what}")
                }
            }
            TabInText => lang
                .pick("文字列にタブが含まれています", "the text holds a tab")
                .to_string(),
        }
    }

    /// What to do about it.
    pub fn hint(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let ja = lang == Lang::Ja;
        match self {
            Format(rule) => rule.hint(lang),
            Evaluation(rule) => rule.hint(lang),
            Rotation(problem) => problem.hint(lang),
            Posts(rule) => rule.hint(lang),
            AmbiguousName { entity, .. } => {
                if ja {
                    format!("どの{}かが分かるよう、ID で書いてください", entity.name(lang))
                } else {
                    format!("write the id of the {} you mean", entity.name(lang))
                }
            }
            UnsupportedSchemaVersion { .. } => {
                if ja {
                    format!("schema_version = {PROFILE_SCHEMA_VERSION} と書いてください")
                } else {
                    format!("write schema_version = {PROFILE_SCHEMA_VERSION}")
                }
            }
            InvalidId { .. } => lang
                .pick(
                    "ID は英小文字で始め、英小文字・数字・_・- だけを使ってください（64文字以内）",
                    "ids start with a lowercase letter and use only a-z, 0-9, _ and - (at most 64 characters)",
                )
                .to_string(),
            EmptyText => lang
                .pick("文書の記載をそのまま書いてください", "write the document's text here")
                .to_string(),
            InvalidDate { .. } => lang
                .pick(
                    "YYYY、YYYY-MM または YYYY-MM-DD の形で書いてください",
                    "write YYYY, YYYY-MM or YYYY-MM-DD",
                )
                .to_string(),
            DuplicateId { .. } => lang
                .pick(
                    "別のIDを付けるか、重複した項目を削除してください",
                    "rename one of them or remove the duplicate",
                )
                .to_string(),
            UnknownReference { entity, suggestion, .. } => match suggestion {
                Some(s) => {
                    if ja {
                        format!("`{s}` のことですか？")
                    } else {
                        format!("did you mean `{s}`?")
                    }
                }
                None => {
                    if ja {
                        format!("定義済みの{}のIDを指定するか、先に定義してください", entity.name(lang))
                    } else {
                        format!("use the id of a defined {}, or define it first", entity.name(lang))
                    }
                }
            },
            NoSeries => lang
                .pick(
                    "[[job_series.grades]] に職級を下位から順に書いてください",
                    "list the grades, lowest first, as [[job_series.grades]]",
                )
                .to_string(),
            EmptyLadder { .. } => lang
                .pick(
                    "[[job_series.grades]] に職級を下位から順に書くか、shares_from で他の職系の職級を共有してください",
                    "list the grades, lowest first, as [[job_series.grades]], or share another series' with shares_from",
                )
                .to_string(),
            ScaleBounds { .. } => lang
                .pick("min と max を入れ替えてください", "swap min and max")
                .to_string(),
            ScaleLabelMissing { .. } => lang
                .pick(
                    "[[scale.levels]] に段階ごとのラベルを書いてください",
                    "add a [[scale.levels]] entry for every level",
                )
                .to_string(),
            ScaleLevelOutside { min, max, .. } | LevelOutsideScale { min, max, .. } => {
                if ja {
                    format!("{min} から {max} までの値にしてください")
                } else {
                    format!("use a level from {min} to {max}")
                }
            }
            ScaleLevelDuplicate { .. } | DuplicateRequirement { .. } | DuplicatePromotion { .. } => lang
                .pick("重複した項目を一つにまとめてください", "keep one of them")
                .to_string(),
            PromotionToSelf { .. } | PromotionBackwards { .. } => lang
                .pick(
                    "from に下位の職級、to に上位の職級を書いてください（職級は下位から順に並べます）",
                    "put the lower grade in `from` and the higher in `to` (grades are listed lowest first)",
                )
                .to_string(),
            PromotionAcrossSeries { .. } => lang
                .pick(
                    "同じ職系の職級どうしをつないでください",
                    "connect grades of the same series",
                )
                .to_string(),
            PromotionCycle { .. } => lang
                .pick(
                    "循環の一部となっているステップを削除してください",
                    "remove one of the steps in the cycle",
                )
                .to_string(),
            TypicalBelowMinimum { .. } => lang
                .pick(
                    "typical_years は min_years 以上にしてください",
                    "make typical_years at least min_years",
                )
                .to_string(),
            RuleWithoutFamilies => lang
                .pick(
                    "families に部門系統のIDを並べてください",
                    "list the family ids in `families`",
                )
                .to_string(),
            RuleWithoutDepartmentCount => lang
                .pick(
                    "min_departments = 3 のように書いてください",
                    "add e.g. min_departments = 3",
                )
                .to_string(),
            ZeroYears => lang
                .pick("1 以上の年数にしてください", "use at least 1 year")
                .to_string(),
            FractionOutOfRange { .. } => lang
                .pick(
                    "0（算入しない）から 1（全期間算入）の値にしてください",
                    "use 0 (not counted) to 1 (counted in full)",
                )
                .to_string(),
            SecondDefaultCourse => lang
                .pick(
                    "default = true は一つのコースだけに書いてください",
                    "keep default = true on one course",
                )
                .to_string(),
            GoalWeights { .. } => lang
                .pick("各目標の weight の合計を 100 以下にしてください", "make the goals' weights add up to 100 or less")
                .to_string(),
            GoalAfterRetirement { .. } => lang
                .pick("在職中の期限にしてください", "set a due date within service")
                .to_string(),
            CourseBelowGrade { grade, .. } => {
                if ja {
                    format!("{grade}に昇任してから選ぶか、コースを外してください")
                } else {
                    format!("choose it once promoted to {grade}, or remove the course")
                }
            }
            CourseNotOpen { after_years, .. } => {
                if ja {
                    format!("course_since を採用日の{after_years}年後以降にするか、コースを外してください")
                } else {
                    format!("set course_since at least {after_years} years after the hire date, or remove the course")
                }
            }
            LifelineScore { .. } => lang
                .pick("−5 から 5 までの整数にしてください", "use a whole number from -5 to 5")
                .to_string(),
            LifelineYearOutside { first, last, .. } => {
                if ja {
                    format!("{first}〜{last} の年度にしてください")
                } else {
                    format!("use a fiscal year from {first} to {last}")
                }
            }
            RoleNumber { count, .. } => {
                if ja {
                    format!("1〜{count} の番号にしてください（文書が挙げる順）")
                } else {
                    format!("use a number from 1 to {count} (the document's order)")
                }
            }
            DuplicateLeaveRule | DuplicateEntry { .. } => {
                lang.pick("一つにまとめてください", "keep one of them").to_string()
            }
            YearForUnplannedTraining { .. } => lang
                .pick(
                    "`planned_trainings` に加えるか、この年度の行を消してください",
                    "add it to `planned_trainings` or remove this year",
                )
                .to_string(),
            UnknownProfile {
                suggestion: Some(s), ..
            } => {
                if ja {
                    format!("`{s}` のことですか？")
                } else {
                    format!("did you mean `{s}`?")
                }
            }
            UnknownProfile { known, .. } => {
                if ja {
                    format!("使えるID: {}（`michi profile list` で一覧）", known.join(", "))
                } else {
                    format!("available ids: {} (see `michi profile list`)", known.join(", "))
                }
            }
            GradeNotInSeries { .. } => lang
                .pick(
                    "series に合った職級を指定してください（`michi profile export ID` で職級を確認できます）",
                    "use a grade of the plan's series (`michi profile export ID` lists them)",
                )
                .to_string(),
            TargetBelowCurrent { .. } => lang
                .pick(
                    "現在の職級以上の職級を目標にしてください",
                    "choose the current grade or one above it",
                )
                .to_string(),
            DateOrder { earlier, later } => {
                if ja {
                    format!("`{}` を `{}` より後の日付にしてください", later.key(), earlier.key())
                } else {
                    format!("make `{}` later than `{}`", later.key(), earlier.key())
                }
            }
            OverlappingPostings { .. } => lang
                .pick(
                    "前の配属の to をこの配属の from より前の日付にしてください（配属は古い順に書きます）",
                    "end the previous posting (`to`) before this one starts; list postings oldest first",
                )
                .to_string(),
            BreakInOneLineText { .. } => lang
                .pick(
                    "改行（\\n）やタブ（\\t）を消して一行にしてください",
                    "remove the line break (\\n) or tab (\\t) so the text is on one line",
                )
                .to_string(),
            TabInText => lang
                .pick("タブ（\\t）を空白にしてください", "replace the tab (\\t) with spaces")
                .to_string(),
        }
    }
}
