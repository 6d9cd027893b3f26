#!/usr/bin/env bash
# Smoke test of the README's first command: runs `./groundstream local --demo` for a bounded time
# and checks that the dashboard's API reports evaluated phrases. Loopback only; stops by itself.
set -uo pipefail
cd "$(dirname "$0")/.."
data_dir=$(mktemp -d)
log="$data_dir/local.log"
./groundstream local --demo --demo-rate 3 --data-dir "$data_dir" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data_dir"' EXIT

deadline=$((SECONDS + 420))
while (( SECONDS < deadline )); do
  if ! kill -0 $pid 2>/dev/null; then
    echo "smoke: the local mode exited early"; tail -50 "$log"; exit 1
  fi
  body=$(curl -fsS "http://127.0.0.1:8083/api/metrics?window=all-time&category=all" 2>/dev/null || true)
  if [[ "$body" == *'"evaluablePhrases":'[1-9]* ]]; then
    echo "smoke: dashboard API answers with evaluated phrases after ${SECONDS}s:"
    echo "$body" | head -c 600; echo
    curl -fsS http://127.0.0.1:8083/health; echo
    exit 0
  fi
  sleep 5
done
echo "smoke: no evaluated phrases on the dashboard API within 7 minutes"; tail -80 "$log"; exit 1
