#!/usr/bin/env bash
# A throwaway Virtuoso Open Source on loopback, for the test that loads the dumps into a real
# triple store. Debian's package is installed when it is missing (CI starts on a fresh machine);
# the database lives in a folder of the caller's choosing and is deleted by `stop`.
#
#   scripts/virtuoso.sh install
#   scripts/virtuoso.sh start DIR HTTP_PORT SQL_PORT   # returns once the store takes requests
#   scripts/virtuoso.sh stop DIR
#
# Exit code 4 from install or start means the package could not be installed.
set -euo pipefail

install() {
  command -v isql-vt >/dev/null && return 0
  "$(dirname "$0")/apt-install.sh" isql-vt virtuoso-opensource
  # Where the machine lets a package start its service, that one is not wanted: tests start their own.
  if command -v service >/dev/null; then service virtuoso-opensource-7 stop >/dev/null 2>&1 || true; fi
}

start() {
  local dir http=$2 sql=$3
  dir=$(realpath -m "$1")
  install
  mkdir -p "$dir"
  local vad=/usr/share/virtuoso-opensource-7/vad
  cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
LockFile = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
MaxCheckpointRemap = 2000

[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:$sql
DirsAllowed = ., $dir, $vad
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:$http
ServerRoot = $dir
MaxClientConnections = 4
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
DefaultQuery = select distinct ?Concept where {[] a ?Concept} LIMIT 100
EOF
  # Started straight from this shell, so that $! is Virtuoso's own pid, with every standard stream
  # redirected, so that no process holds the caller's pipes open once this script returns.
  cd "$dir"
  virtuoso-t +foreground +configfile "$dir/virtuoso.ini" </dev/null >"$dir/stdout.log" 2>&1 &
  echo $! >"$dir/virtuoso.pid"
  cd - >/dev/null
  local tries=0
  # Ready when the SQL port takes a login: the HTTP listener opens earlier than the RDF store.
  until isql-vt "127.0.0.1:$sql" dba dba exec="select 1;" </dev/null >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ $tries -gt 120 ] || ! kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null; then
      echo "virtuoso did not start; its log:" >&2
      tail -n 30 "$dir/virtuoso.log" "$dir/stdout.log" >&2 || true
      stop "$dir"
      exit 1
    fi
    sleep 0.5
  done
  # A scratch store on loopback: let the anonymous SPARQL user write through the Graph Store
  # Protocol endpoint (/sparql-graph-crud), the way an institute would grant its loader account.
  isql-vt "127.0.0.1:$sql" dba dba exec="GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);" </dev/null >/dev/null
}

stop() {
  local dir
  dir=$(realpath -m "$1")
  if [ -f "$dir/virtuoso.pid" ]; then
    local pid
    pid=$(cat "$dir/virtuoso.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  install) install ;;
  start) start "$2" "$3" "$4" ;;
  stop) stop "$2" ;;
  *) echo "usage: $0 install | start DIR HTTP_PORT SQL_PORT | stop DIR" >&2; exit 2 ;;
esac
