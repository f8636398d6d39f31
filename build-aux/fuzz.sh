#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz) with clang in build-fuzz and
# runs each for SECONDS (default 60), from its committed seeds; fails when
# one crashes, leaks past the memory limit or hangs.  The corpus each run
# grows is kept in build-fuzz/corpus/NAME, the crashing input in
# build-fuzz/artifacts/.
#
#     build-aux/fuzz.sh [SECONDS] [NAME...]
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
dir=build-fuzz

if [ ! -d "$dir" ]; then
  CC=clang meson setup "$dir" -Dfuzzing=true -Dgui=disabled \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized >/dev/null || exit 1
fi
ninja -C "$dir" || exit 1

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$dir"/tests/fuzz/fuzz-*; do
    [ -f "$f" ] && [ -x "$f" ] && names+=("${f##*/fuzz-}")
  done
fi

export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
for name in "${names[@]}"; do
  corpus="$dir/corpus/$name"
  mkdir -p "$corpus" "$dir/artifacts"
  echo "== fuzz-$name: ${seconds} s"
  # Every input must end in 5 s and 1 GB in a plain build; ASan and UBSan
  # make the code 2-5x slower, so the timeout here is 10 s.
  if ! "$dir/tests/fuzz/fuzz-$name" "$corpus" "tests/fuzz/corpus/$name" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/$name-" 2>"$dir/fuzz-$name.log"; then
    echo "fuzz-$name FAILED: see $dir/fuzz-$name.log and $dir/artifacts/"
    tail -40 "$dir/fuzz-$name.log"
    status=1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+ *DONE' "$dir/fuzz-$name.log" | tail -3
done
exit $status
