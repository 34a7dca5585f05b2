#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster (Debian's server binaries) on a free port and print its URL.
# Usage: eval "$(bash .ci/pg-cluster.sh start DIR)"  →  sets TEST_DATABASE_URL and TEST_PG_DIR;  bash .ci/pg-cluster.sh stop DIR
# The fault tests (tests/faults/*.pgtest.ts) take the server away and bring it back with
# `stop DIR` + `resume DIR` (same port, same data) and `restart DIR`.
set -euo pipefail
cmd=${1:?start|stop|resume|restart}; dir=${2:?data directory}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
case $cmd in
  start)
    mkdir -p "$dir"; chown postgres:postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    echo "$port" >"$dir/port"
    echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    echo "export TEST_PG_DIR=$dir"
    ;;
  stop)
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    ;;
  resume)
    port=$(cat "$dir/port")
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    ;;
  restart)
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w restart >/dev/null
    ;;
esac
