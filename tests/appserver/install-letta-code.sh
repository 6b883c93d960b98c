#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the real Letta Code App Server (@letta-ai/letta-code) for the App Server integration tests.
#
#   tests/appserver/install-letta-code.sh [DEST]
#
# DEST defaults to $LETTASCOPE_LETTA_CODE_DIR, else ~/.cache/lettascope/letta-code-<version>. Prints DEST.
#
# A plain `npm install @letta-ai/letta-code` does not work from every registry mirror (two of its optional
# dependencies are missing there), and its install scripts download from GitHub and send analytics. The App
# Server needs only the bundled letta.js plus `ws`, so: npm pack the exact version, check its integrity,
# unpack it, and add ws@8 with install scripts disabled. Nothing else is fetched, nothing is executed.
set -euo pipefail

version=0.32.18
integrity='sha512-PkpJewqQAQq5faHW4wIfmbKyIMCapiIVbsYhXs9CalB1oyUzV8Gg7+ZhhjK52PdSNgP20juc2KP2pQEPfmA6SQ=='
dest="${1:-${LETTASCOPE_LETTA_CODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lettascope/letta-code-$version}}"
package_dir="$dest/node_modules/@letta-ai/letta-code"
marker="$dest/.lettascope-installed"

fail() {
    echo "install-letta-code: $*" >&2
    exit 1
}

if [ -f "$marker" ] && [ "$(cat "$marker")" = "$integrity" ] && [ -f "$package_dir/letta.js" ] \
    && [ -f "$dest/node_modules/ws/package.json" ]; then
    echo "$dest"
    exit 0
fi

command -v node >/dev/null || fail "node is not installed (Debian package nodejs)"
command -v npm >/dev/null || fail "npm is not installed (Debian package npm)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm_flags=(--no-audit --no-fund --ignore-scripts --fetch-retries=1 --fetch-timeout=30000 --loglevel=error)

registry="$(npm config get registry 2>/dev/null || echo 'the npm registry')"
if ! npm view "@letta-ai/letta-code@$version" version "${npm_flags[@]}" >"$work/view.out" 2>"$work/view.err"; then
    cat "$work/view.err" >&2
    fail "cannot reach $registry to fetch @letta-ai/letta-code@$version. The App Server tests run the real" \
        "server from npm and cannot pass without it; check the network or the npm registry settings."
fi

(cd "$work" && npm pack "@letta-ai/letta-code@$version" "${npm_flags[@]}" >/dev/null) \
    || fail "npm pack @letta-ai/letta-code@$version failed"
tarball="$(ls "$work"/*.tgz)"
actual="$(node -e 'const c=require("crypto"),f=require("fs");process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tarball")"
[ "$actual" = "$integrity" ] || fail "the downloaded tarball's integrity $actual is not the pinned $integrity"

staging="$dest.partial"
rm -rf "$staging"
mkdir -p "$staging"
printf '{"name":"lettascope-letta-code","private":true}\n' >"$staging/package.json"
# ws first: npm prunes packages it did not install itself, which would remove the unpacked letta-code.
(cd "$staging" && npm install "ws@8" "${npm_flags[@]}" >/dev/null) || fail "npm install ws@8 failed"
mkdir -p "$staging/node_modules/@letta-ai/letta-code"
tar -xzf "$tarball" --strip-components=1 -C "$staging/node_modules/@letta-ai/letta-code"

rm -rf "$dest"
mv "$staging" "$dest"
echo "$integrity" >"$marker"
echo "$dest"
