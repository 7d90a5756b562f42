#!/usr/bin/env bash
# Whole-process benchmark of `michi roster` over a synthetic roster (3,000,000 rows by
# default; ROWS=… to change), against the Python baseline (scripts/roster_baseline.py).
# Prints the elapsed time and peak memory of each, then reads a 1,000,000-row Excel
# workbook (XLSX_ROWS=… to change). Usage: scripts/roster-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${ROWS:-3000000}
cargo build --release --locked --quiet
bin="${CARGO_TARGET_DIR:-target}/release/michi"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" roster synth --profile iruma --rows "$rows" --bad-rows 100 --today 2026-11-22 -o "$dir/roster.csv"
echo "roster: $rows rows, $(du -h "$dir/roster.csv" | cut -f1)"
/usr/bin/time -f "michi roster:    %e s, %M KB peak" \
  "$bin" roster "$dir/roster.csv" --profile iruma --today 2026-11-22 --format json -o "$dir/report.json"
/usr/bin/time -f "python baseline: %e s, %M KB peak" python3 scripts/roster_baseline.py "$dir/roster.csv" > /dev/null
# An Excel workbook at Excel's own row limit (1,048,576 rows a sheet): read as it streams.
xlsx_rows=${XLSX_ROWS:-1000000}
"$bin" roster synth --profile iruma --rows "$xlsx_rows" --today 2026-11-22 -o "$dir/roster.xlsx"
echo "workbook: $xlsx_rows rows, $(du -h "$dir/roster.xlsx" | cut -f1)"
/usr/bin/time -f "michi roster (xlsx): %e s, %M KB peak" \
  "$bin" roster "$dir/roster.xlsx" --profile iruma --today 2026-11-22 --format json -o "$dir/report-xlsx.json"
