# shellcheck shell=bash disable=SC2034  # the constants are used by the scripts that source this file
# Shared helpers for scripts/test-env.sh and scripts/test-env/remote-daemon.sh (sourced, not run).
# Everything here is bounded in time and touches only 127.0.0.1 or addresses of namespaces we create.

TE_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$TE_LIB_DIR/../.." && pwd)
CACHE=${CLAIR_SCAN_CACHE:-$HOME/.cache/clair-scan}
STATE=$REPO/.testenv
# Overridable only to exercise the "start our own dockerd" path next to a running engine (see README).
DEFAULT_SOCK=${TESTENV_DOCKER_SOCK:-/var/run/docker.sock}
DOCKER_EXEC_ROOT=${TESTENV_DOCKER_EXEC_ROOT:-/run/clair-scan-docker}

CLAIR_VERSION=v4.9.0
CLAIR_IMAGE=localhost/clair-scan-test/clair:4.9.0
POSTGRES_IMAGE=localhost/clair-scan-test/postgres:15
HASH_LABEL=io.clair-scan.test-env.hash

log() { printf '[test-env] %s\n' "$*" >&2; }
die() { printf '[test-env] ERROR: %s\n' "$*" >&2; exit 1; }

ensure_state_dir() {
  mkdir -p "$STATE" "$CACHE"
  # .testenv holds runtime state only: keep it out of git without touching the repo's .gitignore.
  [ -f "$STATE/.gitignore" ] || printf '*\n' >"$STATE/.gitignore"
}

# sha256 of stdin, hex only
sha() { sha256sum | cut -c1-64; }

# docker against the default socket, whatever DOCKER_HOST the caller has set.
dk() { DOCKER_HOST=unix://$DEFAULT_SOCK docker "$@"; }

docker_answers() { # $1 = DOCKER_HOST value
  DOCKER_HOST=$1 timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# pid_alive PID EXPECTED_COMM_SUBSTRING: true if PID runs and its command line contains the substring
# (guards against a recycled pid).
pid_alive() {
  local pid=$1 want=$2
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$want"
}

# stop_pid PID NAME EXPECTED: SIGTERM, wait up to 30 s, then SIGKILL.
stop_pid() {
  local pid=$1 name=$2 want=$3 i
  if ! pid_alive "$pid" "$want"; then log "$name (pid $pid) is not running"; return 0; fi
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 60); do pid_alive "$pid" "$want" || return 0; sleep 0.5; done
  log "$name did not stop in 30 s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for i in $(seq 1 20); do pid_alive "$pid" "$want" || return 0; sleep 0.5; done
  die "$name (pid $pid) is still running"
}

# wait_docker HOST SECONDS PID: wait until the daemon answers, failing early if PID died.
wait_docker() {
  local host=$1 secs=$2 pid=${3:-}
  for _ in $(seq 1 $((secs * 2))); do
    docker_answers "$host" && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.5
  done
  return 1
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

# ------------------------------------------------------------------------------ debootstrap (shared helpers)
# apt_mirror_for SUITE: the Debian mirror apt is configured with for SUITE (deb822 .sources or one-line .list);
# no hard-coded host. test-env.sh (PostgreSQL rootfs) and fixtures/scale.sh (bookworm rootfs) both use it.
apt_mirror_for() {
  local suite=$1 f uri
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk -v suite="$suite" '
      BEGIN { RS=""; FS="\n" }
      { types=""; uris=""; suites=""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^Types:/) types = $i; else if ($i ~ /^URIs:/) uris = $i; else if ($i ~ /^Suites:/) suites = $i
        }
        if (types ~ /[ \t]deb([ \t]|$)/ && (suites " ") ~ ("[ \t]" suite "[ \t]")) {
          sub(/^URIs:[ \t]*/, "", uris); split(uris, u, /[ \t]+/); print u[1]; exit
        }
      }' "$f")
    [ -n "$uri" ] && { echo "$uri"; return 0; }
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    uri=$(sed -E 's/\[[^]]*\]//' "$f" | awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2; exit }')
    [ -n "$uri" ] && { echo "$uri"; return 0; }
  done
  return 1
}

# debootstrap_tar SUITE VARIANT INCLUDE OUT.tar LOG [PRUNE_FUNCTION]: debootstrap SUITE (variant, optional
# comma-separated --include list) from the configured mirror into a temp dir next to OUT, optionally prune it
# with PRUNE_FUNCTION ROOT, and write it as a tar with sorted names, a fixed mtime and numeric owners (the same
# tree always gives the same bytes; /dev, /proc, /sys left empty). Written to OUT.tmp, then renamed.
debootstrap_tar() {
  local suite=$1 variant=$2 include=$3 out=$4 logf=$5 prune=${6:-} mirror dir rc=0
  mirror=$(apt_mirror_for "$suite") || { log "no Debian mirror for $suite in /etc/apt/sources.list{,.d/*}"; return 1; }
  command -v debootstrap >/dev/null || { log "debootstrap is not installed (apt-get install debootstrap)"; return 1; }
  mkdir -p "$(dirname "$out")"
  dir=$(mktemp -d "$(dirname "$out")/.debootstrap.XXXXXX")
  local args=(--variant="$variant")
  [ -n "$include" ] && args+=(--include="$include")
  debootstrap "${args[@]}" "$suite" "$dir/root" "$mirror" >"$logf" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then tail -n 20 "$logf" >&2; rm -rf "$dir"; log "debootstrap $suite failed (log: $logf)"; return 1; fi
  [ -n "$prune" ] && "$prune" "$dir/root"
  tar -C "$dir/root" --numeric-owner --sort=name --mtime=@1700000000 --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf "$out.tmp" . || rc=$?
  rm -rf "$dir"
  [ "$rc" -eq 0 ] || { rm -f "$out.tmp"; log "writing $out failed"; return 1; }
  mv "$out.tmp" "$out"
}

# A network namespace of the test's own, joined to this one by a veth pair (test addresses only; see
# test-environment notes). Used by remote-daemon.sh and bridge-daemon.sh, which set NS, VETH_HOST, VETH_NS,
# HOST_ADDR, NS_ADDR and PREFIX; $1 is the file that records that the network is ours to remove.
netns_setup() {
  : >"$1"
  [ -e "/var/run/netns/$NS" ] || ip netns add "$NS"
  if ! ip link show "$VETH_HOST" >/dev/null 2>&1; then
    ip link add "$VETH_HOST" type veth peer name "$VETH_NS"
    ip link set "$VETH_NS" netns "$NS"
  fi
  ip addr replace "$HOST_ADDR/$PREFIX" dev "$VETH_HOST"
  ip link set "$VETH_HOST" up
  ip netns exec "$NS" ip addr replace "$NS_ADDR/$PREFIX" dev "$VETH_NS"
  ip netns exec "$NS" ip link set "$VETH_NS" up
  ip netns exec "$NS" ip link set lo up
}

netns_teardown() {
  rm -f "$1"
  if ip link show "$VETH_HOST" >/dev/null 2>&1; then ip link del "$VETH_HOST"; fi
  if [ -e "/var/run/netns/$NS" ]; then ip netns del "$NS"; fi
}
