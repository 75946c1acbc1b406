# shellcheck shell=bash
# The tool image (docker/Dockerfile) built from local parts, since nothing can be pulled here. Sourced by
# scripts/test-env.sh (uses lib.sh and its pg_rootfs_tar / CLAIR_IMAGE):
# - NODE_IMAGE: a local Debian bookworm + Node base, made from the PostgreSQL rootfs the test env already has
#   (debootstrap minbase: util-linux's setpriv, libstdc++) without PostgreSQL, plus this machine's node (the version
#   the suite runs on) and zstd;
# - CLAIR_IMAGE: the test env's Clair image (same layout as the official one: /usr/bin/clair, /usr/bin/clairctl);
# - the CLI: bundled from the working tree's sources with ncc into a temporary build context (dist/ is not touched).
# Cached by a hash label over everything that goes in.

TOOL_IMAGE=localhost/clair-scan-test/tool:dev
NODE_BASE_REPO=localhost/clair-scan-test/node-base

build_node_base() { # prints the base image name
  local tar node zstd hash base work
  tar=$(pg_rootfs_tar)
  [ -f "$tar" ] || die "no PostgreSQL rootfs at $tar (run: bash scripts/test-env.sh postgres-image)"
  node=$(command -v node) || die "no node on PATH"
  zstd=$(command -v zstd) || die "no zstd on PATH (install zstd)"
  hash=$( { basename "$tar"; sha256sum "$node" "$zstd"; echo node-base-v1; } | sha)
  base=$NODE_BASE_REPO:${hash:0:16}
  if dk image inspect "$base" >/dev/null 2>&1; then echo "$base"; return 0; fi
  log "tool image: making the Node base $base (bookworm rootfs without PostgreSQL + node $("$node" --version))"
  work=$(mktemp -d "$CACHE/rootfs/.node-base.XXXXXX")
  cp "$tar" "$work/base.tar"
  tar --delete -f "$work/base.tar" --wildcards './usr/lib/postgresql/*' './usr/share/postgresql/*' './usr/share/postgresql-common/*' ./usr/local/bin/docker-entrypoint.sh 2>/dev/null ||
    tar --delete -f "$work/base.tar" --wildcards './usr/lib/postgresql/*' './usr/share/postgresql/*' './usr/share/postgresql-common/*' 2>/dev/null || true
  mkdir -p "$work/add/usr/local/bin" "$work/add/usr/bin"
  install -m 755 "$node" "$work/add/usr/local/bin/node"
  install -m 755 "$zstd" "$work/add/usr/bin/zstd"
  tar -C "$work/add" --owner=0 --group=0 --numeric-owner -rf "$work/base.tar" ./usr/local/bin/node ./usr/bin/zstd
  dk import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'CMD ["node"]' \
    --change "LABEL $HASH_LABEL=$hash" "$work/base.tar" "$base" >/dev/null || { rm -rf "$work"; die "importing $base failed"; }
  rm -rf "$work"
  # drop bases of earlier builds (ours only)
  dk images --format '{{.Repository}}:{{.Tag}}' "$NODE_BASE_REPO" | grep -vxF "$base" |
    xargs -r env DOCKER_HOST="unix://$DEFAULT_SOCK" docker rmi >/dev/null 2>&1 || true
  echo "$base"
}

build_tool_image() {
  local base clair_id src_hash hash cur ctx old t0=$SECONDS
  base=$(build_node_base)
  clair_id=$(dk image inspect -f '{{.Id}}' "$CLAIR_IMAGE") || die "no $CLAIR_IMAGE (run: bash scripts/test-env.sh clair-image)"
  # The CLI's sources as they are in the working tree (what the bundle is made from).
  src_hash=$(cd "$REPO" && git ls-files -co --exclude-standard src package.json package-lock.json tsconfig.json tsconfig.build.json |
    LC_ALL=C sort | while IFS= read -r f; do [ -f "$f" ] && sha256sum "$f"; done | sha)
  hash=$( { echo "$base" "$clair_id" "$src_hash"; cat "$REPO/docker/Dockerfile" "$TE_LIB_DIR/tool-image.sh" "$REPO/templates/clair-scan.gitlab-ci.yml"; } | sha)
  cur=$(dk image inspect -f "{{ index .Config.Labels \"$HASH_LABEL\" }}" "$TOOL_IMAGE" 2>/dev/null || true)
  if [ "$cur" = "$hash" ]; then log "tool image: $TOOL_IMAGE is up to date"; return 0; fi
  log "tool image: building $TOOL_IMAGE (bundling the CLI first)"
  old=$(dk image inspect -f '{{.Id}}' "$TOOL_IMAGE" 2>/dev/null || true)
  ctx=$(mktemp -d)
  # shellcheck disable=SC2064
  trap "rm -rf '$ctx'" RETURN
  mkdir -p "$ctx/docker" "$ctx/templates"
  (cd "$REPO" && node_modules/.bin/ncc build src/cli-entry.ts -o "$ctx/dist/cli" --target es2022 -q --transpile-only) >"$STATE/tool-image.log" 2>&1 ||
    { tail -n 20 "$STATE/tool-image.log" >&2; die "bundling the CLI failed (log: $STATE/tool-image.log)"; }
  cp "$REPO/docker/Dockerfile" "$ctx/docker/Dockerfile"
  cp "$REPO/templates/clair-scan.gitlab-ci.yml" "$ctx/templates/"
  DOCKER_BUILDKIT=0 dk build -f "$ctx/docker/Dockerfile" --build-arg "CLAIR_IMAGE=$CLAIR_IMAGE" --build-arg "NODE_IMAGE=$base" \
    --label "$HASH_LABEL=$hash" -t "$TOOL_IMAGE" "$ctx" >>"$STATE/tool-image.log" 2>&1 ||
    { tail -n 20 "$STATE/tool-image.log" >&2; die "building $TOOL_IMAGE failed (log: $STATE/tool-image.log)"; }
  remove_replaced "$old" "$TOOL_IMAGE"
  log "tool image: built in $((SECONDS - t0)) s ($(image_size "$TOOL_IMAGE"))"
}
