#!/usr/bin/env bash
# The real-parts test environment for clair-scan's e2e tests: Docker engine, Clair + PostgreSQL images,
# an authenticated registry. See scripts/README.md.
#   bash scripts/test-env.sh up|down|status      (also: clair-image, postgres-image, help)
set -euo pipefail
# shellcheck source=test-env/lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/test-env/lib.sh"
# shellcheck source=test-env/tool-image.sh
. "$TE_LIB_DIR/tool-image.sh"
# shellcheck source=test-env/go-tools.sh
. "$TE_LIB_DIR/go-tools.sh"
# shellcheck source=test-env/groovy.sh
. "$TE_LIB_DIR/groovy.sh"

PACKAGES=(docker.io debootstrap docker-registry busybox-static apache2-utils iproute2 chromium curl ca-certificates util-linux zstd rsync maven)
PG_SUITE=bookworm
PG_PACKAGES=postgresql-15
# Bump when the pruning below changes (it is part of the rootfs cache key).
PG_PRUNE_VERSION=2

# ---------------------------------------------------------------------------------------------- packages
ensure_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "missing packages ${missing[*]} and not root: install them first"
  log "installing ${missing[*]}"
  # Do not let package scripts start services (docker, docker-registry on :5000): we start what we need.
  local policy_added=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_added=1
  fi
  local rc=0
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >"$STATE/apt.log" 2>&1; then
    log "apt-get install failed; running apt-get update once and retrying"
    apt-get update -q >>"$STATE/apt.log" 2>&1 || rc=$?
    [ $rc = 0 ] && { apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$STATE/apt.log" 2>&1 || rc=$?; }
  fi
  [ -n "$policy_added" ] && rm -f /usr/sbin/policy-rc.d
  [ $rc = 0 ] || die "apt-get failed (see $STATE/apt.log)"
}

# ---------------------------------------------------------------------------------------------- docker
ensure_docker() {
  if docker_answers "unix://$DEFAULT_SOCK"; then
    if [ -f "$STATE/dockerd.started" ] && pid_alive "$(cat "$STATE/dockerd.pid" 2>/dev/null)" dockerd; then
      log "docker: ours (pid $(cat "$STATE/dockerd.pid")) answers"
    else
      rm -f "$STATE/dockerd.started"
      log "docker: an engine already answers on $DEFAULT_SOCK; using it (it will not be stopped)"
    fi
    return 0
  fi
  log "docker: starting dockerd (vfs, host networking only)"
  mkdir -p "$CACHE/docker-data"
  local pid
  setsid dockerd --storage-driver=vfs --iptables=false --ip-masq=false --bridge=none \
    --data-root "$CACHE/docker-data" --exec-root "$DOCKER_EXEC_ROOT" \
    --pidfile "$STATE/dockerd.pid" -H "unix://$DEFAULT_SOCK" >"$STATE/dockerd.log" 2>&1 </dev/null 8>&- 9>&- &
  pid=$!
  if ! wait_docker "unix://$DEFAULT_SOCK" 60 "$pid"; then
    tail -n 20 "$STATE/dockerd.log" >&2 || true
    kill "$pid" 2>/dev/null || true
    die "dockerd did not answer within 60 s (log: $STATE/dockerd.log)"
  fi
  echo "$pid" >"$STATE/dockerd.pid"
  echo "$pid" >"$STATE/dockerd.started"
  log "docker: dockerd pid $pid answers"
}

# ---------------------------------------------------------------------------------------------- clair
clair_bin_dir() { echo "$CACHE/clair-$CLAIR_VERSION-go/bin"; }

