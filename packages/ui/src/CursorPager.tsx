import { Button, Select, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { fill, useWords } from './i18n.tsx';
import { commonWords } from './words.ts';

const pageSizes = [10, 20, 50, 100];

/**
 * Paging over a Relay connection: keeps the `after` cursor of every page visited, so "previous" needs no
 * extra request shape and "next" uses the current page's `endCursor`.
 */
export function useCursorPaging(initialPageSize = 20) {
  const [pageSize, setPageSizeState] = useState(initialPageSize);
  const [afterCursors, setAfterCursors] = useState<(string | null)[]>([null]);
  const page = afterCursors.length;
  const after = afterCursors[afterCursors.length - 1] ?? null;

  const reset = useCallback(() => setAfterCursors([null]), []);
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setAfterCursors((cursors) => [...cursors, endCursor]);
  }, []);
  const previous = useCallback(
    () => setAfterCursors((cursors) => (cursors.length > 1 ? cursors.slice(0, -1) : cursors)),
    [],
  );
  const setPageSize = useCallback((size: number) => {
    setPageSizeState(size);
    setAfterCursors([null]);
  }, []);

  return { first: pageSize, after, page, pageSize, next, previous, reset, setPageSize };
}

export interface CursorPagerProps {
  paging: ReturnType<typeof useCursorPaging>;
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  disabled?: boolean;
}

export function CursorPager({ paging, totalCount, pageInfo, disabled }: CursorPagerProps) {
  const words = useWords(commonWords);
  const pages = Math.max(1, Math.ceil(totalCount / paging.pageSize));
  return (
    <div className="gj-pager" data-testid="pager">
      <Typography.Text type="secondary">
        {fill(words.pageSummary, { total: totalCount, page: paging.page, pages })}
      </Typography.Text>
      <Space>
        <Button size="small" disabled={disabled || paging.page <= 1} onClick={paging.previous}>
          {words.previousPage}
        </Button>
        <Button
          size="small"
          disabled={disabled || !pageInfo?.hasNextPage}
          onClick={() => paging.next(pageInfo?.endCursor)}
        >
          {words.nextPage}
        </Button>
        <Select
          size="small"
          value={paging.pageSize}
          onChange={paging.setPageSize}
          options={pageSizes.map((size) => ({ value: size, label: fill(words.perPage, { size }) }))}
        />
      </Space>
    </div>
  );
}
