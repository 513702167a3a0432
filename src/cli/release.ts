// npm run release -- --reviewer NAME: approves the release the last build wrote, so that the site is
// served without its draft banner.
import {approveRelease, reviewerProblem} from "../node/review.js";

const at = process.argv.indexOf("--reviewer");
const reviewer = at >= 0 ? process.argv[at + 1] : undefined;
const problem = reviewerProblem(reviewer);
if (problem) {
  console.error(problem);
  process.exit(64);
}
try {
  const version = await approveRelease(reviewer!, process.env.VUOTO_DIST ?? "dist");
  console.warn(`release ${version} approved; npm run serve now serves it without the draft banner`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
