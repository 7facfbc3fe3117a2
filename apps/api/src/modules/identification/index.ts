/** Precise identification (精准识别机制): one file per concern, imported once by src/schema.ts. */
import './enums';
import './registry';
import './registry-mutations';
import './records-mutations';
import './procedure';
import './application-advice';
import './screening';
import './monitoring';
import './monitoring-mutations';
import './verification';
import './rates';
