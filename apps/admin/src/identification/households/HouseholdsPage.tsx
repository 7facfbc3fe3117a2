import { type EnumValue, graphql } from '@gongjian/schema';
import { enumOptions, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { Can } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { householdFormWords } from './formWords.ts';
import { HouseholdDrawer } from './HouseholdDrawer.tsx';
import { CreateHouseholdDrawer } from './HouseholdFormDrawer.tsx';
import { HouseholdsTable, HouseholdsTable_household } from './HouseholdsTable.tsx';
import { householdWords } from './words.ts';

const HouseholdsQuery = graphql.persisted(
  'admin/AdminHouseholds',
  graphql(
    `
    query AdminHouseholds(
      $search: String
      $regionId: ID
      $status: [HouseholdStatus!]
      $attribute: HouseholdAttribute
      $mainCause: PovertyCause
      $monitored: Boolean
      $first: Int!
      $after: String
    ) {
      households(
        search: $search
        regionId: $regionId
        status: $status
        attribute: $attribute
        mainCause: $mainCause
        monitored: $monitored
        first: $first
        after: $after
      ) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...HouseholdsTable_household
          }
        }
      }
    }
  `,
    [HouseholdsTable_household],
  ),
);

export interface HouseholdFilter {
  search: string;
  regionId: string | null;
  status: EnumValue<'HouseholdStatus'>[];
  attribute: EnumValue<'HouseholdAttribute'> | null;
  mainCause: EnumValue<'PovertyCause'> | null;
  monitored: boolean | null;
}

/** The export route takes the list's filter as query parameters and masks personal data itself. */
export function exportUrl(filter: HouseholdFilter): string {
  const params = new URLSearchParams();
  if (filter.search) params.set('search', filter.search);
  if (filter.regionId) params.set('regionId', filter.regionId);
  if (filter.status.length > 0) params.set('status', filter.status.join(','));
  if (filter.attribute) params.set('attribute', filter.attribute);
  if (filter.mainCause) params.set('mainCause', filter.mainCause);
  if (filter.monitored !== null) params.set('monitored', String(filter.monitored));
  const query = params.toString();
  return `/identification/households/export${query ? `?${query}` : ''}`;
}

export interface HouseholdsPageProps {
  onImport: () => void;
}

const route = getRouteApi('/identification/households');

function filterOf(url: {
  search?: string;
  region?: string[];
  status?: EnumValue<'HouseholdStatus'>[];
  attribute?: EnumValue<'HouseholdAttribute'>;
  cause?: EnumValue<'PovertyCause'>;
  monitored?: boolean;
}): HouseholdFilter {
  return {
    search: url.search ?? '',
    regionId: regionIdOf(url.region),
    status: url.status ?? [],
    attribute: url.attribute ?? null,
    mainCause: url.cause ?? null,
    monitored: url.monitored ?? null,
  };
}

export function HouseholdsPage({ onImport }: HouseholdsPageProps) {
  const words = useWords(householdWords);
  const pageWords = useWords(adminWords);
  const formWords = useWords(householdFormWords);
  const { locale } = useLocale();
  const [creating, setCreating] = useState(false);
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => {
    const filter = filterOf(url);
    return {
      query: HouseholdsQuery,
      variables: {
        ...filter,
        search: filter.search || null,
        status: filter.status.length > 0 ? filter.status : null,
        first: paging.first,
        after: paging.after,
      },
    };
  });
  const { change } = page;
  const filter = filterOf(page.url);
  const openId = page.url.household ?? null;
  const setOpenId = (household: string | null) => page.update({ household: household ?? undefined });
  const connection = page.data?.households;

  return (
    <ListPage
      title={pageWords.pageHouseholds}
      extra={
        <Space>
          <Button href={exportUrl(filter)} download data-testid="export-households">
            {words.exportExcel}
          </Button>
          <Can permission="HOUSEHOLD_IMPORT">
            <Button onClick={onImport}>{words.importExcel}</Button>
          </Can>
          <Can permission="HOUSEHOLD_WRITE">
            <Button type="primary" onClick={() => setCreating(true)} data-testid="create-household">
              {formWords.createHousehold}
            </Button>
          </Can>
        </Space>
      }
      page={page}
      filters={[
        { search: 'search', placeholder: words.searchHouseholds, width: 280 },
        { region: 'region', id: 'households-region-filter' },
        <Select
          key="status"
          mode="multiple"
          allowClear
          placeholder={words.filterStatus}
          style={{ minWidth: 180 }}
          value={filter.status}
          onChange={(status) => change({ status: status.length > 0 ? status : undefined })}
          options={enumOptions('HouseholdStatus', locale)}
        />,
        { choose: 'HouseholdAttribute', param: 'attribute', placeholder: words.filterAttribute, width: 160 },
        { choose: 'PovertyCause', param: 'cause', placeholder: words.filterCause, width: 150 },
        <Select
          key="monitored"
          allowClear
          placeholder={words.filterMonitored}
          style={{ width: 130 }}
          value={filter.monitored === null ? undefined : String(filter.monitored)}
          onChange={(value) => change({ monitored: value === undefined ? undefined : value === 'true' })}
          options={[
            { value: 'true', label: words.monitoredOnly },
            { value: 'false', label: words.notMonitored },
          ]}
        />,
      ]}
      connection={connection}
      table={
        <HouseholdsTable
          households={connection?.edges.map((edge) => edge.node) ?? []}
          loading={page.fetching}
          onOpen={setOpenId}
        />
      }
    >
      {creating && (
        <CreateHouseholdDrawer
          onClose={(createdId) => {
            setCreating(false);
            if (!createdId) return;
            page.refresh();
            setOpenId(createdId);
          }}
        />
      )}
      {openId && (
        <HouseholdDrawer
          householdId={openId}
          onClose={() => {
            setOpenId(null);
            page.refresh();
          }}
        />
      )}
    </ListPage>
  );
}
