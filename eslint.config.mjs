import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "drizzle/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/platform/env.ts only." },
      ],
    },
  },
  {
    files: [
      "lib/platform/env.ts",
      "instrumentation.ts",
      "*.config.ts",
      "*.config.mjs",
      "lib/tooling/testing/**",
      "e2e/**",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Server code logs through pino (lib/platform/log): JSON lines with the request id, never a body.
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/tooling/**", "lib/integrations/sandbox/**", "**/*.test.ts"],
    rules: { "no-console": "error" },
  },
];

export default config;
