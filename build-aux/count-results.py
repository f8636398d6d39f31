#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts the results of one or more meson test runs and prints the plain
closing line "N passed, N failed, N skipped".

TAP programs count per subtest ("ok", "not ok", "# SKIP"); a TAP program
that fails without a failing subtest (a crash, a timeout) counts as one
more failure.  Other programs count as one each: exit 0 passed, 77 skipped.
A build directory without a test log counts as a failure: nothing ran."""

import json
import re
import sys

TAP_LINE = re.compile(r"^(not ok|ok)\b[^#]*(#\s*(SKIP|TODO)\b.*)?$", re.IGNORECASE)


def count_tap(stdout):
    passed = failed = skipped = 0
    for line in stdout.splitlines():
        m = TAP_LINE.match(line.strip())
        if not m:
            continue
        directive = (m.group(3) or "").upper()
        if directive == "SKIP":
            skipped += 1
        elif m.group(1).lower() == "ok" or directive == "TODO":
            passed += 1
        else:
            failed += 1
    return passed, failed, skipped


def main(dirs):
    passed = failed = skipped = 0
    for d in dirs:
        try:
            log = open(f"{d}/meson-logs/testlog.json", encoding="utf-8")
        except FileNotFoundError:
            print(f"{d}: no test log", file=sys.stderr)
            failed += 1
            continue
        with log:
            for line in log:
                r = json.loads(line)
                result = r["result"]
                p, f, s = count_tap(r.get("stdout") or "")
                if p + f + s == 0:
                    if result in ("OK", "EXPECTEDFAIL"):
                        p = 1
                    elif result == "SKIP":
                        s = 1
                    else:
                        f = 1
                elif result not in ("OK", "EXPECTEDFAIL", "SKIP") and f == 0:
                    f = 1
                passed += p
                failed += f
                skipped += s
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
