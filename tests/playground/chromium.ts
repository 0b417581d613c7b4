import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`), or CHROMIUM_PATH. Never a downloaded browser. */
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Starts Chromium; a missing or broken one fails the suite loudly (the browser tests never skip). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH). The playground's browser tests do not skip without it.`,
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
