#!/usr/bin/env bash
# Runs the whole test suite twice: a normal build, and one under
# AddressSanitizer and UndefinedBehaviorSanitizer.  Ends with the line
# "N passed, N failed" and fails when any test failed.
set -uo pipefail
cd "$(dirname "$0")/.."

run_suite () {
  local dir=$1; shift
  if [ ! -d "$dir" ]; then
    meson setup "$dir" "$@" || return 1
  fi
  ninja -C "$dir" || return 1
  # The desktop tests need a display: a virtual one, where there is none.
  if command -v xvfb-run >/dev/null && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" meson test -C "$dir" --print-errorlogs
  else
    meson test -C "$dir" --print-errorlogs
  fi
}

status=0
run_suite build || status=1
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  run_suite build-sanitize -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug \
  || status=1

python3 - build build-sanitize <<'PY'
import json, sys
passed = failed = 0
for d in sys.argv[1:]:
    try:
        with open(f"{d}/meson-logs/testlog.json", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)["result"]
                if r in ("OK", "EXPECTEDFAIL", "SKIP"):
                    passed += r != "SKIP"
                else:
                    failed += 1
    except FileNotFoundError:
        failed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
[ $? -eq 0 ] && [ $status -eq 0 ]
