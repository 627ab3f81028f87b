#!/usr/bin/env bash
# Runs every cargo-fuzz target under fuzz/ for SECONDS each (default 20),
# one after another, seeded with the format fixtures and every regression
# input under tests/fixtures/formats/fuzz/. A crash, panic, failed
# round-trip, timeout (an input taking over 5 s; 30 s for the unoptimised
# dev build, which runs the same input about ten times slower) or
# out-of-memory fails the
# run (exit 1) and prints the input (as text and hex), the command that
# replays it and where to keep it as a regression fixture. Prints, per
# target, its executions and coverage. Needs the nightly toolchain and
# cargo-fuzz (both installed by `scripts/setup.sh --test`).
#
# Built once, then each target binary is run directly (`cargo fuzz run`
# would rebuild whenever a source file changed mid-run). Always with
# overflow checks and debug assertions (cargo-fuzz's default; `-O` would
# turn them off and let an overflowing count wrap silently) and without
# AddressSanitizer (safe Rust has no use for it, and it halves the speed).
# FUZZ_PROFILE=release (the default) optimises fully, for long runs;
# FUZZ_PROFILE=dev builds without optimisation (fuzz/Cargo.toml): a cold
# build in about 120 CPU-seconds instead of about 500, at a fraction of the
# executions per second; it is what the short CI step uses.
# FUZZ_JOBS=N runs N targets at once (default 1).
# Usage: [FUZZ_PROFILE=dev] [FUZZ_JOBS=2] scripts/fuzz.sh [SECONDS=20] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/weave-target}"
# Everything the build needs is in the local registry cache after setup.
export CARGO_NET_OFFLINE=true
secs="${1:-20}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd fuzz && cargo +nightly fuzz list)
fi
host=$(rustc +nightly -vV | sed -n 's/^host: //p')
profile="${FUZZ_PROFILE:-release}"
case "$profile" in
  release) build_flags=(--codegen-units 16); per_input_timeout=5 ;;
  dev) build_flags=(--dev); per_input_timeout=30 ;;
  *) echo "FUZZ_PROFILE is release or dev, not $profile" >&2; exit 2 ;;
esac
t_build=$SECONDS
(cd fuzz && cargo +nightly fuzz build --sanitizer none "${build_flags[@]}")
echo "fuzz build ($profile): $((SECONDS - t_build)) s"
bin_dir="$CARGO_TARGET_DIR/$host/$( [ "$profile" = dev ] && echo debug || echo release )"
seeds=(tests/fixtures/formats tests/fixtures/formats/malformed tests/fixtures/formats/fuzz)
corpus_root="$CARGO_TARGET_DIR/fuzz-corpus"

# Fuzzes target $1 for $secs seconds; prints its result line (and, on a
# failure, the input and how to replay and keep it); exits as libFuzzer did.
run_one() {
  local t=$1 corpus="$corpus_root/$1" artifacts="$CARGO_TARGET_DIR/fuzz-artifacts/$1/"
  local log="$CARGO_TARGET_DIR/fuzz-$1.log" rc execs cov ft f
  mkdir -p "$corpus" "$artifacts"
  set +e
  "$bin_dir/$t" "$corpus" "${seeds[@]}" \
      -max_total_time="$secs" -timeout="$per_input_timeout" -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$artifacts" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  cov=$(grep -oE '#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED).*cov: [0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+' || true)
  ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  if [ $rc -eq 0 ]; then
    printf '%-18s %8s %12s %8s %8s %s\n' "$t" "$secs" "${execs:-?}" "${cov:-?}" "${ft:-?}" ok
    return 0
  fi
  printf '%-18s %8s %12s %8s %8s %s\n' "$t" "$secs" "${execs:-?}" "${cov:-?}" "${ft:-?}" "FAILED (exit $rc)"
  grep -E 'panicked|ERROR: libFuzzer|SUMMARY|Test unit written' "$log" | head -5 || true
  for f in $(grep -oE "Test unit written to [^ ]+" "$log" | awk '{print $5}'); do
    echo "--- input $f ($(stat -c %s "$f") bytes) as text:"
    head -c 2000 "$f" | cat -v; echo
    echo "--- as hex:"
    od -An -tx1 -v "$f" | head -40
    echo "--- replay: $bin_dir/$t $f"
    echo "--- keep it: cp $f tests/fixtures/formats/fuzz/$t-$(basename "$f")"
  done
  return $rc
}

results="$CARGO_TARGET_DIR/fuzz-results"
rm -rf "$results" && mkdir -p "$results"
for t in "${targets[@]}"; do
  ( rc=0; run_one "$t" >"$results/$t.out" 2>&1 || rc=$?; echo $rc >"$results/$t.rc" ) &
  while [ "$(jobs -rp | wc -l)" -ge "${FUZZ_JOBS:-1}" ]; do wait -n || true; done
done
wait
status=0
printf '%-18s %8s %12s %8s %8s %s\n' target seconds executions cov features result
for t in "${targets[@]}"; do
  cat "$results/$t.out"
  [ "$(cat "$results/$t.rc" 2>/dev/null || echo 1)" = 0 ] || status=1
done
exit $status
