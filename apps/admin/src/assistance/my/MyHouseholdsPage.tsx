import { graphql, readFragment } from '@gongjian/schema';
import {
  AppShell_user,
  enumOptions,
  formatInstant,
  QueryErrorAlert,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { Badge, Button, Card, Checkbox, Empty, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { describeFailure, MutationFailure_error } from '../../shared/failure.ts';
import { useViewer } from '../../shared/viewer.tsx';
import { newVisitKey, type QueuedVisit, type SendOutcome, useVisitQueue } from './visitQueue.ts';
import { myWords } from './words.ts';

const MyHouseholdsQuery = graphql.persisted(
  'admin/AdminMyHouseholds',
  graphql(`
    query AdminMyHouseholds {
      visitClock
      pairings(open: true, first: 50) {
        totalCount
        edges {
          node {
            id
            householdNumber
            startDate
            viewerCanRecordVisit
            household {
              id
              head {
                name
              }
              village {
                name
              }
            }
          }
        }
      }
      visitCompliance(onlyShort: false, first: 50) {
        month
        shortCount
        items {
          householdId
          requiredVisits
          countedVisitDays
          outcome
        }
      }
    }
  `),
);

const RecordVisitMutation = graphql.persisted(
  'admin/AdminRecordVisit',
  graphql(
    `
    mutation AdminRecordVisit($input: RecordVisitInput!) {
      recordVisit(input: $input) {
        __typename
        ... on MutationRecordVisitSuccess {
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

type Mode = QueuedVisit['mode'];
interface Draft {
  pairingId: string;
  householdNumber: string;
  mode: Mode;
  notes: string;
  householdSigned: boolean;
  helperSigned: boolean;
  villageSigned: boolean;
}

/**
 * 我的帮扶户, for a helper's phone: the households paired with them, this month's visits against the
 * requirement, and a visit recorded in three taps (household, mode, save). A visit is kept on the device
 * and sent when there is a network, exactly once (its idempotency key), with the pending count shown.
 */
export function MyHouseholdsPage() {
  const words = useWords(myWords);
  const { locale } = useLocale();
  const client = useClient();
  const user = readFragment(AppShell_user, useViewer().user);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MyHouseholdsQuery });
  const [draft, setDraft] = useState<Draft | null>(null);
  const skew = useRef(0);
  if (data?.visitClock && skew.current === 0) skew.current = Date.parse(data.visitClock) - Date.now();
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const send = useCallback(
    async (visit: QueuedVisit): Promise<SendOutcome> => {
      const { key, householdNumber: _number, refusal: _refusal, ...fields } = visit;
      const result = await client
        .mutation(
          RecordVisitMutation,
          { input: { ...fields, idempotencyKey: key } },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      const outcome = result.data?.recordVisit;
      if (result.error || !outcome) return { kind: 'offline' };
      if (outcome.__typename === 'MutationRecordVisitSuccess') return { kind: 'stored' };
      return { kind: 'refused', message: describeFailure(outcome, locale) };
    },
    [client, locale],
  );
  const queue = useVisitQueue(user.username, send, refresh);
  const compliance = useMemo(
    () => new Map((data?.visitCompliance.items ?? []).map((item) => [item.householdId, item])),
    [data],
  );
  const pairings = (data?.pairings.edges ?? []).map((edge) => edge.node);
  const pendingFor = (pairingId: string) =>
    queue.queue.filter((v) => v.pairingId === pairingId && !v.refusal).length;

  function save() {
    if (!draft) return;
    queue.add({
      key: newVisitKey(),
      occurredAt: new Date(Date.now() + skew.current).toISOString(),
      ...draft,
    });
    setDraft(null);
  }

  return (
    <div className="gj-my" style={{ maxWidth: 480, margin: '0 auto' }}>
      <Card
        size="small"
        title={words.title}
        extra={
          <Space size="small">
            <Tag color={queue.online ? 'green' : 'orange'} data-testid="network-state">
              {queue.online ? words.online : words.offline}
            </Tag>
            <Badge count={queue.pending} showZero color={queue.pending > 0 ? 'orange' : 'green'}>
              <Tag data-testid="pending-count" data-pending={queue.pending}>
                {words.pending} {queue.pending}
              </Tag>
            </Badge>
          </Space>
        }
      >
        {error && !data && <QueryErrorAlert error={error} onRetry={refresh} />}
        {queue.queue.length > 0 && (
          <List
            size="small"
            data-testid="visit-queue"
            header={
              <Space>
                <Typography.Text strong>{words.queueTitle}</Typography.Text>
                <Button size="small" loading={queue.syncing} onClick={() => void queue.sync()}>
                  {words.syncNow}
                </Button>
              </Space>
            }
            dataSource={queue.queue}
            renderItem={(visit) => (
              <List.Item
                actions={
                  visit.refusal
                    ? [
                        <Button
                          key="discard"
                          size="small"
                          type="link"
                          onClick={() => queue.discard(visit.key)}
                        >
                          {words.discard}
                        </Button>,
                      ]
                    : []
                }
              >
                <Space direction="vertical" size={0}>
                  <span>
                    {visit.householdNumber} · {formatInstant(visit.occurredAt, locale)}
                  </span>
                  {visit.refusal ? (
                    <Typography.Text type="danger">{visit.refusal}</Typography.Text>
                  ) : (
                    <Typography.Text type="secondary">{words.waiting}</Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
        )}
        {draft ? (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="visit-form">
            <Typography.Text strong>
              {words.recordFor} {draft.householdNumber}
            </Typography.Text>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              size="large"
              value={draft.mode}
              onChange={(e) => setDraft({ ...draft, mode: e.target.value as Mode })}
              options={enumOptions('VisitMode', locale)}
            />
            <Input.TextArea
              rows={3}
              maxLength={1000}
              placeholder={words.notes}
              value={draft.notes}
              onChange={(e) => setDraft({ ...draft, notes: e.target.value })}
            />
            <Checkbox
              checked={draft.householdSigned}
              onChange={(e) => setDraft({ ...draft, householdSigned: e.target.checked })}
            >
              {words.householdSigned}
            </Checkbox>
            <Checkbox
              checked={draft.helperSigned}
              onChange={(e) => setDraft({ ...draft, helperSigned: e.target.checked })}
            >
              {words.helperSigned}
            </Checkbox>
            <Checkbox
              checked={draft.villageSigned}
              onChange={(e) => setDraft({ ...draft, villageSigned: e.target.checked })}
            >
              {words.villageSigned}
            </Checkbox>
            <Space style={{ width: '100%' }}>
              <Button size="large" onClick={() => setDraft(null)}>
                {words.cancel}
              </Button>
              <Button size="large" type="primary" onClick={save} data-testid="save-visit">
                {words.save}
              </Button>
            </Space>
          </Space>
        ) : (
          <List
            data-testid="my-households"
            loading={fetching && !data}
            locale={{ emptyText: <Empty description={words.none} /> }}
            dataSource={pairings}
            renderItem={(p) => {
              const month = compliance.get(p.household.id);
              const pending = pendingFor(p.id);
              const due = month?.outcome === 'NON_COMPLIANT';
              return (
                <List.Item data-testid="my-household" data-household={p.householdNumber}>
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <List.Item.Meta
                      title={`${p.household.head?.name ?? p.householdNumber}（${p.household.village.name}）`}
                      description={
                        <Space size={4} wrap>
                          <span>{p.householdNumber}</span>
                          {month && (
                            <Tag color={due ? 'red' : 'green'} data-testid="visits-this-month">
                              {words.thisMonth} {month.countedVisitDays}/{month.requiredVisits}
                            </Tag>
                          )}
                          {due && <Tag color="red">{words.due}</Tag>}
                          {pending > 0 && (
                            <Tag color="orange">
                              {words.pending} {pending}
                            </Tag>
                          )}
                        </Space>
                      }
                    />
                    {p.viewerCanRecordVisit && (
                      <Button
                        block
                        type="primary"
                        size="large"
                        onClick={() =>
                          setDraft({
                            pairingId: p.id,
                            householdNumber: p.householdNumber,
                            mode: 'IN_PERSON',
                            notes: '',
                            householdSigned: true,
                            helperSigned: true,
                            villageSigned: false,
                          })
                        }
                      >
                        {words.record}
                      </Button>
                    )}
                  </Space>
                </List.Item>
              );
            }}
          />
        )}
      </Card>
    </div>
  );
}
