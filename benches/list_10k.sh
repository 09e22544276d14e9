#!/usr/bin/env bash
# Times `newsdesk --inbox DIR list --json` over a 10,000-item inbox.
#
# The inbox is built in a temporary folder from the SaudiNewsNet day in
# ../shared/eval/arabic-news-dev/2015-07-23.json when it is there (each article
# written as `title\n\ncontent`, repeated to 10,000), else from this repo's own
# inbox/ items repeated. Uses hyperfine when installed (apt-get install hyperfine),
# else bash's `time` over 3 runs and prints the median (TIMER=time forces that).
#
#   bash benches/list_10k.sh            # N=10000
#   N=2000 bash benches/list_10k.sh     # a smaller inbox
set -euo pipefail

cd "$(dirname "$0")/.."
N=${N:-10000}
CORPUS=${CORPUS:-../shared/eval/arabic-news-dev/2015-07-23.json}
TARGET=${CARGO_TARGET_DIR:-target}
BIN="$TARGET/release/newsdesk"

cargo build --release --quiet
BIN=$(cd "$(dirname "$BIN")" && pwd)/newsdesk

WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsdesk-list10k.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
INBOX="$WORK/inbox"
mkdir "$INBOX"

if [[ -f "$CORPUS" ]] && command -v python3 >/dev/null; then
    echo "corpus: $CORPUS, repeated to $N items" >&2
    python3 - "$CORPUS" "$INBOX" "$N" <<'EOF'
import json, sys
corpus, inbox, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
articles = [a for a in json.load(open(corpus, encoding="utf-8")) if (a.get("title") or a.get("content"))]
for i in range(n):
    a = articles[i % len(articles)]
    text = f"{(a.get('title') or '').strip()}\n\n{(a.get('content') or '').strip()}\n"
    with open(f"{inbox}/{i:05d}_{a.get('source') or 'news'}.txt", "w", encoding="utf-8") as f:
        f.write(text)
EOF
else
    echo "corpus: $CORPUS not found; repeating this repo's inbox/ to $N items" >&2
    mapfile -t seeds < <(find inbox -maxdepth 1 -type f ! -name '.*' | sort)
    for ((i = 0; i < N; i++)); do
        seed=${seeds[i % ${#seeds[@]}]}
        cp "$seed" "$INBOX/$(printf '%05d' "$i")_$(basename "$seed")"
    done
fi

items=$(find "$INBOX" -maxdepth 1 -type f | wc -l)
bytes=$(du -sh "$INBOX" | cut -f1)
echo "inbox: $items items, $bytes, in $INBOX" >&2
echo "binary: $BIN ($(nproc) cores)" >&2
# Run outside the repo so no ./config.toml is picked up; the inbox comes from --inbox.
cd "$WORK"
COMMAND="$BIN --inbox $INBOX list --json > /dev/null 2>&1"

if [[ ${TIMER:-} != time ]] && command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs 5 --shell bash "$COMMAND"
else
    bash -c "$COMMAND" # warm the page cache
    times=()
    TIMEFORMAT=%R
    for run in 1 2 3; do
        times+=("$({ time bash -c "$COMMAND"; } 2>&1)")
        echo "run $run: ${times[-1]} s" >&2
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
    echo "median of 3: $median s"
fi
