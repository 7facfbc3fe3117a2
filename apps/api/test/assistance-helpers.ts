import { cadres, households } from '@gongjian/db/schema';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { globalId, type Scenario } from './harness';

/** Shared setup of the assistance tests: fresh helpers and households, and the mutations' documents. */

let serial = 0;

/** A new cadre of a county backing unit, with no households yet. */
export async function freshHelper(s: Scenario, name = '测试帮扶人') {
  const unit = (await s.handle.db.query.units.findFirst({
    where: { kind: 'BACKING_UNIT' },
    orderBy: { id: 'asc' },
  }))!;
  const [cadre] = await s.handle.db
    .insert(cadres)
    .values({ countyId: unit.countyId, regionPath: unit.regionPath, unitId: unit.id, name, post: '帮扶干部' })
    .returning();
  return { id: cadre!.id, gid: globalId('Cadre', cadre!.id) };
}

/** A cadre of another township's government: outside a village clerk's jurisdiction. */
export async function foreignCadre(s: Scenario, villagePath: string) {
  const unit = (await s.handle.db.query.units.findFirst({
    where: { kind: 'TOWNSHIP_GOVERNMENT', RAW: (t) => sqlNotPrefix(t.regionPath, villagePath) },
  }))!;
  const [cadre] = await s.handle.db
    .insert(cadres)
    .values({
      countyId: unit.countyId,
      regionPath: unit.regionPath,
      unitId: unit.id,
      name: '外乡干部',
      post: '干部',
    })
    .returning();
  return globalId('Cadre', cadre!.id);
}

function sqlNotPrefix(column: AnyPgColumn, villagePath: string): SQL {
  return sql`${villagePath} not like ${column} || '%'`;
}

/** New households (NON_POOR, no helper) in the village of `username`'s jurisdiction. */
export async function freshHouseholds(s: Scenario, count: number, username = 'village') {
  const user = (await s.handle.db.query.users.findFirst({ where: { username } }))!;
  const village = (await s.handle.db.query.regions.findFirst({ where: { id: user.jurisdictionId } }))!;
  const rows = await s.handle.db
    .insert(households)
    .values(
      Array.from({ length: count }, () => {
        serial += 1;
        return {
          countyId: village.countyId!,
          regionPath: village.regionPath,
          villageId: village.id,
          householdNumber: `A${Date.now() % 1_000_000}${serial}`,
          attribute: 'ORDINARY' as const,
          mainCause: 'ILLNESS' as const,
          status: 'POOR' as const,
        };
      }),
    )
    .returning({ id: households.id });
  return rows.map((row) => globalId('Household', row.id));
}

export async function householdOutside(s: Scenario, username = 'village') {
  const user = (await s.handle.db.query.users.findFirst({ where: { username } }))!;
  const other = (await s.handle.db.query.households.findFirst({
    where: { RAW: (t) => sql`${t.villageId} <> ${user.jurisdictionId}` },
  }))!;
  return globalId('Household', other.id);
}

export const PAIR = /* GraphQL */ `
  mutation ($input: PairHelperInput!) {
    pairHelper(input: $input) {
      __typename
      ... on MutationPairHelperSuccess { data { id startDate endDate helperName version viewerCanEnd viewerCanRecordVisit } }
      ... on Error { code message }
      ... on RuleViolationError { ruleId }
      ... on NotFoundError { argument }
    }
  }
`;

export const RECORD_VISIT = /* GraphQL */ `
  mutation ($input: RecordVisitInput!) {
    recordVisit(input: $input) {
      __typename
      ... on MutationRecordVisitSuccess { data { id occurredAt mode } }
      ... on Error { code message }
      ... on RuleViolationError { ruleId }
    }
  }
`;

export const END_PAIRING = /* GraphQL */ `
  mutation ($input: EndPairingInput!) {
    endPairing(input: $input) {
      __typename
      ... on MutationEndPairingSuccess { data { id endDate version viewerCanEnd } }
      ... on Error { code message }
      ... on RuleViolationError { ruleId }
      ... on ConflictError { currentVersion }
    }
  }
`;

export interface PairResult {
  __typename: string;
  data?: {
    id: string;
    startDate: string;
    endDate: string | null;
    version: number;
    viewerCanEnd: boolean;
    viewerCanRecordVisit: boolean;
  };
  code?: string;
  message?: string;
  ruleId?: string;
  argument?: string;
}

export async function pair(
  s: Scenario,
  username: string,
  input: Record<string, unknown>,
): Promise<PairResult> {
  const r = await s.run<{ pairHelper: PairResult }>(username, PAIR, { input });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.pairHelper;
}

export async function recordVisit(s: Scenario, username: string, input: Record<string, unknown>) {
  const r = await s.run<{ recordVisit: PairResult & { data?: { id: string; occurredAt: string } } }>(
    username,
    RECORD_VISIT,
    { input: { mode: 'IN_PERSON', ...input } },
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.recordVisit;
}
