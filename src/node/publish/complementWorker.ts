// Worker thread entry (complementThread.ts): rebuilds the model from the system it is given, hides the
// same primary cells, runs the first complementary-cell LPs of its targets, and answers with the ids of
// the cells it hid. It always answers and sets done, so the main thread never waits in vain.
import {workerData} from "node:worker_threads";
import {buildModel} from "./model.js";
import {linearSystem} from "./linearSystem.js";
import {complementing, firstComplements} from "./protect.js";
import type {WorkerAnswer, WorkerInput} from "./complementThread.js";
import {solverClock} from "./solverClock.js";

const {system, threshold, targets, done, port} = workerData as WorkerInput;
let answer: WorkerAnswer;
try {
  const model = buildModel(system);
  const state = complementing(model, linearSystem(model), threshold);
  const before = new Set(state.hidden);
  firstComplements(
    state,
    targets.map((id) => model.cells[id]!),
    threshold
  );
  answer = {
    hidden: [...state.hidden].filter((cell) => !before.has(cell)).map((cell) => cell.id),
    solves: state.finder.solves,
    highsMs: solverClock().ms
  };
  state.finder.dispose();
} catch (error) {
  answer = {error: error instanceof Error ? error.message : String(error)};
}
port.postMessage(answer);
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
port.close();
