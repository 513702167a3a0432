// Published table daily_timeline (see src/lib/publishedTables.ts), handed out as it was audited.
import {publishedTableBytes} from "../lib/publishedFiles.js";

process.stdout.write(await publishedTableBytes("daily_timeline"));
