import { graphql } from '@gongjian/schema';
import { enumLabel, fill, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { Can } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { fundsWords } from '../words.ts';
import { type Dialog, FundDialog } from './FundDialog.tsx';
import { ImportSourcesModal } from './ImportSourcesModal.tsx';
import { sourceImportWords } from './import-words.ts';
import { ReconciliationCard } from './ReconciliationCard.tsx';

const FundSourcesQuery = graphql.persisted(
  'admin/AdminFundSources',
  graphql(`
  query AdminFundSources($fromYear: Int!, $toYear: Int!, $first: Int!, $after: String) {
    fundSources(fromYear: $fromYear, toYear: $toYear, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          category
          name
          fromYear
          toYear
          amountWanYuan
          allocatedWanYuan
          remainingWanYuan
          includes {
            amountWanYuan
            contained {
              name
            }
          }
        }
      }
    }
  }
`),
);

const route = getRouteApi('/funds/sources');

/** 资金来源与对账: the sources of a run of years with their overlaps, and the live reconciliation beside them. */
export function FundSourcesPage() {
  const words = useWords(fundsWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const search = route.useSearch();
  const years = { fromYear: search.fromYear ?? 2014, toYear: search.toYear ?? 2018 };
  const page = useListPage(search, route.useNavigate(), (_url, paging) => ({
    query: FundSourcesQuery,
    variables: { ...years, first: paging.first, after: paging.after },
  }));
  const [draft, setDraft] = useState(years);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [saves, setSaves] = useState(0);
  const [importing, setImporting] = useState(false);
  const importWords = useWords(sourceImportWords);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <ListPage
        title={pageWords.pageFundSources}
        extra={<ExportButton list="sources" filters={years} />}
        page={page}
        filters={[
          <InputNumber
            key="from"
            aria-label={words.fromYear}
            value={draft.fromYear}
            onChange={(v) => setDraft({ ...draft, fromYear: v ?? 2014 })}
          />,
          <InputNumber
            key="to"
            aria-label={words.toYear}
            value={draft.toYear}
            onChange={(v) => setDraft({ ...draft, toYear: v ?? 2018 })}
          />,
          <Button key="reconcile" onClick={() => page.change(draft)}>
            {words.reconcile}
          </Button>,
          <div key="gap" style={{ flex: 1 }} />,
          <Can key="writes" permission="FUNDS_WRITE">
            <Button type="primary" onClick={() => setDialog('source')}>
              {words.createSource}
            </Button>
            <Button onClick={() => setDialog('overlap')}>{words.declareOverlap}</Button>
            <Button onClick={() => setDialog('total')}>{words.recordTotal}</Button>
            <Button onClick={() => setImporting(true)}>{importWords.importSources}</Button>
          </Can>,
        ]}
        connection={page.data?.fundSources}
        testId="fund-sources-table"
        emptyText={words.noSources}
        columns={[
          {
            title: words.columnCategory,
            key: 'category',
            render: (_, s) => enumLabel('FundSourceCategory', s.category, locale),
          },
          { title: words.columnName, dataIndex: 'name', key: 'name' },
          { title: words.columnYears, key: 'years', render: (_, s) => `${s.fromYear}–${s.toYear}` },
          { title: words.columnAmount, dataIndex: 'amountWanYuan', key: 'amount', align: 'right' },
          { title: words.columnAllocated, dataIndex: 'allocatedWanYuan', key: 'allocated', align: 'right' },
          { title: words.columnRemaining, dataIndex: 'remainingWanYuan', key: 'remaining', align: 'right' },
          {
            title: words.columnIncludes,
            key: 'includes',
            render: (_, s) =>
              s.includes
                .map((o) => `${o.contained.name} ${fill(words.wan, { amount: o.amountWanYuan })}`)
                .join('；'),
          },
        ]}
      >
        {dialog && (
          <FundDialog
            dialog={dialog}
            years={years}
            onClose={(saved) => {
              setDialog(null);
              if (!saved) return;
              page.refresh();
              setSaves((n) => n + 1);
            }}
          />
        )}
        {importing && (
          <ImportSourcesModal
            onClose={(imported) => {
              setImporting(false);
              if (imported) page.refresh();
            }}
          />
        )}
      </ListPage>
      <ReconciliationCard key={`${years.fromYear}-${years.toYear}-${saves}`} years={years} />
    </Space>
  );
}
