// A published table, found in src/lib/publishedTables.ts by this loader's file name, handed out as it was audited.
import {publishedLoaderBytes} from "../node/publishedFiles.js";

process.stdout.write(await publishedLoaderBytes(import.meta.url));
