#!/usr/bin/env bash
# A Docker daemon WITH bridge networking, for gitlab-ci-local's docker executor (it creates a network per job for
# its services and gives them aliases, which needs user-defined bridge networks). The default test daemon runs with
# --bridge=none in the machine's own namespace, where a bridge would put new addresses on the host; this one runs
# in a network namespace of its own, so its bridges, their 172.x addresses and its iptables rules exist only there.
# Next to it, in the same namespace, a plain-HTTP registry (Debian's docker-registry) that its containers reach at
# the namespace's address: images come from it as on GitLab, where a job pulls $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA.
#   bash scripts/test-env/bridge-daemon.sh up [IMAGE...]   start (or reuse) both; copy the test images and IMAGE...
#        from the default daemon (docker save | docker load: nothing is pulled); print one JSON line:
#        {"dockerHost":"tcp://10.231.9.2:2375","hostAddress":"10.231.9.1","daemonAddress":"10.231.9.2","registry":"10.231.9.2:5000",...}
#   bash scripts/test-env/bridge-daemon.sh down     stop both (by pid), delete the veth pair and the namespace
#   bash scripts/test-env/bridge-daemon.sh router-image   build (or reuse) an nginx image in the bridge daemon from
#        Debian's nginx-light package and print its name (docs/shared-clair.md's Compose router; see below)
#   bash scripts/test-env/bridge-daemon.sh status
set -euo pipefail
# shellcheck source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

NS=clair-scan-gcl
VETH_HOST=csgcl0
VETH_NS=csgcl1
HOST_ADDR=10.231.9.1
NS_ADDR=10.231.9.2
PREFIX=24
PORT=2375
REG_PORT=5000
BD_HOST=tcp://$NS_ADDR:$PORT
BD_STATE=$STATE/bridge-daemon
BD_DATA=$CACHE/bridge-docker-data
BD_EXEC=/run/clair-scan-bridge-docker
BD_SOCK=/run/clair-scan-bridge-docker.sock
BD_PIDFILE=$BD_STATE/dockerd.pid
# The bridge inside the namespace: a range of our own choosing, not Docker's default 172.17/16.
BD_BIP=10.231.10.1/24
BD_POOL=10.231.16.0/20

bdk() { DOCKER_HOST=$BD_HOST docker "$@"; }

daemon_pid() { cat "$BD_STATE/dockerd.started" 2>/dev/null || true; }
registry_pid() { cat "$BD_STATE/registry.started" 2>/dev/null || true; }
daemon_running() { pid_alive "$(daemon_pid)" "$BD_SOCK" && docker_answers "$BD_HOST"; }
registry_running() { local p; p=$(registry_pid); [ -n "$p" ] && kill -0 "$p" 2>/dev/null && curl -fsS -m 5 "http://$NS_ADDR:$REG_PORT/v2/" >/dev/null 2>&1; }

setup_network() { netns_setup "$BD_STATE/network.created"; }
teardown_network() { netns_teardown "$BD_STATE/network.created"; }

start_daemon() {
  if daemon_running; then return 0; fi
  if [ -n "$(daemon_pid)" ]; then stop_pid "$(daemon_pid)" "bridge dockerd" "$BD_SOCK"; rm -f "$BD_STATE/dockerd.started"; fi
  setup_network
  mkdir -p "$BD_DATA" "$BD_EXEC"
  rm -f "$BD_PIDFILE"
  log "bridge daemon: starting dockerd (bridge networking) in netns $NS on $BD_HOST"
  # iptables stays on: its rules (the embedded DNS that resolves service aliases, the bridges' isolation) live in
  # this namespace's own netfilter tables. No masquerading: nothing here may reach beyond the namespace.
  # nsenter --net, not `ip netns exec` (which remounts /sys: dockerd then fails with "Devices cgroup isn't mounted").
  setsid nsenter --net="/var/run/netns/$NS" dockerd --storage-driver=vfs --ip-masq=false \
    --bip "$BD_BIP" --default-address-pool "base=$BD_POOL,size=24" \
    --insecure-registry "$NS_ADDR:$REG_PORT" \
    --data-root "$BD_DATA" --exec-root "$BD_EXEC" --pidfile "$BD_PIDFILE" \
    --tls=false -H "unix://$BD_SOCK" -H "$BD_HOST" >"$BD_STATE/dockerd.log" 2>&1 </dev/null 8>&- 9>&- &
  local pid=$!   # nsenter execs dockerd, so this is dockerd's pid
  if ! wait_docker "$BD_HOST" 60 "$pid"; then
    tail -n 20 "$BD_STATE/dockerd.log" >&2 || true
    kill "$pid" 2>/dev/null || true
    teardown_network
    die "bridge dockerd did not answer on $BD_HOST within 60 s (log: $BD_STATE/dockerd.log)"
  fi
  echo "$pid" >"$BD_STATE/dockerd.started"
  log "bridge daemon: dockerd pid $pid answers on $BD_HOST"
}

