import { defineDictionaries, useWords } from '@gongjian/ui';
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

/** The words every Excel import shares; an import brings only its title, hint and summary line. */
const importWords = defineDictionaries(
  {
    downloadTemplate: '下载导入模板',
    chooseFile: '选择 Excel 文件',
    dryRun: '仅校验，不写入',
    cleanOnly: '只导入无误的行',
    runImport: '开始导入',
    running: '正在上传并校验…',
    statusIMPORTED: '已导入',
    statusREJECTED: '未导入',
    statusVALIDATED: '校验完成',
    columnRow: '行',
    columnColumn: '列',
    columnReason: '原因',
  },
  {
    downloadTemplate: 'Download the template',
    chooseFile: 'Choose an Excel file',
    dryRun: 'Validate only',
    cleanOnly: 'Import the clean rows only',
    runImport: 'Import',
    running: 'Uploading and checking…',
    statusIMPORTED: 'Imported',
    statusREJECTED: 'Not imported',
    statusVALIDATED: 'Validated',
    columnRow: 'Row',
    columnColumn: 'Column',
    columnReason: 'Reason',
  },
);

interface ExcelImportModalProps<R extends ExcelImportOutcome> {
  title: string;
  /** GET: the empty template. */
  templateHref: string;
  /** POST ?mode=all|clean&dryRun=true with the .xlsx bytes. */
  uploadUrl: string;
  /** What this import checks and how often a row may come (shown above the upload). */
  hint?: string;
  /** The one-line summary of an answer; `status` is the outcome in words (已导入, 未导入, 校验完成). */
  describe: (result: R, status: string) => string;
  /** Names the test ids: run-{testId}-import, {testId}-import-result, {testId}-import-issues. */
  testId: string;
  onClose: (imported: boolean) => void;
}

/** An Excel import: template, upload, validate-only or clean-rows-only, then every bad row with its column and reason. */
export function ExcelImportModal<R extends ExcelImportOutcome>(props: ExcelImportModalProps<R>) {
  const { testId } = props;
  const words = useWords(importWords);
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
        {props.hint && <Alert type="info" showIcon message={props.hint} />}
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
        {running && <Alert type="info" showIcon message={words.running} />}
        {failure && <Alert type="error" showIcon message={failure} />}
        {result && (
          <Alert
            data-testid={`${testId}-import-result`}
            type={result.status === 'REJECTED' ? 'error' : 'success'}
            showIcon
            message={props.describe(result, words[`status${result.status}`])}
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
