/**
 * Reading a trace file for the /trace viewer (an exported trace or a chrome://webrtc-internals dump), and
 * the trace as it stood at a moment of its replay. No DOM.
 */
import {fromInternalsDump, isInternalsDump} from '../insight/internals-dump.js';
import {validateTrace} from '../insight/trace.js';

/**
 * A file's text, gunzipped first when it is gzip (Chromium can save its webrtc-internals dump compressed).
 * @param {Blob} file
 * @return {Promise<string>}
 */
export async function fileText(file) {
  const start = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  if (start[0] !== 0x1f || start[1] !== 0x8b) return file.text();
  return new Response(file.stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

/**
 * @param {string} text the file's contents
 * @return {object} the trace; throws an Error saying what is wrong with the file
 */
export function readTraceFile(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`This file is not JSON (${error.message}). Open a trace exported from Behind the Scenes `
      + 'or a chrome://webrtc-internals dump.');
  }
  return isInternalsDump(json) ? fromInternalsDump(json) : validateTrace(json);
}

/** The times a replay steps through: every event's and every sample's, in order, without repeats. */
export function replayTimes(trace) {
  const times = new Set(trace.events.map((e) => e.at));
  for (const samples of Object.values(trace.stats ?? {})) for (const {at} of samples) times.add(at);
  return [...times].sort((a, b) => a - b);
}

/** The trace as it stood at `at`: what had happened by then (the same object when nothing is cut). */
export function traceUpTo(trace, at) {
  const events = trace.events.filter((e) => e.at <= at);
  const stats = Object.fromEntries(Object.entries(trace.stats ?? {})
      .map(([peerId, samples]) => [peerId, samples.filter((s) => s.at <= at)]));
  return {...trace, events, stats, replayAt: at};
}
