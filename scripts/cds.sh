#!/usr/bin/env bash
# Start-up with class data sharing (CDS): docs/performance.md, "Start-up: class data sharing".
#
#   scripts/cds.sh prepare [application arguments...]   # extract the jar, training run -> <dir>/dieuhanh.jsa
#   scripts/cds.sh run     [application arguments...]   # start the application with the archive
#   scripts/cds.sh print   [application arguments...]   # print the three java commands instead of running them
#
# e.g. on a PostgreSQL node (the DIEUHANH_* variables of README "Running on PostgreSQL" exported first):
#   scripts/cds.sh prepare --spring.profiles.active=postgres
#   scripts/cds.sh run --spring.profiles.active=postgres
#
# "prepare" is run once per build of the jar (and per JDK): it extracts the jar (Spring Boot's
# `java -Djarmode=tools -jar ... extract`) and starts the application once with the same arguments and environment as
# the real start, up to the refreshed Spring context (-Dspring.context.exit=onRefresh: schema check, migrations,
# deployments and imports run as in any start, the web server, job executor and Quartz are not started), and writes
# the classes it loaded to the archive (-XX:ArchiveClassesAtExit). If the jar or the JDK no longer match the archive,
# the JVM warns and starts without it (slower, never wrong).
#
# Environment: DIEUHANH_JAR (default: the jar in target/), DIEUHANH_CDS_DIR (default: target/cds),
# JAVA (default: java), JAVA_OPTS (added after the production JVM options below, e.g. a larger -Xmx).
set -euo pipefail

# The production JVM options: the same as pom.xml's spring-boot-maven-plugin jvmArguments and README (CdsScriptTest).
JVM_OPTIONS="-XX:+UseSerialGC -Xms96m -Xmx320m -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=40"

here=$(cd "$(dirname "$0")/.." && pwd)
command=${1:-}
[ $# -gt 0 ] && shift
java=${JAVA:-java}
dir=${DIEUHANH_CDS_DIR:-$here/target/cds}
jar=${DIEUHANH_JAR:-}
if [ -z "$jar" ]; then
  jar=$(ls "$here"/target/dieuhanh-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
  jar=${jar:-$here/target/dieuhanh-0.1.0-SNAPSHOT.jar}
fi
app="$dir/$(basename "$jar")"
archive="$dir/dieuhanh.jsa"
# shellcheck disable=SC2206
options=($JVM_OPTIONS ${JAVA_OPTS:-})

case "$command" in
  prepare)
    [ -f "$jar" ] || { echo "No jar at $jar: run 'mvn -q package -DskipTests' first (or set DIEUHANH_JAR)." >&2; exit 2; }
    # only what an earlier prepare wrote here (a node still running from this directory needs it: prepare a new
    # release into a new DIEUHANH_CDS_DIR)
    rm -rf "$dir/lib" "$app" "$archive"
    "$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" --force
    # -Xlog:cds=error: the training run lists every class it cannot archive (generated accessors, classes whose
    # optional dependencies are absent) as a warning; they are loaded normally at start.
    "$java" "${options[@]}" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=error -Dspring.context.exit=onRefresh \
      -jar "$app" "$@"
    [ -s "$archive" ] || { echo "The training run wrote no archive ($archive)." >&2; exit 1; }
    echo "Class data sharing archive: $archive ($(du -h "$archive" | cut -f1)); start with: $0 run $*"
    ;;
  run)
    [ -f "$app" ] || { echo "No extracted application at $app: run '$0 prepare ...' first." >&2; exit 2; }
    [ -f "$archive" ] || echo "No archive at $archive: starting without class data sharing." >&2
    exec "$java" "${options[@]}" -XX:SharedArchiveFile="$archive" -jar "$app" "$@"
    ;;
  print)
    echo "$java -Djarmode=tools -jar $jar extract --destination $dir"
    echo "$java ${options[*]} -XX:ArchiveClassesAtExit=$archive -Dspring.context.exit=onRefresh -jar $app $*"
    echo "$java ${options[*]} -XX:SharedArchiveFile=$archive -jar $app $*"
    ;;
  *)
    sed -n '2,6p' "$0" >&2
    exit 2
    ;;
esac
