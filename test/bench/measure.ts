// Runs a command and measures its wall time and the peak memory of its whole process tree: `npm run`
// starts a shell, tsx and a node process, and DuckDB's memory is in the last one. The peak is the sum
// of every process's own high-water mark (VmHWM), read from /proc every 50 ms: a process's VmHWM never
// goes down, so a spike between two readings still counts, and npm and tsx idle while they wait.
import {spawn} from "node:child_process";
import {readdirSync, readFileSync} from "node:fs";

export interface Measured {
  seconds: number;
  /** Peak RSS of the process tree in bytes (0 where /proc is missing). */
  peakRss: number;
  stdout: string;
}

const POLL_MS = 50;

export async function runMeasured(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, {env: {...process.env, ...env}, stdio: ["ignore", "pipe", "pipe"]});
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  let peakRss = 0;
  const poll = () => (peakRss = Math.max(peakRss, treeHighWaterMark(child.pid!)));
  const timer = setInterval(poll, POLL_MS);
  poll();
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode, signal) => resolve(signal ? null : exitCode));
  });
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    throw new Error(`${[command, ...args].join(" ")} failed (exit ${code ?? "by signal"}):\n${stderr.trimEnd()}`);
  }
  return {seconds, peakRss, stdout};
}

/** Σ VmHWM over *pid* and its descendants now, in bytes. */
function treeHighWaterMark(pid: number): number {
  let total = 0;
  for (const member of descendantsAndSelf(pid)) {
    const status = readProc(`/proc/${member}/status`);
    const kilobytes = status && /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    if (kilobytes) total += Number(kilobytes) * 1024;
  }
  return total;
}

function descendantsAndSelf(pid: number): number[] {
  const found = [pid];
  for (let i = 0; i < found.length; ++i) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${found[i]}/task`);
    } catch {
      continue; // exited since it was listed
    }
    for (const task of tasks) {
      const children = readProc(`/proc/${found[i]}/task/${task}/children`);
      if (children) found.push(...children.trim().split(/\s+/).filter(Boolean).map(Number));
    }
  }
  return found;
}

function readProc(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}
