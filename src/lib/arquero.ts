// The parts of arquero the pages use, imported from its source modules. arquero's index also exports its
// file loaders, which import node:fs and node:stream; Framework's bundler does not apply the package's
// "browser" field, so importing the index would put Node modules into the page (and break it under the CSP).
export {desc} from "arquero/src/helpers/desc.js";
export {rolling} from "arquero/src/helpers/rolling.js";
export {opApi as op} from "arquero/src/op/op-api.js";
export {table} from "arquero/src/table/index.js";
