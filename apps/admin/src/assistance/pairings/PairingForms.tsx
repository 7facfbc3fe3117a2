import { graphql } from '@gongjian/schema';
import { fill, useCountyToday, useWords } from '@gongjian/ui';
import { Alert, Checkbox, Form, Select } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { EndOnDateModal } from '../../shared/EndOnDateModal.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { RuleReasons } from '../../shared/RuleReasons.tsx';
import { type HelperCandidate, HelperSelect } from '../HelperSelect.tsx';
import { assistanceWords } from '../words.ts';
import type { PairingRow } from './pairingRow.ts';

const PairHelperMutation = graphql.persisted(
  'admin/AdminPairHelper',
  graphql(
    `
    mutation AdminPairHelper($input: PairHelperInput!) {
      pairHelper(input: $input) {
        __typename
        ... on MutationPairHelperSuccess {
          data {
            id
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

const EndPairingMutation = graphql.persisted(
  'admin/AdminEndPairing',
  graphql(
    `
    mutation AdminEndPairing($input: EndPairingInput!) {
      endPairing(input: $input) {
        __typename
        ... on MutationEndPairingSuccess {
          data {
            id
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

const HouseholdOptionsQuery = graphql.persisted(
  'admin/AdminPairingHouseholdOptions',
  graphql(`
    query AdminPairingHouseholdOptions($search: String) {
      households(search: $search, first: 20) {
        edges {
          node {
            id
            householdNumber
            head {
              name
            }
            helper {
              name
            }
          }
        }
      }
    }
  `),
);

/** Households by number, each saying whether it has a helper already. */
function HouseholdSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const words = useWords(assistanceWords);
  const [search, setSearch] = useState('');
  const [{ data, fetching }] = useQuery({
    query: HouseholdOptionsQuery,
    variables: { search: search || null },
    pause: search.length < 2,
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={words.householdSearch}
      loading={fetching}
      value={value}
      onChange={onChange}
      options={(data?.households.edges ?? []).map(({ node }) => ({
        value: node.id,
        label: `${node.householdNumber} ${node.head?.name ?? ''}${node.helper ? `（${words.columnHelper}：${node.helper.name}）` : ''}`,
      }))}
    />
  );
}

/** What the chosen helper's load means for one more household, before saving (PAIRING.CAP). */
function HelperLoad({ candidate }: { candidate: HelperCandidate }) {
  const words = useWords(assistanceWords);
  return (
    <Alert
      data-testid="helper-load"
      type={candidate.pairingLoad.mayTakeMore ? 'success' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      message={fill(words.load, {
        count: candidate.pairingLoad.activeHouseholds,
        cap: candidate.pairingLoad.cap,
      })}
      description={<RuleReasons reasons={[candidate.pairingLoad.capReason]} />}
    />
  );
}

interface PairValues {
  householdId?: string;
  helperId: string | null;
  startDate?: string;
  replaceCurrent?: boolean;
}

/** Pair a household with a helper, or (`replacing`) give a paired household another helper. */
export function PairHelperDrawer({
  replacing,
  onClose,
}: {
  replacing?: PairingRow;
  onClose: (saved: boolean) => void;
}) {
  const words = useWords(assistanceWords);
  const today = useCountyToday();
  const [form] = Form.useForm<PairValues>();
  const [candidate, setCandidate] = useState<HelperCandidate | null>(null);
  const create = useCreateForm({ form, mutation: PairHelperMutation, fields: ['startDate'], onClose });
  return (
    <CreateFormDrawer<PairValues>
      width={560}
      title={replacing ? `${words.rePair}：${replacing.householdNumber}` : words.pair}
      create={create}
      initialValues={{ replaceCurrent: replacing !== undefined }}
      onFinish={(values) =>
        create.save(
          {
            input: {
              householdId: replacing?.household.id ?? values.householdId ?? '',
              helperId: values.helperId ?? '',
              startDate: values.startDate || null,
              replaceCurrent: values.replaceCurrent === true,
            },
          },
          (data) => data?.pairHelper,
        )
      }
    >
      {!replacing && (
        <RequiredItem label={words.fieldHousehold} name="householdId">
          <HouseholdSelect />
        </RequiredItem>
      )}
      <RequiredItem label={words.fieldHelper} name="helperId">
        <HelperSelect onChosen={setCandidate} />
      </RequiredItem>
      {candidate && <HelperLoad candidate={candidate} />}
      <Form.Item label={words.fieldStartDate} name="startDate">
        <DateInput max={today} />
      </Form.Item>
      <Form.Item name="replaceCurrent" valuePropName="checked">
        <Checkbox disabled={replacing !== undefined}>{words.fieldReplace}</Checkbox>
      </Form.Item>
    </CreateFormDrawer>
  );
}

export function EndPairingModal({
  pairing,
  onClose,
}: {
  pairing: PairingRow;
  onClose: (saved: boolean) => void;
}) {
  const words = useWords(assistanceWords);
  return (
    <EndOnDateModal
      title={fill(words.endPairingTitle, { household: pairing.householdNumber })}
      dateLabel={words.fieldEndDate}
      cancelText={words.cancel}
      submitText={words.save}
      record={pairing}
      mutation={EndPairingMutation}
      outcomeOf={(data) => data?.endPairing}
      onClose={onClose}
    />
  );
}
