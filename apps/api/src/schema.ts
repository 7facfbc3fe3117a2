import { builder } from './builder';
import './shared/scalars';
import './shared/error-types';
import './modules/geography/region';
import './modules/organisation';
import './modules/access/viewer';
import './modules/access/audit-log';
import './modules/summary';
import './modules/identification';
import './modules/work-advancement';
import './modules/responsibility';
import './modules/assistance';
import './modules/funds';
import './modules/supervision';

export const schema = builder.toSchema();
