/**
 * A readable "Browser major on OS" from a User-Agent header, for the session list only (never
 * for a security decision: the header is whatever the client sends). Order matters: Edge and
 * Opera also say Chrome, Chrome also says Safari.
 */
const browsers: readonly [name: string, pattern: RegExp][] = [
  ["Edge", /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ["Opera", /\b(?:OPR|Opera)\/(\d+)/],
  ["Samsung Internet", /\bSamsungBrowser\/(\d+)/],
  ["Firefox", /\b(?:Firefox|FxiOS)\/(\d+)/],
  ["Chrome (headless)", /\bHeadlessChrome\/(\d+)/],
  ["Chrome", /\b(?:Chrome|CriOS)\/(\d+)/],
  ["Safari", /\bVersion\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//],
  ["curl", /^curl\/(\d+)/],
];

const systems: readonly [name: string, pattern: RegExp][] = [
  ["iOS", /\b(?:iPhone|iPad|iPod)\b/],
  ["Android", /\bAndroid\b/],
  ["ChromeOS", /\bCrOS\b/],
  ["Windows", /\bWindows\b/],
  ["macOS", /\bMac OS X\b|\bMacintosh\b/],
  ["Linux", /\bLinux\b/],
];

export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent?.trim()) return "Unknown browser";
  const browser = browsers.map(([name, pattern]) => ({ name, match: pattern.exec(userAgent) })).find((b) => b.match);
  if (!browser) return userAgent.length > 60 ? `${userAgent.slice(0, 60)}…` : userAgent;
  const system = systems.find(([, pattern]) => pattern.test(userAgent))?.[0];
  const label = `${browser.name} ${browser.match?.[1] ?? ""}`.trim();
  return system ? `${label} on ${system}` : label;
}
