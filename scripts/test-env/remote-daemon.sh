#!/usr/bin/env bash
# A second Docker daemon that looks to the tests like GitLab's docker:dind looks to a job: reachable only
# over TCP at an address of its own network namespace, unable to reach the job's 127.0.0.1.
#   bash scripts/test-env/remote-daemon.sh up [--lease ID] [IMAGE...]   start (or reuse) it; load the Clair and
#        PostgreSQL test images and IMAGE... into it when missing/different; print one JSON line on stdout:
#        {"dockerHost":"tcp://10.231.7.2:2375","hostAddress":"10.231.7.1",...}
#   bash scripts/test-env/remote-daemon.sh down [--lease ID|--force]    drop the lease; stop the daemon (by pid),
#        delete the veth pair and the namespace when no live lease remains (or with --force)
#   bash scripts/test-env/remote-daemon.sh status
# A lease is "<pid>.<anything>": it stays live while that process runs, so a crashed test never pins the daemon.
set -euo pipefail
# shellcheck source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

NS=clair-scan-dind
VETH_HOST=csdind0
VETH_NS=csdind1
HOST_ADDR=10.231.7.1
NS_ADDR=10.231.7.2
PREFIX=24
PORT=2375
RD_HOST=tcp://$NS_ADDR:$PORT
RD_STATE=$STATE/remote-daemon
RD_DATA=$CACHE/remote-docker-data
RD_EXEC=/run/clair-scan-remote-docker
RD_SOCK=/run/clair-scan-remote-docker.sock
RD_PIDFILE=$RD_STATE/dockerd.pid

rdk() { DOCKER_HOST=$RD_HOST docker "$@"; }

daemon_pid() { cat "$RD_STATE/dockerd.started" 2>/dev/null || true; }
daemon_running() { pid_alive "$(daemon_pid)" "$RD_SOCK" && docker_answers "$RD_HOST"; }

setup_network() { netns_setup "$RD_STATE/network.created"; }
teardown_network() { netns_teardown "$RD_STATE/network.created"; }

start_daemon() {
  if daemon_running; then return 0; fi
  # A previous daemon of ours that no longer answers: stop it before reusing its paths.
  if [ -n "$(daemon_pid)" ]; then stop_pid "$(daemon_pid)" "remote dockerd" "$RD_SOCK"; rm -f "$RD_STATE/dockerd.started"; fi
  setup_network
  mkdir -p "$RD_DATA" "$RD_EXEC"
  rm -f "$RD_PIDFILE"
  log "remote daemon: starting dockerd in netns $NS on $RD_HOST"
  # --tls=false: plain TCP like docker:dind without certs; without it dockerd 20.10 sleeps 15 s to warn.
  # nsenter --net (not `ip netns exec`, which remounts /sys: dockerd then fails with "Devices cgroup isn't mounted").
  setsid nsenter --net="/var/run/netns/$NS" dockerd --storage-driver=vfs --iptables=false --ip-masq=false \
    --bridge=none --data-root "$RD_DATA" --exec-root "$RD_EXEC" --pidfile "$RD_PIDFILE" \
    --tls=false -H "unix://$RD_SOCK" -H "$RD_HOST" >"$RD_STATE/dockerd.log" 2>&1 </dev/null 8>&- 9>&- &
  local pid=$!   # nsenter execs dockerd, so this is dockerd's pid
  if ! wait_docker "$RD_HOST" 60 "$pid"; then
    tail -n 20 "$RD_STATE/dockerd.log" >&2 || true
    kill "$pid" 2>/dev/null || true
    teardown_network
    die "remote dockerd did not answer on $RD_HOST within 60 s (log: $RD_STATE/dockerd.log)"
  fi
  echo "$pid" >"$RD_STATE/dockerd.started"
  log "remote daemon: dockerd pid $pid answers on $RD_HOST"
}

load_image() { # copy an image from the default daemon unless the remote one has the same image id
  local img=$1 want have
  want=$(dk image inspect -f '{{.Id}}' "$img" 2>/dev/null) ||
    die "image $img is not in the default daemon (run \`bash scripts/test-env.sh up\`, or build/pull it first)"
  have=$(rdk image inspect -f '{{.Id}}' "$img" 2>/dev/null || true)
  [ "$want" = "$have" ] && return 0
  log "remote daemon: loading $img"
  dk save "$img" | rdk load -q >/dev/null
  if [ -n "$have" ]; then rdk rmi "$have" >/dev/null 2>&1 || true; fi
}

lease_live() { local pid=${1%%.*}; [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; }

live_leases() {
  local f n=0
  for f in "$RD_STATE"/leases/*; do
    [ -e "$f" ] || continue
    if lease_live "$(basename "$f")"; then n=$((n + 1)); else rm -f "$f"; fi
  done
  echo "$n"
}

print_json() {
  printf '{"dockerHost":"%s","hostAddress":"%s","daemonAddress":"%s","namespace":"%s","pid":%s}\n' \
    "$RD_HOST" "$HOST_ADDR" "$NS_ADDR" "$NS" "$(daemon_pid)"
}

cmd_up() {
  local lease=
  if [ "${1:-}" = --lease ]; then lease=$2; shift 2; fi
  [ "$(id -u)" = 0 ] || die "the remote daemon needs root (network namespaces)"
  docker_answers "unix://$DEFAULT_SOCK" || die "the default Docker daemon does not answer: run \`bash scripts/test-env.sh up\`"
  mkdir -p "$RD_STATE/leases"
  start_daemon
  local img
  for img in "$CLAIR_IMAGE" "$POSTGRES_IMAGE" "$@"; do load_image "$img"; done
  if [ -n "$lease" ]; then
    lease_live "$lease" || die "lease $lease must start with the pid of a running process"
    : >"$RD_STATE/leases/$lease"
  fi
  print_json
}

cmd_down() {
  local force='' lease=''
  case ${1:-} in
    --force) force=1 ;;
    --lease) lease=${2:?--lease needs an id} ;;
    '') force=1 ;;
    *) die "usage: remote-daemon.sh down [--lease ID|--force]" ;;
  esac
  [ -n "$lease" ] && rm -f "$RD_STATE/leases/$lease"
  if [ -z "$force" ] && [ "$(live_leases)" -gt 0 ]; then
    log "remote daemon: still leased ($(live_leases) live lease(s)); left running"
    return 0
  fi
  if [ -z "$(daemon_pid)" ] && [ ! -e "$RD_STATE/network.created" ]; then
    log "remote daemon: not started from this checkout; nothing to stop"
    return 0
  fi
  if [ -n "$(daemon_pid)" ]; then stop_pid "$(daemon_pid)" "remote dockerd" "$RD_SOCK"; fi
  rm -f "$RD_STATE/dockerd.started" "$RD_STATE"/leases/*
  teardown_network
  log "remote daemon: down (images kept in $RD_DATA)"
}

cmd_status() {
  if daemon_running; then echo "remote:   $RD_HOST (pid $(daemon_pid), netns $NS, host side $HOST_ADDR, $(live_leases) lease(s))"
  else echo "remote:   not running"; fi
}

main() {
  mkdir -p "$STATE" "$RD_STATE"
  local cmd=${1:-}; shift || true
  if [ "$cmd" = up ] || [ "$cmd" = down ]; then
    exec 8>"$RD_STATE/.lock"
    flock -w 900 8 || die "another remote-daemon.sh run holds $RD_STATE/.lock"
  fi
  case $cmd in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status ;;
    *) echo "usage: remote-daemon.sh up [--lease ID] [IMAGE...] | down [--lease ID|--force] | status" >&2; exit 2 ;;
  esac
}
main "$@"
