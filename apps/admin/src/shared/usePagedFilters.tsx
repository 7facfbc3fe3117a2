import { CursorPager, useCursorPaging } from '@gongjian/ui';

/**
 * Paging for a filtered list: `filter(setX)` wraps a filter's setter so that changing the filter
 * goes back to the first page.
 */
export function usePagedFilters(pageSize = 20) {
  const paging = useCursorPaging(pageSize);
  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      paging.reset();
    };
  return { paging, filter };
}

/** The pager under a list, for the connection the list shows. */
export function ConnectionPager({
  paging,
  connection,
  fetching,
}: {
  paging: ReturnType<typeof useCursorPaging>;
  connection:
    | { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }
    | undefined;
  fetching: boolean;
}) {
  return (
    <CursorPager
      paging={paging}
      totalCount={connection?.totalCount ?? 0}
      pageInfo={connection?.pageInfo}
      disabled={fetching}
    />
  );
}
