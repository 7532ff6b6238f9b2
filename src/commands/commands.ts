/**
 * The ribbon's function file (manifest FunctionFile, commands.html). The only ribbon button opens the task pane
 * (a ShowTaskpane action), which needs no code; this page just has to initialise Office.js.
 */
import { onOfficeReady } from '../excel/office';

void onOfficeReady();
