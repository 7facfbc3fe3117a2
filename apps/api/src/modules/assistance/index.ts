/** Assistance (帮扶工作机制): work teams, pairings, visits, monthly compliance and coverage. */
import './work-team';
import './work-team-member';
import './pairing';
import './visit';
import './compliance';
import './coverage';
import './helper-load';
import './work-team-withdrawal';
import './activity';
