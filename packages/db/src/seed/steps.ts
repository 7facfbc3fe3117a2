import { seedAssistance } from './assistance/index';
import type { DemoStep } from './demo-step';
import { seedFunds } from './funds/index';
import { seedIdentification } from './identification/index';
import { seedResponsibility } from './responsibility/index';
import { seedTaskStatusHistory } from './responsibility/status-history';
import { seedSupervision } from './supervision/index';
import { seedWorkAdvancement } from './work-advancement/index';

/** The mechanisms' demo steps, in the order they draw from the shared random sequence. */
export const MECHANISM_STEPS: DemoStep[] = [
  seedWorkAdvancement,
  seedResponsibility,
  seedIdentification,
  seedAssistance,
  seedFunds,
  seedSupervision,
  seedTaskStatusHistory,
];
