import type { ImportEvent } from '@gongjian/schema';

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const templateUrl = '/identification/households/import-template';

/** A refusal before any event: the HTTP status and the error code the route answered with. */
export class ImportRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Uploads the workbook and hands each event to `onEvent` as the server writes it, so the progress bar
 * moves while the server parses, validates and writes. Resolves when the server closes the stream.
 */
export async function uploadWorkbook(
  file: Blob,
  options: { mode: 'all' | 'clean'; dryRun: boolean },
  onEvent: (event: ImportEvent) => void,
): Promise<void> {
  const params = new URLSearchParams({ mode: options.mode });
  if (options.dryRun) params.set('dryRun', 'true');
  const response = await fetch(`/identification/households/import?${params}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': xlsxMime },
    body: file,
  });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    } | null;
    const error = body?.errors?.[0];
    throw new ImportRefused(
      response.status,
      error?.extensions?.code ?? 'UNKNOWN',
      error?.message ?? response.statusText,
    );
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += value;
    const lines = buffered.split('\n');
    buffered = done ? '' : (lines.pop() ?? '');
    for (const line of lines) if (line.trim()) onEvent(JSON.parse(line) as ImportEvent);
    if (done) return;
  }
}

/**
 * Downloads the unmasked, re-importable export (the server checks the unmask right and audits the reason)
 * and hands the browser the file.
 */
export async function downloadUnmaskedExport(reason: string, regionId: string | null): Promise<void> {
  const query = regionId ? `?${new URLSearchParams({ regionId })}` : '';
  const response = await fetch(`/identification/households/export-unmasked${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reason }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    } | null;
    const error = body?.errors?.[0];
    throw new ImportRefused(response.status, error?.extensions?.code ?? 'UNKNOWN', error?.message ?? '');
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = '农户花名册(完整信息).xlsx';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
