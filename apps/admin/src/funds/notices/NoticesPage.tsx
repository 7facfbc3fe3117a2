import { graphql } from '@gongjian/schema';
import { enumLabel, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { adminWords } from '../../words.ts';
import { fundsListWords } from '../list-words.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { NoticeObjectionsDrawer, type ObjectionNotice } from './NoticeObjectionsDrawer.tsx';
import { objectionWords } from './objection-words.ts';
import { PublishNoticeDrawer } from './PublishNoticeDrawer.tsx';

const NoticesQuery = graphql.persisted(
  'admin/AdminNotices',
  graphql(`
  query AdminNotices($subject: NoticeSubject, $first: Int!, $after: String) {
    disclosureNotices(subject: $subject, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          subject
          title
          postingPlace
          postedOn
          lastDayPosted
          daysPosted
          ended
          project {
            name
          }
          viewerCanRecordObjection
        }
      }
    }
  }
`),
);

const route = getRouteApi('/funds/notices');

/** 公告公示: plan, allocation and project notices, where and how long each was posted. */
export function NoticesPage() {
  const words = useWords(fundsListWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: NoticesQuery,
    variables: { subject: url.subject ?? null, first: paging.first, after: paging.after },
  }));
  const drawer = useCreateDrawer(page.refresh);
  const objection = useWords(objectionWords);
  const [objectionsOf, setObjectionsOf] = useState<ObjectionNotice | null>(null);
  return (
    <ListPage
      title={pageWords.pageNotices}
      extra={<ExportButton list="notices" filters={{ subject: page.url.subject }} />}
      page={page}
      filters={[{ choose: 'NoticeSubject', param: 'subject', placeholder: words.subject, width: 160 }]}
      create={{ permission: 'NOTICE_PUBLISH', text: words.publishNotice, onClick: drawer.open }}
      connection={page.data?.disclosureNotices}
      testId="notices-table"
      emptyText={words.noNotices}
      columns={[
        {
          title: words.subject,
          key: 'subject',
          width: 130,
          render: (_, n) => enumLabel('NoticeSubject', n.subject, locale),
        },
        { title: words.title, dataIndex: 'title', key: 'title' },
        { title: words.columnProject, key: 'project', render: (_, n) => n.project?.name ?? '—' },
        { title: words.postingPlace, dataIndex: 'postingPlace', key: 'place' },
        { title: words.postedOn, dataIndex: 'postedOn', key: 'postedOn', width: 120 },
        { title: words.lastDayPosted, dataIndex: 'lastDayPosted', key: 'lastDayPosted', width: 120 },
        { title: words.daysPosted, dataIndex: 'daysPosted', key: 'days', width: 80, align: 'right' },
        {
          title: words.noticeStatus,
          key: 'ended',
          width: 100,
          render: (_, n) =>
            n.ended ? <Tag>{words.noticeEnded}</Tag> : <Tag color="processing">{words.noticeRunning}</Tag>,
        },
        {
          title: objection.objections,
          key: 'objections',
          width: 90,
          render: (_, n) => (
            <Button size="small" onClick={() => setObjectionsOf(n)}>
              {objection.objections}
            </Button>
          ),
        },
      ]}
    >
      {drawer.creating && <PublishNoticeDrawer onClose={drawer.close} />}
      {objectionsOf && <NoticeObjectionsDrawer notice={objectionsOf} onClose={() => setObjectionsOf(null)} />}
    </ListPage>
  );
}
