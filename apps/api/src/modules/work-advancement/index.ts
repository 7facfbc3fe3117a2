/** 工作推进机制: the command structure, meetings, resolutions and policy documents. */
import './command-post';
import './command-structure-writes';
import './meeting';
import './resolution';
import './policy-document';
import './record-edits';
import './withdrawal';
