import type { EnumValue } from '@gongjian/schema';
import type { Locale } from './i18n.tsx';
import { assistanceLabels } from './labels/assistance.ts';
import { fundsLabels } from './labels/funds.ts';
import { identificationLabels } from './labels/identification.ts';
import { organisationLabels } from './labels/organisation.ts';
import { responsibilityLabels } from './labels/responsibility.ts';
import { supervisionLabels } from './labels/supervision.ts';
import { workAdvancementLabels } from './labels/work-advancement.ts';

/**
 * The display names of the schema's enums in both locales: the one table the clients read (each file is
 * checked against the schema's values, so a new enum value without a label does not compile).
 */
const labelTables = {
  'zh-CN': {
    ...organisationLabels['zh-CN'],
    ...workAdvancementLabels['zh-CN'],
    ...responsibilityLabels['zh-CN'],
    ...identificationLabels['zh-CN'],
    ...assistanceLabels['zh-CN'],
    ...fundsLabels['zh-CN'],
    ...supervisionLabels['zh-CN'],
  },
  en: {
    ...organisationLabels.en,
    ...workAdvancementLabels.en,
    ...responsibilityLabels.en,
    ...identificationLabels.en,
    ...assistanceLabels.en,
    ...fundsLabels.en,
    ...supervisionLabels.en,
  },
};

export type LabelledEnum = keyof (typeof labelTables)['zh-CN'];

/** The display name of an enum value in the given locale (unknown values are shown as they are). */
export function enumLabel<Name extends LabelledEnum>(
  name: Name,
  value: EnumValue<Name> | string,
  locale: Locale,
): string {
  const table = labelTables[locale][name] as Record<string, string>;
  return table[value] ?? value;
}

/** `[value, label]` pairs of an enum, in the table's order, for selects and filters. */
export function enumOptions<Name extends LabelledEnum>(name: Name, locale: Locale) {
  const table = labelTables[locale][name] as Record<EnumValue<Name>, string>;
  return (Object.keys(table) as EnumValue<Name>[]).map((value) => ({ value, label: table[value] }));
}

/** The values of an enum in the table's order (e.g. to check them in a URL). */
export function enumValues<Name extends LabelledEnum>(name: Name) {
  return Object.keys(labelTables['zh-CN'][name]) as EnumValue<Name>[];
}
