// Published table publications_by_day_channel (see src/lib/publishedTables.ts), handed out as it was audited.
import {publishedTableBytes} from "../node/publishedFiles.js";

process.stdout.write(await publishedTableBytes("publications_by_day_channel"));
