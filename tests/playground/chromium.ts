import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`), or CHROMIUM_PATH. Never a downloaded browser. */
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * Without Chromium the browser tests are skipped on a developer's machine, and run (and fail) in CI (CI=true, as
 * .ci/run sets), so CI never passes without them.
 */
export const browserTestsSkipped = !existsSync(chromiumPath) && process.env.CI !== "true";

/** The one line a skipped run prints: what did not run, and how to get it. */
export const skippedBrowserTestsLine = `⚠ SKIPPED the playground's browser tests (tests/playground/browser.test.ts): no Chromium at ${chromiumPath}. Install it with \`apt-get install -y chromium fonts-noto-color-emoji\`, or set CHROMIUM_PATH to one; with CI=true they fail instead.`;

/** Starts Chromium; a missing or broken one fails the suite loudly (in CI, or when asked for outside the tests). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH). With CI=true the playground's browser tests fail without it; elsewhere they are skipped.`,
    );
  }
  // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
}

/** Screenshots of each step, kept as test artifacts (artifacts/ is not committed). */
export const artifactsDir = join(process.cwd(), "artifacts", "playground");

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`) });
}