start_registry() {
  if registry_running; then return 0; fi
  if [ -n "$(registry_pid)" ]; then kill "$(registry_pid)" 2>/dev/null || true; rm -f "$BD_STATE/registry.started"; fi
  mkdir -p "$BD_STATE/registry-data"
  cat >"$BD_STATE/registry.yml" <<EOF
version: 0.1
log: { level: warn }
storage: { filesystem: { rootdirectory: $BD_STATE/registry-data }, delete: { enabled: true } }
http: { addr: "$NS_ADDR:$REG_PORT" }
EOF
  setsid nsenter --net="/var/run/netns/$NS" docker-registry serve "$BD_STATE/registry.yml" >"$BD_STATE/registry.log" 2>&1 </dev/null 8>&- 9>&- &
  local pid=$! i
  for i in $(seq 1 60); do
    if curl -fsS -m 2 "http://$NS_ADDR:$REG_PORT/v2/" >/dev/null 2>&1; then echo "$pid" >"$BD_STATE/registry.started"; return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 20 "$BD_STATE/registry.log" >&2 || true
  kill "$pid" 2>/dev/null || true
  die "the bridge daemon's registry did not answer on $NS_ADDR:$REG_PORT (log: $BD_STATE/registry.log)"
}

load_image() { # copy an image from the default daemon unless the bridge one has the same image id
  local img=$1 want have
  want=$(dk image inspect -f '{{.Id}}' "$img" 2>/dev/null) ||
    die "image $img is not in the default daemon (run \`bash scripts/test-env.sh up\`, or build it first)"
  have=$(bdk image inspect -f '{{.Id}}' "$img" 2>/dev/null || true)
  [ "$want" = "$have" ] && return 0
  log "bridge daemon: loading $img"
  dk save "$img" | bdk load -q >/dev/null
}

