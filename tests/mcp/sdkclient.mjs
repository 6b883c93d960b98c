// SPDX-License-Identifier: MIT
// An independent MCP client built on the official TypeScript SDK (@modelcontextprotocol/sdk, installed by
// tests/mcp/install-mcp-sdk.sh), used by the tests to drive Lettascope's MCP server the way real clients do.
//
//   node tests/mcp/sdkclient.mjs --sdk DEST [--calls FILE] [--timeout MS] --stdio COMMAND [ARGS...]
//   node tests/mcp/sdkclient.mjs --sdk DEST [--calls FILE] [--timeout MS] --http URL [--token BEARER]
//
// The words after --stdio are the server's command line, up to the next one of this script's own options
// (--sdk, --calls, --timeout, --http, --token); write `--stdio -- COMMAND ARGS...` to pass everything after
// `--` to the server as it is. The server inherits this process's environment and stderr.
//
// --calls FILE is a JSON array of {"tool": NAME, "arguments": {...}}; each is sent as tools/call in order.
//
// Prints one JSON object to stdout and nothing else:
//   {"serverVersion": serverInfo, "protocolVersion": the version the server answered initialize with,
//    "tools": tools/list's tools, "results": [callTool's result per call, or null where it threw],
//    "errors": [null, or the message of the error the call threw, per call]}
// Exits 0 when connecting and listing worked (whatever the calls did), else 1 with a message on stderr.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ownOptions = new Set(['--sdk', '--calls', '--timeout', '--http', '--token', '--stdio']);

function die(message) {
    process.stderr.write(`sdkclient: ${message}\n`);
    process.exit(1);
}

function parseArgs(argv) {
    const opts = { sdk: null, calls: null, timeout: 30000, http: null, token: null, stdio: null };
    for (let i = 0; i < argv.length; ) {
        const arg = argv[i++];
        const value = () => {
            if (i >= argv.length) die(`${arg} needs a value`);
            return argv[i++];
        };
        switch (arg) {
        case '--sdk': opts.sdk = value(); break;
        case '--calls': opts.calls = value(); break;
        case '--timeout': opts.timeout = Number(value()); break;
        case '--http': opts.http = value(); break;
        case '--token': opts.token = value(); break;
        case '--stdio':
            if (argv[i] === '--') {
                opts.stdio = argv.slice(i + 1);
                i = argv.length;
            } else {
                opts.stdio = [];
                while (i < argv.length && !ownOptions.has(argv[i])) opts.stdio.push(argv[i++]);
            }
            break;
        default: die(`unknown argument ${arg}`);
        }
    }
    if (!opts.sdk) die('--sdk DEST is required (see tests/mcp/install-mcp-sdk.sh)');
    if ((opts.http === null) === (opts.stdio === null)) die('give exactly one of --stdio COMMAND... or --http URL');
    if (opts.stdio !== null && opts.stdio.length === 0) die('--stdio needs a command');
    if (!Number.isFinite(opts.timeout) || opts.timeout <= 0) die('--timeout needs a positive number of milliseconds');
    return opts;
}

async function importSdk(dest, module) {
    const file = path.join(path.resolve(dest), 'node_modules', '@modelcontextprotocol', 'sdk', 'dist', 'esm', module);
    if (!existsSync(file)) die(`${file} does not exist; run tests/mcp/install-mcp-sdk.sh ${dest}`);
    return import(pathToFileURL(file).href);
}

// Passes everything through to the SDK's transport and notes the protocolVersion of the server's answer to
// initialize: the Client keeps the negotiated version to itself, and only HTTP transports are told it.
class TappedTransport {
    constructor(inner) {
        this.inner = inner;
        this.initializeId = undefined;
        this.protocolVersion = null;
        inner.onclose = () => this.onclose?.();
        inner.onerror = (error) => this.onerror?.(error);
        inner.onmessage = (message, extra) => {
            if (this.initializeId !== undefined && message?.id === this.initializeId && message.result) {
                this.protocolVersion = message.result.protocolVersion ?? null;
            }
            this.onmessage?.(message, extra);
        };
    }
    start() { return this.inner.start(); }
    send(message, options) {
        if (message?.method === 'initialize' && 'id' in message) this.initializeId = message.id;
        return this.inner.send(message, options);
    }
    close() { return this.inner.close(); }
    get sessionId() { return this.inner.sessionId; }
    setProtocolVersion(version) { this.inner.setProtocolVersion?.(version); }
}

function message(error) {
    return error instanceof Error ? error.message : String(error);
}

async function main() {
    const opts = parseArgs(process.argv.slice(2));

    let calls = [];
    if (opts.calls !== null) {
        try {
            calls = JSON.parse(readFileSync(opts.calls, 'utf8'));
        } catch (error) {
            die(`cannot read --calls ${opts.calls}: ${message(error)}`);
        }
        if (!Array.isArray(calls) || !calls.every((c) => c && typeof c.tool === 'string')) {
            die(`--calls ${opts.calls} must be a JSON array of {"tool": name, "arguments": {...}}`);
        }
    }

    const { Client } = await importSdk(opts.sdk, 'client/index.js');
    let inner;
    if (opts.stdio !== null) {
        const { StdioClientTransport } = await importSdk(opts.sdk, 'client/stdio.js');
        // The SDK passes only HOME, PATH, USER and a few more to the server unless told otherwise.
        inner = new StdioClientTransport({
            command: opts.stdio[0],
            args: opts.stdio.slice(1),
            env: { ...process.env },
            stderr: 'inherit',
        });
    } else {
        const { StreamableHTTPClientTransport } = await importSdk(opts.sdk, 'client/streamableHttp.js');
        let url;
        try {
            url = new URL(opts.http);
        } catch (error) {
            die(`bad --http URL ${opts.http}: ${message(error)}`);
        }
        const headers = opts.token !== null ? { Authorization: `Bearer ${opts.token}` } : {};
        inner = new StreamableHTTPClientTransport(url, { requestInit: { headers } });
    }
    const transport = new TappedTransport(inner);
    const client = new Client({ name: 'lettascope-tests-sdkclient', version: '1.0.0' });
    // Errors that the SDK only reports (e.g. a failed optional GET stream) go to stderr, never stdout.
    // Once closing, the aborted streams' errors are expected and not reported.
    client.onerror = (error) => {
        if (!closing) process.stderr.write(`sdkclient: transport: ${message(error)}\n`);
    };

    const requestOptions = { timeout: opts.timeout };
    let tools;
    try {
        await client.connect(transport, requestOptions);
        tools = (await client.listTools(undefined, requestOptions)).tools;
    } catch (error) {
        await closeQuietly(client);
        die(`connecting or listing tools failed: ${message(error)}`);
    }

    const results = [];
    const errors = [];
    for (const call of calls) {
        try {
            results.push(await client.callTool({ name: call.tool, arguments: call.arguments ?? {} }, undefined,
                requestOptions));
            errors.push(null);
        } catch (error) {
            results.push(null);
            errors.push(message(error));
        }
    }

    const out = {
        serverVersion: client.getServerVersion() ?? null,
        protocolVersion: transport.protocolVersion,
        tools,
        results,
        errors,
    };
    await closeQuietly(client);
    process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
}

let closing = false;

async function closeQuietly(client) {
    closing = true;
    try {
        await Promise.race([client.close(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    } catch {
        // closing is best effort: the output is what matters
    }
}

main().catch((error) => die(message(error)));
