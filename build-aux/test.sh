#!/usr/bin/env bash
# Runs the whole test suite twice: a normal build, and one under
# AddressSanitizer and UndefinedBehaviorSanitizer.  Ends with the line
# "N passed, N failed, N skipped" (subtests counted) and fails when any
# test failed.  Tests that need ../shared/corpus skip without it, or fail
# when NB_REQUIRE_CORPUS=1 (as CI sets).
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

build-aux/count-results.py build build-sanitize || status=1
exit $status
