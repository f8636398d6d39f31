#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""PDF import speed against the floor, `pdftotext -layout` on the same file.

Both run as processes, ROUNDS times each, best of three; prints the ratio
per file and for a batch (nianbao-cli imports files in parallel, one per
core).  Measures, asserts nothing about time."""

import glob
import os
import shutil
import subprocess
import sys
import time

CLI = os.environ.get("NIANBAO_CLI", "nianbao-cli")
ROOT = os.environ.get("NB_TEST_SOURCE_ROOT", ".")
ROUNDS = 10


def timed(cmd, rounds=ROUNDS):
    best = None
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(rounds):
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        elapsed = (time.perf_counter() - start) / rounds
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    if not shutil.which("pdftotext"):
        print("pdftotext is not installed (poppler-utils): no reference to compare with")
        return 0
    pdfs = sorted(glob.glob(os.path.join(ROOT, "..", "shared", "corpus", "*.pdf")))
    pdfs += sorted(glob.glob(os.path.join(ROOT, "tests", "pdf", "fixtures", "*.pdf")))
    ratios = []
    for pdf in pdfs:
        ref = timed(["pdftotext", "-layout", pdf, "-"])
        ours = timed([CLI, "extract", pdf])
        ratios.append(ours / ref)
        print(f"{os.path.basename(pdf):36} pdftotext -layout {ref * 1000:7.1f} ms   "
              f"nianbao-cli extract {ours * 1000:7.1f} ms   ratio {ours / ref:.2f}")
    if not pdfs:
        print("no PDFs found")
        return 0
    print(f"median ratio {sorted(ratios)[len(ratios) // 2]:.2f}, worst {max(ratios):.2f} "
          f"(target: at most 1.5)")

    batch = pdfs * 4
    start = time.perf_counter()
    for pdf in batch:
        subprocess.run(["pdftotext", "-layout", pdf, "/dev/null"], check=False)
    ref = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([CLI, "extract", *batch], stdout=subprocess.DEVNULL, check=False)
    ours = time.perf_counter() - start
    print(f"batch of {len(batch)} PDFs: pdftotext -layout one by one {ref:.2f} s, "
          f"nianbao-cli extract (all cores) {ours:.2f} s, ratio {ours / ref:.2f}, "
          f"{os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