# gitlab-ci-local's docker executor runs two helper images of its own, which cannot be pulled here: its util image
# (`sh -c "chown … && chmod …"` over the job's build volume; `bash -c "… rsync -Ra …"` to copy artifacts and cache
# out) and wait-for-it (a service's health check: connect to alias:port until it answers, `wait-for-it HOST:PORT -t
# SECONDS`). Both are rebuilt here under the names it runs, doing the same: this machine's bash and rsync with their
# libraries, busybox for the rest; the label says they are local stand-ins.
HELPERS_VERSION=2
build_helpers() {
  local ctx f lib
  if [ "$(bdk image inspect -f '{{ index .Config.Labels "io.clair-scan.test-env.stand-in" }}' docker.io/firecow/gitlab-ci-local-util:latest 2>/dev/null)" = "gitlab-ci-local-$HELPERS_VERSION" ] &&
    bdk image inspect docker.io/sumina46/wait-for-it:latest >/dev/null 2>&1; then return 0; fi
  ctx=$(mktemp -d /tmp/clair-scan-gcl-helpers-XXXXXX)
  mkdir -p "$ctx/root/usr/bin"
  cp /bin/busybox "$ctx/busybox"
  for f in "$(command -v bash)" "$(command -v rsync)"; do
    f=$(readlink -f "$f")
    cp "$f" "$ctx/root/usr/bin/"
    for lib in $(ldd "$f" | grep -o '/[^ ]*'); do
      mkdir -p "$ctx/root$(dirname "$lib")"
      cp -L "$lib" "$ctx/root$lib"
    done
  done
  cat >"$ctx/wait-for-it" <<'EOF'
#!/bin/sh
# wait-for-it HOST:PORT [-t SECONDS]: exit 0 once a TCP connection to HOST:PORT succeeds, 1 after SECONDS (15).
target=$1; shift; secs=15
[ "${1:-}" = -t ] && secs=${2:-15}
host=${target%:*}; port=${target##*:}
i=0
while [ "$i" -lt "$secs" ]; do
  if nc -w 1 "$host" "$port" -e /bin/true 2>/dev/null; then echo "wait-for-it: $target is available"; exit 0; fi
  i=$((i + 1)); sleep 1
done
echo "wait-for-it: timeout after $secs seconds waiting for $target" >&2
exit 1
EOF
  chmod 755 "$ctx/wait-for-it"
  printf 'FROM scratch\nCOPY root/ /\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nENV PATH=/usr/bin:/bin\nLABEL io.clair-scan.test-env.stand-in=gitlab-ci-local-%s\n' "$HELPERS_VERSION" >"$ctx/Dockerfile.util"
  printf 'FROM docker.io/firecow/gitlab-ci-local-util:latest\nCOPY wait-for-it /bin/wait-for-it\nENTRYPOINT ["/bin/wait-for-it"]\n' >"$ctx/Dockerfile.wait"
  log "bridge daemon: building busybox stand-ins for gitlab-ci-local's helper images"
  DOCKER_BUILDKIT=0 bdk build -q -f "$ctx/Dockerfile.util" -t docker.io/firecow/gitlab-ci-local-util:latest "$ctx" >/dev/null
  DOCKER_BUILDKIT=0 bdk build -q -f "$ctx/Dockerfile.wait" -t docker.io/sumina46/wait-for-it:latest "$ctx" >/dev/null
  rm -rf "$ctx"
}

# docs/shared-clair.md's Compose example puts nginx in front of the indexer and matcher. The official image cannot be
# pulled here, so this builds the same interface from Debian's package: nginx from a `debootstrap --variant=minbase
# --include=nginx-light bookworm` root (cached tar, keyed by suite, package and this recipe's version), the official
# image's layout where the example depends on it: only /etc/nginx/conf.d/*.conf serves (Debian's default site, which
# would take port 80 as default_server, is removed), logs to stdout/stderr, `nginx -g 'daemon off;'` (stopped with
# SIGTERM, nginx's fast shutdown: `docker import` cannot set the official image's SIGQUIT). Debian bookworm's nginx is 1.22; the example's config uses nothing newer. The label says it is a stand-in.
ROUTER_RECIPE=1
ROUTER_IMAGE=localhost/clair-scan-test/nginx:bookworm
prune_nginx_root() {
  local root=$1
  rm -f "$root/etc/nginx/sites-enabled/default"
  ln -sf /dev/stdout "$root/var/log/nginx/access.log"
  ln -sf /dev/stderr "$root/var/log/nginx/error.log"
  rm -rf "$root/usr/share/doc" "$root/usr/share/man" "$root/var/cache/apt/archives/"*.deb "$root/var/lib/apt/lists/"*
}
cmd_router_image() {
  local key tar
  key=$(printf 'bookworm minbase nginx-light recipe=%s\n' "$ROUTER_RECIPE" | sha | cut -c1-16)
  tar=$CACHE/rootfs/nginx-bookworm-$key.tar
  if [ "$(bdk image inspect -f '{{ index .Config.Labels "io.clair-scan.test-env.stand-in" }}' "$ROUTER_IMAGE" 2>/dev/null)" = "nginx-$key" ]; then
    echo "$ROUTER_IMAGE"; return 0
  fi
  if [ ! -f "$tar" ]; then
    log "router image: debootstrap bookworm + nginx-light (about a minute; cached in $tar)"
    debootstrap_tar bookworm minbase nginx-light "$tar" "$BD_STATE/debootstrap-nginx.log" prune_nginx_root || die "building the nginx root failed"
  fi
  log "router image: importing $tar as $ROUTER_IMAGE"
  bdk import \
    -c 'CMD ["nginx", "-g", "daemon off;"]' -c 'EXPOSE 80' \
    -c "LABEL io.clair-scan.test-env.stand-in=nginx-$key" \
    "$tar" "$ROUTER_IMAGE" >/dev/null
  echo "$ROUTER_IMAGE"
}

print_json() {
  printf '{"dockerHost":"%s","hostAddress":"%s","daemonAddress":"%s","registry":"%s:%s","namespace":"%s","pid":%s}\n' \
    "$BD_HOST" "$HOST_ADDR" "$NS_ADDR" "$NS_ADDR" "$REG_PORT" "$NS" "$(daemon_pid)"
}

cmd_up() {
  [ "$(id -u)" = 0 ] || die "the bridge daemon needs root (network namespaces)"
  docker_answers "unix://$DEFAULT_SOCK" || die "the default Docker daemon does not answer: run \`bash scripts/test-env.sh up\`"
  start_daemon
  start_registry
  build_helpers
  local img
  for img in "$@"; do load_image "$img"; done
  print_json
}

cmd_down() {
  if [ -z "$(daemon_pid)" ] && [ -z "$(registry_pid)" ] && [ ! -e "$BD_STATE/network.created" ]; then
    log "bridge daemon: not started from this checkout; nothing to stop"
    return 0
  fi
  if [ -n "$(registry_pid)" ]; then kill "$(registry_pid)" 2>/dev/null || true; fi
  rm -f "$BD_STATE/registry.started"
  if [ -n "$(daemon_pid)" ]; then stop_pid "$(daemon_pid)" "bridge dockerd" "$BD_SOCK"; fi
  rm -f "$BD_STATE/dockerd.started"
  teardown_network
  log "bridge daemon: down (images kept in $BD_DATA)"
}

cmd_status() {
  if daemon_running; then echo "bridge:   $BD_HOST (pid $(daemon_pid), netns $NS, registry $NS_ADDR:$REG_PORT)"
  else echo "bridge:   not running"; fi
}

main() {
  mkdir -p "$STATE" "$BD_STATE"
  local cmd=${1:-}; shift || true
  if [ "$cmd" = up ] || [ "$cmd" = down ] || [ "$cmd" = router-image ]; then
    exec 8>"$BD_STATE/.lock"
    flock -w 900 8 || die "another bridge-daemon.sh run holds $BD_STATE/.lock"
  fi
  case $cmd in
    up) cmd_up "$@" ;;
    down) cmd_down ;;
    status) cmd_status ;;
    router-image) daemon_running || die "the bridge daemon is not running: \`bash scripts/test-env/bridge-daemon.sh up\` first"; cmd_router_image ;;
    *) echo "usage: bridge-daemon.sh up [IMAGE...] | down | status | router-image" >&2; exit 2 ;;
  esac
}
main "$@"
