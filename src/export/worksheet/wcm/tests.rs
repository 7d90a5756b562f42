use super::*;
use crate::export::{to_html, to_markdown};
use crate::store::personas::PERSONAS;
use crate::store::{BUNDLED, Catalog, parse_plan, parse_profile};

fn profile(id: &str) -> Profile {
    let (file, text) = BUNDLED.iter().find(|(f, _)| f.starts_with(id)).unwrap();
    parse_profile(file, text.as_bytes(), Lang::Ja).unwrap()
}

fn persona(name: &str) -> Plan {
    let (_, text) = PERSONAS.iter().find(|(n, _)| *n == name).unwrap();
    parse_plan(name, text.as_bytes(), &Catalog::load(None, Lang::Ja), Lang::Ja).unwrap()
}

fn table<'s>(sheet: &'s Sheet, starts: &str) -> &'s Table {
    sheet
        .tables
        .iter()
        .find(|t| t.heading.starts_with(starts))
        .unwrap_or_else(|| {
            panic!(
                "no table {starts}: {:?}",
                sheet.tables.iter().map(|t| &t.heading).collect::<Vec<_>>()
            )
        })
}

#[test]
fn the_blank_sheet_is_three_boxes_of_empty_rows_on_a4() {
    for lang in [Lang::Ja, Lang::En] {
        let sheet = blank(lang);
        assert_eq!(sheet.tables.len(), 3);
        for (table, pane) in sheet.tables.iter().zip(Pane::ALL) {
            assert_eq!(table.heading, pane.title(lang));
            assert_eq!(table.columns, [pane.prompt(lang)]);
            assert_eq!(table.rows.len(), BLANK_ROWS);
            assert!(table.rows.iter().all(|r| r == &[EMPTY]));
        }
        assert!(sheet.header.iter().all(|(_, value)| value.is_empty()));
        let html = to_html(&sheet, lang);
        assert!(html.contains("@page { size: A4 portrait"));
        // Rows to write in: the renderer gives them room (class "write").
        assert_eq!(
            html.matches("<td class=\"write\">\u{3000}</td>").count(),
            3 * BLANK_ROWS
        );
        assert_eq!(to_markdown(&sheet).matches("\n## ").count(), 3);
    }
    assert!(to_html(&blank(Lang::En), Lang::En).contains("<h2>Will: what I want to do</h2>"));
}

#[test]
fn a_plans_sheet_has_its_words_with_room_and_what_the_document_says_with_sources() {
    let p = profile("iruma");
    let mut plan = persona("iruma-shunin-to-kacho");
    plan.wcm.will = Some("窓口を <script>alert(1)</script> なくす\n\n課の | 境界 & \"壁\" を越える".into());
    plan.wcm.must = Some((1..=8).map(|n| format!("役割{n}")).collect::<Vec<_>>().join("\n"));
    let sheet = prefilled(&p, &plan, Lang::Ja);
    assert!(sheet.header.contains(&("氏名".to_string(), "入間 健".to_string())));
    assert!(sheet.header.contains(&("目標の職級".to_string(), "課長級".to_string())));

    // Two lines of words (the empty one dropped) and room for four more; eight lines keep
    // three rows of room.
    let will = table(&sheet, "Will やりたいこと");
    assert_eq!(will.rows.len(), BLANK_ROWS);
    assert_eq!(will.rows[1], ["課の | 境界 & \"壁\" を越える"]);
    assert_eq!(table(&sheet, "Must 求められること").rows.len(), 8 + ROOM_AFTER_WORDS);
    assert_eq!(table(&sheet, "Can できること").rows.len(), BLANK_ROWS);

    let strengths = table(&sheet, "Can: 自己評価の高い能力");
    assert_eq!(strengths.rows[0][0], "コミュニケーション能力 4 指導*（1〜5）");
    assert_eq!(strengths.rows[0][1], p.scale.source.clone().unwrap());
    assert!(strengths.rows.last().unwrap()[0].starts_with("ほかに同じ水準: "));
    let roles = table(&sheet, "Can: できている役割");
    assert!(roles.rows[0][0].contains("6 役割の確認で Space"));
    let key = table(&sheet, "Must: 目標 課長級 で特に求められる能力（◎）");
    assert_eq!(key.rows.len(), 6);
    assert_eq!(
        key.rows[0],
        [
            "組織管理能力 必要 ◎5*・本人 2・差 3",
            "入間 III-3(2) 各階層で特に求められる能力"
        ]
    );
    let next = table(&sheet, "Must: 次の職級 副主幹・主査級");
    assert_eq!(next.rows.len(), 4);
    assert!(next.rows[0][0].starts_with("1. グループ職員を統括し"));
    assert!(sheet.legend.iter().any(|l| l.starts_with("*: Michi の仮定")));

    // Every value escaped in both renderings.
    let html = to_html(&sheet, Lang::Ja);
    assert!(html.contains("窓口を &lt;script&gt;alert(1)&lt;/script&gt; なくす"));
    assert!(html.contains("課の | 境界 &amp; &quot;壁&quot; を越える"));
    assert!(!html.contains("<script>"));
    let md = to_markdown(&sheet);
    assert!(md.contains("窓口を \\<script\\>alert\\(1\\)\\</script\\> なくす"));
    assert!(md.contains("課の \\| 境界 \\& \"壁\" を越える"));
}

#[test]
fn on_a_descriptor_ladder_the_sheet_quotes_the_rungs_and_marks_no_assumption() {
    let (p, plan) = (profile("ageo"), persona("ageo-shusa-born-1968"));
    let sheet = prefilled(&p, &plan, Lang::En);
    let strengths = table(&sheet, "Can: Strongest self-assessed");
    let first = &strengths.rows[0][0];
    assert!(
        first.starts_with("業務遂行能力 r3 of 6\n上司からの指示・命令"),
        "{first}"
    );
    assert!(strengths.rows[0][1].contains("標準職務遂行能力表"));
    assert!(!first.contains('*'));
    let next = table(&sheet, "Must: New at the next grade, 副主幹級");
    assert_eq!(next.rows.len(), 2);
    assert_eq!(next.rows[0][1], "上尾 03(3) 各階層に期待される役割");
    // A line break in a cell is a <br> on paper.
    assert!(to_html(&sheet, Lang::En).contains("業務遂行能力 r3 of 6<br>上司からの指示"));
}
