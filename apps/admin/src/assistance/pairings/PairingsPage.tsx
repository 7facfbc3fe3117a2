import { useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Checkbox, Space, Tag } from 'antd';
import { useState } from 'react';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { Can } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { exportQuery } from '../teams/WorkTeamsPage.tsx';
import { assistanceWords } from '../words.ts';
import { ImportPairingsModal } from './ImportPairingsModal.tsx';
import { EndPairingModal, PairHelperDrawer } from './PairingForms.tsx';
import { type PairingRow, PairingsQuery } from './pairingRow.ts';

const route = getRouteApi('/assistance/pairings');

/** 结对帮扶: who helps which household since when; pair, re-pair and end, with the helper's load shown first. */
export function PairingsPage() {
  const words = useWords(assistanceWords);
  const pageWords = useWords(adminWords);
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: PairingsQuery,
    variables: {
      regionId: regionIdOf(url.region),
      open: url.all ? null : true,
      search: url.search || null,
      first: paging.first,
      after: paging.after,
    },
  }));
  const creating = useCreateDrawer(page.refresh);
  const [rePairing, setRePairing] = useState<PairingRow | null>(null);
  const [ending, setEnding] = useState<PairingRow | null>(null);
  const [importing, setImporting] = useState(false);
  return (
    <ListPage<PairingRow, typeof page.url>
      title={pageWords.pagePairings}
      extra={
        <Space>
          <Can permission="PAIRING_WRITE">
            <Button onClick={() => setImporting(true)} data-testid="import-pairings">
              {words.importPairings}
            </Button>
          </Can>
          <Button
            href={`/assistance/pairings/export${exportQuery({
              regionId: regionIdOf(page.url.region),
              open: page.url.all ? null : 'true',
              search: page.url.search,
            })}`}
            download
            data-testid="export-pairings"
          >
            {words.exportExcel}
          </Button>
        </Space>
      }
      page={page}
      filters={[
        { search: 'search', placeholder: words.searchPairings, width: 220 },
        { region: 'region' },
        <Checkbox
          key="all"
          checked={!page.url.all}
          onChange={(e) => page.change({ all: e.target.checked ? undefined : true })}
        >
          {words.onlyOpen}
        </Checkbox>,
      ]}
      create={{ permission: 'PAIRING_WRITE', text: words.pair, onClick: creating.open }}
      connection={page.data?.pairings}
      testId="pairings-table"
      emptyText={words.noPairings}
      columns={[
        { title: words.columnHousehold, dataIndex: 'householdNumber', key: 'number' },
        { title: words.headName, key: 'head', render: (_, p) => p.household.head?.name ?? '—' },
        { title: words.columnVillage, key: 'village', render: (_, p) => p.household.village.name },
        { title: words.columnHelper, dataIndex: 'helperName', key: 'helper' },
        { title: words.columnPost, dataIndex: 'helperPost', key: 'post' },
        { title: words.columnStart, dataIndex: 'startDate', key: 'start' },
        {
          title: words.columnState,
          key: 'state',
          render: (_, p) =>
            p.endDate === null ? (
              <Tag color="green">{words.open}</Tag>
            ) : (
              <Tag>
                {words.ended} {p.endDate}
              </Tag>
            ),
        },
        {
          title: words.columnActions,
          key: 'actions',
          render: (_, p) =>
            p.viewerCanEnd && (
              <Space size="small">
                <Button type="link" size="small" onClick={() => setRePairing(p)}>
                  {words.rePair}
                </Button>
                <Button type="link" size="small" onClick={() => setEnding(p)}>
                  {words.endPairing}
                </Button>
              </Space>
            ),
        },
      ]}
    >
      {creating.creating && <PairHelperDrawer onClose={creating.close} />}
      {rePairing && (
        <PairHelperDrawer
          replacing={rePairing}
          onClose={(saved) => {
            setRePairing(null);
            if (saved) page.refresh();
          }}
        />
      )}
      {ending && (
        <EndPairingModal
          pairing={ending}
          onClose={(saved) => {
            setEnding(null);
            if (saved) page.refresh();
          }}
        />
      )}
      {importing && (
        <ImportPairingsModal
          onClose={(imported) => {
            setImporting(false);
            if (imported) page.refresh();
          }}
        />
      )}
    </ListPage>
  );
}
