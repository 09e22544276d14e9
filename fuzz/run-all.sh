#!/bin/sh
# Runs fuzz targets for SECONDS each (default 600), one after another, starting from
# the seed corpus: `run-all.sh [SECONDS [TARGET...]]`, every target when none is named.
# A target stops at its first crash (saved in fuzz/artifacts/<target>/); the others
# still run, and the script exits 1 naming the ones that crashed. Copy each crashing
# input into tests/fuzz-regressions/<target>/ so `cargo test` replays it forever.
# Needs cargo-fuzz; on stable, RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags.
# FUZZ_NO_BUILD=1 runs the binaries `cargo fuzz build` left, as they are: editing
# src/ during a long run then does not trigger a rebuild before the next target.
set -u
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-article html feed query config}
cd "$(dirname "$0")"
bin=target/x86_64-unknown-linux-gnu/release
failed=""
for target in $targets; do
    mkdir -p "corpus/$target" "artifacts/$target"
    echo "== $target for ${seconds}s ($(date -u +%H:%M:%S))"
    set -- "corpus/$target" "seeds/$target" -max_total_time="$seconds" -max_len=65536 \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
    if [ "${FUZZ_NO_BUILD:-}" = 1 ]; then
        "$bin/$target" -artifact_prefix="artifacts/$target/" "$@"
    else
        RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" -- "$@"
    fi || failed="$failed $target"
done
if [ -n "$failed" ]; then
    echo "== crashed:$failed (inputs in fuzz/artifacts/)"
    exit 1
fi