ensure_clair_binaries() {
  local out; out=$(clair_bin_dir)
  if [ -x "$out/clair" ] && [ -x "$out/clairctl" ]; then return 0; fi
  # This machine kind installs Go in /usr/local/go; a non-login shell may not have it on PATH.
  command -v go >/dev/null || { [ -x /usr/local/go/bin/go ] && PATH="/usr/local/go/bin:$PATH"; } || true
  command -v go >/dev/null || die "go is not on PATH: needed to build Clair $CLAIR_VERSION"
  log "clair: building clair + clairctl $CLAIR_VERSION from the Go module (CGO off)"
  local t0=$SECONDS dir tmp
  # `go install …@v4.9.0` fails here (the proxy refuses the version list); a pinned download works.
  dir=$(go mod download -json "github.com/quay/clair/v4@$CLAIR_VERSION" | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);if(j.Error){console.error(j.Error);process.exit(1)}console.log(j.Dir)})')
  tmp=$(mktemp -d "$CACHE/.clair-build.XXXXXX")
  (cd "$dir" && CGO_ENABLED=0 go build -trimpath \
    -ldflags="-s -w -X github.com/quay/clair/v4/cmd.Version=$CLAIR_VERSION" -o "$tmp/" ./cmd/clair ./cmd/clairctl)
  mkdir -p "$(dirname "$out")"
  rm -rf "$out" && mv "$tmp" "$out"
  log "clair: built in $((SECONDS - t0)) s"
}

build_clair_image() {
  ensure_clair_binaries
  local bin ctx hash cur t0=$SECONDS
  bin=$(clair_bin_dir)
  local ca=/etc/ssl/certs/ca-certificates.crt
  [ -f "$ca" ] || die "no CA bundle at $ca (install ca-certificates)"
  hash=$(cat "$TE_LIB_DIR/clair/Dockerfile" "$bin/clair" "$bin/clairctl" "$ca" | sha)
  cur=$(dk image inspect -f "{{ index .Config.Labels \"$HASH_LABEL\" }}" "$CLAIR_IMAGE" 2>/dev/null || true)
  if [ "$cur" = "$hash" ]; then log "clair image: $CLAIR_IMAGE is up to date"; return 0; fi
  log "clair image: building $CLAIR_IMAGE"
  local old; old=$(dk image inspect -f '{{.Id}}' "$CLAIR_IMAGE" 2>/dev/null || true)
  ctx=$(mktemp -d)
  # shellcheck disable=SC2064
  trap "rm -rf '$ctx'" RETURN
  local r=$ctx/rootfs
  mkdir -p "$r/usr/bin" "$r/etc/ssl/certs" "$r/etc/pki/tls/certs" "$r/tmp" "$r/var/tmp" "$r/run" "$r/config"
  cp "$bin/clair" "$bin/clairctl" "$r/usr/bin/"
  cp "$ca" "$r/etc/ssl/certs/ca-certificates.crt"
  ln -s ../../../ssl/certs/ca-certificates.crt "$r/etc/pki/tls/certs/ca-bundle.crt"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\n' >"$r/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\n' >"$r/etc/group"
  chmod 1777 "$r/tmp" "$r/var/tmp"
  chmod 755 "$r" "$r/usr" "$r/usr/bin" "$r/etc" "$r/run" "$r/config"
  cp "$TE_LIB_DIR/clair/Dockerfile" "$ctx/Dockerfile"
  DOCKER_BUILDKIT=0 dk build --label "$HASH_LABEL=$hash" -t "$CLAIR_IMAGE" "$ctx" >"$STATE/clair-image.log" 2>&1 ||
    { tail -n 20 "$STATE/clair-image.log" >&2; die "building $CLAIR_IMAGE failed (log: $STATE/clair-image.log)"; }
  remove_replaced "$old" "$CLAIR_IMAGE"
  log "clair image: built in $((SECONDS - t0)) s ($(image_size "$CLAIR_IMAGE"))"
}

# remove_replaced OLD_ID IMAGE: drop our previous build once the tag points elsewhere (not if a container uses it).
remove_replaced() {
  [ -n "$1" ] && [ "$1" != "$(dk image inspect -f '{{.Id}}' "$2")" ] && dk rmi "$1" >/dev/null 2>&1 || true
}

image_size() { dk image inspect -f '{{.Size}}' "$1" | awk '{printf "%.1f MB", $1/1e6}'; }

# ---------------------------------------------------------------------------------------------- postgres
# The Debian mirror apt is configured with for $PG_SUITE (apt_mirror_for in test-env/lib.sh; no hard-coded host).
apt_mirror() {
  apt_mirror_for "$PG_SUITE" || die "no Debian mirror for $PG_SUITE in /etc/apt/sources.list{,.d/*}"
}

