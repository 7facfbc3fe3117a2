import { builder } from './builder';
import './modules/common';
import './modules/geography';
import './modules/organisation';
import './modules/organisation-mutations';
import './modules/access';
import './modules/summary';

export const schema = builder.toSchema();
