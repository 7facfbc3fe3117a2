import { type FragmentOf, graphql } from '@gongjian/schema';
import {
  enumOptions,
  QueryErrorAlert,
  RegionPicker,
  type RegionPicker_region,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Card, Input, Select } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ConnectionPager, useUrlList } from '../../shared/usePagedFilters.tsx';
import { useCan } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { UnitFormDrawer, UnitFormDrawer_unit } from './UnitFormDrawer.tsx';
import { UnitsTable, UnitsTable_unit } from './UnitsTable.tsx';

const UnitsQuery = graphql.persisted(
  'admin/AdminUnits',
  graphql(
    `
    query AdminUnits($regionId: ID, $kind: UnitKind, $search: String, $first: Int!, $after: String) {
      units(regionId: $regionId, kind: $kind, search: $search, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...UnitsTable_unit
            ...UnitFormDrawer_unit
          }
        }
      }
    }
  `,
    [UnitsTable_unit, UnitFormDrawer_unit],
  ),
);

type Editing = { mode: 'create' } | { mode: 'edit'; unitId: string } | null;

export interface UnitsPageProps {
  jurisdiction: FragmentOf<typeof RegionPicker_region>;
  onShowCadres: (unitId: string) => void;
}

const route = getRouteApi('/organisation/units');

export function UnitsPage({ jurisdiction, onShowCadres }: UnitsPageProps) {
  const words = useWords(adminWords);
  const mayWrite = useCan('ORGANISATION_WRITE');
  const { locale } = useLocale();
  const search = route.useSearch();
  const { paging, change } = useUrlList(search, route.useNavigate());
  const regionPath = search.region ?? [];
  const kind = search.kind ?? null;
  const [editing, setEditing] = useState<Editing>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: UnitsQuery,
    variables: {
      regionId: regionPath[regionPath.length - 1] ?? null,
      kind,
      search: search.search ?? null,
      first: paging.first,
      after: paging.after,
    },
  });
  const connection = data?.units;
  const nodes = connection?.edges.map((edge) => edge.node) ?? [];
  const editedUnit = editing?.mode === 'edit' ? nodes.find((node) => node.id === editing.unitId) : undefined;

  return (
    <Card title={words.pageUnits}>
      <div className="gj-page-toolbar">
        <Input.Search
          allowClear
          placeholder={words.searchUnits}
          style={{ width: 240 }}
          defaultValue={search.search}
          onSearch={(value) => change({ search: value.trim() || undefined })}
        />
        <Select
          allowClear
          placeholder={words.filterKind}
          style={{ width: 180 }}
          options={enumOptions('UnitKind', locale)}
          value={kind}
          onChange={(value) => change({ kind: value ?? undefined })}
        />
        <RegionPicker
          id="units-region-filter"
          root={jurisdiction}
          value={regionPath}
          onChange={(path) => change({ region: path.length > 0 ? path : undefined })}
        />
        <div style={{ flex: 1 }} />
        {mayWrite && (
          <Button type="primary" onClick={() => setEditing({ mode: 'create' })}>
            {words.createUnit}
          </Button>
        )}
      </div>
      {error && (
        <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      <UnitsTable
        units={nodes}
        loading={fetching}
        onEdit={mayWrite ? (unitId) => setEditing({ mode: 'edit', unitId }) : undefined}
        onShowCadres={onShowCadres}
      />
      <ConnectionPager paging={paging} connection={connection} fetching={fetching} />
      {editing && (editing.mode === 'create' || editedUnit) && (
        <UnitFormDrawer
          key={editing.mode === 'edit' ? editing.unitId : 'new'}
          unit={editedUnit ?? null}
          jurisdiction={jurisdiction}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reexecute({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Card>
  );
}
