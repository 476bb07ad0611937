import type { StudioDetail } from './api.ts';

/** Dates travel as YYYY-MM-DD. */
export const DATE = 'YYYY-MM-DD';

/** What every lifecycle step's dialog gets. */
export interface StepProps {
  studio: StudioDetail;
  onClose(): void;
  onDone(studio: StudioDetail): void;
}
