// The atomic replace of data/current. Each load writes a new dataset in a work folder under the data
// folder (same file system), moves it to data/datasets/<id>/, then renames a fresh symlink over
// data/current: readers see the old dataset or the new one, never a mix. A failed or interrupted load
// leaves data/current as it was and its work folder is removed.
import {lstat, mkdir, mkdtemp, readdir, readlink, rename, rm, symlink} from "node:fs/promises";
import {join} from "node:path";

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
  const target = join(datasets, id);
  await rename(workspace.dataset, target);
  const current = join(dataDir, "current");
  const previous = await currentTarget(current);
  if (previous === "directory") {
    // A data/current from before datasets/ existed: keep it as a dataset so the swap stays one rename.
    await rename(current, join(datasets, `previous-${Date.now()}`));
  }
  const link = join(workspace.dir, "current");
  await symlink(join("datasets", id), link);
  await rename(link, current);
  for (const name of await readdir(datasets)) {
    if (name !== id) await rm(join(datasets, name), {recursive: true, force: true});
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
