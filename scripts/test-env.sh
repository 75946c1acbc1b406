#!/usr/bin/env bash
# The real-parts test environment for clair-scan's e2e tests: Docker engine, Clair + PostgreSQL images,
# an authenticated registry. See scripts/README.md.
#   bash scripts/test-env.sh up|down|status      (also: clair-image, postgres-image, help)
set -euo pipefail
# shellcheck source=scripts/test-env/lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/test-env/lib.sh"

PACKAGES=(docker.io debootstrap docker-registry busybox-static apache2-utils iproute2 chromium curl ca-certificates util-linux)
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
    --data-root "$CACHE/docker-data" --exec-root /run/clair-scan-docker \
    --pidfile "$STATE/dockerd.pid" -H "unix://$DEFAULT_SOCK" >"$STATE/dockerd.log" 2>&1 </dev/null &
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
  log "clair image: built in $((SECONDS - t0)) s ($(image_size "$CLAIR_IMAGE"))"
}

image_size() { dk image inspect -f '{{.Size}}' "$1" | awk '{printf "%.1f MB", $1/1e6}'; }

# ---------------------------------------------------------------------------------------------- main
usage() {
  cat <<'USAGE'
usage: bash scripts/test-env.sh up|down|status|clair-image|postgres-image
  up              install missing packages, start/reuse Docker, build the Clair + PostgreSQL images,
                  start the registry, write .testenv/env.json (idempotent; fast when cached)
  down            stop only what `up` started (by pid); caches stay
  status          print what runs
  clair-image     only (re)build localhost/clair-scan-test/clair:4.9.0 (needs a running Docker)
  postgres-image  only (re)build localhost/clair-scan-test/postgres:15 (needs a running Docker)
USAGE
}

main() {
  local cmd=${1:-help}
  case $cmd in
    clair-image) ensure_state_dir; with_lock ensure_docker_or_die build_clair_image ;;
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
