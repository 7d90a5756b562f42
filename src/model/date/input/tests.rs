use super::*;

fn d(s: &str) -> Date {
    Date::parse(s).expect(s)
}

fn ok(input: &str, expected: &str) {
    assert_eq!(Date::parse_input(input), Ok(d(expected)), "{input:?}");
}

fn refused(input: &str) -> DateInputError {
    match Date::parse_input(input) {
        Ok(date) => panic!("{input:?} read as {date}"),
        Err(e) => e,
    }
}

#[test]
fn calendar_forms() {
    for input in [
        "1990-02-03",
        "1990-2-3",
        "1990/2/3",
        "1990/02/03",
        "1990.2.3",
        "19900203",
        "1990年2月3日",
        "1990年02月03日",
        "1990年2月3",
        "1990 年 2 月 3 日",
        "  1990-02-03  ",
        "\t1990/2/3\n",
        "1990/2-3",
    ] {
        ok(input, "1990-02-03");
    }
}

#[test]
fn full_width_digits_punctuation_and_dashes() {
    for input in [
        "１９９０－０２－０３",
        "１９９０／２／３",
        "１９９０．２．３",
        "１９９０ー０２ー０３",
        "1990−2−3",
        "1990–2–3",
        "１９９０年２月３日",
        "１９９００２０３",
        "\u{3000}1990/2/3\u{3000}",
    ] {
        ok(input, "1990-02-03");
    }
}

#[test]
fn era_forms() {
    for input in [
        "平成2年2月3日",
        "平成２年２月３日",
        "平成02年02月03日",
        "H2.2.3",
        "H2/2/3",
        "H2-2-3",
        "h2.2.3",
        "H02.02.03",
        "Ｈ２．２．３",
        "ｈ２／２／３",
        "H2年2月3日",
        "平成2.2.3",
        "平成 2 年 2 月 3 日",
        "㍻2年2月3日",
    ] {
        ok(input, "1990-02-03");
    }
    ok("平成元年5月1日", "1989-05-01");
    ok("H元.5.1", "1989-05-01");
    ok("令和6年4月1日", "2024-04-01");
    ok("R6.4.1", "2024-04-01");
    ok("r6/4/1", "2024-04-01");
    ok("Ｒ６．４．１", "2024-04-01");
    ok("㋿6年4月1日", "2024-04-01");
    ok("令和元年5月1日", "2019-05-01");
    ok("昭和63年1月1日", "1988-01-01");
    ok("S63.1.1", "1988-01-01");
    ok("s63.1.1", "1988-01-01");
    ok("㍼63年1月1日", "1988-01-01");
}

#[test]
fn era_boundaries() {
    // 昭和 ends on 64年1月7日; 平成 runs from 元年1月8日 to 31年4月30日; then 令和.
    ok("昭和元年12月25日", "1926-12-25");
    ok("昭和64年1月7日", "1989-01-07");
    ok("平成元年1月8日", "1989-01-08");
    ok("平成31年4月30日", "2019-04-30");
    ok("令和元年5月1日", "2019-05-01");
    ok("R1.5.1", "2019-05-01");
    let outside = |input: &str, actual: Option<&str>| match refused(input) {
        DateInputError::OutsideEra { actual: a, .. } => assert_eq!(a, actual.map(d), "{input}"),
        other => panic!("{input}: {other:?}"),
    };
    outside("平成31年5月1日", Some("2019-05-01"));
    outside("H31.5.1", Some("2019-05-01"));
    outside("平成32年1月1日", Some("2020-01-01"));
    outside("令和元年4月30日", Some("2019-04-30"));
    outside("R1.1.1", Some("2019-01-01"));
    outside("昭和64年1月8日", Some("1989-01-08"));
    outside("平成元年1月7日", Some("1989-01-07"));
    outside("平成0年5月1日", Some("1988-05-01"));
    outside("令和0年5月1日", Some("2018-05-01"));
    outside("昭和元年12月24日", None);
    assert_eq!(
        refused("平成31年5月1日"),
        DateInputError::OutsideEra {
            era: Era::Heisei,
            era_year: 31,
            month: 5,
            day: 1,
            actual: Some(d("2019-05-01")),
        }
    );
}

