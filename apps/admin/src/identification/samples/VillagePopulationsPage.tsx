import { graphql } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, InputNumber } from 'antd';
import { useState } from 'react';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { adminWords } from '../../words.ts';
import { type PopulationRow, SetVillagePopulationDrawer } from './SetVillagePopulationDrawer.tsx';
import { sampleWords } from './words.ts';

const VillagePopulationsQuery = graphql.persisted(
  'admin/AdminVillagePopulations',
  graphql(`
    query AdminVillagePopulations($year: Int, $regionId: ID, $first: Int!, $after: String) {
      villagePopulations(year: $year, regionId: $regionId, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            year
            ruralPopulation
            ruralHouseholds
            viewerCanEdit
            village {
              id
              name
              parent {
                id
                name
              }
            }
          }
        }
      }
    }
  `),
);

const route = getRouteApi('/identification/village-populations');

/** 村人口: each village's rural population per year, the denominator of the incidence. */
export function VillagePopulationsPage() {
  const words = useWords(sampleWords);
  const pageWords = useWords(adminWords);
  /** The drawer: a new record (null row) or the row being changed. */
  const [open, setOpen] = useState<{ row: PopulationRow | null } | null>(null);
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: VillagePopulationsQuery,
    variables: {
      year: url.year ?? null,
      regionId: regionIdOf(url.region),
      first: paging.first,
      after: paging.after,
    },
  }));
  return (
    <ListPage
      title={pageWords.pageVillagePopulations}
      page={page}
      create={{
        permission: 'VERIFICATION_WRITE',
        text: words.recordPopulation,
        onClick: () => setOpen({ row: null }),
      }}
      filters={[
        <InputNumber
          key="year"
          placeholder={words.filterYear}
          min={2014}
          max={2100}
          precision={0}
          style={{ width: 110 }}
          value={page.url.year ?? null}
          onChange={(year) => page.change({ year: year ?? undefined })}
        />,
        { region: 'region', id: 'village-populations-region-filter' },
      ]}
      connection={page.data?.villagePopulations}
      testId="village-populations-table"
      emptyText={words.noPopulations}
      columns={[
        {
          title: words.columnVillage,
          key: 'village',
          render: (_, v) => `${v.village.parent?.name ?? ''} · ${v.village.name}`,
        },
        { title: words.columnYear, dataIndex: 'year', key: 'year', width: 90 },
        { title: words.columnPopulation, dataIndex: 'ruralPopulation', key: 'population', width: 140 },
        { title: words.columnHouseholds, dataIndex: 'ruralHouseholds', key: 'households', width: 140 },
        {
          key: 'actions',
          width: 90,
          render: (_, v) =>
            v.viewerCanEdit && (
              <Button size="small" onClick={() => setOpen({ row: v })}>
                {words.editPopulation}
              </Button>
            ),
        },
      ]}
    >
      {open && (
        <SetVillagePopulationDrawer
          row={open.row}
          onClose={(saved) => {
            setOpen(null);
            if (saved) page.refresh();
          }}
        />
      )}
    </ListPage>
  );
}
