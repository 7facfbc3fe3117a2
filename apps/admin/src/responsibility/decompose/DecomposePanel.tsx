import { graphql } from '@gongjian/schema';
import { fill, useWords } from '@gongjian/ui';
import { Alert, App, Button, Descriptions, Empty, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { PersonSelect, UnitInRegionSelect } from '../../shared/pickers.tsx';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { useLevels } from '../levels.ts';
import { taskWords } from '../words.ts';

const ParentQuery = graphql.persisted(
  'admin/AdminDecomposeParent',
  graphql(`
  query AdminDecomposeParent($id: ID!) {
    node(id: $id) {
      __typename
      ... on Task {
        id
        title
        level
        deadline
        recordedStatus
        responsibleUnitName
        responsiblePersonName
        region {
          id
          name
          level
        }
      }
    }
  }
`),
);

const ChildRegionsQuery = graphql.persisted(
  'admin/AdminDecomposeRegions',
  graphql(`
  query AdminDecomposeRegions($parentId: ID!) {
    regions(parentId: $parentId, first: 100) {
      edges {
        node {
          id
          name
          level
        }
      }
    }
  }
`),
);

const DefaultUnitsQuery = graphql.persisted(
  'admin/AdminDecomposeDefaultUnits',
  graphql(`
  query AdminDecomposeDefaultUnits($regionId: ID!, $kind: UnitKind!) {
    units(regionId: $regionId, kind: $kind, first: 100) {
      edges {
        node {
          id
          region {
            id
          }
          cadres(first: 1) {
            edges {
              node {
                id
              }
            }
          }
        }
      }
    }
  }
`),
);

const DecomposeMutation = graphql.persisted(
  'admin/AdminDecomposeTask',
  graphql(
    `
  mutation AdminDecomposeTask($input: DecomposeTaskInput!) {
    decomposeTask(input: $input) {
      __typename
      ... on MutationDecomposeTaskSuccess {
        data {
          id
          childCount
          progress
        }
      }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

interface ChildRow {
  key: string;
  regionId: string;
  regionName: string;
  title: string;
  unitId: string | null;
  personId: string | null;
  deadline: string;
}

/** One screen: the parent, its child rows (one per region or unit), each with unit, person and deadline; one submit. */
export function DecomposePanel({ parentId, onDone }: { parentId: string; onDone?: () => void }) {
  const words = useWords(taskWords);
  const { message } = App.useApp();
  const levels = useLevels();
  const [{ data: parentData }] = useQuery({ query: ParentQuery, variables: { id: parentId } });
  const parent = parentData?.node?.__typename === 'Task' ? parentData.node : null;
  const [childLevel, setChildLevel] = useState<string | null>(null);
  const [rows, setRows] = useState<ChildRow[]>([]);
  const { failure, setFailure, settle } = useMutationForm();
  const [{ fetching }, decompose] = useMutation(DecomposeMutation);
  const [{ data: regionData }] = useQuery({
    query: ChildRegionsQuery,
    variables: { parentId: parent?.region.id ?? '' },
    pause: !parent,
  });
  const childRegions = useMemo(() => regionData?.regions.edges.map((edge) => edge.node) ?? [], [regionData]);
  const defaultKind = childRegions[0]?.level === 'VILLAGE' ? 'VILLAGE_COMMITTEE' : 'WORK_STATION';
  const [{ data: unitData }] = useQuery({
    query: DefaultUnitsQuery,
    variables: { regionId: parent?.region.id ?? '', kind: defaultKind },
    pause: !parent || childRegions.length === 0,
  });

  useEffect(() => {
    if (parent && childLevel === null) setChildLevel(levels.below(parent.level));
  }, [parent, childLevel, levels]);

  // Regions chosen before the default units arrived get them as soon as they do.
  useEffect(() => {
    const edges = unitData?.units.edges ?? [];
    if (edges.length === 0) return;
    setRows((current) =>
      current.map((row) => {
        const unit = row.unitId ? null : edges.find((edge) => edge.node.region.id === row.regionId)?.node;
        return unit ? { ...row, unitId: unit.id, personId: unit.cadres.edges[0]?.node.id ?? null } : row;
      }),
    );
  }, [unitData]);

  if (!parent) return <Empty description={words.pickParent} />;
  const lastLevel = levels.below(parent.level) === null;

  const rowFor = (regionId: string, regionName: string, index: number): ChildRow => {
    const unit = unitData?.units.edges.find((edge) => edge.node.region.id === regionId)?.node;
    return {
      key: `${regionId}-${index}`,
      regionId,
      regionName,
      title: `${regionName}:${parent.title}`,
      unitId: unit?.id ?? null,
      personId: unit?.cadres.edges[0]?.node.id ?? null,
      deadline: parent.deadline,
    };
  };

  const chooseRegions = (regionIds: string[]) => {
    setRows((current) => {
      const kept = current.filter(
        (row) => row.regionId === parent.region.id || regionIds.includes(row.regionId),
      );
      const added = regionIds
        .filter((id) => !kept.some((row) => row.regionId === id))
        .map((id, index) =>
          rowFor(id, childRegions.find((r) => r.id === id)?.name ?? '', kept.length + index),
        );
      return [...kept, ...added];
    });
  };
  const update = (key: string, patch: Partial<ChildRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  async function submit() {
    setFailure(null);
    const result = await decompose({
      input: {
        parentId: parent!.id,
        children: rows.map((row) => ({
          title: row.title.trim() || null,
          level: childLevel,
          regionId: row.regionId,
          responsibleUnitId: row.unitId,
          responsiblePersonId: row.personId,
          deadline: row.deadline || null,
        })),
      },
    });
    if (!settle(result, result.data?.decomposeTask)) return;
    message.success(fill(words.decomposed, { count: rows.length }));
    setRows([]);
    onDone?.();
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="decompose-panel">
      <Descriptions size="small" bordered column={2} title={words.parentTask}>
        <Descriptions.Item label={words.fieldTitle} span={2}>
          {parent.title}
        </Descriptions.Item>
        <Descriptions.Item label={words.fieldLevel}>{levels.label(parent.level)}</Descriptions.Item>
        <Descriptions.Item label={words.fieldDeadline}>{parent.deadline}</Descriptions.Item>
        <Descriptions.Item label={words.fieldRegion}>{parent.region.name}</Descriptions.Item>
        <Descriptions.Item label={words.columnResponsible}>
          {parent.responsibleUnitName} · {parent.responsiblePersonName}
        </Descriptions.Item>
      </Descriptions>
      {lastLevel ? (
        <Alert type="info" message={words.lastLevel} />
      ) : (
        <>
          <Form layout="inline">
            <Form.Item label={words.childLevel}>
              <Select
                style={{ width: 200 }}
                value={childLevel}
                onChange={setChildLevel}
                options={levels.options}
              />
            </Form.Item>
            <Form.Item label={words.childRegions} style={{ flex: 1 }}>
              <Select
                id="decompose-regions"
                mode="multiple"
                allowClear
                placeholder={words.childRegionsHint}
                style={{ minWidth: 360 }}
                value={rows.filter((row) => row.regionId !== parent.region.id).map((row) => row.regionId)}
                onChange={chooseRegions}
                options={childRegions.map((region) => ({ value: region.id, label: region.name }))}
                optionFilterProp="label"
              />
            </Form.Item>
            <Button onClick={() => chooseRegions(childRegions.map((r) => r.id))}>{words.allRegions}</Button>
            <Button
              onClick={() =>
                setRows((current) => [
                  ...current,
                  rowFor(parent.region.id, parent.region.name, current.length),
                ])
              }
            >
              {words.addRow}
              {words.sameAsParent}
            </Button>
          </Form>
          {failure && <Alert type="error" showIcon message={failure} data-testid="decompose-error" />}
          <Table<ChildRow>
            data-testid="decompose-rows"
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={rows}
            locale={{ emptyText: <Empty description={words.noChildren} /> }}
            columns={[
              { title: words.fieldRegion, dataIndex: 'regionName', key: 'region', width: 120 },
              {
                title: words.fieldTitle,
                key: 'title',
                render: (_, row) => (
                  <Input
                    value={row.title}
                    maxLength={200}
                    onChange={(e) => update(row.key, { title: e.target.value })}
                  />
                ),
              },
              {
                title: words.fieldUnit,
                key: 'unit',
                width: 220,
                render: (_, row) => (
                  <UnitInRegionSelect
                    regionId={row.regionId}
                    value={row.unitId}
                    onChange={(unitId) => update(row.key, { unitId, personId: null })}
                    style={{ width: '100%' }}
                  />
                ),
              },
              {
                title: words.fieldPerson,
                key: 'person',
                width: 180,
                render: (_, row) => (
                  <PersonSelect
                    unitId={row.unitId}
                    value={row.personId}
                    onChange={(personId) => update(row.key, { personId })}
                    style={{ width: '100%' }}
                  />
                ),
              },
              {
                title: words.fieldDeadline,
                key: 'deadline',
                width: 160,
                render: (_, row) => (
                  <DateInput value={row.deadline} onChange={(deadline) => update(row.key, { deadline })} />
                ),
              },
              {
                title: '',
                key: 'remove',
                width: 70,
                render: (_, row) => (
                  <Button
                    type="link"
                    danger
                    size="small"
                    onClick={() => setRows((c) => c.filter((r) => r.key !== row.key))}
                  >
                    {words.remove}
                  </Button>
                ),
              },
            ]}
          />
          <Typography.Text type="secondary">
            {words.fieldDeadline} ≤ {parent.deadline}
          </Typography.Text>
          <Button type="primary" disabled={rows.length === 0} loading={fetching} onClick={submit}>
            {words.decomposeSubmit}
          </Button>
        </>
      )}
    </Space>
  );
}
