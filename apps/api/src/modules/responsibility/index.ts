/** 攻坚责任机制: tasks, their tree and progress, reassignment, levels and the battle map. */
import './task';
import './responsibility-level';
import './task-source';
import './task-tree';
import './task-progress';
import './task-reassignment';
import './battle-map';
