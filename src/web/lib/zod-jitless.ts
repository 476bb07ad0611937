import { z } from 'zod';

// The pages' Content-Security-Policy forbids eval (script-src 'self'). zod 4 probes for it with
// `Function('')` to compile faster object parsers; the probe is caught, but the browser still
// reports a CSP violation. Telling zod up front that eval is off skips the probe.
z.config({ jitless: true });
