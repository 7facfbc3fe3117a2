import type { SeededCounty } from '../demo-step';
import type { Random } from '../random';
import type { Story } from './households';

/** How many households play each part, for `registered` registered households. */
function storyCounts(registered: number): [Story, number][] {
  const share = (fraction: number) => Math.max(1, Math.round(registered * fraction));
  const poor = share(0.045);
  const exitReady = Math.max(1, Math.round(poor * 0.12));
  const identified2019 = Math.max(1, Math.round(poor * 0.1));
  const exclusionHit = Math.max(1, Math.round(poor * 0.045));
  const returned = share(0.006);
  const unstable = share(0.02);
  const hardship = share(0.002);
  const edge = share(0.05);
  const edgeQualifies = Math.max(1, Math.round(edge * 0.05));
  const exited = registered - poor - returned;
  return [
    ['POOR', poor - exitReady - identified2019 - exclusionHit],
    ['EXIT_READY', exitReady],
    ['IDENTIFIED_2019', identified2019],
    ['EXCLUSION_HIT', exclusionHit],
    ['RETURNED_2018', returned - Math.floor(returned / 2)],
    ['RETURNED_2019', Math.floor(returned / 2)],
    ['EXITED', exited - unstable - hardship],
    ['UNSTABLE_EXITED', unstable],
    ['SUDDEN_HARDSHIP', hardship],
    ['EDGE', edge - edgeQualifies],
    ['EDGE_QUALIFIES', edgeQualifies],
    ['REMOVED_2019', share(0.003)],
  ];
}

/** The demo accounts' village gets one household in each state a console user should find there. */
const DEMO_VILLAGE_STORIES: Story[] = [
  'EXIT_READY',
  'EXIT_READY',
  'EXIT_READY',
  'EDGE_QUALIFIES',
  'EXCLUSION_HIT',
  'POOR',
  'POOR',
  'UNSTABLE_EXITED',
  'EXITED',
  'EXITED',
];

/** Villages and their households' stories: poor villages hold about 2.4 times as many households. */
export function allocate(random: Random, county: SeededCounty, registered: number) {
  const pool = random.shuffle(storyCounts(registered).flatMap(([story, n]) => Array<Story>(n).fill(story)));
  const demoVillage = county.villages.find((v) => v.townshipId === county.townships[0]!.id)!;
  for (const story of DEMO_VILLAGE_STORIES) {
    const index = pool.indexOf(story);
    if (index >= 0) pool.splice(index, 1);
  }
  const weights = county.villages.map((v) => (v.kind === 'POOR_VILLAGE' ? 2.4 : 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const remaining = pool.length;
  const quotas = weights.map((w) => Math.floor((remaining * w) / totalWeight));
  let leftover = remaining - quotas.reduce((a, b) => a + b, 0);
  while (leftover-- > 0) quotas[random.int(0, quotas.length - 1)]! += 1;
  let cursor = 0;
  return county.villages.map((village, index) => {
    const stories = pool.slice(cursor, cursor + quotas[index]!);
    cursor += quotas[index]!;
    return {
      village,
      stories: village.id === demoVillage.id ? [...DEMO_VILLAGE_STORIES, ...stories] : stories,
    };
  });
}
