// Published table people_by_district_age (see src/lib/publishedTables.ts), handed out as it was audited.
import {publishedTableBytes} from "../node/publishedFiles.js";

process.stdout.write(await publishedTableBytes("people_by_district_age"));
