import { useWords } from '@gongjian/ui';
import { sharedWords } from './words.ts';

/** The rule's id (and its source code), folded away: a supervisor opens it, a clerk reads the words. */
export function RuleIdDetail({ ruleId, source }: { ruleId: string; source?: string }) {
  const words = useWords(sharedWords);
  return (
    <details data-testid="rule-id-detail" style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
      <summary style={{ cursor: 'pointer' }}>{words.ruleDetail}</summary>
      <code>{ruleId}</code>
      {source ? <code style={{ marginInlineStart: 8 }}>{source}</code> : null}
    </details>
  );
}
