// Faults of the machine rather than of the export, each with its own exit code (sysexits): the data
// folder is full, read-only or not writable (74, EX_IOERR), or another load holds it (75, EX_TEMPFAIL).
// They are reported as what they are, never as an invalid export with a withheld database error.

export class LoadFault extends Error {
  constructor(
    message: string,
    readonly exitCode: 74 | 75
  ) {
    super(message);
  }
}

// DuckDB reports the operating system's words in its own messages.
const DUCKDB_WORDS: Array<[RegExp, string]> = [
  [/no space left on device/i, "ENOSPC"],
  [/disk quota exceeded/i, "EDQUOT"],
  [/read-only file system/i, "EROFS"],
  [/permission denied/i, "EACCES"]
];

/** The machine fault behind *error*, if it is one: a full disk, a read-only or unwritable data folder. */
export function ioFault(error: unknown, dataDir: string): LoadFault | null {
  if (error instanceof LoadFault) return error;
  let code = (error as NodeJS.ErrnoException | null)?.code;
  if (!code && error instanceof Error) code = DUCKDB_WORDS.find(([words]) => words.test(error.message))?.[1];
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return new LoadFault(
        `no space left on the device holding ${dataDir}; free some space and load again (data/current was left as it was)`,
        74
      );
    case "EROFS":
      return new LoadFault(`${dataDir} is read-only; load into a writable folder (VUOTO_DATA_DIR) or remount it`, 74);
    case "EACCES":
    case "EPERM":
      return new LoadFault(`${dataDir} is not writable by this user; fix its permissions or set VUOTO_DATA_DIR`, 74);
    default:
      return null;
  }
}
