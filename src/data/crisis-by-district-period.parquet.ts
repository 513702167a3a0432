// Published table crisis_by_district_period (see src/lib/publishedTables.ts), handed out as it was audited.
import {publishedTableBytes} from "../node/publishedFiles.js";

process.stdout.write(await publishedTableBytes("crisis_by_district_period"));
