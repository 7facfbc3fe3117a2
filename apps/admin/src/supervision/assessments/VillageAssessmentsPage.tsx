import { enumLabel, enumOptions, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Checkbox, Descriptions, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { RuleDecisionView } from '../../shared/RuleReasons.tsx';
import { adminWords } from '../../words.ts';
import { supervisionListWords } from '../list-words.ts';
import { ExportButton, YearFilter } from '../shared/ExportButton.tsx';
import { CountyReviewDrawer, SelfAssessmentDrawer } from './AssessmentDrawers.tsx';
import { type AssessmentRow, AssessmentsQuery } from './assessmentRow.ts';

const CLASS_COLOUR = {
  CONSOLIDATE: 'green',
  RECTIFY: 'blue',
  YELLOW_CARD: 'gold',
  KEY_MANAGEMENT: 'red',
} as const;
const LISTED = ['YELLOW_CARD', 'KEY_MANAGEMENT'] as const;

const route = getRouteApi('/supervision/village-assessments');

/** 村级核查验收: self-check and county review per village and year, classified by the rules; 挂牌督办 with its tasks. */
export function VillageAssessmentsPage() {
  const words = useWords(supervisionListWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: AssessmentsQuery,
    variables: {
      filter: { year: url.year ?? null, classes: url.classes?.length ? url.classes : null },
      first: paging.first,
      after: paging.after,
    },
  }));
  const drawer = useCreateDrawer(page.refresh);
  const [reviewing, setReviewing] = useState<AssessmentRow | null>(null);
  const classes = page.url.classes ?? [];
  const listedOnly = LISTED.every((c) => classes.includes(c)) && classes.length === LISTED.length;
  return (
    <ListPage<AssessmentRow, typeof page.url>
      title={pageWords.pageVillageAssessments}
      extra={
        <ExportButton
          list="village-assessments"
          filters={{ year: page.url.year, classes: classes.length ? classes.join(',') : undefined }}
        />
      }
      page={page}
      filters={[
        <YearFilter key="year" value={page.url.year} onChange={(year) => page.change({ year })} />,
        <Select
          key="classes"
          mode="multiple"
          allowClear
          aria-label={words.assessmentClass}
          placeholder={words.assessmentClass}
          style={{ minWidth: 200 }}
          value={classes}
          options={enumOptions('AssessmentClass', locale)}
          onChange={(next) => page.change({ classes: next.length ? next : undefined })}
        />,
        <Checkbox
          key="listed"
          data-testid="listed-only"
          checked={listedOnly}
          onChange={(e) => page.change({ classes: e.target.checked ? [...LISTED] : undefined })}
        >
          {words.yellowCardList}
        </Checkbox>,
      ]}
      create={{ permission: 'ASSESSMENT_SELF', text: words.selfAssess, onClick: drawer.open }}
      connection={page.data?.villageAssessments}
      testId="assessments-table"
      emptyText={words.noAssessments}
      tableProps={{ expandable: { expandedRowRender: (a) => <AssessmentDetail assessment={a} /> } }}
      columns={[
        { title: words.village, key: 'village', render: (_, a) => a.village.name },
        { title: words.year, dataIndex: 'year', key: 'year', width: 70 },
        { title: words.selfScore, dataIndex: 'selfScore', key: 'selfScore', align: 'right', width: 90 },
        {
          title: words.reviewScore,
          key: 'reviewScore',
          align: 'right',
          width: 90,
          render: (_, a) => (a.reviewed ? a.reviewScore : words.notReviewed),
        },
        {
          title: words.problemCount,
          dataIndex: 'problemCount',
          key: 'problemCount',
          align: 'right',
          width: 90,
        },
        {
          title: words.vetoHit,
          key: 'veto',
          width: 90,
          render: (_, a) => (a.vetoHit ? <Tag color="red">{words.yes}</Tag> : words.no),
        },
        {
          title: words.assessmentClass,
          key: 'class',
          render: (_, a) => (
            <>
              <Tag color={CLASS_COLOUR[a.assessmentClass]} data-testid="assessment-class">
                {enumLabel('AssessmentClass', a.assessmentClass, locale)}
              </Tag>
              {(LISTED as readonly string[]).includes(a.assessmentClass) && (
                <Tag color="volcano">{words.supervisedListing}</Tag>
              )}
            </>
          ),
        },
        {
          title: words.actions,
          key: 'actions',
          width: 100,
          render: (_, a) =>
            a.viewerCanReview && (
              <Button size="small" onClick={() => setReviewing(a)}>
                {words.review}
              </Button>
            ),
        },
      ]}
    >
      {drawer.creating && <SelfAssessmentDrawer onClose={drawer.close} />}
      {reviewing && (
        <CountyReviewDrawer
          assessment={reviewing}
          onClose={(saved) => {
            setReviewing(null);
            if (saved) page.refresh();
          }}
        />
      )}
    </ListPage>
  );
}

/** The score sheet, why the rules gave the class, and the village's findings with their rectification tasks. */
function AssessmentDetail({ assessment: a }: { assessment: AssessmentRow }) {
  const words = useWords(supervisionListWords);
  const { locale } = useLocale();
  return (
    <>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={words.selfAssessedOn}>{a.selfAssessedOn}</Descriptions.Item>
        <Descriptions.Item label={words.reviewedOn}>{a.reviewedOn ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="position"
        pagination={false}
        dataSource={a.items}
        columns={[
          { title: words.itemName, dataIndex: 'name', key: 'name' },
          {
            title: words.weight,
            key: 'weight',
            align: 'right',
            render: (_, i) => (i.veto ? words.veto : i.weight),
          },
          {
            title: words.score,
            key: 'score',
            align: 'right',
            render: (_, i) => (i.veto ? i.vetoHit ? <Tag color="red">{words.vetoHit}</Tag> : '—' : i.score),
          },
        ]}
      />
      <h4 style={{ marginTop: 12 }}>{words.classification}</h4>
      <RuleDecisionView decision={a.classification} />
      {a.rectificationFindings.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          title={() => words.supervisedListing}
          dataSource={a.rectificationFindings}
          columns={[
            { title: words.description, dataIndex: 'description', key: 'description' },
            {
              title: words.task,
              key: 'task',
              render: (_, f) =>
                `${f.task.title} · ${enumLabel('DerivedTaskStatus', f.task.status, locale)} · ${words.deadline} ${f.task.deadline}`,
            },
            {
              title: words.status,
              key: 'status',
              render: (_, f) => <Tag>{enumLabel('InspectionFindingStatus', f.status, locale)}</Tag>,
            },
          ]}
        />
      )}
    </>
  );
}
