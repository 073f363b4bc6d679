import { describe, expect, it } from "vitest";
import { resolveDisplayZone, timeZoneParam, withDisplayZone, zoneToRemember } from "./display-zone";

describe("the display time zone", () => {
  it("takes the URL's zone, else the remembered one, else UTC; a name Intl does not know is passed over", () => {
    expect(resolveDisplayZone("asia/hong_kong", "Asia/Tashkent")).toBe("Asia/Hong_Kong");
    expect(resolveDisplayZone(undefined, "Asia/Tashkent")).toBe("Asia/Tashkent");
    expect(resolveDisplayZone("Mars/Olympus", "Asia/Tashkent")).toBe("Asia/Tashkent");
    expect(resolveDisplayZone("Mars/Olympus", "<script>")).toBe("UTC");
    expect(resolveDisplayZone(undefined, undefined)).toBe("UTC");
    expect(resolveDisplayZone("x".repeat(65), undefined)).toBe("UTC");
  });

  it("reads the tz parameter as a canonical zone and names the rule when it is not one", () => {
    expect(timeZoneParam.parse(" europe/moscow ")).toBe("Europe/Moscow");
    expect(timeZoneParam.safeParse("Nowhere/Land").error?.issues[0]?.message).toBe(
      "must be an IANA time zone such as Asia/Hong_Kong",
    );
  });

  it("keeps the zone on links between pages, and leaves UTC links bare", () => {
    expect(withDisplayZone("/payments/abc", "Asia/Hong_Kong")).toBe("/payments/abc?tz=Asia%2FHong_Kong");
    expect(withDisplayZone("/refunds?age=lt1h", "Asia/Tashkent")).toBe("/refunds?age=lt1h&tz=Asia%2FTashkent");
    expect(withDisplayZone("/wallet?wallet=1#movement-2", "Asia/Tashkent")).toBe(
      "/wallet?wallet=1&tz=Asia%2FTashkent#movement-2",
    );
    expect(withDisplayZone("/payments/abc", "UTC")).toBe("/payments/abc");
  });

  it("remembers a valid zone that differs from the one remembered, nothing else", () => {
    expect(zoneToRemember("asia/hong_kong", undefined)).toBe("Asia/Hong_Kong");
    expect(zoneToRemember("Asia/Hong_Kong", "Asia/Hong_Kong")).toBeNull();
    expect(zoneToRemember("UTC", "Asia/Hong_Kong")).toBe("UTC");
    expect(zoneToRemember("Mars/Olympus", undefined)).toBeNull();
    expect(zoneToRemember(null, undefined)).toBeNull();
  });
});
