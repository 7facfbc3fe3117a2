/** 工作推进机制: the command structure, meetings, resolutions and policy documents. */
import './command-post';
import './meeting';
import './resolution';
import './policy-document';
