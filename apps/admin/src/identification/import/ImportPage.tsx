import type { ImportEvent, ImportResult } from '@gongjian/schema';
import {
  announceSessionLost,
  commonWords,
  EmptyState,
  enumLabel,
  fill,
  useLocale,
  useWords,
} from '@gongjian/ui';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Progress,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useViewer } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { ImportRefused, templateUrl, uploadWorkbook } from './importStream.ts';
import { UnmaskedExportCard } from './UnmaskedExportCard.tsx';
import { importWords } from './words.ts';

type Issue = Extract<ImportEvent, { type: 'error' }>;
type Progressing = Extract<ImportEvent, { type: 'progress' }>;
type Mode = 'all' | 'clean';

function ResultSummary({ result }: { result: ImportResult }) {
  const words = useWords(importWords);
  const colour =
    result.status === 'IMPORTED' ? 'success' : result.status === 'REJECTED' ? 'error' : 'processing';
  const counts = (c: ImportResult['households']) =>
    fill(words.counts, { created: c.created, updated: c.updated, unchanged: c.unchanged });
  return (
    <Descriptions bordered size="small" column={2} data-testid="import-result" style={{ marginTop: 16 }}>
      <Descriptions.Item label={words.resultStatus} span={2}>
        <Tag color={colour} data-testid="import-status">
          {words[`status${result.status}`]}
        </Tag>
        {result.dryRun && <Tag>{words.dryRunTag}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={words.householdRows}>{result.householdRows}</Descriptions.Item>
      <Descriptions.Item label={words.memberRows}>{result.memberRows}</Descriptions.Item>
      <Descriptions.Item label={words.errorCount}>{result.errorCount}</Descriptions.Item>
      <Descriptions.Item label={words.skippedHouseholds}>{result.skippedHouseholds}</Descriptions.Item>
      <Descriptions.Item label={words.households}>{counts(result.households)}</Descriptions.Item>
      <Descriptions.Item label={words.members}>{counts(result.members)}</Descriptions.Item>
      <Descriptions.Item label={words.incomeRows}>{result.incomeRows}</Descriptions.Item>
      <Descriptions.Item label={words.incomes}>{counts(result.incomes)}</Descriptions.Item>
      <Descriptions.Item label={words.changedRows} span={2}>
        <span data-testid="import-changed-rows">{result.changedRows}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * Excel import: the whole file is validated first and every bad row reported; nothing is written unless
 * the file is clean, or the clerk chooses to import only the clean households.
 */
export function ImportPage() {
  const words = useWords(importWords);
  const common = useWords(commonWords);
  const pageWords = useWords(adminWords);
  const { mayUnmask } = useViewer();
  const { locale } = useLocale();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [mode, setMode] = useState<Mode>('all');
  const [dryRun, setDryRun] = useState(false);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function start(chosenMode: Mode) {
    const blob = file?.originFileObj;
    if (!blob) return;
    setMode(chosenMode);
    setRunning(true);
    setProgress(null);
    setIssues([]);
    setResult(null);
    setFailure(null);
    const found: Issue[] = [];
    try {
      await uploadWorkbook(blob, { mode: chosenMode, dryRun }, (event) => {
        if (event.type === 'progress') setProgress(event);
        else if (event.type === 'error') found.push(event);
        else if (event.type === 'result') setResult(event.result);
        else if (event.type === 'failed') setFailure(words.failedNothingWritten);
      });
      setIssues(found);
    } catch (error) {
      if (error instanceof ImportRefused) {
        if (error.status === 401) announceSessionLost();
        setFailure(
          error.code === 'BAD_REQUEST' || error.code === 'UNKNOWN'
            ? words.badFile
            : enumLabel('ErrorCode', error.code, locale),
        );
      } else setFailure(common.networkFailed);
    } finally {
      setRunning(false);
    }
  }

  const percent = progress?.total
    ? Math.min(100, Math.round((progress.done / progress.total) * 100))
    : running
      ? 5
      : 100;
  return (
    <>
      <Card
        title={pageWords.pageImport}
        extra={
          <Button href={templateUrl} download data-testid="download-template">
            {words.downloadTemplate}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{words.intro}</Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          fileList={file ? [file] : []}
          beforeUpload={() => false}
          onChange={({ fileList }) => {
            setFile(fileList[fileList.length - 1] ?? null);
            setResult(null);
            setIssues([]);
            setFailure(null);
          }}
          onRemove={() => setFile(null)}
          data-testid="import-upload"
        >
          <p>{words.dropHere}</p>
          <Typography.Text type="secondary">{words.dropHint}</Typography.Text>
        </Upload.Dragger>
        <Space wrap style={{ marginTop: 16 }}>
          <Radio.Group
            value={mode}
            onChange={(event) => setMode(event.target.value as Mode)}
            options={[
              { value: 'all', label: words.modeAll },
              { value: 'clean', label: words.modeClean },
            ]}
          />
          <Checkbox checked={dryRun} onChange={(event) => setDryRun(event.target.checked)}>
            {words.dryRun}
          </Checkbox>
          <Button
            type="primary"
            disabled={!file || running}
            loading={running}
            onClick={() => start(mode)}
            data-testid="start-import"
          >
            {words.startImport}
          </Button>
        </Space>
        {(running || progress) && (
          <div style={{ marginTop: 16 }} data-testid="import-progress">
            <Typography.Text>
              {progress
                ? fill(progress.total ? words.progressOf : words.progressRows, {
                    phase: words[`phase_${progress.phase}`],
                    done: progress.done,
                    total: progress.total ?? '',
                  })
                : words.uploading}
            </Typography.Text>
            <Progress percent={percent} status={running ? 'active' : failure ? 'exception' : 'normal'} />
          </div>
        )}
        {failure && (
          <Alert
            type="error"
            showIcon
            message={failure}
            style={{ marginTop: 16 }}
            data-testid="import-failure"
          />
        )}
        {result && <ResultSummary result={result} />}
        {result && issues.length > 0 && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {fill(words.issuesTitle, { count: issues.length })}
            </Typography.Title>
            {result.status === 'REJECTED' && result.mode === 'ALL' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                message={words.rejectedHint}
                action={
                  <Button size="small" onClick={() => start('clean')} data-testid="import-clean-only">
                    {words.importCleanOnly}
                  </Button>
                }
              />
            )}
            <Table<Issue>
              data-testid="import-issues"
              rowKey={(issue) => `${issue.sheet}:${issue.row}:${issue.column}:${issue.reason}`}
              size="small"
              dataSource={issues}
              pagination={issues.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              locale={{ emptyText: <EmptyState /> }}
              columns={[
                { title: words.columnSheet, dataIndex: 'sheet', key: 'sheet', width: 110 },
                { title: words.columnRow, dataIndex: 'row', key: 'row', width: 80 },
                { title: words.columnColumn, dataIndex: 'column', key: 'column', width: 150 },
                { title: words.columnReason, dataIndex: 'reason', key: 'reason' },
              ]}
            />
          </>
        )}
      </Card>
      {mayUnmask && <UnmaskedExportCard />}
    </>
  );
}
