#!/bin/bash
# Entrypoint of localhost/clair-scan-test/postgres:15, honouring the interface of the official postgres:15
# image's entrypoint (written from its documented behaviour, not copied):
#   POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_USER (default postgres),
#   POSTGRES_DB (default = user), POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD (default scram-sha-256),
#   PGDATA, /docker-entrypoint-initdb.d/*.sh|*.sql; arguments starting with '-' go to postgres.
set -Eeuo pipefail

if [ "${1:0:1}" = '-' ]; then set -- postgres "$@"; fi

if [ "$1" != postgres ]; then exec "$@"; fi

# As root: own the data and socket dirs, then re-exec this script as the postgres OS user.
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  chmod 2777 /var/run/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_USER:=postgres}" "${POSTGRES_DB:=$POSTGRES_USER}" "${POSTGRES_HOST_AUTH_METHOD:=scram-sha-256}"
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    cat >&2 <<'MSG'
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".
       (or set POSTGRES_HOST_AUTH_METHOD=trust to allow connections without a password)
MSG
    exit 1
  fi
  pwfile=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:-}" >"$pwfile"
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a word list by contract
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 \
    ${POSTGRES_INITDB_ARGS:-} >/dev/null
  rm -f "$pwfile"
  printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >>"$PGDATA/pg_hba.conf"

  # Temporary server on the unix socket only, for database creation and init scripts.
  pg_ctl -D "$PGDATA" -w -t 60 -o "-c listen_addresses='' -p 5432 -k /var/run/postgresql" start >/dev/null
  export PGHOST=/var/run/postgresql PGPORT=5432 PGUSER=$POSTGRES_USER
  psql_() { psql -v ON_ERROR_STOP=1 --no-password --no-psqlrc -q "$@"; }
  if [ "$POSTGRES_DB" != postgres ]; then
    psql_ -d postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
  fi
  if [ -d /docker-entrypoint-initdb.d ]; then
    for f in /docker-entrypoint-initdb.d/*; do
      # shellcheck disable=SC1090 # init scripts are sourced, as the official image does
      case $f in
        *.sh) echo "running $f"; . "$f" ;;
        *.sql) echo "running $f"; psql_ -d "$POSTGRES_DB" -f "$f" ;;
        *) ;;
      esac
    done
  fi
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  unset PGHOST PGPORT PGUSER
  echo 'PostgreSQL init process complete; ready for start up.'
fi

exec "$@"
