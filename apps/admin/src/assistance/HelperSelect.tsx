import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { fill, useWords } from '@gongjian/ui';
import { Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { RuleReasons_reason } from '../shared/RuleReasons.tsx';
import { assistanceWords } from './words.ts';

export const HelperSelect_candidate = graphql(
  `
    fragment HelperSelect_candidate on HelperCandidate {
      id
      name
      post
      unitName
      pairingLoad {
        activeHouseholds
        cap
        mayTakeMore
        capReason {
          ...RuleReasons_reason
        }
      }
    }
  `,
  [RuleReasons_reason],
);

const HelperCandidatesQuery = graphql.persisted(
  'admin/AdminHelperCandidates',
  graphql(
    `
    query AdminHelperCandidates($search: String) {
      helperCandidates(search: $search, first: 30) {
        edges {
          node {
            id
            ...HelperSelect_candidate
          }
        }
      }
    }
  `,
    [HelperSelect_candidate],
  ),
);

const loadContext = { additionalTypenames: ['Pairing'] };

export type HelperCandidate = ReturnType<typeof readCandidate>;
const readCandidate = (node: FragmentOf<typeof HelperSelect_candidate>) =>
  readFragment(HelperSelect_candidate, node);

/** Cadres in or above the jurisdiction by name or unit, each with their households against the cap. */
export function HelperSelect({
  id,
  value,
  onChange,
  onChosen,
}: {
  id?: string;
  value?: string | null;
  onChange?: (cadreId: string | null) => void;
  onChosen?: (candidate: HelperCandidate | null) => void;
}) {
  const words = useWords(assistanceWords);
  const [search, setSearch] = useState('');
  const [{ data, fetching }] = useQuery({
    query: HelperCandidatesQuery,
    variables: { search: search || null },
    // A cadre's load changes with every pairing written: such a write drops the cached answer.
    context: loadContext,
  });
  const candidates = (data?.helperCandidates.edges ?? []).map((edge) => readCandidate(edge.node));
  const chosen = candidates.find((c) => c.id === value);
  const chosenLoad = chosen ? `${chosen.id}:${chosen.pairingLoad.activeHouseholds}` : null;
  // The load shown beside the form follows the latest answer for the chosen cadre, not the one at the click.
  useEffect(() => {
    if (chosen) onChosen?.(chosen);
  }, [chosenLoad]);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      placeholder={words.helperSearch}
      loading={fetching}
      value={value ?? undefined}
      onChange={(next: string | undefined) => {
        onChange?.(next ?? null);
        if (!next) onChosen?.(null);
      }}
      options={candidates.map((c) => ({
        value: c.id,
        label: (
          <span>
            {c.name}（{c.post} · {c.unitName}）{' '}
            <Tag color={c.pairingLoad.mayTakeMore ? 'green' : 'red'}>
              {fill(words.load, { count: c.pairingLoad.activeHouseholds, cap: c.pairingLoad.cap })}
            </Tag>
          </span>
        ),
      }))}
    />
  );
}
