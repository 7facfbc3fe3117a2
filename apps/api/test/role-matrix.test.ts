import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema';
import { outcomeOf, sampleRequest } from './argument-sweep';
import { createScenario, dropTestDatabases, type Scenario } from './harness';
import { CALLERS, EXPECTED_ACCESS, mayCall } from './role-matrix';

/**
 * Every root field of the schema, called as every demo role and anonymously with sample arguments: a caller the
 * matrix does not allow is refused (FORBIDDEN, or UNAUTHENTICATED when signed out) before anything is written; a
 * caller it allows is never refused for its role. Fields come from the built schema, so a new one is covered.
 */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const operations = (['query', 'mutation'] as const).flatMap((operation) =>
  Object.keys((operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!).getFields()).map(
    (field) => ({ operation, field }),
  ),
);
const WRITE = /^\s*(insert|update|delete)\b/i;
const AUDIT_INSERT = /^\s*insert into "audit_log"/i;

describe('the role × operation matrix (角色权限矩阵)', () => {
  it('has a row for every root field of the schema, and none for a field the schema no longer has', () => {
    const fields = operations.map((o) => o.field).sort();
    expect(Object.keys(EXPECTED_ACCESS).sort()).toEqual(fields);
    console.info(
      `role matrix: ${operations.length} operations × ${CALLERS.length} callers = ${operations.length * CALLERS.length} cells`,
    );
  });

  it.each(operations)(
    '$operation $field: each caller is allowed or refused as the matrix says',
    async ({ operation, field }) => {
      const access = EXPECTED_ACCESS[field]!;
      const request = sampleRequest(schema, operation, field);
      for (const username of CALLERS) {
        const caller = username ? await s.viewer(username) : null;
        const response = await s.run(username, request.query, request.variables);
        const { answer } = outcomeOf(field, response as never);
        const label = `${operation} ${field} as ${username ?? 'anonymous'} (${access}): ${answer}`;
        expect(answer, label).not.toMatch(/INTERNAL/);
        if (mayCall(access, caller)) {
          expect(answer, label).not.toMatch(/^top-level (FORBIDDEN|UNAUTHENTICATED)$/);
          continue;
        }
        expect(answer, label).toMatch(caller ? /FORBIDDEN$/ : /^top-level UNAUTHENTICATED$/);
        const writes = s.statements.filter((sql) => WRITE.test(sql) && !AUDIT_INSERT.test(sql));
        expect(writes, label).toEqual([]);
      }
    },
  );
});
