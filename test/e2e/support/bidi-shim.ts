// Stands between playwright-core and Debian's Firefox ESR. Playwright drives a stock Firefox over WebDriver BiDi
// (its "moz-firefox" channel) and starts every page with a command ESR does not have yet
// (emulation.setMediaFeaturesOverride: prefers-color-scheme, which no test sets). This script is the browser
// Playwright launches: it starts Firefox, and where Firefox prints the address of its BiDi socket, prints the
// address of a socket of its own that passes every message through, answering that one command itself.
//   node bidi-shim.ts FIREFOX [firefox arguments…]
import { spawn } from "node:child_process";
import { WebSocket, WebSocketServer } from "ws";

/** Commands Playwright sends that the ESR does not know and that change nothing the tests look at. */
const ANSWERED_HERE = new Set(["emulation.setMediaFeaturesOverride"]);
const LISTENING = /WebDriver BiDi listening on (ws:\/\/\S+)/;

const [firefox, ...args] = process.argv.slice(2);
if (!firefox) {
  console.error("usage: node bidi-shim.ts FIREFOX [arguments]");
  process.exit(2);
}
const child = spawn(firefox, args, { stdio: ["ignore", "inherit", "pipe"] });
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));

let proxied = false;
let pending = "";
child.stderr.setEncoding("utf8");
child.stderr.on("data", (chunk: string) => {
  if (proxied) return void process.stderr.write(chunk);
  pending += chunk;
  const lines = pending.split("\n");
  pending = lines.pop() ?? "";
  for (const line of lines) {
    const found = LISTENING.exec(line);
    if (found && !proxied) {
      proxied = true;
      proxy(found[1]!);
    } else process.stderr.write(`${line}\n`);
  }
});

function proxy(upstream: string): void {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  server.on("listening", () => {
    const { port } = server.address() as { port: number };
    process.stderr.write(`WebDriver BiDi listening on ws://127.0.0.1:${port}\n`);
    if (pending) process.stderr.write(pending);
  });
  server.on("connection", (client, request) => {
    const browser = new WebSocket(upstream + (request.url ?? ""));
    const queued: string[] = [];
    browser.on("open", () => queued.splice(0).forEach((m) => browser.send(m)));
    browser.on("message", (data) => client.send(data.toString()));
    browser.on("close", () => client.close());
    browser.on("error", () => client.close());
    client.on("close", () => browser.close());
    client.on("message", (data) => {
      const text = data.toString();
      let command: { id?: number; method?: string } | undefined;
      try {
        command = JSON.parse(text) as typeof command;
      } catch {
        command = undefined;
      }
      if (command?.method && ANSWERED_HERE.has(command.method)) {
        client.send(JSON.stringify({ type: "success", id: command.id, result: {} }));
        return;
      }
      if (browser.readyState === WebSocket.OPEN) browser.send(text);
      else queued.push(text);
    });
  });
}
