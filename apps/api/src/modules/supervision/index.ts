/** 监督考核机制: reports, inspections and findings, village supervisors, accountability, village assessments, performance and exit rewards. */
import './enums';
import './report';
import './reporter';
import './report-steps';
import './inspection';
import './inspection-finding';
import './village-supervisor';
import './accountability';
import './village-assessment';
import './county-review';
import './performance';
import './village-exit';
