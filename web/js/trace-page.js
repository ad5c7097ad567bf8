/**
 * The trace viewer (/trace): wiring only. A file picked or dropped is read (trace-file.js) and shown in
 * the Behind the Scenes view with a replay slider (ui/trace-viewer.js).
 */
import {fileText, readTraceFile, replayTimes, traceUpTo} from './bts/trace-file.js';
import {bindFileOpening, showError, showTrace} from './ui/trace-viewer.js';

bindFileOpening(async (file) => {
  try {
    const trace = readTraceFile(await fileText(file));
    showTrace(trace, replayTimes(trace), (at) => traceUpTo(trace, at));
  } catch (error) {
    showError(`${file.name}: ${error.message}`);
  }
});
