import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CustomerPaysPanel } from "./customer-pays-panel";

const landingUrl = "https://web-test.online.octopus.com.hk/oos/payment/?token=zjsdhd3";
const octopusUri = "octopus://payment?token=zjsdhd3";

const render = async (links: { landingUrl: string | null; octopusUri: string | null }) =>
  renderToStaticMarkup(await CustomerPaysPanel({ links }));

describe("customer-pays panel", () => {
  it("renders the landing URL as an SVG QR code with alt text, an Open link and copy buttons", async () => {
    const html = await render({ landingUrl, octopusUri });
    const img = /<img src="data:image\/svg\+xml;base64,([^"]+)"[^>]*alt="([^"]+)"/.exec(html);
    expect(img).not.toBeNull();
    expect(Buffer.from(img![1]!, "base64").toString("utf8")).toMatch(/^<svg [^>]*viewBox/);
    expect(img![2]).toBe(`QR code of the payment page ${landingUrl.replaceAll("&", "&amp;")}`);
    expect(html).toContain(`href="${landingUrl}" target="_blank" rel="noopener noreferrer"`);
    expect(html).toContain('aria-label="Copy the payment page URL"');
    expect(html).toContain(octopusUri);
    expect(html).toContain('aria-label="Copy the Octopus app link"');
  });

  it("encodes each URL in its own QR code", async () => {
    const qrOf = async (url: string) => /base64,([^"]+)"/.exec(await render({ landingUrl: url, octopusUri: null }))![1];
    expect(await qrOf(landingUrl)).not.toBe(await qrOf(`${landingUrl}x`));
  });

  it("shows no QR code when there is only the app link", async () => {
    const html = await render({ landingUrl: null, octopusUri });
    expect(html).not.toContain("<img");
    expect(html).toContain(octopusUri);
  });
});
