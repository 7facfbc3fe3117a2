import { describe, expect, it } from 'vitest';
import {
  type AnyParameterEntry,
  createParameterTable,
  DEFAULT_PARAMETERS,
  HUNAN_PROVINCE,
  InvalidInputError,
  incomeLine,
  JIANGHUA,
  JIANGHUA_COUNTY,
  lookupParameter,
  MissingParameterError,
  percentRatio,
  policyFor,
  source,
  withOverrides,
  yuan,
} from '../src';
import { jianghua, thrown } from './helpers';

describe('income lines by year (POLICY.md 1.1)', () => {
  it.each([
    [2010, 2300],
    [2013, 2736],
    [2014, 2800],
    [2015, 2855],
    [2016, 2952],
    [2017, 2952],
    [2018, 2995],
    [2019, 3218],
    [2020, 4000],
  ])('the %i NBS line is %i yuan', (year, line) => {
    expect(incomeLine(jianghua(year), 'nbs')).toBe(yuan(line));
    expect(incomeLine(jianghua(year), 'exit')).toBe(yuan(line));
  });

  it('marks the unverified 2017 and 2018 lines as weak evidence', () => {
    expect(jianghua(2018).resolve('incomeLine.nbs').source.grade).toBe('W');
    expect(jianghua(2019).resolve('incomeLine.nbs').source.grade).toBe('N');
  });

  it.each([2009, 2021])('has no line for %i and says so, naming the parameter', (year) => {
    expect(() => incomeLine(jianghua(year), 'nbs')).toThrow(MissingParameterError);
    const error = thrown(() => incomeLine(jianghua(year), 'exit'));
    expect(error).toBeInstanceOf(MissingParameterError);
    expect(error).toMatchObject({
      code: 'MISSING_PARAMETER',
      parameter: 'incomeLine.exit',
      year,
      region: { province: HUNAN_PROVINCE, county: JIANGHUA_COUNTY },
    });
    expect((error as Error).message).toContain('incomeLine.exit');
  });
});

describe('layered lookup: county → province → national', () => {
  it('takes the national default when nothing overrides it', () => {
    const resolved = lookupParameter(DEFAULT_PARAMETERS, 'team.minMembers', 2019, JIANGHUA);
    expect(resolved).toMatchObject({
      value: 3,
      scope: { level: 'NATIONAL' },
      source: { document: 'TEAM_2017' },
    });
  });

  it('takes the province value over the national one (Hunan collective income)', () => {
    expect(jianghua(2018).get('villageExit.minCollectiveIncome')).toBe(yuan(40_000));
    expect(
      policyFor(DEFAULT_PARAMETERS, 2018, { province: '440000' }).get('villageExit.minCollectiveIncome'),
    ).toBeNull();
  });

  it('takes a county override for the years it covers only', () => {
    const table = withOverrides(DEFAULT_PARAMETERS, [
      {
        key: 'pairing.maxHouseholdsPerHelper',
        scope: { level: 'COUNTY', county: JIANGHUA_COUNTY },
        fromYear: 2020,
        toYear: 2020,
        value: 4,
        source: source('PROJECT_DEFAULT', 'L', 'county decision'),
      },
    ]);
    expect(policyFor(table, 2019, JIANGHUA).get('pairing.maxHouseholdsPerHelper')).toBe(5);
    expect(policyFor(table, 2020, JIANGHUA).get('pairing.maxHouseholdsPerHelper')).toBe(4);
    expect(
      policyFor(table, 2020, { province: HUNAN_PROVINCE, county: '431100' }).get(
        'pairing.maxHouseholdsPerHelper',
      ),
    ).toBe(5);
  });

  it('lets a county set a stricter 1 % missed-rate threshold', () => {
    const table = withOverrides(DEFAULT_PARAMETERS, [
      {
        key: 'countyExit.maxMissedRate',
        scope: { level: 'COUNTY', county: JIANGHUA_COUNTY },
        fromYear: 2018,
        value: percentRatio(1),
        source: source('PROJECT_DEFAULT', 'L'),
      },
    ]);
    expect(policyFor(table, 2018, JIANGHUA).get('countyExit.maxMissedRate')).toEqual({
      numerator: 1,
      denominator: 100,
    });
  });

  it('reads monitoring ranges per year and province, and refuses unknown years', () => {
    expect(jianghua(2021).get('monitor.range')).toBe(yuan(6000));
    expect(jianghua(2022).get('monitor.range')).toBe(yuan(6900));
    expect(() => jianghua(2023).get('monitor.range')).toThrow(MissingParameterError);
    expect(() => policyFor(DEFAULT_PARAMETERS, 2022, { province: '440000' }).get('monitor.range')).toThrow(
      /monitor\.range.*2022.*province 440000/,
    );
  });

  it('has the village exit reward and bonus share only where the article sets them (Jianghua)', () => {
    expect(jianghua(2018).get('villageExitReward')).toBe(yuan(100_000));
    const elsewhere = policyFor(DEFAULT_PARAMETERS, 2018, { province: HUNAN_PROVINCE, county: '430100' });
    expect(() => elsewhere.get('villageExitReward')).toThrow(MissingParameterError);
    expect(() => elsewhere.get('performance.minBonusShare')).toThrow(MissingParameterError);
  });

  it('has no region class for a province it knows nothing about', () => {
    expect(jianghua(2018).get('regionClass')).toBe('CENTRAL');
    expect(() => policyFor(DEFAULT_PARAMETERS, 2018, { province: '520000' }).get('regionClass')).toThrow(
      MissingParameterError,
    );
  });
});

describe('table validation', () => {
  const entry = (fromYear: number, toYear?: number): AnyParameterEntry => ({
    key: 'team.minYears',
    scope: { level: 'PROVINCE', province: HUNAN_PROVINCE },
    fromYear,
    ...(toYear === undefined ? {} : { toYear }),
    value: 2,
    source: source('TEAM_2017', 'N'),
  });

  it.each([
    ['overlapping open ranges', [entry(2014), entry(2016)]],
    ['overlapping closed ranges', [entry(2014, 2016), entry(2016, 2018)]],
    ['a range ending before it starts', [entry(2016, 2014)]],
    ['a fractional year', [entry(2016.5)]],
  ])('refuses %s', (_, entries) => {
    expect(() => createParameterTable(entries)).toThrow(InvalidInputError);
  });

  it('accepts adjacent ranges and the same years at different levels', () => {
    const table = createParameterTable([
      entry(2014, 2015),
      entry(2016),
      { ...entry(2014), scope: { level: 'NATIONAL' } },
    ]);
    expect(table.entries).toHaveLength(3);
  });

  it('refuses a county override that clashes with an existing one', () => {
    const override: AnyParameterEntry = {
      key: 'villageExitReward',
      scope: { level: 'COUNTY', county: JIANGHUA_COUNTY },
      fromYear: 2019,
      value: yuan(50_000),
      source: source('PROJECT_DEFAULT', 'L'),
    };
    expect(() => withOverrides(DEFAULT_PARAMETERS, [override])).toThrow(/villageExitReward/);
  });

  it('refuses a fractional year in a policy', () => {
    expect(() => policyFor(DEFAULT_PARAMETERS, 2019.5, JIANGHUA)).toThrow(InvalidInputError);
  });
});
