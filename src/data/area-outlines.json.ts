// Hospital-district and wellbeing-services-county outlines (TopoJSON), dissolved from the municipality
// outlines in data/reference/ at build time.
import {referenceOutlines} from "../node/geo/outlines.js";

process.stdout.write(JSON.stringify(await referenceOutlines()));
