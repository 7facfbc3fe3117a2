import { type EnumValue, type FragmentOf, graphql } from '@gongjian/schema';
import { enumOptions, type RegionPicker_region, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Select, Space } from 'antd';
import { EnumFilter, ListPage, RegionFilter, SearchFilter, useListQuery } from '../../shared/ListPage.tsx';
import { useUrlPaging } from '../../shared/usePagedFilters.tsx';
import { Can } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { HouseholdDrawer } from './HouseholdDrawer.tsx';
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
  jurisdiction: FragmentOf<typeof RegionPicker_region>;
  onImport: () => void;
}

const route = getRouteApi('/identification/households');

export function HouseholdsPage({ jurisdiction, onImport }: HouseholdsPageProps) {
  const words = useWords(householdWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  type Search = typeof search;
  const update = (next: Partial<Search>, replace = false) =>
    navigate({ search: (current: Search) => ({ ...current, ...next }), replace });
  const paging = useUrlPaging(search, (next) => update(next));
  const regionPath = search.region ?? [];
  const filter: HouseholdFilter = {
    search: search.search ?? '',
    regionId: regionPath[regionPath.length - 1] ?? null,
    status: search.status ?? [],
    attribute: search.attribute ?? null,
    mainCause: search.cause ?? null,
    monitored: search.monitored ?? null,
  };
  const openId = search.household ?? null;
  const setOpenId = (household: string | null) => update({ household: household ?? undefined });
  const list = useListQuery({
    query: HouseholdsQuery,
    variables: {
      search: filter.search || null,
      regionId: filter.regionId,
      status: filter.status.length > 0 ? filter.status : null,
      attribute: filter.attribute,
      mainCause: filter.mainCause,
      monitored: filter.monitored,
      first: paging.first,
      after: paging.after,
    },
  });
  const change = (next: Partial<Omit<Search, 'cursors' | 'size' | 'household'>>) =>
    update({ ...next, cursors: undefined });
  const connection = list.data?.households;

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
        </Space>
      }
      filters={
        <>
          <SearchFilter
            placeholder={words.searchHouseholds}
            width={280}
            initial={search.search}
            onSearch={(value) => change({ search: value })}
          />
          <RegionFilter
            id="households-region-filter"
            jurisdiction={jurisdiction}
            value={regionPath}
            onChange={(region) => change({ region })}
          />
          <Select
            mode="multiple"
            allowClear
            placeholder={words.filterStatus}
            style={{ minWidth: 180 }}
            value={filter.status}
            onChange={(status) => change({ status: status.length > 0 ? status : undefined })}
            options={enumOptions('HouseholdStatus', locale)}
          />
          <EnumFilter
            name="HouseholdAttribute"
            placeholder={words.filterAttribute}
            width={160}
            value={filter.attribute}
            onChange={(attribute) => change({ attribute })}
          />
          <EnumFilter
            name="PovertyCause"
            placeholder={words.filterCause}
            width={150}
            value={filter.mainCause}
            onChange={(cause) => change({ cause })}
          />
          <Select
            allowClear
            placeholder={words.filterMonitored}
            style={{ width: 130 }}
            value={filter.monitored === null ? undefined : String(filter.monitored)}
            onChange={(value) => change({ monitored: value === undefined ? undefined : value === 'true' })}
            options={[
              { value: 'true', label: words.monitoredOnly },
              { value: 'false', label: words.notMonitored },
            ]}
          />
        </>
      }
      list={list}
      connection={connection}
      paging={paging}
      table={
        <HouseholdsTable
          households={connection?.edges.map((edge) => edge.node) ?? []}
          loading={list.fetching}
          onOpen={setOpenId}
        />
      }
    >
      {openId && (
        <HouseholdDrawer
          householdId={openId}
          onClose={() => {
            setOpenId(null);
            list.refresh();
          }}
        />
      )}
    </ListPage>
  );
}
