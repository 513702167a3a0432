// Published table crisis_national_weekly (see src/lib/publishedTables.ts), handed out as it was audited.
import {publishedTableBytes} from "../node/publishedFiles.js";

process.stdout.write(await publishedTableBytes("crisis_national_weekly"));
