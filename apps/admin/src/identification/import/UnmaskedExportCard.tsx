import { announceSessionLost, commonWords, RegionPicker, useWords } from '@gongjian/ui';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useViewer } from '../../shared/viewer.tsx';
import { downloadUnmaskedExport, ImportRefused } from './importStream.ts';
import { importWords } from './words.ts';

/** For a viewer with the unmask right: the full, re-importable export, with the reason the audit keeps. */
export function UnmaskedExportCard() {
  const words = useWords(importWords);
  const common = useWords(commonWords);
  const { jurisdiction } = useViewer();
  const [region, setRegion] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const trimmed = reason.trim();

  async function download() {
    setRunning(true);
    setFailure(null);
    try {
      await downloadUnmaskedExport(trimmed, region.at(-1) ?? null);
    } catch (error) {
      if (error instanceof ImportRefused) {
        if (error.status === 401) announceSessionLost();
        setFailure(error.status === 403 ? words.unmaskedRefused : words.unmaskedReasonNeeded);
      } else setFailure(common.networkFailed);
    } finally {
      setRunning(false);
    }
  }

  return (
    <Card title={words.unmaskedTitle} style={{ marginTop: 16 }} data-testid="unmasked-export">
      <Typography.Paragraph type="secondary">{words.unmaskedIntro}</Typography.Paragraph>
      <Space wrap style={{ width: '100%' }}>
        <RegionPicker
          id="unmasked-region"
          root={jurisdiction}
          value={region}
          onChange={setRegion}
          placeholder={words.unmaskedRegion}
          style={{ width: 260 }}
        />
        <Input
          aria-label={words.unmaskedReason}
          placeholder={words.unmaskedReasonPlaceholder}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
          style={{ width: 360 }}
          data-testid="unmasked-reason"
        />
        <Button
          type="primary"
          disabled={trimmed.length < 2}
          loading={running}
          onClick={download}
          data-testid="unmasked-export-button"
        >
          {words.unmaskedExport}
        </Button>
      </Space>
      {failure && (
        <Alert
          type="error"
          showIcon
          message={failure}
          style={{ marginTop: 12 }}
          data-testid="unmasked-failure"
        />
      )}
    </Card>
  );
}
