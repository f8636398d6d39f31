#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""nianbao-cli as a user runs it: output formats, exit codes, messages."""

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ.get("NIANBAO_CLI", "nianbao-cli")
ROOT = os.environ.get("NB_TEST_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
SAMPLES = os.path.join(ROOT, "data", "samples")
SEEDS = sorted(f for f in os.listdir(SAMPLES) if f.endswith(".txt"))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
DISTINCT = os.path.join(ROOT, "tests", "fixtures", "text", "distinct")
PDF_FIXTURES = os.path.join(ROOT, "tests", "pdf", "fixtures")
SHAPES = os.path.join(ROOT, "tests", "fixtures", "text", "shapes")
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
# Web pages, Word and Markdown (tests/make-reader-fixtures.py): file, expected
READER_FIXTURES = [
    ("html/report.html", "html/report.expected.json"),
    ("html/gbk.html", "html/gbk.expected.json"),
    ("html/saved-page.mhtml", "html/saved-page.expected.json"),
    ("docx/report.docx", "docx/report.expected.json"),
    ("markdown/report.md", "markdown/report.expected.json"),
]


def run(*args, env=None, cwd=None):
    e = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    if env:
        e.update(env)
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=e, timeout=120, cwd=cwd)


def sample(name):
    return os.path.join(SAMPLES, name)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def expected_of(path):
    """The hand-read (seeds) or generated (distinct/) truth of a file."""
    base = os.path.basename(path)[:-4]
    if os.path.dirname(path) == DISTINCT:
        return load(os.path.join(DISTINCT, base + ".expected.json"))
    return load(os.path.join(ROOT, "tests", "expected", base + ".json"))


def formatted(value):
    """A value as the CLI writes it in CSV and text: "" when missing."""
    if value is None:
        return ""
    if float(value).is_integer():
        return "%d" % value
    return repr(float(value))


def require_corpus(test, path):
    """The shared corpus: a failure when NB_REQUIRE_CORPUS=1 (CI), a
    visible skip otherwise."""
    if os.path.exists(path):
        return
    if os.environ.get("NB_REQUIRE_CORPUS") == "1":
        test.fail("%s is missing and NB_REQUIRE_CORPUS=1" % path)
    test.skipTest("%s is missing: the shared corpus is not beside the checkout" % path)


