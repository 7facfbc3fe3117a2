import { Alert, Button, Checkbox, Modal, Space, Table, Upload, type UploadFile } from 'antd';
import { useState } from 'react';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What every Excel import route answers (the wire types in @gongjian/schema all have this shape). */
export interface ExcelImportOutcome {
  status: 'IMPORTED' | 'REJECTED' | 'VALIDATED';
  rows: number;
  badRows: number;
  written: number;
  issues: { row: number; column: string; reason: string }[];
}

export interface ExcelImportWords {
  downloadTemplate: string;
  chooseFile: string;
  dryRun: string;
  cleanOnly: string;
  runImport: string;
  running?: string;
  hint?: string;
  columnRow: string;
  columnColumn: string;
  columnReason: string;
}

interface ExcelImportModalProps<R extends ExcelImportOutcome> {
  title: string;
  /** GET: the empty template. */
  templateHref: string;
  /** POST ?mode=all|clean&dryRun=true with the .xlsx bytes. */
  uploadUrl: string;
  words: ExcelImportWords;
  /** The one-line summary of an answer. */
  describe: (result: R) => string;
  /** Names the test ids: run-{testId}-import, {testId}-import-result, {testId}-import-issues. */
  testId: string;
  onClose: (imported: boolean) => void;
}

/** An Excel import: template, upload, validate-only or clean-rows-only, then every bad row with its column and reason. */
export function ExcelImportModal<R extends ExcelImportOutcome>(props: ExcelImportModalProps<R>) {
  const { words, testId } = props;
  const [file, setFile] = useState<UploadFile | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [cleanOnly, setCleanOnly] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<R | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  async function run() {
    const blob = file?.originFileObj;
    if (!blob) return;
    setRunning(true);
    setFailure(null);
    const params = new URLSearchParams({ mode: cleanOnly ? 'clean' : 'all' });
    if (dryRun) params.set('dryRun', 'true');
    try {
      const response = await fetch(`${props.uploadUrl}?${params}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': XLSX_MIME },
        body: blob,
      });
      const body = (await response.json()) as R & { errors?: { message: string }[] };
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
      title={props.title}
      onCancel={() => props.onClose(result?.status === 'IMPORTED')}
      footer={null}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {words.hint && <Alert type="info" showIcon message={words.hint} />}
        <Space wrap>
          <Button href={props.templateHref} download>
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
            data-testid={`run-${testId}-import`}
          >
            {words.runImport}
          </Button>
        </Space>
        {running && words.running && <Alert type="info" showIcon message={words.running} />}
        {failure && <Alert type="error" showIcon message={failure} />}
        {result && (
          <Alert
            data-testid={`${testId}-import-result`}
            type={result.status === 'REJECTED' ? 'error' : 'success'}
            showIcon
            message={props.describe(result)}
          />
        )}
        {result && result.issues.length > 0 && (
          <Table
            size="small"
            data-testid={`${testId}-import-issues`}
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
