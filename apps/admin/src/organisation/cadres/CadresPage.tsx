import { type FragmentOf, graphql } from '@gongjian/schema';
import { type RegionPicker_region, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useEditing } from '../../shared/EditingFormDrawer.tsx';
import { ListPage, RegionFilter, SearchFilter, useListQuery } from '../../shared/ListPage.tsx';
import { UnitSelect, UnitSelect_unit } from '../../shared/UnitSelect.tsx';
import { useUrlList } from '../../shared/usePagedFilters.tsx';
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
  const [revealing, setRevealing] = useState<{ id: string; name: string } | null>(null);
  const [revealedPhones, setRevealedPhones] = useState<ReadonlyMap<string, string>>(new Map());
  const list = useListQuery({
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
  const connection = list.data?.cadres;
  const editing = useEditing(connection?.edges.map((edge) => edge.node) ?? []);

  return (
    <ListPage
      title={words.pageCadres}
      filters={
        <>
          <SearchFilter
            placeholder={words.searchCadres}
            width={240}
            initial={url.search}
            onSearch={(value) => change({ search: value })}
          />
          <UnitSelect
            allowClear
            placeholder={words.filterUnit}
            style={{ width: 280 }}
            value={unitId}
            selectedUnit={filterUnit}
            onChange={(next) => change({ unit: next ?? undefined })}
          />
          <RegionFilter
            jurisdiction={jurisdiction}
            value={regionPath}
            onChange={(region) => change({ region })}
          />
        </>
      }
      create={{ permission: 'ORGANISATION_WRITE', text: words.createCadre, onClick: editing.create }}
      list={list}
      connection={connection}
      paging={paging}
      table={
        <CadresTable
          cadres={connection?.edges.map((edge) => edge.node) ?? []}
          loading={list.fetching}
          mayUnmask={mayUnmask}
          revealedPhones={revealedPhones}
          onEdit={mayWrite ? editing.edit : undefined}
          onRevealPhone={setRevealing}
        />
      }
    >
      {editing.open && (
        <CadreFormDrawer
          key={editing.key}
          cadre={editing.edited}
          defaultUnit={filterUnit}
          onClose={editing.close}
          onSaved={() => {
            editing.close();
            list.refresh();
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
    </ListPage>
  );
}
