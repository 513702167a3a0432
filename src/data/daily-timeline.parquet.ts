// Published table daily_timeline (see src/lib/publishedTables.ts), handed out as it was audited.
import {publishedTableBytes} from "../node/publishedFiles.js";

process.stdout.write(await publishedTableBytes("daily_timeline"));
