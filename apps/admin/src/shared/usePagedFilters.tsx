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

export interface PagingSearch {
  cursors?: string[];
  size?: number;
}

/**
 * Paging kept in the URL (`cursors` and `size` search parameters), so a reload or a shared link opens
 * the same page; same shape as `useCursorPaging`.
 */
export function useUrlPaging(
  search: PagingSearch,
  update: (next: PagingSearch) => void,
  defaultSize = 20,
): ReturnType<typeof useCursorPaging> {
  const cursors = search.cursors ?? [];
  const pageSize = search.size ?? defaultSize;
  const size = pageSize === defaultSize ? undefined : pageSize;
  return {
    first: pageSize,
    after: cursors[cursors.length - 1] ?? null,
    page: cursors.length + 1,
    pageSize,
    next: (endCursor) => {
      if (endCursor) update({ cursors: [...cursors, endCursor], size });
    },
    previous: () => update({ cursors: cursors.length > 1 ? cursors.slice(0, -1) : undefined, size }),
    reset: () => update({ cursors: undefined, size }),
    setPageSize: (next) => update({ cursors: undefined, size: next === defaultSize ? undefined : next }),
  };
}

/**
 * A list whose filters and page live in the URL: `change` sets filters and goes back to the first page,
 * `update` sets any search parameter (e.g. the open drawer) and keeps the page.
 */
export function useUrlList<Search extends PagingSearch>(
  search: Search,
  navigate: (options: { search: (current: Search) => Search }) => unknown,
  pageSize = 20,
) {
  const update = (next: Partial<Search>) => navigate({ search: (current) => ({ ...current, ...next }) });
  const change = (next: Partial<Omit<Search, keyof PagingSearch>>) =>
    update({ ...next, cursors: undefined } as Partial<Search>);
  return {
    paging: useUrlPaging(search, (next) => update(next as Partial<Search>), pageSize),
    change,
    update,
  };
}
