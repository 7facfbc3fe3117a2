/** 资金整合机制: fund sources, overlaps, reported totals and their reconciliation, the project library, allocations, payments, notices and audit findings. */
import './enums';
import './fund-source';
import './fund-overlap';
import './reported-total';
import './reconciliation';
import './project';
import './project-step';
import './allocation';
import './disbursement';
import './notice';
import './notice-objection';
import './audit-finding';
