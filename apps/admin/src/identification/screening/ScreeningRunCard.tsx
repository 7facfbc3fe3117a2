import type { FragmentOf } from '@gongjian/schema';
import { graphql } from '@gongjian/schema';
import {
  commonWords,
  describeQueryError,
  fill,
  RegionPicker,
  type RegionPicker_region,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { Alert, Button, Card, Select, Space, Spin } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeFailure, MutationFailure_error } from '../../shared/failure.ts';
import { screeningWords } from './words.ts';

const RunMutation = graphql.persisted(
  'admin/AdminRunExclusionScreening',
  graphql(
    `
    mutation AdminRunExclusionScreening($input: ExclusionScreeningInput) {
      runExclusionScreening(input: $input) {
        __typename
        ... on MutationRunExclusionScreeningSuccess {
          data {
            screenedHouseholds
            hitHouseholds
            newFindingCount
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

const HouseholdLookupQuery = graphql.persisted(
  'admin/AdminScreeningHouseholdLookup',
  graphql(`
  query AdminScreeningHouseholdLookup($search: String!) {
    households(search: $search, first: 10) {
      edges {
        node {
          id
          householdNumber
          head {
            id
            name
            idNumber
          }
        }
      }
    }
  }
`),
);

type Scope = 'county' | 'region' | 'household';

/** Runs the seven-exclusions screening over the jurisdiction, a region or one household. */
export function ScreeningRunCard({
  jurisdiction,
  onScreened,
}: {
  jurisdiction: FragmentOf<typeof RegionPicker_region>;
  onScreened: () => void;
}) {
  const words = useWords(screeningWords);
  const { locale } = useLocale();
  const [scope, setScope] = useState<Scope>('region');
  const [runRegionPath, setRunRegionPath] = useState<string[]>([]);
  const [householdSearch, setHouseholdSearch] = useState('');
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [runSummary, setRunSummary] = useState<string | null>(null);
  const [runFailure, setRunFailure] = useState<string | null>(null);
  const [{ fetching: running }, run] = useMutation(RunMutation);
  const [{ data: lookup, fetching: lookingUp }] = useQuery({
    query: HouseholdLookupQuery,
    variables: { search: householdSearch },
    pause: householdSearch.length < 1,
  });
  const runRegionId = runRegionPath[runRegionPath.length - 1] ?? null;
  const runReady =
    scope === 'county' || (scope === 'region' && runRegionId) || (scope === 'household' && householdId);

  async function runScreening() {
    setRunSummary(null);
    setRunFailure(null);
    const input =
      scope === 'household' ? { householdId } : scope === 'region' ? { regionId: runRegionId } : {};
    const result = await run({ input });
    if (result.error) return setRunFailure(describeQueryError(result.error, locale));
    const outcome = result.data?.runExclusionScreening;
    if (!outcome) return setRunFailure(commonWords[locale].unexpectedError);
    if (outcome.__typename === 'MutationRunExclusionScreeningSuccess') {
      setRunSummary(
        fill(words.runSummary, {
          screened: outcome.data.screenedHouseholds,
          hits: outcome.data.hitHouseholds,
          fresh: outcome.data.newFindingCount,
        }),
      );
      return onScreened();
    }
    setRunFailure(describeFailure(outcome, locale));
  }

  return (
    <Card size="small" type="inner" title={words.runTitle} style={{ marginBottom: 16 }}>
      <Space wrap>
        <Select<Scope>
          value={scope}
          onChange={setScope}
          style={{ width: 150 }}
          options={[
            { value: 'county', label: words.scopeJurisdiction },
            { value: 'region', label: words.scopeRegion },
            { value: 'household', label: words.scopeHousehold },
          ]}
        />
        {scope === 'region' && (
          <RegionPicker
            id="screening-run-region"
            root={jurisdiction}
            value={runRegionPath}
            onChange={setRunRegionPath}
          />
        )}
        {scope === 'household' && (
          <Select
            showSearch={{ filterOption: false, onSearch: setHouseholdSearch }}
            placeholder={words.householdPlaceholder}
            style={{ width: 320 }}
            loading={lookingUp}
            value={householdId ?? undefined}
            onChange={(value) => setHouseholdId(value ?? null)}
            options={(lookup?.households.edges ?? []).map((edge) => ({
              value: edge.node.id,
              label: `${edge.node.head?.name ?? '—'} · ${edge.node.householdNumber} · ${edge.node.head?.idNumber ?? ''}`,
            }))}
          />
        )}
        <Button
          type="primary"
          onClick={runScreening}
          loading={running}
          disabled={!runReady}
          data-testid="run-screening"
        >
          {words.run}
        </Button>
        {running && <Spin tip={words.running} size="small" />}
      </Space>
      {runSummary && (
        <Alert
          type="success"
          showIcon
          message={runSummary}
          style={{ marginTop: 12 }}
          data-testid="screening-summary"
        />
      )}
      {runFailure && <Alert type="error" showIcon message={runFailure} style={{ marginTop: 12 }} />}
    </Card>
  );
}
