// Sums every suite's JSON report into the one closing line CI reads: "N passed, N failed".
// Failed = failed tests + failed non-test steps + expected reports that are missing (a suite
// that crashed before reporting), so a broken step can never look green.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const [dir, stepFailuresArg, ...expectedReports] = process.argv.slice(2);
let passed = 0;
let failed = Number(stepFailuresArg ?? 0);

function countPlaywright(report) {
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === "expected" || test.status === "flaky") passed += 1;
        else if (test.status !== "skipped") failed += 1;
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  failed += report.errors?.length ?? 0;
}

for (const file of expectedReports) {
  const full = path.join(dir, file);
  if (!existsSync(full)) {
    console.log(`missing report: ${file} (the suite did not run to the end)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(full, "utf8"));
  if (file.startsWith("vitest")) {
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.success === false && !report.numFailedTests ? 1 : 0);
  } else {
    countPlaywright(report);
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
