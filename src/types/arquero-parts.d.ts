// Types for arquero's source modules imported by src/lib/arquero.ts: the same as the package's own.
declare module "arquero/src/helpers/desc.js" {
  export {desc} from "arquero";
}
declare module "arquero/src/helpers/rolling.js" {
  export {rolling} from "arquero";
}
declare module "arquero/src/op/op-api.js" {
  export {op as opApi} from "arquero";
}
declare module "arquero/src/table/index.js" {
  export {table} from "arquero";
}
