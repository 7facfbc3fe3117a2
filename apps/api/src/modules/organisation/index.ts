/** Organisation (组织): units and their cadres, shared by every mechanism. */
import './unit';
import './cadre';
