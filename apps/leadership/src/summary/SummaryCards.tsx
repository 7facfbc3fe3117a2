import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { Card, Col, Row, Statistic } from 'antd';
import { leadershipWords } from '../words.ts';

export const SummaryCards_summary = graphql(`
  fragment SummaryCards_summary on OrganisationSummary {
    villageCount
    poorVillageCount
    nonPoorWithPoorCount
    unitCount
    cadreCount
  }
`);

export function SummaryCards({ summary }: { summary: FragmentOf<typeof SummaryCards_summary> }) {
  const words = useWords(leadershipWords);
  const counts = readFragment(SummaryCards_summary, summary);
  const cards = [
    { key: 'village-count', title: words.villageCount, value: counts.villageCount, color: '#1f1f1f' },
    {
      key: 'poor-village-count',
      title: words.poorVillageCount,
      value: counts.poorVillageCount,
      color: '#cf1322',
    },
    {
      key: 'non-poor-with-poor-count',
      title: words.nonPoorWithPoorCount,
      value: counts.nonPoorWithPoorCount,
      color: '#d46b08',
    },
    { key: 'unit-count', title: words.unitCount, value: counts.unitCount, color: '#0958d9' },
    { key: 'cadre-count', title: words.cadreCount, value: counts.cadreCount, color: '#389e0d' },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => (
        <Col key={card.key} xs={12} md={8} xl={{ flex: '20%' }}>
          <Card size="small" data-testid={card.key}>
            <Statistic
              title={card.title}
              value={card.value}
              valueStyle={{ color: card.color, fontWeight: 600 }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
