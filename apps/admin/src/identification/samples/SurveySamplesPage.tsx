import { type EnumValue, graphql } from '@gongjian/schema';
import { enumLabel, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { InputNumber, Tag } from 'antd';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { adminWords } from '../../words.ts';
import { RecordSurveySampleDrawer } from './RecordSurveySampleDrawer.tsx';
import { sampleWords } from './words.ts';

const SurveySamplesQuery = graphql.persisted(
  'admin/AdminSurveySamples',
  graphql(`
    query AdminSurveySamples($year: Int, $kind: SurveySampleKind, $regionId: ID, $first: Int!, $after: String) {
      surveySamples(year: $year, kind: $kind, regionId: $regionId, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            year
            kind
            respondentName
            persons
            wrongExit
            missed
            recognises
            surveyedOn
            village {
              id
              name
              parent {
                id
                name
              }
            }
            household {
              id
              householdNumber
            }
          }
        }
      }
    }
  `),
);

const route = getRouteApi('/identification/samples');

/** 抽样调查: the samples behind 漏评率, 错退率 and 认可度, by year, kind and region. */
export function SurveySamplesPage() {
  const words = useWords(sampleWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: SurveySamplesQuery,
    variables: {
      year: url.year ?? null,
      kind: (url.kind as EnumValue<'SurveySampleKind'> | undefined) ?? null,
      regionId: regionIdOf(url.region),
      first: paging.first,
      after: paging.after,
    },
  }));
  const drawer = useCreateDrawer(page.refresh);
  const finding = (flag: boolean | null, label: string) =>
    flag === null ? null : (
      <Tag color={flag ? 'error' : 'success'}>{flag ? label : `${words.no}${label}`}</Tag>
    );
  return (
    <ListPage
      title={pageWords.pageSurveySamples}
      page={page}
      create={{ permission: 'VERIFICATION_WRITE', text: words.recordSample, onClick: drawer.open }}
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
        { choose: 'SurveySampleKind', param: 'kind', placeholder: words.filterKind, width: 150 },
        { region: 'region', id: 'survey-samples-region-filter' },
      ]}
      connection={page.data?.surveySamples}
      testId="survey-samples-table"
      emptyText={words.noSamples}
      columns={[
        {
          title: words.columnVillage,
          key: 'village',
          render: (_, v) => `${v.village.parent?.name ?? ''} · ${v.village.name}`,
        },
        { title: words.columnYear, dataIndex: 'year', key: 'year', width: 80 },
        {
          title: words.columnKind,
          key: 'kind',
          width: 130,
          render: (_, v) => enumLabel('SurveySampleKind', v.kind, locale),
        },
        {
          title: words.columnRespondent,
          key: 'respondent',
          render: (_, v) =>
            v.household ? `${v.respondentName} · ${v.household.householdNumber}` : v.respondentName,
        },
        { title: words.columnPersons, dataIndex: 'persons', key: 'persons', width: 90 },
        {
          title: words.columnFinding,
          key: 'finding',
          width: 110,
          render: (_, v) => finding(v.wrongExit, words.wrongExit) ?? finding(v.missed, words.missed) ?? '—',
        },
        {
          title: words.columnRecognises,
          key: 'recognises',
          width: 80,
          render: (_, v) => (
            <Tag color={v.recognises ? 'success' : 'warning'}>{v.recognises ? words.yes : words.no}</Tag>
          ),
        },
        { title: words.columnSurveyedOn, dataIndex: 'surveyedOn', key: 'surveyedOn', width: 110 },
      ]}
    >
      {drawer.creating && <RecordSurveySampleDrawer onClose={drawer.close} />}
    </ListPage>
  );
}
