# Helpers shared by scripts/run, scripts/test and scripts/bench. Source it; it defines functions only.
# A private PostgreSQL cluster: owned by the non-root `postgres` OS user, on 127.0.0.1 only, never the system one.

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

APT_UPDATED=
apt_install() {
  is_root || die "installing $* needs root (apt-get); install it yourself or run as root"
  if [ -z "$APT_UPDATED" ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confold "$@" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is not installed (https://dot.net); or use docker compose (README)"
}

# PostgreSQL binaries: the newest /usr/lib/postgresql/*/bin, installed with apt if missing. Debian's package would
# create and start a system cluster on 5432; createcluster.conf tells it not to, so nothing is left running.
pg_ensure_binaries() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    say "PostgreSQL server binaries not found: installing them"
    # createcluster.conf ends by including createcluster.d: a file there stops the package from creating (and
    # starting) a system cluster, and is removed again so the machine's own settings are as they were.
    local no_cluster=/etc/postgresql-common/createcluster.d/00-vocedalliance-no-main-cluster.conf
    if is_root; then
      # postgresql-common alone creates no cluster; it brings the createcluster.conf that reads createcluster.d.
      [ -e /etc/postgresql-common/createcluster.conf ] || apt_install postgresql-common
      mkdir -p "$(dirname "$no_cluster")"
      echo "create_main_cluster = false" > "$no_cluster"
    fi
    apt_install postgresql
    rm -f "$no_cluster"
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$PG_BIN/initdb" ] || die "PostgreSQL installation did not provide initdb"
  fi
  if is_root && ! id -u postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
  fi
  export PG_BIN
}

# Runs a PostgreSQL server command as the cluster's owner: `postgres` when we are root (initdb refuses root).
pg_as_owner() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Can the cluster's owner reach (traverse) this folder? A mode-700 parent such as /root says no.
pg_owner_can_reach() {
  if is_root; then runuser -u postgres -- test -x "$1"; else test -x "$1"; fi
}

# pg_prepare_dir DIR: creates DIR for the cluster owner.
pg_prepare_dir() {
  mkdir -p "$1"
  is_root && chown postgres:postgres "$1"
  chmod 700 "$1"
}

# pg_init DIR AUTH [PASSWORD_FILE]: initdb with UTF-8; AUTH is trust (throwaway test clusters) or scram-sha-256.
pg_init() {
  local dir=$1 auth=$2 pwfile=${3:-}
  pg_prepare_dir "$dir"
  local args=(-D "$dir" -U postgres -A "$auth" -E UTF8 --locale=C.UTF-8)
  if [ -n "$pwfile" ]; then
    # initdb reads the password as the owner: hand it a copy it may read, then remove it.
    local tmp; tmp=$(mktemp /tmp/vocedalliance-pw.XXXXXX)
    cat "$pwfile" > "$tmp"; is_root && chown postgres "$tmp"
    args+=(--pwfile="$tmp")
    pg_as_owner "$PG_BIN/initdb" "${args[@]}" >/dev/null || { rm -f "$tmp"; die "initdb failed"; }
    rm -f "$tmp"
  else
    pg_as_owner "$PG_BIN/initdb" "${args[@]}" >/dev/null || die "initdb failed"
  fi
}

# pg_start DIR PORT SOCKET_DIR LOG [extra server options]
pg_start() {
  local dir=$1 port=$2 sock=$3 log=$4; shift 4
  pg_prepare_dir "$sock"
  touch "$log"; is_root && chown postgres "$log"
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$log" -w -t 60 start \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $sock $*" >/dev/null \
    || { tail -n 20 "$log" >&2; die "PostgreSQL did not start (log: $log)"; }
}

pg_is_running() { [ -f "$1/postmaster.pid" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

pg_stop() {
  if [ -n "${PG_BIN:-}" ] && pg_is_running "$1"; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$1" -m fast -w -t 60 stop >/dev/null || true
  fi
}

# A TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$(( (RANDOM % 20000) + 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  die "no free TCP port found"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Debian's Chromium for the browser tests (never a browser download), and a CJK font so pages render in Chinese.
ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    apt_install chromium fonts-wqy-microhei
  elif ! fc-list 2>/dev/null | grep -qi 'wqy\|noto.*cjk'; then
    apt_install fonts-wqy-microhei || true
  fi
  CHROMIUM_PATH=$(command -v chromium)
  export CHROMIUM_PATH
}

# http_ok PORT PATH: does http://127.0.0.1:PORT/PATH answer 200? (bash's /dev/tcp: no curl needed)
http_ok() {
  local status
  status=$( { exec 3<>"/dev/tcp/127.0.0.1/$1" &&
      printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$2" "$1" >&3 &&
      head -n 1 <&3; } 2>/dev/null) || return 1
  case "$status" in *" 200 "*) return 0 ;; *) return 1 ;; esac
}

# private_cluster_home ROOT: where scripts/run keeps its private cluster (data, log, socket, password): .data/ in the
# clone, or, when the postgres user cannot reach it (a clone under /root, or in a folder only root may enter),
# /var/lib/vocedalliance/<hash of the clone's path>.
private_cluster_home() {
  local data="$1/.data"
  mkdir -p "$data"
  if pg_owner_can_reach "$data"; then
    echo "$data"
  else
    echo "/var/lib/vocedalliance/$(printf '%s' "$1" | sha1sum | cut -c1-12)"
  fi
}

