#!/usr/bin/env python3
"""The baseline `michi roster` is measured against: a short script with Python's csv
module that reads the same roster and counts 定年退職 per fiscal year by the national
schedule (the age in force rises from 60 to 65, one year every two fiscal years from
FY2023; an age is reached the day before the birthday). Usage: roster_baseline.py FILE"""
import csv
import sys
from collections import Counter
from datetime import date, timedelta


def age_in_force(fy):
    if fy <= 2022:
        return 60
    return min(65, 61 + (fy - 2023) // 2)


def fiscal_year(d):
    return d.year if d.month >= 4 else d.year - 1


def reaches(birth, age):
    try:
        day = birth.replace(year=birth.year + age)
    except ValueError:  # 29 February
        day = date(birth.year + age, 2, 28)
    return day - timedelta(days=1)


def retirement_fy(birth):
    for age in range(60, 66):
        fy = fiscal_year(reaches(birth, age))
        if age >= age_in_force(fy):
            return fy
    return fiscal_year(reaches(birth, 65))


def main(path):
    counts = Counter()
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        at = header.index("生年月日")
        for row in rows:
            try:
                y, m, d = (int(x) for x in row[at].split("-"))
                counts[retirement_fy(date(y, m, d))] += 1
            except (ValueError, IndexError):
                counts["bad"] += 1
    for fy in sorted(k for k in counts if k != "bad"):
        print(fy, counts[fy])
    print("bad", counts["bad"])


if __name__ == "__main__":
    main(sys.argv[1])
