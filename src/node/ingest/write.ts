// The atomic replace of data/current. Each load writes a new dataset in a work folder under the data
// folder (same file system), moves it to data/datasets/<id>/, then renames a fresh symlink over
// data/current: readers see the old dataset or the new one, never a mix. A failed or interrupted load
// leaves data/current as it was and its work folder is removed.
import {lstat, mkdir, mkdtemp, open, readdir, readFile, readlink, rename, rm, symlink} from "node:fs/promises";
import {basename, join} from "node:path";
import {LoadFault} from "./faults.js";

export const WORK_PREFIX = ".load-";

export interface Workspace {
  dir: string;
  /** Where the new dataset is written before it is moved into place. */
  dataset: string;
  remove(): Promise<void>;
}

export async function createWorkspace(dataDir: string): Promise<Workspace> {
  await mkdir(dataDir, {recursive: true});
  await removeStaleWorkspaces(dataDir);
  const dir = await mkdtemp(join(dataDir, `${WORK_PREFIX}${process.pid}-`));
  const dataset = join(dir, "dataset");
  await mkdir(dataset);
  return {dir, dataset, remove: () => rm(dir, {recursive: true, force: true})};
}

export const LOCK_FILE = ".load.lock";

/**
 * One load at a time per data folder: a lock file holding the loading process's id, created exclusively.
 * A lock whose process is gone (killed, machine restarted) is taken over. Resolves to its release.
 */
export async function acquireLoadLock(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, {recursive: true});
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; ++attempt) {
    try {
      const handle = await open(path, "wx");
      // A lock that could not be written (a full disk) is removed rather than left behind empty.
      await handle
        .writeFile(`${process.pid}\n`)
        .finally(() => handle.close())
        .catch(async (error: unknown) => {
          await rm(path, {force: true});
          throw error;
        });
      return () => rm(path, {force: true});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const pid = Number((await readFile(path, "utf-8").catch(() => "")).trim());
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid))
      throw new LoadFault(
        `another load (process ${pid}) is writing ${dataDir}; wait for it to finish, then load again`,
        75
      );
    await rm(path, {force: true});
  }
  throw new LoadFault(`could not lock ${dataDir}: another load keeps taking it; try again`, 75);
}

/** Work folders of loads whose process is gone (killed, machine restarted). */
async function removeStaleWorkspaces(dataDir: string): Promise<void> {
  for (const name of await readdir(dataDir)) {
    const pid = Number(name.startsWith(WORK_PREFIX) ? name.slice(WORK_PREFIX.length).split("-")[0] : NaN);
    if (Number.isInteger(pid) && !isAlive(pid)) await rm(join(dataDir, name), {recursive: true, force: true});
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Moves the workspace's dataset to data/datasets/<id>/ and points data/current at it, atomically. */
export async function swapIntoPlace(dataDir: string, workspace: Workspace, id: string): Promise<string> {
  const datasets = join(dataDir, "datasets");
  await mkdir(datasets, {recursive: true});
  // The same export loaded again at the same (pinned) clock gets the same id: the new copy takes a suffix.
  let target = join(datasets, id);
  for (
    let n = 2;
    await lstat(target).then(
      () => true,
      () => false
    );
    ++n
  )
    target = join(datasets, `${id}-${n}`);
  await rename(workspace.dataset, target);
  const current = join(dataDir, "current");
  const previous = await currentTarget(current);
  if (previous === "directory") {
    // A data/current from before datasets/ existed: keep it as a dataset so the swap stays one rename.
    await rename(current, join(datasets, `previous-${Date.now()}`));
  }
  const link = join(workspace.dir, "current");
  await symlink(join("datasets", basename(target)), link);
  await rename(link, current);
  for (const name of await readdir(datasets)) {
    if (name !== basename(target)) await rm(join(datasets, name), {recursive: true, force: true});
  }
  return target;
}

async function currentTarget(current: string): Promise<"directory" | "link" | null> {
  try {
    const stats = await lstat(current);
    if (stats.isSymbolicLink()) return (await readlink(current)) ? "link" : null;
    return stats.isDirectory() ? "directory" : null;
  } catch {
    return null;
  }
}