pg_rootfs_tar() {
  local key; key=$(printf '%s\n' "$PG_SUITE" "$PG_PACKAGES" "$PG_PRUNE_VERSION" | sha | cut -c1-16)
  echo "$CACHE/rootfs/postgres-$PG_SUITE-$key.tar"
}

ensure_pg_rootfs() {
  local tar; tar=$(pg_rootfs_tar)
  [ -f "$tar" ] && return 0
  local mirror dir t0=$SECONDS
  mirror=$(apt_mirror)
  log "postgres: debootstrap $PG_SUITE + $PG_PACKAGES from $mirror (about a minute)"
  mkdir -p "$CACHE/rootfs"
  dir=$(mktemp -d "$CACHE/rootfs/.debootstrap.XXXXXX")
  # shellcheck disable=SC2064
  trap "rm -rf '$dir'" RETURN
  debootstrap --variant=minbase --include="$PG_PACKAGES" "$PG_SUITE" "$dir/root" "$mirror" \
    >"$STATE/debootstrap.log" 2>&1 || { tail -n 20 "$STATE/debootstrap.log" >&2; die "debootstrap failed (log: $STATE/debootstrap.log)"; }
  prune_pg_rootfs "$dir/root"
  tar -C "$dir/root" --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
    -cf "$tar.tmp" .
  mv "$tar.tmp" "$tar"
  log "postgres: rootfs $(du -h "$tar" | cut -f1) cached as $tar in $((SECONDS - t0)) s"
}

