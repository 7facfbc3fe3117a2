import { Alert, Button, Empty, Spin } from 'antd';
import type { CombinedError } from 'urql';
import { describeQueryError } from './errors.ts';
import { useLocale, useWords } from './i18n.tsx';
import { commonWords } from './words.ts';

export function FullPageSpin() {
  const words = useWords(commonWords);
  return (
    <div style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" tip={words.loading}>
        <div style={{ width: 120, height: 80 }} />
      </Spin>
    </div>
  );
}

export function QueryErrorAlert({ error, onRetry }: { error: CombinedError; onRetry?: () => void }) {
  const words = useWords(commonWords);
  const { locale } = useLocale();
  return (
    <Alert
      type="error"
      showIcon
      message={words.loadFailed}
      description={describeQueryError(error, locale)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {words.retry}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** antd's Empty with the locale's wording, for tables and panels with no rows. */
export function EmptyState({ description }: { description?: string }) {
  const words = useWords(commonWords);
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? words.noData} />;
}
