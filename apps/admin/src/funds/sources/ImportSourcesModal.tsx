import type { FundSourceImportResult } from '@gongjian/schema';
import { fill, useWords } from '@gongjian/ui';
import { Alert, Button, Checkbox, Modal, Space, Table, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { sourceImportWords } from './import-words.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 资金来源导入: upload the sheet; every bad row comes back with its column and reason, nothing half-written. */
export function ImportSourcesModal({ onClose }: { onClose: (imported: boolean) => void }) {
  const words = useWords(sourceImportWords);
  const [file, setFile] = useState<UploadFile | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [cleanOnly, setCleanOnly] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<FundSourceImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  async function run() {
    const blob = file?.originFileObj;
    if (!blob) return;
    setRunning(true);
    setFailure(null);
    const params = new URLSearchParams({ mode: cleanOnly ? 'clean' : 'all' });
    if (dryRun) params.set('dryRun', 'true');
    try {
      const response = await fetch(`/funds/sources/import?${params}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': XLSX_MIME },
        body: blob,
      });
      const body = (await response.json()) as FundSourceImportResult & { errors?: { message: string }[] };
      if (!response.ok) setFailure(body.errors?.[0]?.message ?? response.statusText);
      else setResult(body);
    } catch (error) {
      setFailure(String(error));
    } finally {
      setRunning(false);
    }
  }
  return (
    <Modal
      open
      width={760}
      title={words.importSources}
      onCancel={() => onClose(result?.status === 'IMPORTED')}
      footer={null}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon message={words.hint} />
        <Space wrap>
          <Button href="/funds/sources/import-template" download>
            {words.downloadTemplate}
          </Button>
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={() => false}
            fileList={file ? [file] : []}
            onChange={({ fileList }) => setFile(fileList[0] ?? null)}
          >
            <Button>{words.chooseFile}</Button>
          </Upload>
          <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
            {words.dryRun}
          </Checkbox>
          <Checkbox checked={cleanOnly} onChange={(e) => setCleanOnly(e.target.checked)}>
            {words.cleanOnly}
          </Checkbox>
          <Button
            type="primary"
            disabled={!file}
            loading={running}
            onClick={run}
            data-testid="run-source-import"
          >
            {words.runImport}
          </Button>
        </Space>
        {running && <Alert type="info" showIcon message={words.running} />}
        {failure && <Alert type="error" showIcon message={failure} />}
        {result && (
          <Alert
            data-testid="source-import-result"
            type={result.status === 'REJECTED' ? 'error' : 'success'}
            showIcon
            message={fill(words.importResult, {
              status: words[`status${result.status}`],
              rows: result.rows,
              bad: result.badRows,
              written: result.written,
            })}
          />
        )}
        {result && result.issues.length > 0 && (
          <Table
            size="small"
            data-testid="source-import-issues"
            rowKey={(issue) => `${issue.row}:${issue.column}:${issue.reason}`}
            dataSource={result.issues}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: words.columnRow, dataIndex: 'row', width: 60 },
              { title: words.columnColumn, dataIndex: 'column', width: 120 },
              { title: words.columnReason, dataIndex: 'reason' },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
