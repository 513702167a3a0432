// Time spent inside HiGHS, for the publish's breakdown (the bench and `publish --json`): every solve of
// the range engine, the complementary-cell LPs and the audit goes through here. One process-wide clock,
// read as a difference around a phase; it counts, it never decides anything.

let milliseconds = 0;
let runs = 0;

/** Runs one solve of a HiGHS model (anything with run()) and adds its time to the clock. */
export function timedRun(model: {run(): unknown}): void {
  const start = performance.now();
  try {
    model.run();
  } finally {
    milliseconds += performance.now() - start;
    runs++;
  }
}

/** Milliseconds inside HiGHS and solves run so far in this process. */
export function solverClock(): {ms: number; runs: number} {
  return {ms: milliseconds, runs};
}

/** A phase of the publish: its wall time, its solves and the part of its time inside HiGHS. */
export interface PhaseTime {
  ms: number;
  solves: number;
  highsMs: number;
}

/** Starts timing *phase*: the function returned adds the wall time, solves and HiGHS time since. */
export function startPhase(phase: PhaseTime): () => void {
  const [start, before] = [performance.now(), solverClock()];
  return () => {
    const after = solverClock();
    phase.ms += performance.now() - start;
    phase.solves += after.runs - before.runs;
    phase.highsMs += after.ms - before.ms;
  };
}

export function emptyPhase(): PhaseTime {
  return {ms: 0, solves: 0, highsMs: 0};
}