#[test]
fn leap_days() {
    ok("2024-02-29", "2024-02-29");
    ok("2000/2/29", "2000-02-29");
    ok("令和6年2月29日", "2024-02-29");
    ok("平成12年2月29日", "2000-02-29");
    assert_eq!(
        refused("2023-02-29"),
        DateInputError::NoSuchDay {
            year: 2023,
            month: 2,
            day: 29
        }
    );
    assert_eq!(
        refused("1900/2/29"),
        DateInputError::NoSuchDay {
            year: 1900,
            month: 2,
            day: 29
        }
    );
    assert!(matches!(
        refused("R5.2.29"),
        DateInputError::NoSuchDay { year: 2023, .. }
    ));
}

#[test]
fn impossible_days_and_months() {
    assert_eq!(
        refused("1990-02-30"),
        DateInputError::NoSuchDay {
            year: 1990,
            month: 2,
            day: 30
        }
    );
    assert!(matches!(
        refused("1990/4/31"),
        DateInputError::NoSuchDay { day: 31, .. }
    ));
    assert!(matches!(refused("1990/1/0"), DateInputError::NoSuchDay { day: 0, .. }));
    assert!(matches!(
        refused("1990/1/32"),
        DateInputError::NoSuchDay { day: 32, .. }
    ));
    assert_eq!(refused("1990-13-01"), DateInputError::NoSuchMonth { month: 13 });
    assert_eq!(refused("19900003"), DateInputError::NoSuchMonth { month: 0 });
    assert_eq!(refused("平成2年13月1日"), DateInputError::NoSuchMonth { month: 13 });
    assert_eq!(refused("0000-01-01"), DateInputError::YearOutOfRange { year: 0 });
}

#[test]
fn unreadable_text_is_refused() {
    assert_eq!(refused(""), DateInputError::Empty);
    assert_eq!(refused("   "), DateInputError::Empty);
    assert_eq!(refused("\u{3000}"), DateInputError::Empty);
    assert_eq!(refused("90/2/3"), DateInputError::ShortYear);
    assert_eq!(refused("2/3"), DateInputError::Unreadable);
    for input in [
        "yesterday",
        "1990",
        "1990-02",
        "1990 02 03",
        "1990-02-03-04",
        "1990-002-03",
        "199-02-03",
        "19900-02-03",
        "1990203",
        "199002031",
        "1990年2月",
        "1990年2月3日日",
        "2月3日",
        "平成",
        "平成2年",
        "H2",
        "H1990.2.3",
        "X2.2.3",
        "FY1990.2.3",
        "1990-02-03T10:00",
        "99999999999999999999",
        "-1990-02-03",
        "1990/2/3/",
        "年月日",
        "元年5月1日",
    ] {
        assert_eq!(refused(input), DateInputError::Unreadable, "{input:?}");
    }
}

#[test]
fn fiscal_year_forms() {
    for (input, fy) in [
        ("2032", 2032),
        ("２０３２", 2032),
        (" 2032 ", 2032),
        ("2032年度", 2032),
        ("2032年", 2032),
        ("FY2032", 2032),
        ("fy2032", 2032),
        ("令和14年度", 2032),
        ("令和14年", 2032),
        ("令和14", 2032),
        ("令和 14 年度", 2032),
        ("R14", 2032),
        ("r14", 2032),
        ("Ｒ１４", 2032),
        ("R14年度", 2032),
        ("令和元年度", 2019),
        ("R1", 2019),
        ("平成31年度", 2019),
        ("平成元年度", 1989),
        ("H30", 2018),
        ("昭和63年度", 1988),
        ("S2", 1927),
    ] {
        assert_eq!(parse_fiscal_year_input(input), Ok(fy), "{input:?}");
    }
}

