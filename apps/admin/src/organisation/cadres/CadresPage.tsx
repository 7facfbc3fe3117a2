import { graphql } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useEditing } from '../../shared/EditingFormDrawer.tsx';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { UnitSelect, UnitSelect_unit } from '../../shared/UnitSelect.tsx';
import { useCan } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { RegisterExportButton } from '../../work-advancement/ExportButton.tsx';
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
  mayUnmask: boolean;
}

const route = getRouteApi('/organisation/cadres');

export function CadresPage({ mayUnmask }: CadresPageProps) {
  const words = useWords(adminWords);
  const mayWrite = useCan('ORGANISATION_WRITE');
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: CadresQuery,
    variables: {
      unitId: url.unit ?? null,
      regionId: regionIdOf(url.region),
      search: url.search || null,
      first: paging.first,
      after: paging.after,
    },
  }));
  const unitId = page.url.unit ?? null;
  const [revealing, setRevealing] = useState<{ id: string; name: string } | null>(null);
  const [revealedPhones, setRevealedPhones] = useState<ReadonlyMap<string, string>>(new Map());
  const [filterUnitResult] = useQuery({
    query: FilterUnitQuery,
    variables: { id: unitId ?? '' },
    pause: !unitId,
  });
  const filterNode = filterUnitResult.data?.node;
  const filterUnit = unitId && filterNode?.__typename === 'Unit' ? filterNode : null;
  const connection = page.data?.cadres;
  const editing = useEditing(connection?.edges.map((edge) => edge.node) ?? []);

  return (
    <ListPage
      title={words.pageCadres}
      extra={
        <RegisterExportButton
          list="cadres"
          filters={{ unitId: page.url.unit, regionId: regionIdOf(page.url.region), search: page.url.search }}
        />
      }
      page={page}
      filters={[
        { search: 'search', placeholder: words.searchCadres, width: 240 },
        <UnitSelect
          key="unit"
          allowClear
          placeholder={words.filterUnit}
          style={{ width: 280 }}
          value={unitId}
          selectedUnit={filterUnit}
          onChange={(next) => page.change({ unit: next ?? undefined })}
        />,
        { region: 'region' },
      ]}
      create={{ permission: 'ORGANISATION_WRITE', text: words.createCadre, onClick: editing.create }}
      connection={connection}
      table={
        <CadresTable
          cadres={connection?.edges.map((edge) => edge.node) ?? []}
          loading={page.fetching}
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
            page.refresh();
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
