/**
 * The provider names countries by ISO 3166 alpha-3 in topups and eSIM (plus "GLO" and regions);
 * people type names or alpha-2 codes, and libphonenumber wants alpha-2.
 */
const alpha3ToAlpha2: Record<string, string> = Object.fromEntries(
  (
    "ARE AE,ARG AR,AUS AU,AUT AT,BEL BE,BGD BD,BRA BR,CAN CA,CHE CH,CHL CL,CHN CN,COL CO,CZE CZ,DEU DE,DNK DK,EGY EG,ESP ES,FIN FI,FRA FR," +
    "GBR GB,GRC GR,HKG HK,HUN HU,IDN ID,IRL IE,ISR IL,IND IN,ITA IT,JPN JP,KEN KE,KHM KH,KOR KR,LKA LK,MAC MO,MEX MX,MYS MY,NGA NG,NLD NL," +
    "NOR NO,NPL NP,NZL NZ,PAK PK,PER PE,PHL PH,POL PL,PRT PT,QAT QA,ROU RO,SAU SA,SGP SG,SWE SE,THA TH,TUR TR,TWN TW,UKR UA,USA US,VNM VN,ZAF ZA"
  )
    .split(",")
    .map((pair) => pair.split(" ") as [string, string]),
);

const regionLabels: Record<string, string> = { GLO: "Global", EUR: "Europe (regional)" };
const regionNames = new Intl.DisplayNames(["en"], { type: "region", style: "short" });

export function alpha2Of(alpha3: string): string | undefined {
  return alpha3ToAlpha2[alpha3.toUpperCase()];
}

/** "Japan" for JPN; the code itself when we do not know it. */
export function countryLabel(alpha3: string): string {
  const code = alpha3.toUpperCase();
  const alpha2 = alpha2Of(code);
  return regionLabels[code] ?? (alpha2 ? (regionNames.of(alpha2) ?? code) : code);
}

/** Which of the offered alpha-3 codes a typed name, alpha-2 or alpha-3 code means ("Japan", "jp", "JPN"). */
export function matchCountry(typed: string, offered: readonly string[]): string | undefined {
  const wanted = typed.trim().toLowerCase();
  if (!wanted) return undefined;
  return offered.find(
    (code) =>
      code.toLowerCase() === wanted ||
      alpha2Of(code)?.toLowerCase() === wanted ||
      countryLabel(code).toLowerCase() === wanted,
  );
}
