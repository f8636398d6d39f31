#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a user-visible string has no zh_CN translation.

Extracts the strings anew from the sources listed in po/POTFILES.in (as
meson's i18n 'glib' preset does), merges po/zh_CN.po with them, and counts
untranslated and fuzzy messages.  Also fails when a source file with
translatable strings is missing from POTFILES.in."""

import os
import re
import subprocess
import sys
import tempfile

ROOT = os.environ.get("NB_TEST_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
PO = os.path.join(ROOT, "po")


def main():
    with open(os.path.join(PO, "POTFILES.in"), encoding="utf-8") as f:
        listed = [l.strip() for l in f if l.strip() and not l.startswith("#")]

    marked = []
    for base in ("app", os.path.join("data", "ui")):
        for dirpath, _, files in os.walk(os.path.join(ROOT, base)):
            for name in files:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, ROOT)
                if not name.endswith((".c", ".ui")):
                    continue
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                if re.search(r'\b(_|N_|C_|g_dngettext)\s*\(\s*"|translatable="yes"', text):
                    marked.append(rel)
    missing = sorted(set(marked) - set(listed))
    if missing:
        print("not in po/POTFILES.in:", ", ".join(missing))
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "nianbao.pot")
        merged = os.path.join(tmp, "zh_CN.po")
        subprocess.run(
            ["xgettext", "--from-code=UTF-8", "--add-comments", "--directory", ROOT,
             "--files-from", os.path.join(PO, "POTFILES.in"), "--output", pot,
             "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
             "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
             "--keyword=g_dpgettext2:2c,3", "--keyword=NB_NP_:1,2", "--package-name=nianbao"],
            check=True)
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file", merged,
                        os.path.join(PO, "zh_CN.po"), pot], check=True)
        stats = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, merged],
                               capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
        print(stats.stderr.strip())
        if stats.returncode != 0 or "untranslated" in stats.stderr or "fuzzy" in stats.stderr:
            untranslated = subprocess.run(["msgattrib", "--untranslated", "--only-fuzzy", merged],
                                          capture_output=True, text=True).stdout
            untranslated += subprocess.run(["msgattrib", "--untranslated", merged],
                                           capture_output=True, text=True).stdout
            print(untranslated)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
