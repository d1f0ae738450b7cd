import { inject } from 'vitest';
import type { ProbeKind } from '../probe/load.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    probe: ProbeKind;
  }
}

/** The recorder a real-run test records with: vitest runs those tests once per recorder (vitest.config.ts). */
export function probeUnderTest(): ProbeKind {
  return inject('probe');
}
