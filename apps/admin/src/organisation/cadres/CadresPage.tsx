import { type FragmentOf, graphql } from '@gongjian/schema';
import { QueryErrorAlert, RegionPicker, type RegionPicker_region, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Card, Input } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { UnitSelect, UnitSelect_unit } from '../../shared/UnitSelect.tsx';
import { ConnectionPager, useUrlList } from '../../shared/usePagedFilters.tsx';
import { useCan } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { CadreFormDrawer, CadreFormDrawer_cadre } from './CadreFormDrawer.tsx';
import { CadresTable, CadresTable_cadre } from './CadresTable.tsx';
import { RevealPhoneModal } from './RevealPhoneModal.tsx';

const CadresQuery = graphql.persisted(
  'admin/AdminCadres',
  graphql(
    `
    query AdminCadres($unitId: ID, $regionId: ID, $search: String, $first: Int!, $after: String) {
      cadres(unitId: $unitId, regionId: $regionId, search: $search, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...CadresTable_cadre
            ...CadreFormDrawer_cadre
          }
        }
      }
    }
  `,
    [CadresTable_cadre, CadreFormDrawer_cadre],
  ),
);

const FilterUnitQuery = graphql.persisted(
  'admin/AdminCadresFilterUnit',
  graphql(
    `
    query AdminCadresFilterUnit($id: ID!) {
      node(id: $id) {
        __typename
        ... on Unit {
          ...UnitSelect_unit
        }
      }
    }
  `,
    [UnitSelect_unit],
  ),
);

type Editing = { mode: 'create' } | { mode: 'edit'; cadreId: string } | null;

export interface CadresPageProps {
  jurisdiction: FragmentOf<typeof RegionPicker_region>;
  mayUnmask: boolean;
}

const route = getRouteApi('/organisation/cadres');

export function CadresPage({ jurisdiction, mayUnmask }: CadresPageProps) {
  const words = useWords(adminWords);
  const mayWrite = useCan('ORGANISATION_WRITE');
  const url = route.useSearch();
  const { paging, change } = useUrlList(url, route.useNavigate());
  const unitId = url.unit ?? null;
  const search = url.search ?? '';
  const regionPath = url.region ?? [];
  const [editing, setEditing] = useState<Editing>(null);
  const [revealing, setRevealing] = useState<{ id: string; name: string } | null>(null);
  const [revealedPhones, setRevealedPhones] = useState<ReadonlyMap<string, string>>(new Map());
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CadresQuery,
    variables: {
      unitId,
      regionId: regionPath[regionPath.length - 1] ?? null,
      search: search || null,
      first: paging.first,
      after: paging.after,
    },
  });
  const [filterUnitResult] = useQuery({
    query: FilterUnitQuery,
    variables: { id: unitId ?? '' },
    pause: !unitId,
  });
  const filterNode = filterUnitResult.data?.node;
  const filterUnit = unitId && filterNode?.__typename === 'Unit' ? filterNode : null;
  const connection = data?.cadres;
  const nodes = connection?.edges.map((edge) => edge.node) ?? [];
  const editedCadre =
    editing?.mode === 'edit' ? nodes.find((node) => node.id === editing.cadreId) : undefined;

  return (
    <Card title={words.pageCadres}>
      <div className="gj-page-toolbar">
        <Input.Search
          allowClear
          placeholder={words.searchCadres}
          style={{ width: 240 }}
          defaultValue={url.search}
          onSearch={(value) => change({ search: value.trim() || undefined })}
        />
        <UnitSelect
          allowClear
          placeholder={words.filterUnit}
          style={{ width: 280 }}
          value={unitId}
          selectedUnit={filterUnit}
          onChange={(next) => change({ unit: next ?? undefined })}
        />
        <RegionPicker
          root={jurisdiction}
          value={regionPath}
          onChange={(path) => change({ region: path.length > 0 ? path : undefined })}
        />
        <div style={{ flex: 1 }} />
        {mayWrite && (
          <Button type="primary" onClick={() => setEditing({ mode: 'create' })}>
            {words.createCadre}
          </Button>
        )}
      </div>
      {error && (
        <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      <CadresTable
        cadres={nodes}
        loading={fetching}
        mayUnmask={mayUnmask}
        revealedPhones={revealedPhones}
        onEdit={mayWrite ? (cadreId) => setEditing({ mode: 'edit', cadreId }) : undefined}
        onRevealPhone={setRevealing}
      />
      <ConnectionPager paging={paging} connection={connection} fetching={fetching} />
      {editing && (editing.mode === 'create' || editedCadre) && (
        <CadreFormDrawer
          key={editing.mode === 'edit' ? editing.cadreId : 'new'}
          cadre={editedCadre ?? null}
          defaultUnit={filterUnit}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reexecute({ requestPolicy: 'network-only' });
          }}
        />
      )}
      {revealing && (
        <RevealPhoneModal
          cadre={revealing}
          onClose={() => setRevealing(null)}
          onRevealed={(phone) => setRevealedPhones((known) => new Map(known).set(revealing.id, phone))}
        />
      )}
    </Card>
  );
}
