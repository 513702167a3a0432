// The suppression audit of this build: threshold, cells and suppressed cells per table, checks passed.
import {publishedJsonBytes} from "../node/publishedFiles.js";

process.stdout.write(await publishedJsonBytes("audit.json"));
