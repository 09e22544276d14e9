#!/usr/bin/env bash
# The real TUI on an inbox of N items (default 100000) in tmux: time until the
# list is drawn, until every item is extracted, the same for a cached restart,
# and resident memory once all fields are in; then, on the cached restart, a
# search typed at once (`/` and five Arabic letters) until its count holds still.
#   cargo build --release && bash benches/tui_memory.sh [N]
# NEWSDESK_BIN=… runs another build; NEWSDESK_KEEP=DIR makes the inbox in DIR once
# and reuses it (each run still starts from an empty cache), so that builds can
# be alternated on one inbox.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
bin=${NEWSDESK_BIN:-target/release/newsdesk}
corpus=${NEWSDESK_EVAL_DIR:-../shared/eval/arabic-news-dev}
if [[ -n "${NEWSDESK_KEEP:-}" ]]; then
  work=$NEWSDESK_KEEP
  mkdir -p "$work"
  trap 'tmux -L ndmem kill-server 2>/dev/null || true' EXIT
else
  work=$(mktemp -d)
  trap 'tmux -L ndmem kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
fi
rm -rf "$work/cache"

[[ -d "$work/inbox" ]] || python3 - "$work/inbox" "$n" "$corpus" <<'PY'
import json, os, sys, glob
inbox, n, corpus = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(inbox)
texts = []
for path in glob.glob(os.path.join(corpus, "*.json")):
    for a in json.load(open(path)):
        if a.get("title") and len(a.get("content") or "") > 200:
            texts.append(f"{a['title']}\n\n{a['content']}\n")
if not texts:
    para = "The council approved the new budget after a long debate on Tuesday night. " * 8
    texts = [f"Story {i}\n\n{para}\n" for i in range(200)]
for i in range(n):
    with open(os.path.join(inbox, f"{i:06d}.txt"), "w") as f:
        f.write(texts[i % len(texts)])
print(f"{n} items from {'the corpus' if len(texts) > 200 else 'generated text'}", file=sys.stderr)
PY
printf 'inbox = "inbox"\n' > "$work/config.toml"

now_ms() { date +%s%3N; }
pane() { tmux -L ndmem capture-pane -p -t nd; }
wait_for() { # text, deadline seconds
  local until=$(( $(now_ms) + $2 * 1000 ))
  while ! pane | grep -q -- "$1"; do
    (( $(now_ms) < until )) || { echo "timed out waiting for $1"; pane; exit 1; }
    sleep 0.02
  done
}
wait_gone() {
  local until=$(( $(now_ms) + $2 * 1000 ))
  while pane | grep -q -- "$1"; do
    (( $(now_ms) < until )) || { echo "timed out waiting for $1 to go"; pane; exit 1; }
    sleep 0.05
  done
}

typing() { # the search typed at once: time until the match count holds still
  local start last="" changed count
  start=$(now_ms); changed=$start
  tmux -L ndmem send-keys -t nd "/" "م" "و" "س" "ك" "و"
  while (( $(now_ms) - changed < 1500 || ${#last} == 0 )); do
    count=$(pane | grep -o '[0-9]* match[a-z]*' | head -1 || true)
    if [[ "$count" != "$last" ]]; then last=$count; changed=$(now_ms); fi
    (( $(now_ms) - start < 60000 )) || break
    sleep 0.02
  done
  echo "  search typed at once: ${last} after $(( changed - start )) ms"
  tmux -L ndmem send-keys -t nd Escape
  sleep 0.3 # Escape followed at once by a key reads as Alt
}

run() { # label [typing]
  local start=$(now_ms)
  tmux -L ndmem -f /dev/null new-session -d -s nd -x 120 -y 40 \
    "XDG_CACHE_HOME=$work/cache $bin --config $work/config.toml"
  wait_for "Inbox [0-9]" 60   # the first screen (a big inbox: its first batch of names)
  local drawn=$(( $(now_ms) - start ))
  wait_gone "reading" 600
  local done_ms=$(( $(now_ms) - start ))
  local pid
  pid=$(tmux -L ndmem list-panes -t nd -F '#{pane_pid}')
  local rss settled waited=0 still=0 now
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  # After the last fields the cache is still being saved (a first start), and
  # memory goes back to the system 2 s after the last background work: settled
  # is within 1 MiB for 3 s in a row (at most 30 s).
  settled=$rss
  while (( still < 3 && waited < 30 )); do
    sleep 1; waited=$((waited + 1))
    now=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    if (( now - settled > 1024 || settled - now > 1024 )); then still=0; else still=$((still + 1)); fi
    settled=$now
  done
  echo "$1: list drawn after ${drawn} ms, all fields after ${done_ms} ms, RSS $(( rss / 1024 )) MiB then, settled at $(( settled / 1024 )) MiB after ${waited} s ($(grep -E "RssAnon|RssFile" /proc/$pid/status | tr -s " \t" " " | tr "\n" " "))"
  if [[ -n "${2:-}" ]]; then typing; fi
  tmux -L ndmem send-keys -t nd q
  while tmux -L ndmem has-session -t nd 2>/dev/null; do sleep 0.05; done
}

run "first start (no cache), $n items"
run "cached restart, $n items" typing
