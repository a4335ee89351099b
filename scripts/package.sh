#!/usr/bin/env bash
# Build the release desktop app and a Debian package with Tauri's bundler:
#   bash scripts/package.sh        → target/release/bundle/deb/Hashiya_<version>_amd64.deb (its path is printed last)
# The bundler is the npm package @tauri-apps/cli (a devDependency of ui/, installed by install-deps.sh): its
# registry package carries the prebuilt tauri binary, so nothing else is downloaded (`cargo install tauri-cli`
# would compile for ~25 minutes here). The .deb installs /usr/bin/hashiya-desktop, a menu entry with the icon,
# and opens .hashiya files (file association in src-tauri/tauri.conf.json).
# A cold release build takes 5-9 minutes on 2 cores; later runs rebuild only what changed.
set -euo pipefail
SCRIPT_TAG=package
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

TAURI="$ROOT/ui/node_modules/.bin/tauri"
[ -x "$TAURI" ] || die "the Tauri bundler is missing ($TAURI): run bash scripts/install-deps.sh"
say "ui: build (the app embeds ui/dist)"
npm --prefix ui run build
say "release build and .deb ($("$TAURI" --version))"
start=$(date +%s)
(cd src-tauri && "$TAURI" build --ci --bundles deb)
deb=$(ls -t "$TARGET_DIR"/release/bundle/deb/*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || die "the bundler wrote no .deb under $TARGET_DIR/release/bundle/deb"
say "built in $(($(date +%s) - start)) s: $(du -h "$deb" | cut -f1) $deb"
echo "$deb"
