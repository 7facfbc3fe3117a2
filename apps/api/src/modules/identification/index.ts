/** Precise identification (精准识别机制): one file per entity, imported once by src/schema.ts. */
import './enums';
import './household';
import './household-member';
import './income-record';
import './guarantee-check';
import './measure';
import './status-application';
import './application-step';
import './application-advice';
import './exclusion-finding';
import './exclusion-screening';
import './sector-record';
import './monitoring-object';
import './monitoring-step';
import './exit-verification';
import './survey-sample';
import './rates';
