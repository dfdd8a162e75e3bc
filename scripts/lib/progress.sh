# shellcheck shell=bash
# Progress on stderr for long bootstrap steps. Source it:   . "$(dirname "$0")/lib/progress.sh"
#
#   progress_log MESSAGE...         "$PROGRESS_PREFIX MESSAGE" on stderr
#   progress_duration SECONDS       "45s", "3m05s"
#   run_with_ticker LABEL CMD...    run CMD in the foreground (its exit status is returned); while
#                                   it runs, print "LABEL: still running, 1m20s" on stderr every
#                                   $OPENCONNECTORS_PROGRESS_INTERVAL seconds (default 20)
#
# Nothing is written to stdout: callers keep stdout for their result.
PROGRESS_PREFIX="${PROGRESS_PREFIX:-[progress]}"

progress_log() { printf '%s %s\n' "$PROGRESS_PREFIX" "$*" >&2; }

progress_duration() {
  local s="$1"
  if [ "$s" -ge 60 ]; then
    printf '%dm%02ds' $((s / 60)) $((s % 60))
  else
    printf '%ds' "$s"
  fi
}

run_with_ticker() {
  local label="$1"
  shift
  local interval="${OPENCONNECTORS_PROGRESS_INTERVAL:-20}"
  local started parent=$$ ticker status=0
  started="$(date +%s)"
  (
    # The ticker: a background subshell. It stops when killed below, or at its next tick once
    # the script that started it is gone (background jobs ignore Ctrl-C in scripts). Its sleep
    # holds no descriptor of the caller, so a caller reading our stderr through a pipe is not
    # kept waiting by a leftover sleep.
    trap - EXIT
    while sleep "$interval" >/dev/null 2>&1 && kill -0 "$parent" 2>/dev/null; do
      progress_log "$label: still running, $(progress_duration $(($(date +%s) - started)))"
    done
  ) &
  ticker=$!
  "$@" || status=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  return "$status"
}
