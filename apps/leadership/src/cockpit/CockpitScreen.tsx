import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import {
  FullPageSpin,
  QueryErrorAlert,
  RegionPicker,
  RegionPicker_region,
  useCountyToday,
  useWords,
} from '@gongjian/ui';
import { Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { FIRST_DAY, pickerValue, regionOfPickerPath, useSelection } from '../selection.tsx';
import { CockpitIndicators, CockpitIndicators_cockpit } from './CockpitIndicators.tsx';
import { CockpitSupervision, CockpitSupervision_cockpit } from './CockpitSupervision.tsx';
import { CockpitTrends, CockpitTrends_cockpit } from './CockpitTrends.tsx';
import { CockpitWarnings, CockpitWarnings_cockpit } from './CockpitWarnings.tsx';
import { DrillDrawer, type DrillRequest } from './DrillDrawer.tsx';
import './cockpit.css';
import { cockpitWords } from './words.ts';

const CockpitQuery = graphql.persisted(
  'leadership/Cockpit',
  graphql(
    `
    query Cockpit($regionId: ID, $asOf: Date) {
      cockpit(regionId: $regionId, asOf: $asOf) {
        asOf
        region { id name level }
        ...CockpitIndicators_cockpit
        ...CockpitWarnings_cockpit
        ...CockpitTrends_cockpit
        ...CockpitSupervision_cockpit
      }
    }
  `,
    [CockpitIndicators_cockpit, CockpitWarnings_cockpit, CockpitTrends_cockpit, CockpitSupervision_cockpit],
  ),
);

/** The overview: figures with their lights, ranked warnings and trends for one scope and day, printable to A4. */
export function CockpitScreen({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(cockpitWords);
  const today = useCountyToday();
  const root = readFragment(RegionPicker_region, jurisdiction);
  const { selection, regionId, selectRegion, setAsOf } = useSelection();
  const { asOf } = selection;
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CockpitQuery,
    variables: { regionId, asOf },
  });
  const cockpit = data?.cockpit;
  return (
    <section className="cockpit" data-testid="cockpit">
      <header className="cockpit-header">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="cockpit-title">
          {words.title}
          {cockpit && ` · ${cockpit.region.name}`}
        </Typography.Title>
        <Typography.Text className="cockpit-print-only">
          {words.asOf} {cockpit?.asOf}
        </Typography.Text>
        <Space wrap className="cockpit-controls">
          <Typography.Text type="secondary">{words.jurisdiction}</Typography.Text>
          <RegionPicker
            id="cockpit-scope"
            root={jurisdiction}
            deepest="VILLAGE"
            value={pickerValue(selection, root)}
            onChange={(path) => selectRegion(...regionOfPickerPath(path, root))}
          />
          <Typography.Text type="secondary">{words.asOf}</Typography.Text>
          <Input
            type="date"
            data-testid="cockpit-as-of"
            aria-label={words.asOf}
            style={{ width: 150 }}
            value={asOf}
            min={FIRST_DAY}
            max={today}
            onChange={(event) => event.target.value && setAsOf(event.target.value)}
          />
          <Button onClick={() => setAsOf(today)}>{words.today}</Button>
          <Button onClick={() => setAsOf('2019-09-11')}>{words.articleDay}</Button>
          <Button type="primary" onClick={() => window.print()}>
            {words.print}
          </Button>
        </Space>
      </header>
      {error && (
        <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      {!cockpit && fetching && <FullPageSpin />}
      {cockpit && (
        <div className="cockpit-body">
          <CockpitIndicators cockpit={cockpit} onDrill={setDrill} />
          <div className="cockpit-panel">
            <Typography.Title level={5}>{words.supervision}</Typography.Title>
            <CockpitSupervision cockpit={cockpit} onDrill={setDrill} />
          </div>
          <div className="cockpit-columns">
            <div className="cockpit-panel">
              <Typography.Title level={5}>{words.warnings}</Typography.Title>
              <CockpitWarnings cockpit={cockpit} onDrill={setDrill} />
            </div>
            <div className="cockpit-panel">
              <Typography.Title level={5}>{words.trends}</Typography.Title>
              <CockpitTrends cockpit={cockpit} />
            </div>
          </div>
        </div>
      )}
      <DrillDrawer request={drill} regionId={regionId} asOf={asOf} onClose={() => setDrill(null)} />
    </section>
  );
}
