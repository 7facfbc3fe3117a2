/** 监督考核机制: reports with their workflow, time limits and the reporter's anonymity. */
import './enums';
import './report';
import './reporter';
import './report-steps';
