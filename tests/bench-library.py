#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The library at scale: 10,000 text reports (2,000 agencies x 5 years) in
the seeds' and distinct fixtures' shapes, with varied values, imported
with `nianbao-cli import`, then opened, listed and searched by
bench-library-open.  Run by `meson test --benchmark`; prints the figures
the README gives.  Usage: bench-library.py [N_AGENCIES]"""

import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time

CLI = os.environ["NIANBAO_CLI"]
OPEN = os.environ["NB_BENCH_LIBRARY_OPEN"]
ROOT = os.environ.get("NB_TEST_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
YEARS = (2020, 2021, 2022, 2023, 2024)
KINDS = ("县人民政府", "区人民政府", "市教育局", "县财政局", "区卫生健康委员会", "县市场监督管理局",
         "区发展和改革委员会", "县工业和信息化局")
# a value standing alone in a table line (not a year)
CELL = re.compile(r"(?:^|(?<=[\t| ]))(?!20\d\d(?!\d))\d{1,4}(?=[\t| ]|$)", re.M)


def shapes():
    """(text, agency, year) of every seed and distinct fixture."""
    import json
    found = []
    for folder, expected_of in (
            (os.path.join(ROOT, "data", "samples"),
             lambda n: os.path.join(ROOT, "tests", "expected", n[:-4] + ".json")),
            (os.path.join(ROOT, "tests", "fixtures", "text", "distinct"),
             lambda n: os.path.join(ROOT, "tests", "fixtures", "text", "distinct", n[:-4] + ".expected.json"))):
        for name in sorted(os.listdir(folder)):
            if name.endswith(".txt"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    text = f.read()
                with open(expected_of(name), encoding="utf-8") as f:
                    expected = json.load(f)
                found.append((text, expected["agency"], str(expected["year"])))
    return found


def han(i):
    return "".join("甲乙丙丁戊己庚辛壬癸"[int(d)] for d in "%04d" % i)


def generate(folder, n_agencies):
    rng = random.Random(10)
    all_shapes = shapes()
    for i in range(n_agencies):
        agency = han(i) + KINDS[i % len(KINDS)]
        sub = os.path.join(folder, "%02d" % (i % 100))
        os.makedirs(sub, exist_ok=True)
        for year in YEARS:
            text, old_agency, old_year = all_shapes[(i + year) % len(all_shapes)]
            text = text.replace(old_agency, agency).replace(old_year, str(year))
            # every value times one factor: varied, and the rules still hold
            factor = rng.randrange(1, 9)
            text = CELL.sub(lambda m: str(int(m.group(0)) * factor), text)
            with open(os.path.join(sub, "%s-%d.txt" % (han(i), year)), "w", encoding="utf-8") as f:
                f.write(text)


def main():
    n_agencies = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "reports")
        library = os.path.join(tmp, "library.sqlite")
        generate(folder, n_agencies)
        n_files = n_agencies * len(YEARS)

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        out = subprocess.run([CLI, "import", "--library", library, folder], capture_output=True, text=True)
        wall = time.monotonic() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(out.stdout.strip())
        if out.returncode not in (0, 2):
            print(out.stderr)
            return 1
        n_failed = len(out.stderr.splitlines())
        print("import: %d files in %.1f s: %.0f reports/s (CPU %.1f s: %.0f reports per CPU second; "
              "%d processors, load average %.1f)"
              % (n_files, wall, n_files / wall, cpu, n_files / cpu, os.cpu_count(), os.getloadavg()[0]))
        if n_failed:
            print("failed:", n_failed)
        print("library file: %.1f MB" % (os.path.getsize(library) / 1e6))
        sys.stdout.flush()
        return subprocess.run([OPEN, library]).returncode


if __name__ == "__main__":
    sys.exit(main())