#[test]
fn fiscal_years_refused() {
    use FiscalYearInputError as E;
    assert_eq!(parse_fiscal_year_input(""), Err(E::Empty));
    assert_eq!(parse_fiscal_year_input(" "), Err(E::Empty));
    for input in [
        "年度",
        "32",
        "20320",
        "R",
        "令和",
        "2032-04",
        "2032/4/1",
        "令和14年4月",
        "FY",
        "R14年度度",
        "度2032",
        "next year",
    ] {
        assert_eq!(parse_fiscal_year_input(input), Err(E::Unreadable), "{input:?}");
    }
    assert_eq!(parse_fiscal_year_input("0000"), Err(E::YearOutOfRange { year: 0 }));
    assert_eq!(parse_fiscal_year_input("9999"), Err(E::YearOutOfRange { year: 9999 }));
    assert_eq!(parse_fiscal_year_input("9998"), Ok(9998));
    assert_eq!(
        parse_fiscal_year_input("平成32年度"),
        Err(E::OutsideEra {
            era: Era::Heisei,
            era_year: 32,
            actual: Some(2020)
        })
    );
    assert_eq!(
        parse_fiscal_year_input("平成0年度"),
        Err(E::OutsideEra {
            era: Era::Heisei,
            era_year: 0,
            actual: Some(1988)
        })
    );
    assert_eq!(
        parse_fiscal_year_input("S64"),
        Err(E::OutsideEra {
            era: Era::Showa,
            era_year: 64,
            actual: Some(1989)
        })
    );
    assert_eq!(
        parse_fiscal_year_input("昭和元年度"),
        Err(E::OutsideEra {
            era: Era::Showa,
            era_year: 1,
            actual: None
        })
    );
    assert!(matches!(
        parse_fiscal_year_input("R0"),
        Err(E::OutsideEra { actual: Some(2018), .. })
    ));
}

#[test]
fn eras_of_dates() {
    assert_eq!(d("2019-05-01").era(), Some((Era::Reiwa, 1)));
    assert_eq!(d("2019-04-30").era(), Some((Era::Heisei, 31)));
    assert_eq!(d("1989-01-08").era(), Some((Era::Heisei, 1)));
    assert_eq!(d("1989-01-07").era(), Some((Era::Showa, 64)));
    assert_eq!(d("1926-12-25").era(), Some((Era::Showa, 1)));
    assert_eq!(d("1926-12-24").era(), None);
    assert_eq!(d("2019-05-01").japanese().as_deref(), Some("令和元年5月1日"));
    assert_eq!(d("1990-02-03").japanese().as_deref(), Some("平成2年2月3日"));
    assert_eq!(d("1926-12-24").japanese(), None);
}

/// Dates from 昭和元年 (1926-12-25) to 令和999年 (3017), the last year an era year of
/// three digits can name.
fn era_dates() -> impl proptest::strategy::Strategy<Value = Date> {
    use proptest::strategy::Strategy;
    let first = Era::Showa.first_day().days_since_epoch();
    let last = d("3017-12-31").days_since_epoch();
    (first..=last).prop_filter_map("a date", Date::from_days_since_epoch)
}

proptest::proptest! {
    #[test]
    fn parse_input_never_panics(s in "\\PC{0,40}") {
        let _ = Date::parse_input(&s);
        let _ = parse_fiscal_year_input(&s);
    }

    #[test]
    fn date_like_text_never_panics(s in "[0-9０-９/／.．\\-ー年月日元度平成令和昭HRSFYhrs ]{0,20}") {
        let _ = Date::parse_input(&s);
        let _ = parse_fiscal_year_input(&s);
    }

    #[test]
    fn typed_forms_read_back(year in 1000i32..=9999, day_of_year in 0i64..366) {
        let Some(date) = Date::from_days_since_epoch(Date::fy_start(year).days_since_epoch() - 90 + day_of_year)
            .filter(|d| d.year() == year)
        else {
            return Ok(());
        };
        let (y, m, dd) = (date.year(), date.month(), date.day());
        for form in [format!("{y}/{m}/{dd}"), format!("{y:04}{m:02}{dd:02}"), date.to_string()] {
            proptest::prop_assert_eq!(Date::parse_input(&form), Ok(date), "{}", form);
        }
    }

    #[test]
    fn era_forms_read_back(date in era_dates()) {
        let (era, year) = date.era().expect("from 昭和 on");
        let written = date.japanese().expect("from 昭和 on");
        proptest::prop_assert_eq!(Date::parse_input(&written), Ok(date), "{}", written);
        let letters = format!("{}{year}.{}.{}", era.letter(), date.month(), date.day());
        proptest::prop_assert_eq!(Date::parse_input(&letters), Ok(date), "{}", letters);
    }
}
