import { z } from "zod";

// Runs in the browser before the app's code. zod would otherwise probe for eval (new Function)
// when it builds a schema; the dashboard's CSP forbids eval, so each probe is reported as a
// violation even though zod catches it and parses without JIT anyway.
z.config({ jitless: true });
