// National headline figures and the public provenance of the export (see src/lib/publishedTables.ts).
import {publishedJsonBytes} from "../node/publishedFiles.js";

process.stdout.write(await publishedJsonBytes("headline.json"));
