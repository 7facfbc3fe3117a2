import { type EnumValue, graphql } from '@gongjian/schema';
import { enumLabel, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Tag } from 'antd';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { adminWords } from '../../words.ts';
import { RecordSectorDataDrawer } from './RecordSectorDataDrawer.tsx';
import { sectorRecordWords } from './words.ts';

const SectorRecordsQuery = graphql.persisted(
  'admin/AdminSectorRecords',
  graphql(`
    query AdminSectorRecords($kind: SectorRecordKind, $regionId: ID, $search: String, $first: Int!, $after: String) {
      sectorRecords(kind: $kind, regionId: $regionId, search: $search, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            kind
            idNumber
            source
            recordedOn
            vehicle {
              vehicleKind
              purchasePriceYuan
              productive
            }
            townProperty {
              propertyKind
            }
            business {
              businessKind
              registered
              operating
            }
          }
        }
      }
    }
  `),
);

const route = getRouteApi('/identification/sector-records');

/** 部门比对数据: the sector facts the exclusion screening matches, by kind, region and household. */
export function SectorRecordsPage() {
  const words = useWords(sectorRecordWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: SectorRecordsQuery,
    variables: {
      kind: (url.kind as EnumValue<'SectorRecordKind'> | undefined) ?? null,
      regionId: regionIdOf(url.region),
      search: url.search || null,
      first: paging.first,
      after: paging.after,
    },
  }));
  const drawer = useCreateDrawer(page.refresh);
  type Row = NonNullable<typeof page.data>['sectorRecords']['edges'][number]['node'];
  const details = ({ vehicle, townProperty, business }: Row) => {
    const parts = vehicle
      ? [
          vehicle.vehicleKind && enumLabel('VehicleKind', vehicle.vehicleKind, locale),
          vehicle.purchasePriceYuan && `${vehicle.purchasePriceYuan} ${words.yuan}`,
          vehicle.productive ? words.productive : words.notProductive,
        ]
      : townProperty
        ? [townProperty.propertyKind && enumLabel('TownPropertyKind', townProperty.propertyKind, locale)]
        : business
          ? [
              business.businessKind && enumLabel('BusinessKind', business.businessKind, locale),
              business.registered ? words.registered : words.notRegistered,
              business.operating ? words.operating : words.notOperating,
            ]
          : [];
    return parts.filter(Boolean).join(' · ') || '—';
  };
  return (
    <ListPage
      title={pageWords.pageSectorRecords}
      page={page}
      create={{ permission: 'EXCLUSION_DECIDE', text: words.record, onClick: drawer.open }}
      filters={[
        { search: 'search', placeholder: words.search, width: 260 },
        { choose: 'SectorRecordKind', param: 'kind', placeholder: words.filterKind, width: 190 },
        { region: 'region', id: 'sector-records-region-filter' },
      ]}
      connection={page.data?.sectorRecords}
      testId="sector-records-table"
      emptyText={words.noRecords}
      columns={[
        {
          title: words.columnKind,
          key: 'kind',
          width: 170,
          render: (_, r) => <Tag>{enumLabel('SectorRecordKind', r.kind, locale)}</Tag>,
        },
        { title: words.columnIdNumber, dataIndex: 'idNumber', key: 'idNumber', width: 190 },
        { title: words.columnDetails, key: 'details', render: (_, r) => details(r) },
        { title: words.columnSource, dataIndex: 'source', key: 'source' },
        { title: words.columnRecordedOn, dataIndex: 'recordedOn', key: 'recordedOn', width: 110 },
      ]}
    >
      {drawer.creating && <RecordSectorDataDrawer onClose={drawer.close} />}
    </ListPage>
  );
}
