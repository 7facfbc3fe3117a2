import { builder } from './builder';
import './modules/common';
import './modules/geography';
import './modules/organisation';
import './modules/organisation-mutations';
import './modules/access';
import './modules/summary';
import './modules/identification';
import './modules/work-advancement';
import './modules/work-advancement-mutations';
import './modules/responsibility';
import './modules/responsibility-mutations';
import './modules/battle-map';

export const schema = builder.toSchema();
