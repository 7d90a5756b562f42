//! The evaluation system (人事評価) and the self-report (自己申告) of the five bundled
//! profiles: carried where the document describes them — what the evaluation rates (kinds,
//! items or its ability table), its 評語, periods or evaluators; who files the self-report,
//! when, what it asks or who reads it — in the document's words, and absent where it does
//! not. Every text is checked against the document (tests/fixtures/seeds), whitespace removed
//! on both sides as the PDF's line breaks fall inside sentences.
#![allow(clippy::unwrap_used, clippy::panic)]

use michi::i18n::Lang;
use michi::model::{Profile, Quote, TopicKind};
use michi::store::Catalog;

fn profile(id: &str) -> Profile {
    Catalog::load(None, Lang::Ja).get(id).unwrap().profile.clone()
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn seed(id: &str) -> String {
    let file = match id {
        "ageo" => "000_fe9dd95c72b4940d.txt",
        "iruma" => "001_5def96ce85dc4a3c.txt",
        "kawagoe" => "002_4564b7423e479c85.txt",
        "akishima" => "003_5009a972ac48646a.txt",
        "joetsu" => "004_f331e8cdcada81bc.txt",
        _ => panic!("no seed for {id}"),
    };
    let path = format!("{}/tests/fixtures/seeds/{file}", env!("CARGO_MANIFEST_DIR"));
    squash(&std::fs::read_to_string(path).unwrap())
}

/// Every text of the profile's evaluation and self-report, with where it stands.
fn texts(p: &Profile) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |what: &str, text: &str| out.push((what.to_string(), text.to_string()));
    let quote = |q: &Option<Quote>| q.as_ref().map(|q| q.text.clone());
    if let Some(e) = &p.evaluation {
        push("evaluation.name", &e.name);
        e.text.iter().for_each(|t| push("evaluation.text", t));
        quote(&e.ability_table)
            .iter()
            .for_each(|t| push("evaluation.ability_table", t));
        for k in &e.kinds {
            push("kind.name", &k.name);
            k.text.iter().for_each(|t| push("kind.text", t));
            quote(&k.ability_table)
                .iter()
                .for_each(|t| push("kind.ability_table", t));
            quote(&k.goal_difficulty)
                .iter()
                .for_each(|t| push("kind.goal_difficulty", t));
            k.items.iter().for_each(|i| push("item.text", &i.text));
        }
        for s in &e.scales {
            s.ratings
                .iter()
                .filter_map(|r| r.definition.as_deref())
                .for_each(|t| push("rating", t));
        }
        for period in &e.periods {
            push("period.name", &period.name);
            period.text.iter().for_each(|t| push("period.text", t));
        }
        for ev in &e.evaluators {
            push("evaluator.name", &ev.name);
        }
    }
    if let Some(r) = &p.self_report {
        push("self_report.name", &r.name);
        r.text.iter().for_each(|t| push("self_report.text", t));
        r.who.iter().for_each(|t| push("self_report.who", t));
        r.timing.iter().for_each(|t| push("self_report.timing", t));
        r.topics.iter().for_each(|t| push("topic.name", &t.name));
        r.disclosure.iter().for_each(|d| push("disclosure.text", &d.text));
    }
    out
}

#[test]
fn every_evaluation_and_self_report_text_is_the_documents() {
    for id in ["ageo", "iruma", "kawagoe", "akishima", "joetsu"] {
        let (p, seed) = (profile(id), seed(id));
        for (what, text) in texts(&p) {
            assert!(
                seed.contains(&squash(&text)),
                "{id} {what}: not verbatim in the document: {text:?}"
            );
        }
    }
}

#[test]
fn only_documents_that_describe_them_carry_them() {
    let carried = |id: &str| {
        let p = profile(id);
        (p.evaluation.is_some(), p.self_report.is_some())
    };
    assert_eq!(
        carried("ageo"),
        (true, false),
        "上尾: the ability table is the evaluation's items"
    );
    assert_eq!(carried("kawagoe"), (true, false), "川越: 期首・期末 interviews");
    assert_eq!(carried("akishima"), (true, true), "昭島: 能力評価 and the 意向調査書");
    assert_eq!(carried("joetsu"), (false, true), "上越: only the purpose of 人事評価");
    assert_eq!(carried("iruma"), (false, false), "入間: the aims only");
}

#[test]
fn what_each_document_says_of_its_evaluation_and_self_report() {
    let ageo = profile("ageo");
    let e = ageo.evaluation.as_ref().unwrap();
    assert!(
        e.ability_table
            .as_ref()
            .unwrap()
            .text
            .contains("人事評価制度の評価項目として活用")
    );
    assert!(e.kinds.is_empty() && e.scales.is_empty() && e.periods.is_empty() && e.evaluators.is_empty());

    let kawagoe = profile("kawagoe");
    let periods: Vec<&str> = kawagoe
        .evaluation
        .as_ref()
        .unwrap()
        .periods
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(periods, ["期首", "期末"]);

    let akishima = profile("akishima");
    let e = akishima.evaluation.as_ref().unwrap();
    let [kind] = &e.kinds[..] else { panic!("one kind") };
    assert_eq!(kind.name, "能力評価");
    assert!(kind.ability_table.is_some() && kind.items.is_empty());
    let report = akishima.self_report.as_ref().unwrap();
    assert_eq!(report.name, "意向調査書");
    assert!(report.disclosure.as_ref().unwrap().supervisor_sees);
    assert_eq!((&report.who, &report.timing), (&None, &None), "not stated");

    let joetsu = profile("joetsu");
    let report = joetsu.self_report.as_ref().unwrap();
    let topics: Vec<(&str, Option<TopicKind>)> = report.topics.iter().map(|t| (t.name.as_str(), t.kind)).collect();
    assert_eq!(
        topics,
        [
            ("キャリアデザイン", Some(TopicKind::CareerDesign)),
            ("適性", Some(TopicKind::Aptitude)),
            ("能力", Some(TopicKind::Abilities))
        ]
    );
    assert_eq!(report.disclosure, None, "the document does not say who reads it");
}
