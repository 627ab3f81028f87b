#!/usr/bin/env bash
# Runs every cargo-fuzz target under fuzz/ for SECONDS each (default 20),
# one after another, seeded with the format fixtures and every regression
# input under tests/fixtures/formats/fuzz/. A crash, panic, timeout (an input
# taking over 5 s) or out-of-memory fails the run and prints the input (as
# text and hex) and the command that replays it. Prints, per target, its
# executions and coverage. Needs the nightly toolchain and cargo-fuzz (both
# installed by `scripts/setup.sh --test`).
# Usage: scripts/fuzz.sh [SECONDS=20] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/weave-target}"
secs="${1:-20}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd fuzz && cargo +nightly fuzz list)
fi
# Safe Rust has no use for AddressSanitizer, and without it the build is
# about twice as fast; panics, hangs and OOMs are what these targets find.
(cd fuzz && cargo +nightly fuzz build -O --sanitizer none)
corpus_root="$CARGO_TARGET_DIR/fuzz-corpus"
status=0
printf '%-18s %8s %12s %8s %8s %s\n' target seconds executions cov features result
for t in "${targets[@]}"; do
  corpus="$corpus_root/$t"
  artifacts="$CARGO_TARGET_DIR/fuzz-artifacts/$t/"
  mkdir -p "$corpus" "$artifacts"
  log="$CARGO_TARGET_DIR/fuzz-$t.log"
  set +e
  (cd fuzz && cargo +nightly fuzz run -O --sanitizer none "$t" "$corpus" \
      ../tests/fixtures/formats ../tests/fixtures/formats/malformed ../tests/fixtures/formats/fuzz -- \
      -max_total_time="$secs" -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$artifacts") >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  cov=$(grep -oE '#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED).*cov: [0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+' || true)
  ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  if [ $rc -eq 0 ]; then
    printf '%-18s %8s %12s %8s %8s %s\n' "$t" "$secs" "${execs:-?}" "${cov:-?}" "${ft:-?}" ok
  else
    status=1
    printf '%-18s %8s %12s %8s %8s %s\n' "$t" "$secs" "${execs:-?}" "${cov:-?}" "${ft:-?}" FAILED
    grep -E 'panicked|ERROR: libFuzzer|SUMMARY|Test unit written' "$log" | head -5 || true
    for f in $(grep -oE "Test unit written to [^ ]+" "$log" | awk '{print $5}'); do
      echo "--- input $f ($(stat -c %s "$f") bytes) as text:"
      head -c 2000 "$f" | cat -v; echo
      echo "--- as hex:"
      od -An -tx1 -v "$f" | head -40
      echo "--- replay: (cd fuzz && cargo +nightly fuzz run -O --sanitizer none $t $f)"
      echo "--- keep it: cp $f tests/fixtures/formats/fuzz/$t-$(basename "$f")"
    done
  fi
done
exit $status
