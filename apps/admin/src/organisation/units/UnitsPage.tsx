import { type FragmentOf, graphql } from '@gongjian/schema';
import { type RegionPicker_region, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { useEditing } from '../../shared/EditingFormDrawer.tsx';
import { EnumFilter, ListPage, RegionFilter, SearchFilter, useListQuery } from '../../shared/ListPage.tsx';
import { useUrlList } from '../../shared/usePagedFilters.tsx';
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

export interface UnitsPageProps {
  jurisdiction: FragmentOf<typeof RegionPicker_region>;
  onShowCadres: (unitId: string) => void;
}

const route = getRouteApi('/organisation/units');

export function UnitsPage({ jurisdiction, onShowCadres }: UnitsPageProps) {
  const words = useWords(adminWords);
  const mayWrite = useCan('ORGANISATION_WRITE');
  const search = route.useSearch();
  const { paging, change } = useUrlList(search, route.useNavigate());
  const regionPath = search.region ?? [];
  const kind = search.kind ?? null;
  const list = useListQuery({
    query: UnitsQuery,
    variables: {
      regionId: regionPath[regionPath.length - 1] ?? null,
      kind,
      search: search.search ?? null,
      first: paging.first,
      after: paging.after,
    },
  });
  const connection = list.data?.units;
  const editing = useEditing(connection?.edges.map((edge) => edge.node) ?? []);

  return (
    <ListPage
      title={words.pageUnits}
      filters={
        <>
          <SearchFilter
            placeholder={words.searchUnits}
            width={240}
            initial={search.search}
            onSearch={(value) => change({ search: value })}
          />
          <EnumFilter
            name="UnitKind"
            placeholder={words.filterKind}
            width={180}
            value={kind}
            onChange={(value) => change({ kind: value })}
          />
          <RegionFilter
            id="units-region-filter"
            jurisdiction={jurisdiction}
            value={regionPath}
            onChange={(region) => change({ region })}
          />
        </>
      }
      create={{ permission: 'ORGANISATION_WRITE', text: words.createUnit, onClick: editing.create }}
      list={list}
      connection={connection}
      paging={paging}
      table={
        <UnitsTable
          units={connection?.edges.map((edge) => edge.node) ?? []}
          loading={list.fetching}
          onEdit={mayWrite ? editing.edit : undefined}
          onShowCadres={onShowCadres}
        />
      }
    >
      {editing.open && (
        <UnitFormDrawer
          key={editing.key}
          unit={editing.edited}
          jurisdiction={jurisdiction}
          onClose={editing.close}
          onSaved={() => {
            editing.close();
            list.refresh();
          }}
        />
      )}
    </ListPage>
  );
}
