#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate Nianbao's text test fixtures from the seed reports.

Run from anywhere:  python3 tests/make-fixtures.py

Reads  data/samples/*.txt  (byte-for-byte copies of the five seeds) and writes
  tests/expected/<seed>.json      true cell values of each seed (hand-read)
  tests/fixtures/text/encodings/  each seed re-encoded (GB18030, UTF-16, BOM, CRLF)
  tests/fixtures/text/altered/    seeds with deliberate inconsistencies + manifest.json
  tests/fixtures/text/bad/        empty, binary, truncated, non-report, Latin-1 inputs
  tests/fixtures/text/distinct/   the seeds' layouts filled with distinct, consistent,
                                  non-zero values, each with <name>.expected.json
  tests/fixtures/text/shapes/     reports laid out as agencies publish them (tables
                                  by position, extra and missing columns, S4 shapes,
                                  broken rows, contents pages, titles, typos)
  tests/fixtures/text/README.md   what each file tests

Standard library only; deterministic (no clock, no unseeded randomness), so
re-running it gives byte-identical output.  The directories encodings/,
altered/ and bad/ are emptied and regenerated on every run.

The expected values below were read by eye from the seeds and typed in; they
are never computed by parsing the seeds.  The expected problems of the
altered files were worked out by hand; check_rules() below recomputes them
from the cell values as an independent cross-check and the script stops if
the two disagree.

The distinct/ fixtures put generated values into the seeds' own layouts:
every cell non-zero, no two template cells alike, and every consistency
rule holding, so a matcher that puts a value in the wrong row or column
fails.  Their expected values are the generator's, never the importer's.
"""

import codecs
import hashlib
import json
import os
import random
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "data", "samples")
EXPECTED = os.path.join(ROOT, "tests", "expected")
OUT = os.path.join(ROOT, "tests", "fixtures", "text")

# --------------------------------------------------------------------------
# The 2021 template's cell ids (spec: shared/spec/gov-disclosure-2021.md)
# --------------------------------------------------------------------------

S2_ROWS = [  # (row, [columns]) in template order
    ("rules", ["new", "abolished", "in_force"]),
    ("normative", ["new", "abolished", "in_force"]),
    ("licensing", ["decisions"]),
    ("penalty", ["decisions"]),
    ("coercion", ["decisions"]),
    ("fees", ["amount"]),
]
S3_COLS = ["natural", "business", "research", "nonprofit", "legal",
           "other_org", "total"]
S3_PARTS = S3_COLS[:-1]
S3_RESULT_ROWS = [
    "granted", "partly",
    "refused.state_secret", "refused.prohibited",
    "refused.security_stability", "refused.third_party", "refused.internal",
    "refused.process", "refused.enforcement_file", "refused.query",
    "unable.not_held", "unable.needs_creation", "unable.unclear",
    "not_processed.petition", "not_processed.repeated",
    "not_processed.publication", "not_processed.excessive",
    "not_processed.confirm",
    "other_handling.no_correction", "other_handling.no_fee",
    "other_handling.misc",
]
S3_ROWS = (["new", "carried_in"] + S3_RESULT_ROWS
           + ["results_total", "carried_over"])
S4_GROUPS = ["review", "suit_direct", "suit_after_review"]
S4_COLS = ["upheld", "corrected", "other", "pending", "total"]
S4_PARTS = S4_COLS[:-1]

assert len(S3_RESULT_ROWS) == 21 and len(S3_ROWS) == 25

S2_IDS = ["s2.%s.%s" % (r, c) for r, cols in S2_ROWS for c in cols]
S3_IDS = ["s3.%s.%s" % (r, c) for r in S3_ROWS for c in S3_COLS]
S4_IDS = ["s4.%s.%s" % (g, c) for g in S4_GROUPS for c in S4_COLS]
AGG_IDS = ["s3.other_handling.%s" % c for c in S3_COLS]
TEMPLATE_IDS = S2_IDS + S3_IDS + S4_IDS          # the 200 template cells
# Key order of shared/corpus/*.expected.json: the 200 template cells, then the
# 7 aggregates at the very end (after s4.suit_after_review.total).
CELL_ORDER = TEMPLATE_IDS + AGG_IDS
AMOUNT_IDS = {"s2.fees.amount"}                  # decimals; the rest are counts
assert len(S2_IDS) == 10 and len(S3_IDS) == 175 and len(S4_IDS) == 15
assert len(CELL_ORDER) == 207 == len(set(CELL_ORDER))

# Template rows, for cell.missing (one problem per row): S2 rows, S3 rows,
# S4 groups.
TEMPLATE_ROWS = (
    [["s2.%s.%s" % (r, c) for c in cols] for r, cols in S2_ROWS]
    + [["s3.%s.%s" % (r, c) for c in S3_COLS] for r in S3_ROWS]
    + [["s4.%s.%s" % (g, c) for c in S4_COLS] for g in S4_GROUPS]
)

# --------------------------------------------------------------------------
# True values of the seeds, read by eye and typed in.
# S3 tables: row id, then natural business research nonprofit legal other_org
# total.  The last line "other_handling" is the aggregate of （六）; it is
# typed too and asserted to equal the sum of the three sub-rows.
# --------------------------------------------------------------------------

SEEDS = {}

# 尉氏县先进制造业开发区 2024: every table cell 0 (S2 header typo 本年度止件数).
SEEDS["000_f24d835b901d1514"] = dict(
    agency="尉氏县先进制造业开发区", year=2024,
    title="尉氏县先进制造业开发区2024年政府信息公开工作年度报告",
    s2="""
        rules        0 0 0
        normative    0 0 0
        licensing    0
        penalty      0
        coercion     0
        fees         0
    """,
    s3="""
        new                           0 0 0 0 0 0 0
        carried_in                    0 0 0 0 0 0 0
        granted                       0 0 0 0 0 0 0
        partly                        0 0 0 0 0 0 0
        refused.state_secret          0 0 0 0 0 0 0
        refused.prohibited            0 0 0 0 0 0 0
        refused.security_stability    0 0 0 0 0 0 0
        refused.third_party           0 0 0 0 0 0 0
        refused.internal              0 0 0 0 0 0 0
        refused.process               0 0 0 0 0 0 0
        refused.enforcement_file      0 0 0 0 0 0 0
        refused.query                 0 0 0 0 0 0 0
        unable.not_held               0 0 0 0 0 0 0
        unable.needs_creation         0 0 0 0 0 0 0
        unable.unclear                0 0 0 0 0 0 0
        not_processed.petition        0 0 0 0 0 0 0
        not_processed.repeated        0 0 0 0 0 0 0
        not_processed.publication     0 0 0 0 0 0 0
        not_processed.excessive       0 0 0 0 0 0 0
        not_processed.confirm         0 0 0 0 0 0 0
        other_handling.no_correction  0 0 0 0 0 0 0
        other_handling.no_fee         0 0 0 0 0 0 0
        other_handling.misc           0 0 0 0 0 0 0
        results_total                 0 0 0 0 0 0 0
        carried_over                  0 0 0 0 0 0 0
        other_handling                0 0 0 0 0 0 0
    """,
    s4="""
        review             0 0 0 0 0
        suit_direct        0 0 0 0 0
        suit_after_review  0 0 0 0 0
    """,
)

# 文峰区行政审批和政务信息管理局 2024: every table cell 0.
SEEDS["001_7f28f313131cbcb8"] = dict(
    agency="文峰区行政审批和政务信息管理局", year=2024,
    title="文峰区行政审批和政务信息管理局2024年政府信息公开工作年度报告",
    s2="""
        rules        0 0 0
        normative    0 0 0
        licensing    0
        penalty      0
        coercion     0
        fees         0
    """,
    s3="""
        new                           0 0 0 0 0 0 0
        carried_in                    0 0 0 0 0 0 0
        granted                       0 0 0 0 0 0 0
        partly                        0 0 0 0 0 0 0
        refused.state_secret          0 0 0 0 0 0 0
        refused.prohibited            0 0 0 0 0 0 0
        refused.security_stability    0 0 0 0 0 0 0
        refused.third_party           0 0 0 0 0 0 0
        refused.internal              0 0 0 0 0 0 0
        refused.process               0 0 0 0 0 0 0
        refused.enforcement_file      0 0 0 0 0 0 0
        refused.query                 0 0 0 0 0 0 0
        unable.not_held               0 0 0 0 0 0 0
        unable.needs_creation         0 0 0 0 0 0 0
        unable.unclear                0 0 0 0 0 0 0
        not_processed.petition        0 0 0 0 0 0 0
        not_processed.repeated        0 0 0 0 0 0 0
        not_processed.publication     0 0 0 0 0 0 0
        not_processed.excessive       0 0 0 0 0 0 0
        not_processed.confirm         0 0 0 0 0 0 0
        other_handling.no_correction  0 0 0 0 0 0 0
        other_handling.no_fee         0 0 0 0 0 0 0
        other_handling.misc           0 0 0 0 0 0 0
        results_total                 0 0 0 0 0 0 0
        carried_over                  0 0 0 0 0 0 0
        other_handling                0 0 0 0 0 0 0
    """,
    s4="""
        review             0 0 0 0 0
        suit_direct        0 0 0 0 0
        suit_after_review  0 0 0 0 0
    """,
)

# 滨州高新技术产业开发区 2024 (pipe table, no title line).  S2: 行政许可 5188,
# 行政处罚 34, 行政强制 17.  S3: 2 new applications from natural persons, both
# granted.  Rows by line of the seed: 25 new (label lost), 26 carried_in,
# 27 granted, 28 partly, 29-36 refused x8 (30, 32, 34 unlabeled),
# 37-39 unable x3 (38, 39 unlabeled), 40 petition (only "(五)不予处理" left),
# 41-44 not_processed 2-5, 45-47 other_handling x3, 48 results_total,
# 49 carried_over.
SEEDS["002_ff767b4376f9d530"] = dict(
    agency="滨州高新技术产业开发区", year=2024,
    title="滨州高新技术产业开发区2024年政府信息公开工作年度报告",
    s2="""
        rules        0 0 0
        normative    0 0 0
        licensing    5188
        penalty      34
        coercion     17
        fees         0
    """,
    s3="""
        new                           2 0 0 0 0 0 2
        carried_in                    0 0 0 0 0 0 0
        granted                       2 0 0 0 0 0 2
        partly                        0 0 0 0 0 0 0
        refused.state_secret          0 0 0 0 0 0 0
        refused.prohibited            0 0 0 0 0 0 0
        refused.security_stability    0 0 0 0 0 0 0
        refused.third_party           0 0 0 0 0 0 0
        refused.internal              0 0 0 0 0 0 0
        refused.process               0 0 0 0 0 0 0
        refused.enforcement_file      0 0 0 0 0 0 0
        refused.query                 0 0 0 0 0 0 0
        unable.not_held               0 0 0 0 0 0 0
        unable.needs_creation         0 0 0 0 0 0 0
        unable.unclear                0 0 0 0 0 0 0
        not_processed.petition        0 0 0 0 0 0 0
        not_processed.repeated        0 0 0 0 0 0 0
        not_processed.publication     0 0 0 0 0 0 0
        not_processed.excessive       0 0 0 0 0 0 0
        not_processed.confirm         0 0 0 0 0 0 0
        other_handling.no_correction  0 0 0 0 0 0 0
        other_handling.no_fee         0 0 0 0 0 0 0
        other_handling.misc           0 0 0 0 0 0 0
        results_total                 2 0 0 0 0 0 2
        carried_over                  0 0 0 0 0 0 0
        other_handling                0 0 0 0 0 0 0
    """,
    s4="""
        review             0 0 0 0 0
        suit_direct        0 0 0 0 0
        suit_after_review  0 0 0 0 0
    """,
)

# 西工区民营经济发展局 2024: every table cell 0.
SEEDS["003_e0396cda2f552dd2"] = dict(
    agency="西工区民营经济发展局", year=2024,
    title="西工区民营经济发展局2024年政府信息公开工作年度报告",
    s2="""
        rules        0 0 0
        normative    0 0 0
        licensing    0
        penalty      0
        coercion     0
        fees         0
    """,
    s3="""
        new                           0 0 0 0 0 0 0
        carried_in                    0 0 0 0 0 0 0
        granted                       0 0 0 0 0 0 0
        partly                        0 0 0 0 0 0 0
        refused.state_secret          0 0 0 0 0 0 0
        refused.prohibited            0 0 0 0 0 0 0
        refused.security_stability    0 0 0 0 0 0 0
        refused.third_party           0 0 0 0 0 0 0
        refused.internal              0 0 0 0 0 0 0
        refused.process               0 0 0 0 0 0 0
        refused.enforcement_file      0 0 0 0 0 0 0
        refused.query                 0 0 0 0 0 0 0
        unable.not_held               0 0 0 0 0 0 0
        unable.needs_creation         0 0 0 0 0 0 0
        unable.unclear                0 0 0 0 0 0 0
        not_processed.petition        0 0 0 0 0 0 0
        not_processed.repeated        0 0 0 0 0 0 0
        not_processed.publication     0 0 0 0 0 0 0
        not_processed.excessive       0 0 0 0 0 0 0
        not_processed.confirm         0 0 0 0 0 0 0
        other_handling.no_correction  0 0 0 0 0 0 0
        other_handling.no_fee         0 0 0 0 0 0 0
        other_handling.misc           0 0 0 0 0 0 0
        results_total                 0 0 0 0 0 0 0
        carried_over                  0 0 0 0 0 0 0
        other_handling                0 0 0 0 0 0 0
    """,
    s4="""
        review             0 0 0 0 0
        suit_direct        0 0 0 0 0
        suit_after_review  0 0 0 0 0
    """,
)

# 扶沟县工业和信息化局 2023: every table cell 0.
SEEDS["004_d75dc64ce6227108"] = dict(
    agency="扶沟县工业和信息化局", year=2023,
    title="扶沟县工业和信息化局2023年政府信息公开工作年度报告",
    s2="""
        rules        0 0 0
        normative    0 0 0
        licensing    0
        penalty      0
        coercion     0
        fees         0
    """,
    s3="""
        new                           0 0 0 0 0 0 0
        carried_in                    0 0 0 0 0 0 0
        granted                       0 0 0 0 0 0 0
        partly                        0 0 0 0 0 0 0
        refused.state_secret          0 0 0 0 0 0 0
        refused.prohibited            0 0 0 0 0 0 0
        refused.security_stability    0 0 0 0 0 0 0
        refused.third_party           0 0 0 0 0 0 0
        refused.internal              0 0 0 0 0 0 0
        refused.process               0 0 0 0 0 0 0
        refused.enforcement_file      0 0 0 0 0 0 0
        refused.query                 0 0 0 0 0 0 0
        unable.not_held               0 0 0 0 0 0 0
        unable.needs_creation         0 0 0 0 0 0 0
        unable.unclear                0 0 0 0 0 0 0
        not_processed.petition        0 0 0 0 0 0 0
        not_processed.repeated        0 0 0 0 0 0 0
        not_processed.publication     0 0 0 0 0 0 0
        not_processed.excessive       0 0 0 0 0 0 0
        not_processed.confirm         0 0 0 0 0 0 0
        other_handling.no_correction  0 0 0 0 0 0 0
        other_handling.no_fee         0 0 0 0 0 0 0
        other_handling.misc           0 0 0 0 0 0 0
        results_total                 0 0 0 0 0 0 0
        carried_over                  0 0 0 0 0 0 0
        other_handling                0 0 0 0 0 0 0
    """,
    s4="""
        review             0 0 0 0 0
        suit_direct        0 0 0 0 0
        suit_after_review  0 0 0 0 0
    """,
)


def _num(tok):
    """A typed value: integer, decimal, or 'null' (missing)."""
    if tok == "null":
        return None
    return float(tok) if "." in tok else int(tok)


def _table(text, columns_of):
    """Rows of a typed table: {row: [values]}, checking the column count."""
    rows = {}
    for line in text.strip().splitlines():
        fields = line.split()
        row, values = fields[0], [_num(t) for t in fields[1:]]
        assert row not in rows, row
        assert len(values) == len(columns_of(row)), line
        rows[row] = values
    return rows


def seed_cells(seed):
    """The 207 cells of a seed's typed tables, in corpus key order."""
    cells = {}
    s2_cols = dict(S2_ROWS)
    s2 = _table(seed["s2"], lambda r: s2_cols[r])
    assert list(s2) == [r for r, _ in S2_ROWS]
    for row, cols in S2_ROWS:
        for col, v in zip(cols, s2[row]):
            cells["s2.%s.%s" % (row, col)] = v
    s3 = _table(seed["s3"], lambda r: S3_COLS)
    assert list(s3) == S3_ROWS + ["other_handling"]
    for row in S3_ROWS:
        for col, v in zip(S3_COLS, s3[row]):
            cells["s3.%s.%s" % (row, col)] = v
    s4 = _table(seed["s4"], lambda g: S4_COLS)
    assert list(s4) == S4_GROUPS
    for g in S4_GROUPS:
        for col, v in zip(S4_COLS, s4[g]):
            cells["s4.%s.%s" % (g, col)] = v
    # The aggregate row was typed as well; the seeds give the three sub-rows,
    # so it must be their sum.
    subs = ["other_handling.no_correction", "other_handling.no_fee",
            "other_handling.misc"]
    for i, col in enumerate(S3_COLS):
        assert s3["other_handling"][i] == sum(s3[r][i] for r in subs), col
        cells["s3.other_handling.%s" % col] = s3["other_handling"][i]
    assert list(cells) == CELL_ORDER
    return cells


# --------------------------------------------------------------------------
# Consistency rules (the contract), used only to cross-check the hand-written
# problems of the altered files.
# --------------------------------------------------------------------------

def cells_balance(c):
    return ["s3.new.%s" % c, "s3.carried_in.%s" % c,
            "s3.results_total.%s" % c, "s3.carried_over.%s" % c]


def cells_results_sum(c):
    return (["s3.results_total.%s" % c]
            + ["s3.%s.%s" % (r, c) for r in S3_RESULT_ROWS])


def cells_row_total(r):
    return ["s3.%s.total" % r] + ["s3.%s.%s" % (r, c) for c in S3_PARTS]


def cells_group_total(g):
    return ["s4.%s.total" % g] + ["s4.%s.%s" % (g, c) for c in S4_PARTS]


def expand(rule, arg):
    """A hand-written problem (rule, column/row/group or cell list)."""
    if rule == "s3.balance":
        cells = cells_balance(arg)
    elif rule == "s3.results_sum":
        cells = cells_results_sum(arg)
    elif rule == "s3.row_total":
        cells = cells_row_total(arg)
    elif rule == "s4.group_total":
        cells = cells_group_total(arg)
    elif rule in ("cell.non_negative", "cell.missing"):
        cells = list(arg)
    else:
        raise ValueError(rule)
    return {"rule": rule, "cells": cells}


def _eq(a, b):
    return abs(a - b) < 1e-9


def check_rules(cells):
    """Problems of a cell set, in the fixtures' problem order: rules in the
    order of the spec's table, instances in template order."""
    def missing(ids):
        return any(cells[i] is None for i in ids)

    out = []
    for c in S3_COLS:
        ids = cells_balance(c)
        if not missing(ids):
            v = [cells[i] for i in ids]
            if not _eq(v[0] + v[1], v[2] + v[3]):
                out.append({"rule": "s3.balance", "cells": ids})
    for c in S3_COLS:
        ids = cells_results_sum(c)
        if not missing(ids):
            if not _eq(cells[ids[0]], sum(cells[i] for i in ids[1:])):
                out.append({"rule": "s3.results_sum", "cells": ids})
    for r in S3_ROWS:
        ids = cells_row_total(r)
        if not missing(ids):
            if not _eq(cells[ids[0]], sum(cells[i] for i in ids[1:])):
                out.append({"rule": "s3.row_total", "cells": ids})
    for g in S4_GROUPS:
        ids = cells_group_total(g)
        if not missing(ids):
            if not _eq(cells[ids[0]], sum(cells[i] for i in ids[1:])):
                out.append({"rule": "s4.group_total", "cells": ids})
    for i in TEMPLATE_IDS:
        v = cells[i]
        if v is None:
            continue
        if v < 0 or (i not in AMOUNT_IDS and v != int(v)):
            out.append({"rule": "cell.non_negative", "cells": [i]})
    for row in TEMPLATE_ROWS:
        gone = [i for i in row if cells[i] is None]
        if gone:
            out.append({"rule": "cell.missing", "cells": gone})
    return out


# --------------------------------------------------------------------------
# Altered files.  Each edit replaces whole line(s) of the seed (several
# consecutive lines where a line alone is not unique, e.g. seed 002's
# unlabeled rows); the script asserts each old text occurs exactly once.
# "cells": cells whose true value differs from the seed's expected (None =
# missing).  "problems": worked out by hand.
# --------------------------------------------------------------------------

T = "\t"
S000, S002, S003 = ("000_f24d835b901d1514", "002_ff767b4376f9d530",
                    "003_e0396cda2f552dd2")

ZEROS7_TAB = T.join(["0"] * 7)
L000_NEW = "一、本年新收政府信息公开申请数量" + T + T + ZEROS7_TAB + T
L000_GRANTED = "三、本年度办理结果" + T + "(一) 予以公开" + T + ZEROS7_TAB + T
L000_PARTLY = (T + "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）"
               + T + ZEROS7_TAB + T)
L000_TOTAL = "(七)总计" + T + T + ZEROS7_TAB          # no final tab
L003_NEW = L000_NEW
L003_CARRIED_IN = "二、上年结转政府信息公开申请数量" + T + T + ZEROS7_TAB + T
L003_GRANTED = "三、本年度办理结果" + T + "(一) 予以公开" + T + ZEROS7_TAB + T
L003_CARRIED_OVER = "四、结转下年度继续办理" + T + T + ZEROS7_TAB + T
L003_S4 = T.join(["0"] * 15)
L002_NEW = "2 | 0 | 0 | 0 | 0 | 0 | 2 | |||"
L002_GRANTED = "三、本年度办理结果 | (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | |"
L002_SECURITY = "3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||"
L002_UNLABELED = "0 | 0 | 0 | 0 | 0 | 0 | 0 | |||"
L002_S4 = " | ".join(["0"] * 15) + " |"


def row_tab(label_part, values):
    return label_part + T.join(values) + T


ALTERED = [
    dict(
        file="000-balance.txt", base=S000,
        edits="S3 row 一、本年新收: 自然人 0→3 and 总计 0→3 (row still adds "
              "up); nothing else changed, so new + carried_in exceeds "
              "results_total + carried_over in columns natural and total.",
        subs=[(L000_NEW, row_tab("一、本年新收政府信息公开申请数量\t\t",
                                 "3 0 0 0 0 0 3".split()))],
        cells={"s3.new.natural": 3, "s3.new.total": 3},
        problems=[("s3.balance", "natural"), ("s3.balance", "total")],
    ),
    dict(
        file="000-row-total.txt", base=S000,
        edits="S3 自然人 = 1 in rows 一、本年新收, (一) 予以公开 and (七)总计, "
              "with 总计 column left at 0: the columns balance and add up, "
              "only the three rows' totals are wrong.",
        subs=[
            (L000_NEW, row_tab("一、本年新收政府信息公开申请数量\t\t",
                               "1 0 0 0 0 0 0".split())),
            (L000_GRANTED, row_tab("三、本年度办理结果\t(一) 予以公开\t",
                                   "1 0 0 0 0 0 0".split())),
            (L000_TOTAL, "(七)总计\t\t" + T.join("1 0 0 0 0 0 0".split())),
        ],
        cells={"s3.new.natural": 1, "s3.granted.natural": 1,
               "s3.results_total.natural": 1},
        problems=[("s3.row_total", "new"), ("s3.row_total", "granted"),
                  ("s3.row_total", "results_total")],
    ),
    dict(
        file="000-fraction.txt", base=S000,
        edits="S3 (二) 部分公开 自然人 0→1.5 (a fractional count; row total "
              "and (七)总计 left at 0); S2 行政事业性收费 0→12.5 (a decimal "
              "amount is valid: no problem expected for it). Multi-rule.",
        subs=[
            (L000_PARTLY, row_tab(
                "\t(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t",
                "1.5 0 0 0 0 0 0".split())),
            ("行政事业性收费\t0", "行政事业性收费\t12.5"),
        ],
        cells={"s2.fees.amount": 12.5, "s3.partly.natural": 1.5},
        problems=[("s3.results_sum", "natural"),
                  ("s3.row_total", "partly"),
                  ("cell.non_negative", ["s3.partly.natural"])],
    ),
    dict(
        file="002-balance.txt", base=S002,
        edits="Pipe table, first S3 row (label lost): 2|0|…|2 → 1|1|…|2. "
              "The row still adds up and the 总计 column still balances, "
              "but columns natural (1 ≠ 2) and business (1 ≠ 0) do not.",
        subs=[(L002_NEW, "1 | 1 | 0 | 0 | 0 | 0 | 2 | |||")],
        cells={"s3.new.natural": 1, "s3.new.business": 1},
        problems=[("s3.balance", "natural"), ("s3.balance", "business")],
    ),
    dict(
        file="002-letters.txt", base=S002,
        edits="Pipe table, S3 (一)予以公开: 自然人 2→abc, 商业企业 0→abc. "
              "Those two cells are missing; results_sum (natural, business) "
              "and row_total (granted) involve them and are skipped, though "
              "they would fire if abc were read as 0.",
        subs=[(L002_GRANTED, "三、本年度办理结果 | (一)予以公开 | abc | abc | "
                             "0 | 0 | 0 | 0 | 2 | |")],
        cells={"s3.granted.natural": None, "s3.granted.business": None},
        problems=[("cell.missing", ["s3.granted.natural",
                                    "s3.granted.business"])],
    ),
    dict(
        file="002-slash-row.txt", base=S002,
        edits="Pipe table, first S3 row (一、本年新收, its label already lost "
              "in the seed): all seven values replaced by '/'. The row must "
              "still be placed by order; every s3.balance instance and the "
              "row's row_total are skipped (balance natural/total would fire "
              "if '/' were read as 0).",
        subs=[(L002_NEW, "/ | / | / | / | / | / | / | |||")],
        cells={"s3.new.%s" % c: None for c in S3_COLS},
        problems=[("cell.missing", ["s3.new.%s" % c for c in S3_COLS])],
    ),
    dict(
        file="002-multi.txt", base=S002,
        edits="Pipe table, several errors: first S3 row 自然人 2→3 (总计 "
              "stays 2); the unlabeled row after 3.危及“三安全一稳定” "
              "(4.保护第三方合法权益) 商业企业 0→-1; S4 未经复议直接起诉 "
              "结果维持 0→1 (总计 stays 0); S2 行政事业性收费 0→'—'.",
        subs=[
            (L002_NEW, "3 | 0 | 0 | 0 | 0 | 0 | 2 | |||"),
            (L002_SECURITY + "\n" + L002_UNLABELED,
             L002_SECURITY + "\n" + "0 | -1 | 0 | 0 | 0 | 0 | 0 | |||"),
            (L002_S4, "0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 "
                      "| 0 | 0 |"),
            ("行政事业性收费 | 0 |", "行政事业性收费 | — |"),
        ],
        cells={"s2.fees.amount": None, "s3.new.natural": 3,
               "s3.refused.third_party.business": -1,
               "s4.suit_direct.upheld": 1},
        problems=[("s3.balance", "natural"),
                  ("s3.results_sum", "business"),
                  ("s3.row_total", "new"),
                  ("s3.row_total", "refused.third_party"),
                  ("s4.group_total", "suit_direct"),
                  ("cell.non_negative",
                   ["s3.refused.third_party.business"]),
                  ("cell.missing", ["s2.fees.amount"])],
    ),
    dict(
        file="003-results-sum.txt", base=S003,
        edits="S3: 2 new applications (自然人 and 总计), entered under "
              "(一) 予以公开 and also under 四、结转下年度 but not in (七) 总计: "
              "the columns balance (2+0 = 0+2) but the results do not add up "
              "to (七) 总计 in columns natural and total.",
        subs=[
            (L003_NEW, row_tab("一、本年新收政府信息公开申请数量\t\t",
                               "2 0 0 0 0 0 2".split())),
            (L003_GRANTED, row_tab("三、本年度办理结果\t(一) 予以公开\t",
                                   "2 0 0 0 0 0 2".split())),
            (L003_CARRIED_OVER, row_tab("四、结转下年度继续办理\t\t",
                                        "2 0 0 0 0 0 2".split())),
        ],
        cells={"s3.new.natural": 2, "s3.new.total": 2,
               "s3.granted.natural": 2, "s3.granted.total": 2,
               "s3.carried_over.natural": 2, "s3.carried_over.total": 2},
        problems=[("s3.results_sum", "natural"), ("s3.results_sum", "total")],
    ),
    dict(
        file="003-s4-review-total.txt", base=S003,
        edits="S4 行政复议: 结果维持 2, 结果纠正 1, 总计 2 (should be 3).",
        subs=[(L003_S4, T.join("2 1 0 0 2 0 0 0 0 0 0 0 0 0 0".split()))],
        cells={"s4.review.upheld": 2, "s4.review.corrected": 1,
               "s4.review.total": 2},
        problems=[("s4.group_total", "review")],
    ),
    dict(
        file="003-negative.txt", base=S003,
        edits="S3: 一、本年新收 自然人/总计 0→1 and 二、上年结转 自然人/总计 "
              "0→-1; rows and columns still add up (1 + -1 = 0 + 0), only "
              "the two negative cells are wrong.",
        subs=[
            (L003_NEW, row_tab("一、本年新收政府信息公开申请数量\t\t",
                               "1 0 0 0 0 0 1".split())),
            (L003_CARRIED_IN, row_tab("二、上年结转政府信息公开申请数量\t\t",
                                      "-1 0 0 0 0 0 -1".split())),
        ],
        cells={"s3.new.natural": 1, "s3.new.total": 1,
               "s3.carried_in.natural": -1, "s3.carried_in.total": -1},
        problems=[("cell.non_negative", ["s3.carried_in.natural"]),
                  ("cell.non_negative", ["s3.carried_in.total"])],
    ),
    dict(
        file="003-slash-row.txt", base=S003,
        edits="S3 二、上年结转: all seven values replaced by '/'.",
        subs=[(L003_CARRIED_IN, row_tab("二、上年结转政府信息公开申请数量\t\t",
                                        ["/"] * 7))],
        cells={"s3.carried_in.%s" % c: None for c in S3_COLS},
        problems=[("cell.missing",
                   ["s3.carried_in.%s" % c for c in S3_COLS])],
    ),
    dict(
        file="003-multi-missing.txt", base=S003,
        edits="S3 一、本年新收 自然人/总计 0→5; 四、结转下年度 自然人 0→'/'; "
              "S2 规章 本年制发件数 0→'无'. Balance natural is skipped (its "
              "carried_over cell is missing), balance total still fires "
              "(5+0 ≠ 0+0); row_total carried_over is skipped. Multi-rule.",
        subs=[
            (L003_NEW, row_tab("一、本年新收政府信息公开申请数量\t\t",
                               "5 0 0 0 0 0 5".split())),
            (L003_CARRIED_OVER, row_tab("四、结转下年度继续办理\t\t",
                                        "/ 0 0 0 0 0 0".split())),
            ("规章\t0\t0\t0", "规章\t无\t0\t0"),
        ],
        cells={"s2.rules.new": None, "s3.new.natural": 5, "s3.new.total": 5,
               "s3.carried_over.natural": None},
        problems=[("s3.balance", "total"),
                  ("cell.missing", ["s2.rules.new"]),
                  ("cell.missing", ["s3.carried_over.natural"])],
    ),
]


# --------------------------------------------------------------------------
# distinct/: the seeds' layouts with generated values.  Values are put in
# place of the seed's value tokens, in template order (the order every seed
# prints its cells in), between the headings 二、主动公开 and 五、存在.
# --------------------------------------------------------------------------

# A value token: a whole field between tabs, "|" or spaces.
VALUE_TOKEN = re.compile(r"(?<![^\t|\n ])-?\d+(?:\.\d+)?(?![^\t|\n ])")


def distinct_cells(rng):
    """207 cells: non-zero, the 200 template cells pairwise distinct, all
    rules holding.  Free values are drawn; totals follow from them."""
    while True:
        used = set()

        def pick(lo, hi):
            while True:
                v = rng.randint(lo, hi)
                if v not in used:
                    used.add(v)
                    return v

        c = {}
        for row, cols in S2_ROWS[:2]:
            for col in cols:
                c["s2.%s.%s" % (row, col)] = pick(1, 99)
        for row in ("licensing", "penalty", "coercion"):
            c["s2.%s.decisions" % row] = pick(1000, 9999)
        # An amount in 万元 with two decimals, never a whole number.
        cents = rng.randint(101, 99999)
        c["s2.fees.amount"] = (cents + (cents % 100 == 0)) / 100

        for row in S3_RESULT_ROWS:
            for col in S3_PARTS:
                c["s3.%s.%s" % (row, col)] = pick(1, 400)
        for col in S3_PARTS:
            c["s3.results_total.%s" % col] = sum(
                c["s3.%s.%s" % (r, col)] for r in S3_RESULT_ROWS)
            c["s3.carried_over.%s" % col] = pick(401, 600)
            c["s3.carried_in.%s" % col] = pick(601, 800)
            c["s3.new.%s" % col] = (c["s3.results_total.%s" % col]
                                    + c["s3.carried_over.%s" % col]
                                    - c["s3.carried_in.%s" % col])
        for row in S3_ROWS:
            c["s3.%s.total" % row] = sum(c["s3.%s.%s" % (row, col)]
                                         for col in S3_PARTS)
        for g in S4_GROUPS:
            for col in S4_PARTS:
                c["s4.%s.%s" % (g, col)] = pick(1, 99)
            c["s4.%s.total" % g] = sum(c["s4.%s.%s" % (g, col)]
                                       for col in S4_PARTS)
        for col in S3_COLS:
            c["s3.other_handling.%s" % col] = sum(
                c["s3.other_handling.%s.%s" % (r, col)]
                for r in ("no_correction", "no_fee", "misc"))

        values = [c[i] for i in TEMPLATE_IDS]
        if len(set(values)) == len(values) and all(v > 0 for v in values):
            cells = {i: c[i] for i in CELL_ORDER}
            assert check_rules(cells) == []
            return cells


def plain(value):
    return str(value)


def fill_layout(text, cells, form=None):
    """The seed's text with its 200 value tokens replaced by the cells'
    values, written by form(cell_id, value)."""
    form = form or (lambda cid, v: plain(v))
    start = text.index("\n二、主动公开") + 1
    end = text.index("\n五、存在")
    ids = iter(TEMPLATE_IDS)
    seen = []

    def replace(match):
        cid = next(ids)
        seen.append(cid)
        return form(cid, cells[cid])

    region = VALUE_TOKEN.sub(replace, text[start:end])
    assert len(seen) == len(TEMPLATE_IDS), len(seen)
    return text[:start] + region + text[end:]


def wrap_s4(text, cells):
    """S4's fifteen values over three lines, one per group, as a wrapped
    table prints them."""
    row = [plain(cells[i]) for i in S4_IDS]
    for sep, end in (("\t", ""), (" | ", " |")):
        line = sep.join(row) + end
        if line in text.split("\n"):
            lines = [sep.join(row[k:k + 5]) + end for k in (0, 5, 10)]
            return text.replace(line, "\n".join(lines), 1)
    sys.exit("no S4 value line to wrap")


def lexer_forms(cid, value):
    """Numbers as reports write them: thousands separators (ASCII and
    full-width), full-width digits, units, 元 for 万元."""
    if cid == "s2.fees.amount":
        return "%d元" % round(value * 10000)
    if cid.startswith("s2.") and cid.endswith(".decisions"):
        return "{:,}件".format(value)
    if cid.startswith("s4."):
        return "".join(chr(ord(d) + 0xFEE0) for d in plain(value))
    if value >= 1000:
        text = "{:,}".format(value)
        return text if value % 2 else text.replace(",", "，")
    return plain(value)


# name, layout seed, what it tests, extra change
DISTINCT = [
    ("000-tabs", S000, "tab-separated, leading tabs, labels that jump to the "
     "line start (2.重复申请 …), S4 over three header lines", None),
    ("001-tabs", "001_7f28f313131cbcb8", "tab-separated like 000, another "
     "report's wording", None),
    ("002-pipes", S002, "pipe-separated, lost row labels placed by order, "
     "split S3 header words (商业 企业), S4 over three header lines", None),
    ("003-tabs", S003, "tab-separated, labels that jump to the line start", None),
    ("004-tabs", "004_d75dc64ce6227108", "tab-separated, 2023 report", None),
    ("000-s4-wrapped", S000, "as 000-tabs, S4's fifteen values over three "
     "lines under its three header lines", "wrap-s4"),
    ("002-s4-wrapped", S002, "as 002-pipes, S4's fifteen values over three "
     "lines", "wrap-s4"),
    ("003-lexer", S003, "as 003-tabs, numbers written as reports write them: "
     "1,234 and 1，234, 1,234件, full-width digits in S4, the fee in 元 "
     "(read as 万元)", "lexer"),
]


def make_distinct(seed_text, out_dir):
    rows = []
    for k, (name, base, what, extra) in enumerate(DISTINCT):
        rng = random.Random("nianbao-distinct-%s" % name)
        cells = distinct_cells(rng)
        if extra == "lexer":
            text = fill_layout(seed_text[base], cells, lexer_forms)
        else:
            text = fill_layout(seed_text[base], cells)
        if extra == "wrap-s4":
            text = wrap_s4(text, cells)
        seed = SEEDS[base]
        write(os.path.join(out_dir, name + ".txt"), text.encode("utf-8"))
        obj = {"agency": seed["agency"], "year": seed["year"],
               "title": seed["title"],
               "template": {"s2": "2021", "s3": "2021", "s4": "2021"},
               "cells": cells}
        write(os.path.join(out_dir, name + ".expected.json"),
              (json.dumps(obj, ensure_ascii=False, indent=1) + "\n")
              .encode("utf-8"))
        rows.append((name, base, what))
    return rows



# --------------------------------------------------------------------------
# shapes/: reports laid out as agencies publish them (issue 8's matcher
# points), written from scratch around distinct values.  Each has
# <name>.expected.json: agency, year, title, template versions, every cell
# (null where the source leaves it blank) and "derived": the cells an
# import must show as derived (computed, not read).
# --------------------------------------------------------------------------

S3_LABELS_2021 = [
    ("new", "", "一、本年新收政府信息公开申请数量"),
    ("carried_in", "", "二、上年结转政府信息公开申请数量"),
    ("granted", "三、本年度办理结果", "（一）予以公开"),
    ("partly", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("refused.state_secret", "（三）不予公开", "1.属于国家秘密"),
    ("refused.prohibited", "", "2.其他法律行政法规禁止公开"),
    ("refused.security_stability", "", "3.危及“三安全一稳定”"),
    ("refused.third_party", "", "4.保护第三方合法权益"),
    ("refused.internal", "", "5.属于三类内部事务信息"),
    ("refused.process", "", "6.属于四类过程性信息"),
    ("refused.enforcement_file", "", "7.属于行政执法案卷"),
    ("refused.query", "", "8.属于行政查询事项"),
    ("unable.not_held", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unable.needs_creation", "", "2.没有现成信息需要另行制作"),
    ("unable.unclear", "", "3.补正后申请内容仍不明确"),
    ("not_processed.petition", "（五）不予处理", "1.信访举报投诉类申请"),
    ("not_processed.repeated", "", "2.重复申请"),
    ("not_processed.publication", "", "3.要求提供公开出版物"),
    ("not_processed.excessive", "", "4.无正当理由大量反复申请"),
    ("not_processed.confirm", "", "5.要求行政机关确认或重新出具已获取信息"),
    ("other_handling.no_correction", "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_handling.no_fee", "",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_handling.misc", "", "3.其他"),
    ("results_total", "", "（七）总计"),
    ("carried_over", "", "四、结转下年度继续办理"),
]
S3_LABELS_2019 = (S3_LABELS_2021[:20]
                  + [("other_handling", "", "（六）其他处理")]
                  + S3_LABELS_2021[23:])
S3_TITLES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
             "其他", "总计"]
S4_TITLES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
S4_GROUP_TITLES = ["行政复议", "未经复议直接起诉", "复议后起诉"]


class Shape:
    """How one fixture departs from the plain tab layout."""
    def __init__(self, **kw):
        self.sep = "\t"                 # "\t", "|" or " " (layout text)
        self.agency = "青山市生态环境局"
        self.year = 2024
        self.title = None               # lines of the title; None: the usual one
        self.intro = []                 # lines after the title
        self.blank = set()              # cell ids written as an empty field
        self.form = {}                  # cell id -> how the value is written
        self.s3_titles = list(S3_TITLES)  # S3 header: 小计, 备注 may join, 总计 may go
        self.s3_edition = "2021"
        self.s3_label = {}              # row id -> label as printed (typos)
        self.omit = set()               # S3 rows the source leaves out
        self.serial = False             # S3 with a 序号 column before its labels
        self.s3_header = True           # S3's header rows (申请人情况 …)
        self.broken = {}                # row id -> values on its first line; the rest follow
        self.between = {}               # row id -> lines between a broken row's parts
        self.split_label = {}           # row id -> (first part, rest on the next line)
        self.s4 = "row"                 # "row", "transposed", "three"
        self.headings = True            # the template's section headings
        self.appendix = False           # agency's own sections, tables after them
        self.toc = False                # a table of contents after the title
        self.toc_pages = True           # with page numbers
        self.__dict__.update(kw)

    def join(self, cells):
        if self.sep == "|":
            return "| " + " | ".join(cells) + " |"
        return self.sep.join(cells)


def shape_value(shape, cells, cid):
    if cid in shape.blank:
        return ""
    if cid in shape.form:
        return shape.form[cid]
    return plain(cells[cid])


def shape_s2(shape, cells):
    j = shape.join
    v = lambda cid: shape_value(shape, cells, cid)
    return [
        "第二十条第（一）项",
        j(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
        j(["规章"] + [v("s2.rules.%s" % c) for c in ("new", "abolished", "in_force")]),
        j(["行政规范性文件"] + [v("s2.normative.%s" % c) for c in ("new", "abolished", "in_force")]),
        "第二十条第（五）项",
        j(["信息内容", "本年处理决定数量"]),
        j(["行政许可", v("s2.licensing.decisions")]),
        "第二十条第（六）项",
        j(["信息内容", "本年处理决定数量"]),
        j(["行政处罚", v("s2.penalty.decisions")]),
        j(["行政强制", v("s2.coercion.decisions")]),
        "第二十条第（八）项",
        j(["信息内容", "本年收费金额（单位：万元）"]),
        j(["行政事业性收费", v("s2.fees.amount")]),
    ]


def shape_s3(shape, cells):
    j = shape.join
    titles = shape.s3_titles
    labels = S3_LABELS_2019 if shape.s3_edition == "2019" else S3_LABELS_2021
    lead = ["序号"] if shape.serial else []
    out = [j(lead + ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                     "申请人情况"]),
           j(lead + ["", ""] + titles)]
    if not shape.s3_header:
        out = []
    cols = dict(zip(S3_TITLES, S3_COLS))
    for row, group, label in labels:
        if row in shape.omit:
            continue
        label = shape.s3_label.get(row, label)
        values = []
        for t in titles:
            if t in cols:
                values.append(shape_value(shape, cells, "s3.%s.%s" % (row, cols[t])))
            elif t == "小计":
                values.append(plain(sum(cells["s3.%s.%s" % (row, c)]
                                        for c in S3_PARTS[1:])))
            else:
                values.append("")
        if shape.serial:
            group = "%d%s%s" % (labels.index((row, group, label)) + 1, shape.sep, group)
        if row in shape.split_label:
            first, rest = shape.split_label[row]
            out.append(j([group, first] + values))
            out.append(j(["", rest]))
        elif row in shape.broken:
            k = shape.broken[row]
            out.append(j([group, label] + values[:k]))
            out += shape.between.get(row, [])
            out.append(j(values[k:]))
        else:
            out.append(j([group, label] + values))
    return out


def shape_s4(shape, cells):
    j = shape.join
    v = lambda g, c: shape_value(shape, cells, "s4.%s.%s" % (g, c))
    if shape.s4 == "transposed":
        out = [j([""] + S4_GROUP_TITLES)]
        for title, col in zip(S4_TITLES, S4_COLS):
            out.append(j([title] + [v(g, col) for g in S4_GROUPS]))
        return out
    if shape.s4 == "three":
        out = []
        for title, g in zip(["行政复议", "行政诉讼（未经复议直接起诉）",
                             "行政诉讼（复议后起诉）"], S4_GROUPS):
            out += [title, j(S4_TITLES), j([v(g, c) for c in S4_COLS]), ""]
        return out
    return [j(["行政复议", "", "", "", "", "行政诉讼"]),
            j(S4_TITLES + ["未经复议直接起诉", "", "", "", "", "复议后起诉"]),
            j([""] * 5 + S4_TITLES + S4_TITLES),
            j([v(g, c) for g in S4_GROUPS for c in S4_COLS])]


PROSE = {
    "overview": "本年度，本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作。",
    "problems": "一是公开内容还不够丰富；二是解读形式较为单一。下一步将加以改进。",
    "other": "本年度未收取信息处理费。",
}


def shape_report(shape, cells):
    title = shape.title or ["%s%d年政府信息公开工作年度报告" % (shape.agency, shape.year)]
    out = list(title) + [""] + list(shape.intro)
    heads = ["一、总体情况", "二、主动公开政府信息情况",
             "三、收到和处理政府信息公开申请情况",
             "四、政府信息公开行政复议、行政诉讼情况",
             "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    if shape.toc:
        if shape.toc_pages:
            out += ["目录"] + ["%s……%d" % (h, k + 1) for k, h in enumerate(heads)] + [""]
        else:
            out += ["目录", ""] + heads + [""]
    tables = [shape_s2(shape, cells), shape_s3(shape, cells), shape_s4(shape, cells)]
    if shape.appendix:
        out += ["一、总体情况", PROSE["overview"],
                "二、工作机制保障", "本机关成立了政务公开工作领导小组。",
                "三、主动公开工作情况", "本年度主动公开政府信息情况见附表一。",
                "四、依申请公开工作情况", "本年度依申请公开情况见附表二。",
                "五、存在的主要问题及改进情况", PROSE["problems"],
                "六、下一步工作打算", "进一步提高公开质量。", "",
                "附表"]
        for name, t in zip(["表一 主动公开政府信息情况",
                            "表二 收到和处理政府信息公开申请情况",
                            "表三 政府信息公开行政复议、行政诉讼情况"], tables):
            out += [name] + t + [""]
        return "\n".join(out) + "\n"
    out += [heads[0] if shape.headings else "", PROSE["overview"], ""]
    for h, t in zip(heads[1:4], tables):
        if shape.headings:
            out.append(h)
        out += t + [""]
    out += [heads[4], PROSE["problems"], heads[5], PROSE["other"]]
    return "\n".join(out) + "\n"


def shape_expected(shape, cells):
    cells = dict(cells)
    for cid in shape.blank:
        cells[cid] = None
    for row in shape.omit:
        for c in S3_COLS:
            cells["s3.%s.%s" % (row, c)] = None
    derived = []
    if "总计" not in shape.s3_titles:
        derived = ["s3.%s.total" % r for r in S3_ROWS]
    template = {"s2": "2021", "s3": shape.s3_edition, "s4": "2021"}
    if shape.s3_edition == "2019":
        for r in ("no_correction", "no_fee", "misc"):
            for c in S3_COLS:
                cells["s3.other_handling.%s.%s" % (r, c)] = None
    return {"agency": shape.agency, "year": shape.year,
            "title": "%s%d年政府信息公开工作年度报告" % (shape.agency, shape.year),
            "template": template, "cells": cells, "derived": derived}


SHAPES = [
    ("blank-tabs", "a blank field in tab rows (middle, first and last value): "
     "only those cells are missing",
     dict(blank={"s3.new.research", "s3.carried_in.natural",
                 "s3.results_total.total", "s2.rules.abolished"})),
    ("blank-pipes", "the same in a Markdown pipe table",
     dict(sep="|", blank={"s3.new.research", "s3.carried_in.natural",
                          "s3.results_total.total", "s2.rules.abolished"})),
    ("extra-columns", "S3 with a 序号 column before its labels, 小计 after 其他 "
     "and a 备注 column, recognised by the header and ignored",
     dict(serial=True, s3_titles=S3_TITLES[:6] + ["小计", "总计", "备注"])),
    ("no-total", "S3 without its 总计 column: the other columns read, the "
     "totals derived", dict(s3_titles=S3_TITLES[:6])),
    ("s4-transposed", "S4 transposed: rows 结果维持…总计, columns 行政复议 / "
     "未经复议直接起诉 / 复议后起诉", dict(s4="transposed")),
    ("s4-three", "S4 as three small tables, one per group", dict(s4="three")),
    ("s4-transposed-pipes", "S4 transposed in a pipe table",
     dict(sep="|", s4="transposed")),
    ("units", "values with units and footnote marks: 5件, 12 条, 1,234, "
     "105000元 in the 万元 cell, 3*, 2①", "units"),
    ("broken-rows", "layout text: rows whose values continue on the next "
     "line, once with a page number and a running header between",
     dict(sep=" ", broken={"new": 4, "refused.process": 3, "carried_over": 5},
          between={"refused.process": ["- 3 -", "青山市生态环境局2024年政府信息公开工作年度报告"]})),
    ("toc", "a table of contents after the title", dict(toc=True)),
    ("toc-plain", "a table of contents without page numbers: the headings "
     "one after the other", dict(toc=True, toc_pages=False)),
    ("no-headings", "tables pasted with no section headings at all, S3 "
     "without its header rows too: found by its row labels",
     dict(headings=False, s3_header=False)),
    ("appendix", "agency-numbered sections, the template's tables after "
     "them as an appendix (附表, 表一…)", dict(appendix=True)),
    ("edition-2019", "a 2019 S3 (one （六） row), a row label split over "
     "two lines and a row's values broken over two",
     dict(s3_edition="2019",
          split_label={"not_processed.confirm": ("5.要求行政机关确认或重新出具", "已获取信息")},
          broken={"refused.process": 3})),
    ("title-year-after", "the year after the title: …工作年度报告（2024年度）",
     dict(agency="青山市交通运输局",
          title=["青山市交通运输局政府信息公开工作年度报告（2024年度）"])),
    ("title-split", "the title split over two lines: 2024 年上海市科委政府信息"
     "公开工作 / 年度报告", dict(agency="上海市科委",
                               title=["2024 年上海市科委政府信息公开工作", "年度报告"])),
    ("title-period", "no year in the title: the year from the statistics "
     "period sentence", dict(agency="青山市水务局",
                              title=["青山市水务局政府信息公开工作年度报告"],
                              intro=["本报告所列数据的统计期限为2024年1月1日至12月31日。"])),
    ("typos", "row labels a character or two off the template's "
     "(法律行政止公开, 行政执发案卷, 没友现成信息需要另形制作; 予已公开 and "
     "重复申清, too short to tell by distance, by the row order; 本年度止件数 "
     "in the header), and the rows 8.属于行政查询事项 and 3.补正后申请内容仍"
     "不明确 left out, so the row order cannot stand in for the labels",
     dict(omit={"refused.query", "unable.unclear"},
          s3_label={"refused.prohibited": "2.其他法律行政止公开",
                    "unable.needs_creation": "2.没友现成信息需要另形制作",
                    "refused.enforcement_file": "7.属于行政执发案卷",
                    "granted": "（一）予已公开",
                    "not_processed.repeated": "2.重复申清"})),
]


def units_forms(cells):
    return {
        "s2.licensing.decisions": "%d件" % cells["s2.licensing.decisions"],
        "s2.penalty.decisions": "%d 条" % cells["s2.penalty.decisions"],
        "s2.coercion.decisions": "{:,}".format(cells["s2.coercion.decisions"]),
        "s2.fees.amount": "%d元" % round(cells["s2.fees.amount"] * 10000),
        "s3.new.natural": "%d*" % cells["s3.new.natural"],
        "s3.granted.business": "%d①" % cells["s3.granted.business"],
        "s3.partly.research": "%d项" % cells["s3.partly.research"],
    }


def make_shapes(out_dir):
    rows = []
    for name, what, kw in SHAPES:
        rng = random.Random("nianbao-shape-%s" % name)
        cells = distinct_cells(rng)
        if kw == "units":
            kw = dict(form=units_forms(cells))
        shape = Shape(**kw)
        text = shape_report(shape, cells)
        if name == "typos":
            text = text.replace("本年废止件数", "本年度止件数")
        write(os.path.join(out_dir, name + ".txt"), text.encode("utf-8"))
        write(os.path.join(out_dir, name + ".expected.json"),
              (json.dumps(shape_expected(shape, cells), ensure_ascii=False,
                          indent=1) + "\n").encode("utf-8"))
        rows.append((name, what))
    return rows

def substitute(text, old, new):
    """Replace the whole line(s) `old` (lines joined by \\n) by `new`;
    `old` must occur exactly once as a run of complete lines."""
    lines = text.split("\n")
    old_l = old.split("\n")
    k = len(old_l)
    hits = [i for i in range(len(lines) - k + 1) if lines[i:i + k] == old_l]
    if len(hits) != 1:
        sys.exit("substitution %r matched %d times, not once" % (old, len(hits)))
    i = hits[0]
    lines[i:i + k] = new.split("\n")
    return "\n".join(lines)


# --------------------------------------------------------------------------
# bad/ inputs
# --------------------------------------------------------------------------

NOT_A_REPORT = """秋日河边散记

入秋以后，城南那条小河的水一天比一天清。早上六点多，天刚蒙蒙亮，河面上浮着一层薄薄的雾，对岸的柳树只看得见一个淡淡的影子。沿河的石板路被夜里的露水打湿了，走上去有点滑，鞋底踩过青苔，会发出细小的声响。几个老人已经在桥头打起了太极，动作慢得像是怕惊动了水里的鱼。

桥的另一头是一个早市。卖菜的摊子从巷口一直摆到老槐树底下，青菜、萝卜、刚出水的莲藕，堆得整整齐齐。一位大娘把自家腌的咸菜装在陶罐里，揭开盖子，一股酸香就飘了出来。旁边卖豆腐的年轻人动作麻利，一刀下去，方方正正的一块正好一斤。买菜的人提着竹篮，这里问问价，那里尝一口，讨价还价的声音此起彼伏，却没有一个人真的着急。

我最喜欢的是巷子深处那家早点铺。铺子很小，只摆得下四张桌子，墙上的菜单是用毛笔写的，字迹已经有些褪色。老板每天凌晨四点起来和面，炸出来的油条又长又脆，配一碗热豆浆，再加一小碟咸菜，就是一顿踏实的早饭。老板话不多，总是笑眯眯地看着客人吃，偶尔跟熟客聊两句天气和孩子的功课。

吃过早饭，太阳已经升起来了，雾也散了。河面上映着蓝天和白云，几只水鸟贴着水面飞过，翅膀尖点起一圈圈涟漪。沿着河往下游走，能看到一片芦苇荡，芦花开得正好，风一吹，白茫茫的一片轻轻摇晃，像是谁在水边铺了一层棉絮。有人在岸边支起画架，对着芦苇一笔一笔地涂抹，画布上的颜色比眼前的景色还要温柔些。

再往前，是一座废弃多年的老码头。石阶上长满了野草，系船的铁环锈得发红。听说很多年以前，这里每天都有运粮食和布匹的船靠岸，搬运工喊着号子，一直忙到天黑。如今船早就不来了，只剩下几个钓鱼的人坐在石阶上，一坐就是一上午，鱼篓里常常空空的，他们也不在意。

回去的路上，我买了一把刚摘的桂花。花很小，颜色是淡淡的金黄，香气却浓得化不开。把它插在窗台上的玻璃瓶里，整个屋子都香了好几天。秋天就是这样，不声不响地来，把一点一点的好东西放在人的手边，等你自己去发现。

傍晚的时候，我又去河边走了一趟。夕阳把河水染成了橘红色，桥上的行人被拉出长长的影子。放学的孩子们三五成群地跑过，书包在背后一颠一颠的。卖烤红薯的小车停在桥头，炉子里冒出的热气带着甜味，在微凉的空气里慢慢散开。我买了一个，捧在手里，一边走一边吃，觉得这一天过得又慢又满。

夜里下了一场小雨。雨点打在窗外的梧桐叶上，沙沙地响，像有人在轻轻翻书。我泡了一壶茶，坐在灯下读一本旧游记，书页已经发黄，边角也卷了起来。作者写他年轻时坐船沿江而下，每到一个小镇就上岸住几天，吃当地的米粉，听老人讲镇上的旧事。读着读着，茶凉了，雨也停了，远处传来几声狗叫，街上又安静下来。明天早上，河面上大概又会浮起那层薄薄的雾吧。
"""

# ISO-8859-1 only.  Byte 0xFF (ÿ) is invalid in UTF-8 and is not a valid
# GB18030 byte at all; "é " (0xE9 0x20) is also an invalid GB18030 pair.
LATIN1 = """L'Haÿ-les-Roses, le 3 février.

Chère Hélène,
le café crème était délicieux, mais la crêpe flambée était trop sucrée.
Température : 18 °C, ½ litre de cidre, prix : 12,50 F.
Grüße aus Köln, Jürgen.  À bientôt à Besançon !
© 1999 Société Générale des Eaux -- señal, niño, façade, naïve.
"""


def binary_4k():
    """4096 deterministic pseudo-random bytes (SHA-256 in counter mode)."""
    data = b"".join(hashlib.sha256(b"nianbao-bad-binary-%d" % i).digest()
                    for i in range(128))
    assert len(data) == 4096 and b"\x00" in data
    return data


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def reset(dirname):
    path = os.path.join(OUT, dirname)
    if os.path.isdir(path):
        shutil.rmtree(path)
    os.makedirs(path)
    return path


def main():
    seed_text = {}
    for name in SEEDS:
        with open(os.path.join(SAMPLES, name + ".txt"), "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")              # strict: seeds are UTF-8
        assert not raw.startswith(codecs.BOM_UTF8) and b"\r" not in raw, name
        seed_text[name] = text
    extra = sorted(set(f[:-4] for f in os.listdir(SAMPLES)
                       if f.endswith(".txt")) - set(SEEDS))
    assert not extra, "samples without expected values: %s" % extra

    # 2. expected values of the seeds
    expected = {}
    for name, seed in SEEDS.items():
        cells = seed_cells(seed)
        assert check_rules(cells) == [], (name, check_rules(cells))
        expected[name] = cells
        obj = {"agency": seed["agency"], "year": seed["year"],
               "title": seed["title"],
               "template": {"s2": "2021", "s3": "2021", "s4": "2021"},
               "cells": cells}
        # Same layout as shared/corpus/*.expected.json (indent 1, UTF-8,
        # no final newline).
        write(os.path.join(EXPECTED, name + ".json"),
              json.dumps(obj, ensure_ascii=False, indent=1).encode("utf-8"))

    # 3a. encodings
    enc_dir = reset("encodings")
    for name, text in seed_text.items():
        utf8 = text.encode("utf-8")
        gb = text.encode("gb18030")
        assert gb.decode("gb18030") == text
        variants = {
            "gb18030": gb,
            "utf16le-bom": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
            "utf16be-bom": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
            "utf8-bom": codecs.BOM_UTF8 + utf8,
            "crlf": utf8.replace(b"\n", b"\r\n"),
        }
        for suffix, data in variants.items():
            write(os.path.join(enc_dir, "%s.%s.txt" % (name, suffix)), data)

    # 3b. altered
    alt_dir = reset("altered")
    manifest = []
    for alt in ALTERED:
        text = seed_text[alt["base"]]
        for old, new in alt["subs"]:
            text = substitute(text, old, new)
        write(os.path.join(alt_dir, alt["file"]), text.encode("utf-8"))

        for cid in alt["cells"]:
            assert cid in TEMPLATE_IDS, cid
            assert alt["cells"][cid] != expected[alt["base"]][cid], cid
        cells = dict(expected[alt["base"]], **alt["cells"])
        problems = [expand(rule, arg) for rule, arg in alt["problems"]]
        computed = check_rules(cells)
        if problems != computed:
            sys.exit("%s: hand-written problems %s\n  differ from the "
                     "rules' %s" % (alt["file"], problems, computed))
        manifest.append({
            "file": alt["file"],
            "base": alt["base"],
            "edits": alt["edits"],
            "cells": {k: alt["cells"][k] for k in CELL_ORDER
                      if k in alt["cells"]},
            "problems": problems,
        })
    write(os.path.join(alt_dir, "manifest.json"),
          (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
          .encode("utf-8"))

    # 3c. bad
    bad_dir = reset("bad")
    write(os.path.join(bad_dir, "empty.txt"), b"")
    write(os.path.join(bad_dir, "binary.bin"), binary_4k())
    t003 = seed_text[S003]
    row = "\t\t7. 属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0"
    assert t003.count(row + "\n") == 1
    cut = t003.index(row) + len("\t\t7. 属于行政执法案卷\t0\t0\t0")
    write(os.path.join(bad_dir, "truncated.txt"), t003[:cut].encode("utf-8"))
    write(os.path.join(bad_dir, "not-a-report.txt"),
          NOT_A_REPORT.encode("utf-8"))
    latin1 = LATIN1.encode("iso-8859-1")
    for enc in ("utf-8", "gb18030"):
        try:
            latin1.decode(enc)
        except UnicodeDecodeError:
            pass
        else:
            sys.exit("latin1.txt decodes as %s" % enc)
    write(os.path.join(bad_dir, "latin1.txt"), latin1)

    # 3d. distinct
    distinct = make_distinct(seed_text, reset("distinct"))
    shapes = make_shapes(reset("shapes"))

    # 3e. README
    write(os.path.join(OUT, "README.md"),
          readme(manifest, distinct, shapes).encode("utf-8"))


def readme(manifest, distinct, shapes):
    names = list(SEEDS)
    out = [
        "# Text fixtures",
        "",
        "Generated by `tests/make-fixtures.py` from the seeds in "
        "`data/samples/`; do not edit by hand, edit the script and re-run "
        "`python3 tests/make-fixtures.py` (deterministic: a re-run gives "
        "identical files). True values of the seeds are in "
        "`tests/expected/<seed>.json`: agency, year, title, template "
        "versions and the 207 cells (corpus key order, `null` = missing).",
        "",
        "No large file is committed: the 50 MB random-input test makes its "
        "file at run time.",
        "",
        "## encodings/",
        "",
        "Every seed, same text, other bytes. Each must extract exactly the "
        "cells of `tests/expected/<seed>.json`.",
        "",
        "| file | what it tests |",
        "|---|---|",
    ]
    descr = [
        ("gb18030", "GB18030, no BOM (every seed character is in GBK, "
                    "so all are 2-byte or ASCII)"),
        ("utf16le-bom", "UTF-16LE with BOM FF FE"),
        ("utf16be-bom", "UTF-16BE with BOM FE FF"),
        ("utf8-bom", "UTF-8 with BOM EF BB BF"),
        ("crlf", "UTF-8, no BOM, CRLF line ends"),
    ]
    for n in names:
        for suffix, d in descr:
            out.append("| `%s.%s.txt` | %s |" % (n, suffix, d))
    out += [
        "",
        "## altered/",
        "",
        "Seeds with deliberate inconsistencies. `altered/manifest.json` "
        "lists, per file: `base` (the seed; its true values are "
        "`tests/expected/<base>.json`), `edits`, `cells` (only the cells "
        "whose true value differs from the base's; `null` = missing) and "
        "the exact `problems` an import must report (rule id and cells, in "
        "the contract's cell order). Problems are listed by rule in the "
        "order s3.balance, s3.results_sum, s3.row_total, s4.group_total, "
        "cell.non_negative, cell.missing, and within a rule in template "
        "order (column, row or group); a test may compare them as a set.",
        "",
        "Granularity: one s3.balance / s3.results_sum problem per column, "
        "one s3.row_total per row (25 rows), one s4.group_total per group, "
        "one cell.non_negative per cell, one cell.missing per template row "
        "(S2 rows; S3 rows; S4 counts as 3 rows). A rule instance with a "
        "missing cell is skipped.",
        "",
        "| file | base | edits | expected problems |",
        "|---|---|---|---|",
    ]
    for m in manifest:
        probs = []
        for p in m["problems"]:
            if p["rule"] in ("s3.balance", "s3.results_sum"):
                probs.append("%s %s" % (p["rule"], p["cells"][0].split(".")[-1]))
            elif p["rule"] in ("s3.row_total", "s4.group_total"):
                probs.append("%s %s" % (p["rule"],
                                        p["cells"][0].rsplit(".", 1)[0]))
            else:
                probs.append("%s [%s]" % (p["rule"], ", ".join(p["cells"])))
        out.append("| `%s` | %s | %s | %s |" % (
            m["file"], m["base"][:3], m["edits"].replace("|", "\\|"),
            "; ".join(probs)))
    out += [
        "",
        "## bad/",
        "",
        "Inputs that are not (whole) reports. An import must fail cleanly "
        "or load with everything missing; it must never crash or hang.",
        "",
        "| file | what it tests |",
        "|---|---|",
        "| `empty.txt` | 0 bytes |",
        "| `binary.bin` | 4096 deterministic pseudo-random bytes "
        "(SHA-256 counter mode), with NUL bytes: not text in any encoding |",
        "| `truncated.txt` | seed 003 cut inside table S3, in the middle of "
        "row 7.属于行政执法案卷 (3 of its 7 values, no final newline): "
        "S2 and the S3 rows before it as in 003's expected values, that row "
        "partly given, later S3 rows and all of S4 missing; sections 四-六 "
        "absent |",
        "| `not-a-report.txt` | about 3 KB of ordinary Chinese prose (UTF-8) with "
        "no tables and no section headings: not a report |",
        "| `latin1.txt` | short French/German text in ISO-8859-1; contains "
        "0xFF (ÿ), invalid in UTF-8 and in GB18030, and pairs like 0xE9 0x20 "
        "that are invalid GB18030: encoding detection must not take it for "
        "UTF-8 or GB18030 |",
        "",
        "## distinct/",
        "",
        "The seeds' layouts with generated values in place of theirs: every "
        "cell non-zero, no two of the 200 template cells alike, and every "
        "rule (s3.balance, s3.results_sum, s3.row_total, s4.group_total) "
        "holding, so a value put in the wrong row or column fails. "
        "`<name>.expected.json` holds the generator's values (207 cells, "
        "corpus key order), agency, year, title and template versions; an "
        "import must give exactly these and no problem.",
        "",
        "| file | layout of | what it tests |",
        "|---|---|---|",
    ]
    for name, base, what in distinct:
        out.append("| `%s.txt` | %s | %s |" % (name, base[:3], what))
    out += [
        "",
        "## shapes/",
        "",
        "Reports laid out as agencies publish them, written by the generator "
        "around distinct, consistent values. `<name>.expected.json` holds "
        "every cell (`null` where the source leaves the cell blank or the "
        "table's edition lacks it), agency, year, title, template versions "
        "and `derived`: the cells an import shows as derived, not read.",
        "",
        "| file | what it tests |",
        "|---|---|",
    ]
    for name, what in shapes:
        out.append("| `%s.txt` | %s |" % (name, what))
    out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    main()
