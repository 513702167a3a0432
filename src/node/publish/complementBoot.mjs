// Worker thread bootstrap (complementThread.ts). Node 20 does not hand tsx's loader on to a worker
// thread, so the worker registers it itself before it loads its TypeScript (complementWorker.ts). A
// failure to load still answers, so the main thread never waits in vain.
import {workerData} from "node:worker_threads";
import {register} from "tsx/esm/api";

try {
  register();
  await import("./complementWorker.ts");
} catch (error) {
  workerData.port.postMessage({error: error instanceof Error ? error.message : String(error)});
  Atomics.store(workerData.done, 0, 1);
  Atomics.notify(workerData.done, 0);
}
