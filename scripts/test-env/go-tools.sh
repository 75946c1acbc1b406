#!/usr/bin/env bash
# shellcheck shell=bash
# Real runner tools the e2e tests drive, each built from its Go module at a pinned version into
# $CACHE/tools/<name>-<version>/<binary> (CACHE = $CLAIR_SCAN_CACHE or ~/.cache/clair-scan); a tool already there
# is not rebuilt, and a new version gets a new directory. `bash scripts/test-env.sh up` builds them all.
#   bash scripts/test-env/go-tools.sh build [NAME...]   build NAME (default: every tool) unless cached
#   bash scripts/test-env/go-tools.sh path NAME         print the binary's path; exit 1 naming the fix if absent
#   bash scripts/test-env/go-tools.sh list              name, version, package, path of each tool
# Sourced by test-env.sh for build_go_tools.

# name|version|module|package in the module|binary name in the cache|extra -ldflags (the version: a build in the
# module's directory has no module version in its build info)
GO_TOOLS=(
  "act|v0.2.89|github.com/nektos/act|.|act|-X main.version=v0.2.89"
  "actionlint|v1.7.12|github.com/rhysd/actionlint|./cmd/actionlint|actionlint|-X github.com/rhysd/actionlint.version=v1.7.12"
  # The compose CLI plugin: `docker compose` finds it as cli-plugins/docker-compose in DOCKER_CONFIG.
  "compose|v5.6.0|github.com/docker/compose/v5|./cmd|docker-compose|-X github.com/docker/compose/v5/internal.Version=v5.6.0"
)

go_tool_field() { # NAME FIELD(1-6): one field of NAME's GO_TOOLS line
  local t
  for t in "${GO_TOOLS[@]}"; do
    [ "${t%%|*}" = "$1" ] && { printf '%s\n' "$t" | cut -d'|' -f"$2"; return 0; }
  done
  return 1
}

go_tool_path() { # NAME: where the binary of NAME's pinned version lives
  local v b
  v=$(go_tool_field "$1" 2) || die "unknown tool \"$1\" (known: $(go_tool_names))"
  b=$(go_tool_field "$1" 5)
  echo "$CACHE/tools/$1-$v/$b"
}

go_tool_names() { local t; for t in "${GO_TOOLS[@]}"; do printf '%s ' "${t%%|*}"; done; }

build_go_tool() { # NAME
  local name=$1 version mod pkg bin ldflags out dir tmp src t0=$SECONDS
  version=$(go_tool_field "$name" 2) || die "unknown tool \"$name\" (known: $(go_tool_names))"
  mod=$(go_tool_field "$name" 3)
  pkg=$(go_tool_field "$name" 4)
  bin=$(go_tool_field "$name" 5)
  ldflags=$(go_tool_field "$name" 6)
  out=$(go_tool_path "$name")
  if [ -x "$out" ]; then log "$name $version: cached ($out)"; return 0; fi
  # This machine kind installs Go in /usr/local/go; a non-login shell may not have it on PATH.
  command -v go >/dev/null || { [ -x /usr/local/go/bin/go ] && PATH="/usr/local/go/bin:$PATH"; } || true
  command -v go >/dev/null || die "go is not on PATH: needed to build $name $version"
  log "$name: building $mod@$version ($pkg) from its Go module"
  dir=$(dirname "$out")
  mkdir -p "$CACHE/tools"
  tmp=$(mktemp -d "$CACHE/tools/.build-$name.XXXXXX")
  local log_file=$STATE/go-tool-$name.log
  # The module as published (checksum-verified by go), built in its own directory with its own go.mod and go.sum:
  # `go install mod@version` refuses modules whose go.mod has replace/exclude directives (compose has).
  # GOTOOLCHAIN=local: never fetch another Go toolchain behind our back; a too-old Go fails here, loudly.
  if ! src=$(GOTOOLCHAIN=local go mod download -json "$mod@$version" 2>"$log_file" | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);if(j.Error){console.error(j.Error);process.exit(1)}console.log(j.Dir)})' 2>>"$log_file") ||
    ! (cd "$src" && GOTOOLCHAIN=local GOFLAGS=-mod=readonly CGO_ENABLED=0 \
      go build -trimpath -ldflags="-s -w $ldflags" -o "$tmp/$bin" "$pkg") >>"$log_file" 2>&1; then
    rm -rf "$tmp"
    tail -n 20 "$log_file" >&2
    die "building $name $version failed (log: $log_file)"
  fi
  rm -rf "$dir" && mv "$tmp" "$dir"
  log "$name $version: built in $((SECONDS - t0)) s ($out)"
}

build_go_tools() { local t; for t in "${GO_TOOLS[@]}"; do build_go_tool "${t%%|*}"; done; }

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  # shellcheck source=lib.sh
  . "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
  cmd=${1:-}
  shift || true
  case $cmd in
    build)
      ensure_state_dir
      # Serialized with test-env.sh up (same lock): two builds of one tool would race on its directory.
      exec 9>"$STATE/.lock"
      flock -w 1800 9 || die "another test-env.sh run holds $STATE/.lock"
      if [ $# -eq 0 ]; then build_go_tools; else for n in "$@"; do build_go_tool "$n"; done; fi
      ;;
    path)
      [ $# -eq 1 ] || die "usage: go-tools.sh path NAME"
      p=$(go_tool_path "$1")
      [ -x "$p" ] || die "$1 is not built ($p is absent): run \`bash scripts/test-env.sh up\` (or \`bash scripts/test-env/go-tools.sh build $1\`)"
      echo "$p"
      ;;
    list)
      for t in "${GO_TOOLS[@]}"; do
        n=${t%%|*}
        printf '%s\t%s\t%s\t%s\n' "$n" "$(go_tool_field "$n" 2)" "$(go_tool_field "$n" 3)/$(go_tool_field "$n" 4 | sed 's,^\./\{0,1\},,')" "$(go_tool_path "$n")"
      done
      ;;
    *)
      sed -n '3,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      [ "$cmd" = help ] || [ "$cmd" = -h ] || exit 2
      ;;
  esac
fi
