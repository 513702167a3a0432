// What changed since the previous release in the ledger (data/ledger/<release>/: the newest of another
// version than data/published, which the publish itself added), computed from the published files of
// both; {"previous": null} when the ledger has none.
import {notesSincePrevious} from "../node/releaseNotes.js";

const since = await notesSincePrevious();
process.stdout.write(JSON.stringify({previous: since?.previous ?? null, notes: since?.notes ?? null}));
