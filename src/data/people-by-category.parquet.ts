// Published table people_by_category (see src/lib/publishedTables.ts), handed out as it was audited.
import {publishedTableBytes} from "../lib/publishedFiles.js";

process.stdout.write(await publishedTableBytes("people_by_category"));
