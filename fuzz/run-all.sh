#!/bin/sh
# Runs every fuzz target for SECONDS each (default 600), one after another, starting
# from the seed corpus. Crashes land in fuzz/artifacts/<target>/; copy them into
# tests/fuzz-regressions/<target>/ so `cargo test` replays them forever.
# Needs cargo-fuzz; on stable, RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags.
set -eu
seconds=${1:-600}
cd "$(dirname "$0")"
for target in article query config; do
    mkdir -p "corpus/$target"
    echo "== $target for ${seconds}s"
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1
done
