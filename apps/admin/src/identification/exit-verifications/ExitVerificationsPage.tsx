import { type EnumValue, graphql } from '@gongjian/schema';
import { enumLabel, enumOptions, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { InputNumber, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { adminWords } from '../../words.ts';
import { HouseholdDrawer } from '../households/HouseholdDrawer.tsx';
import { RecordExitVerificationDrawer } from './RecordExitVerificationDrawer.tsx';
import { exitVerificationWords } from './words.ts';

const ExitVerificationsQuery = graphql.persisted(
  'admin/AdminExitVerifications',
  graphql(`
    query AdminExitVerifications(
      $search: String
      $year: Int
      $outcome: ExitVerificationOutcome
      $regionId: ID
      $first: Int!
      $after: String
    ) {
      exitVerifications(
        search: $search
        year: $year
        outcome: $outcome
        regionId: $regionId
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
            year
            verifiedOn
            procedureFollowed
            householdAgreed
            findings
            outcome
            household {
              id
              householdNumber
              head {
                id
                name
              }
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
    }
  `),
);

const route = getRouteApi('/identification/exit-verifications');

/** 退出核查: every verification of an exit in the jurisdiction, the evidence behind the wrong-exit rate. */
export function ExitVerificationsPage() {
  const words = useWords(exitVerificationWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const [recording, setRecording] = useState(false);
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: ExitVerificationsQuery,
    variables: {
      search: url.search || null,
      year: url.year ?? null,
      outcome: (url.outcome as EnumValue<'ExitVerificationOutcome'> | undefined) ?? null,
      regionId: regionIdOf(url.region),
      first: paging.first,
      after: paging.after,
    },
  }));
  const openHousehold = page.url.household ?? null;
  const yesNo = (value: boolean) => (
    <Tag color={value ? 'success' : 'error'}>{value ? words.yes : words.no}</Tag>
  );
  return (
    <ListPage
      title={pageWords.pageExitVerifications}
      page={page}
      create={{ permission: 'VERIFICATION_WRITE', text: words.record, onClick: () => setRecording(true) }}
      filters={[
        { search: 'search', placeholder: words.search, width: 260 },
        <InputNumber
          key="year"
          placeholder={words.filterYear}
          min={2014}
          max={2100}
          precision={0}
          style={{ width: 120 }}
          value={page.url.year ?? null}
          onChange={(year) => page.change({ year: year ?? undefined })}
        />,
        <Select
          key="outcome"
          allowClear
          placeholder={words.filterOutcome}
          style={{ width: 130 }}
          value={page.url.outcome}
          onChange={(outcome) => page.change({ outcome })}
          options={enumOptions('ExitVerificationOutcome', locale)}
        />,
        { region: 'region', id: 'exit-verifications-region-filter' },
      ]}
      connection={page.data?.exitVerifications}
      testId="exit-verifications-table"
      emptyText={words.noVerifications}
      columns={[
        {
          title: words.columnHousehold,
          key: 'household',
          render: (_, v) => (
            <Typography.Link onClick={() => page.update({ household: v.household.id })}>
              {v.household.head?.name ?? '—'} · {v.household.householdNumber}
            </Typography.Link>
          ),
        },
        {
          title: words.columnVillage,
          key: 'village',
          render: (_, v) => `${v.household.village.parent?.name ?? ''} · ${v.household.village.name}`,
        },
        { title: words.columnYear, dataIndex: 'year', key: 'year', width: 90 },
        { title: words.columnVerifiedOn, dataIndex: 'verifiedOn', key: 'verifiedOn', width: 110 },
        {
          title: words.columnProcedure,
          key: 'procedure',
          width: 90,
          render: (_, v) => yesNo(v.procedureFollowed),
        },
        { title: words.columnAgreed, key: 'agreed', width: 90, render: (_, v) => yesNo(v.householdAgreed) },
        { title: words.columnFindings, dataIndex: 'findings', key: 'findings', ellipsis: true },
        {
          title: words.columnOutcome,
          key: 'outcome',
          width: 100,
          render: (_, v) => (
            <Tag color={v.outcome === 'CORRECT_EXIT' ? 'success' : 'error'}>
              {enumLabel('ExitVerificationOutcome', v.outcome, locale)}
            </Tag>
          ),
        },
      ]}
    >
      {recording && (
        <RecordExitVerificationDrawer
          onClose={(saved) => {
            setRecording(false);
            if (saved) page.refresh();
          }}
        />
      )}
      {openHousehold && (
        <HouseholdDrawer householdId={openHousehold} onClose={() => page.update({ household: undefined })} />
      )}
    </ListPage>
  );
}
