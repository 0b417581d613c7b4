/** Until the loader loads command folders (src/commands/<name>/index.ts), /league is loaded through this file. */
export { default } from "./league/index.js";
