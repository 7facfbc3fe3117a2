import { type FragmentOf, graphql } from '@gongjian/schema';
import { type RegionPicker_region, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useEditing } from '../../shared/EditingFormDrawer.tsx';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { useCan } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { RegisterExportButton } from '../../work-advancement/ExportButton.tsx';
import { type CreatedUnit, UnitFormDrawer, UnitFormDrawer_unit } from './UnitFormDrawer.tsx';
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
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: UnitsQuery,
    variables: {
      regionId: regionIdOf(url.region),
      kind: url.kind ?? null,
      search: url.search ?? null,
      first: paging.first,
      after: paging.after,
    },
  }));
  const connection = page.data?.units;
  // The unit created last stays first on the page it was created from, wherever the order puts it.
  const [created, setCreated] = useState<{ unit: CreatedUnit; url: typeof page.url } | null>(null);
  const pinned = created?.url === page.url ? created.unit : null;
  const listed = connection?.edges.map((edge) => edge.node) ?? [];
  const units = pinned ? [pinned, ...listed.filter((unit) => unit.id !== pinned.id)] : listed;
  const editing = useEditing(units);

  return (
    <ListPage
      title={words.pageUnits}
      extra={
        <RegisterExportButton
          list="units"
          filters={{ regionId: regionIdOf(page.url.region), kind: page.url.kind, search: page.url.search }}
        />
      }
      page={page}
      filters={[
        { search: 'search', placeholder: words.searchUnits, width: 240 },
        { choose: 'UnitKind', param: 'kind', placeholder: words.filterKind, width: 180 },
        { region: 'region', id: 'units-region-filter' },
      ]}
      create={{ permission: 'ORGANISATION_WRITE', text: words.createUnit, onClick: editing.create }}
      connection={connection}
      table={
        <UnitsTable
          units={units}
          highlightedId={pinned?.id}
          loading={page.fetching}
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
          onSaved={(unit) => {
            if (unit) setCreated({ unit, url: page.url });
            editing.close();
            page.refresh();
          }}
        />
      )}
    </ListPage>
  );
}
