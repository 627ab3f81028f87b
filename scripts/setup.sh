#!/usr/bin/env bash
# Installs whatever this machine is missing to build Weave (and, with --test,
# to test it). Idempotent: every step checks first, so a warm machine skips
# them all in seconds. Works offline except for the crates/npm/PyPI/Debian
# registries. Sourced by serve.sh and test.sh; safe to run on its own.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Compiled dependencies live outside the clone so a fresh clone reuses them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/weave-target}"
# Tool builds only: no LTO, many codegen units (cuts cargo install time ~3x).
tool_env=(env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
if ! rustup component list --installed | grep -q '^clippy'; then rustup component add clippy; fi
if ! rustup component list --installed | grep -q '^rustfmt'; then rustup component add rustfmt; fi

if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
  say "installing trunk 0.21.14 (about 20 minutes on 2 cores, once)"
  "${tool_env[@]}" cargo install --locked trunk@0.21.14
fi

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock exactly.
wbg=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
  say "installing wasm-bindgen-cli $wbg"
  # Not --locked: its lockfile pins a webpki-roots release the registry lacks.
  "${tool_env[@]}" cargo install wasm-bindgen-cli --version "$wbg" --force
fi

# npm: wasm-opt (binaryen 132; Debian's 108 is too old), Playwright, graphology.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm install --no-audit --no-fund --loglevel=error
fi

if $want_test; then
  if ! dpkg -s chromium chromium-driver >/dev/null 2>&1; then
    say "installing Debian's chromium and chromium-driver"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
  # cargo-fuzz for the short fuzzing step (scripts/fuzz.sh): libFuzzer needs
  # a nightly toolchain; cargo-fuzz itself builds on stable.
  if ! rustup toolchain list | grep -q '^nightly'; then
    say "adding a minimal nightly toolchain (for cargo-fuzz)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! cargo fuzz --version >/dev/null 2>&1; then
    say "installing cargo-fuzz"
    "${tool_env[@]}" cargo install --locked cargo-fuzz
  fi
  # Reference tools (networkx, igraph...): reinstall only when the list changes.
  stamp="$HOME/.cache/weave-pip-$(sha1sum scripts/requirements-test.txt | cut -c1-12)"
  if [ ! -f "$stamp" ]; then
    say "installing Python reference tools"
    pip install -q --disable-pip-version-check -r scripts/requirements-test.txt
    mkdir -p "$(dirname "$stamp")" && touch "$stamp"
  fi
fi

# Trunk builds with --offline: fetch crates first (a no-op when cached).
cargo fetch --quiet
# The fuzz crate has its own lockfile (libfuzzer-sys...): fetch it too, or
# the offline fuzz build on a fresh machine finds no such package.
if $want_test; then cargo fetch --quiet --manifest-path fuzz/Cargo.toml; fi
