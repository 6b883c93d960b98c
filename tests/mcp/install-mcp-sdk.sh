#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the official MCP TypeScript SDK (@modelcontextprotocol/sdk) for the MCP server tests, which drive
# Lettascope's MCP server with an independent client (tests/mcp/sdkclient.mjs).
#
#   tests/mcp/install-mcp-sdk.sh [DEST]
#
# DEST defaults to $LETTASCOPE_MCP_SDK_DIR, else ~/.cache/lettascope/mcp-sdk-<version>. Prints DEST.
#
# The version is the one letta-code pins. Install scripts are disabled: nothing is executed at install time.
set -euo pipefail

version=1.30.0
dest="${1:-${LETTASCOPE_MCP_SDK_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lettascope/mcp-sdk-$version}}"
package_dir="$dest/node_modules/@modelcontextprotocol/sdk"
marker="$dest/.lettascope-installed"

fail() {
    echo "install-mcp-sdk: $*" >&2
    exit 1
}

if [ -f "$marker" ] && [ "$(cat "$marker")" = "$version" ] && [ -f "$package_dir/package.json" ]; then
    echo "$dest"
    exit 0
fi

command -v node >/dev/null || fail "node is not installed (Debian package nodejs)"
command -v npm >/dev/null || fail "npm is not installed (Debian package npm)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm_flags=(--no-audit --no-fund --ignore-scripts --fetch-retries=1 --fetch-timeout=30000 --loglevel=error)

registry="$(npm config get registry 2>/dev/null || echo 'the npm registry')"
if ! npm view "@modelcontextprotocol/sdk@$version" version "${npm_flags[@]}" >"$work/view.out" 2>"$work/view.err"; then
    cat "$work/view.err" >&2
    fail "cannot reach $registry to fetch @modelcontextprotocol/sdk@$version. The MCP tests drive the server" \
        "with the official SDK client and cannot pass without it; check the network or the npm registry settings."
fi

staging="$dest.partial"
rm -rf "$staging"
mkdir -p "$staging"
printf '{"name":"lettascope-mcp-sdk","private":true}\n' >"$staging/package.json"
(cd "$staging" && npm install "@modelcontextprotocol/sdk@$version" --save-exact "${npm_flags[@]}" >/dev/null) \
    || fail "npm install @modelcontextprotocol/sdk@$version failed"
[ -f "$staging/node_modules/@modelcontextprotocol/sdk/package.json" ] \
    || fail "npm install finished but $staging/node_modules/@modelcontextprotocol/sdk is missing"

rm -rf "$dest"
mv "$staging" "$dest"
echo "$version" >"$marker"
echo "$dest"
