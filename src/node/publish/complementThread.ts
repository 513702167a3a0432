// The first complementary-cell LPs of one component, run in a worker thread while the main thread runs
// the others' (protect.ts). Components of the LPs share no relation, so the cells hidden are the same as
// if one thread ran them all. protect() is synchronous: it waits for the worker with Atomics.wait and
// takes its answer with receiveMessageOnPort. Any failure of the worker answers null, and the main
// thread then runs those LPs itself.
import {MessageChannel, Worker, receiveMessageOnPort, type MessagePort} from "node:worker_threads";
import type {Cell} from "./model.js";
import type {PublishedSystem} from "./system.js";

/** What the worker is given (complementWorker.ts). */
export interface WorkerInput {
  system: PublishedSystem;
  threshold: number;
  /** Ids of model.cells: the small cells whose LPs the worker runs, in order. */
  targets: number[];
  /** Set to 1 once the answer is posted. */
  done: Int32Array;
  port: MessagePort;
}

/**
 * The worker's answer: the ids of the cells it hid beyond the primary ones, with its LPs and their time
 * inside HiGHS (for the bench), or why it failed.
 */
export type WorkerAnswer = {hidden: number[]; solves: number; highsMs: number} | {error: string};
type Found = Exclude<WorkerAnswer, {error: string}>;

/** A worker running the first LPs of *targets*; result() waits for its answer, or null if it failed. */
export function startWorker(
  system: PublishedSystem,
  threshold: number,
  targets: Cell[]
): {result(): Found | null} | null {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const {port1, port2} = new MessageChannel();
  let worker: Worker;
  try {
    const input: WorkerInput = {system, threshold, targets: targets.map((c) => c.id), done, port: port2};
    worker = new Worker(new URL("./complementBoot.mjs", import.meta.url), {
      workerData: input,
      transferList: [port2],
      execArgv: []
    });
  } catch {
    return null;
  }
  return {
    result() {
      // The worker always posts and sets done, failures included (complementBoot.mjs); an hour is a
      // hang, not a slow solve.
      const waited = Atomics.wait(done, 0, 0, 3_600_000);
      const message = receiveMessageOnPort(port1)?.message as WorkerAnswer | undefined;
      void worker.terminate();
      port1.close();
      if (waited === "timed-out" || !message || "error" in message) return null;
      return message;
    }
  };
}
