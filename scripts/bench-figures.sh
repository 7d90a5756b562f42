#!/usr/bin/env bash
# Runs the engine benchmarks (benches/analyze.rs, benches/scaling.rs) and prints the figures
# of the README's performance table: medians, and the scaling ratios against their goals.
#
#   scripts/bench-figures.sh           run the benchmarks, then print
#   scripts/bench-figures.sh --quick   shorter runs (1 s warm-up, 3 s measurement)
#   scripts/bench-figures.sh --print   print the results of the last run only
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  --print) ;;
  --quick) cargo bench --bench analyze --bench scaling -- --warm-up-time 1 --measurement-time 3 >/dev/null ;;
  "") cargo bench --bench analyze --bench scaling >/dev/null ;;
  *) echo "usage: $0 [--quick | --print]" >&2; exit 2 ;;
esac

criterion=target/criterion

# Median of one benchmark in nanoseconds, from criterion's estimates.
median_ns() {
  local file="$criterion/$1/new/estimates.json"
  [[ -f $file ]] || { echo "missing: $file (run the benchmarks first)" >&2; exit 1; }
  sed -E 's/.*"median":\{"confidence_interval":\{[^}]*\},"point_estimate":([0-9.eE+-]+).*/\1/' "$file"
}

human() {
  awk -v ns="$1" 'BEGIN {
    if (ns >= 1e6) printf "%.2f ms", ns / 1e6;
    else if (ns >= 1e3) printf "%.1f µs", ns / 1e3;
    else printf "%.0f ns", ns }'
}

row() { printf '| %s | %s | %s |\n' "$1" "$2" "$3"; }

ratio_row() { # label, numerator bench, denominator bench, goal
  local a b
  a=$(median_ns "$2"); b=$(median_ns "$3")
  row "$1" "$(human "$a") / $(human "$b") = $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f×", a / b }')" "$4"
}

echo "| figure | median | goal |"
echo "|---|---|---|"
for bench in "$criterion/persona analyze"/*/; do
  name=$(basename "$bench")
  row "analyse one plan: $name" "$(human "$(median_ns "persona analyze/$name")")" "≤ 20 µs"
done
for bench in "$criterion/persona parse + validate + analyze"/*/; do
  name=$(basename "$bench")
  row "from file bytes (parse + validate + analyse): $name" \
    "$(human "$(median_ns "persona parse + validate + analyze/$name")")" "≤ 50 µs"
done
for scale in 1x 10x 100x; do
  row "analyse, synthetic profile $scale, 10 postings" "$(human "$(median_ns "analyze by profile size/$scale")")" ""
done
ratio_row "analyse: 100× profile ÷ 1×" "analyze by profile size/100x" "analyze by profile size/1x" "≤ 150×"
for n in 10 100 1000; do
  row "analyse, 1× profile, $n postings" "$(human "$(median_ns "analyze by postings/$n")")" ""
done
ratio_row "analyse: 1,000 postings ÷ 10" "analyze by postings/1000" "analyze by postings/10" "≤ 20×"
for n in 10 100 1000; do
  row "plan from bytes (parse + validate + analyse), $n postings" \
    "$(human "$(median_ns "plan parse + validate + analyze by postings/$n")")" ""
done
ratio_row "plan from bytes: 1,000 postings ÷ 10" \
  "plan parse + validate + analyze by postings/1000" "plan parse + validate + analyze by postings/10" "≤ 20×"
for scale in 1x 10x 100x; do
  row "profile export --json, synthetic $scale" \
    "$(human "$(median_ns "profile export --json by profile size/$scale")")" ""
done
ratio_row "profile export --json: 100× ÷ 1×" \
  "profile export --json by profile size/100x" "profile export --json by profile size/1x" "≤ 150×"