# Drop what a throw-away database server never reads: docs, man pages, translations, apt lists, the
# package-made default cluster, LLVM + z3 (only PostgreSQL's optional JIT provider links them; without
# llvmjit.so PostgreSQL silently runs with JIT unavailable), locale sources, and the perl modules used only
# by postgresql-common's wrappers (/usr/bin/psql etc.; PATH puts /usr/lib/postgresql/15/bin first, as the
# official image does; perl-base stays).
prune_pg_rootfs() {
  local r=$1
  rm -rf "$r"/usr/share/doc/* "$r"/usr/share/man/* "$r"/usr/share/info/* "$r"/usr/share/locale/* \
    "$r"/usr/share/lintian "$r"/usr/share/bug "$r"/var/lib/apt/lists/* "$r"/var/cache/apt/* \
    "$r"/var/cache/debconf/*-old "$r"/var/log/*.log "$r"/var/log/apt/* \
    "$r"/var/lib/postgresql/15 "$r"/etc/postgresql/15 \
    "$r"/usr/lib/postgresql/15/lib/llvmjit*.so "$r"/usr/lib/postgresql/15/lib/bitcode \
    "$r"/usr/lib/*-linux-gnu/libLLVM-*.so* "$r"/usr/lib/llvm-* "$r"/usr/lib/*-linux-gnu/libz3.so* \
    "$r"/usr/share/i18n "$r"/usr/share/perl "$r"/usr/lib/*-linux-gnu/perl
}

build_postgres_image() {
  ensure_pg_rootfs
  local tar base hash cur t0=$SECONDS work d="$TE_LIB_DIR/postgres"
  tar=$(pg_rootfs_tar)
  hash=$( { basename "$tar"; cat "$d/Dockerfile" "$d/import-changes" "$d/docker-entrypoint.sh"; } | sha)
  cur=$(dk image inspect -f "{{ index .Config.Labels \"$HASH_LABEL\" }}" "$POSTGRES_IMAGE" 2>/dev/null || true)
  if [ "$cur" = "$hash" ]; then log "postgres image: $POSTGRES_IMAGE is up to date"; return 0; fi
  log "postgres image: building $POSTGRES_IMAGE"
  local old; old=$(dk image inspect -f '{{.Id}}' "$POSTGRES_IMAGE" 2>/dev/null || true)
  base=localhost/clair-scan-test/postgres-base:${hash:0:16}
  work=$(mktemp -d "$CACHE/rootfs/.image.XXXXXX")
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" RETURN
  # rootfs + entrypoint as one layer, config via --change: one import instead of a build step per
  # instruction (each would copy the whole rootfs under vfs).
  cp "$tar" "$work/rootfs.tar"
  mkdir -p "$work/add/usr/local/bin"
  install -m 755 "$d/docker-entrypoint.sh" "$work/add/usr/local/bin/docker-entrypoint.sh"
  tar -C "$work/add" --owner=0 --group=0 --numeric-owner -rf "$work/rootfs.tar" ./usr/local/bin/docker-entrypoint.sh
  local changes=() line
  while IFS= read -r line; do [ -n "$line" ] && changes+=(--change "$line"); done <"$d/import-changes"
  changes+=(--change "LABEL $HASH_LABEL=$hash")
  dk import "${changes[@]}" "$work/rootfs.tar" "$base" >/dev/null
  cp "$d/Dockerfile" "$work/Dockerfile"
  rm -rf "$work/add" "$work/rootfs.tar"
  DOCKER_BUILDKIT=0 dk build --build-arg "BASE=$base" -t "$POSTGRES_IMAGE" "$work" >"$STATE/postgres-image.log" 2>&1 ||
    { tail -n 20 "$STATE/postgres-image.log" >&2; die "building $POSTGRES_IMAGE failed (log: $STATE/postgres-image.log)"; }
  # drop bases of earlier builds (ours only)
  dk images --format '{{.Repository}}:{{.Tag}}' localhost/clair-scan-test/postgres-base |
    grep -vxF "$base" | xargs -r env DOCKER_HOST="unix://$DEFAULT_SOCK" docker rmi >/dev/null 2>&1 || true
  dk images --format '{{.Repository}}:{{.Tag}}' localhost/clair-scan-test/postgres-rootfs |
    xargs -r env DOCKER_HOST="unix://$DEFAULT_SOCK" docker rmi >/dev/null 2>&1 || true
  remove_replaced "$old" "$POSTGRES_IMAGE"
  log "postgres image: built in $((SECONDS - t0)) s ($(image_size "$POSTGRES_IMAGE"))"
}

# ---------------------------------------------------------------------------------------------- registry
REG_DIR=$STATE/registry

registry_code() { # HTTP status of /v2/ on $1 (host:port), optional user:pass in $2
  local auth=()
  [ -n "${2:-}" ] && auth=(-u "$2")
  curl -s -o /dev/null -m 5 -w '%{http_code}' "${auth[@]}" "http://$1/v2/" 2>/dev/null || true
}

registry_running() {
  [ -f "$REG_DIR/pid" ] && [ -f "$REG_DIR/address" ] && pid_alive "$(cat "$REG_DIR/pid")" docker-registry &&
    [ "$(registry_code "$(cat "$REG_DIR/address")")" = 401 ]
}

ensure_registry() {
  if registry_running; then log "registry: running at $(cat "$REG_DIR/address") (pid $(cat "$REG_DIR/pid"))"; return 0; fi
  mkdir -p "$REG_DIR/data"
  local user pass port pid
  user=clair-scan-$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
  pass=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
  # bcrypt, password from stdin (never on a command line)
  printf '%s\n' "$pass" | htpasswd -B -i -c "$REG_DIR/htpasswd" "$user" 2>/dev/null
  printf '%s\n%s\n' "$user" "$pass" >"$REG_DIR/credentials.tmp"
  chmod 600 "$REG_DIR/credentials.tmp" && mv "$REG_DIR/credentials.tmp" "$REG_DIR/credentials"
  port=$(free_port)
  cat >"$REG_DIR/config.yml" <<CFG
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $REG_DIR/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: $(head -c 24 /dev/urandom | base64)
auth:
  htpasswd:
    realm: clair-scan-test
    path: $REG_DIR/htpasswd
CFG
  setsid docker-registry serve "$REG_DIR/config.yml" >"$REG_DIR/registry.log" 2>&1 </dev/null 8>&- 9>&- &
  pid=$!
  for _ in $(seq 1 60); do
    [ "$(registry_code "127.0.0.1:$port")" = 401 ] && break
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$REG_DIR/registry.log" >&2; die "docker-registry exited (log: $REG_DIR/registry.log)"; }
    sleep 0.5
  done
  [ "$(registry_code "127.0.0.1:$port")" = 401 ] || { kill "$pid" 2>/dev/null || true; die "docker-registry did not answer on 127.0.0.1:$port within 30 s"; }
  echo "$pid" >"$REG_DIR/pid"
  echo "127.0.0.1:$port" >"$REG_DIR/address"
  log "registry: started at 127.0.0.1:$port (pid $pid, htpasswd user $user)"
}

# ---------------------------------------------------------------------------------------------- env.json
write_env_json() {
  local dockerd_pid=
  [ -f "$STATE/dockerd.started" ] && dockerd_pid=$(cat "$STATE/dockerd.started")
  TE_REPO=$REPO TE_CACHE=$CACHE TE_STATE=$STATE TE_SOCK=$DEFAULT_SOCK TE_CLAIR_IMAGE=$CLAIR_IMAGE \
  TE_PG_IMAGE=$POSTGRES_IMAGE TE_TOOL_IMAGE=$TOOL_IMAGE TE_CLAIR_VERSION=$CLAIR_VERSION TE_CLAIR_BIN=$(clair_bin_dir) \
  TE_REG_ADDR=$(cat "$REG_DIR/address") TE_REG_USER=$(sed -n 1p "$REG_DIR/credentials") \
  TE_REG_PASS=$(sed -n 2p "$REG_DIR/credentials") TE_REG_HTPASSWD=$REG_DIR/htpasswd TE_REG_PID=$(cat "$REG_DIR/pid") \
  TE_DOCKERD_PID=$dockerd_pid TE_CHROMIUM=$(command -v chromium || true) \
  TE_REMOTE=$TE_LIB_DIR/remote-daemon.sh node -e '
    const e = process.env, fs = require("fs");
    const j = {
      version: 1,
      repo: e.TE_REPO, cache: e.TE_CACHE, stateDir: e.TE_STATE,
      dockerHost: "unix://" + e.TE_SOCK,
      clairVersion: e.TE_CLAIR_VERSION, clairImage: e.TE_CLAIR_IMAGE, postgresImage: e.TE_PG_IMAGE,
      clairBin: e.TE_CLAIR_BIN, toolImage: e.TE_TOOL_IMAGE,
      registry: { address: e.TE_REG_ADDR, url: "http://" + e.TE_REG_ADDR, username: e.TE_REG_USER,
                  password: e.TE_REG_PASS, htpasswdFile: e.TE_REG_HTPASSWD },
      chromium: e.TE_CHROMIUM || null,
      remoteDaemonScript: e.TE_REMOTE,
      started: { dockerd: e.TE_DOCKERD_PID ? Number(e.TE_DOCKERD_PID) : null, registry: Number(e.TE_REG_PID) },
      writtenAt: new Date().toISOString(),
    };
    const f = e.TE_STATE + "/env.json";
    fs.writeFileSync(f + ".tmp", JSON.stringify(j, null, 2) + "\n", { mode: 0o600 });
    fs.renameSync(f + ".tmp", f);
  '
}

# ---------------------------------------------------------------------------------------------- up/down/status
cmd_up() {
  local t0=$SECONDS
  ensure_packages
  ensure_docker
  build_clair_image
  build_postgres_image
  build_tool_image
  build_go_tools
  ensure_groovy
  ensure_registry
  write_env_json
  log "up: ready in $((SECONDS - t0)) s; $STATE/env.json written"
}

cmd_down() {
  if [ -x "$TE_LIB_DIR/remote-daemon.sh" ] && [ -d "$STATE/remote-daemon" ]; then
    bash "$TE_LIB_DIR/remote-daemon.sh" down --force || log "remote daemon teardown reported an error"
  fi
  if [ -x "$TE_LIB_DIR/bridge-daemon.sh" ] && [ -d "$STATE/bridge-daemon" ]; then
    bash "$TE_LIB_DIR/bridge-daemon.sh" down || log "bridge daemon teardown reported an error"
  fi
  rm -f "$STATE/env.json"
  if [ -f "$REG_DIR/pid" ]; then stop_pid "$(cat "$REG_DIR/pid")" docker-registry docker-registry; rm -f "$REG_DIR/pid"; fi
  if [ -f "$STATE/dockerd.started" ]; then
    stop_pid "$(cat "$STATE/dockerd.started")" dockerd dockerd
    rm -f "$STATE/dockerd.started" "$STATE/dockerd.pid"
  else
    log "docker: not started by us; left running"
  fi
  log "down: done (caches kept in $CACHE)"
}

cmd_status() {
  local host=unix://$DEFAULT_SOCK
  if docker_answers "$host"; then
    if [ -f "$STATE/dockerd.started" ]; then echo "docker:   running, started by test-env (pid $(cat "$STATE/dockerd.started"))"
    else echo "docker:   running (not started by test-env)"; fi
    local img
    for img in "$CLAIR_IMAGE" "$POSTGRES_IMAGE"; do
      if dk image inspect "$img" >/dev/null 2>&1; then echo "image:    $img ($(image_size "$img"))"
      else echo "image:    $img MISSING"; fi
    done
  else
    echo "docker:   not answering on $DEFAULT_SOCK"
  fi
  if registry_running; then echo "registry: http://$(cat "$REG_DIR/address") (pid $(cat "$REG_DIR/pid"))"
  else echo "registry: not running"; fi
  if [ -x "$TE_LIB_DIR/remote-daemon.sh" ]; then bash "$TE_LIB_DIR/remote-daemon.sh" status || true; fi
  if [ -x "$TE_LIB_DIR/bridge-daemon.sh" ]; then bash "$TE_LIB_DIR/bridge-daemon.sh" status || true; fi
  if [ -f "$STATE/env.json" ]; then echo "env.json: $STATE/env.json"; else echo "env.json: absent (run up)"; fi
  echo "cache:    $CACHE ($(du -sh "$CACHE" 2>/dev/null | cut -f1))"
}

# ---------------------------------------------------------------------------------------------- main
usage() {
  cat <<'USAGE'
usage: bash scripts/test-env.sh up|down|status|clair-image|postgres-image|tool-image
  up              install missing packages, start/reuse Docker, build the Clair + PostgreSQL images,
                  start the registry, write .testenv/env.json (idempotent; fast when cached)
  down            stop only what `up` started (by pid); caches stay
  status          print what runs
  clair-image     only (re)build localhost/clair-scan-test/clair:4.9.0 (needs a running Docker)
  postgres-image  only (re)build localhost/clair-scan-test/postgres:15 (needs a running Docker)
  tool-image      only (re)build localhost/clair-scan-test/tool:dev from docker/Dockerfile on a local Node base
                  (needs the Clair and PostgreSQL images)
  (up also builds the real-runner tools act, actionlint and the compose plugin from their Go modules into
   the cache: scripts/test-env/go-tools.sh)
USAGE
}

main() {
  local cmd=${1:-help}
  case $cmd in
    up) ensure_state_dir; with_lock cmd_up ;;
    down) ensure_state_dir; with_lock cmd_down ;;
    status) ensure_state_dir; cmd_status ;;
    clair-image) ensure_state_dir; with_lock ensure_docker_or_die build_clair_image ;;
    postgres-image) ensure_state_dir; with_lock ensure_docker_or_die build_postgres_image ;;
    tool-image) ensure_state_dir; with_lock ensure_docker_or_die build_tool_image ;;
    *) usage; [ "$cmd" = help ] || [ "$cmd" = -h ] || exit 2 ;;
  esac
}

# with_lock CMD...: serialize concurrent runs (tests and people may call `up` at the same time).
with_lock() {
  exec 9>"$STATE/.lock"
  flock -w 1800 9 || die "another test-env.sh run holds $STATE/.lock"
  local f; for f in "$@"; do "$f"; done
}
ensure_docker_or_die() { docker_answers "unix://$DEFAULT_SOCK" || die "Docker does not answer on $DEFAULT_SOCK: run \`bash scripts/test-env.sh up\`"; }

main "$@"