# pg_env_from_connection "Host=…;Port=…;Database=…;Username=…;Password=…": exports libpq's PG* variables from a
# Npgsql connection string (the portal's ConnectionStrings__Default), so psql, pg_dump and pg_restore reach that database.
pg_env_from_connection() {
  local part key value
  local IFS=';'
  for part in $1; do
    key=$(printf '%s' "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    value=${part#*=}
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      database) export PGDATABASE="$value" ;;
      username|userid|user) export PGUSER="$value" ;;
      password) export PGPASSWORD="$value" ;;
    esac
  done
}

# pg_use_portal_database ROOT: the database the portal uses — ConnectionStrings__Default when set, else scripts/run's
# private cluster (started here when it is not running: PG_STARTED_HERE names it, for pg_stop when done).
pg_use_portal_database() {
  PG_STARTED_HERE=""
  if [ -n "${ConnectionStrings__Default:-}" ]; then
    pg_env_from_connection "$ConnectionStrings__Default"
    return 0
  fi
  local home; home=$(private_cluster_home "$1")
  [ -f "$home/postgres/PG_VERSION" ] || die "no private cluster in $home (start the portal once with scripts/run, or set ConnectionStrings__Default)"
  export PGHOST=127.0.0.1 PGPORT=${VOCED_PG_PORT:-55432} PGUSER=postgres PGDATABASE=vocedalliance
  PGPASSWORD=$(cat "$home/postgres.password"); export PGPASSWORD
  if ! pg_is_running "$home/postgres"; then
    say "starting the private PostgreSQL cluster on 127.0.0.1:$PGPORT"
    mkdir -p "$home/run"
    pg_start "$home/postgres" "$PGPORT" "$home/run/pg-socket" "$home/postgres.log"
    PG_STARTED_HERE="$home/postgres"
  fi
}

# pg_manifest: one line per table of the current database, "table<TAB>rows<TAB>checksum" (md5 of the rows' md5s in
# order), read in one snapshot; the text of every value is fixed by the settings (UTC, ISO dates, exact floats), so a
# restore of the same rows gives the same lines. Reads the SQL to run first (e.g. SET TRANSACTION SNAPSHOT) from $1.
pg_manifest() {
  "$PG_BIN/psql" -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 <<SQL
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
${1:-}
SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres';
SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = 'hex';
SELECT format('SELECT %L, count(*), md5(coalesce(string_agg(r, '''' ORDER BY r), '''')) FROM (SELECT md5(t::text) AS r FROM %I.%I t) s',
              tablename, schemaname, tablename)
FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename \gexec
COMMIT;
SQL
}

# Debian's nginx, installed with apt when missing; its package must not start a system nginx on port 80 (a
# policy-rc.d that refuses every service start stands while it installs, as the PostgreSQL one above).
ensure_nginx() {
  NGINX=$(command -v nginx || true)
  [ -n "$NGINX" ] || NGINX=/usr/sbin/nginx
  if [ ! -x "$NGINX" ]; then
    say "nginx not found: installing Debian's nginx"
    local policy=/usr/sbin/policy-rc.d created=""
    if is_root && [ ! -e "$policy" ]; then
      printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod 755 "$policy"; created=1
    fi
    apt_install nginx-light || apt_install nginx
    [ -n "$created" ] && rm -f "$policy"
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
    [ -x "$NGINX" ] || die "nginx installation did not provide the nginx binary"
  fi
  export NGINX
}

# nginx_configure RUN_DIR PORT INSTANCE_PORT...: writes RUN_DIR/nginx.conf from scripts/nginx's template, with the
# instances' temp folders reachable by nginx's workers (nobody, when started as root).
nginx_configure() {
  local run=$1 port=$2; shift 2
  local servers="" p
  for p in "$@"; do servers+="        server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"$'\n'; done
  mkdir -p "$run/temp"
  if is_root && id -u nobody >/dev/null 2>&1; then chown nobody "$run/temp"; fi
  local template="$ROOT/scripts/nginx/vocedalliance.conf.template"
  awk -v run="$run" -v port="$port" -v servers="$servers" '
    /@SERVERS@/ { printf "%s", servers; next }
    { gsub(/@RUN@/, run); gsub(/@PORT@/, port); print }' "$template" > "$run/nginx.conf"
  "$NGINX" -t -q -c "$run/nginx.conf" -p "$run" 2>"$run/nginx-test.log" || { cat "$run/nginx-test.log" >&2; die "the nginx configuration does not load"; }
}

# antiforgery_token: the first form's antiforgery token in the HTML on stdin.
antiforgery_token() {
  sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1
}

# portal_sign_in BASE JAR EMAIL: signs a demo account in with curl (cookies in JAR); prints where the portal sent it
# (BASE/ when signed in).
portal_sign_in() {
  local base=$1 jar=$2 email=$3 token
  token=$(curl -fsS -c "$jar" -b "$jar" "$base/Account/SignIn" | antiforgery_token)
  [ -n "$token" ] || die "the sign-in page at $base has no antiforgery token"
  curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$base/Account/SignIn" \
    --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=VocEd-Demo-2026" \
    --data-urlencode "__RequestVerificationToken=$token"
}
