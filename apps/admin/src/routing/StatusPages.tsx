import { fill, useWords } from '@gongjian/ui';
import { useLocation, useNavigate } from '@tanstack/react-router';
import { Button, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { sharedWords } from '../shared/words.ts';
import { adminWords } from '../words.ts';

/** Sets the browser tab's title to the page's name followed by the console's. */
export function useDocumentTitle(pageTitle: string | null) {
  const words = useWords(adminWords);
  const common = useWords(sharedWords);
  useEffect(() => {
    if (pageTitle === null) return;
    document.title = `${pageTitle} · ${common.systemName} · ${words.appName}`;
  }, [pageTitle, words.appName, common.systemName]);
}

function BackHome() {
  const words = useWords(sharedWords);
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate({ to: '/' })}>
      {words.backHome}
    </Button>
  );
}

/** A route the viewer's roles may not use: said plainly instead of a page whose every query is refused. */
export function NoPermissionPage() {
  const words = useWords(sharedWords);
  useDocumentTitle(words.noPermissionTitle);
  return (
    <Result
      status="403"
      title={words.noPermissionTitle}
      subTitle={words.noPermissionDetail}
      extra={<BackHome />}
      data-testid="no-permission"
    />
  );
}

export function NotFoundPage() {
  const words = useWords(sharedWords);
  // The browser's own path, with the /admin base the router leaves out.
  useLocation();
  const pathname = window.location.pathname;
  useDocumentTitle(words.notFoundTitle);
  return (
    <Result
      status="404"
      title={words.notFoundTitle}
      subTitle={fill(words.notFoundDetail, { path: pathname })}
      extra={<BackHome />}
      data-testid="not-found"
    />
  );
}

export function PageLoading() {
  const words = useWords(sharedWords);
  return (
    <div style={{ minHeight: '40vh', display: 'grid', placeItems: 'center' }}>
      <Spin tip={words.loadingPage}>
        <div style={{ width: 120, height: 80 }} />
      </Spin>
    </div>
  );
}
