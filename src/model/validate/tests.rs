use super::profile::find_cycle;
use super::*;

#[test]
fn ids_follow_the_documented_form() {
    assert!(is_valid_id("shunin"));
    assert!(is_valid_id("gyosei_shuji-2"));
    assert!(!is_valid_id("Shunin"));
    assert!(!is_valid_id("2shunin"));
    assert!(!is_valid_id(""));
    assert!(!is_valid_id("主任"));
    assert!(!is_valid_id(&"a".repeat(65)));
}

#[test]
fn partial_dates() {
    assert!(is_valid_partial_date("2024"));
    assert!(is_valid_partial_date("2024-04"));
    assert!(is_valid_partial_date("2024-04-01"));
    assert!(!is_valid_partial_date("2024-13"));
    assert!(!is_valid_partial_date("令和6年"));
    assert!(!is_valid_partial_date("2024-4"));
}

#[test]
fn cycles_are_found_and_named() {
    let edges = [("a", "b", 0), ("b", "c", 1), ("c", "a", 2)];
    let (cycle, index) = find_cycle(&edges).expect("cycle");
    assert_eq!(cycle, ["a", "b", "c", "a"]);
    assert_eq!(index, 2);
    assert!(find_cycle(&[("a", "b", 0), ("b", "c", 1)]).is_none());
}

#[test]
fn a_long_chain_does_not_overflow_the_stack() {
    let names: Vec<String> = (0..100_000).map(|i| format!("g{i}")).collect();
    let edges: Vec<(&str, &str, usize)> = names
        .windows(2)
        .enumerate()
        .map(|(i, w)| (w[0].as_str(), w[1].as_str(), i))
        .collect();
    assert!(find_cycle(&edges).is_none());
}
