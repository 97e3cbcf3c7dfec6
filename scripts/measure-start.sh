#!/usr/bin/env bash
# Measures one start of the application: wall time and process CPU time until "Started DieuHanhApplication" is
# logged (with the CPU of the main thread and of the JIT compiler threads), resident memory (VmRSS) at that moment
# and the load average, then stops the process. Not a test; prints
# one line. Usage (from the directory the application should run in, e.g. where data/ lives):
#   scripts/measure-start.sh <label> java <jvm options...> -jar <jar> [application arguments...]
# Example: scripts/measure-start.sh fatjar java -XX:+UseSerialGC -Xmx320m -jar target/dieuhanh-0.1.0-SNAPSHOT.jar
set -euo pipefail
label=$1; shift
log=$(mktemp -t dieuhanh-start.XXXXXX)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start_ns=$(date +%s%N)
"$@" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
tick=$(getconf CLK_TCK)
while ! grep -q 'Started DieuHanhApplication' "$log"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "$label: the process ended before it started:"; tail -30 "$log"; exit 1; fi
  sleep 0.1
done
end_ns=$(date +%s%N)
# utime + stime of the JVM (fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses)
cpu_ticks=$(sed 's/^.*) //' /proc/$pid/stat | awk '{print $12 + $13}')
# per thread: the application's main thread (named "java", not the launcher thread = pid) and the JIT compilers
thread_ticks() { for t in /proc/$pid/task/*; do
    [ "$(cat "$t/comm" 2>/dev/null)" = "$1" ] && [ "${t##*/}" != "$pid" ] && sed 's/^.*) //' "$t/stat" | awk '{print $12 + $13}' || true
  done | awk '{s += $1} END {print s + 0}'; }
main_ticks=$(thread_ticks java)
jit_ticks=$(( $(thread_ticks "C2 CompilerThre") + $(thread_ticks "C1 CompilerThre") ))
rss_kib=$(awk '/^VmRSS/ {print $2}' /proc/$pid/status)
spring=$(grep -o 'Started DieuHanhApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]* seconds' || true)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
printf '%s: wall %.1f s, cpu %.1f s (main thread %.1f s, JIT %.1f s), rss %d MiB, spring "%s", load %s -> %s\n' "$label" \
  "$(echo "($end_ns - $start_ns) / 1000000000" | bc -l)" "$(echo "$cpu_ticks / $tick" | bc -l)" \
  "$(echo "$main_ticks / $tick" | bc -l)" "$(echo "$jit_ticks / $tick" | bc -l)" \
  "$((rss_kib / 1024))" "$spring" "$load_before" "$load_after"
