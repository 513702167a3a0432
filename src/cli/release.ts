// npm run release -- --reviewer NAME: approves the release the last build wrote, so that the site is
// served without its draft banner.
import {EX_USAGE, parseCli} from "../node/cliArgs.js";
import {config} from "../node/config.js";
import {approveRelease, reviewerProblem} from "../node/review.js";

const USAGE = "usage: npm run release -- --reviewer NAME";
const argv = process.argv.slice(2);
// An unquoted name arrives as extra arguments, which parseArgs's message would repeat: a name is
// input, so say what is wrong without it.
if (argv.some((arg, i) => !arg.startsWith("--") && argv[i - 1] !== "--reviewer")) {
  console.error(`unexpected argument after --reviewer: put the name in quotes ('Maria Virtanen')\n${USAGE}`);
  process.exit(EX_USAGE);
}
const {reviewer} = parseCli(argv, {reviewer: {type: "string"}}, USAGE);
// The name is checked before anything else reads it, and no message repeats it.
const problem = reviewerProblem(reviewer);
if (problem) {
  console.error(`${problem}\n${USAGE}`);
  process.exit(EX_USAGE);
}
try {
  const version = await approveRelease(reviewer!, config().dist);
  console.warn(`release ${version} approved; npm run serve now serves it without the draft banner`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