class Extract(unittest.TestCase):
    def test_json_one_object_per_line(self):
        paths = [sample(s) for s in SEEDS]
        out = run("extract", "--format", "json", *paths)
        self.assertEqual(out.returncode, 0, out.stderr)
        lines = out.stdout.splitlines()
        self.assertEqual(len(lines), len(SEEDS))
        for path, line in zip(paths, lines):
            got = json.loads(line)
            expected = expected_of(path)
            self.assertEqual(got["file"], path)
            self.assertEqual(got["agency"], expected["agency"])
            self.assertEqual(got["year"], expected["year"])
            self.assertEqual(got["title"], expected["title"])
            self.assertEqual(got["cells"], expected["cells"])
            self.assertEqual(list(got["cells"]), list(expected["cells"]))
            self.assertEqual(got["template"], expected["template"])
            self.assertEqual(got["problems"], [])
            # Sections 二 to 四 are tables: no prose of theirs.
            self.assertEqual([got["sections"][n] for n in "二三四"], ["", "", ""])
        seed_002 = json.loads(lines[SEEDS.index("002_ff767b4376f9d530.txt")])
        self.assertTrue(seed_002["sections"]["六"].startswith(
            "(一)收取信息处理费情况\n本年度未收取信息处理费。\n(二)落实上级年度政务公开工作要点情况\n"))
        self.assertEqual(seed_002["sources"]["s2.licensing.decisions"],
                         {"line": 14, "column": 8, "length": 4})

    def test_distinct_values(self):
        """Every value distinct: a value in the wrong cell shows."""
        paths = sorted(os.path.join(DISTINCT, f) for f in os.listdir(DISTINCT)
                       if f.endswith(".txt"))
        self.assertEqual(len(paths), 8)
        out = run("extract", *paths)
        self.assertEqual(out.returncode, 0, out.stderr)
        for path, line in zip(paths, out.stdout.splitlines()):
            got = json.loads(line)
            expected = expected_of(path)
            self.assertEqual(got["cells"], expected["cells"], path)
            self.assertEqual(got["title"], expected["title"], path)
            self.assertEqual(got["problems"], [], path)
            if path.endswith("-lexer.txt"):
                continue
            # Each value's source is where the file writes that value.
            with open(path, encoding="utf-8") as f:
                text = f.read().split("\n")
            for cid, value in expected["cells"].items():
                source = got["sources"].get(cid)
                if cid.startswith("s3.other_handling.") and cid.count(".") == 2:
                    continue   # the aggregate is computed, not read
                at = text[source["line"] - 1][source["column"] - 1:][:source["length"]]
                self.assertEqual(at, formatted(value), "%s %s" % (path, cid))

    def test_shapes(self):
        """Reports laid out as agencies publish them: every cell as the
        generator wrote it (null where the source leaves it blank)."""
        paths = sorted(os.path.join(SHAPES, f) for f in os.listdir(SHAPES)
                       if f.endswith(".txt"))
        self.assertGreaterEqual(len(paths), 17)
        out = run("extract", *paths)
        self.assertEqual(out.returncode, 0, out.stderr)
        for path, line in zip(paths, out.stdout.splitlines()):
            got = json.loads(line)
            expected = load(path[:-len(".txt")] + ".expected.json")
            self.assertEqual(got["cells"], expected["cells"], path)
            for key in ("agency", "year", "title", "template"):
                self.assertEqual(got[key], expected[key], path)

    def test_compact_pdf(self):
        """Numbers of neighbouring columns that touch on the page."""
        path = os.path.join(PDF_FIXTURES, "compact_2024-browser.pdf")
        out = run("extract", path)
        self.assertEqual(out.returncode, 0, out.stderr)
        got = json.loads(out.stdout)
        expected = load(os.path.join(PDF_FIXTURES, "compact_2024.expected.json"))
        self.assertEqual(got["cells"], expected["cells"])
        self.assertEqual(got["problems"], [])

    def test_corpus_2023_reports_its_real_errors(self):
        path = os.path.join(CORPUS, "hongzequ_2023.layout.txt")
        require_corpus(self, path)
        got = json.loads(run("extract", path).stdout)
        with open(os.path.join(CORPUS, "hongzequ_2023.expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        self.assertEqual(got["cells"], expected["cells"])
        self.assertEqual(got["template"]["s3"], "2019")
        self.assertEqual([p["rule"] for p in got["problems"]], ["s4.group_total"] * 2)
        self.assertEqual(got["problems"][0]["cells"][0], "s4.review.total")
        self.assertEqual(got["problems"][0]["message"],
                         "Administrative review: total 0 ≠ 11, the sum of its results")

    def test_pdf_sources_are_rectangles(self):
        path = os.path.join(CORPUS, "hongzequ_2024.pdf")
        require_corpus(self, path)
        out = run("extract", path)
        self.assertEqual(out.returncode, 0, out.stderr)
        got = json.loads(out.stdout)
        self.assertEqual(got["cells"]["s3.new.natural"], 95)
        self.assertEqual(got["agency"], "淮安市洪泽区人民政府")
        source = got["sources"]["s3.new.natural"]
        self.assertEqual(sorted(source), ["h", "page", "w", "x", "y"])
        self.assertEqual(source["page"], 3)

    def test_pdf_password_and_pages(self):
        bad = os.path.join(ROOT, "tests", "pdf", "fixtures", "bad")
        encrypted = os.path.join(bad, "encrypted.pdf")
        self.assertTrue(os.path.exists(encrypted), encrypted)
        out = run("check", encrypted)
        self.assertEqual(out.returncode, 2)
        self.assertIn(encrypted + ": This PDF is protected by a password", out.stderr)
        out = run("extract", "--password", "nianbao", encrypted)
        self.assertEqual(out.returncode, 0, out.stderr)
        # It is weishi_2024-word.pdf, encrypted.
        self.assertEqual(json.loads(out.stdout)["cells"],
                         load(os.path.join(PDF_FIXTURES, "weishi_2024.expected.json"))["cells"])
        out = run("extract", "--pages", "x-2", encrypted)
        self.assertEqual(out.returncode, 3)
        scan = os.path.join(bad, "scan.pdf")
        out = run("check", scan)
        self.assertEqual(out.returncode, 2)
        self.assertIn("This PDF is a scan: it has no text layer", out.stderr)

    def test_csv(self):
        path = sample(SEEDS[2])
        out = run("extract", "--format", "csv", path)
        self.assertEqual(out.returncode, 0)
        rows = list(csv.reader(io.StringIO(out.stdout)))
        self.assertEqual(rows[0], ["cell_id", "label", "value"])
        cells = expected_of(path)["cells"]
        self.assertEqual([(r[0], r[2]) for r in rows[1:]],
                         [(cid, formatted(v)) for cid, v in cells.items()])
        self.assertIn(["s2.licensing.decisions", "行政许可 · 本年处理决定数量", "5188"], rows)
        self.assertIn(["s3.new.natural", "一、本年新收政府信息公开申请数量 · 自然人", "2"], rows)

    def test_csv_many_files(self):
        paths = [os.path.join(DISTINCT, "000-tabs.txt"), os.path.join(DISTINCT, "002-pipes.txt"),
                 os.path.join(ROOT, "tests", "fixtures", "text", "altered", "002-multi.txt")]
        out = run("extract", "-f", "csv", *paths)
        rows = list(csv.reader(io.StringIO(out.stdout)))
        self.assertEqual(rows[0], ["file", "cell_id", "label", "value"])
        want = []
        for path in paths[:2]:
            want += [(path, cid, formatted(v)) for cid, v in expected_of(path)["cells"].items()]
        self.assertEqual([(r[0], r[1], r[3]) for r in rows[1:1 + len(want)]], want)
        # A missing value is an empty field, never 0.
        self.assertIn([paths[2], "s2.fees.amount", "行政事业性收费 · 本年收费金额（单位：万元）", ""],
                      rows)

    def test_text(self):
        out = run("extract", "--format", "text", sample(SEEDS[2]))
        self.assertEqual(out.returncode, 0)
        self.assertIn("滨州高新技术产业开发区2024年政府信息公开工作年度报告", out.stdout)
        self.assertIn("行政许可\t5188", out.stdout)
        self.assertIn("No problems", out.stdout)

    def test_unknown_format(self):
        out = run("extract", "--format", "xml", sample(SEEDS[0]))
        self.assertEqual(out.returncode, 3)
        self.assertIn("xml", out.stderr)


class Check(unittest.TestCase):
    def test_seeds_have_no_problem(self):
        out = run("check", *[sample(s) for s in SEEDS])
        self.assertEqual(out.returncode, 0, out.stdout)
        self.assertEqual(out.stdout.count(": no problems"), len(SEEDS))

    def test_altered_names_rule_and_cells(self):
        path = os.path.join(ROOT, "tests", "fixtures", "text", "altered", "000-balance.txt")
        out = run("check", path)
        self.assertEqual(out.returncode, 1)
        self.assertIn(path + ": 2 problems", out.stdout)
        self.assertIn("s3.balance\ts3.new.natural,s3.carried_in.natural,"
                      "s3.results_total.natural,s3.carried_over.natural\t", out.stdout)

    def test_unreadable_file(self):
        bad = os.path.join(ROOT, "tests", "fixtures", "text", "bad", "binary.bin")
        out = run("check", sample(SEEDS[0]), bad, "/nonexistent.txt")
        self.assertEqual(out.returncode, 2)
        self.assertIn(": no problems", out.stdout)
        self.assertIn("nianbao-cli: " + bad + ": This is not a text file", out.stderr)
        self.assertIn("nianbao-cli: /nonexistent.txt: No such file or directory", out.stderr)

    def test_translated(self):
        path = os.path.join(ROOT, "tests", "fixtures", "text", "altered", "000-balance.txt")
        localedir = os.environ.get("NB_TEST_LOCALEDIR")
        if not localedir or subprocess.run(["locale", "-a"], capture_output=True,
                                           text=True).stdout.find("zh_CN") < 0:
            self.skipTest("no zh_CN locale or no built translations")
        out = run("check", path, env={"LC_ALL": "zh_CN.UTF-8", "LANGUAGE": "zh_CN",
                                      "NIANBAO_LOCALEDIR": localedir})
        self.assertIn("自然人：新收 3 + 上年结转 0 ≠ 办理结果总计 0 + 结转下年 0", out.stdout)


class Readers(unittest.TestCase):
    """Web pages, Word files and Markdown through the CLI, as a user runs it."""

    def test_extract_each_format(self):
        paths = [os.path.join(FIXTURES, f) for f, _ in READER_FIXTURES]
        out = run("extract", *paths)
        self.assertEqual(out.returncode, 0, out.stderr)
        lines = out.stdout.splitlines()
        self.assertEqual(len(lines), len(paths))
        for (name, expected_name), line in zip(READER_FIXTURES, lines):
            got = json.loads(line)
            expected = load(os.path.join(FIXTURES, expected_name))
            self.assertEqual(got["cells"], expected["cells"], name)
            self.assertEqual(got["agency"], expected["agency"], name)
            self.assertEqual(got["year"], expected["year"], name)
            self.assertEqual(got["title"], expected["title"], name)
            self.assertEqual(got["problems"], [], name)

    def test_cell_source_names_table_row_column(self):
        for name in ("html/report.html", "docx/report.docx"):
            got = json.loads(run("extract", os.path.join(FIXTURES, name)).stdout)
            source = got["sources"]["s3.refused.state_secret.natural"]
            self.assertEqual((source["table"], source["table_row"], source["table_column"]),
                             (2, 8, 4), name)
            self.assertEqual(sorted(source), ["column", "length", "line", "table",
                                              "table_column", "table_row"])

    def test_csv_of_a_word_file(self):
        path = os.path.join(FIXTURES, "docx", "report.docx")
        out = run("extract", "--format", "csv", path)
        self.assertEqual(out.returncode, 0, out.stderr)
        rows = {r[0]: r[2] for r in csv.reader(io.StringIO(out.stdout))}
        expected = load(os.path.join(FIXTURES, "docx", "report.expected.json"))["cells"]
        for cid, value in expected.items():
            self.assertEqual(rows[cid], formatted(value), cid)

    def test_doc_through_libreoffice(self):
        path = os.path.join(FIXTURES, "docx", "report.doc")
        out = run("extract", path, env={"PATH": "/nonexistent"})
        self.assertEqual(out.returncode, 2)
        self.assertIn("LibreOffice, which is not installed", out.stderr)
        if subprocess.run(["sh", "-c", "command -v soffice"], capture_output=True).returncode != 0:
            self.skipTest("LibreOffice (soffice) is not installed: .doc conversion not tested")
        out = run("extract", path)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(json.loads(out.stdout)["cells"],
                         load(os.path.join(FIXTURES, "docx", "report.expected.json"))["cells"])

    def test_bad_word_and_archive(self):
        bad = os.path.join(FIXTURES, "docx", "bad")
        for name, message in (("truncated.docx", "The Word file is damaged or cut short"),
                              ("not-a-zip.docx", "The Word file is damaged or cut short"),
                              ("no-document.docx", "The zip archive holds no Word document")):
            out = run("extract", os.path.join(bad, name))
            self.assertEqual(out.returncode, 2, name)
            self.assertIn(name + ": " + message, out.stderr)
        out = run("check", os.path.join(FIXTURES, "html", "bad", "empty-archive.mhtml"))
        self.assertEqual(out.returncode, 2)
        self.assertIn("holds no web page", out.stderr)


class Usage(unittest.TestCase):
    def test_help_documents_everything(self):
        out = run("--help")
        self.assertEqual(out.returncode, 0)
        for word in ("extract", "check", "--format", "json", "csv", "text", "--password",
                     "--pages", "Exit status", ".html", ".mhtml", ".docx", ".doc", "Markdown",
                     "LibreOffice"):
            self.assertIn(word, out.stdout)

    def test_no_command(self):
        out = run()
        self.assertEqual(out.returncode, 3)
        self.assertIn("extract", out.stderr)

    def test_version(self):
        self.assertRegex(run("--version").stdout, r"^nianbao-cli \d+\.\d+\.\d+")


def han_name(i):
    """A place name for a number: digits in a name end it for the matcher."""
    return "".join("甲乙丙丁戊己庚辛壬癸"[int(d)] for d in "%04d" % i)


class Library(unittest.TestCase):
    """import, list, agencies and extract/check --library (issue 10)."""

    FUGOU = "扶沟县工业和信息化局"

    def setUp(self):
        import tempfile
        self.tmp = tempfile.TemporaryDirectory()
        self.lib = os.path.join(self.tmp.name, "lib", "library.sqlite")

    def tearDown(self):
        self.tmp.cleanup()

    def variant(self, name, old, new, year=None):
        with open(sample("004_d75dc64ce6227108.txt"), encoding="utf-8") as f:
            text = f.read().replace(old, new)
        if year:
            text = text.replace("2023", year)
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def list_json(self):
        out = run("list", "--library", self.lib, "--format", "json")
        self.assertEqual(out.returncode, 0, out.stderr)
        return [json.loads(line) for line in out.stdout.splitlines()]

    def test_import_summary_and_duplicates(self):
        out = run("import", "--library", self.lib, SAMPLES)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout, "5 reports added, 0 already in the library, 0 failed (library: %s)\n"
                         % self.lib)
        # not a terminal: no progress line
        self.assertNotIn("\r", out.stderr)
        again = run("import", "--library", self.lib, sample(SEEDS[0]), SAMPLES)
        self.assertEqual(again.returncode, 0)
        self.assertTrue(again.stdout.startswith("0 reports added, 6 already in the library, 0 failed"))

    def test_import_failures_listed_rest_go_on(self):
        bad = os.path.join(self.tmp.name, "empty.txt")
        open(bad, "w").close()
        missing = os.path.join(self.tmp.name, "missing.txt")
        out = run("import", "--library", self.lib, bad, sample(SEEDS[0]), missing)
        self.assertEqual(out.returncode, 2)
        self.assertTrue(out.stdout.startswith("1 report added, 0 already in the library, 2 failed"))
        # the same messages as extract gives for these files
        for path in (bad, missing):
            extract = run("extract", path)
            self.assertEqual(extract.returncode, 2)
            self.assertIn(extract.stderr.strip(), out.stderr)

    def test_list_formats(self):
        corpus = [os.path.join(CORPUS, "hongzequ_%d.layout.txt" % y) for y in (2023, 2024)]
        paths = [sample(s) for s in SEEDS]
        if all(os.path.exists(p) for p in corpus):
            paths += corpus
        self.assertEqual(run("import", "--library", self.lib, *paths).returncode, 0)
        agencies = self.list_json()
        self.assertEqual(len(agencies), 5 + (1 if len(paths) > 5 else 0))
        names = [a["agency"] for a in agencies]
        self.assertEqual(names, sorted(names))
        fugou = next(a for a in agencies if a["agency"] == self.FUGOU)
        self.assertEqual([r["year"] for r in fugou["reports"]], [2023])
        self.assertEqual(fugou["region"], "扶沟县")
        self.assertEqual(fugou["level"], "department")
        if len(paths) > 5:
            hongze = next(a for a in agencies if "洪泽区人民政府" in a["names"])
            self.assertEqual(sorted(hongze["names"]), ["洪泽区人民政府", "淮安市洪泽区人民政府"])
            self.assertEqual([r["year"] for r in hongze["reports"]], [2023, 2024])
            # problem counts agree with check on the same files
            for report, path in zip(hongze["reports"], corpus):
                check = run("check", path)
                n = 0 if "no problems" in check.stdout else int(check.stdout.split(": ")[1].split()[0])
                self.assertEqual(report["problems"], n)
            self.assertEqual(hongze["problems"], sum(r["problems"] for r in hongze["reports"]))
        rows = list(csv.reader(io.StringIO(run("list", "--library", self.lib, "--format", "csv").stdout)))
        self.assertEqual(rows[0], ["agency", "region", "level", "year", "problems", "source"])
        self.assertEqual(len(rows) - 1, sum(len(a["reports"]) for a in agencies))
        self.assertIn([self.FUGOU, "扶沟县", "department", "2023", "0",
                       os.path.realpath(sample("004_d75dc64ce6227108.txt"))], rows)
        text = run("list", "--library", self.lib).stdout
        self.assertEqual(run("--library", self.lib, "list").stdout, text)
        self.assertIn(self.FUGOU + "\t扶沟县\t2023\t0 problems\n", text)
        if len(paths) > 5:
            self.assertRegex(text, "淮安市洪泽区人民政府|洪泽区人民政府")
            self.assertIn("\t2023–2024\t", text)
        bad = run("list", "--library", self.lib, "--format", "xml")
        self.assertEqual(bad.returncode, 3)
        self.assertIn("unknown format", bad.stderr)

    def test_agencies_merge_kept(self):
        short = self.variant("short.txt", self.FUGOU, "扶沟县工信局", "2024")
        self.assertEqual(run("import", "--library", self.lib, sample("004_d75dc64ce6227108.txt"),
                             short).returncode, 0)
        self.assertEqual(len(self.list_json()), 2)
        out = run("agencies", "merge", "--library", self.lib, self.FUGOU, "扶沟县工信局")
        self.assertEqual(out.returncode, 0, out.stderr)
        agencies = self.list_json()
        self.assertEqual(len(agencies), 1)
        self.assertEqual(agencies[0]["agency"], self.FUGOU)
        self.assertEqual([r["year"] for r in agencies[0]["reports"]], [2023, 2024])
        # a later import of the other name joins the merged agency
        later = self.variant("short-2022.txt", self.FUGOU, "扶沟县工信局", "2022")
        self.assertEqual(run("import", "--library", self.lib, later).returncode, 0)
        agencies = self.list_json()
        self.assertEqual(len(agencies), 1)
        self.assertEqual([r["year"] for r in agencies[0]["reports"]], [2022, 2023, 2024])
        # and split back
        out = run("agencies", "split", "--library", self.lib, "扶沟县工信局")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(sorted(len(a["reports"]) for a in self.list_json()), [1, 2])
        unknown = run("agencies", "merge", "--library", self.lib, self.FUGOU, "没有这个局")
        self.assertEqual(unknown.returncode, 2)
        self.assertIn("no agency named “没有这个局”", unknown.stderr)
        self.assertEqual(run("agencies", "merge", "--library", self.lib, self.FUGOU).returncode, 3)

    def test_extract_and_check_from_library(self):
        path = sample("004_d75dc64ce6227108.txt")
        self.assertEqual(run("import", "--library", self.lib, path).returncode, 0)
        direct = json.loads(run("extract", path).stdout)
        stored = run("extract", "--library", self.lib, self.FUGOU + ":2023")
        self.assertEqual(stored.returncode, 0, stored.stderr)
        stored = json.loads(stored.stdout)
        self.assertEqual(stored["cells"], direct["cells"])
        self.assertEqual(stored["sources"], direct["sources"])
        self.assertEqual(stored["sections"], direct["sections"])
        self.assertEqual(stored["file"], self.FUGOU + ":2023")
        by_options = run("extract", "--library", self.lib, "--agency", self.FUGOU, "--year", "2023",
                         "--format", "csv")
        self.assertEqual(by_options.stdout, run("extract", "--format", "csv", path).stdout)
        check = run("check", "--library", self.lib, self.FUGOU + ":2023")
        self.assertEqual(check.returncode, 0)
        self.assertEqual(check.stdout, self.FUGOU + ":2023: no problems\n")
        missing = run("check", "--library", self.lib, self.FUGOU + ":2019")
        self.assertEqual(missing.returncode, 2)
        self.assertIn("no report of “%s” for 2019" % self.FUGOU, missing.stderr)
        bad = run("check", "--library", self.lib, "no-year")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("not AGENCY:YEAR", bad.stderr)
        self.assertEqual(run("extract", "--agency", self.FUGOU, "--year", "2023").returncode, 3)

    def test_import_usage(self):
        out = run("import", "--library", self.lib)
        self.assertEqual(out.returncode, 3)
        self.assertIn("at least one file or folder", out.stderr)
        self.assertIn("import", run("--help").stdout)

    def test_sigkill_mid_import(self):
        """A kill in the middle of a bulk import leaves a library that
        opens, holds every report committed before the kill and no half
        one."""
        import signal
        import sqlite3
        import time
        folder = os.path.join(self.tmp.name, "many")
        os.mkdir(folder)
        with open(sample("004_d75dc64ce6227108.txt"), encoding="utf-8") as f:
            seed = f.read()
        n_files = 1200
        for i in range(n_files):
            with open(os.path.join(folder, "%04d.txt" % i), "w", encoding="utf-8") as f:
                f.write(seed.replace(self.FUGOU, han_name(i) + "县工业和信息化局"))
        # a complete report of this shape, in a library of its own
        whole = os.path.join(self.tmp.name, "whole.sqlite")
        self.assertEqual(run("import", "--library", whole, os.path.join(folder, "0000.txt")).returncode, 0)
        with sqlite3.connect(whole) as db:
            shape = db.execute("SELECT (SELECT count(*) FROM cells), (SELECT count(*) FROM sections),"
                               " (SELECT count(*) FROM problems)").fetchone()
        self.assertGreater(shape[0], 100)

        child = subprocess.Popen([CLI, "import", "--library", self.lib, folder],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seen = 0
        deadline = time.monotonic() + 60
        while seen < 100 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.005)
            try:
                with sqlite3.connect("file:%s?mode=ro" % self.lib, uri=True, timeout=1) as db:
                    seen = db.execute("SELECT count(*) FROM reports").fetchone()[0]
            except sqlite3.Error:
                pass
        child.send_signal(signal.SIGKILL)
        child.wait()
        self.assertEqual(child.returncode, -signal.SIGKILL, "the import ended before the kill")

        listed = self.list_json()
        with sqlite3.connect(self.lib) as db:
            n = db.execute("SELECT count(*) FROM reports").fetchone()[0]
            counts = db.execute("SELECT r.id, (SELECT count(*) FROM cells c WHERE c.report_id = r.id),"
                                " (SELECT count(*) FROM sections s WHERE s.report_id = r.id),"
                                " (SELECT count(*) FROM problems p WHERE p.report_id = r.id)"
                                " FROM reports r").fetchall()
            integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        self.assertEqual(integrity, "ok")
        self.assertGreaterEqual(n, seen)
        self.assertLess(n, n_files)
        self.assertEqual(len(listed), n)
        for report_id, cells, sections, problems in counts:
            self.assertEqual((cells, sections, problems), shape, "report %d is partial" % report_id)
        # and the import, run again, finishes the rest
        out = run("import", "--library", self.lib, folder)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertTrue(out.stdout.startswith("%d reports added, %d already in the library, 0 failed"
                                              % (n_files - n, n)), out.stdout)
class Hostile(unittest.TestCase):
    """Broken and hostile files (issue 14): exit 2 and one line on standard
    error that names the file and the reason; never a hang or a crash."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="nianbao-cli-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name, data=None):
        path = os.path.join(self.dir, name)
        if data is not None:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb" if isinstance(data, bytes) else "w") as f:
                f.write(data)
        return path

    def assertUnreadable(self, path, reason):
        out = run("extract", "--", path)
        self.assertEqual(out.returncode, 2, out.stderr)
        self.assertEqual(out.stdout, "")
        self.assertEqual(out.stderr.count("\n"), 1, out.stderr)
        self.assertTrue(out.stderr.startswith("nianbao-cli: %s: " % path), out.stderr)
        self.assertIn(reason, out.stderr)

    def test_options_end(self):
        path = self.path("-report.txt", open(sample(SEEDS[0]), encoding="utf-8").read())
        out = run("extract", "--format", "csv", "--", path)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("s3.new.natural", out.stdout)
        out = run("check", "--", "-report.txt", cwd=self.dir)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout, "-report.txt: no problems\n")
        # Without "--" it is an unknown option: a usage error.
        self.assertEqual(run("check", "-report.txt", cwd=self.dir).returncode, 3)

    def test_not_regular_files(self):
        fifo = self.path("pipe.txt")
        os.mkfifo(fifo)
        for path in (fifo, "/dev/zero"):
            self.assertUnreadable(path, "It is not a regular file (a device, a pipe or a socket): "
                                        "Nianbao reads only files")
        self.assertUnreadable(self.dir, "It is a folder, not a file")

    def test_deep_nesting(self):
        deep = '{"format": "nianbao", "version": 1, "x": ' + "[" * 75000 + "]" * 75000 + "}"
        self.assertUnreadable(self.path("deep.nianbao", deep), "nested deeper than any saved report")

    def test_saved_values(self):
        saved = open(os.path.join(ROOT, "tests", "fuzz", "corpus", "saved", "small.nianbao"),
                     encoding="utf-8").read()
        self.assertUnreadable(self.path("inf.nianbao", saved.replace('"value":12', '"value":1e999')),
                              "the value of cell s2.rules.new is inf")
        self.assertUnreadable(self.path("type.nianbao", saved.replace('"version":1', '"version":{}')),
                              "This is not a report saved by this version of Nianbao")
        self.assertUnreadable(self.path("year.nianbao", saved.replace('"year":2023', '"year":[]')),
                              "year is not a whole number in range")
        self.assertUnreadable(self.path("other.json", '{"a": [1, 2]}'),
                              "This is a JSON file, but not a report saved by Nianbao")

    def test_saved_any_layout(self):
        saved = json.load(open(os.path.join(ROOT, "tests", "fuzz", "corpus", "saved", "small.nianbao"),
                               encoding="utf-8"))
        path = self.path("sorted.nianbao", json.dumps(saved, indent=4, sort_keys=True))
        out = run("extract", "--format", "csv", path)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("s2.rules.new,规章 · 本年制发件数,12\n", out.stdout)

    def test_name_on_one_line(self):
        path = self.path("two\nlines.txt", b"\x00\x01binary")
        out = run("extract", path)
        self.assertEqual(out.returncode, 2)
        self.assertEqual(out.stderr, "nianbao-cli: %s: This is not a text file, and not a format "
                                     "Nianbao reads\n" % path.replace("\n", "\\x0a"))

    def test_source_changed(self):
        seed = os.path.join(ROOT, "tests", "fuzz", "corpus", "saved", "sample-000.nianbao")
        report = self.path("sample.nianbao", open(seed, encoding="utf-8").read())
        source = self.path(os.path.join("data", "samples", SEEDS[0]),
                           open(sample(SEEDS[0]), encoding="utf-8").read())
        out = run("extract", report)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stderr, "")

        with open(source, "a", encoding="utf-8") as f:
            f.write("\n附：本报告已更正。\n")
        out = run("extract", report)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stderr, "nianbao-cli: %s: its source data/samples/%s has changed since "
                                     "the report was saved\n" % (report, SEEDS[0]))

        os.unlink(source)
        out = run("check", report)
        self.assertEqual(out.stderr, "nianbao-cli: %s: its source data/samples/%s is missing\n"
                                     % (report, SEEDS[0]))


class TapResult(unittest.TestResult):
    """Prints each test as a TAP line, so meson and the closing count see
    every test, and every skip, not one result for the whole file."""

    def __init__(self):
        super().__init__()
        self.n = 0

    def _line(self, test, ok, directive=""):
        self.n += 1
        print("%s %d %s%s" % ("ok" if ok else "not ok", self.n, test.id(), directive), flush=True)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._line(test, True)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._line(test, True, " # SKIP " + reason)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._line(test, False)
        print("# " + self._exc_info_to_string(err, test).replace("\n", "\n# "))

    def addError(self, test, err):
        super().addError(test, err)
        self._line(test, False)
        print("# " + self._exc_info_to_string(err, test).replace("\n", "\n# "))


if __name__ == "__main__":
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    print("1..%d" % suite.countTestCases(), flush=True)
    result = TapResult()
    suite.run(result)
    sys.exit(0 if result.wasSuccessful() else 1)
